use super::{declare_rule, Ctx, Document, Finding, Label, RuleMeta, Severity};
use crate::amount::format_fixed;
use crate::narrative::{Completion, Figure};
use rust_decimal::Decimal;
use std::cmp::Ordering;

declare_rule! {
    /// ### What it checks
    /// In a 决算 情况说明, every `年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 X%`: X = B ÷ A
    /// × 100, statcheck-style (from the intervals the printed figures stand for); and the word
    /// after it, `决算数大于 / 小于 / 等于预算数`, agrees with B against A.
    ///
    /// ### Why
    /// The completion rate and its explanation restate the two figures printed just before them;
    /// a rate or a word that contradicts them is a slip of the text (the catalogue's §5 narrative
    /// identities).
    ///
    /// ### Example
    /// `年初预算为 5717.32 万元，支出决算为 5757.63 万元，完成年初预算的 100.71%。决算数大于预算数`:
    /// 5757.63 ÷ 5717.32 = 100.705% ✓, 5757.63 > 5717.32 ✓.
    ///
    /// ### Known problems
    /// Reads the figures of the rate's own sentence only (the last one after `决算`, the last one
    /// after `预算` without `决算`). A rate truncated instead of rounded is an error that says so.
    NiFinalRate, "NI-FINAL-RATE", "完成年初预算的比例 = 决算数 ÷ 年初预算数", "completion rate = final ÷ budget", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiFinalRate::META;
    for c in &doc.narrative.completions {
        let (a, ha) = c.budget.value_wan();
        if a - ha <= Decimal::ZERO {
            continue; // no budget: the rate is undefined
        }
        ctx.narrative_bound.extend([&c.budget, &c.actual, &c.rate].iter().map(|f| f.amount.span.start));
        ctx.record(rate_finding(meta, c, doc));
        if c.says.is_some() {
            ctx.record(word_finding(meta, c, doc));
        }
    }
}

fn printed(doc: &Document<'_>, f: &Figure) -> String {
    doc.text.get(f.amount.span.clone()).unwrap_or("").to_string()
}

/// `None` when X lies in the range B ÷ A allows.
fn rate_finding(meta: &'static RuleMeta, c: &Completion, doc: &Document<'_>) -> Option<Finding> {
    let hundred = Decimal::new(100, 0);
    let ((a, ha), (b, hb)) = (c.budget.value_wan(), c.actual.value_wan());
    let lo = (b - hb).max(Decimal::ZERO) / (a + ha) * hundred;
    let hi = (b + hb) / (a - ha) * hundred;
    let (x, hx) = (c.rate.amount.value, c.rate.amount.half_step());
    if x + hx >= lo && x - hx <= hi {
        return None;
    }
    let d = c.rate.amount.decimals;
    let exact = b / a * hundred;
    let (sa, sb, sx) = (printed(doc, &c.budget), printed(doc, &c.actual), printed(doc, &c.rate));
    let truncated = exact.trunc_with_scale(d) == x;
    let (why_zh, why_en) =
        if truncated { ("（疑为截断而非四舍五入）", " (truncated, not rounded?)") } else { ("", "") };
    let expected = format!("{}%", format_fixed(exact, d));
    Some(
        Finding::new(meta, Label { span: c.rate.amount.span.clone(), what: format!("完成率 {sx}%") })
            .severity(Severity::Error)
            .message(
                format!("完成预算的比例 {sx}% 与 {sb} ÷ {sa} 不符：按印刷数字应为 {expected}{why_zh}"),
                format!("completion {sx}% does not match {sb} ÷ {sa}: the printed figures give {expected}{why_en}"),
            )
            .found(format!("{sx}%"))
            .expected(expected)
            .note(format!("{sb} ÷ {sa} × 100 = {}%", format_fixed(exact, d + 1)))
            .related(related(c, &sa, &sb)),
    )
}

fn related(c: &Completion, sa: &str, sb: &str) -> Vec<Label> {
    vec![
        Label { span: c.budget.amount.span.clone(), what: format!("年初预算 {sa}") },
        Label { span: c.actual.amount.span.clone(), what: format!("决算 {sb}") },
    ]
}

/// `None` when `决算数大于 / 小于 / 等于预算数` agrees with B against A at their printed precision.
fn word_finding(meta: &'static RuleMeta, c: &Completion, doc: &Document<'_>) -> Option<Finding> {
    let says = c.says?;
    let ((a, ha), (b, hb)) = (c.budget.value_wan(), c.actual.value_wan());
    let is = if (b - a).abs() <= ha + hb {
        Ordering::Equal
    } else if b > a {
        Ordering::Greater
    } else {
        Ordering::Less
    };
    // Within rounding, 大于/小于 may still be right: only a contradiction is reported.
    if is == says || is == Ordering::Equal && says != Ordering::Equal {
        return None;
    }
    let word = |o: Ordering| match o {
        Ordering::Greater => "大于",
        Ordering::Less => "小于",
        Ordering::Equal => "等于",
    };
    let (sa, sb) = (printed(doc, &c.budget), printed(doc, &c.actual));
    let span = c.says_at.clone().unwrap_or(c.rate.amount.span.clone());
    Some(
        Finding::new(meta, Label { span, what: format!("决算数{}预算数", word(says)) })
            .severity(Severity::Error)
            .message(
                format!("说决算数{}预算数，而决算 {sb} {} 年初预算 {sa}", word(says), word(is)),
                format!("says the final figure is {:?} the budget, but {sb} vs {sa} is {:?}", says, is),
            )
            .found(word(says))
            .expected(word(is))
            .note(format!(
                "{sb} {} {sa}",
                match is {
                    Ordering::Greater => ">",
                    Ordering::Less => "<",
                    Ordering::Equal => "=",
                }
            ))
            .related(related(c, &sa, &sb)),
    )
}
