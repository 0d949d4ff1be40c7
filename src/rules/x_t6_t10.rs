use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 一般公共预算基本支出情况表 (T6) against 财政拨款“三公”经费支出情况表 (T10), part ≤ whole:
    /// 30212 因公出国（境）费用 ≤ 因公出国(境)费; 30217 公务接待费 ≤ 公务接待费; 30231 公务用车
    /// 运行维护费 ≤ 公务用车运行费; 31013 公务用车购置 ≤ 公务用车购置费.
    ///
    /// ### Why
    /// T10 is the whole 三公 spending (basic and project); the basic part in T6 cannot exceed it.
    /// Equality is usual but only ≤ is required.
    ///
    /// ### Example
    /// T6 `30217 0.14` ≤ T10 `公务接待费 0.14`.
    ///
    /// ### Known problems
    /// Compares T10's 合计 column only. Each table is read in its own unit (a 三公 table in 万元
    /// beside a 基本支出 table in 元 is common): T6's amount is compared in T10's unit.
    XT6T10, "X-T6-T10", "基本支出中的三公经费不超过三公经费表", "T6 三公 items ≤ T10 (part ≤ whole)", check: check
}

/// An economic code and the test that names its T10 line.
type Pair = (&'static str, fn(&str) -> bool);

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT6T10::META;
    let (Some(t6), Some((t10, _))) =
        (lookup::coded(meta, TableId::T6, doc, ctx), lookup::labelled(meta, TableId::T10, doc, ctx))
    else {
        return;
    };
    let pairs: [Pair; 4] = [
        ("30212", |l| l.contains("因公出国")),
        ("30217", |l| l.contains("公务接待")),
        ("30231", crate::tables::is_t10_running),
        ("31013", |l| l.contains("购置费") && !l.contains("购置及运行")),
    ];
    for (code, is_item) in pairs {
        let Some(r6) = lookup::row(t6, code) else { continue };
        let Some(mut part) = lookup::cell(TableId::T6, t6, r6, &t6.columns[0], doc) else { continue };
        // The two tables in their own units (T6 in 元, T10 in 万元): T6's amount in T10's.
        if let (Some(u6), Some(u10)) = (ctx.unit(TableId::T6), ctx.unit(TableId::T10)) {
            if u6 > u10 {
                continue; // (a 万元 T6 beside a 元 T10 is not seen in any template)
            }
            if u6 < u10 {
                part.value = part.value * u6 / u10;
                part.half = part.half * u6 / u10;
                part.decimals += 4;
            }
        }
        let Some(r10) = t10.rows.iter().find(|r| is_item(&r.label)) else { continue };
        if r10.problem.is_some() && !matches!(r10.cells.first(), Some(crate::tables::Cell::Value(_))) {
            continue;
        }
        let Some(whole) =
            r10.cells.first().and_then(|c| super::Term::from_cell(c, format!("T10 {}", r10.label), doc.text))
        else {
            continue;
        };
        lookup::at_least(
            meta,
            Some(TableId::T6),
            format!("T6 {code} ≤ T10 {}", r10.label),
            format!("T6 {code} ≤ T10 {}", r10.label),
            part,
            whole,
            ctx,
        );
    }
}
