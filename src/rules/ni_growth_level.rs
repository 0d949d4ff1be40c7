use super::{declare_rule, Ctx, Document, Finding, Label};
use crate::amount::format_fixed;
use crate::narrative::{Figure, LevelGrowth};
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// Every growth statement that prints both years' figures and the rate, not the change:
    /// `上年执行数为 X 万元，本年预算 Y 万元，比上年执行数增加 Z%` has Z = (Y − X) ÷ X × 100
    /// (a decrease: (X − Y) ÷ X × 100).
    ///
    /// ### Why
    /// Provinces that explain each 项 this way (上海) print a rate per item; a rate that does not
    /// follow from the two printed figures means one of the three is wrong.
    ///
    /// ### Example
    /// `执行数为 1.48 万元，…安排 2.63 万元，比…增加 77.70%`: 1.15 ÷ 1.48 = 77.70% ✓.
    ///
    /// ### Known problems
    /// Checked statcheck-style: the rate is recomputed from the intervals the printed figures stand
    /// for; only a rate outside that range is an error. A last year of 0 (a new item, printed as
    /// 100% by convention) is not checked.
    NiGrowthLevel, "NI-GROWTH-LEVEL", "增减幅 = (本年数 − 上年数) ÷ 上年数", "growth rate = (this year − last year) ÷ last year", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiGrowthLevel::META;
    for g in &doc.narrative.level_growths {
        let (x, hx) = g.base.value_wan();
        let (y, hy) = g.current.value_wan();
        if x - hx <= Decimal::ZERO {
            continue;
        }
        // The signed rate Y ÷ X − 1 over the figures' intervals.
        let hundred = Decimal::ONE_HUNDRED;
        let lo = ((y - hy) / (x + hx) - Decimal::ONE) * hundred;
        let hi = ((y + hy) / (x - hx) - Decimal::ONE) * hundred;
        let sign = if g.up { Decimal::ONE } else { -Decimal::ONE };
        let (b, hb) = (g.rate.amount.value * sign, g.rate.amount.half_step());
        let ok = b + hb >= lo && b - hb <= hi;
        ctx.record((!ok).then(|| finding(meta, g, (y - x) / x * hundred, (lo, hi), doc.text)));
    }
}

fn finding(
    meta: &'static super::RuleMeta,
    g: &LevelGrowth,
    point: Decimal,
    (lo, hi): (Decimal, Decimal),
    text: &str,
) -> Finding {
    let t = |f: &Figure| text.get(f.amount.span.clone()).unwrap_or("").to_string();
    let (base, cur, rate) = (t(&g.base), t(&g.current), t(&g.rate));
    let d = g.rate.amount.decimals;
    let shown = if g.up { point } else { -point };
    let (pt, lo_s, hi_s) = (format_fixed(point, d + 1), format_fixed(lo, d), format_fixed(hi, d));
    let word = if g.up { "增加" } else { "减少" };
    Finding::new(meta, Label { span: g.rate.amount.span.clone(), what: format!("增减幅 {rate}%") })
        .message(
            format!("{word} {rate}% 与 ({cur} − {base}) ÷ {base} 不符：按印刷数字应为 {pt}%（{lo_s}%–{hi_s}%）"),
            format!("rate {rate}% does not follow from ({cur} − {base}) ÷ {base}: recomputed {pt}% ({lo_s}%–{hi_s}%)"),
        )
        .found(format!("{rate}%"))
        .expected(format!("{word} {}%", format_fixed(shown.abs(), d)))
        .note(format!("({cur} − {base}) ÷ {base} × 100 = {}%", format_fixed(point, d + 1)))
        .related(vec![
            Label { span: g.base.amount.span.clone(), what: format!("上年数 {base}") },
            Label { span: g.current.amount.span.clone(), what: format!("本年数 {cur}") },
        ])
}
