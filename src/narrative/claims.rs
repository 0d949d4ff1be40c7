//! Claims: every amount in a recognised part of the 情况说明 with the words that introduce it,
//! labelled restatements (`收支总预算 X 万元`), and `…(项)：预算数为 Y 万元` items.

use super::*;

/// `A(类)B(款)C(项)：20XX 年预算数为 Y 万元` — the amount the narrative gives a functional 项.
#[derive(Debug, Clone)]
pub struct ItemAmount {
    /// The 类 name before `(类)`, its enumerator removed (`社会保障和就业支出`).
    pub class: String,
    /// The 款 name between `(类)` and `(款)`.
    pub kuan: String,
    /// The 项 name between `(款)` and `(项)`.
    pub item: String,
    /// The figure after `预算数为` (this year's, not 上年's).
    pub amount: Figure,
    /// The 功能分类 code printed before the name (`2101102-事业单位医疗 28.50 万元`), if any.
    pub code: Option<String>,
}

pub fn item_amounts(s: &Stream, figs: &[Figure]) -> Vec<ItemAmount> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "(项)") {
        i = k + 3;
        // Back to `(款)` and `(类)` in the same sentence.
        let from = sentence_start(c, k);
        let Some(kuan_end) = (from..k).rev().find(|&j| word_at(c, j, &["(款)"]).is_some()) else { continue };
        let Some(class_end) = (from..kuan_end).rev().find(|&j| word_at(c, j, &["(类)"]).is_some()) else { continue };
        let item: String = c[kuan_end + 3..k].iter().collect();
        let kuan: String = c[class_end + 3..kuan_end].iter().collect();
        // The class name starts after an enumerator like `3.` or `(三)`.
        let class_raw: String = c[from..class_end].iter().collect();
        let class = class_raw
            .trim_start_matches(|ch: char| ch.is_ascii_digit() || matches!(ch, '.' | '、' | ' ' | '(' | ')'))
            .to_string();
        let end = sentence_end(c, k);
        // `2024 年预算数为 Y`, not `上年预算数为 X`.
        let Some(p) = (k..(k + 40).min(end)).find(|&j| {
            word_at(c, j, &["预算数为"]).is_some()
                && !c[j.saturating_sub(3)..j].iter().collect::<String>().contains("上年")
                && !c[j.saturating_sub(3)..j].iter().collect::<String>().contains("一年")
        }) else {
            continue;
        };
        if let Some(f) = figs_from(figs, p + 4).take_while(|f| f.at.start <= p + 5).find(|f| f.unit != Unit::Percent) {
            out.push(ItemAmount { class, kuan, item, amount: f.clone(), code: None });
        }
    }
    out.extend(code_items(s, figs));
    out.sort_by_key(|i| i.amount.at.start);
    out
}

/// `（五）2101102-事业单位医疗 28.50 万元`: a 功能分类 项 by its code and name, its amount
/// right after the name. Only a seven-digit 2xx code directly followed by the name counts.
fn code_items(s: &Stream, figs: &[Figure]) -> Vec<ItemAmount> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 7 < c.len() {
        let run = c[i..].iter().take_while(|ch| ch.is_ascii_digit()).count();
        let starts = i == 0 || !c[i - 1].is_ascii_digit();
        if !(starts && run == 7 && c[i] == '2') {
            i += run.max(1);
            continue;
        }
        let name_from = i + 7 + usize::from(matches!(c[i + 7], '-' | '—' | '、' | '.'));
        let name_len =
            c[name_from..].iter().take_while(|ch| **ch > '\u{2e80}' && !"，。；：:、".contains(**ch)).count();
        let at = name_from + name_len;
        let next = figs_from(figs, at).next().filter(|f| f.at.start == at && f.unit == Unit::Wan);
        if let (Some(f), true) = (next, name_len >= 2) {
            let item: String = c[name_from..at].iter().collect();
            let code: String = c[i..i + 7].iter().collect();
            out.push(ItemAmount {
                class: String::new(),
                kuan: String::new(),
                item,
                amount: f.clone(),
                code: Some(code),
            });
        }
        i += 7;
    }
    out
}

/// A figure printed right after a label (`收支总预算 11931.33 万元`, `人员经费 631.92 万元`).
#[derive(Debug, Clone)]
pub struct Labelled {
    /// Which of [`AMOUNT_LABELS`] precedes the figure.
    pub label: &'static str,
    /// The figure after the label.
    pub figure: Figure,
    /// The sentence speaks of another year or last year (see `Claim::other_year`).
    pub other_year: bool,
}

/// Labels that name a table figure, longest first (so `财政拨款收支总预算` wins over `收支总预算`).
pub const AMOUNT_LABELS: [&str; 15] = [
    "财政拨款收支总预算",
    "收支总预算",
    "收入预算总计",
    "支出预算总计",
    "收支预算总计",
    "本年收入合计",
    "本年支出合计",
    "运行经费财政拨款预算",
    "“三公”经费预算数",
    "“三公”经费数为",
    "“三公”经费预算",
    "收入预算",
    "支出预算",
    "人员经费",
    "公用经费",
];

/// Figures printed directly after one of `AMOUNT_LABELS` (at most two characters between, such
/// as `为`), not inside a comparison (`比上年…`).
pub fn labelled_amounts(s: &Stream, figs: &[Figure], parts: &[PartStart]) -> Vec<Labelled> {
    let c = &s.chars;
    let mut out = Vec::new();
    let doc_year = document_year(parts);
    for f in figs.iter().filter(|f| f.unit != Unit::Percent) {
        let start = f.at.start;
        let found = AMOUNT_LABELS.iter().find_map(|l| {
            let n = l.chars().count();
            (0..=2usize).find_map(|gap| {
                let end = start.checked_sub(gap)?;
                let from = end.checked_sub(n)?;
                let between_ok = c[end..start].iter().all(|&x| matches!(x, '为' | ':' | ' ' | '是'));
                (between_ok && c[from..end].iter().copied().eq(l.chars())).then_some(*l)
            })
        });
        if let Some(label) = found {
            // `收入预算 X 万元` must start the clause (not `比上年收入预算增加`).
            let before = c
                .get(start.saturating_sub(label.chars().count() + 6)..start)
                .map(|x| x.iter().collect::<String>())
                .unwrap_or_default();
            if before.contains("比上年") || before.contains("较上年") {
                continue;
            }
            // The label is a whole word, not the end of a longer one (`基本支出预算`, `退休职工人员
            // 经费`): before it a clause start, a year, or the unit's own name.
            let label_start = (0..=2usize).find_map(|gap| {
                let end = start.checked_sub(gap)?;
                end.checked_sub(label.chars().count())
            });
            if let Some(ls) = label_start.filter(|_| !label.starts_with('“')) {
                let prev: String = c[ls.saturating_sub(4)..ls].iter().collect();
                let year = ls >= 2 && c[ls - 1] == '年' && c[ls - 2].is_ascii_digit();
                let free = ls == 0
                    || is_clause_stop(c[ls - 1])
                    || c[ls - 1].is_ascii_digit()
                    || year
                    || matches!(c[ls - 1], ' ' | '(' | ')' | '）' | '（');
                let unit = [
                    "部门",
                    "单位",
                    "中心",
                    "机关",
                    "事业单位",
                    "局",
                    "委",
                    "院",
                    "所",
                    "办",
                    "校",
                    "处",
                    "站",
                    "馆",
                    "会",
                    "队",
                    "厅",
                    "部",
                    "署",
                    "室",
                ]
                .iter()
                .any(|u| prev.ends_with(u));
                if !free && !unit {
                    continue;
                }
            }
            let k = parts.partition_point(|p| p.at <= start);
            let part = k.checked_sub(1).and_then(|k| parts.get(k));
            // 人员经费 / 公用经费 are T6's only in the 基本支出 section (when the document has one;
            // otherwise not in a project's words).
            if matches!(label, "人员经费" | "公用经费") {
                let has_basic = parts.iter().any(|p| p.part == Part::Basic);
                let in_basic = part.is_some_and(|p| p.part == Part::Basic);
                let sentence: String = c[sentence_start(c, start)..start].iter().collect();
                if (has_basic && !in_basic) || (!has_basic && ["项目", "用于"].iter().any(|w| sentence.contains(w)))
                {
                    continue;
                }
            }
            let this_year = part.and_then(|p| p.year).or(doc_year);
            let sentence: String = c[sentence_start(c, start)..start].iter().filter(|ch| !ch.is_whitespace()).collect();
            // A whole restated is not one of a list's parts (`其中：本级收支总预算 …，所属…中心收支总预算 …`).
            if ["其中", "所属", "本级", "下属"].iter().any(|w| sentence.contains(w))
                && !matches!(label, "人员经费" | "公用经费")
            {
                continue;
            }
            let other_year =
                year_in(&sentence).is_some_and(|y| this_year.is_some_and(|t| t != y)) || last_year_subject(&sentence);
            out.push(Labelled { label, figure: f.clone(), other_year });
        }
    }
    out
}

/// Is the list of `(项)` items followed by the next section's heading (so it is not cut off)?
pub fn items_closed(s: &Stream, items: &[ItemAmount]) -> bool {
    let Some(last) = items.iter().map(|i| i.amount.at.end).max() else { return false };
    find(&s.chars, last, s.chars.len(), "情况说明").is_some()
}

/// A figure with the words that introduce it (its clause up to the figure) and the part it is in.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The part of the 情况说明 the figure is in (`Part::Other` only among [`all_claims`]).
    pub part: Part,
    /// The introducing words without enumerators, the unit's name and year (`2024 年…`),
    /// and without a trailing `为`/`是` and a level mark.
    pub label: String,
    /// `类`, `款` or `项` when the label ends with `(类)` and so on.
    pub level: Option<char>,
    /// The amount (not a percentage).
    pub figure: Figure,
    /// The year the label named (`2023 年…`), if any.
    pub year: Option<u32>,
    /// The sentence up to the label (at most `SENTENCE_MAX` characters, spaces dropped).
    pub before: String,
    /// The figure is about another year: its words or its sentence name a year other than the
    /// part's, or last year (`上年…`, `…执行数`, `比…`), so it restates no cell of this year's tables.
    pub other_year: bool,
}

/// The label of every amount (not percent) in a recognised part of the 情况说明.
pub fn claims(s: &Stream, figs: &[Figure], parts: &[PartStart]) -> Vec<Claim> {
    claims_in(s, figs, parts, false)
}

/// The label of every amount (not percent) of the narrative, in whatever part (`Part::Other`
/// for a part no heading names, and before the first heading).
pub fn all_claims(s: &Stream, figs: &[Figure], parts: &[PartStart]) -> Vec<Claim> {
    claims_in(s, figs, parts, true)
}

fn claims_in(s: &Stream, figs: &[Figure], parts: &[PartStart], other: bool) -> Vec<Claim> {
    let c = &s.chars;
    let mut out = Vec::new();
    let doc_year = document_year(parts);
    // In a 决算 the year's own figures are 决算数: the word marks no other year there.
    let final_doc = is_final(c);
    let another = |w: &&&str| !(final_doc && **w == "决算");
    for f in figs.iter().filter(|f| f.unit != Unit::Percent) {
        let k = parts.partition_point(|p| p.at <= f.at.start);
        let (part, part_year) = match k.checked_sub(1).and_then(|k| parts.get(k)) {
            Some(p) => (p.part, p.year),
            None => (Part::Other, None),
        };
        if part == Part::Other && !other {
            continue;
        }
        let this_year = part_year.or(doc_year);
        let lo = f.at.start.saturating_sub(40);
        let mut from = (lo..f.at.start).rev().find(|&j| is_clause_stop(c[j])).map_or(lo, |j| j + 1);
        // `其中` and `包括` open a list: the label starts after them.
        for w in ["其中", "包括"] {
            if let Some(j) = (from..f.at.start).rev().find(|&j| word_at(c, j, &[w]).is_some()) {
                from = from.max(j + 2);
            }
        }
        let mut label: Vec<char> = c[from..f.at.start].iter().copied().filter(|ch| !ch.is_whitespace()).collect();
        let raw: String = label.iter().collect();
        let before: String = c[sentence_start(c, from)..from].iter().filter(|ch| !ch.is_whitespace()).collect();
        // `…部门 2024 年一般公共预算拨款合计` → `一般公共预算拨款合计` (`2019 年度总收入` → `总收入`).
        let year = year_in(&raw);
        if let Some(y) = (1..label.len()).rev().find(|&j| label[j] == '年' && label[j - 1].is_ascii_digit()) {
            let y = if label.get(y + 1) == Some(&'度') { y + 1 } else { y };
            label.drain(..=y);
        }
        // A heading run into the clause (`(二)…结构情况 1.社会保障和就业支出(类)`).
        if let Some(h) = (1..label.len()).rev().find(|&j| label[j - 1] == '情' && label[j] == '况') {
            label.drain(..=h);
            if label.starts_with(&['说', '明']) {
                label.drain(..2);
            }
        }
        cut_inner_enumerator(&mut label);
        strip_enumerator(&mut label);
        while matches!(label.last(), Some('为' | '是' | ':' | '：')) {
            label.pop();
        }
        let mut level = None;
        if label.len() >= 3
            && label[label.len() - 3] == '('
            && label[label.len() - 1] == ')'
            && matches!(label[label.len() - 2], '类' | '款' | '项')
        {
            level = Some(label[label.len() - 2]);
            label.truncate(label.len() - 3);
        } else if let Some(k) = (0..label.len().saturating_sub(2)).find(|&k| {
            label[k] == '(' && label[k + 1] == '类' && label[k + 2] == ')' && label[k + 3..].starts_with(&['支', '出'])
        }) {
            // `社会保障和就业（类）支出`: the central template marks the class inside its name.
            level = Some('类');
            label.drain(k..k + 3);
        }
        if label.is_empty() {
            continue;
        }
        let label: String = label.into_iter().collect();
        let current_terms = |s: &str| s.replace("上年结转", "");
        // Carried-over projects are named with the year they began (`2023 年…项目`); the
        // section's totals are not.
        let project_name = part == Part::CarryOver
            && label.chars().count() >= 6
            && !label.contains("结转结余")
            && !label.ends_with("财政拨款");
        let other_year = ["比", "较", "上年", "执行", "决算", "上一年", "去年"]
            .iter()
            .filter(another)
            .any(|w| current_terms(&raw).contains(w))
            || ([year, year_in(&before)].into_iter().flatten().any(|y| this_year.is_some_and(|t| t != y))
                && !project_name)
            || last_year_subject(&before);
        out.push(Claim { part, label, level, figure: f.clone(), year, before, other_year });
    }
    out
}

/// The document's year: the one its part headings name most.
/// Is the text a 决算? Its title, the first words to say 决算 or 预算, says 决算.
fn is_final(c: &[char]) -> bool {
    let head: String = c.iter().take(2000).collect();
    head.find("决算").is_some_and(|k| head.find("预算").is_none_or(|j| k < j))
}

fn document_year(parts: &[PartStart]) -> Option<u32> {
    let mut years: Vec<u32> = parts.iter().filter_map(|p| p.year).collect();
    years.sort_unstable();
    years.chunk_by(|a, b| a == b).max_by_key(|g| g.len()).map(|g| g[0])
}

/// Does the sentence so far speak of last year (`上年…预算 2.26 万元，其中：…`)? `比上年` /
/// `较上年` compare with it and do not count.
fn last_year_subject(before: &str) -> bool {
    let before = before.replace("上年结转", "");
    before.match_indices("上年").any(|(i, _)| !before[..i].ends_with('比') && !before[..i].ends_with('较'))
        || ["执行数", "决算数", "上一年", "去年", "前一年"].iter().any(|w| before.contains(w))
}

/// Drop a leading list marker: `- 1.`, `(一)`, `一、`, `1、`.
/// A running page header glued before a numbered item (`…2026年度单位预算公开1.本年支出合计`):
/// the label starts at the last item number inside it (`1.`, `(1)`).
fn cut_inner_enumerator(l: &mut Vec<char>) {
    // An item number is one or two digits (a code in brackets, `(2010801)`, is no item number),
    // followed by `.` or closed by `)`, and some words after it.
    let item_number = |k: usize| -> Option<char> {
        let end = (k..l.len()).find(|&m| !l[m].is_ascii_digit()).unwrap_or(l.len());
        (matches!(end - k, 1 | 2) && end + 1 < l.len()).then(|| l[end])
    };
    let last = (1..l.len()).rev().find(|&k| {
        let prev = l[k - 1];
        let dotted = l[k].is_ascii_digit()
            && !prev.is_ascii_digit()
            && !prev.is_ascii_punctuation()
            && matches!(item_number(k), Some('.' | '．'))
            && l.get(k + 2).is_some_and(|ch| !ch.is_ascii_digit());
        let bracketed = matches!(l[k], '(' | '（') && matches!(item_number(k + 1), Some(')' | '）'));
        dotted || bracketed
    });
    if let Some(k) = last {
        l.drain(..k);
    }
}

fn strip_enumerator(l: &mut Vec<char>) {
    const NUMERALS: &str = "一二三四五六七八九十";
    loop {
        let before = l.len();
        while l.first().is_some_and(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '-' | '•' | '·' | '、')) {
            l.remove(0);
        }
        if l.first() == Some(&'(') {
            if let Some(close) = l.iter().position(|&ch| ch == ')') {
                if close > 1 && l[1..close].iter().all(|ch| NUMERALS.contains(*ch) || ch.is_ascii_digit()) {
                    l.drain(..=close);
                }
            }
        }
        if let Some(p) = l.iter().position(|&ch| ch == '、') {
            if p > 0 && l[..p].iter().all(|ch| NUMERALS.contains(*ch)) {
                l.drain(..=p);
            }
        }
        if l.len() == before {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cut_inner_enumerator;

    fn cut(s: &str) -> String {
        let mut l: Vec<char> = s.chars().collect();
        cut_inner_enumerator(&mut l);
        l.into_iter().collect()
    }

    #[test]
    fn a_glued_page_header_is_cut_at_the_item_number() {
        assert_eq!(cut("单位预算公开1.本年支出合计"), "1.本年支出合计");
        assert_eq!(cut("单位预算公开(2)社会保障和就业支出"), "(2)社会保障和就业支出");
        // A code in brackets, a decimal and a label without a number stay whole.
        assert_eq!(cut("行政运行(2010801)"), "行政运行(2010801)");
        assert_eq!(cut("支出1.5倍"), "支出1.5倍");
        assert_eq!(cut("本年支出合计"), "本年支出合计");
    }
}
