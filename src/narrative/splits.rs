//! `X 万元，比上年增加 C 万元。其中：基本支出 B 万元…；项目支出 P 万元…` and `支出比上年增加 C
//! 万元，主要是基本支出增加 cB 万元，项目支出增加 cP 万元`: a whole split into two parts that
//! make it up entirely (基本支出 and 项目支出 of spending, 人员经费 and 公用经费 of 基本支出), as
//! levels or as changes.

use super::*;

/// A signed amount: a level, or a change (`增加` positive, `减少` negative).
#[derive(Debug, Clone)]
pub struct Signed {
    /// The printed figure.
    pub figure: Figure,
    /// false for a decrease.
    pub up: bool,
}

/// The pairs of parts that make up their whole entirely, in the order a text lists them.
pub const PAIRS: [(&str, &str); 2] = [("基本支出", "项目支出"), ("人员经费", "公用经费")];

/// One statement of the whole and its two parts.
#[derive(Debug, Clone)]
pub struct Split {
    /// Which of [`PAIRS`].
    pub pair: usize,
    /// `levels`: the amounts are levels (`基本支出 B 万元`); otherwise changes (`基本支出增加 cB`).
    pub levels: bool,
    /// The whole (the figure right before `其中` / `主要是`).
    pub whole: Signed,
    /// The whole is a change (`比上年增加 C 万元。其中：…`) even where the parts are levels.
    pub whole_is_change: bool,
    /// The first part's amount (基本支出, 人员经费).
    pub first: Signed,
    /// The second part's amount (项目支出, 公用经费).
    pub second: Signed,
}

/// Words after which a list of the whole's parts opens.
const OPENERS: [&str; 5] = ["其中：", "其中:", "其中", "主要是", "主要原因是"];

/// A direction word right before stream index `at` (spaces dropped): `Some(up)`.
fn direction_before(c: &[char], at: usize) -> Option<bool> {
    let w: String = c[at.saturating_sub(2)..at].iter().collect();
    match w.as_str() {
        "增加" | "增长" => Some(true),
        "减少" | "下降" => Some(false),
        _ => None,
    }
}

/// The amount right after `at`: a level (`基本支出 9,018.47 万元`) or a change (`基本支出增加
/// 362.10 万元`), with the index after it.
fn amount_after(c: &[char], figs: &[Figure], at: usize) -> Option<(Signed, bool)> {
    let f = figs_from(figs, at).next().filter(|f| f.unit == Unit::Wan && f.at.start <= at + 3)?;
    let between: String = c[at..f.at.start].iter().collect();
    match direction_before(c, f.at.start) {
        Some(up) if between.chars().count() <= 3 => Some((Signed { figure: f.clone(), up }, false)),
        None if between.chars().all(|ch| matches!(ch, '为' | ':' | '：')) => {
            Some((Signed { figure: f.clone(), up: true }, true))
        }
        _ => None,
    }
}

/// Every whole split into one of the [`PAIRS`] right after it, both parts of the same kind
/// (levels or changes) and nothing else listed between or after them in the sentence.
pub fn splits(s: &Stream, figs: &[Figure]) -> Vec<Split> {
    let c = &s.chars;
    let mut out = Vec::new();
    for (pair, (first, _)) in PAIRS.iter().enumerate() {
        let mut from = 0;
        while let Some(k) = find(c, from, c.len(), first) {
            from = k + 4;
            out.extend(split_at(c, figs, k, pair));
        }
    }
    out.sort_by_key(|s| s.whole.figure.at.start);
    out
}

/// The stream index before an enumerator ending at `k` (`（一）`, `(1)`, `1.`), or `k`.
fn before_enumerator(c: &[char], k: usize) -> usize {
    let close = k.checked_sub(1).map(|j| c[j]);
    if matches!(close, Some('）' | ')')) {
        if let Some(open) = (k.saturating_sub(4)..k - 1).rev().find(|&j| matches!(c[j], '（' | '(')) {
            return open;
        }
    }
    if matches!(close, Some('.' | '．' | '、')) && k >= 2 && (c[k - 2].is_ascii_digit() || "一二三".contains(c[k - 2]))
    {
        return k - 2;
    }
    k
}

/// `（一）人员经费 895.17 万元。主要包括：…。（二）公用经费 118.20 万元`: when the first part was
/// numbered, the second numbered so, within a few sentences; where its name ends.
fn numbered(c: &[char], first_numbered: bool, from: usize, second_word: &str) -> Option<usize> {
    if !first_numbered {
        return None;
    }
    let to = c.len().min(from + 400);
    ["（二）", "(二)", "2.", "2．"]
        .iter()
        .find_map(|w| find(c, from, to, &format!("{w}{second_word}")).map(|p| p + w.chars().count()))
}

fn split_at(c: &[char], figs: &[Figure], k: usize, pair: usize) -> Option<Split> {
    let (first_word, second_word) = PAIRS[pair];
    let k0 = before_enumerator(c, k);
    let opener = OPENERS.iter().find(|w| {
        let n = w.chars().count();
        k0 >= n && c[k0 - n..k0].iter().copied().eq(w.chars())
    })?;
    let open_at = k0 - opener.chars().count();
    // The whole: the figure just before the opener (`…2,781.90 万元。其中：`).
    let whole = figs[..figs.partition_point(|f| f.at.end <= open_at)].last()?;
    if whole.unit != Unit::Wan || open_at - whole.at.end > 2 {
        return None;
    }
    let whole_up = direction_before(c, whole.at.start);
    let (first, levels) = amount_after(c, figs, k + first_word.chars().count())?;
    // The list runs to the `。` (its parts may be `；`-separated).
    let full_end = |at: usize| sentence_end(c, at).max(find(c, at, c.len().min(at + 300), "。").unwrap_or(0));
    let end = full_end(first.figure.at.end);
    let p = find(c, first.figure.at.end, end, second_word)
        .or_else(|| numbered(c, k0 < k, first.figure.at.end, second_word))?;
    let (second, second_levels) = amount_after(c, figs, p + second_word.chars().count())?;
    // Changes of the parts are of a change of the whole; levels of either.
    if second_levels != levels || !levels && whole_up.is_none() {
        return None;
    }
    // Nothing else listed: the figures between the parts and after the second's to the
    // sentence's end are at most the parts' own changes (`比上年增加 362.10 万元`).
    let others = figs_from(figs, first.figure.at.end)
        .take_while(|f| f.at.start < full_end(second.figure.at.end))
        .filter(|f| f.at != second.figure.at && f.unit == Unit::Wan)
        .filter(|f| direction_before(c, f.at.start).is_none() || !levels)
        .count();
    if others > 0 {
        return None;
    }
    let whole = Signed { figure: whole.clone(), up: whole_up.unwrap_or(true) };
    Some(Split { pair, levels, whole, whole_is_change: whole_up.is_some(), first, second })
}
