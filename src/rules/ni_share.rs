use super::{declare_rule, lookup, Ctx, Document, Finding, Label, Severity};
use crate::amount::format_fixed;
use crate::tables::TableId;
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// Every share in the narrative, `X 万元，占 p%`, is X ÷ base for one of the bases a disclosure
    /// uses: the whole the sentence splits (`收入预算 11931.33 万元，其中：…`), an amount stated
    /// shortly before, T1 收入总计 / 支出总计, T3 合计, T4 总计, T5 合计.
    ///
    /// ### Why
    /// A share that no base reproduces is a typo in the share or in the amount.
    ///
    /// ### Example
    /// `一般公共预算 4007.60 万元，占 33.59%`: 4007.60 ÷ 11931.33 = 33.59% ✓.
    ///
    /// ### Known problems
    /// Lenient about the base (any of the usual ones passes), so a share computed on the wrong base
    /// that happens to match another is not caught. Checked statcheck-style from the intervals the
    /// printed figures stand for; a share inside that range but more than one printed unit off
    /// every recomputation from the printed figures is info. Runs only when T1 was read.
    NiShare, "NI-SHARE", "占比 = 金额 ÷ 基数", "share = amount ÷ base", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiShare::META;
    if doc.narrative.shares.is_empty() {
        return;
    }
    let Some(t1) = super::balance_lines::table(meta, doc, ctx) else { return };
    // Bases from the tables, as (value, half-step).
    let mut bases: Vec<(Decimal, Decimal)> = Vec::new();
    for item in [&t1.income_total, &t1.expense_total].into_iter().flatten() {
        if let Some(a) = &item.amount {
            bases.push((a.value, a.half_step()));
        }
    }
    for id in [TableId::T3, TableId::T5] {
        if let Some(c) = doc.tables.iter().find(|t| t.id == id).and_then(|t| t.coded()) {
            if let Some(a) = lookup::total_row(c).and_then(|r| r.cells.first()).and_then(|c| c.amount()) {
                bases.push((a.value, a.half_step()));
            }
        }
    }
    if let Some(a) = doc
        .tables
        .iter()
        .find(|t| t.id == TableId::T4)
        .and_then(|t| t.balance())
        .and_then(|b| b.income_total.as_ref())
        .and_then(|i| i.amount.as_ref())
    {
        bases.push((a.value, a.half_step()));
    }
    // Tables of another document or in 元: only the text's own amounts are bases.
    if doc.narrative.text_only() {
        bases.clear();
    }
    let hundred = Decimal::new(100, 0);
    for sh in &doc.narrative.shares {
        let (x, hx) = sh.part.value_wan();
        let (p, hp) = (sh.percent.amount.value, sh.percent.amount.half_step());
        let mut candidates = bases.clone();
        if let Some(s) = &sh.subject {
            candidates.push(s.value_wan());
        }
        candidates.extend(sh.nearby.iter().map(|f| f.value_wan()));
        let fits_of = |x: Decimal, hx: Decimal, (b, hb): &(Decimal, Decimal)| {
            let (b_lo, b_hi) = (*b - *hb, *b + *hb);
            if b_lo <= Decimal::ZERO {
                return false;
            }
            let lo = (x - hx).max(Decimal::ZERO) / b_hi * hundred;
            let hi = (x + hx) / b_lo * hundred;
            p + hp >= lo && p - hp <= hi
        };
        let fits = |c: &(Decimal, Decimal)| fits_of(x, hx, c);
        let text = |f: &crate::narrative::Figure| doc.text.get(f.amount.span.clone()).unwrap_or("").to_string();
        let d = sh.percent.amount.decimals;
        let point = |b: Decimal| if b.is_zero() { None } else { Some(x / b * hundred) };
        if let Some((b, hb)) = candidates.iter().find(|c| fits(c)).copied() {
            // Inside the rounding range of some base. More than one printed unit off every
            // recomputation from the printed figures: still worth a look (info, never error).
            let close = candidates
                .iter()
                .filter(|c| fits(c))
                .any(|(b, _)| point(*b).is_some_and(|q| (p - q.round_dp(d)).abs() <= hp * Decimal::TWO));
            if close {
                ctx.record(None);
                continue;
            }
            let q = point(b).unwrap_or_default();
            let lo = (x - hx).max(Decimal::ZERO) / (b + hb) * hundred;
            let hi = if b - hb > Decimal::ZERO { (x + hx) / (b - hb) * hundred } else { q };
            ctx.record(Some(Finding {
                rule: meta.id,
                severity: Severity::Info,
                table: None,
                message_zh: format!(
                    "占比 {}% 在舍入范围内（{}%–{}%），但按印刷数字重算为 {}%",
                    text(&sh.percent),
                    format_fixed(lo, d),
                    format_fixed(hi, d),
                    format_fixed(q, d + 1)
                ),
                message_en: format!(
                    "share {}% is inside the rounding range ({}%–{}%) but recomputes to {}% from the printed figures",
                    text(&sh.percent),
                    format_fixed(lo, d),
                    format_fixed(hi, d),
                    format_fixed(q, d + 1)
                ),
                found: format!("{}%", text(&sh.percent)),
                expected: format!("{}%", format_fixed(q, d)),
                note: format!("{} ÷ {} × 100 = {}%", text(&sh.part), format_fixed(b, 2), format_fixed(q, d + 1)),
                primary: Label { span: sh.percent.amount.span.clone(), what: format!("占比 {}%", text(&sh.percent)) },
                related: vec![Label { span: sh.part.amount.span.clone(), what: format!("金额 {}", text(&sh.part)) }],
                repairs: Vec::new(),
                likely: None,
            }));
            continue;
        }
        // `财政拨款结转 130.20 万元，其中：…100.30 万元，…29.90 万元，占 1.09%`: after a 其中
        // list the share may be the whole's. Unsure which: pass if the whole's fits.
        let listed = sh
            .subject
            .as_ref()
            .filter(|s| doc.text.get(s.amount.span.end..sh.part.amount.span.start).is_some_and(|t| t.contains("其中")));
        if listed.is_some_and(|s| {
            let (sx, shx) = s.value_wan();
            bases
                .iter()
                .chain(sh.nearby.iter().map(|f| f.value_wan()).collect::<Vec<_>>().iter())
                .any(|c| c.0 > sx && fits_of(sx, shx, c))
        }) {
            ctx.record(None);
            continue;
        }
        // The share on the nearest base (the sentence's whole, else T1's total).
        let base =
            sh.subject.as_ref().map(|s| s.value_wan().0).or_else(|| bases.first().map(|b| b.0)).unwrap_or(Decimal::ONE);
        let expected = if base.is_zero() {
            "—".to_string()
        } else {
            format!("{}%", format_fixed(x / base * hundred, sh.percent.amount.decimals))
        };
        ctx.record(Some(Finding {
            rule: meta.id,
            severity: Severity::Error,
            table: None,
            message_zh: format!("占比 {}% 与 {} 万元 ÷ 任一基数都不符", text(&sh.percent), text(&sh.part)),
            message_en: format!(
                "share {}% matches {} divided by none of the usual bases",
                text(&sh.percent),
                text(&sh.part)
            ),
            found: format!("{}%", text(&sh.percent)),
            expected,
            note: format!("{} ÷ {} × 100", text(&sh.part), format_fixed(base, 2)),
            primary: Label { span: sh.percent.amount.span.clone(), what: format!("占比 {}%", text(&sh.percent)) },
            related: vec![Label { span: sh.part.amount.span.clone(), what: format!("金额 {}", text(&sh.part)) }],
            repairs: Vec::new(),
            likely: None,
        }));
    }
}
