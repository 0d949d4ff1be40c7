//! Labelled tables: T10 财政拨款“三公”经费支出情况表 (rows are the 三公 items) and T11 上年结转结余
//! 情况明细表 (rows are projects). Rows are named by text, not codes.

use super::{is_total_label, skip_line, Cell, LabelledRow, LabelledTable, RowProblem, TableId};
use crate::amount::parse_number;
use crate::lex::{lex, Lex, Token};
use crate::lines::{self, compact, Line};

/// The 三公 rows of T10, by a word each label contains.
const T10_ITEMS: [&str; 8] = ["合计", "因公出国", "公务接待", "购置及运行", "购置费", "运行费", "运行维护", "三公"];

/// A T10 row that is 公务用车运行费 (`运行维护费` in some templates), not the 购置及运行 line.
pub fn is_t10_running(label: &str) -> bool {
    (label.contains("运行费") || label.contains("运行维护")) && !label.contains("购置及运行")
}

/// A T10 row that is the 三公 total: `合计`, or `“三公”经费` named alone (`“三公”经费合计`).
fn is_t10_total(label: &str) -> bool {
    is_total_label(label)
        || (label.contains("三公")
            && !["因公出国", "公务接待", "购置", "运行"].iter().any(|k| label.contains(k))
            && label.chars().count() <= 10)
}

/// A header line read as a T10 row: no amount, and the words of several columns
/// (`项目 合计 一般公共预算 政府性基金预算 国有资本经营预算`).
fn is_t10_header(label: &str) -> bool {
    ["一般公共预算", "政府性基金", "国有资本", "预算数", "决算数", "项目"].iter().any(|k| label.contains(k))
        && label.contains("合计")
}

fn columns(id: TableId, header: &str) -> Vec<String> {
    let has = |k: &str| header.contains(k);
    let cols: Vec<&str> = match id {
        TableId::T10 if has("合计") && has("一般公共预算") && has("政府性基金") && has("国有资本经营") =>
        {
            vec!["合计", "一般公共预算", "政府性基金", "国有资本经营预算"]
        }
        TableId::T11 if has("总计") && has("非财政拨款") && has("项目支出") => vec![
            "总计",
            "财政拨款合计",
            "财政拨款人员经费",
            "财政拨款公用经费",
            "财政拨款项目支出",
            "非财政拨款合计",
            "非财政拨款人员经费",
            "非财政拨款公用经费",
            "非财政拨款项目支出",
        ],
        _ => vec![],
    };
    cols.into_iter().map(String::from).collect()
}

fn is_row_label(id: TableId, label: &str) -> bool {
    match id {
        TableId::T10 => T10_ITEMS.iter().any(|k| label.contains(k)) && !label.contains("支出内容"),
        _ => is_total_label(label) || label.chars().count() >= 2,
    }
}

pub fn read(id: TableId, text: &str, lines: &[Line]) -> LabelledTable {
    // A 三公 table printed across: header words over a line of amounts.
    if id == TableId::T10 {
        if let Some(t) = super::read_3pub_across::read(text, lines) {
            return t;
        }
    }
    let mut header = String::new();
    let mut rows: Vec<LabelledRow> = Vec::new();
    let mut seen_row = false;
    let mut pending_label: Vec<(String, usize, usize)> = Vec::new();
    for l in lines {
        let s = &text[l.span.clone()];
        if s.trim().is_empty() || skip_line(s) {
            continue;
        }
        let c = compact(s);
        if c.starts_with("备注") || c.starts_with("注:") || c.contains("为空表") {
            pending_label.clear();
            continue;
        }
        let ts = words_as_text(lex(s, l.span.start));
        let row = if s.contains('\t') { tab_row(id, s, l) } else { token_row(id, &ts, l) };
        match row {
            Some(mut r)
                if !r.amounts.is_empty()
                    || (id == TableId::T10 && is_row_label(id, &r.label) && !is_t10_header(&r.label)) =>
            {
                if id == TableId::T10 {
                    r.is_total = is_t10_total(&r.label);
                }
                if r.label.is_empty() {
                    // Amounts alone on a line: the label wrapped onto the lines above (HZ-02).
                    if pending_label.is_empty() {
                        continue;
                    }
                    r.label = pending_label.iter().map(|p| p.0.as_str()).collect();
                    r.line = pending_label[0].1;
                    r.span.start = pending_label[0].2;
                }
                pending_label.clear();
                seen_row = true;
                // `公务用车购置及运行费` / `(小计) 2.14`: a label wrapped before its amounts.
                let wrapped = r.label.starts_with('(')
                    && rows.last().is_some_and(|p: &LabelledRow| {
                        p.amounts.is_empty() && p.cells.iter().all(|c| matches!(c, Cell::Blank))
                    });
                if wrapped {
                    if let Some(prev) = rows.last_mut() {
                        prev.label.push_str(&r.label);
                        prev.amounts = r.amounts;
                        prev.cells = r.cells;
                        prev.span.end = r.span.end;
                        prev.problem = r.problem;
                    }
                } else {
                    // The Xinjiang template ends with 公务用车运行费; others print 公务接待费 after it.
                    let last_item = id == TableId::T10
                        && is_t10_running(&r.label)
                        && rows.iter().any(|p| p.label.contains("公务接待"));
                    rows.push(r);
                    if last_item {
                        break; // T10 ends with 公务用车运行费
                    }
                }
            }
            _ => {
                if !seen_row {
                    header.push_str(&c);
                } else if !ts.iter().any(|t| matches!(t.kind, Lex::Num(_))) && pending_label.len() < 8 {
                    pending_label.push((c, l.index, l.span.start));
                }
            }
        }
    }
    let mut columns = columns(id, &header);
    // One value column (`项目 | 预算数`): every row with amounts has one, on its label's line.
    let with_amounts = rows.iter().filter(|r| !r.amounts.is_empty());
    let one_line = |r: &LabelledRow| text.get(r.span.start..r.amounts[0].span.start).is_some_and(|s| !s.contains('\n'));
    if columns.is_empty()
        && id == TableId::T10
        && with_amounts.clone().count() >= 3
        && with_amounts.clone().all(|r| r.amounts.len() == 1 && one_line(r))
    {
        columns = vec!["合计".into()];
    }
    for r in &mut rows {
        place(r, columns.len());
    }
    super::drop_misread_columns(&mut columns, rows.iter_mut().map(|r| (&mut r.cells, &mut r.problem)));
    LabelledTable { columns, rows }
}

/// Numbers that are part of a name: `2023 年`, `95 年底`, `32 号`, `[2022]`. An integer followed
/// by a unit of time or count, or inside brackets, is text, not an amount.
fn words_as_text(ts: Vec<Token>) -> Vec<Token> {
    const UNITS: [char; 10] = ['年', '月', '日', '号', '人', '个', '批', '次', ']', '〕'];
    let mut out: Vec<Token> = Vec::with_capacity(ts.len());
    let mut it = ts.into_iter().peekable();
    while let Some(t) = it.next() {
        let glue = t.int().is_some() && it.peek().and_then(|n| n.text()).is_some_and(|x| x.starts_with(UNITS));
        let in_brackets =
            t.int().is_some() && out.last().and_then(|p| p.text()).is_some_and(|x| x.ends_with(['[', '〔', '(']));
        if glue || in_brackets {
            let raw = t.int().unwrap_or_default().to_string();
            match out.last_mut() {
                Some(Token { kind: Lex::Text(prev), span }) => {
                    prev.push_str(&raw);
                    span.end = t.span.end;
                }
                _ => out.push(Token { kind: Lex::Text(raw), span: t.span }),
            }
            continue;
        }
        match (out.last_mut(), &t.kind) {
            (Some(Token { kind: Lex::Text(prev), span }), Lex::Text(x)) => {
                prev.push_str(x);
                span.end = t.span.end;
            }
            _ => out.push(t),
        }
    }
    out
}

fn tab_row(id: TableId, s: &str, l: &Line) -> Option<LabelledRow> {
    let cells = lines::cells(s, l.span.start);
    // A row's label stands in the first cell; a line that starts with a blank cell is header.
    let first = 0;
    if cells.first()?.text.is_empty() {
        return None;
    }
    let label = compact(cells[first].text);
    if parse_number(cells[first].text).is_some() || !is_row_label(id, &label) {
        return None;
    }
    let mut out = LabelledRow {
        is_total: is_total_label(&label),
        label,
        cells: Vec::new(),
        amounts: Vec::new(),
        line: l.index,
        span: cells[first].start..cells[first].span().end,
        problem: None,
        inferred: None,
    };
    for c in &cells[first + 1..] {
        if c.text.is_empty() {
            out.cells.push(Cell::Blank);
        } else if let Some((value, decimals)) = parse_number(c.text) {
            let a = crate::amount::Amount { value, decimals, span: c.span() };
            out.span.end = a.span.end;
            out.amounts.push(a.clone());
            out.cells.push(Cell::Value(a));
        } else {
            out.problem = Some(RowProblem::UnreadableCell);
            out.cells.push(Cell::Unknown);
        }
    }
    Some(out)
}

/// `label amounts…`, `amounts… label` (reversed), or amounts alone (label on earlier lines).
fn token_row(id: TableId, ts: &[Token], l: &Line) -> Option<LabelledRow> {
    let texts: Vec<&Token> = ts.iter().filter(|t| t.text().is_some()).collect();
    let amounts: Vec<_> = ts.iter().filter_map(Token::amount).collect();
    if texts.len() > 1 || (texts.is_empty() && amounts.is_empty()) {
        return None;
    }
    let label = texts.first().and_then(|t| t.text()).unwrap_or("").to_string();
    if !label.is_empty() && !is_row_label(id, &label) {
        return None;
    }
    let reversed = matches!(ts.last().map(|t| &t.kind), Some(Lex::Text(_))) && ts.len() > 1;
    let mut amounts = amounts;
    if reversed {
        amounts.reverse();
    }
    let span = ts.first().map_or(l.span.start, |t| t.span.start)..ts.last().map_or(l.span.end, |t| t.span.end);
    Some(LabelledRow {
        is_total: is_total_label(&label),
        label,
        cells: Vec::new(),
        amounts,
        line: l.index,
        span,
        problem: None,
        inferred: None,
    })
}

/// Columns for a row: tab rows by position, others only when every column is printed.
fn place(r: &mut LabelledRow, ncols: usize) {
    if ncols == 0 {
        r.cells.clear();
        return;
    }
    if !r.cells.is_empty() {
        if r.cells.iter().skip(ncols).any(|c| !matches!(c, Cell::Blank)) {
            r.problem = Some(RowProblem::TooManyAmounts);
            r.cells = vec![Cell::Unknown; ncols];
        } else {
            r.cells.resize(ncols, Cell::Blank);
        }
        return;
    }
    let n = r.amounts.len();
    if n == ncols {
        r.cells = r.amounts.iter().cloned().map(Cell::Value).collect();
    } else if n == 0 {
        r.cells = vec![Cell::Blank; ncols];
    } else {
        r.cells = vec![Cell::Unknown; ncols];
        r.cells[0] = Cell::Value(r.amounts[0].clone());
        r.problem = Some(if n > ncols { RowProblem::TooManyAmounts } else { RowProblem::AmbiguousColumns });
    }
}
