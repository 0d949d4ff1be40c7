//! Shared checks of coded expenditure tables (T3, T5, …): the row identity
//! 合计 = 基本支出 + 项目支出 and the 类 = Σ款 = Σ项, 合计 = Σ类 rollups per column.

use super::{Ctx, Document, RuleMeta, SkipReason, SumSpec, Term};
use crate::tables::{Cell, CodedRow, CodedTable, RowProblem, TableId, TableStatus};
use std::collections::{HashMap, HashSet};

/// The table if it can be checked; otherwise records why not and returns `None`.
pub fn readable<'d>(meta: &RuleMeta, id: TableId, doc: &'d Document<'_>, ctx: &mut Ctx) -> Option<(&'d CodedTable, bool)> {
    let Some(t) = doc.tables.iter().find(|t| t.id == id) else {
        ctx.skip(meta, Some(id), SkipReason::TableMissing, None);
        return None;
    };
    match (t.status, t.coded()) {
        (TableStatus::Empty, _) => None,
        (TableStatus::Missing, _) | (_, None) => {
            ctx.skip(meta, Some(id), SkipReason::TableMissing, t.line);
            None
        }
        (TableStatus::Unreadable, _) => {
            ctx.skip(meta, Some(id), SkipReason::TableUnreadable, t.line);
            None
        }
        (_, Some(c)) if c.columns.is_empty() => {
            ctx.skip(meta, Some(id), SkipReason::ColumnsUnknown, t.line);
            None
        }
        (_, Some(c)) => Some((c, t.at_end)),
    }
}

/// In a table the input ends inside, rows after `rows[k]` may be missing. Rows come in code
/// order, so `rows[k]`'s branch is complete when the table's last row lies outside it (another
/// branch, or the total row).
fn closed(rows: &[CodedRow], k: usize, at_end: bool) -> bool {
    if !at_end {
        return true;
    }
    match (rows.get(k).and_then(|r| r.code.as_deref()), rows.last()) {
        (Some(code), Some(last)) if k + 1 < rows.len() => {
            last.is_total || last.code.as_deref().is_some_and(|lc| !lc.starts_with(code))
        }
        _ => false,
    }
}

pub fn row_label(r: &CodedRow) -> String {
    match &r.code {
        Some(code) => format!("{code} {}", r.name),
        None => r.name.clone(),
    }
}

/// `合计 = Σ other value columns`, for every row. A row whose parts lost their columns is still
/// checked: every amount after the first is a part, whichever column it belongs to.
pub fn check_rows(meta: &'static RuleMeta, id: TableId, doc: &Document<'_>, ctx: &mut Ctx) {
    let Some((table, at_end)) = readable(meta, id, doc, ctx) else { return };
    let t = id.as_str();
    for (k, r) in table.rows.iter().enumerate() {
        let label = row_label(r);
        if k + 1 == table.rows.len() && at_end && !r.is_total {
            ctx.skip(meta, Some(id), SkipReason::Truncated { row: format!("{t} {label}") }, Some(r.line));
            continue;
        }
        let (total, parts): (Option<Term>, Vec<Term>) = match r.problem {
            None => {
                let total = Term::from_cell(&r.cells[0], format!("{t} {label} {}", table.columns[0]), doc.text);
                let parts = r.cells[1..]
                    .iter()
                    .zip(&table.columns[1..])
                    .filter_map(|(c, col)| Term::from_cell(c, format!("{t} {label} {col}"), doc.text))
                    .collect();
                (total, parts)
            }
            Some(RowProblem::AmbiguousColumns | RowProblem::Scrambled) => {
                let total = r.amounts.first().map(|a| Term::from_amount(a, format!("{t} {label} {}", table.columns[0]), doc.text));
                let parts = r.amounts[1..].iter().map(|a| Term::from_amount(a, format!("{t} {label}"), doc.text)).collect();
                (total, parts)
            }
            Some(_) => {
                ctx.skip(meta, Some(id), SkipReason::AmbiguousColumns { row: format!("{t} {label}") }, Some(r.line));
                continue;
            }
        };
        let Some(total) = total else { continue };
        ctx.check_sum(SumSpec {
            meta,
            table: Some(id),
            place_zh: format!("{t} {label}：{} = {}", table.columns[0], table.columns[1..].join(" + ")),
            place_en: format!("{t} row {label}: total = sum of the other columns"),
            total,
            parts,
            row_span: r.span.clone(),
        });
    }
}

/// Per value column: 类 = Σ款, 款 = Σ项, 合计 = Σ类.
pub fn check_rollup(meta: &'static RuleMeta, id: TableId, doc: &Document<'_>, ctx: &mut Ctx) {
    let Some((table, at_end)) = readable(meta, id, doc, ctx) else { return };
    let t = id.as_str();
    // One row per code; a code printed twice with other amounts makes its rollups unsafe.
    let mut by_code: HashMap<&str, usize> = HashMap::new();
    let mut conflicted: HashSet<&str> = HashSet::new();
    for (k, r) in table.rows.iter().enumerate() {
        let Some(code) = r.code.as_deref() else { continue };
        match by_code.get(code) {
            Some(&prev) if table.rows[prev].amounts.iter().map(|a| a.value).eq(r.amounts.iter().map(|a| a.value)) => {}
            Some(_) => {
                conflicted.insert(code);
            }
            None => {
                by_code.insert(code, k);
            }
        }
    }
    // Children grouped under their parent code (类 = first 3 digits, 款 = first 5).
    let mut children_of: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut classes: Vec<usize> = Vec::new();
    let mut firsts: Vec<usize> = by_code.values().copied().collect();
    firsts.sort_unstable();
    for &k in &firsts {
        let r = &table.rows[k];
        let Some(code) = r.code.as_deref() else { continue };
        match r.level() {
            1 => classes.push(k),
            2 | 3 => children_of.entry(&code[..code.len() - 2]).or_default().push(k),
            _ => {}
        }
    }
    let mut parents: Vec<(usize, Vec<usize>)> = Vec::new();
    for &k in &firsts {
        if let Some(kids) = table.rows[k].code.as_deref().and_then(|c| children_of.get(c)) {
            parents.push((k, kids.clone()));
        }
    }
    for (k, r) in table.rows.iter().enumerate() {
        if r.is_total && !classes.is_empty() {
            parents.push((k, classes.clone()));
        }
    }

    for (pk, kids) in parents {
        let parent = &table.rows[pk];
        let children: Vec<&CodedRow> = kids.iter().map(|&k| &table.rows[k]).collect();
        let plabel = row_label(parent);
        let complete = if parent.is_total {
            // A total printed last closes the table; one printed first needs the table to end.
            !at_end || pk + 1 == table.rows.len()
        } else {
            closed(&table.rows, pk, at_end)
        };
        if !complete {
            ctx.skip(meta, Some(id), SkipReason::Truncated { row: format!("{t} {plabel}") }, Some(parent.line));
            continue;
        }
        let involved = std::iter::once(parent).chain(children.iter().copied());
        if involved.clone().any(|r| r.code.as_deref().is_some_and(|c| conflicted.contains(c))) {
            ctx.skip(meta, Some(id), SkipReason::AmbiguousColumns { row: format!("{t} {plabel}") }, Some(parent.line));
            continue;
        }
        for (j, col) in table.columns.iter().enumerate() {
            let cell_term = |r: &CodedRow| -> Option<Term> {
                r.cells.get(j).and_then(|c| Term::from_cell(c, format!("{t} {} {col}", row_label(r)), doc.text))
            };
            let total = cell_term(parent);
            let parts: Option<Vec<Term>> = children.iter().map(|c| cell_term(c)).collect();
            let (Some(total), Some(parts)) = (total, parts) else {
                let unknown = involved.clone().find(|r| matches!(r.cells.get(j), Some(Cell::Unknown) | None)).unwrap_or(parent);
                ctx.skip(meta, Some(id), SkipReason::AmbiguousColumns { row: format!("{t} {} · {col}", row_label(unknown)) }, Some(unknown.line));
                continue;
            };
            let level_zh = match parent.level() {
                0 => "合计 = Σ类",
                1 => "类 = Σ款",
                _ => "款 = Σ项",
            };
            let level_en = match parent.level() {
                0 => "total = Σ classes",
                1 => "class = Σ its 款",
                _ => "款 = Σ its 项",
            };
            ctx.check_sum(SumSpec {
                meta,
                table: Some(id),
                place_zh: format!("{t} {plabel} · {col}（{level_zh}）"),
                place_en: format!("{t} {plabel} · column {}: {level_en}", j + 1),
                total,
                parts,
                row_span: parent.span.clone(),
            });
        }
    }
}
