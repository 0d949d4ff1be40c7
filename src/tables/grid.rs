//! Columns by position, for layout extraction (`pdftotext -layout`): every value column prints
//! its amounts in one band of character columns, and its header words stand above that band,
//! wrapped over as many lines as the cell needs (`一般公共预` / `算`, `日常公用支` / `出`).
//!
//! The header cells come from the header words (wrapped words stacked in one column are one
//! cell), and each amount goes to the cell it stands under, so a row whose blank cells vanished
//! still places each amount in its column, whatever the columns' order or number.

use crate::amount::Amount;
use std::ops::Range;

/// Character-column range of the byte range `span` of `text`, on its line.
pub fn columns_of(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = column(text, span.start);
    start..start + text[span.clone()].chars().count()
}

/// Character column of byte offset `at` of `text`, on its line.
pub fn column(text: &str, at: usize) -> usize {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    text[line_start..at].chars().count()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// A header cell: the header words stacked in one column (`对附属单` / `位补助支` / `出`), with
/// the character columns they cover.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderCell {
    /// The words, top line first, blanks removed.
    pub words: String,
    /// The character columns the words cover.
    pub span: Range<usize>,
    /// The character columns of its words on its lowest line (the cell itself: words above may
    /// be a heading merged into it, `2025年执行数` over `执行数` and its neighbour).
    pub foot: Range<usize>,
    /// The header lines the words stand on (indexes into the header block).
    pub lines: Range<usize>,
    /// The words of the group headings above the cell (`2026年预算数`, `基本支出`), top first.
    pub headings: String,
}

/// The header cells of a header block, left to right. Fragments (text between runs of two or
/// more blanks) that overlap across lines are one cell; a fragment over two or more cells of the
/// lines below it (`基本支出` over `人员经费` and `公用经费`, `本年收入` over its sources), or
/// centred above the gap between two cells a line or more above both, is a group heading and is
/// left out. 栏次 numbers (`1 2 3`, `**`) are skipped.
pub fn header_cells(header_lines: &[&str]) -> Vec<HeaderCell> {
    let frags: Vec<(usize, Range<usize>, String)> = header_lines
        .iter()
        .enumerate()
        .flat_map(|(k, line)| fragments(line).into_iter().map(move |(span, words)| (k, span, words)))
        .filter(|(_, _, w)| !w.chars().all(|c| c.is_ascii_digit() || c == '*' || c == '栏' || c == '次'))
        .collect();
    let frags = split_over_cells(header_lines, frags);
    let below = |i: usize| -> usize {
        let (k, span, _) = &frags[i];
        let mut hits: Vec<&Range<usize>> =
            frags.iter().filter(|(j, s, _)| j > k && overlap(s, span) > 0).map(|(_, s, _)| s).collect();
        hits.sort_by_key(|s| s.start);
        hits.dedup_by(|b, a| overlap(a, b) > 0);
        hits.len()
    };
    let mut cells: Vec<HeaderCell> = Vec::new();
    for i in (0..frags.len()).filter(|&i| below(i) < 2) {
        let (line, span, words) = &frags[i];
        match cells.iter_mut().find(|c| overlap(&c.span, span) > 0) {
            // A cell's text never continues with `其中`: words above a `其中：…` cell, a line
            // or more above it, are a heading (`2026年政府采购项目` … `其中：2026年…`).
            Some(c) if *line > c.lines.end && words.starts_with("其中") => {
                c.headings = std::mem::take(&mut c.words);
                c.words.push_str(words);
                c.span = span.clone();
                c.foot = span.clone();
                c.lines = *line..line + 1;
            }
            Some(c) => {
                c.words.push_str(words);
                c.span = c.span.start.min(span.start)..c.span.end.max(span.end);
                c.foot = if *line + 1 == c.lines.end {
                    c.foot.start.min(span.start)..c.foot.end.max(span.end)
                } else {
                    span.clone()
                };
                c.lines.end = line + 1;
            }
            None => cells.push(HeaderCell {
                words: words.clone(),
                span: span.clone(),
                foot: span.clone(),
                lines: *line..line + 1,
                headings: String::new(),
            }),
        }
    }
    cells.sort_by_key(|c| c.span.start);
    // A heading centred over the gap between its two sub-columns, a line or more above both of
    // them (a column's own wrapped words reach down to its neighbours' line).
    let heading = |k: usize| above_neighbours(&cells, k, 1);
    // `其中：` standing over the parts of a total is no column.
    let connector = |k: usize| cells[k].words.trim_end_matches([':', '：']) == "其中";
    let keep: Vec<bool> = (0..cells.len()).map(|k| !heading(k) && !connector(k)).collect();
    let gap_headings: Vec<HeaderCell> = cells.iter().zip(&keep).filter(|(_, k)| !**k).map(|(c, _)| c.clone()).collect();
    let mut cells: Vec<HeaderCell> = cells.into_iter().zip(keep).filter(|(_, k)| *k).map(|(c, _)| c).collect();
    // Each cell learns the headings above it: spanning headings that overlap it, and a gap
    // heading over it and its neighbour.
    for c in &mut cells {
        for (_, span, words) in (0..frags.len()).filter(|&i| below(i) >= 2).map(|i| &frags[i]) {
            if overlap(span, &c.span) > 0 {
                c.headings.push_str(words);
            }
        }
    }
    for h in &gap_headings {
        let reach = h.span.start.saturating_sub(h.span.len() * 2)..h.span.end + h.span.len() * 2;
        for c in cells.iter_mut().filter(|c| c.lines.start >= h.lines.end && overlap(&c.span, &reach) > 0) {
            c.headings.push_str(&h.words);
        }
    }
    cells
}

/// Words a single blank apart (`事业单位 上缴上级 对附属单位`, `一般公共预 政府性基金 国有资本经`:
/// columns printed tight) each standing over or under a word of another header line that
/// touches no other of them (its own wrapped end: `算收入  预算收入 营预算收入`) are that many
/// fragments.
fn split_over_cells(lines: &[&str], frags: Vec<(usize, Range<usize>, String)>) -> Vec<(usize, Range<usize>, String)> {
    let words: Vec<Vec<(Range<usize>, String)>> = lines.iter().map(|l| words_of(l, &(0..usize::MAX))).collect();
    let mut out = Vec::with_capacity(frags.len());
    for (k, span, text) in frags {
        let parts = words_of(lines[k], &span);
        // (Words, not a year: `2026 年预算数` is one phrase.)
        let cjk = |w: &str| w.chars().filter(|c| *c > '\u{2e80}').count();
        let tight = parts.len() >= 2 && parts.iter().all(|(_, w)| cjk(w) >= 2);
        let own_word = |p: &Range<usize>| {
            (0..lines.len()).filter(|&j| j != k).any(|j| {
                let hits: Vec<&Range<usize>> = words[j].iter().map(|(r, _)| r).filter(|r| overlap(r, p) > 0).collect();
                matches!(hits.as_slice(), [r] if parts.iter().filter(|(q, _)| overlap(q, r) > 0).count() == 1)
            })
        };
        if tight && parts.iter().all(|(p, _)| own_word(p)) {
            out.extend(parts.into_iter().map(|(p, w)| (k, p, w)));
        } else {
            out.push((k, span, text));
        }
    }
    out
}

/// The blank-separated words of `line` within the character columns `span`.
fn words_of(line: &str, span: &Range<usize>) -> Vec<(Range<usize>, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for (k, c) in chars.iter().enumerate().take(span.end.min(chars.len())).skip(span.start) {
        match out.last_mut() {
            Some((r, w)) if !c.is_whitespace() && r.end == k => {
                r.end = k + 1;
                w.push(*c);
            }
            _ if !c.is_whitespace() => out.push((k..k + 1, c.to_string())),
            _ => {}
        }
    }
    out
}

/// The fragments of a header line: runs of text separated by two or more blanks (a word spaced
/// out letter by letter, `合   计`, stays one), each with its character columns and its text with
/// the blanks removed.
pub fn fragments(line: &str) -> Vec<(Range<usize>, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if chars[k].is_whitespace() {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k;
        while k < chars.len() {
            if !chars[k].is_whitespace() {
                end = k + 1;
                k += 1;
            } else if chars.get(k + 1).is_some_and(|c| !c.is_whitespace()) {
                k += 1; // one blank inside a fragment
            } else {
                break;
            }
        }
        let words: String = chars[start..end].iter().filter(|c| !c.is_whitespace()).collect();
        // `合   计`, `小   计`: a word spaced out letter by letter is one fragment.
        match out.last_mut() {
            Some((span, w)) if w.chars().count() == 1 && words.chars().count() == 1 && start - span.end <= 4 => {
                span.end = end;
                w.push_str(&words);
            }
            _ => out.push((start..end, words)),
        }
    }
    out
}

/// The bands of character columns a page's amounts occupy, merged where they overlap, left to
/// right.
pub fn bands<'a>(text: &str, amounts: impl Iterator<Item = &'a Amount>) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = amounts.map(|a| columns_of(text, &a.span)).collect();
    spans.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// For each band of the amounts, the value cell it stands under: the one cell its span overlaps
/// (one column of slack), or else the cell right before it (right-aligned amounts under a narrow
/// word). `None` when a band stands under two cells or under none, or the bands' cells go back
/// left.
pub fn band_cells(bands: &[Range<usize>], cells: &[HeaderCell]) -> Option<Vec<(Range<usize>, usize)>> {
    let mut out = Vec::new();
    for band in bands.iter().cloned() {
        let wide = band.start.saturating_sub(1)..band.end + 1;
        let hits: Vec<usize> = (0..cells.len()).filter(|&k| overlap(&cells[k].span, &wide) > 0).collect();
        // Right-aligned amounts under a narrow heading word stand right of it: the last cell that
        // starts before the band ends, when the band lies between it and the next cell.
        let left_of = || {
            let k = cells.iter().rposition(|c| c.span.start < band.end)?;
            (band.start >= cells[k].span.end).then_some(k)
        };
        // Under two cells: the one whose lowest words it stands under.
        let by_foot = || {
            let feet: Vec<usize> = hits.iter().copied().filter(|&k| overlap(&cells[k].foot, &wide) > 0).collect();
            (feet.len() == 1).then(|| feet[0])
        };
        let k = match hits.as_slice() {
            [k] => k,
            [] => &left_of()?,
            _ => &by_foot()?,
        };
        if out.last().is_some_and(|(_, last)| last > k) {
            return None;
        }
        out.push((band, *k));
    }
    Some(out)
}

/// Does cell `k` end `gap` lines or more above the first lines of both its neighbours?
fn above_neighbours(cells: &[HeaderCell], k: usize, gap: usize) -> bool {
    k > 0 && k + 1 < cells.len() && cells[k].lines.end + gap <= cells[k - 1].lines.start.min(cells[k + 1].lines.start)
}

/// The cells without a heading that stands alone: a cell over no band of amounts but its
/// neighbours', above both its neighbours' first lines, is a group heading over the gap between
/// them (`项目支出` centred over `项目支出总数` and a wrapped `扣除基建项目` / `后预算数`).
pub fn without_loose_headings(cells: Vec<HeaderCell>, bands: &[Range<usize>]) -> Vec<HeaderCell> {
    let under = |b: &Range<usize>, k: usize| overlap(b, &cells[k].span) > 0;
    let loose = |k: usize| {
        above_neighbours(&cells, k, 0)
            && bands.iter().filter(|b| under(b, k)).all(|b| under(b, k - 1) || under(b, k + 1))
    };
    let keep: Vec<bool> = (0..cells.len()).map(|k| !loose(k)).collect();
    cells.into_iter().zip(keep).filter(|(_, k)| *k).map(|(c, _)| c).collect()
}

/// A row's amounts placed in the value cells through their bands; `None` when two amounts fall
/// in one cell.
pub fn place(
    text: &str,
    amounts: &[Amount],
    bands: &[(Range<usize>, usize)],
    ncells: usize,
) -> Option<Vec<Option<Amount>>> {
    let mut out: Vec<Option<Amount>> = vec![None; ncells];
    for a in amounts {
        let at = columns_of(text, &a.span);
        let (_, k) = bands.iter().find(|(b, _)| overlap(b, &at) > 0)?;
        if out[*k].replace(a.clone()).is_some() {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_header_words_make_one_cell_and_group_headings_none() {
        let header = ["                    基 本 支 出", "            一般公共预   人员    公用", "    总计        算"];
        let words: Vec<String> = header_cells(&header).into_iter().map(|c| c.words).collect();
        assert_eq!(words, ["总计", "一般公共预算", "人员", "公用"]);
    }

    #[test]
    fn tight_words_over_cells_of_their_own_are_cells() {
        // Corpus 49, 支出总表: three headings a single blank apart, each over its own cell.
        let header = [
            "          合计      基本支出       事业单位 上缴上级 对附属单位",
            "                             经营支出  支出   补助支出",
        ];
        let words: Vec<String> = header_cells(&header).into_iter().map(|c| c.words).collect();
        assert_eq!(words, ["合计", "基本支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"]);
    }

    #[test]
    fn words_above_a_qizhong_cell_are_its_heading() {
        // Corpus 50, 支出总表: `2026 年政府采购项目` over its 小计 and two `其中：` memo columns.
        let header = [
            "            2026 年政府采购项目",
            "                              其中：2026 年",
            "                其中：2026 年",
            "     小计          中预留给",
        ];
        let cells = header_cells(&header);
        // Test-only (in `mod tests`): the header above prints this cell; a panic is a failed test.
        let memo = cells.iter().find(|c| c.words.starts_with("其中：2026年中")).expect("the 其中 cell");
        assert_eq!(memo.headings, "2026年政府采购项目");
        assert_eq!(memo.span.start, 16);
    }

    #[test]
    fn a_heading_over_a_gap_between_two_columns_is_no_column() {
        // Corpus 49, 一般公共预算支出表: `项目支出` centred over 项目支出总数 and a wrapped
        // `扣除基建项目` / `后预算数`; the amounts stand under those two.
        let header = [
            "                       项目支出",
            "                           扣除基建项目",
            "            项目支出总数",
            "                            后预算数",
        ];
        let bands = [15..25, 30..40];
        let words: Vec<String> =
            without_loose_headings(header_cells(&header), &bands).into_iter().map(|c| c.words).collect();
        assert_eq!(words, ["项目支出总数", "扣除基建项目后预算数"]);
    }

    #[test]
    fn tight_words_over_their_own_wrapped_ends_are_cells() {
        // Corpus 65, 收入总体情况表: `一般公共预 政府性基金 国有资本经 理资金收入` a blank apart, their
        // ends two lines below (`算收入  预算收入 营预算收入`) and one above (`财政专户管`).
        let header = [
            "  科目编码                                                    财政拨款收入",
            "                                                                                事业收入 事业单位经",
            "                                                                          财政专户管 （不含教育               上级补助收 附属单位上 使用非财政",
            "                        科目名称      合计                                                         其他收入                       上年结转",
            "                                                        一般公共预 政府性基金 国有资本经 理资金收入  收费）",
            "                                                                                      营收入             入    缴收入  拨款结余",
            "类     款    项                                 小计",
            "                                                         算收入  预算收入 营预算收入",
        ];
        let words: Vec<String> = header_cells(&header).into_iter().map(|c| c.words).collect();
        for w in ["一般公共预算收入", "政府性基金预算收入", "国有资本经营预算收入", "财政专户管理资金收入"]
        {
            assert!(words.iter().any(|x| x == w), "{w} in {words:?}");
        }
    }

    #[test]
    fn fragments_keep_single_blanks() {
        let f = fragments("  其中：基本支出   项 目");
        assert_eq!(f[0], (2..9, "其中：基本支出".to_string()));
        assert_eq!(f[1].1, "项目");
    }
}
