use super::{declare_rule, Ctx, Document, Finding, Label, Severity};
use crate::amount::format_fixed;
use crate::narrative::Growth;
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// Every growth statement in the narrative: `X 万元，比上年(预算)增加 A 万元，增长 B%` has
    /// B = A ÷ (X − A) × 100 (a decrease: A ÷ (X + A)), and the rate's word agrees with the change's
    /// (增加 … 增长, 减少 … 下降/减少).
    ///
    /// ### Why
    /// Reviewers recompute every rate by hand; a rate that does not follow from the printed
    /// figures, or a 增长 after a 减少, means one of them is wrong.
    ///
    /// ### Example
    /// `4007.60 万元，比上年预算增加 1916.17 万元，增长 91.62%`: 1916.17 ÷ 2091.43 = 91.62% ✓.
    ///
    /// ### Known problems
    /// Checked statcheck-style: the rate is recomputed from the intervals the printed figures stand
    /// for and rounded to the printed decimals; only a rate outside that range is an error. A rate
    /// inside it but more than one printed unit off the recomputation from the printed figures is
    /// info (a slip can hide in the wide range of integer amounts: `增加 15 万元，增长 2.20%` of
    /// 712 recomputes to 2.152%, range 2.08–2.23%). A new
    /// item (last year 0) printed as 增长 100% is the template convention and only info. The
    /// statement is bound to the nearest amount before `比上年` in the same sentence.
    NiGrowth, "NI-GROWTH", "增减幅 = 增减额 ÷ 上年数", "growth rate = change ÷ last year", check: check_growths
}

fn check_growths(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiGrowth::META;
    for g in &doc.narrative.growths {
        let Some((rate, word_agrees)) = &g.rate else { continue };
        // A change larger than the amount before it cannot be about that amount (a decrease
        // can; an increase cannot): then the sentence is about its subject, if it has one.
        let impossible = |cur: &crate::narrative::Figure| {
            g.up && cur.value_wan().0 + cur.value_wan().1 < g.change.value_wan().0 - g.change.value_wan().1
        };
        if impossible(&g.current) {
            match &g.subject {
                Some(subj) if !impossible(subj) => {
                    let rebound = Growth { current: subj.clone(), subject: None, ..g.clone() };
                    check(meta, &rebound, rate, *word_agrees, doc, ctx);
                }
                Some(_) => ctx.skip(
                    meta,
                    None,
                    super::SkipReason::UnrecognisedLine {
                        item: doc.text.get(g.current.amount.span.clone()).unwrap_or("").to_string(),
                    },
                    None,
                ),
                None => check(meta, g, rate, *word_agrees, doc, ctx),
            }
            continue;
        }
        // `…结转 130.20 万元，其中：…100.30 万元，…29.90 万元，…比上年预算增加 14.98 万元，增长
        // 13.00%`: after a 其中 list the statement may be about the whole. Unsure which: the
        // whole is taken when the rate fits it and not the nearest amount.
        // (Also `包括…`, `主要用于…`, `、` lists: the nearest amount is one of a list after the
        // subject.)
        let listed = |s: &crate::narrative::Figure| {
            doc.text
                .get(s.amount.span.end..g.current.amount.span.start)
                .is_some_and(|t| ["其中", "包括", "用于", "、"].iter().any(|w| t.contains(w)))
        };
        if let Some(subj) = g.subject.as_ref().filter(|s| listed(s)) {
            let whole = Growth { current: subj.clone(), subject: None, ..g.clone() };
            if !fits(g, rate) && fits(&whole, rate) {
                check(meta, &whole, rate, *word_agrees, doc, ctx);
                continue;
            }
        }
        check(meta, g, rate, *word_agrees, doc, ctx);
    }
}

/// Last year's figure as an interval, from this year's and the change's printed intervals
/// (amounts are never negative).
fn prior_range(g: &Growth) -> (Decimal, Decimal) {
    let (cur, hc) = g.current.value_wan();
    let (a, ha) = g.change.value_wan();
    let cur_lo = (cur - hc).max(Decimal::ZERO);
    if g.up {
        (cur_lo - (a + ha), cur + hc - (a - ha))
    } else {
        (cur_lo + (a - ha), cur + hc + (a + ha))
    }
}

/// The range of rates (in %) the printed figures allow, given last year's range (> 0).
fn rate_range(g: &Growth, (prior_lo, prior_hi): (Decimal, Decimal)) -> (Decimal, Decimal) {
    let (a, ha) = g.change.value_wan();
    let hundred = Decimal::new(100, 0);
    let g_lo = (a - ha).max(Decimal::ZERO) / prior_hi * hundred;
    let g_hi = (a + ha) / prior_lo * hundred;
    // Nothing falls by more than all of it.
    (g_lo, if g.up { g_hi } else { g_hi.min(hundred) })
}

/// Does the printed rate fall in the range the printed figures allow (last year > 0)?
fn fits(g: &Growth, rate: &crate::narrative::Figure) -> bool {
    let prior = prior_range(g);
    if prior.0 <= Decimal::ZERO {
        return false;
    }
    let (g_lo, g_hi) = rate_range(g, prior);
    let (b, hb) = (rate.amount.value, rate.amount.half_step());
    b + hb >= g_lo && b - hb <= g_hi
}

fn check(
    meta: &'static super::RuleMeta,
    g: &Growth,
    rate: &crate::narrative::Figure,
    word_agrees: bool,
    doc: &super::Document<'_>,
    ctx: &mut super::Ctx,
) {
    let text = |f: &crate::narrative::Figure| doc.text.get(f.amount.span.clone()).unwrap_or("").to_string();
    let (cur, _) = g.current.value_wan();
    let (a, _) = g.change.value_wan();
    let (b, hb) = (rate.amount.value, rate.amount.half_step());
    let hundred = Decimal::new(100, 0);
    let related = vec![
        Label { span: g.current.amount.span.clone(), what: format!("本年数 {}", text(&g.current)) },
        Label { span: g.change.amount.span.clone(), what: format!("增减额 {}", text(&g.change)) },
    ];
    let finding = |severity: Severity, zh: String, en: String, expected: String, note: String| Finding {
        rule: meta.id,
        severity,
        table: None,
        message_zh: zh,
        message_en: en,
        found: format!("{}%", text(rate)),
        expected,
        note,
        primary: Label { span: rate.amount.span.clone(), what: format!("增减幅 {}%", text(rate)) },
        related: related.clone(),
        repairs: Vec::new(),
        likely: None,
    };
    // Both zero: 持平, any 0% reads fine.
    if a.is_zero() && b.is_zero() {
        ctx.record(None);
        return;
    }
    if !word_agrees && !a.is_zero() {
        ctx.record(Some(finding(
            Severity::Error,
            format!(
                "{}{} {} 万元，后文的增减幅方向相反（{}%）",
                g.basis,
                if g.up { "增加" } else { "减少" },
                text(&g.change),
                text(rate)
            ),
            format!(
                "{} {} {}, but the rate's word says the opposite ({}%)",
                g.basis,
                if g.up { "up" } else { "down" },
                text(&g.change),
                text(rate)
            ),
            if g.up { "增长".into() } else { "下降".into() },
            "增减额与增减幅的方向词应一致".into(),
        )));
        return;
    }
    // Last year = this year ∓ change, as an interval (amounts are never negative).
    let (prior_lo, prior_hi) = prior_range(g);
    let prior = if g.up { cur - a } else { cur + a };
    // Half-up rounding: printed A > printed current with prior_hi = 0 still means A > current.
    if prior_hi < Decimal::ZERO || (g.up && prior_hi.is_zero() && a > cur) {
        // The only amount the statement can be about is smaller than its increase.
        ctx.record(Some(finding(
            Severity::Error,
            format!("增加额 {} 大于本年数 {}：上年数将为负", text(&g.change), text(&g.current)),
            format!(
                "the increase {} exceeds this year's {}: last year would be negative",
                text(&g.change),
                text(&g.current)
            ),
            format!("≤ {}", text(&g.current)),
            format!(
                "{} − {} = {} < 0",
                text(&g.current),
                text(&g.change),
                format_fixed(prior, g.current.amount.decimals)
            ),
        )));
        return;
    }
    if prior_lo <= Decimal::ZERO {
        // Last year ≈ 0: the rate is undefined; 增长 100% is the convention for a new item
        // (info); any other rate is not.
        let conventional = (b - hundred).abs() <= hb;
        if !conventional {
            ctx.record(Some(finding(
                Severity::Error,
                format!(
                    "上年数为 0（本年 {} = 增加额 {}），增幅按惯例应记为 100%，而非 {}%",
                    text(&g.current),
                    text(&g.change),
                    text(rate)
                ),
                format!(
                    "last year was 0 (this year {} = change {}); the rate is 100% by convention, not {}%",
                    text(&g.current),
                    text(&g.change),
                    text(rate)
                ),
                "100%".into(),
                format!("{} − {} = 0", text(&g.current), text(&g.change)),
            )));
            return;
        }
        let sev = Severity::Info;
        ctx.record(Some(finding(
            sev,
            format!(
                "上年数为 0（本年 {} = 增加额 {}），增幅无定义；按惯例记为 {}%",
                text(&g.current),
                text(&g.change),
                text(rate)
            ),
            format!(
                "last year was 0 (this year {} = change {}); the rate is undefined, printed {}% by convention",
                text(&g.current),
                text(&g.change),
                text(rate)
            ),
            "100%（新增项目惯例）".into(),
            format!("{} − {} = {}", text(&g.current), text(&g.change), format_fixed(prior, g.current.amount.decimals)),
        )));
        return;
    }
    let (g_lo, g_hi) = rate_range(g, (prior_lo, prior_hi));
    let d = rate.amount.decimals;
    let point = a / prior * hundred;
    let (lo_s, hi_s, pt_s) = (format_fixed(g_lo, d), format_fixed(g_hi, d), format_fixed(point, d + 1));
    if b + hb >= g_lo && b - hb <= g_hi {
        // Inside the range the printed figures allow. A rate more than one printed unit off the
        // recomputation from the printed figures is still worth a look (info, never an error):
        // a slip can hide inside a wide range, while a rate computed from unrounded amounts
        // differs from it by a unit at most.
        if (b - point.round_dp(d)).abs() > hb * Decimal::TWO {
            ctx.record(Some(finding(
                Severity::Info,
                format!("增减幅 {}% 在舍入范围内（{}%–{}%），但按印刷数字重算为 {}%", text(rate), lo_s, hi_s, pt_s),
                format!(
                    "rate {}% is inside the rounding range ({}%–{}%) but recomputes to {}% from the printed figures",
                    text(rate),
                    lo_s,
                    hi_s,
                    pt_s
                ),
                format!("{}%", format_fixed(point, d)),
                format!(
                    "{} ÷ ({} {} {}) × 100 = {}%",
                    text(&g.change),
                    text(&g.current),
                    if g.up { "−" } else { "+" },
                    text(&g.change),
                    pt_s
                ),
            )));
        } else {
            ctx.record(None);
        }
        return;
    }
    ctx.record(Some(finding(
        Severity::Error,
        format!(
            "增减幅 {}% 与 {} ÷ {} 不符：按印刷数字应为 {}%（{}%–{}%）",
            text(rate),
            text(&g.change),
            format_fixed(prior, g.current.amount.decimals),
            pt_s,
            lo_s,
            hi_s
        ),
        format!(
            "rate {}% does not follow from {} ÷ {}: recomputed {}% ({}%–{}%)",
            text(rate),
            text(&g.change),
            format_fixed(prior, g.current.amount.decimals),
            pt_s,
            lo_s,
            hi_s
        ),
        format!("{}%", format_fixed(point, d)),
        format!(
            "{} ÷ ({} {} {}) × 100 = {}%",
            text(&g.change),
            text(&g.current),
            if g.up { "−" } else { "+" },
            text(&g.change),
            pt_s
        ),
    )));
}
