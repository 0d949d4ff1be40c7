//! Shared checks of coded expenditure tables (T3, T5, …): the row identity
//! 合计 = 基本支出 + 项目支出 and the 类 = Σ款 = Σ项, 合计 = Σ类 rollups per column.

use super::{Ctx, Document, Finding, RuleMeta, SkipReason, SumSpec, Term};
use crate::tables::classes::is_economic_class;
use crate::tables::{column_label, is_flat, row_identities, subtotal_parts, RowIdentity, OTHER_COLUMN};
use crate::tables::{Cell, CodedRow, CodedTable, RowProblem, TableId, TableStatus};
use std::collections::{HashMap, HashSet};

/// The table if it can be checked; otherwise records why not and returns `None`.
pub fn readable<'d>(
    meta: &RuleMeta,
    id: TableId,
    doc: &'d Document<'_>,
    ctx: &mut Ctx,
) -> Option<(&'d CodedTable, bool)> {
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

/// A table row as the row-identity check sees it (coded and labelled rows alike).
pub struct RowView<'a> {
    pub label: String,
    pub cells: &'a [Cell],
    pub amounts: &'a [crate::amount::Amount],
    pub problem: Option<RowProblem>,
    pub is_total: bool,
    pub line: usize,
    pub span: std::ops::Range<usize>,
}

pub fn coded_views(t: &CodedTable) -> Vec<RowView<'_>> {
    t.rows
        .iter()
        .map(|r| RowView {
            label: row_label(r),
            cells: &r.cells,
            amounts: &r.amounts,
            problem: r.problem,
            is_total: r.is_total,
            line: r.line,
            span: r.span.clone(),
        })
        .collect()
}

/// A table's rows with its columns, for the row identities.
pub struct RowsOf<'a> {
    pub id: TableId,
    pub rows: &'a [RowView<'a>],
    pub columns: &'a [String],
    /// The input ends inside the table: its last row may be cut off.
    pub at_end: bool,
}

/// The row identities of a table (`总计 = 小计 + …`) that hold in every row, for every row;
/// `which` keeps only the identity whose total column has that name. A row whose amounts lost
/// their columns is still checked when the table has one identity over all its columns: every
/// amount after the first is a part, whichever column it belongs to.
pub fn check_row_identities(
    meta: &'static RuleMeta,
    table: RowsOf<'_>,
    which: Option<&str>,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    let RowsOf { id, rows, columns, at_end } = table;
    let t = id.as_str();
    let all = row_identities(columns);
    let ids: Vec<&RowIdentity> =
        all.iter().filter(|i| which.is_none_or(|w| columns.get(i.total).is_some_and(|c| is_column(c, w)))).collect();
    let flat = is_flat(&all, columns.len());
    for (k, r) in rows.iter().enumerate() {
        let label = &r.label;
        if k + 1 == rows.len() && at_end && !r.is_total {
            ctx.skip(meta, Some(id), SkipReason::Truncated { row: format!("{t} {label}") }, Some(r.line));
            continue;
        }
        // Amounts that fit no column placement break the row identities whatever their columns
        // (reported once, by the rule for the outermost identity).
        if r.problem == Some(RowProblem::Inconsistent) {
            if which.is_none_or(|w| columns.first().is_some_and(|c| c == w)) {
                inconsistent_row(meta, id, r, columns, &all, doc, ctx);
            }
            continue;
        }
        for &RowIdentity { total: ti, parts: ref part_cols } in &ids {
            let parts = part_cols;
            let names: Vec<&str> = part_cols.iter().map(|&p| column_label(&columns[p])).collect();
            let (total, parts): (Option<Term>, Vec<Term>) = match r.problem {
                None if r.cells.len() == columns.len() => {
                    let total = Term::from_cell(
                        &r.cells[*ti],
                        format!("{t} {label} {}", column_label(&columns[*ti])),
                        doc.text,
                    );
                    let terms: Option<Vec<Term>> = parts
                        .iter()
                        .map(|&p| {
                            Term::from_cell(&r.cells[p], format!("{t} {label} {}", column_label(&columns[p])), doc.text)
                        })
                        .collect();
                    (total, terms.unwrap_or_default())
                }
                Some(RowProblem::AmbiguousColumns | RowProblem::Scrambled) if flat && !r.amounts.is_empty() => {
                    let total = r
                        .amounts
                        .first()
                        .map(|a| Term::from_amount(a, format!("{t} {label} {}", columns[0]), doc.text));
                    let parts =
                        r.amounts[1..].iter().map(|a| Term::from_amount(a, format!("{t} {label}"), doc.text)).collect();
                    (total, parts)
                }
                _ => {
                    ctx.skip(
                        meta,
                        Some(id),
                        SkipReason::AmbiguousColumns { row: format!("{t} {label}") },
                        Some(r.line),
                    );
                    continue;
                }
            };
            let Some(total) = total else { continue };
            // A row with nothing printed in this identity has nothing to check.
            if total.span.is_none() && parts.iter().all(|p| p.span.is_none()) {
                continue;
            }
            ctx.check_sum(SumSpec {
                meta,
                table: Some(id),
                place_zh: format!("{t} {label}：{} = {}", column_label(&columns[*ti]), names.join(" + ")),
                place_en: format!("{t} row {label}: {} = {}", column_label(&columns[*ti]), names.join(" + ")),
                total,
                parts,
                row_span: r.span.clone(),
            });
        }
    }
}

fn inconsistent_row(
    meta: &'static RuleMeta,
    id: TableId,
    r: &RowView<'_>,
    columns: &[String],
    ids: &[RowIdentity],
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    let t = id.as_str();
    let Some((first, rest)) = r.amounts.split_first() else { return };
    let printed: Vec<&str> = r.amounts.iter().map(|a| doc.text.get(a.span.clone()).unwrap_or("")).collect();
    let identities: Vec<String> = ids
        .iter()
        .map(|RowIdentity { total, parts }| {
            format!(
                "{} = {}",
                columns[*total],
                parts.iter().map(|&p| columns[p].as_str()).collect::<Vec<_>>().join(" + ")
            )
        })
        .collect();
    ctx.record(Some(
        Finding::new(
            meta,
            super::Label {
                span: first.span.clone(),
                what: format!("{t} {} {}", r.label, columns.first().map_or("", String::as_str)),
            },
        )
        .severity(super::Severity::Error)
        .table(id)
        .message(
            format!("{t} {}：金额 {} 无论放在哪一列都不满足 {}", r.label, printed.join("、"), identities.join("；")),
            format!(
                "{t} {}: the amounts {} satisfy {} in no column placement",
                r.label,
                printed.join(", "),
                identities.join("; ")
            ),
        )
        .found(printed.join(" "))
        .expected(identities.join("；"))
        .note(format!("空白单元格丢失；{} 个金额的任一列分配都不成立", r.amounts.len()))
        .related(
            rest.iter().map(|a| super::Label { span: a.span.clone(), what: format!("{t} {}", r.label) }).collect(),
        ),
    ));
}

/// Every row identity of a coded table (`which`: only the one with that total column).
pub fn check_rows(meta: &'static RuleMeta, id: TableId, doc: &Document<'_>, ctx: &mut Ctx) {
    check_rows_of(meta, id, None, doc, ctx);
}

pub fn check_rows_of(meta: &'static RuleMeta, id: TableId, which: Option<&str>, doc: &Document<'_>, ctx: &mut Ctx) {
    let Some((table, at_end)) = readable(meta, id, doc, ctx) else { return };
    let views = coded_views(table);
    let rows = RowsOf { id, rows: &views, columns: &table.columns, at_end };
    check_row_identities(meta, rows, which, doc, ctx);
}

/// Per value column: 类 = Σ款, 款 = Σ项, 合计 = Σ类.
pub fn check_rollup(meta: &'static RuleMeta, id: TableId, doc: &Document<'_>, ctx: &mut Ctx) {
    let Some((table, at_end)) = readable(meta, id, doc, ctx) else { return };
    let t = id.as_str();
    let tree = Tree::of(table, id, doc.text);
    for (pk, kids) in &tree.parents {
        let parent = &table.rows[*pk];
        let children: Vec<&CodedRow> = kids.iter().map(|&k| &table.rows[k]).collect();
        let plabel = row_label(parent);
        let complete = if parent.is_total {
            // A total printed last closes the table; one printed first needs the table to end.
            !at_end || pk + 1 == table.rows.len()
        } else {
            closed(&table.rows, *pk, at_end)
        };
        if !complete {
            ctx.skip(meta, Some(id), SkipReason::Truncated { row: format!("{t} {plabel}") }, Some(parent.line));
            continue;
        }
        let mut involved = std::iter::once(parent).chain(children.iter().copied());
        if involved.any(|r| r.code.as_deref().is_some_and(|c| tree.conflicted.contains(c))) {
            ctx.skip(meta, Some(id), SkipReason::AmbiguousColumns { row: format!("{t} {plabel}") }, Some(parent.line));
            continue;
        }
        // Another year's amounts and a change in amounts roll up as this year's do; a rate
        // (`增减(%)`) does not.
        for j in (0..table.columns.len()).filter(|&j| !is_rate_column(&table.columns[j])) {
            rollup_column(meta, (id, table), (parent, &children), j, doc, ctx);
        }
    }
}

/// Is column `c` the one a rule asks for by `name`? A subtotal read by position (`小计·3`) is
/// any rule's 小计.
fn is_column(c: &str, name: &str) -> bool {
    c == name || (name.ends_with("小计") && subtotal_parts(c).is_some())
}

/// A column read for position only (`其他·…`) that holds rates, not amounts.
fn is_rate_column(name: &str) -> bool {
    name.strip_prefix(OTHER_COLUMN)
        .is_some_and(|n| ["%", "％", "幅", "率", "比例", "比重"].iter().any(|k| n.contains(k)))
}

/// The code tree of a coded table: each parent row with its children (类 = first 3 digits, 款 =
/// first 5; the total row over the 类), and the codes printed twice with other amounts.
struct Tree<'t> {
    parents: Vec<(usize, Vec<usize>)>,
    conflicted: HashSet<&'t str>,
}

impl<'t> Tree<'t> {
    fn of(table: &'t CodedTable, id: TableId, text: &str) -> Tree<'t> {
        // One row per code; a code printed twice with other amounts makes its rollups unsafe —
        // except in T7, where several projects share a 项 code and all of them are children.
        let projects = id == TableId::T7;
        let mut by_code: HashMap<&str, usize> = HashMap::new();
        let mut conflicted: HashSet<&str> = HashSet::new();
        let mut project_rows: Vec<usize> = Vec::new();
        for (k, r) in table.rows.iter().enumerate() {
            let Some(code) = r.code.as_deref() else { continue };
            if projects && r.level() == 3 {
                project_rows.push(k);
                continue;
            }
            match by_code.get(code) {
                Some(&prev)
                    if table.rows[prev].amounts.iter().map(|a| a.value).eq(r.amounts.iter().map(|a| a.value)) => {}
                Some(_) => {
                    conflicted.insert(code);
                }
                None => {
                    by_code.insert(code, k);
                }
            }
        }
        let mut firsts: Vec<usize> = by_code.values().copied().chain(project_rows).collect();
        firsts.sort_unstable();
        if id == TableId::ProjSrc {
            return Tree { parents: flat_list(table, text), conflicted };
        }
        if id == TableId::BasicUnit {
            return Tree { parents: by_unit(table, text), conflicted };
        }
        Tree { parents: parents(table, &firsts), conflicted }
    }
}

/// The indexes of a table's total rows.
fn total_rows(table: &CodedTable) -> Vec<usize> {
    (0..table.rows.len()).filter(|&k| table.rows[k].is_total).collect()
}

/// A list of projects by source, named, not coded: with its total row, the total = Σ every other
/// row (the unit is a column of each row); without one, units and the projects printed further
/// right under each: each unit = Σ its projects. Nothing when the rows stand at other than two
/// depths there, a unit has no project, or the table prints two totals.
fn flat_list(table: &CodedTable, text: &str) -> Vec<(usize, Vec<usize>)> {
    let totals = total_rows(table);
    let rows: Vec<usize> = (0..table.rows.len()).filter(|k| !totals.contains(k)).collect();
    if totals.len() > 1 || rows.is_empty() || table.rows.iter().any(|r| r.code.is_some()) {
        return Vec::new();
    }
    if let [total] = totals.as_slice() {
        return vec![(*total, rows)];
    }
    let depth = |k: usize| indent(text, &table.rows[k]);
    let left = depth(rows[0]);
    let deeper: Vec<usize> = rows.iter().map(|&k| depth(k)).filter(|&d| d != left).collect();
    if deeper.is_empty() || deeper.iter().any(|&d| d != deeper[0] || d < left + 2) {
        return Vec::new();
    }
    let mut units: Vec<(usize, Vec<usize>)> = Vec::new();
    for &k in &rows {
        match units.last_mut() {
            Some((_, kids)) if depth(k) > left => kids.push(k),
            _ => units.push((k, Vec::new())),
        }
    }
    if units.iter().any(|(_, kids)| kids.is_empty()) {
        return Vec::new();
    }
    units
}

/// A table of units, each followed by its 经济分类 类 (named, not coded), each 类 perhaps by
/// its 款 (named, printed further right): each unit = Σ its classes, each class = Σ its 款, the
/// total row, if printed, = Σ the units. Nothing when a unit has no class under it or a row is
/// coded, and no total when there are two.
fn by_unit(table: &CodedTable, text: &str) -> Vec<(usize, Vec<usize>)> {
    let class = |r: &CodedRow| is_economic_class(&r.name);
    let totals = total_rows(table);
    if totals.len() > 1 {
        return Vec::new();
    }
    let total = totals.first();
    // (unit, its classes), and (class, its items).
    let mut units: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut classes: Vec<(usize, Vec<usize>)> = Vec::new();
    for (k, r) in table.rows.iter().enumerate().filter(|(k, _)| Some(k) != total) {
        let current = classes.last().filter(|(c, _)| units.last().is_some_and(|(u, _)| c > u));
        let under_class = current.is_some_and(|(c, _)| indent(text, r) > indent(text, &table.rows[*c]));
        match units.last_mut() {
            _ if r.code.is_some() => return Vec::new(),
            Some((_, kids)) if class(r) => {
                kids.push(k);
                classes.push((k, Vec::new()));
            }
            None if class(r) => return Vec::new(),
            Some(_) if under_class => classes.last_mut().into_iter().for_each(|(_, items)| items.push(k)),
            _ => units.push((k, Vec::new())),
        }
    }
    if units.is_empty() || units.iter().any(|(_, kids)| kids.is_empty()) {
        return Vec::new();
    }
    let heads: Vec<usize> = units.iter().map(|(k, _)| *k).collect();
    let mut out: Vec<(usize, Vec<usize>)> = units;
    out.extend(classes.into_iter().filter(|(_, items)| !items.is_empty()));
    out.extend(total.map(|t| (*t, heads)));
    out
}

/// How far right a row's name starts: on its own line, or (its amounts alone on the line, its
/// name wrapped around them) on the line above.
fn indent(text: &str, r: &CodedRow) -> usize {
    let start = text[..r.span.start.min(text.len())].rfind('\n').map_or(0, |k| k + 1);
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let lead = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let named_here = line.trim_start().starts_with(|c: char| !c.is_ascii_digit());
    if named_here || start == 0 {
        return lead(line);
    }
    let above = &text[..start - 1];
    lead(&above[above.rfind('\n').map_or(0, |k| k + 1)..])
}

/// Each parent row (of the rows `firsts`, in order) with its children, then the total row over
/// the 类.
fn parents(table: &CodedTable, firsts: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let mut children_of: HashMap<&str, Vec<usize>> = HashMap::new();
    let printed: HashSet<&str> = firsts.iter().filter_map(|&k| table.rows[k].code.as_deref()).collect();
    // The outermost rows: 类, and any 款 or 项 printed without the rows above it (a table of
    // 项 rows alone adds up to its total directly).
    let mut roots: Vec<usize> = Vec::new();
    for &k in firsts {
        let r = &table.rows[k];
        let Some(code) = r.code.as_deref() else { continue };
        if !matches!(r.level(), 1..=3) {
            continue;
        }
        if r.level() > 1 {
            children_of.entry(&code[..code.len() - 2]).or_default().push(k);
        }
        if [3, 5].iter().all(|&n| n >= code.len() || !printed.contains(&code[..n])) {
            roots.push(k);
        }
    }
    let classes = roots;
    let mut parents: Vec<(usize, Vec<usize>)> = Vec::new();
    for &k in firsts {
        if let Some(kids) = table.rows[k].code.as_deref().and_then(|c| children_of.get(c)) {
            parents.push((k, kids.clone()));
        }
    }
    for (k, r) in table.rows.iter().enumerate() {
        if r.is_total && !classes.is_empty() {
            parents.push((k, classes.clone()));
        }
    }
    parents
}

/// `parent = Σ children` in column `j` of table `id`.
fn rollup_column(
    meta: &'static RuleMeta,
    (id, table): (TableId, &CodedTable),
    (parent, children): (&CodedRow, &[&CodedRow]),
    j: usize,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    // (A column read for position is named by its printed words: `执行数`, not `其他·执行数#2`.)
    let printed = table.columns[j].strip_prefix(OTHER_COLUMN).map(|n| n.split('#').next().unwrap_or(n));
    let (t, col) = (id.as_str(), printed.unwrap_or(column_label(&table.columns[j])));
    let cell_term = |r: &CodedRow| -> Option<Term> {
        r.cells.get(j).and_then(|c| Term::from_cell(c, format!("{t} {} {col}", row_label(r)), doc.text))
    };
    let total = cell_term(parent);
    let parts: Option<Vec<Term>> = children.iter().map(|c| cell_term(c)).collect();
    let (Some(total), Some(parts)) = (total, parts) else {
        let mut involved = std::iter::once(parent).chain(children.iter().copied());
        let unknown = involved.find(|r| matches!(r.cells.get(j), Some(Cell::Unknown) | None)).unwrap_or(parent);
        let row = format!("{t} {} · {col}", row_label(unknown));
        ctx.skip(meta, Some(id), SkipReason::AmbiguousColumns { row }, Some(unknown.line));
        return;
    };
    let (level_zh, level_en) = match parent.level() {
        0 if id == TableId::ProjSrc && parent.is_total => ("合计 = Σ各行", "total = Σ rows"),
        0 if id == TableId::ProjSrc => ("单位 = Σ项目", "unit = Σ its projects"),
        0 if id == TableId::BasicUnit && parent.is_total => ("合计 = Σ各单位", "total = Σ units"),
        0 if id == TableId::BasicUnit && is_economic_class(&parent.name) => ("类 = Σ款", "class = Σ its 款"),
        0 if id == TableId::BasicUnit => ("单位 = Σ类", "unit = Σ its classes"),
        0 => ("合计 = Σ类", "total = Σ classes"),
        1 => ("类 = Σ款", "class = Σ its 款"),
        _ => ("款 = Σ项", "款 = Σ its 项"),
    };
    let plabel = row_label(parent);
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

pub fn labelled_views(t: &crate::tables::LabelledTable) -> Vec<RowView<'_>> {
    t.rows
        .iter()
        .map(|r| RowView {
            label: r.label.clone(),
            cells: &r.cells,
            amounts: &r.amounts,
            problem: r.problem,
            is_total: r.is_total,
            line: r.line,
            span: r.span.clone(),
        })
        .collect()
}

/// The total row = Σ the other rows that `member` accepts, per column.
#[allow(clippy::too_many_arguments)]
pub fn check_total_of_rows(
    meta: &'static RuleMeta,
    id: TableId,
    rows: &[RowView<'_>],
    columns: &[String],
    at_end: bool,
    member: impl Fn(&str) -> bool,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    if at_end && rows.last().is_some_and(|r| !r.is_total) {
        ctx.skip(
            meta,
            Some(id),
            SkipReason::Truncated { row: format!("{} 合计", id.as_str()) },
            rows.last().map(|r| r.line),
        );
        return;
    }
    let total_label = rows.iter().find(|r| r.is_total).map(|r| r.label.clone()).unwrap_or_default();
    check_parent_of_rows(meta, id, rows, columns, |l| l == total_label, |l| l != total_label && member(l), doc, ctx);
}

/// The row `parent` accepts = Σ the rows `child` accepts, per column.
#[allow(clippy::too_many_arguments)]
pub fn check_parent_of_rows(
    meta: &'static RuleMeta,
    id: TableId,
    rows: &[RowView<'_>],
    columns: &[String],
    parent: impl Fn(&str) -> bool,
    child: impl Fn(&str) -> bool,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    let t = id.as_str();
    let Some(p) = rows.iter().find(|r| parent(&r.label)) else { return };
    let kids: Vec<&RowView<'_>> = rows.iter().filter(|r| child(&r.label)).collect();
    if kids.is_empty() {
        return;
    }
    for (j, col) in columns.iter().enumerate() {
        let term = |r: &RowView<'_>| -> Option<Term> {
            if r.problem.is_some() {
                return None;
            }
            r.cells.get(j).and_then(|c| Term::from_cell(c, format!("{t} {} {col}", r.label), doc.text))
        };
        let (Some(total), Some(parts)) = (term(p), kids.iter().map(|k| term(k)).collect::<Option<Vec<Term>>>()) else {
            ctx.skip(
                meta,
                Some(id),
                SkipReason::AmbiguousColumns { row: format!("{t} {} · {col}", p.label) },
                Some(p.line),
            );
            continue;
        };
        if total.span.is_none() && parts.iter().all(|x| x.span.is_none()) {
            continue;
        }
        ctx.check_sum(SumSpec {
            meta,
            table: Some(id),
            place_zh: format!("{t} {} · {col}", p.label),
            place_en: format!("{t} {} · column {}", p.label, j + 1),
            total,
            parts,
            row_span: p.span.clone(),
        });
    }
}
