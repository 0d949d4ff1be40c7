//! The parts of the 情况说明, classified by their headings' words, and the 收入/支出 sections.

use super::*;

/// Stream ranges of the 情况说明 sections that restate T1's two sides.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// From the `收入预算情况` heading to the `支出预算情况` one (stream indices).
    pub income: Option<Range<usize>>,
    /// From the `支出预算情况` heading to the next `情况说明`/`总体说明`, or the end (stream indices).
    pub expense: Option<Range<usize>>,
}

/// `…收入预算情况说明` up to `…支出预算情况说明`, and from there to the next `情况说明` heading:
/// the first such pair whose income and expense parts each hold at least two growth statements (the contents
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
    /// Stream index right after the heading's `情况说明`/`总体说明`.
    pub at: usize,
    /// Which part the heading's words name.
    pub part: Part,
    /// The last `NNNN 年` in the heading, if any (the budget year of the part).
    pub year: Option<u32>,
}

/// The last `20XX 年` in `s` (spaces already dropped), as a number.
pub(super) fn year_in(s: &str) -> Option<u32> {
    let c: Vec<char> = s.chars().collect();
    (4..c.len()).rev().find_map(|j| {
        (c[j] == '年' && c[j - 4..j].iter().all(|d| d.is_ascii_digit()) && (j < 5 || !c[j - 5].is_ascii_digit()))
            .then(|| c[j - 4..j].iter().collect::<String>().parse().ok())
            .flatten()
    })
}
