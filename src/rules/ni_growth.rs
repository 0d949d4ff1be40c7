use super::{declare_rule, Ctx, Document, Finding, Label, RuleMeta, Severity};
use crate::amount::format_fixed;
use crate::narrative::{Figure, Growth};
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// Every growth statement in the narrative: `X 万元，比上年(预算)增加 A 万元，增长 B%` has
    /// B = A ÷ (X − A) × 100 (a decrease: A ÷ (X + A)), and the rate's word agrees with the change's
    /// (增加 … 增长, 减少 … 下降/减少). A statement with no rate is still wrong when its increase
    /// exceeds the only amount it can be about (`预算0万元，比2022年预算增加1421.25万元`). A sentence
    /// that opens with the comparison (`…为 1685.72 万元。与上年相比增加 1557.29 万元，增长…`) is about
    /// the first amount of the sentence before it, or to the amount it names there (`财政拨款支出
    /// 13733.8 万元…。与 2023 年度相比，财政拨款支出减少 287.41 万元`). In a 决算 the comparison
    /// may be with the budget (`比年初预算数增加 A 万元`), checked alike.
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
    /// item (last year 0) printed as 增长 100% (or 0%, "no rate") is the template convention and only info. The
    /// statement is bound to the nearest amount before `比上年` in the same sentence.
    NiGrowth, "NI-GROWTH", "增减幅 = 增减额 ÷ 上年数", "growth rate = change ÷ last year", check: check_growths
}

fn check_growths(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiGrowth::META;
    for g in &doc.narrative.growths {
        // A change larger than the amount before it cannot be about that amount (a decrease
        // can; an increase cannot): then the sentence is about its subject, if it has one.
        let impossible = |cur: &Figure| {
            g.up && cur.value_wan().0 + cur.value_wan().1 < g.change.value_wan().0 - g.change.value_wan().1
        };
        let Some((rate, word_agrees)) = &g.rate else {
            // No rate: an increase larger than the only amount it can be about is still wrong
            // (`政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元`).
            if impossible(&g.current) && g.subject.is_none() {
                ctx.record(Some(increase_exceeds(meta, g, doc.text)));
            }
            continue;
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
        let listed = |s: &Figure| {
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

/// An increase larger than this year's figure: last year would be negative.
fn increase_exceeds(meta: &'static RuleMeta, g: &Growth, text: &str) -> Finding {
    let t = |f: &Figure| text.get(f.amount.span.clone()).unwrap_or("").to_string();
    let (cur, change) = (t(&g.current), t(&g.change));
    let prior = g.current.amount.value - g.change.amount.value;
    Finding::new(meta, Label { span: g.change.amount.span.clone(), what: format!("增加额 {change}") })
        .message(
            format!("增加额 {change} 大于本年数 {cur}：{}将为负", base_words(g).0),
            format!("the increase {change} exceeds this year's {cur}: {} would be negative", base_words(g).1),
        )
        .found(change.clone())
        .expected(format!("≤ {cur}"))
        .note(format!("{cur} − {change} = {} < 0", format_fixed(prior, g.current.amount.decimals)))
        .related(vec![Label { span: g.current.amount.span.clone(), what: format!("本年数 {cur}") }])
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
fn fits(g: &Growth, rate: &Figure) -> bool {
    let prior = prior_range(g);
    if prior.0 <= Decimal::ZERO {
        return false;
    }
    let (g_lo, g_hi) = rate_range(g, prior);
    let (b, hb) = (rate.amount.value, rate.amount.half_step());
    b + hb >= g_lo && b - hb <= g_hi
}

/// What one growth statement says, with the printed text of its figures.
/// What the statement compares with, in the messages: last year, or in a 决算 the budget
/// (`比年初预算数增加…`).
fn base_words(g: &Growth) -> (&'static str, &'static str) {
    if g.basis.contains("预算") && !g.basis.contains("上年") && !g.basis.contains("20") {
        ("预算数", "the budget")
    } else {
        ("上年数", "last year")
    }
}

struct Said<'a> {
    g: &'a Growth,
    rate: &'a Figure,
    text: &'a str,
}

/// A check's outcome: severity, message (zh, en), expected value and arithmetic.
struct Verdict {
    severity: Severity,
    zh: String,
    en: String,
    expected: String,
    note: String,
}

impl Said<'_> {
    fn t(&self, f: &Figure) -> String {
        self.text.get(f.amount.span.clone()).unwrap_or("").to_string()
    }
    fn finding(&self, meta: &'static RuleMeta, v: Verdict) -> Finding {
        let (cur, change, rate) = (self.t(&self.g.current), self.t(&self.g.change), self.t(self.rate));
        let related = vec![
            Label { span: self.g.current.amount.span.clone(), what: format!("本年数 {cur}") },
            Label { span: self.g.change.amount.span.clone(), what: format!("增减额 {change}") },
        ];
        let primary = Label { span: self.rate.amount.span.clone(), what: format!("增减幅 {rate}%") };
        Finding::new(meta, primary)
            .severity(v.severity)
            .message(v.zh, v.en)
            .found(format!("{rate}%"))
            .expected(v.expected)
            .note(v.note)
            .related(related)
    }
    /// `A ÷ (X ∓ A) × 100 = p%`, the recomputation from the printed figures.
    fn recomputed(&self, pt_s: &str) -> String {
        let sign = if self.g.up { "−" } else { "+" };
        let (cur, change) = (self.t(&self.g.current), self.t(&self.g.change));
        format!("{change} ÷ ({cur} {sign} {change}) × 100 = {pt_s}%")
    }
}

fn check(meta: &'static RuleMeta, g: &Growth, rate: &Figure, word_agrees: bool, doc: &Document<'_>, ctx: &mut Ctx) {
    let said = Said { g, rate, text: doc.text };
    let verdict = verdict(&said, word_agrees);
    ctx.record(verdict.map(|v| said.finding(meta, v)));
}

/// `None` when the statement holds.
fn verdict(s: &Said<'_>, word_agrees: bool) -> Option<Verdict> {
    let (cur, _) = s.g.current.value_wan();
    let (a, _) = s.g.change.value_wan();
    let b = s.rate.amount.value;
    // Both zero: 持平, any 0% reads fine.
    if a.is_zero() && b.is_zero() {
        return None;
    }
    if !word_agrees && !a.is_zero() {
        return Some(direction(s));
    }
    // Last year = this year ∓ change, as an interval (amounts are never negative).
    let (prior_lo, prior_hi) = prior_range(s.g);
    let prior = if s.g.up { cur - a } else { cur + a };
    // Half-up rounding: printed A > printed current with prior_hi = 0 still means A > current.
    if prior_hi < Decimal::ZERO || (s.g.up && prior_hi.is_zero() && a > cur) {
        return Some(negative_prior(s, prior));
    }
    if prior_lo <= Decimal::ZERO {
        return Some(zero_prior(s, prior));
    }
    rate_off(s, prior, (prior_lo, prior_hi))
}

/// The rate's word says the opposite of the change's.
fn direction(s: &Said<'_>) -> Verdict {
    let (change, rate) = (s.t(&s.g.change), s.t(s.rate));
    let (zh_dir, en_dir) = if s.g.up { ("增加", "up") } else { ("减少", "down") };
    Verdict {
        severity: Severity::Error,
        zh: format!("{}{zh_dir} {change} 万元，后文的增减幅方向相反（{rate}%）", s.g.basis),
        en: format!("{} {en_dir} {change}, but the rate's word says the opposite ({rate}%)", s.g.basis),
        expected: if s.g.up { "增长".into() } else { "下降".into() },
        note: "增减额与增减幅的方向词应一致".into(),
    }
}

/// The only amount the statement can be about is smaller than its increase.
fn negative_prior(s: &Said<'_>, prior: Decimal) -> Verdict {
    let (cur, change) = (s.t(&s.g.current), s.t(&s.g.change));
    Verdict {
        severity: Severity::Error,
        zh: format!("增加额 {change} 大于本年数 {cur}：{}将为负", base_words(s.g).0),
        en: format!("the increase {change} exceeds this year's {cur}: {} would be negative", base_words(s.g).1),
        expected: format!("≤ {cur}"),
        note: format!("{cur} − {change} = {} < 0", format_fixed(prior, s.g.current.amount.decimals)),
    }
}

/// Last year ≈ 0: the rate is undefined; 增长 100% is the convention for a new item, 0% the one
/// for "no rate" (`上年数为 0，因此增长率为 0%`) (info); any other rate is not.
fn zero_prior(s: &Said<'_>, prior: Decimal) -> Verdict {
    let (cur, change, rate) = (s.t(&s.g.current), s.t(&s.g.change), s.t(s.rate));
    let (b, hb) = (s.rate.amount.value, s.rate.amount.half_step());
    let (base, base_en) = base_words(s.g);
    if (b - Decimal::ONE_HUNDRED).abs() > hb && !b.is_zero() {
        return Verdict {
            severity: Severity::Error,
            zh: format!("{base}为 0（本年 {cur} = 增加额 {change}），增幅按惯例应记为 100%，而非 {rate}%"),
            en: format!(
                "{base_en} was 0 (this year {cur} = change {change}); the rate is 100% by convention, not {rate}%"
            ),
            expected: "100%".into(),
            note: format!("{cur} − {change} = 0"),
        };
    }
    Verdict {
        severity: Severity::Info,
        zh: format!("{base}为 0（本年 {cur} = 增加额 {change}），增幅无定义；按惯例记为 {rate}%"),
        en: format!(
            "{base_en} was 0 (this year {cur} = change {change}); the rate is undefined, printed {rate}% by convention"
        ),
        expected: "100%（新增项目惯例）".into(),
        note: format!("{cur} − {change} = {}", format_fixed(prior, s.g.current.amount.decimals)),
    }
}

/// The rate against the range the printed figures allow (last year > 0): outside it an error;
/// inside it but more than one printed unit off the recomputation from the printed figures an
/// info (a slip can hide inside a wide range, while a rate computed from unrounded amounts
/// differs from it by a unit at most).
fn rate_off(s: &Said<'_>, prior: Decimal, prior_range: (Decimal, Decimal)) -> Option<Verdict> {
    let (a, _) = s.g.change.value_wan();
    let (b, hb) = (s.rate.amount.value, s.rate.amount.half_step());
    let (g_lo, g_hi) = rate_range(s.g, prior_range);
    let d = s.rate.amount.decimals;
    let point = a / prior * Decimal::ONE_HUNDRED;
    let (lo_s, hi_s, pt_s) = (format_fixed(g_lo, d), format_fixed(g_hi, d), format_fixed(point, d + 1));
    let (change, rate) = (s.t(&s.g.change), s.t(s.rate));
    let expected = format!("{}%", format_fixed(point, d));
    let note = s.recomputed(&pt_s);
    if b + hb >= g_lo && b - hb <= g_hi {
        if (b - point.round_dp(d)).abs() <= hb * Decimal::TWO {
            return None;
        }
        return Some(Verdict {
            severity: Severity::Info,
            zh: format!("增减幅 {rate}% 在舍入范围内（{lo_s}%–{hi_s}%），但按印刷数字重算为 {pt_s}%"),
            en: format!(
                "rate {rate}% is inside the rounding range ({lo_s}%–{hi_s}%) but recomputes to {pt_s}% from the printed figures"
            ),
            expected,
            note,
        });
    }
    let prior_s = format_fixed(prior, s.g.current.amount.decimals);
    let (trunc_zh, trunc_en) = if truncated(b, d, (g_lo, g_hi)) {
        ("（疑为截断而非四舍五入）", " (truncated, it seems, not rounded)")
    } else {
        ("", "")
    };
    Some(Verdict {
        severity: Severity::Error,
        zh: format!("增减幅 {rate}% 与 {change} ÷ {prior_s} 不符：按印刷数字应为 {pt_s}%（{lo_s}%–{hi_s}%）{trunc_zh}"),
        en: format!(
            "rate {rate}% does not follow from {change} ÷ {prior_s}: recomputed {pt_s}% ({lo_s}%–{hi_s}%){trunc_en}"
        ),
        expected,
        note,
    })
}

/// Is the printed rate `b` (with `d` decimals) what truncating — not rounding — a rate in
/// `[lo, hi]` gives, to `d` decimals or to a whole percent (`5.0%` for 5.11%)?
fn truncated(b: Decimal, d: u32, (lo, hi): (Decimal, Decimal)) -> bool {
    let in_range = |t: Decimal| (lo.trunc_with_scale(t.scale())..=hi.trunc_with_scale(t.scale())).contains(&t);
    let whole = b.fract().is_zero() && in_range(b.trunc());
    let at_d = in_range(b.round_dp(d));
    whole || at_d
}
