//! The coverage pass, after the rules and the likely-cell pass: from what the rules recorded, it
//! decides each table's final status, says so for every table read that no rule looked at, and
//! works out which narrative figures some rule read (and why each other one was not).

use crate::amount::Amount;
use crate::diagnostics::{Skip, SkipReason};
use crate::lex::{lex, Lex};
use crate::narrative::{Claim, Figure, Narrative, Part, Unit};
use crate::report::NarrativeParts;
use crate::rules::{Ctx, Document};
use crate::tables::{Cell, Table, TableBody, TableStatus};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What was checked, and what was not.
pub struct Coverage {
    /// Each table's status, in the order of the document's tables: a table the reader read in
    /// full (`checked`) is `partial` when some check on it was skipped.
    pub statuses: Vec<TableStatus>,
    /// Tables read that no rule looked at.
    pub unexamined: Vec<Skip>,
    /// The narrative's figures: how many, which no rule read and why.
    pub narrative: NarrativeParts,
    /// Per table (in the order of the document's tables), its printed amounts: how many, and
    /// each one no check read with why.
    pub amounts: Vec<TableAmounts>,
}

/// A table's printed amounts and the ones no check read.
#[derive(Debug, Clone, Default)]
pub struct TableAmounts {
    /// Amounts printed on the table's lines (numbers with decimals or thousands separators, and
    /// every amount the reader took into a row).
    pub printed: usize,
    /// Of those, the ones some check read.
    pub checked: usize,
    /// The others (normalized spans), each with why.
    pub unchecked: Vec<(Range<usize>, Unchecked)>,
}

/// Why a printed table amount was not read by any check. Data; the report renders it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unchecked {
    /// The table could not be read as a table.
    TableUnreadable,
    /// The header's columns were not recognised (or one cell a line: the column order is lost).
    ColumnsUnknown,
    /// Blank cells vanished and the amount's column is ambiguous.
    ColumnAmbiguous,
    /// The line was not read as a row of the table.
    LineNotRead,
    /// The table was read, but no rule checks tables of its kind.
    NoRule,
    /// Read into the table, but no identity involves it (a row without its parent, say).
    NoCheck,
}

impl Unchecked {
    /// The reason in `lang`.
    pub fn text(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Zh};
        match (self, lang) {
            (Unchecked::TableUnreadable, Zh) => "表格无法读取",
            (Unchecked::TableUnreadable, En) => "the table could not be read",
            (Unchecked::ColumnsUnknown, Zh) => "未识别表头的列（或每个单元格单独成行），无法确定金额所在列",
            (Unchecked::ColumnsUnknown, En) => "the header's columns were not recognised (or one cell a line)",
            (Unchecked::ColumnAmbiguous, Zh) => "空白单元格丢失，金额所在列不确定",
            (Unchecked::ColumnAmbiguous, En) => "blank cells were lost; the amount's column is ambiguous",
            (Unchecked::LineNotRead, Zh) => "此行未被识别为表格行",
            (Unchecked::LineNotRead, En) => "the line was not read as a row of the table",
            (Unchecked::NoRule, Zh) => "已识别此表，尚无核对规则",
            (Unchecked::NoRule, En) => "table read; no rule checks it yet",
            (Unchecked::NoCheck, Zh) => "没有哪项勾稽关系用到此数",
            (Unchecked::NoCheck, En) => "no identity involves this amount",
        }
    }
}

/// The coverage of the checks that `ctx` recorded on `doc`.
pub fn coverage(doc: &Document<'_>, ctx: &Ctx) -> Coverage {
    let mut unexamined = Vec::new();
    for t in &doc.tables {
        let looked_at = ctx.tables_checked.contains(&t.id) || ctx.skips.iter().any(|s| s.table == Some(t.id));
        if !looked_at && matches!(t.status, TableStatus::Checked | TableStatus::Partial) {
            unexamined.push(Skip { rule: "-", table: Some(t.id), reason: SkipReason::NoRulesYet, line: t.line });
        }
    }
    let amounts: Vec<TableAmounts> = doc.tables.iter().map(|t| table_amounts(t, doc, ctx, &unexamined)).collect();
    let statuses = doc
        .tables
        .iter()
        .zip(&amounts)
        .map(|(t, a)| {
            let skipped = ctx.skips.iter().chain(&unexamined).any(|s| s.table == Some(t.id));
            match t.status {
                // A table is partial only if some check read it; checked only if all of it.
                TableStatus::Checked | TableStatus::Partial if a.printed > 0 && a.checked == 0 => {
                    TableStatus::NotChecked
                }
                TableStatus::Checked if skipped || a.checked < a.printed => TableStatus::Partial,
                s => s,
            }
        })
        .collect();
    Coverage { statuses, unexamined, narrative: narrative(&doc.narrative, ctx), amounts }
}

/// The amounts the reader took into `t`'s rows, each with the column it stands in (`None`:
/// unknown).
fn read_amounts(t: &Table) -> Vec<(&Amount, bool)> {
    let known = |cells: &[Cell], a: &Amount| cells.iter().any(|c| c.amount().is_some_and(|x| x.span == a.span));
    match &t.body {
        Some(TableBody::Coded(c)) => {
            c.rows.iter().flat_map(|r| r.amounts.iter().map(|a| (a, known(&r.cells, a)))).collect()
        }
        Some(TableBody::Labelled(l)) => {
            l.rows.iter().flat_map(|r| r.amounts.iter().map(|a| (a, known(&r.cells, a)))).collect()
        }
        Some(TableBody::Balance(b)) => b
            .income
            .iter()
            .chain(&b.expense)
            .chain(&b.income_total)
            .chain(&b.expense_total)
            .flat_map(|i| {
                if i.amounts.is_empty() {
                    i.amount.iter().collect()
                } else {
                    i.amounts.iter().collect::<Vec<_>>()
                }
            })
            .map(|a| (a, true))
            .collect(),
        None => Vec::new(),
    }
}

/// `t`'s printed amounts, and why each one no check read was not.
fn table_amounts(t: &Table, doc: &Document<'_>, ctx: &Ctx, unexamined: &[Skip]) -> TableAmounts {
    let mut out = TableAmounts::default();
    if t.status == TableStatus::Missing {
        return out;
    }
    let no_rule = unexamined.iter().any(|s| s.table == Some(t.id));
    let columns_known = match &t.body {
        Some(TableBody::Coded(c)) => !c.columns.is_empty(),
        Some(TableBody::Labelled(l)) => !l.columns.is_empty(),
        Some(TableBody::Balance(_)) => true,
        None => false,
    };
    let read = read_amounts(t);
    let taken: HashSet<usize> = read.iter().map(|(a, _)| a.span.start).collect();
    let mut note = |span: &Range<usize>, why: Unchecked| {
        out.printed += 1;
        if ctx.cells_read.contains(&span.start) {
            out.checked += 1;
        } else {
            out.unchecked.push((span.clone(), why));
        }
    };
    for (a, placed) in &read {
        let why = match () {
            _ if no_rule => Unchecked::NoRule,
            _ if t.status == TableStatus::Unreadable => Unchecked::TableUnreadable,
            _ if !columns_known => Unchecked::ColumnsUnknown,
            _ if !placed => Unchecked::ColumnAmbiguous,
            _ => Unchecked::NoCheck,
        };
        note(&a.span, why);
    }
    // Amounts on the table's lines that no row took.
    let why = if t.status == TableStatus::Unreadable { Unchecked::TableUnreadable } else { Unchecked::LineNotRead };
    for l in doc.lines.get(t.region.clone()).unwrap_or(&[]) {
        let line = doc.text.get(l.span.clone()).unwrap_or("");
        // A printed amount (`Lex::Num`) has decimals or thousands separators: a line with neither
        // has none to count, and is not lexed again.
        if !line.contains(['.', ',']) || crate::lines::is_page_furniture(line) {
            continue;
        }
        for tok in lex(line, l.span.start) {
            if matches!(tok.kind, Lex::Num(_)) && !taken.contains(&tok.span.start) {
                note(&tok.span, why);
            }
        }
    }
    out
}

/// Which narrative figures some rule reads, and why each other one is not checked.
fn narrative(n: &Narrative, ctx: &Ctx) -> NarrativeParts {
    let bound = bound(n, ctx);
    let claim_at: HashMap<usize, &Claim> = n.claims().iter().map(|c| (c.figure.amount.span.start, c)).collect();
    let unbound = n
        .figures
        .iter()
        .filter(|f| !bound.contains(&f.amount.span.start))
        .map(|f| (f.amount.span.clone(), why_unchecked(f, claim_at.get(&f.amount.span.start).copied())))
        .collect();
    NarrativeParts {
        figures: n.figures.len(),
        growth_statements: n.growths.iter().filter(|g| g.rate.is_some()).count(),
        shares: n.shares.len(),
        unbound,
    }
}

/// The span starts of the narrative figures some rule reads.
fn bound(n: &Narrative, ctx: &Ctx) -> HashSet<usize> {
    let mut bound = HashSet::new();
    for g in &n.growths {
        bound.extend([g.current.amount.span.start, g.change.amount.span.start]);
        if let Some((r, _)) = &g.rate {
            bound.insert(r.amount.span.start);
        }
    }
    for s in &n.shares {
        bound.extend([s.part.amount.span.start, s.percent.amount.span.start]);
    }
    bound.extend(n.item_amounts().iter().map(|i| i.amount.amount.span.start));
    bound.extend(n.labelled().iter().map(|l| l.figure.amount.span.start));
    bound.extend(n.whole_targets().iter().map(|f| f.amount.span.start));
    bound.extend(ctx.narrative_bound.iter().copied());
    for f in &n.fund_splits {
        bound.insert(f.total.span.start);
        bound.insert(f.fiscal.span.start);
        if let Some(o) = &f.other {
            bound.insert(o.span.start);
        }
    }
    bound
}

const WHY_PERCENT: (&str, &str) =
    ("百分比不是可核对的占比或增减幅", "a percentage that is no share or growth rate the checker can recompute");
const WHY_YEAR: (&str, &str) = ("说的是上年或其他年度的数字", "a figure of last year or another year");
const WHY_PART: (&str, &str) = (
    "所在段落不逐项复述表格（如其他重要事项、绩效指标、原因说明）",
    "in a passage that does not restate the tables (other matters, indicators, reasons)",
);

/// Why no rule reads narrative figure `f`, in Chinese and English.
fn why_unchecked(f: &Figure, claim: Option<&Claim>) -> (String, String) {
    if f.unit == Unit::Percent {
        return (WHY_PERCENT.0.into(), WHY_PERCENT.1.into());
    }
    match claim {
        Some(c) if c.other_year => (WHY_YEAR.0.into(), WHY_YEAR.1.into()),
        Some(c) if c.part != Part::Other => {
            let label: String = c.label.chars().rev().take(24).collect::<Vec<_>>().into_iter().rev().collect();
            (format!("“{label}”不对应表中的数字"), format!("“{label}” names no table figure"))
        }
        _ => (WHY_PART.0.into(), WHY_PART.1.into()),
    }
}
