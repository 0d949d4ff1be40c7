//! The 决算 narrative's completion statements: `年初预算为 A 万元，支出决算为 B 万元，完成年初预算的
//! X%`, and the comparison word after them (`决算数大于预算数…`).

use super::*;

/// One completion statement.
#[derive(Debug, Clone)]
pub struct Completion {
    /// A, the 年初预算 (budget) figure.
    pub budget: Figure,
    /// B, the 决算 (final) figure.
    pub actual: Figure,
    /// X, the printed completion rate.
    pub rate: Figure,
    /// The comparison the text states right after (`决算数大于预算数` → `Greater`), if any.
    pub says: Option<std::cmp::Ordering>,
    /// The comparison word's span (normalized text).
    pub says_at: Option<Range<usize>>,
    /// The difference the text states right after (`决算数较预算数减少 1.75 万元`): increase or
    /// not, and the amount.
    pub difference: Option<(bool, Figure)>,
}

/// A completion rate whose sentence states the 决算 figure but not the budget (`其中：因公出国（境）
/// 费支出决算为 4.69 万元，完成预算的 15.63%`): the budget is the table's.
#[derive(Debug, Clone)]
pub struct OpenCompletion {
    /// B, the 决算 (final) figure.
    pub actual: Figure,
    /// X, the printed completion rate.
    pub rate: Figure,
}

/// Words that introduce the rate: `完成年初预算的`, `完成预算的`, `为年初预算的`, `预算执行率`.
const RATE_WORDS: [&str; 6] =
    ["完成年初预算的", "完成预算的", "为年初预算的", "占年初预算的", "预算执行率为", "预算执行率"];

/// Every `…完成年初预算的 X%` with the budget and final figures of its sentence; and those whose
/// sentence gives the final figure only.
pub fn completions(s: &Stream, figs: &[Figure]) -> (Vec<Completion>, Vec<OpenCompletion>) {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut open = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let Some(n) = word_at(c, i, &RATE_WORDS) else {
            i += 1;
            continue;
        };
        let at = i + n;
        i = at;
        let Some(rate) = figs_from(figs, at).next().filter(|f| f.at.start <= at + 1 && f.unit == Unit::Percent) else {
            continue;
        };
        let from = sentence_start(c, at - n);
        let before = |f: &Figure, word: &str| said_before(c, f, from, word);
        let in_sentence: Vec<&Figure> =
            figs_from(figs, from).take_while(|f| f.at.start < at - n).filter(|f| f.unit != Unit::Percent).collect();
        // `支出决算为 B`, or in a 绩效自评 `执行数 B`, `实际支出 B`; the budget `年初预算为 A`,
        // `全年预算数 A`, in this sentence or as the one before states it (`项目全年预算数为 A 万元，
        // 其中…。项目实际支出 B 万元，预算执行率 X%`).
        let is_actual = |f: &Figure| before(f, "决算") || before(f, "执行") || before(f, "实际支出");
        let actual = in_sentence.iter().rev().find(|f| is_actual(f)).copied();
        let budget = in_sentence
            .iter()
            .rev()
            .find(|f| before(f, "预算") && !is_actual(f))
            .copied()
            .or_else(|| actual.and_then(|_| sole_budget_before(c, figs, from)));
        match (budget, actual) {
            (Some(a), Some(b)) => {
                let (says, word) = comparison_word(c, rate.at.end);
                let says_at = word.map(|w| s.span(w.start, w.end));
                let difference = difference(c, figs, rate.at.end);
                out.push(Completion {
                    budget: a.clone(),
                    actual: b.clone(),
                    rate: rate.clone(),
                    says,
                    says_at,
                    difference,
                });
            }
            (None, Some(b)) => open.push(OpenCompletion { actual: b.clone(), rate: rate.clone() }),
            _ => {}
        }
    }
    (out, open)
}

/// Is `word` among the 7 characters before `f`, not before the sentence start `from`?
fn said_before(c: &[char], f: &Figure, from: usize, word: &str) -> bool {
    let lo = f.at.start.saturating_sub(7).max(from);
    c[lo..f.at.start].iter().collect::<String>().contains(word)
}

/// The one figure the sentence before `from` introduces as a `预算数`, if it states exactly one.
fn sole_budget_before<'f>(c: &[char], figs: &'f [Figure], from: usize) -> Option<&'f Figure> {
    let p = sentence_start(c, from.checked_sub(1)?);
    let mut budgets = figs_from(figs, p)
        .take_while(|f| f.at.end <= from)
        .filter(|f| f.unit != Unit::Percent && said_before(c, f, p, "预算数"));
    let first = budgets.next()?;
    budgets.next().is_none().then_some(first)
}

/// `，决算数较预算数减少 1.75 万元` (`比年初预算增加 A 万元`) just after the rate at `from`.
fn difference(c: &[char], figs: &[Figure], from: usize) -> Option<(bool, Figure)> {
    let to = (from + 12).min(c.len());
    let at = (from..to).find(|&k| word_at(c, k, &["较预算数", "比预算数", "较年初预算", "比年初预算"]).is_some())?;
    if c[from..at].iter().any(|&ch| is_stop(ch)) {
        return None;
    }
    let end = (at + 10).min(c.len());
    let (up, after) = (at..end).find_map(|k| {
        let up = word_at(c, k, &["增加", "超出", "多"]).map(|n| (true, k + n));
        up.or_else(|| word_at(c, k, &["减少", "节约"]).map(|n| (false, k + n)))
    })?;
    let f = figs_from(figs, after).next().filter(|f| f.at.start <= after + 1 && f.unit != Unit::Percent)?;
    Some((up, f.clone()))
}

/// `决算数大于预算数` / `小于` / `等于` (or `…与预算数持平`) within the next sentence.
fn comparison_word(c: &[char], from: usize) -> (Option<std::cmp::Ordering>, Option<Range<usize>>) {
    use std::cmp::Ordering;
    let to = (from + 18).min(c.len());
    let words = [
        ("大于预算", Ordering::Greater),
        ("大于年初预算", Ordering::Greater),
        ("小于预算", Ordering::Less),
        ("小于年初预算", Ordering::Less),
        ("等于预算", Ordering::Equal),
        ("等于年初预算", Ordering::Equal),
    ];
    for (w, o) in words {
        if let Some(k) = find(c, from, to, w) {
            // The statement is about this item's figures: `决算数大于预算数`.
            if find(c, from, k, "决算").is_some() {
                return (Some(o), Some(k..k + 2));
            }
        }
    }
    (None, None)
}
