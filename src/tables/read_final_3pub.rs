//! The 决算 “三公”经费支出决算表 (F-3PUB): 预算数 beside 决算数, each as 合计 | 因公出国(境)费 |
//! 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, sometimes with 会议费 and 培训费
//! after them. Printed either as one line of both groups (`76.43 30.00 40.63 …`) or as a row
//! each (`预算数 593.46 …`, `决算数 587.55 …`). Blank cells are not printed: each amount is
//! placed under the 栏次 number it stands nearest to.

use super::{compact, Cell, LabelledRow, LabelledTable};
use crate::amount::Amount;
use crate::lex::{lex, Lex, Token};
use crate::lines::Line;

/// The columns of one group, in the template's order.
const GROUP: [&str; 6] =
    ["合计", "因公出国(境)费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"];

/// Read the lines of a “三公”经费支出决算表 region.
pub fn read(text: &str, lines: &[Line]) -> LabelledTable {
    let toks: Vec<Vec<Token>> = lines.iter().map(|l| lex(&text[l.span.clone()], l.span.start)).collect();
    let Some(k) = toks.iter().position(|ts| numbers_line(ts).is_some()) else { return LabelledTable::default() };
    let centers: Vec<i64> = numbers_line(&toks[k]).unwrap_or_default().iter().map(|t| center(text, t)).collect();
    let header: String = lines[..k].iter().map(|l| compact(&text[l.span.clone()])).collect();
    let items = ["因公出国", "购置", "运行", "接待"].iter().all(|w| header.contains(w));
    let n = centers.len();
    let (groups, extra) = match n {
        12 if header.contains("预算数") && header.contains("决算数") => (2, 0),
        6 => (1, 0),
        8 if header.contains("会议费") && header.contains("培训费") => (1, 2),
        _ => return LabelledTable::default(),
    };
    if !items {
        return LabelledTable::default();
    }
    let mut columns: Vec<String> = GROUP.iter().map(|s| s.to_string()).collect();
    columns.extend(["会议费", "培训费"].iter().take(extra).map(|s| s.to_string()));
    let mut t = LabelledTable { columns, rows: Vec::new() };
    for (l, ts) in lines.iter().zip(&toks).skip(k + 1) {
        let c = compact(&text[l.span.clone()]);
        if c.starts_with('注') || c.starts_with("说明") {
            break;
        }
        let amounts: Vec<&Token> = ts.iter().filter(|t| matches!(t.kind, Lex::Num(_))).collect();
        if amounts.is_empty() {
            continue;
        }
        let cells = place(text, &amounts, &centers);
        let label = ts.iter().find_map(|t| t.text()).map(compact).unwrap_or_default();
        if groups == 2 {
            let (budget, actual) = cells.map_or((None, None), |c| {
                let (a, b) = c.split_at(GROUP.len());
                (Some(a.to_vec()), Some(b.to_vec()))
            });
            t.rows.push(row("预算数", budget, &amounts, l));
            t.rows.push(row("决算数", actual, &amounts, l));
        } else {
            t.rows.push(row(&label, cells, &amounts, l));
        }
    }
    t
}

/// The 栏次 line: `1 2 3 … n` (n ≥ 6), optionally after the word 栏次.
fn numbers_line(ts: &[Token]) -> Option<Vec<&Token>> {
    let ints: Vec<&Token> = ts.iter().filter(|t| t.int().is_some()).collect();
    let others = ts.iter().filter(|t| t.int().is_none()).all(|t| t.text().is_some_and(|s| compact(s) == "栏次"));
    let counting = ints.iter().enumerate().all(|(i, t)| t.int() == Some((i + 1).to_string().as_str()));
    (others && counting && ints.len() >= 6).then_some(ints)
}

/// Twice the character column of a token's middle (whole numbers: a middle may fall between two
/// columns).
fn center(text: &str, t: &Token) -> i64 {
    let r = super::grid::columns_of(text, &t.span);
    i64::try_from(r.start + r.end).unwrap_or(i64::MAX)
}

/// Each amount under the 栏次 number nearest it, the others blank; `None` when an amount stands
/// about as near two numbers, or two amounts under one. Amounts sit right of their numbers by a
/// shift of the layout's own: the first amount, the 合计, stands under the first number.
fn place(text: &str, amounts: &[&Token], centers: &[i64]) -> Option<Vec<Cell>> {
    let mut cells = vec![Cell::Blank; centers.len()];
    let shift = center(text, amounts.first()?).saturating_sub(*centers.first()?);
    let shifted: Vec<i64> = centers.iter().map(|c| c.saturating_add(shift)).collect();
    let mut last: Option<usize> = None;
    for (i, t) in amounts.iter().enumerate() {
        let j = if amounts.len() == centers.len() { i } else { nearest(center(text, t), &shifted)? };
        if last.is_some_and(|p| j <= p) {
            return None;
        }
        last = Some(j);
        cells[j] = Cell::Value(t.amount()?);
    }
    Some(cells)
}

/// The index of the nearest center (all in doubled columns), when it is nearer by at least one
/// column than the next.
fn nearest(x: i64, centers: &[i64]) -> Option<usize> {
    let mut by: Vec<(u64, usize)> = centers.iter().enumerate().map(|(j, c)| (x.abs_diff(*c), j)).collect();
    by.sort_unstable();
    match by.as_slice() {
        [first, second, ..] if second.0 - first.0 >= 2 => Some(first.1),
        [only] => Some(only.1),
        _ => None,
    }
}

fn row(label: &str, cells: Option<Vec<Cell>>, amounts: &[&Token], l: &Line) -> LabelledRow {
    let printed: Vec<Amount> = match &cells {
        Some(c) => c.iter().filter_map(|c| c.amount().cloned()).collect(),
        None => amounts.iter().filter_map(|t| t.amount()).collect(),
    };
    let span =
        printed.first().map_or(l.span.clone(), |a| a.span.start..printed.last().map_or(a.span.end, |b| b.span.end));
    LabelledRow {
        label: label.to_string(),
        is_total: false,
        problem: cells.is_none().then_some(super::RowProblem::AmbiguousColumns),
        cells: cells.unwrap_or_default(),
        amounts: printed,
        line: l.index,
        span,
        inferred: None,
    }
}
