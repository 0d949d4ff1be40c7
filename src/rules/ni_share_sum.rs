use super::{declare_rule, lookup, Ctx, Document, Finding, Label, Severity};
use crate::amount::format_fixed;
use crate::narrative::Part;
use crate::tables::TableId;
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// The shares of one complete breakdown add up to 100%: the income sources of the
    /// 收入预算情况说明, the 基本/项目 split of the 支出预算情况说明, and the classes of the
    /// 一般公共预算当年拨款结构情况 — when their amounts add up to the whole (T1 收入总计 /
    /// 支出总计, T5 合计). A sum off by no more than the shares' rounding (0.005 points each at
    /// two decimals) is info; beyond it, an error.
    ///
    /// ### Why
    /// The catalogue's NI-SHARE-SUM: rounded shares may miss 100 by a rounding residue, never by
    /// more.
    ///
    /// ### Example
    /// S2 结构: 0.02 + 99.40 + 0.25 + 0.34 = 100.01 — info.
    ///
    /// ### Known problems
    /// A breakdown whose amounts do not add up to the whole (a partial list) is not summed.
    NiShareSum, "NI-SHARE-SUM", "同一构成的占比之和 = 100%", "shares of one breakdown add up to 100%", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiShareSum::META;
    if doc.narrative.shares.is_empty() {
        return;
    }
    let t1 = doc.table(TableId::T1).and_then(|t| t.balance());
    let t5 = doc.table(TableId::T5).and_then(|t| t.coded()).filter(|c| !c.columns.is_empty());
    let whole = |part: Part| -> Option<(Decimal, Decimal)> {
        let a = match part {
            Part::Income => t1?.income_total.as_ref()?.amount.clone()?,
            Part::Expense => t1?.expense_total.as_ref()?.amount.clone()?,
            _ => {
                let t = lookup::cell(TableId::T5, t5?, lookup::total_row(t5?)?, &t5?.columns[0], doc)?;
                return Some((t.value, t.half));
            }
        };
        Some((a.value, a.half_step()))
    };
    let hundred = Decimal::from(100);
    let claim_at: std::collections::HashMap<usize, &crate::narrative::Claim> =
        doc.narrative.claims().iter().map(|c| (c.figure.amount.span.start, c)).collect();
    for part in [Part::Income, Part::Expense, Part::Gpb] {
        let in_part = |span_start: usize| {
            claim_at.get(&span_start).is_some_and(|c| c.part == part && (part != Part::Gpb || c.level == Some('类')))
        };
        let shares: Vec<_> = doc.narrative.shares.iter().filter(|s| in_part(s.part.amount.span.start)).collect();
        if shares.len() < 2 {
            continue;
        }
        let Some((base, hb)) = whole(part) else { continue };
        if base.is_zero() {
            continue;
        }
        let (sum_x, h_x) = shares.iter().fold((Decimal::ZERO, Decimal::ZERO), |(v, h), s| {
            let (x, hx) = s.part.value_wan();
            (v + x, h + hx)
        });
        // Only a complete breakdown: the parts add up to the whole.
        if (sum_x - base).abs() > h_x + hb {
            continue;
        }
        let sum_p: Decimal = shares.iter().map(|s| s.percent.amount.value).sum();
        let envelope: Decimal = shares.iter().map(|s| s.percent.amount.half_step()).sum::<Decimal>()
            + (sum_x - base).abs() / base * hundred;
        let diff = sum_p - hundred;
        if diff.is_zero() {
            ctx.record(None);
            continue;
        }
        let severity = if diff.abs() <= envelope { Severity::Info } else { Severity::Error };
        let printed: Vec<String> =
            shares.iter().map(|s| doc.text.get(s.percent.amount.span.clone()).unwrap_or("").to_string()).collect();
        let d = shares.iter().map(|s| s.percent.amount.decimals).max().unwrap_or(2);
        let total = format_fixed(sum_p, d);
        let last = shares[shares.len() - 1];
        ctx.record(Some(
            Finding::new(meta, Label { span: last.percent.amount.span.clone(), what: "占比".into() })
                .severity(severity)
                .message(
                    if severity == Severity::Info {
                        format!(
                            "各项占比之和 {total}%，与 100% 相差在四舍五入范围（±{}）内",
                            format_fixed(envelope, d + 1)
                        )
                    } else {
                        format!("各项占比之和 {total}%，应为 100%")
                    },
                    format!("the shares add up to {total}%, not 100%"),
                )
                .found(format!("{total}%"))
                .expected("100%")
                .note(format!("{} = {total}", printed.join("% + ") + "%"))
                .related(
                    shares[..shares.len() - 1]
                        .iter()
                        .map(|s| Label { span: s.percent.amount.span.clone(), what: "占比".into() })
                        .collect(),
                ),
        ));
    }
}
