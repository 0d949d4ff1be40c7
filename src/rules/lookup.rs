//! Finding the cells that cross-table rules compare, and comparing two printed figures.

use super::{balance_lines, coded_sums, Ctx, Document, Finding, RuleMeta, SkipReason, SumSpec, Term};
use crate::tables::{BalanceItem, BalanceTable, Cell, CodedRow, CodedTable, LabelledTable, TableId, TableStatus};
use rust_decimal::Decimal;

/// A coded table that can be compared (columns known), or a recorded skip.
pub fn coded<'d>(meta: &RuleMeta, id: TableId, doc: &'d Document<'_>, ctx: &mut Ctx) -> Option<&'d CodedTable> {
    coded_sums::readable(meta, id, doc, ctx).map(|(t, _)| t)
}

/// A labelled table (T10, T11) that can be checked, or a recorded skip.
pub fn labelled<'d>(
    meta: &RuleMeta,
    id: TableId,
    doc: &'d Document<'_>,
    ctx: &mut Ctx,
) -> Option<(&'d LabelledTable, bool)> {
    let Some(t) = doc.tables.iter().find(|t| t.id == id) else {
        ctx.skip(meta, Some(id), SkipReason::TableMissing, None);
        return None;
    };
    match (&t.status, &t.body) {
        (TableStatus::Empty, _) => None,
        (TableStatus::Missing, _) => {
            ctx.skip(meta, Some(id), SkipReason::TableMissing, t.line);
            None
        }
        (_, Some(crate::tables::TableBody::Labelled(l))) if !l.columns.is_empty() => Some((l, t.at_end)),
        (_, Some(crate::tables::TableBody::Labelled(_))) => {
            ctx.skip(meta, Some(id), SkipReason::ColumnsUnknown, t.line);
            None
        }
        _ => {
            ctx.skip(meta, Some(id), SkipReason::TableUnreadable, t.line);
            None
        }
    }
}

/// T4 (a balance table with fund columns) if it can be compared.
pub fn t4<'d>(meta: &RuleMeta, doc: &'d Document<'_>, ctx: &mut Ctx) -> Option<&'d BalanceTable> {
    let Some(t) = doc.tables.iter().find(|t| t.id == TableId::T4) else {
        ctx.skip(meta, Some(TableId::T4), SkipReason::TableMissing, None);
        return None;
    };
    match (t.status, t.balance()) {
        (TableStatus::Checked | TableStatus::Partial, Some(b)) if b.expense_total.is_some() && b.columns.len() == 4 => {
            Some(b)
        }
        (TableStatus::Missing, _) => {
            ctx.skip(meta, Some(TableId::T4), SkipReason::TableMissing, t.line);
            None
        }
        _ => {
            ctx.skip(meta, Some(TableId::T4), SkipReason::TableUnreadable, t.line);
            None
        }
    }
}

pub fn total_row(t: &CodedTable) -> Option<&CodedRow> {
    t.rows.iter().find(|r| r.is_total)
}

pub fn row<'t>(t: &'t CodedTable, code: &str) -> Option<&'t CodedRow> {
    t.rows.iter().find(|r| r.code.as_deref() == Some(code))
}

/// A known cell of a coded row by column name; `None` when the column is absent or unknown.
pub fn cell(id: TableId, t: &CodedTable, r: &CodedRow, col: &str, doc: &Document<'_>) -> Option<Term> {
    let j = t.columns.iter().position(|c| c == col)?;
    // A row with no amount printed at all may be cut off or unread: nothing to compare.
    if r.amounts.is_empty() {
        return None;
    }
    // A row whose parts lost their columns still knows its total (the first column).
    if r.problem.is_some() && !(j == 0 && matches!(r.cells.first(), Some(Cell::Value(_)))) {
        return None;
    }
    let c = r.cells.get(j)?;
    Term::from_cell(c, format!("{} {} {col}", id.as_str(), coded_sums::row_label(r)), doc.text)
}

/// A T4 expenditure item's amount in a fund column (positional), or its 合计 (first amount).
pub fn t4_cell(item: &BalanceItem, col: usize, doc: &Document<'_>) -> Option<Term> {
    let what = format!(
        "T4 {} {}",
        item.printed,
        ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"].get(col).copied().unwrap_or("")
    );
    match &item.positional {
        Some(p) => Some(match p.get(col)? {
            Some(a) => Term::from_amount(a, what, doc.text),
            None => Term::blank(what),
        }),
        None if col == 0 => item.amount.as_ref().map(|a| Term::from_amount(a, what, doc.text)),
        None => None,
    }
}

/// A T1 item as a term.
pub fn t1_term(item: &BalanceItem, doc: &Document<'_>) -> Term {
    balance_lines::term(item, doc.text)
}

/// A T4 item as a term.
pub fn t4_term(item: &BalanceItem, doc: &Document<'_>) -> Term {
    balance_lines::term_of(TableId::T4, item, doc.text)
}

/// `a = b` between two printed figures (a is the one reported as failing).
pub fn equal(
    meta: &'static RuleMeta,
    table: TableId,
    place_zh: String,
    place_en: String,
    a: Term,
    b: Term,
    ctx: &mut Ctx,
) {
    if a.span.is_none() && b.span.is_none() {
        ctx.record(None); // both blank: equal
        return;
    }
    let row_span = a.span.clone().or_else(|| b.span.clone()).unwrap_or(0..0);
    ctx.check_sum(SumSpec { meta, table: Some(table), place_zh, place_en, total: a, parts: vec![b], row_span });
}

/// `whole ≥ part` (部分 ≤ 整体), within rounding.
pub fn at_least(
    meta: &'static RuleMeta,
    table: Option<TableId>,
    place_zh: String,
    place_en: String,
    part: Term,
    whole: Term,
    ctx: &mut Ctx,
) {
    if table.is_none() {
        ctx.narrative_bound.extend([&part, &whole].iter().filter_map(|t| t.span.as_ref().map(|s| s.start)));
    } else {
        ctx.read_cells([&part, &whole]);
    }
    let slack = part.half + whole.half;
    if part.value <= whole.value + slack {
        ctx.record(None);
        return;
    }
    let expected = format!("≤ {}", whole.printed);
    let note = format!("{} > {}", part.printed, whole.printed);
    ctx.record(Some(
        Finding::new(meta, super::Label { span: part.span.clone().unwrap_or(0..0), what: part.what.clone() })
            .severity(super::Severity::Error)
            .in_table(table)
            .message(
                format!("{place_zh}：{} 大于 {}", part.printed, whole.printed),
                format!("{place_en}: {} exceeds {}", part.printed, whole.printed),
            )
            .found(part.printed.clone())
            .expected(expected)
            .note(note)
            .related(
                whole.span.clone().map(|span| super::Label { span, what: whole.what.clone() }).into_iter().collect(),
            ),
    ));
}

/// Is the table whole: its total row read, and not cut off by the end of the input?
pub fn complete(doc: &Document<'_>, id: TableId) -> bool {
    let Some(t) = doc.tables.iter().find(|t| t.id == id) else { return false };
    let Some(c) = t.coded() else { return false };
    let Some(k) = c.rows.iter().position(|r| r.is_total) else { return false };
    // A total printed last closes the table; one printed first says nothing about the end.
    !t.at_end || (k > 0 && k + 1 == c.rows.len())
}

/// The unit a table's own 单位 line names (`单位：元`, `单位:万元`), in 元 per printed unit:
/// 1 or 10,000. `None` when the lines right under its title name none.
pub fn yuan_per_unit(doc: &Document<'_>, id: TableId) -> Option<Decimal> {
    let t = doc.tables.iter().find(|t| t.id == id)?;
    let title = t.line?;
    let until = (title + 5).min(doc.lines.len());
    doc.lines[title..until].iter().find_map(|l| {
        let c = crate::lines::compact(&doc.text[l.span.clone()]);
        if c.contains("单位:万元") || c.contains("单位：万元") {
            Some(Decimal::new(10000, 0))
        } else if c.contains("单位:元") || c.contains("单位：元") {
            Some(Decimal::ONE)
        } else {
            None
        }
    })
}
