use super::{bind, declare_rule, Ctx, Document, Finding, Label, RuleMeta, Severity};
use crate::amount::format_fixed;
use crate::narrative::{three_pub_name, Completion, Figure};
use crate::tables::{TableBody, TableId};
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
    /// A difference stated after the rate (`决算数较预算数减少 1.75 万元`) is A − B (B − A for an
    /// increase) within the printed precision.
    ///
    /// A rate whose sentence names the 决算 figure of a 三公 item but no budget (`其中：因公出国（境）
    /// 费支出决算为 4.69 万元，完成预算的 15.63%`) is of the 预算数 the 三公 决算表 prints for it;
    /// `预算执行率 X%` after `实际支出 B` is of the `预算数 A` of the sentence before.
    ///
    /// ### Known problems
    /// Reads the figures of the rate's own sentence (the last one after `决算`, the last one
    /// after `预算` without `决算`), or the sentence before when it alone states a 预算数. A rate
    /// truncated instead of rounded is an error that says so.
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
        let budget = Budget {
            value: (a, ha),
            printed: printed(doc, &c.budget),
            span: c.budget.amount.span.clone(),
            what: "年初预算",
        };
        ctx.record(rate_finding(meta, &budget, &c.actual, &c.rate, doc));
        if c.says.is_some() {
            ctx.record(word_finding(meta, c, doc));
        }
        if let Some((up, d)) = &c.difference {
            ctx.narrative_bound.push(d.amount.span.start);
            ctx.record(difference_finding(meta, c, *up, d, doc));
        }
    }
    for c in &doc.narrative.open_completions {
        let Some(budget) = table_budget(doc, &c.actual) else { continue };
        if budget.value.0 - budget.value.1 <= Decimal::ZERO {
            continue;
        }
        ctx.narrative_bound.extend([&c.actual, &c.rate].iter().map(|f| f.amount.span.start));
        ctx.record(rate_finding(meta, &budget, &c.actual, &c.rate, doc));
    }
}

/// The budget a completion rate is of: printed in its sentence, or the 三公 决算 table's 预算数.
struct Budget {
    value: (Decimal, Decimal),
    printed: String,
    span: std::ops::Range<usize>,
    what: &'static str,
}

/// The 预算数 the 三公 决算 table prints for the item the final figure `actual` names
/// (`因公出国（境）费支出决算为 4.69 万元`: the 因公出国（境）费 column).
fn table_budget(doc: &Document<'_>, actual: &Figure) -> Option<Budget> {
    let claim = doc.narrative.all_claims().iter().find(|c| c.figure.amount.span.start == actual.amount.span.start)?;
    let mut stem = bind::canon(&claim.label);
    while let Some(rest) = ["为", "决算数", "决算", "支出"].iter().find_map(|w| stem.strip_suffix(w)) {
        stem = rest.to_string();
    }
    let item = if stem.contains("三公") { "合计".to_string() } else { three_pub_name(&stem) };
    let t = doc.tables.iter().find(|t| t.id == TableId::Final3Pub)?;
    let Some(TableBody::Labelled(l)) = &t.body else { return None };
    let k = l.columns.iter().position(|c| three_pub_name(&bind::canon(c)) == item)?;
    let row = l.rows.iter().find(|r| r.label.contains("预算") && !r.label.contains("决算"))?;
    let a = row.cells.get(k)?.amount()?;
    let printed = doc.text.get(a.span.clone()).unwrap_or("").to_string();
    Some(Budget { value: (a.value, a.half_step()), printed, span: a.span.clone(), what: "三公决算表预算数" })
}

fn printed(doc: &Document<'_>, f: &Figure) -> String {
    doc.text.get(f.amount.span.clone()).unwrap_or("").to_string()
}

/// `None` when X lies in the range B ÷ A allows.
fn rate_finding(
    meta: &'static RuleMeta,
    budget: &Budget,
    actual: &Figure,
    rate: &Figure,
    doc: &Document<'_>,
) -> Option<Finding> {
    let hundred = Decimal::new(100, 0);
    let ((a, ha), (b, hb)) = (budget.value, actual.value_wan());
    let lo = (b - hb).max(Decimal::ZERO) / (a + ha) * hundred;
    let hi = (b + hb) / (a - ha) * hundred;
    let (x, hx) = (rate.amount.value, rate.amount.half_step());
    if x + hx >= lo && x - hx <= hi {
        return None;
    }
    let d = rate.amount.decimals;
    let exact = b / a * hundred;
    let (sa, sb, sx) = (&budget.printed, printed(doc, actual), printed(doc, rate));
    let truncated = exact.trunc_with_scale(d) == x;
    let (why_zh, why_en) =
        if truncated { ("（疑为截断而非四舍五入）", " (truncated, not rounded?)") } else { ("", "") };
    let expected = format!("{}%", format_fixed(exact, d));
    let related = related(&budget.span, &format!("{} {sa}", budget.what), actual, &sb);
    Some(
        Finding::new(meta, Label { span: rate.amount.span.clone(), what: format!("完成率 {sx}%") })
            .severity(Severity::Error)
            .message(
                format!("完成预算的比例 {sx}% 与 {sb} ÷ {sa} 不符：按印刷数字应为 {expected}{why_zh}"),
                format!("completion {sx}% does not match {sb} ÷ {sa}: the printed figures give {expected}{why_en}"),
            )
            .found(format!("{sx}%"))
            .expected(expected)
            .note(format!("{sb} ÷ {sa} × 100 = {}%", format_fixed(exact, d + 1)))
            .related(related),
    )
}

/// The budget (labelled `budget_what`) and the final figure a finding was checked against.
fn related(budget: &std::ops::Range<usize>, budget_what: &str, actual: &Figure, sb: &str) -> Vec<Label> {
    vec![
        Label { span: budget.clone(), what: budget_what.to_string() },
        Label { span: actual.amount.span.clone(), what: format!("决算 {sb}") },
    ]
}

/// `None` when the stated difference `d` (an increase when `up`) is B − A (A − B) within the
/// printed precision of the three figures.
fn difference_finding(
    meta: &'static RuleMeta,
    c: &Completion,
    up: bool,
    d: &Figure,
    doc: &Document<'_>,
) -> Option<Finding> {
    let ((a, ha), (b, hb), (x, hx)) = (c.budget.value_wan(), c.actual.value_wan(), d.value_wan());
    let is = if up { b - a } else { a - b };
    if (x - is).abs() <= ha + hb + hx {
        return None;
    }
    let (sa, sb, sd) = (printed(doc, &c.budget), printed(doc, &c.actual), printed(doc, d));
    let word = if up { "增加" } else { "减少" };
    let expected = format_fixed(is, d.amount.decimals.max(c.actual.amount.decimals));
    let sign = if up { format!("{sb} − {sa}") } else { format!("{sa} − {sb}") };
    Some(
        Finding::new(meta, Label { span: d.amount.span.clone(), what: format!("{word} {sd}") })
            .severity(Severity::Error)
            .message(
                format!("决算数较预算数{word} {sd} 万元，而 {sign} = {expected}"),
                format!("the final figure is said to differ from the budget by {sd}, but {sign} = {expected}"),
            )
            .found(sd.clone())
            .expected(expected.clone())
            .note(format!("{sign} = {expected}"))
            .related(related(&c.budget.amount.span, &format!("年初预算 {sa}"), &c.actual, &sb)),
    )
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
            .related(related(&c.budget.amount.span, &format!("年初预算 {sa}"), &c.actual, &sb)),
    )
}
