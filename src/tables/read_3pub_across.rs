//! A 三公 table printed across: the items are the header's cells and one line below gives their
//! amounts (`合计 | 因公出国(境)费 | 公务用车购置及运行费: 小计 购置费 运行费 | 公务接待费`), with
//! 会议费, 培训费 or 机关运行经费 beside them in some provinces, and in some the items printed
//! twice or three times, a group per year (`2025年预算数 | 2026年预算数`, `上年 | 当年 | 增减变化`).
//!
//! Read into one row per item, one column per group (this year's first). A table whose header
//! has a cell that is no 三公 item, whose groups differ, or whose amounts do not each fall under
//! one cell is not read here.

use super::grid::HeaderCell;
use super::{skip_line, Cell, LabelledRow, LabelledTable};
use crate::amount::Amount;
use crate::lex::{lex, Token};
use crate::lines::{compact, Line};
use std::ops::Range;

/// The row label of a 合计 over the 三公 total, 会议费 and 培训费.
pub const T10_GRAND_TOTAL: &str = "合计(“三公”经费、会议费、培训费)";

/// A column of a 三公 table printed across.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Item {
    /// `合计`, `“三公”经费合计`, `…预算总额`: the first cell of a group.
    Total,
    /// `小计` under a `“三公”经费` heading, beside 会议费 and 培训费 under a 合计 of all.
    ThreePub,
    Abroad,
    Reception,
    /// 公务用车购置及运行费 (its own cell, or a `小计` before 购置费 and 运行费).
    Car,
    CarBuy,
    CarRun,
    Office,
    Meeting,
    Training,
}

impl Item {
    /// The row label the rules and the narrative know the item by.
    fn label(self, grand: bool) -> &'static str {
        match self {
            Item::Total if grand => T10_GRAND_TOTAL,
            Item::Total | Item::ThreePub => "“三公”经费合计",
            Item::Abroad => "因公出国(境)费",
            Item::Reception => "公务接待费",
            Item::Car => "公务用车购置及运行费",
            Item::CarBuy => "公务用车购置费",
            Item::CarRun => "公务用车运行费",
            Item::Office => "机关运行经费",
            Item::Meeting => "会议费",
            Item::Training => "培训费",
        }
    }
}

/// The item a header cell names, if any (`小计` is settled by its neighbours, in [`items`]).
fn item_of(label: &str) -> Option<Item> {
    // A heading merged into the cell under it (`公务用车购置及运行费` / `公务用车购置费`).
    let mut label = label;
    while let Some(rest) = without_heading(label) {
        label = rest;
    }
    let has = |k: &str| label.contains(k);
    Some(if has("会议费") {
        Item::Meeting
    } else if has("培训费") {
        Item::Training
    } else if has("机关运行") {
        Item::Office
    } else if has("因公出国") || has("国(境)") || has("国（境）") {
        Item::Abroad
    } else if has("公务接待") || has("接待费") {
        Item::Reception
    } else if has("购置及运行") {
        Item::Car
    } else if has("购置") {
        Item::CarBuy
    } else if has("运行") {
        Item::CarRun
    } else if has("合计") || has("总额") || (has("三公") && label.chars().count() <= 10) {
        Item::Total
    } else {
        return None;
    })
}

/// The label without a heading merged into its front (`“三公”经费`, `公务用车购置及运行费`,
/// `2026年预算数`), if one is there and something follows it.
fn without_heading(label: &str) -> Option<&str> {
    let named =
        ["“三公”经费", "公务用车购置及运行维护费", "公务用车购置及运行费"].iter().find_map(|h| label.strip_prefix(h));
    // `2026年预算数`: four digits, 年, and the kind of figure.
    let year = label
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|_| label[4..].strip_prefix('年'))
        .and_then(|rest| ["预算数", "决算数", "执行数", "预算", ""].iter().find_map(|k| rest.strip_prefix(k)));
    named.or(year).filter(|rest| !rest.is_empty())
}

/// Each cell's item, `小计` settled: before 购置费 and 运行费 it is the car subtotal; first in a
/// group (no total before it) it is the total; otherwise the 三公 subtotal beside 会议费/培训费.
fn items(labels: &[String]) -> Option<Vec<Item>> {
    let mut out: Vec<Item> = Vec::with_capacity(labels.len());
    for (k, l) in labels.iter().enumerate() {
        let item = if l.contains("小计") && !l.contains("购置") && !l.contains("运行") {
            let next = |d: usize| labels.get(k + d).and_then(|x| item_of(x));
            if next(1) == Some(Item::CarBuy) && next(2) == Some(Item::CarRun) {
                Item::Car
            } else if out.last() == Some(&Item::Total) {
                Item::ThreePub
            } else {
                Item::Total
            }
        } else {
            item_of(l)?
        };
        out.push(item);
    }
    Some(out)
}

/// A group heading (`2026年预算数`, `上年`, `当年`, `增减变化情况`) and its place in time: the
/// year, `i32::MAX` for a change (printed last).
fn heading_rank(words: &str) -> Option<i32> {
    if words.contains("增减") || words.contains("变化") {
        return Some(i32::MAX);
    }
    if words.contains("上年") {
        return Some(0);
    }
    if words.contains("当年") || words.contains("本年") {
        return Some(1);
    }
    super::read_coded::years(words).next().and_then(|y| i32::try_from(y).ok())
}

/// A group's heading and rank: the one heading its cells' words and headings name.
fn group_heading(cells: &[HeaderCell]) -> Option<(String, i32)> {
    let words = cells.iter().map(|c| format!("{}{}", c.headings, c.words)).collect::<String>();
    let rank = heading_rank(&words)?;
    let name = cells.iter().find_map(|c| {
        [&c.headings, &c.words].into_iter().find(|w| heading_rank(w) == Some(rank)).map(|w| heading_words(w))
    })?;
    Some((name, rank))
}

/// The heading's own words in a cell's text (`2026年预算数` of `2026年预算数小计`).
fn heading_words(w: &str) -> String {
    let Some(at) = w
        .char_indices()
        .find(|&(k, _)| {
            heading_rank(&w[k..]).is_some_and(|r| r > 1 && r < i32::MAX)
                && w[k..].chars().take(4).all(|c| c.is_ascii_digit())
        })
        .map(|(k, _)| k)
    else {
        return w.to_string();
    };
    let rest = &w[at..];
    let end = ["预算数", "决算数", "执行数"].iter().filter_map(|k| rest.find(k).map(|i| i + k.len())).min();
    rest[..end.unwrap_or(rest.len())].to_string()
}

/// A line above the header proper: the entity or the unit (`部门名称：…`, `单位：万元`).
fn is_caption(s: &str) -> bool {
    let c = compact(s);
    c.contains("单位:")
        || c.contains("单位：")
        || ["部门名称:", "部门名称：", "部门:", "部门：", "单位名称:", "单位名称："].iter().any(|k| c.starts_with(k))
}

/// The data line: the first with three or more amounts, alone or after a `合计`/`总计` label.
fn data_line(kept: &[(&Line, &str)]) -> Option<(usize, Vec<Amount>)> {
    kept.iter().enumerate().find_map(|(k, (l, s))| {
        let ts = lex(s, l.span.start);
        let amounts: Vec<Amount> = ts.iter().filter_map(Token::amount).collect();
        let label = ts.first().and_then(Token::text).map(compact);
        let labelled = ts.len() == amounts.len() + 1 && label.is_some_and(|x| x == "合计" || x == "总计");
        (amounts.len() >= 3 && (ts.len() == amounts.len() || labelled)).then_some((k, amounts))
    })
}

/// Read a 三公 table printed across; `None` when it is not one (see the module doc).
pub fn read(text: &str, lines: &[Line]) -> Option<LabelledTable> {
    let kept: Vec<(&Line, &str)> = lines
        .iter()
        .map(|l| (l, &text[l.span.clone()]))
        .filter(|(_, s)| !s.trim().is_empty() && !skip_line(s))
        .collect();
    let (data, amounts) = data_line(&kept)?;
    let header: Vec<&str> = kept[..data].iter().map(|(_, s)| *s).filter(|s| !is_caption(s)).collect();
    let mut cells = super::grid::header_cells(&header);
    // Cells before the first item (`单位名称`, `部门名称`) name the rows, not items.
    let first = cells.iter().position(|c| item_of(&c.words).is_some() || c.words.contains("小计"))?;
    cells.drain(..first);
    let labels: Vec<String> = cells.iter().map(|c| c.words.clone()).collect();
    let items = items(&labels)?;
    let groups = split_groups(&items)?;
    // (The 栏次 line is no header text, but it shows where each cell's amount stands.)
    let above: Vec<&str> =
        lines.iter().take_while(|l| l.index < kept[data].0.index).map(|l| &text[l.span.clone()]).collect();
    let placed = place(text, &above, &cells, &amounts)?;
    build(&cells, &items, &groups, placed, kept[data].0)
}

/// The groups of cells, each starting at a total and holding the same items in the same order.
fn split_groups(items: &[Item]) -> Option<Vec<Range<usize>>> {
    let starts: Vec<usize> = (0..items.len()).filter(|&k| items[k] == Item::Total).collect();
    if starts.first() != Some(&0) {
        return None;
    }
    let groups: Vec<Range<usize>> =
        starts.iter().enumerate().map(|(g, &s)| s..starts.get(g + 1).copied().unwrap_or(items.len())).collect();
    let same = groups.iter().all(|g| items[g.clone()] == items[groups[0].clone()]);
    let once = (1..groups[0].len()).all(|k| !items[..k].contains(&items[k]));
    (same && once && groups[0].len() >= 3).then_some(groups)
}

/// The character column at the middle of `span`.
fn middle(span: &Range<usize>) -> usize {
    (span.start + span.end) / 2
}

/// The 栏次 line's numbers (`** 1 2 3 4 5 6`), one per value cell: where each cell's amount
/// stands.
fn column_numbers(header: &[&str], cells: usize) -> Option<Vec<usize>> {
    header.iter().find_map(|l| {
        let words = blank_separated(l);
        let numbers: Vec<usize> =
            words.iter().filter(|(_, w)| w.chars().all(|c| c.is_ascii_digit())).map(|(s, _)| middle(s)).collect();
        let only = words.iter().all(|(_, w)| w.chars().all(|c| c.is_ascii_digit() || c == '*'));
        (only && numbers.len() == cells).then_some(numbers)
    })
}

/// The words of a line between blanks, with their character columns.
fn blank_separated(line: &str) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for (k, ch) in line.chars().enumerate() {
        match out.last_mut() {
            _ if ch.is_whitespace() => {}
            Some((span, w)) if span.end == k => {
                span.end = k + 1;
                w.push(ch);
            }
            _ => out.push((k..k + 1, ch.to_string())),
        }
    }
    out
}

/// Each amount under its cell: a right-aligned amount ends after the anchor of its cell and
/// before the next one's. The anchors are the 栏次 numbers when printed; otherwise the cells'
/// middles and the starts of their lowest words must agree. Every amount in its own cell, or
/// `None`.
fn place(text: &str, header: &[&str], cells: &[HeaderCell], amounts: &[Amount]) -> Option<Vec<Option<Amount>>> {
    if amounts.len() == cells.len() {
        return Some(amounts.iter().cloned().map(Some).collect());
    }
    let ends: Vec<usize> = amounts.iter().map(|a| super::grid::columns_of(text, &a.span).end).collect();
    let under = |anchors: &[usize]| -> Option<Vec<usize>> {
        ends.iter().map(|e| anchors.iter().rposition(|a| a < e)).collect()
    };
    let at = match column_numbers(header, cells.len()) {
        Some(numbers) => under(&numbers)?,
        None => {
            let by_middle = under(&cells.iter().map(|c| middle(&c.foot)).collect::<Vec<_>>())?;
            let by_start = under(&cells.iter().map(|c| c.foot.start).collect::<Vec<_>>())?;
            (by_middle == by_start).then_some(by_middle)?
        }
    };
    let mut placed: Vec<Option<Amount>> = vec![None; cells.len()];
    for (a, k) in amounts.iter().zip(at) {
        if placed[k].replace(a.clone()).is_some() {
            return None;
        }
    }
    Some(placed)
}

/// The rows: one per item of a group, one column per group (this year's first, then the years
/// before, then a change).
fn build(
    cells: &[HeaderCell],
    items: &[Item],
    groups: &[Range<usize>],
    placed: Vec<Option<Amount>>,
    line: &Line,
) -> Option<LabelledTable> {
    let mut order: Vec<(usize, String)> = vec![(0, "合计".to_string())];
    if groups.len() > 1 {
        let heads: Vec<(String, i32)> =
            groups.iter().map(|g| group_heading(&cells[g.clone()])).collect::<Option<_>>()?;
        let current = heads.iter().filter(|h| h.1 != i32::MAX).map(|h| h.1).max()?;
        let mut ranked: Vec<(usize, String, i32)> =
            heads.into_iter().enumerate().map(|(g, (w, r))| (g, w, r)).collect();
        ranked.sort_by_key(|(_, _, r)| if *r == current { i32::MIN } else { *r });
        order = ranked.into_iter().map(|(g, w, _)| (g, w)).collect();
    }
    let g0 = &groups[0];
    let grand = items[g0.clone()].contains(&Item::ThreePub);
    let rows = (0..g0.len())
        .map(|k| {
            let item = items[g0.start + k];
            let row_cells: Vec<Option<Amount>> =
                order.iter().map(|(g, _)| placed[groups[*g].start + k].clone()).collect();
            let first = row_cells.first().cloned().flatten();
            LabelledRow {
                is_total: item == Item::ThreePub || (item == Item::Total && !grand),
                label: item.label(grand).to_string(),
                cells: row_cells.iter().map(|a| a.clone().map_or(Cell::Blank, Cell::Value)).collect(),
                span: first.as_ref().map_or(line.span.clone(), |a| a.span.clone()),
                amounts: row_cells.into_iter().flatten().collect(),
                line: line.index,
                problem: None,
                inferred: None,
            }
        })
        .collect();
    Some(LabelledTable { columns: order.into_iter().map(|(_, w)| w).collect(), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_merged_into_a_cell_are_stripped_whatever_precedes_them() {
        assert_eq!(without_heading("2026年预算数小计"), Some("小计"));
        assert_eq!(without_heading("公务用车购置及运行费公务用车购置费"), Some("公务用车购置费"));
        // A year after other words is no heading in front (and multi-byte words before it are
        // no place to cut).
        assert_eq!(without_heading("三公经费2026年预算数"), None);
        assert_eq!(without_heading("2026年"), None);
    }
}
