//! Pass 3b: the narrative (情况说明) outside the tables, as one stream of characters with line
//! breaks inside paragraphs removed (PDF wraps break words and numbers, HZ-05/HZ-27), and the
//! claims in it: amounts with units, percentages, and growth statements
//! `比上年(预算)增加 A 万元，增长 B%` bound to the amount they speak of (HZ-23).

use crate::amount::{parse_number, Amount};
use crate::blocks::{self, Line};
use crate::tables::Table;
use rust_decimal::Decimal;
use std::ops::Range;

/// The narrative text with each character's offset in the normalized text.
pub struct Stream {
    pub chars: Vec<char>,
    pub offs: Vec<usize>,
}

/// Sentence and paragraph boundaries in the stream.
const BREAK: char = '\u{1}';

impl Stream {
    fn span(&self, from: usize, to: usize) -> Range<usize> {
        let s = self.offs.get(from).copied().unwrap_or(0);
        let e = if to > from { self.offs.get(to - 1).map_or(s, |o| o + self.chars[to - 1].len_utf8()) } else { s };
        s..e
    }
}

/// Lines outside the tables, joined (sentences end at `。`/`；`, a table ends a paragraph);
/// spaces next to CJK characters are dropped (`增 长` → `增长`).
pub fn stream(text: &str, lines: &[Line], tables: &[Table]) -> Stream {
    let mut in_table = vec![false; lines.len()];
    for t in tables {
        for i in t.region.clone() {
            if let Some(x) = in_table.get_mut(i) {
                *x = true;
            }
        }
        if let Some(l) = t.line {
            if let Some(x) = in_table.get_mut(l) {
                *x = true;
            }
        }
    }
    let mut chars = Vec::with_capacity(text.len() / 2);
    let mut offs = Vec::with_capacity(text.len() / 2);
    for (i, l) in lines.iter().enumerate() {
        let s = &text[l.span.clone()];
        // Blank lines, page numbers and revision marks do not end a paragraph: PDF text is often
        // double-spaced and paged mid-sentence. Tables do.
        if s.trim().is_empty() || blocks::is_page_furniture(s) || blocks::is_revision_mark(s) {
            continue;
        }
        if in_table[i] {
            if chars.last() != Some(&BREAK) {
                chars.push(BREAK);
                offs.push(l.span.start);
            }
            continue;
        }
        for (k, c) in s.char_indices() {
            if c.is_whitespace() {
                // Keep a space only between two ASCII alphanumerics (`2024 年` loses it).
                let prev = chars.last().copied().unwrap_or(BREAK);
                // Look ahead only after an ASCII letter or digit (once per run of spaces).
                let next = if prev.is_ascii_alphanumeric() {
                    s[k + c.len_utf8()..].chars().find(|x| !x.is_whitespace())
                } else {
                    None
                };
                if prev.is_ascii_alphanumeric()
                    && next.is_some_and(|n| n.is_ascii_alphanumeric())
                    && !(prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                {
                    chars.push(' ');
                    offs.push(l.span.start + k);
                }
                continue;
            }
            chars.push(c);
            offs.push(l.span.start + k);
        }
    }
    Stream { chars, offs }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Wan,
    Yuan,
    Yi,
    Percent,
}

/// A number in the narrative with its unit.
#[derive(Debug, Clone)]
pub struct Figure {
    pub amount: Amount,
    pub unit: Unit,
    /// Index range in the stream (number and unit).
    pub at: Range<usize>,
}

impl Figure {
    /// The value in 万元 (amounts) or percent.
    pub fn value_wan(&self) -> (Decimal, Decimal) {
        let (v, h) = (self.amount.value, self.amount.half_step());
        match self.unit {
            Unit::Yuan => (v / Decimal::new(10000, 0), h / Decimal::new(10000, 0)),
            Unit::Yi => (v * Decimal::new(10000, 0), h * Decimal::new(10000, 0)),
            _ => (v, h),
        }
    }
}

fn is_num_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// Numbers followed by a unit (万元, 万, 元, 亿元, %). Enumerators (`2.`), years (`2024年`) and
/// numbers without a unit are not figures (HZ-19).
pub fn figures(s: &Stream) -> Vec<Figure> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_ascii_digit() || (i > 0 && (is_num_char(c[i - 1]) || c[i - 1].is_ascii_alphabetic())) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < c.len() && is_num_char(c[j]) {
            j += 1;
        }
        // A trailing '.' or ',' is punctuation, not part of the number.
        let mut end = j;
        while end > start && matches!(c[end - 1], '.' | ',') {
            end -= 1;
        }
        let raw: String = c[start..end].iter().collect();
        let mut k = end;
        while k < c.len() && c[k] == ' ' {
            k += 1;
        }
        let rest: String = c[k..(k + 2).min(c.len())].iter().collect();
        let unit = if rest.starts_with("万元") {
            Some((Unit::Wan, 2))
        } else if rest.starts_with("亿元") {
            Some((Unit::Yi, 2))
        } else if rest.starts_with('%') {
            Some((Unit::Percent, 1))
        } else if rest.starts_with('万') {
            Some((Unit::Wan, 1))
        } else if rest.starts_with('元') {
            Some((Unit::Yuan, 1))
        } else {
            None
        };
        if let (Some((unit, len)), Some((value, decimals))) = (unit, parse_number(&raw)) {
            let span = s.span(start, end);
            out.push(Figure { amount: Amount { value, decimals, span }, unit, at: start..k + len });
            i = k + len;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// `比上年…增加 A 万元，增长 B%`: the amount it is about, the change, the rate.
#[derive(Debug, Clone)]
pub struct Growth {
    /// The current figure the statement is about (the nearest amount before `比上年`).
    pub current: Figure,
    /// true: 增加/增长; false: 减少/下降.
    pub up: bool,
    pub change: Figure,
    /// The printed rate, if any, and whether its word agrees with the change's direction.
    pub rate: Option<(Figure, bool)>,
    /// The comparison basis as printed (`上年预算`, `2023 年执行数`…).
    pub basis: String,
    /// The first amount of the sentence when it is not `current`: the subject of a sentence that
    /// lists its parts before the comparison (`收入 4,203.47 万元，其中：… 100.00 万元，较上年增加…`).
    pub subject: Option<Figure>,
}

const UP: [&str; 3] = ["增加", "增长", "增幅"];
const DOWN: [&str; 5] = ["减少", "下降", "减幅", "降低", "降幅"];

pub(crate) fn word_at(c: &[char], i: usize, words: &[&str]) -> Option<usize> {
    let here = *c.get(i)?;
    words.iter().find_map(|w| {
        // Most positions fail on the first character: test it before counting the word.
        if !w.starts_with(here) {
            return None;
        }
        let n = w.chars().count();
        (c.len() >= i + n && c[i..i + n].iter().copied().eq(w.chars())).then_some(n)
    })
}

/// Growth statements, each bound to the nearest amount before it in the same sentence with no
/// other amount between (HZ-23).
/// The longest stretch the narrative reader looks across for one sentence. Real sentences are
/// well under 200 characters; the bound keeps each claim's scans constant, so the narrative pass
/// stays linear in the document whatever is pasted (no `。` in five megabytes, say).
const SENTENCE_MAX: usize = 400;
const SECTION_TRIES: usize = 8;

fn is_stop(ch: char) -> bool {
    matches!(ch, '。' | ';' | '；' | BREAK)
}

/// Where the sentence holding position `i` starts (at most `SENTENCE_MAX` back).
fn sentence_start(c: &[char], i: usize) -> usize {
    let lo = i.saturating_sub(SENTENCE_MAX);
    (lo..i.min(c.len())).rev().find(|&k| is_stop(c[k])).map_or(lo, |k| k + 1)
}

/// Where the sentence holding position `i` ends (at most `SENTENCE_MAX` on).
pub(crate) fn sentence_end(c: &[char], i: usize) -> usize {
    let hi = (i + SENTENCE_MAX).min(c.len());
    (i..hi).find(|&k| is_stop(c[k])).unwrap_or(hi)
}

/// The figures starting at or after `start` (figures are in text order): a binary search, so that
/// binding a claim costs O(log n) and the narrative pass stays linear in the document.
pub(crate) fn figs_from(figs: &[Figure], start: usize) -> std::slice::Iter<'_, Figure> {
    figs[figs.partition_point(|f| f.at.start < start)..].iter()
}

pub fn growths(s: &Stream, figs: &[Figure]) -> Vec<Growth> {
    let c = &s.chars;
    let mut out: Vec<Growth> = Vec::new();
    let mut changes: std::collections::HashSet<(usize, usize)> = Default::default();
    let starts: Vec<usize> =
        (0..c.len()).filter(|&i| word_at(c, i, &["比上年", "较上年", "比20", "较20"]).is_some()).collect();
    for &i in &starts {
        // The comparison word, then (within a few characters) the direction and the change.
        let sentence_start = sentence_start(c, i);
        // The change of an earlier statement is not what a later one is about.
        let is_change = |f: &Figure| changes.contains(&(f.at.start, f.at.end));
        let candidates: Vec<&Figure> = figs_from(figs, sentence_start)
            .take_while(|f| f.at.start < i)
            .filter(|f| {
                f.unit != Unit::Percent && f.at.end <= i && !is_change(f) && !bracketed(c, f, i) && !after_zhan(c, f)
            })
            .collect();
        let Some(current) = candidates.last().copied() else { continue };
        let subject = candidates.first().filter(|f| f.at != current.at).map(|f| (*f).clone());
        // No other 比上年 between the current amount and this one.
        let later = starts.partition_point(|&o| o <= current.at.end);
        if starts.get(later).is_some_and(|&o| o < i) {
            continue;
        }
        let mut k = i;
        let limit = (i + 16).min(c.len());
        let mut dir = None;
        while k < limit {
            if let Some(n) = word_at(c, k, &UP) {
                dir = Some((true, k + n));
                break;
            }
            if let Some(n) = word_at(c, k, &DOWN) {
                dir = Some((false, k + n));
                break;
            }
            if is_stop(c[k]) {
                break;
            }
            k += 1;
        }
        let Some((mut up, after)) = dir else { continue };
        let basis: String = c[i..k].iter().collect();
        // The change: the first figure right after the verb.
        let Some(change) =
            figs_from(figs, after).take_while(|f| f.at.start <= after + 2).find(|f| f.unit != Unit::Percent)
        else {
            continue;
        };
        // `增加-38.85 万元，增长-14.99%`: a negative increase is a decrease.
        let negative = |f: &Figure| f.at.start > 0 && matches!(c[f.at.start - 1], '-' | '−');
        if negative(change) {
            up = !up;
        }
        // The rate: a percent after the change, before the sentence ends, after a direction word.
        let mut rate = None;
        let mut m = change.at.end;
        while m < c.len() && m < change.at.end + 8 && !is_stop(c[m]) {
            let word = word_at(c, m, &UP).map(|n| (true, n)).or_else(|| word_at(c, m, &DOWN).map(|n| (false, n)));
            if let Some((w_up, n)) = word {
                if let Some(p) =
                    figs_from(figs, m + n).take_while(|f| f.at.start <= m + n + 2).find(|f| f.unit == Unit::Percent)
                {
                    rate = Some((p.clone(), (w_up != negative(p)) == up));
                }
                break;
            }
            m += 1;
        }
        changes.insert((change.at.start, change.at.end));
        out.push(Growth { current: current.clone(), up, change: change.clone(), rate, basis, subject });
    }
    out
}

/// Is `f` inside brackets that close before `until` (`637.60 万元（含人员经费 631.92 万元）`)?
fn bracketed(c: &[char], f: &Figure, until: usize) -> bool {
    for &ch in &c[f.at.end..until.min(c.len())] {
        match ch {
            '(' | '（' => return false,
            ')' | '）' => return true,
            _ => {}
        }
    }
    false
}

/// Is `f` the base of a share (`占收入预算 11931.33 万元的 33.59%`)?
fn after_zhan(c: &[char], f: &Figure) -> bool {
    c[f.at.start.saturating_sub(8)..f.at.start]
        .iter()
        .rev()
        .take_while(|ch| !is_clause_stop(**ch))
        .any(|&ch| ch == '占')
}

/// The number printed right at stream index `i` (after optional `:`), as an amount.
pub(crate) fn number_at(s: &Stream, mut i: usize) -> Option<(Amount, usize)> {
    let c = &s.chars;
    while i < c.len() && matches!(c[i], ':' | ' ') {
        i += 1;
    }
    let start = i;
    while i < c.len() && is_num_char(c[i]) {
        i += 1;
    }
    while i > start && matches!(c[i - 1], '.' | ',') {
        i -= 1;
    }
    let raw: String = c.get(start..i)?.iter().collect();
    let (value, decimals) = parse_number(&raw)?;
    Some((Amount { value, decimals, span: s.span(start, i) }, i))
}

pub(crate) fn find(c: &[char], from: usize, to: usize, word: &str) -> Option<usize> {
    let w: Vec<char> = word.chars().collect();
    let first = *w.first()?;
    let end = to.min(c.len());
    (from..end).find(|&i| c[i] == first && c.get(i..i + w.len()) == Some(&w[..]))
}

/// A project's funding in its 绩效目标表: 年度预算总额 = 其中：财政拨款 + 其他资金.
#[derive(Debug, Clone)]
pub struct FundSplit {
    pub total: Amount,
    pub fiscal: Amount,
    pub other: Option<Amount>,
}

pub fn fund_splits(s: &Stream) -> Vec<FundSplit> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "年度预算总额") {
        i = k + 6;
        let Some((total, after)) = number_at(s, i) else { continue };
        let Some(f) = find(c, after, after + 12, "财政拨款") else { continue };
        let Some((fiscal, after2)) = number_at(s, f + 4) else { continue };
        let other_at = find(c, after2, after2 + 8, "其他资金");
        // Another source between (`上年结转 100.00`): the two read are not all the parts.
        let gap_end = other_at.unwrap_or((after2 + 12).min(c.len()));
        if (after2..gap_end.min(c.len())).any(|k| c[k].is_ascii_digit()) {
            i = after2;
            continue;
        }
        let other = other_at.and_then(|o| number_at(s, o + 4)).map(|(a, _)| a);
        out.push(FundSplit { total, fiscal, other });
        i = after2;
    }
    out
}

/// `整体预算绩效目标 1 个，涉及金额 X 万元`: the amount the unit-wide performance target covers.
pub fn whole_targets(s: &Stream, figs: &[Figure]) -> Vec<Figure> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "整体") {
        i = k + 2;
        let end = sentence_end(c, k);
        let Some(m) = find(c, k, end, "涉及金额") else { continue };
        // The first amount after it, before the next clause about other projects.
        let next_clause = find(c, m, end, "项目").unwrap_or(end);
        if let Some(f) =
            figs_from(figs, m + 4).take_while(|f| f.at.start < next_clause).find(|f| f.unit != Unit::Percent)
        {
            out.push(f.clone());
        }
        i = end;
    }
    out
}

/// `A(类)B(款)C(项)：20XX 年预算数为 Y 万元` — the amount the narrative gives a functional 项.
#[derive(Debug, Clone)]
pub struct ItemAmount {
    pub class: String,
    pub kuan: String,
    pub item: String,
    pub amount: Figure,
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
            out.push(ItemAmount { class, kuan, item, amount: f.clone() });
        }
    }
    out
}

/// `X 万元，占 p%`: a share, with the amount it is of, and the sentence's first amount (the
/// whole a `其中` list splits).
#[derive(Debug, Clone)]
pub struct Share {
    pub part: Figure,
    pub percent: Figure,
    pub subject: Option<Figure>,
    /// Earlier amounts nearby (the last few hundred characters) at least as large as the part:
    /// a structure paragraph's shares are of a total stated just before it.
    pub nearby: Vec<Figure>,
}

pub fn shares(s: &Stream, figs: &[Figure]) -> Vec<Share> {
    let c = &s.chars;
    let mut out = Vec::new();
    for (n, f) in figs.iter().enumerate() {
        if f.unit != Unit::Percent {
            continue;
        }
        // `占` right before the percent, and the amount right before `占` (a comma between).
        let Some(zhan) = (f.at.start.saturating_sub(3)..f.at.start).rev().find(|&j| c[j] == '占') else { continue };
        let Some(mut part) = figs[..n].iter().rev().find(|p| p.unit != Unit::Percent) else { continue };
        if part.at.end > zhan || zhan - part.at.end > 2 {
            continue;
        }
        // `11293.73 万元（含上年结转 130.20 万元），占 94.66%`: the share is the bracket's owner's.
        if c[part.at.end..zhan].iter().any(|&ch| matches!(ch, ')' | '）')) {
            let Some(open) =
                (sentence_start(c, part.at.start)..part.at.start).rev().find(|&j| matches!(c[j], '(' | '（'))
            else {
                continue;
            };
            let Some(owner) =
                figs[..n].iter().rev().find(|p| p.unit != Unit::Percent && p.at.end <= open && open - p.at.end <= 1)
            else {
                continue;
            };
            part = owner;
        }
        let sentence_from = sentence_start(c, part.at.start);
        let subject = figs_from(figs, sentence_from)
            .take_while(|x| x.at.start < part.at.start)
            .find(|x| x.unit != Unit::Percent)
            .cloned();
        let window = part.at.start.saturating_sub(400);
        let nearby = figs_from(figs, window)
            .take_while(|x| x.at.start < part.at.start)
            .filter(|x| x.unit != Unit::Percent && x.value_wan().0 >= part.value_wan().0)
            .cloned()
            .collect();
        out.push(Share { part: part.clone(), percent: f.clone(), subject, nearby });
    }
    out
}

/// A figure printed right after a label (`收支总预算 11931.33 万元`, `人员经费 631.92 万元`).
#[derive(Debug, Clone)]
pub struct Labelled {
    pub label: &'static str,
    pub figure: Figure,
    /// The sentence speaks of another year or last year (see `Claim::other_year`).
    pub other_year: bool,
}

/// Labels that name a table figure, longest first (so `财政拨款收支总预算` wins over `收支总预算`).
pub const AMOUNT_LABELS: [&str; 10] = [
    "财政拨款收支总预算",
    "收支总预算",
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
                let unit = ["部门", "单位", "中心", "机关", "事业单位", "局", "委", "院", "所", "办"]
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

/// Stream ranges of the 情况说明 sections that restate T1's two sides.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    pub income: Option<Range<usize>>,
    pub expense: Option<Range<usize>>,
}

/// `…收入预算情况说明` up to `…支出预算情况说明`, and from there to the next `情况说明` heading:
/// the first such pair whose income part holds at least two growth statements (the contents
/// list and the overview name the sections too).
pub fn sections(s: &Stream, growths: &[Growth]) -> Sections {
    let c = &s.chars;
    let mut from = 0;
    // The contents list, the overview and the section itself: a few namings at most. The cap keeps
    // hostile text (the heading repeated) linear.
    for _ in 0..SECTION_TRIES {
        let Some(inc) = find(c, from, c.len(), "收入预算情况") else { break };
        from = inc + 6;
        let Some(exp) = find(c, inc + 6, c.len(), "支出预算情况") else { break };
        let end =
            find(c, exp + 6, c.len(), "情况说明").or_else(|| find(c, exp + 6, c.len(), "总体说明")).unwrap_or(c.len());
        let inside = |r: &Range<usize>| growths.iter().filter(|g| r.contains(&g.current.at.start)).count();
        if inside(&(inc..exp)) >= 2 && inside(&(exp..end)) >= 2 {
            return Sections { income: Some(inc..exp), expense: Some(exp..end) };
        }
    }
    Sections::default()
}

/// The part of the 情况说明 a figure is in, from the heading before it (`…收入预算情况说明`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// 收支预算情况的总体说明 (N1).
    Overview,
    /// 收入预算情况说明 (N2).
    Income,
    /// 支出预算情况说明 (N3).
    Expense,
    /// 财政拨款收支预算情况的总体说明 (N4).
    Fiscal,
    /// 一般公共预算当年拨款情况说明 (N5).
    Gpb,
    /// 一般公共预算基本支出情况说明 (N6).
    Basic,
    /// 一般公共预算项目支出情况说明 (N7).
    Project,
    /// 政府性基金 / 国有资本经营预算拨款情况说明 (N8, N9).
    Funds,
    /// 财政拨款“三公”经费预算情况说明 (N10).
    ThreePub,
    /// 上年结转结余预算情况说明 (N11).
    CarryOver,
    /// Any other heading (其他重要事项…).
    Other,
}

/// Heading words, most specific first.
const PART_WORDS: [(&str, Part); 12] = [
    ("财政拨款收支", Part::Fiscal),
    ("收支预算情况", Part::Overview),
    ("收支总体情况", Part::Overview),
    ("当年拨款情况", Part::Gpb),
    ("基本支出情况", Part::Basic),
    ("项目支出情况", Part::Project),
    ("政府性基金", Part::Funds),
    ("国有资本", Part::Funds),
    ("三公", Part::ThreePub),
    ("结转结余", Part::CarryOver),
    ("收入预算情况", Part::Income),
    ("支出预算情况", Part::Expense),
];

/// Words that make a 收入/支出预算 heading about one fund only (`一般公共预算支出预算情况说明`),
/// not the whole budget T1 and T3 show.
const ONE_FUND: [&str; 4] = ["一般公共预算", "财政拨款", "政府性基金", "国有资本"];

/// Where each part of the 情况说明 starts: every `情况说明`/`总体说明` heading, classified by the
/// words just before it. A 决算 or other template's headings that name none of them start
/// `Part::Other`, whose figures no table rule binds.
pub fn parts(s: &Stream) -> Vec<PartStart> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i + 4 <= c.len() {
        let Some(n) = word_at(c, i, &["情况说明", "总体说明", "情况的说明"]) else {
            i += 1;
            continue;
        };
        let from = i.saturating_sub(24).max(sentence_start(c, i)).max(last_end);
        let head: String = c[from..i + n].iter().collect();
        last_end = i + n;
        let mut part = PART_WORDS.iter().find(|(w, _)| head.contains(w)).map_or(Part::Other, |(_, p)| *p);
        if matches!(part, Part::Income | Part::Expense) && ONE_FUND.iter().any(|w| head.contains(w)) {
            part = Part::Other;
        }
        out.push(PartStart { at: i + n, part, year: year_in(&head) });
        i += n;
    }
    out
}

/// Where a part of the 情况说明 starts, what it is, and the year its heading names.
#[derive(Debug, Clone, Copy)]
pub struct PartStart {
    pub at: usize,
    pub part: Part,
    pub year: Option<u32>,
}

/// The last `20XX 年` in `s` (spaces already dropped), as a number.
fn year_in(s: &str) -> Option<u32> {
    let c: Vec<char> = s.chars().collect();
    (4..c.len()).rev().find_map(|j| {
        (c[j] == '年' && c[j - 4..j].iter().all(|d| d.is_ascii_digit()) && (j < 5 || !c[j - 5].is_ascii_digit()))
            .then(|| c[j - 4..j].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

/// A figure with the words that introduce it (its clause up to the figure) and the part it is in.
#[derive(Debug, Clone)]
pub struct Claim {
    pub part: Part,
    /// The introducing words without enumerators, the unit's name and year (`2024 年…`),
    /// and without a trailing `为`/`是` and a level mark.
    pub label: String,
    /// `类`, `款` or `项` when the label ends with `(类)` and so on.
    pub level: Option<char>,
    pub figure: Figure,
    /// The year the label named (`2023 年…`), if any.
    pub year: Option<u32>,
    /// The sentence up to the label (at most `SENTENCE_MAX` characters, spaces dropped).
    pub before: String,
    /// The figure is about another year: its words or its sentence name a year other than the
    /// part's, or last year (`上年…`, `…执行数`, `比…`), so it restates no cell of this year's tables.
    pub other_year: bool,
}

fn is_clause_stop(ch: char) -> bool {
    is_stop(ch) || matches!(ch, '，' | ',' | '：' | ':' | '、')
}

/// The label of every amount (not percent) in a recognised part of the 情况说明.
pub fn claims(s: &Stream, figs: &[Figure], parts: &[PartStart]) -> Vec<Claim> {
    let c = &s.chars;
    let mut out = Vec::new();
    let doc_year = document_year(parts);
    for f in figs.iter().filter(|f| f.unit != Unit::Percent) {
        let k = parts.partition_point(|p| p.at <= f.at.start);
        let Some(&PartStart { part, year: part_year, .. }) = k.checked_sub(1).and_then(|k| parts.get(k)) else {
            continue;
        };
        if part == Part::Other {
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
        // `…部门 2024 年一般公共预算拨款合计` → `一般公共预算拨款合计`.
        let year = year_in(&raw);
        if let Some(y) = (1..label.len()).rev().find(|&j| label[j] == '年' && label[j - 1].is_ascii_digit()) {
            label.drain(..=y);
        }
        // A heading run into the clause (`(二)…结构情况 1.社会保障和就业支出(类)`).
        if let Some(h) = (1..label.len()).rev().find(|&j| label[j - 1] == '情' && label[j] == '况') {
            label.drain(..=h);
            if label.starts_with(&['说', '明']) {
                label.drain(..2);
            }
        }
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
        } else if let Some(k) =
            (0..label.len().saturating_sub(2)).find(|&k| label[k] == '(' && label[k + 1] == '类' && label[k + 2] == ')')
        {
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
        let other_year =
            ["比", "较", "上年", "执行", "决算", "上一年", "去年"].iter().any(|w| current_terms(&raw).contains(w))
                || ([year, year_in(&before)].into_iter().flatten().any(|y| this_year.is_some_and(|t| t != y))
                    && !project_name)
                || last_year_subject(&before);
        out.push(Claim { part, label, level, figure: f.clone(), year, before, other_year });
    }
    out
}

/// The document's year: the one its part headings name most.
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

/// A project as the 情况说明 (N7 `项目名称：…预算安排规模：…资金分配情况：…`) or a 项目支出绩效
/// 目标表 (`项目名称 … 年度预算总额 …`) describes it.
#[derive(Debug, Clone)]
pub struct Project {
    /// The name as printed, without spaces.
    pub name: String,
    pub name_span: Range<usize>,
    /// `预算安排规模：X 万元` (N7).
    pub scale: Option<Figure>,
    /// `资金分配情况：…`: what it adds up to.
    pub allocation: Option<Allocation>,
    /// `年度预算总额 X` (绩效目标表).
    pub target_total: Option<Amount>,
    /// `项目总体目标：…资金总额为 X 万元` / `安排预算资金 X 万元` (绩效目标表).
    pub goal_amount: Option<Figure>,
}

/// A project's 资金分配情况: the total it states (after `共计`/`合计`, or before `其中`) and its
/// parts (a number without a unit followed by a list separator takes the parts' 万元, HZ-20).
/// No parts when the text mixes in other units (`每人每月 120 元`).
#[derive(Debug, Clone)]
pub struct Allocation {
    pub total: Option<Figure>,
    pub parts: Vec<Figure>,
}

/// Where a project's name ends: the next field's label.
const PROJECT_FIELDS: [&str; 10] = [
    "设立的政策依据",
    "政策依据",
    "预算安排规模",
    "项目承担单位",
    "项目负责人",
    "主管部门",
    "实施单位",
    "项目资金",
    "资金分配",
    "项目属性",
];
const PROJECT_SPAN: usize = 3000;

pub fn projects(s: &Stream, figs: &[Figure]) -> Vec<Project> {
    let c = &s.chars;
    let starts: Vec<usize> = (0..c.len()).filter(|&i| word_at(c, i, &["项目名称"]).is_some()).collect();
    let mut out = Vec::new();
    for (k, &at) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(c.len()).min(at + PROJECT_SPAN).min(c.len());
        let mut i = at + 4;
        while i < end && matches!(c[i], ':' | '：' | ' ') {
            i += 1;
        }
        let name_end = (i..end.min(i + 60)).find(|&j| is_stop(c[j]) || word_at(c, j, &PROJECT_FIELDS).is_some());
        let Some(name_end) = name_end.filter(|&e| e > i) else { continue };
        let name: String = c[i..name_end].iter().filter(|ch| *ch != &' ').collect();
        let fig_after = |word: &str, within: usize| {
            find(c, name_end, end, word).and_then(|w| {
                figs_from(figs, w + word.chars().count())
                    .take_while(|f| f.at.start <= w + word.chars().count() + within)
                    .find(|f| f.unit != Unit::Percent)
                    .cloned()
            })
        };
        let scale = fig_after("预算安排规模", 2);
        let target_total = find(c, name_end, end, "年度预算总额").and_then(|w| number_at(s, w + 6)).map(|(a, _)| a);
        let goal_amount = find(c, name_end, end, "项目总体目标").and_then(|g| {
            let stop = (g..end.min(g + 200)).find(|&j| is_stop(c[j])).unwrap_or(end.min(g + 200));
            // Only the words that state the whole (`预算安排资金总额为 X`); `安排预算资金 X` often
            // introduces one part of it.
            ["资金总额为", "资金总额", "预算总额为"].iter().find_map(|w| {
                let p = find(c, g, stop, w)?;
                let n = w.chars().count();
                figs_from(figs, p + n)
                    .take_while(|f| f.at.start <= p + n + 1)
                    .find(|f| matches!(f.unit, Unit::Wan))
                    .cloned()
            })
        });
        let allocation = find(c, name_end, end, "资金分配情况").and_then(|a| allocation(s, figs, a + 6, end));
        out.push(Project { name, name_span: s.span(i, name_end), scale, allocation, target_total, goal_amount });
    }
    out
}

/// Words that state an allocation's whole (`共计 X`, `总计 X`); a figure right after one is the total.
const TOTAL_WORDS: [&str; 6] = ["共计", "合计", "总计", "累计", "总额", "共"];
/// Words after which the figure before them is the whole and what follows its (perhaps partial)
/// split: `项目资金 200 万元，其中：…` / `…，主要用于：…` / `…，包括…`.
const SPLIT_WORDS: [&str; 3] = ["其中", "主要用于", "包括"];

/// The 资金分配情况 text from `from` to `资金执行时间` (or `end`).
fn allocation(s: &Stream, figs: &[Figure], from: usize, end: usize) -> Option<Allocation> {
    let c = &s.chars;
    let field_end = find(c, from, end, "资金执行").or_else(|| find(c, from, end, "项目总体目标"));
    let stop = field_end.unwrap_or(end).min(from + SENTENCE_MAX);
    // A list cut off by the end of the paste is not added up: it must end at the next field or
    // at a full stop.
    let closed = field_end.is_some_and(|e| e <= stop) || (from..stop).any(|k| c[k] == '。');
    if !closed {
        return None;
    }
    let inside: Vec<&Figure> = figs_from(figs, from).take_while(|f| f.at.start < stop).collect();
    // A stated total: the figure right after a total word.
    for w in TOTAL_WORDS {
        let n = w.chars().count();
        let mut at = from;
        while let Some(t) = find(c, at, stop, w) {
            at = t + n;
            if let Some(f) =
                inside.iter().find(|f| f.at.start >= t + n && f.at.start <= t + n + 1 && f.unit == Unit::Wan)
            {
                return Some(Allocation { total: Some((*f).clone()), parts: Vec::new() });
            }
        }
    }
    // Changes (`比上年增加 37.44 万元`) and bracketed sub-splits are not parts, and a `其中` in
    // brackets is not the list's: nothing is added up.
    let text: String = c[from..stop].iter().collect();
    if ["增加", "减少", "上年", "(", "（"].iter().any(|w| text.contains(w)) {
        return None;
    }
    // A whole stated first, before `其中`/`主要用于`/`包括`: compared; the split after it may be
    // partial. Those words anywhere else open a sub-list: nothing is added up.
    if let Some(q) = SPLIT_WORDS.iter().filter_map(|w| find(c, from, stop, w)).min() {
        let before: Vec<&&Figure> = inside.iter().filter(|f| f.at.end <= q).collect();
        return match before.as_slice() {
            [whole] if whole.unit == Unit::Wan => {
                Some(Allocation { total: Some((**whole).clone()), parts: Vec::new() })
            }
            _ => None,
        };
    }
    // Rates, shares, counts and schedules (`每人每月`, `/月`, `平均`, `占 68.72%`, `101 人`,
    // `分 3 批`) describe how the money is spent, not parts that add up to it.
    if ["每", "/", "平均", "占", "%"].iter().any(|w| text.contains(w)) || inside.iter().any(|f| f.unit != Unit::Wan)
    {
        return None;
    }
    let mut parts: Vec<Figure> = Vec::new();
    let mut j = from;
    while j < stop {
        if let Some(f) = inside.iter().find(|f| f.at.start == j) {
            parts.push((*f).clone());
            j = f.at.end;
            continue;
        }
        if c[j].is_ascii_digit() && (j == 0 || !is_num_char(c[j - 1]) && !c[j - 1].is_ascii_alphabetic()) {
            let (amount, after) = number_at(s, j)?;
            let next = c.get(after).copied();
            // An amount without its unit (HZ-20: `差额工资 52.98、冬碳费 13.5 万元`) has decimals and
            // is followed by a list separator; a whole number is a count, a year or a list marker.
            if amount.decimals > 0 && matches!(next, Some('、' | ',' | '，' | ';' | '；')) {
                parts.push(Figure { amount, unit: Unit::Wan, at: j..after });
            } else if amount.decimals == 0
                && (matches!(next, Some('、' | '.' | ')' | '）' | '-' | '—' | '~'))
                    || j > 0 && matches!(c[j - 1], '-' | '—' | '~'))
            {
                // `1、` / `(2)` list markers, ranges (`92-93 辞去现职人员`).
            } else if amount.decimals == 0 && next.is_some_and(|ch| "人名户个批条辆台次年月日".contains(ch))
            {
                // A count or a date beside the money.
            } else {
                // A bare number we cannot place: do not add up.
                return None;
            }
            j = after.max(j + 1);
            continue;
        }
        j += 1;
    }
    (!parts.is_empty()).then_some(Allocation { total: None, parts })
}

/// `(当年)财政拨款项目 N 个，涉及预算金额 X 万元` (预算绩效情况): how many fiscal projects have
/// targets, and their money.
#[derive(Debug, Clone)]
pub struct PerfCount {
    pub count: Amount,
    pub amount: Option<Figure>,
    /// `上级转移支付(资金安排)项目 N 个` (the projects whose tables are not published).
    pub upper: bool,
}

pub fn perf_counts(s: &Stream, figs: &[Figure]) -> Vec<PerfCount> {
    let c = &s.chars;
    let mut out = Vec::new();
    let count_at = |k: usize, upper: bool| -> Option<PerfCount> {
        let (count, after) = number_at(s, k)?;
        if c.get(after) != Some(&'个') || count.decimals != 0 {
            return None;
        }
        let end = sentence_end(c, after).min(after + 16);
        let amount = find(c, after, end, "金额").and_then(|m| {
            figs_from(figs, m + 2).take_while(|f| f.at.start <= m + 3).find(|f| f.unit != Unit::Percent).cloned()
        });
        Some(PerfCount { count, amount, upper })
    };
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "财政拨款项目") {
        i = k + 6;
        // Not 非财政拨款, nor last year's carried-over projects (`上年结转财政拨款项目 5 个`).
        let lead: String = c[k.saturating_sub(4)..k].iter().collect();
        if lead.ends_with('非') || lead.contains("结转") || lead.contains("上年") {
            continue;
        }
        out.extend(count_at(k + 6, false));
    }
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "转移支付") {
        i = k + 4;
        // The 上级 projects as a whole, not one level of them (`中央转移支付项目 3 个`).
        if find(c, k.saturating_sub(14), k, "上级").is_none() {
            continue;
        }
        if let Some(p) = find(c, k + 4, k + 10, "项目") {
            out.extend(count_at(p + 2, true));
        }
    }
    out
}

/// The 部门整体绩效目标表's 资金来源: 上级安排 / 本级安排 (财政资金) and 其他资金, printed
/// without units.
#[derive(Debug, Clone)]
pub struct WholeFund {
    pub upper: Amount,
    pub own: Amount,
    pub other: Option<Amount>,
}

pub fn whole_funds(s: &Stream) -> Option<WholeFund> {
    let c = &s.chars;
    let mut from = 0;
    // The first `资金来源` followed by the two lines (the words also occur in the prose).
    while let Some(k) = find(c, from, c.len(), "资金来源") {
        from = k + 4;
        // The unit-wide table's (部门整体绩效目标表), not a project's.
        let lo = k.saturating_sub(600);
        let Some(w) = (lo..k).rev().find(|&j| word_at(c, j, &["整体"]).is_some()) else { continue };
        if find(c, w, k, "项目名称").is_some() {
            continue;
        }
        let end = (k + 120).min(c.len());
        let after = |words: &[&str]| {
            words.iter().find_map(|w| find(c, k, end, w).and_then(|p| number_at(s, p + w.chars().count())))
        };
        let (Some((upper, _)), Some((own, _))) = (after(&["上级安排", "上级资金"]), after(&["本级安排", "本级资金"]))
        else {
            continue;
        };
        let other = find(c, k, end, "其他资金")
            .and_then(|p| find(c, p + 4, (p + 16).min(end), "其他"))
            .and_then(|p| number_at(s, p + 2))
            .map(|(a, _)| a);
        return Some(WholeFund { upper, own, other });
    }
    None
}

/// The 三公 parts' changes, stated after the parts themselves without `比上年`
/// (`…“三公”经费数为 X 万元，其中：因公出国（境）a 万元…。…其中：因公出国（境）费增加 0.00 万元，
/// 增长 0.00%`): each bound to the amount its part was given before.
/// A 三公 part's name, one spelling for its variants (`公务用车运行维护费` = `公务用车运行费`,
/// `因公出国（境）费` = `因公出国（境）`).
pub fn three_pub_name(label: &str) -> String {
    label.replace("运行维护费", "运行费").replace("(境)费", "(境)")
}

pub fn part_growths(s: &Stream, figs: &[Figure], claims: &[Claim], known: &[Growth]) -> Vec<Growth> {
    let c = &s.chars;
    let name = three_pub_name;
    let known: std::collections::HashSet<usize> = known.iter().map(|g| g.change.at.start).collect();
    // The first amount stated for each part (and for the total), in text order: a change binds
    // to the one stated before it.
    let mut first: std::collections::HashMap<String, &Claim> = std::collections::HashMap::new();
    let mut total: Option<&Claim> = None;
    let mut out = Vec::new();
    for cl in claims {
        // A new 三公 section (another document pasted after) starts afresh.
        if cl.part != Part::ThreePub {
            first.clear();
            total = None;
            continue;
        }
        let change =
            [("增加", true), ("减少", false)].iter().find_map(|(w, up)| cl.label.strip_suffix(w).map(|x| (x, *up)));
        let Some((stem, up)) = change else {
            if cl.other_year {
                continue;
            }
            if cl.label.contains("三公") && !cl.label.contains("上年") {
                total.get_or_insert(cl);
            } else {
                first.entry(name(&cl.label)).or_insert(cl);
            }
            continue;
        };
        if stem.is_empty() || known.contains(&cl.figure.at.start) {
            continue;
        }
        // `…“三公”经费(预算)比上年预算增加 A`: the change of the total stated before.
        let current = if stem.contains("上年") {
            if !stem.contains("三公") {
                continue;
            }
            total
        } else {
            first.get(&name(stem)).copied()
        };
        let Some(current) = current else { continue };
        let mut rate = None;
        let mut m = cl.figure.at.end;
        while m < c.len() && m < cl.figure.at.end + 8 && !is_stop(c[m]) {
            let word = word_at(c, m, &UP).map(|n| (true, n)).or_else(|| word_at(c, m, &DOWN).map(|n| (false, n)));
            if let Some((w_up, n)) = word {
                rate = figs_from(figs, m + n)
                    .take_while(|f| f.at.start <= m + n + 2)
                    .find(|f| f.unit == Unit::Percent)
                    .map(|p| (p.clone(), w_up == up));
                break;
            }
            m += 1;
        }
        out.push(Growth {
            current: current.figure.clone(),
            up,
            change: cl.figure.clone(),
            rate,
            basis: "上年预算".into(),
            subject: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream_of(t: &str) -> Stream {
        let ls = crate::blocks::lines(t);
        stream(t, &ls, &[])
    }

    #[test]
    fn growth_binds_to_the_nearest_amount() {
        let t = "收入预算 11931.33 万元，其中：一般公共预算 4007.60 万元，占 33.59%，比上年预算增加 1916.17 万元，增长 91.62%，主要原因是：人员增加。";
        let s = stream_of(t);
        let figs = figures(&s);
        let g = growths(&s, &figs);
        assert_eq!(g.len(), 1);
        assert_eq!(&t[g[0].current.amount.span.clone()], "4007.60");
        assert_eq!(&t[g[0].change.amount.span.clone()], "1916.17");
        assert_eq!(g[0].rate.as_ref().map(|(r, ok)| (&t[r.amount.span.clone()], *ok)), Some(("91.62", true)));
    }

    #[test]
    fn wrapped_words_and_numbers_join() {
        let t = "项目支出 87.40 万元，比上年预算减少 7278.72 万元，下\n降 98.\n8%。\n";
        let s = stream_of(t);
        let g = growths(&s, &figures(&s));
        assert_eq!(g.len(), 1);
        assert!(!g[0].up);
        // Test-only (in `mod tests`): the fixture sentence prints a rate; a panic here is a failed test.
        let (r, ok) = g[0].rate.clone().unwrap();
        assert_eq!(r.amount.value.to_string(), "98.8");
        assert!(ok);
    }

    #[test]
    fn enumerators_and_years_are_not_figures() {
        let s = stream_of("2.95 年以前退休人员生活补贴 65.28 万元；2024 年预算数为 1.5 万元");
        let v: Vec<String> = figures(&s).iter().map(|f| f.amount.value.to_string()).collect();
        assert_eq!(v, ["65.28", "1.5"]);
    }
}
