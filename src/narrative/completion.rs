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
}

/// Words that introduce the rate: `完成年初预算的`, `完成预算的`, `为年初预算的`.
const RATE_WORDS: [&str; 4] = ["完成年初预算的", "完成预算的", "为年初预算的", "占年初预算的"];

/// Every `…完成年初预算的 X%` with the budget and final figures of its sentence.
pub fn completions(s: &Stream, figs: &[Figure]) -> Vec<Completion> {
    let c = &s.chars;
    let mut out = Vec::new();
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
        let before = |f: &Figure, word: &str| {
            let lo = f.at.start.saturating_sub(7).max(from);
            let w: String = c[lo..f.at.start].iter().collect();
            w.contains(word)
        };
        let in_sentence: Vec<&Figure> =
            figs_from(figs, from).take_while(|f| f.at.start < at - n).filter(|f| f.unit != Unit::Percent).collect();
        // `支出决算为 B`, or in a 绩效自评 `执行数 B`; the budget `年初预算为 A`, `全年预算数 A`.
        let is_actual = |f: &Figure| before(f, "决算") || before(f, "执行");
        let actual = in_sentence.iter().rev().find(|f| is_actual(f));
        let budget = in_sentence.iter().rev().find(|f| before(f, "预算") && !is_actual(f));
        if let (Some(a), Some(b)) = (budget, actual) {
            let (says, word) = comparison_word(c, rate.at.end);
            let says_at = word.map(|w| s.span(w.start, w.end));
            out.push(Completion { budget: (*a).clone(), actual: (*b).clone(), rate: rate.clone(), says, says_at });
        }
    }
    out
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
