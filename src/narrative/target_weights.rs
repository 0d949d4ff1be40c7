//! Pass 3c: the 绩效目标表 (performance-target tables) printed after the 情况说明, as far as the
//! rules need them: the 指标分值权重 column of each table, read from tab-separated lines only.
//! Space-separated layouts lose the blank cells and the column cannot be told (HZ-11); they
//! are left unread and counted.

use crate::amount::{parse_number, Amount};
use crate::lines::{self, Line};
use std::ops::Range;

/// One 绩效目标表's weights.
#[derive(Debug, Clone)]
pub struct WeightTable {
    /// The project (`项目名称` line above the table), or `None` for the unit-wide table.
    pub name: Option<String>,
    /// The header cell (`指标分值权重` / `分值权重`).
    pub header: Range<usize>,
    /// One weight per indicator row, in order.
    pub weights: Vec<Amount>,
}

/// What the pass found: the tables read whole, and how many weight headers could not be read.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// The tables read whole (at least three weights each), in text order.
    pub tables: Vec<WeightTable>,
    /// Weight headers whose table could not be read whole (wrapped cells, cut off, too few rows).
    pub unread: usize,
}

fn cells(text: &str, l: &Line) -> Vec<(String, Range<usize>)> {
    let s = &text[l.span.clone()];
    let mut out = Vec::new();
    let mut at = l.span.start;
    for part in s.split('\t') {
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        out.push((t.to_string(), at + lead..at + lead + t.len()));
        at += part.len() + 1;
    }
    out
}

fn is_header(c: &[(String, Range<usize>)]) -> bool {
    c.len() >= 4 && c.iter().any(|(t, _)| t.contains("权重")) && c.iter().any(|(t, _)| t.contains("指标"))
}

fn squeezed(t: &str) -> String {
    t.split_whitespace().collect()
}

/// The weights of every 绩效目标表 of the text, each with its project's name.
pub fn weights(text: &str, lines: &[Line]) -> Weights {
    let mut out = Weights::default();
    let mut i = 0;
    // The last project name seen, and whether a new table title came since the last header.
    let mut name: Option<String> = None;
    let mut fresh = true;
    while i < lines.len() {
        // Only a line that can name a project, title a table or head the weights matters here.
        let raw = &text[lines[i].span.clone()];
        if !(raw.contains("权重") || raw.contains('项') && raw.contains('称') || raw.contains("绩效目标表")) {
            i += 1;
            continue;
        }
        let c = cells(text, &lines[i]);
        if let Some(k) = c.iter().position(|x| squeezed(&x.0).starts_with("项目名称")) {
            // Any cell that says 项目名称 (`项 目 名 称` too) starts a new project's table.
            name = project_name(text, &lines[i + 1..], &c, k);
            fresh = true;
        } else if c.iter().any(|x| x.0.contains("绩效目标表")) {
            // A table title: the unit-wide table unless a 项目名称 follows.
            name = None;
            fresh = true;
        }
        if !is_header(&c) {
            i += 1;
            continue;
        }
        let Some(w) = c.iter().position(|x| x.0.contains("权重")) else { break };
        let has_rule = c.iter().skip(w + 1).any(|x| x.0.contains("赋分"));
        let header = c[w].1.clone();
        let (rows, next) = rows(text, lines, i + 1, has_rule);
        i = next;
        let whole = rows.ok && rows.closed;
        // A header repeated after a page break, with no new title between, continues the table.
        if !fresh {
            if let Some(prev) = out.tables.last_mut() {
                if whole {
                    prev.weights.extend(rows.weights);
                } else {
                    out.tables.pop();
                    out.unread += 1;
                }
                continue;
            }
        }
        fresh = false;
        if whole && rows.weights.len() >= 3 {
            out.tables.push(WeightTable { name: name.clone(), header, weights: rows.weights });
        } else {
            out.unread += 1;
        }
    }
    out
}

/// The project named by cell `k` of a `项目名称` line: the next cell, the rest of the cell, or
/// (one cell per line) the next line.
fn project_name(text: &str, after: &[Line], c: &[(String, Range<usize>)], k: usize) -> Option<String> {
    let cell = squeezed(&c[k].0);
    let inline = cell.trim_start_matches("项目名称").trim_start_matches([':', '：']).to_string();
    c.iter()
        .skip(k + 1)
        .find(|x| !x.0.is_empty())
        .map(|x| squeezed(&x.0))
        .or_else(|| (!inline.is_empty()).then_some(inline))
        .or_else(|| after.iter().take(3).map(|l| text[l.span.clone()].trim()).find(|t| !t.is_empty()).map(squeezed))
}

/// The indicator rows under a weights header.
struct Rows {
    weights: Vec<Amount>,
    /// Every row gave a weight, and no wrapped cell or stray line broke the table.
    ok: bool,
    /// The table ended before the input did.
    closed: bool,
}

/// The rows from line `i` on, and the index of the line after them.
fn rows(text: &str, lines: &[Line], mut i: usize, has_rule: bool) -> (Rows, usize) {
    let mut rows = Rows { weights: Vec::new(), ok: true, closed: false };
    while i < lines.len() {
        let raw = &text[lines[i].span.clone()];
        if raw.trim().is_empty() || lines::is_page_furniture(raw) {
            i += 1;
            continue;
        }
        let r = cells(text, &lines[i]);
        if r.len() < 3 || is_header(&r) {
            // A short line followed by more indicator rows is a wrapped cell or a stray line
            // inside the table, not its end: the table cannot be read whole.
            if r.len() < 3 && more_rows_follow(text, &lines[i + 1..]) {
                rows.ok = false;
            }
            rows.closed = true;
            break;
        }
        match weight(&r, has_rule) {
            Some(a) => rows.weights.push(a),
            None => rows.ok = false,
        }
        i += 1;
    }
    (rows, i)
}

/// Is the next non-blank line another indicator row (not a new table)?
fn more_rows_follow(text: &str, after: &[Line]) -> bool {
    let next = after.iter().find(|l| {
        let t = &text[l.span.clone()];
        !t.trim().is_empty() && !lines::is_page_furniture(t)
    });
    next.is_some_and(|l| {
        let n = cells(text, l);
        n.len() >= 3
            && !is_header(&n)
            && !n.iter().any(|x| squeezed(&x.0).starts_with("项目名称") || x.0.contains("绩效目标表"))
    })
}

/// A row's weight: the cell before the 赋分规则 cell, or the row's last cell.
fn weight(r: &[(String, Range<usize>)], has_rule: bool) -> Option<Amount> {
    let cell = if has_rule {
        r.iter().position(|x| x.0.contains("赋分")).and_then(|k| k.checked_sub(1)).map(|k| &r[k])
    } else {
        r.iter().rev().find(|x| !x.0.is_empty())
    };
    let (t, span) = cell?;
    let (value, decimals) = parse_number(t).filter(|(v, _)| !v.is_sign_negative())?;
    Some(Amount { value, decimals, span: span.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_weight_column_before_the_scoring_rule() {
        let t = "项目名称\t\tA 项目\n一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料\n产出指标\t数量指标\t人数\t>=1 人\t计划标准\t=1 人\t10\t按照完成比例赋分\t原始凭证\n\t\t次数\t>=2 次\t计划标准\t=2 次\t6\t按照完成比例赋分\t原始凭证\n项目完成时间\t\t2024 年\t计划标准\t2023 年\t5\t直接赋分\t工作资料\t\n结束\n";
        let w = weights(t, &lines::lines(t));
        assert_eq!(w.tables.len(), 1);
        assert_eq!(w.tables[0].name.as_deref(), Some("A项目"));
        let v: Vec<String> = w.tables[0].weights.iter().map(|a| a.value.to_string()).collect();
        assert_eq!(v, ["10", "6", "5"]);
    }

    #[test]
    fn a_table_cut_off_by_the_end_is_not_read() {
        let t = "一级指标\t二级指标\t三级指标\t指标值\t分值权重\n履职效能\t数量指标\t参保人次\t>=53 万人次\t10\n履职效能\t数量指标\t待遇人数\t>=6 万人\t10\n履职效能\t数量指标\t工伤人数\t>=7 人\t10\n";
        let w = weights(t, &lines::lines(t));
        assert!(w.tables.is_empty());
        assert_eq!(w.unread, 1);
    }
}
