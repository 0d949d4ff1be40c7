//! Shared checks of coded expenditure tables (T3, T5, …): the row identity
//! 合计 = 基本支出 + 项目支出 and the 类 = Σ款 = Σ项, 合计 = Σ类 rollups per column.

use super::{Ctx, Document, RuleMeta, SkipReason, SumSpec, Term};
use crate::tables::{Cell, CodedRow, CodedTable, RowProblem, TableId, TableStatus};
use std::collections::HashMap;

/// The table if it can be checked; otherwise records why not and returns `None`.
pub fn readable<'d>(meta: &RuleMeta, id: TableId, doc: &'d Document<'_>, ctx: &mut Ctx) -> Option<&'d CodedTable> {
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
        (_, Some(c)) => Some(c),
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
    let Some(table) = readable(meta, id, doc, ctx) else { return };
    let t = id.as_str();
    for r in &table.rows {
        let label = row_label(r);
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
            Some(RowProblem::AmbiguousColumns) => {
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
    let Some(table) = readable(meta, id, doc, ctx) else { return };
    let t = id.as_str();
    // One row per code; a code printed twice with other amounts makes its rollups unsafe.
    let mut by_code: HashMap<&str, &CodedRow> = HashMap::new();
    let mut conflicted: Vec<&str> = Vec::new();
    let mut coded: Vec<&CodedRow> = Vec::new();
    for r in &table.rows {
        let Some(code) = r.code.as_deref() else { continue };
        match by_code.get(code) {
            Some(prev) if prev.amounts.iter().map(|a| a.value).eq(r.amounts.iter().map(|a| a.value)) => {}
            Some(_) => conflicted.push(code),
            None => {
                by_code.insert(code, r);
                coded.push(r);
            }
        }
    }
    let mut parents: Vec<(&CodedRow, Vec<&CodedRow>)> = Vec::new();
    for p in &coded {
        let (Some(code), level) = (p.code.as_deref(), p.level()) else { continue };
        if level == 0 || level == 3 {
            continue;
        }
        let children: Vec<&CodedRow> = coded
            .iter()
            .copied()
            .filter(|c| c.level() == level + 1 && c.code.as_deref().is_some_and(|cc| cc.starts_with(code)))
            .collect();
        if !children.is_empty() {
            parents.push((p, children));
        }
    }
    let classes: Vec<&CodedRow> = coded.iter().copied().filter(|r| r.level() == 1).collect();
    for total in table.rows.iter().filter(|r| r.is_total) {
        if !classes.is_empty() {
            parents.push((total, classes.clone()));
        }
    }

    for (parent, children) in parents {
        let plabel = row_label(parent);
        let involved = std::iter::once(parent).chain(children.iter().copied());
        if involved.clone().any(|r| r.code.as_deref().is_some_and(|c| conflicted.contains(&c))) {
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
