//! Pass 5: the report. One shape for the CLI (byte offsets) and the wasm API (UTF-16 offsets).
//!
//! Field names `findings[].rule/severity/message/found/expected/note/primary/related`,
//! `tables[].id/title/line/rows/status` and `summary.*` are a contract; fields may be added.

use crate::normalize::Normalized;
use crate::rules::{Ctx, Finding, Label, Severity};
use crate::tables::{
    BalanceTable, Cell, CodedTable, Inference, LabelledTable, ParseWarning, Table, TableBody, TableId, TableStatus,
};
use crate::{Lang, Offsets};
use serde::Serialize;
use std::ops::Range;

/// The result of one check: findings, the tables as read, what was skipped and the coverage.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Report format version.
    pub version: u32,
    /// `utf8` (byte offsets, CLI) or `utf16` (code units, wasm/JS).
    pub offsets: &'static str,
    /// Every finding, errors first, then by position in the input.
    pub findings: Vec<FindingOut>,
    /// The tables found (in order T1…T11), with their final status and rows as read.
    pub tables: Vec<TableOut>,
    /// Counts of findings by severity and of checks run, passed and skipped.
    pub summary: Summary,
    /// Every check that did not run, and every table read that no rule looked at.
    pub skipped: Vec<SkipOut>,
    /// The reader's notes on the document (no tables, a duplicate title, text-only comparison).
    pub warnings: Vec<WarningOut>,
    /// Per rule: how many checks ran, passed (info included), failed and were skipped.
    pub coverage: Vec<RuleCoverage>,
    /// The figures of the prose (万元, %, …): how many a rule reads, and those none does.
    pub narrative: NarrativeCoverage,
}

/// How many figures of the 情况说明 the rules read, and where the others are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NarrativeCoverage {
    /// Figures with a unit found outside the tables.
    pub figures: usize,
    /// Figures that some narrative rule reads (growth, share, restated amount, 绩效 funding).
    pub bound: usize,
    /// Growth statements with a rate / shares found.
    pub growth_statements: usize,
    /// Shares (`X 万元，占 p%`) found.
    pub shares: usize,
    /// The figures no rule reads, with their place and why (`label`; first 200).
    pub unbound: Vec<Location>,
}

/// One rule's tally of checks.
#[derive(Debug, Clone, Serialize)]
pub struct RuleCoverage {
    /// The rule's id (`T3-ROW`).
    pub rule: &'static str,
    /// Checks it ran.
    pub run: usize,
    /// `run − failed`: checks with no finding or only an info (a rounding residue).
    pub passed: usize,
    /// Its error and warning findings (info findings are not failures).
    pub failed: usize,
    /// Checks it skipped, each with a reason in [`Report::skipped`].
    pub skipped: usize,
}

/// A place in the original input, with what is there.
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    /// 1-based line in the original input.
    pub line: usize,
    /// 1-based column: characters (CLI) or UTF-16 code units (wasm) from the line start.
    pub column: usize,
    /// Offsets into the original input, end exclusive.
    pub start: usize,
    /// End offset (exclusive), in the same unit as `start`.
    pub end: usize,
    /// What is there, e.g. `T3 208 社会保障和就业支出 合计`.
    pub label: String,
}

/// A finding as reported: its message in the report's language, its places in the original input.
#[derive(Debug, Clone, Serialize)]
pub struct FindingOut {
    /// Id of the rule that found it (`T3-ROW`, `NI-GROWTH`).
    pub rule: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The table it is about; `null` for a narrative or document-level finding.
    pub table: Option<TableId>,
    /// One line, in the report's language.
    pub message: String,
    /// The failing value as printed (or, with `likely`, the likely wrong number).
    pub found: String,
    /// What it should be (or, with `likely`, the likely value).
    pub expected: String,
    /// The arithmetic (`560.12 + 18.08 = 578.20 ≠ 578.30`); may be empty.
    pub note: String,
    /// The failing number (with `likely`, the number most likely wrong).
    pub primary: Location,
    /// The numbers it was checked against.
    pub related: Vec<Location>,
    /// The number most likely wrong (the primary location) and its likely value, when several
    /// failing checks agree on one cell; with the bookkeeping slip it looks like, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likely: Option<LikelyOut>,
}

/// The one printed number whose change would repair every failing check of its cluster.
#[derive(Debug, Clone, Serialize)]
pub struct LikelyOut {
    /// What the number is (`T3 208 合计`).
    pub what: String,
    /// The number as printed.
    pub found: String,
    /// Its likely value, at the printed decimals.
    pub value: String,
    /// How many failing checks this one change repairs.
    pub repairs: usize,
    /// `transposition` | `one_digit`.
    pub slip: Option<crate::diagnostics::Slip>,
    /// One line, in the report's language.
    pub text: String,
}

/// A table as the checker read it.
#[derive(Debug, Clone, Serialize)]
pub struct TableOut {
    /// Which table (`T1`…`T11`).
    pub id: TableId,
    /// The title line as printed, whitespace removed (for a table only the contents list
    /// names, the name from its contents entry).
    pub title: String,
    /// 1-based line of the title (of the contents entry for a missing table).
    pub line: Option<usize>,
    /// Number of rows read (for T1/T4: the longer side, plus one for the totals line).
    pub rows: usize,
    /// Final status: `checked` becomes `partial` when a check on the table was skipped.
    pub status: TableStatus,
    /// Amounts printed on the table's lines.
    pub amounts: usize,
    /// Of those, the ones some check read.
    pub amounts_checked: usize,
    /// The others, each with why (`label`, in the report's language).
    pub unchecked: Vec<Location>,
    /// Value column names, when the header was understood.
    pub columns: Vec<String>,
    /// The rows as read: for the page's table view and the model dump.
    pub body: Vec<RowOut>,
}

/// One row of a table as read.
#[derive(Debug, Clone, Serialize)]
pub struct RowOut {
    /// 1-based line of the row's first line in the original input.
    pub line: usize,
    /// The 类/款/项 code of a coded table's row (`208`, `20801`, `2080101`); `null` for a total
    /// row and in T1, T4, T10 and T11.
    pub code: Option<String>,
    /// The row's name (coded tables), label (T10, T11) or income-side label as printed (T1, T4;
    /// empty when the line has only an expenditure item).
    pub name: String,
    /// One entry per value column (`null` = blank); for T1: income amount, expenditure amount.
    pub cells: Vec<Option<CellOut>>,
    /// For T1: the expenditure side label on the same line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<String>,
    /// Amounts whose column could not be determined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<CellOut>,
    /// How the columns were worked out when blank cells had vanished (`rollup`, `T5`, `code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
}

/// One printed amount of a row.
#[derive(Debug, Clone, Serialize)]
pub struct CellOut {
    /// The amount as it reads in the normalized text (full-width digits made ASCII).
    pub text: String,
    /// Start offset in the original input (bytes, or UTF-16 units in a `utf16` report).
    pub start: usize,
    /// End offset (exclusive), in the same unit as `start`.
    pub end: usize,
}

/// Totals over the whole report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Checks run, by every rule.
    pub checks_run: usize,
    /// Checks that recorded no finding (a rounding residue's info is not a pass).
    pub checks_passed: usize,
    /// Checks skipped plus tables read that no rule looked at: the length of [`Report::skipped`].
    pub checks_skipped: usize,
    /// Amounts printed on the lines of the tables found.
    pub table_amounts: usize,
    /// Of those, the ones some check read.
    pub table_amounts_checked: usize,
    /// How much of the document was checked.
    pub verdict: Verdict,
    /// The verdict in words, in the report's language (`部分核对：表格数字 120 / 300 已核对`).
    pub verdict_text: String,
}

/// How much of a document was checked: the three states every front end shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 已全部核对: tables read and nearly every printed table amount checked.
    AllChecked,
    /// 部分核对: some checks ran; the report lists what was not checked.
    Partial,
    /// 无法核对: no table read, or almost nothing checked.
    #[default]
    Unchecked,
}

impl Verdict {
    /// Share of printed table amounts that must be checked for 已全部核对, in percent.
    pub const ALL_CHECKED_PERCENT: usize = 95;
    /// Below this share (in percent) of printed table amounts checked, the document is 无法核对.
    pub const UNCHECKED_PERCENT: usize = 20;

    /// The verdict for `checked` of `printed` table amounts, when `tables_read` tables were read
    /// and `missing` tables the contents list are not in the body.
    pub fn of(checked: usize, printed: usize, tables_read: usize, missing: usize) -> Verdict {
        if tables_read == 0 || printed == 0 || checked * 100 < printed * Verdict::UNCHECKED_PERCENT {
            Verdict::Unchecked
        } else if missing == 0 && checked * 100 >= printed * Verdict::ALL_CHECKED_PERCENT {
            Verdict::AllChecked
        } else {
            Verdict::Partial
        }
    }

    /// `已全部核对：表格数字 N / M 已核对` and its English.
    pub fn text(self, checked: usize, printed: usize, lang: Lang) -> String {
        match (self, lang) {
            (Verdict::AllChecked, Lang::Zh) => format!("已全部核对：表格数字 {checked} / {printed} 已核对"),
            (Verdict::Partial, Lang::Zh) => {
                format!("部分核对：表格数字 {checked} / {printed} 已核对，其余未核对（见各表原因及缺失的表）")
            }
            (Verdict::Unchecked, Lang::Zh) if printed == 0 => "无法核对：未读到表格数字".to_string(),
            (Verdict::Unchecked, Lang::Zh) => format!("无法核对：表格数字仅 {checked} / {printed} 已核对"),
            (Verdict::AllChecked, Lang::En) => format!("all checked: {checked} / {printed} table amounts checked"),
            (Verdict::Partial, Lang::En) => {
                format!("partly checked: {checked} / {printed} table amounts checked; the rest, and missing tables, are listed")
            }
            (Verdict::Unchecked, Lang::En) if printed == 0 => "not checked: no table amounts read".to_string(),
            (Verdict::Unchecked, Lang::En) => format!("not checked: only {checked} / {printed} table amounts checked"),
        }
    }
}

/// A check that did not run, and why.
#[derive(Debug, Clone, Serialize)]
pub struct SkipOut {
    /// Id of the rule whose check did not run; `-` for a table no rule looked at.
    pub rule: &'static str,
    /// The table the check needed, if it is about one.
    pub table: Option<TableId>,
    /// Why, in the report's language.
    pub reason: String,
    /// 1-based line in the original input of what was skipped, if it is one place.
    pub line: Option<usize>,
}

/// A note of the reader about the document as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct WarningOut {
    /// Stable code (`no-tables`, `duplicate-title`, `two-documents`).
    pub code: &'static str,
    /// The note, in the report's language.
    pub message: String,
    /// 1-based line in the original input it is about, if one.
    pub line: Option<usize>,
}

/// What the narrative pass found, for the coverage section.
pub struct NarrativeParts {
    /// Figures with a unit (万元, 元, 亿元, %) found in the narrative.
    pub figures: usize,
    /// Growth statements that print a rate.
    pub growth_statements: usize,
    /// Shares (`X 万元，占 p%`) found.
    pub shares: usize,
    /// Spans (normalized) of figures no rule reads, with why (Chinese, English).
    pub unbound: Vec<(Range<usize>, (String, String))>,
}

/// Maps normalized spans to original offsets, lines and columns.
pub struct Placer<'a> {
    original: &'a str,
    norm: &'a Normalized,
    line_starts: Vec<usize>,
    offsets: Offsets,
    /// Per long line (by its start): (byte offset, columns before it) every `CHECKPOINT` bytes,
    /// so that a column on a megabyte-long line costs a short count, not a scan of the line.
    checkpoints: std::cell::RefCell<std::collections::HashMap<usize, Vec<(usize, usize)>>>,
}

const CHECKPOINT: usize = 1024;

impl<'a> Placer<'a> {
    /// A placer for `original` (the input as pasted), its normalization `norm`, counting columns
    /// in `offsets` units; offsets stay in bytes until [`to_utf16`].
    pub fn new(original: &'a str, norm: &'a Normalized, offsets: Offsets) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in original.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Placer { original, norm, line_starts, offsets, checkpoints: Default::default() }
    }

    fn original_range(&self, span: &Range<usize>) -> Range<usize> {
        let s = self.norm.to_original(span.start);
        let e = self.norm.to_original(span.end).max(s);
        s..e
    }

    /// 1-based line of an original byte offset.
    fn line_of(&self, off: usize) -> usize {
        match self.line_starts.binary_search(&off) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    fn units(&self, s: &str) -> usize {
        match self.offsets {
            Offsets::Utf8 => s.chars().count(),
            Offsets::Utf16 => s.encode_utf16().count(),
        }
    }

    /// The location in the original input of the normalized byte range `span`, labelled `label`.
    pub fn locate(&self, span: &Range<usize>, label: String) -> Location {
        let r = self.original_range(span);
        let line = self.line_of(r.start);
        let ls = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column = self.column(ls, r.start) + 1;
        Location { line, column, start: r.start, end: r.end, label }
    }

    /// Columns (chars or UTF-16 units) from line start `ls` to byte offset `at`.
    fn column(&self, ls: usize, at: usize) -> usize {
        if at.saturating_sub(ls) <= CHECKPOINT {
            return self.units(self.original.get(ls..at).unwrap_or(""));
        }
        let mut cps = self.checkpoints.borrow_mut();
        let marks = cps.entry(ls).or_insert_with(|| {
            let end = self.line_starts.get(self.line_of(ls)).copied().unwrap_or(self.original.len());
            let mut marks = vec![(ls, 0)];
            let (mut last, mut cols) = (ls, 0);
            for (i, _) in self.original.get(ls..end).unwrap_or("").char_indices() {
                let off = ls + i;
                if off - last >= CHECKPOINT {
                    cols += self.units(&self.original[last..off]);
                    marks.push((off, cols));
                    last = off;
                }
            }
            marks
        });
        let k = marks.partition_point(|&(off, _)| off <= at).saturating_sub(1);
        let (off, cols) = marks.get(k).copied().unwrap_or((ls, 0));
        cols + self.units(self.original.get(off..at).unwrap_or(""))
    }

    /// A table cell: the normalized text of `span` with its original byte offsets.
    pub fn cell(&self, span: &Range<usize>, norm_text: &str) -> CellOut {
        let r = self.original_range(span);
        CellOut { text: norm_text.get(span.clone()).unwrap_or("").to_string(), start: r.start, end: r.end }
    }

    /// 1-based original line of the normalized line starting at byte `norm_line_start`.
    pub fn line_no(&self, norm_line_start: usize) -> usize {
        self.line_of(self.norm.to_original(norm_line_start))
    }
}

/// What [`build`] assembles the report from: the outputs of the earlier passes.
pub(crate) struct Parts<'a> {
    /// The coverage pass's result: final table statuses, unexamined tables, narrative figures.
    pub coverage: crate::coverage::Coverage,
    /// The normalized text that every span refers to.
    pub norm_text: &'a str,
    /// Byte range of each normalized line, by 0-based line index (to turn indices into lines).
    pub line_spans: Vec<Range<usize>>,
    /// The tables as read, in the order of `coverage.statuses`.
    pub tables: &'a [Table],
    /// What the rules recorded: findings (after the likely-cell pass), skips, counts.
    pub ctx: Ctx,
    /// The reader's and the narrative pass's warnings.
    pub warnings: Vec<ParseWarning>,
}

/// The report of one check, in `lang`, placed in the original text by `placer`.
pub(crate) fn build(p: Parts<'_>, placer: &Placer<'_>, lang: Lang) -> Report {
    let line_no = |idx: usize| -> usize { p.line_spans.get(idx).map_or(0, |s| placer.line_no(s.start)) };
    let mut findings: Vec<FindingOut> = p.ctx.findings.iter().map(|f| finding_out(f, placer, lang)).collect();
    findings.sort_by_key(|f| (f.severity, f.primary.start));
    let summary = summary(&p, &findings, lang);
    let tables = p
        .tables
        .iter()
        .zip(&p.coverage.statuses)
        .zip(&p.coverage.amounts)
        .map(|((t, &status), amounts)| table_out(t, (status, amounts), p.norm_text, (placer, lang), &line_no))
        .collect();
    let skipped = p
        .ctx
        .skips
        .iter()
        .chain(&p.coverage.unexamined)
        .map(|s| SkipOut { rule: s.rule, table: s.table, reason: s.reason.message(lang), line: s.line.map(&line_no) })
        .collect();
    let warnings = p
        .warnings
        .iter()
        .map(|w| WarningOut { code: w.code(), message: w.message(lang), line: w.line().map(&line_no) })
        .collect();
    Report {
        version: 1,
        coverage: rule_coverage(&p.ctx),
        narrative: narrative_coverage(&p.coverage.narrative, placer, lang),
        offsets: match placer.offsets {
            Offsets::Utf8 => "utf8",
            Offsets::Utf16 => "utf16",
        },
        findings,
        tables,
        summary,
        skipped,
        warnings,
    }
}

fn finding_out(f: &Finding, placer: &Placer<'_>, lang: Lang) -> FindingOut {
    FindingOut {
        rule: f.rule,
        severity: f.severity,
        table: f.table,
        message: match lang {
            Lang::Zh => f.message_zh.clone(),
            Lang::En => f.message_en.clone(),
        },
        found: f.found.clone(),
        expected: f.expected.clone(),
        note: f.note.clone(),
        primary: placer.locate(&f.primary.span, f.primary.what.clone()),
        related: f.related.iter().map(|l: &Label| placer.locate(&l.span, l.what.clone())).collect(),
        likely: f.likely.as_ref().map(|l| LikelyOut {
            what: l.what.clone(),
            found: l.found.clone(),
            value: l.value.clone(),
            repairs: l.repairs,
            slip: l.slip,
            text: likely_text(l, lang),
        }),
    }
}

/// `很可能是 X 有误，应为 Y（…）` / `likely X should be Y (…)`.
fn likely_text(l: &crate::diagnostics::Likely, lang: Lang) -> String {
    let (found, value, n) = (&l.found, &l.value, l.repairs);
    match (lang, l.slip.map(|s| s.text(lang))) {
        (Lang::Zh, Some(s)) => format!("很可能是 {found} 有误，应为 {value}（{s}；可同时修正 {n} 处不符）"),
        (Lang::Zh, None) => format!("很可能是 {found} 有误，应为 {value}（可同时修正 {n} 处不符）"),
        (Lang::En, Some(s)) => format!("likely {found} should be {value} ({s}; fixes {n} failing checks at once)"),
        (Lang::En, None) => format!("likely {found} should be {value} (fixes {n} failing checks at once)"),
    }
}

fn summary(p: &Parts<'_>, findings: &[FindingOut], lang: Lang) -> Summary {
    let printed: usize = p.coverage.amounts.iter().map(|a| a.printed).sum();
    let checked: usize = p.coverage.amounts.iter().map(|a| a.checked).sum();
    let read = p.coverage.statuses.iter().filter(|s| !matches!(s, TableStatus::Missing)).count();
    // Tables the checker does not read yet but that print amounts count as not checked.
    let unread: usize = p
        .warnings
        .iter()
        .map(|w| match w {
            ParseWarning::UnreadTables { count, .. } => *count,
            _ => 0,
        })
        .sum();
    let missing = p.coverage.statuses.len() - read + unread;
    let verdict = Verdict::of(checked, printed, read, missing);
    let mut summary = Summary {
        checks_run: p.ctx.checks_run,
        checks_passed: p.ctx.checks_passed,
        checks_skipped: p.ctx.skips.len() + p.coverage.unexamined.len(),
        table_amounts: printed,
        table_amounts_checked: checked,
        verdict,
        verdict_text: verdict.text(checked, printed, lang),
        ..Summary::default()
    };
    for f in findings {
        match f.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    summary
}

fn table_out(
    t: &Table,
    (status, amounts): (TableStatus, &crate::coverage::TableAmounts),
    text: &str,
    (placer, lang): (&Placer<'_>, Lang),
    line_no: &dyn Fn(usize) -> usize,
) -> TableOut {
    let (columns, body) = match &t.body {
        Some(TableBody::Coded(c)) => (c.columns.clone(), coded_rows(c, text, placer, line_no)),
        Some(TableBody::Balance(b)) => {
            let mut cols = vec!["收入预算数".to_string()];
            if b.columns.is_empty() {
                cols.push("支出预算数".to_string());
            } else {
                cols.extend(b.columns.iter().map(|c| format!("支出{c}")));
            }
            let n = cols.len();
            (cols, balance_rows(b, n, text, placer, line_no))
        }
        Some(TableBody::Labelled(l)) => (l.columns.clone(), labelled_rows(l, text, placer, line_no)),
        None => (Vec::new(), Vec::new()),
    };
    TableOut {
        id: t.id,
        title: t.title.clone(),
        line: t.line.map(line_no),
        rows: t.row_count(),
        status,
        amounts: amounts.printed,
        amounts_checked: amounts.checked,
        unchecked: amounts.unchecked.iter().map(|(s, why)| placer.locate(s, why.text(lang).into())).collect(),
        columns,
        body,
    }
}

fn rule_coverage(ctx: &Ctx) -> Vec<RuleCoverage> {
    ctx.per_rule
        .iter()
        .map(|&(rule, run, skipped)| {
            let failed = ctx.findings.iter().filter(|f| f.rule == rule && f.severity != Severity::Info).count();
            RuleCoverage { rule, run, passed: run.saturating_sub(failed), failed, skipped }
        })
        .collect()
}

fn narrative_coverage(n: &NarrativeParts, placer: &Placer<'_>, lang: Lang) -> NarrativeCoverage {
    let unchecked = |(zh, en): &(String, String)| match lang {
        Lang::Zh => format!("未核对：{zh}"),
        Lang::En => format!("not checked: {en}"),
    };
    NarrativeCoverage {
        figures: n.figures,
        bound: n.figures - n.unbound.len(),
        growth_statements: n.growth_statements,
        shares: n.shares,
        unbound: n.unbound.iter().take(200).map(|(s, why)| placer.locate(s, unchecked(why))).collect(),
    }
}

fn coded_rows(c: &CodedTable, text: &str, placer: &Placer<'_>, line_no: &dyn Fn(usize) -> usize) -> Vec<RowOut> {
    c.rows
        .iter()
        .map(|r| {
            let cells: Vec<Option<CellOut>> = if r.cells.is_empty() {
                r.amounts.iter().map(|a| Some(placer.cell(&a.span, text))).collect()
            } else {
                r.cells.iter().map(|cell| cell.amount().map(|a| placer.cell(&a.span, text))).collect()
            };
            let placed: std::collections::HashSet<usize> =
                r.cells.iter().filter_map(Cell::amount).map(|a| a.span.start).collect();
            let unplaced = if r.cells.is_empty() {
                Vec::new()
            } else {
                r.amounts
                    .iter()
                    .filter(|a| !placed.contains(&a.span.start))
                    .map(|a| placer.cell(&a.span, text))
                    .collect()
            };
            let inferred = r.inferred.map(|i| match i {
                Inference::Rollup => "rollup".to_string(),
                Inference::OtherTable(t) => t.as_str().to_string(),
                Inference::CodeMeaning => "code".to_string(),
                Inference::RowIdentity => "row".to_string(),
                Inference::Realigned => "realigned".to_string(),
            });
            RowOut {
                line: line_no(r.line),
                code: r.code.clone(),
                name: r.name.clone(),
                cells,
                right: None,
                unplaced,
                inferred,
            }
        })
        .collect()
}

fn labelled_rows(l: &LabelledTable, text: &str, placer: &Placer<'_>, line_no: &dyn Fn(usize) -> usize) -> Vec<RowOut> {
    l.rows
        .iter()
        .map(|r| {
            let cells: Vec<Option<CellOut>> = if r.cells.is_empty() {
                r.amounts.iter().map(|a| Some(placer.cell(&a.span, text))).collect()
            } else {
                r.cells.iter().map(|c| c.amount().map(|a| placer.cell(&a.span, text))).collect()
            };
            let placed: std::collections::HashSet<usize> =
                r.cells.iter().filter_map(Cell::amount).map(|a| a.span.start).collect();
            let unplaced = if r.cells.is_empty() {
                Vec::new()
            } else {
                r.amounts
                    .iter()
                    .filter(|a| !placed.contains(&a.span.start))
                    .map(|a| placer.cell(&a.span, text))
                    .collect()
            };
            let inferred = r.inferred.map(|_| "row".to_string());
            RowOut { line: line_no(r.line), code: None, name: r.label.clone(), cells, right: None, unplaced, inferred }
        })
        .collect()
}

fn balance_rows(
    b: &BalanceTable,
    ncols: usize,
    text: &str,
    placer: &Placer<'_>,
    line_no: &dyn Fn(usize) -> usize,
) -> Vec<RowOut> {
    let mut lines: Vec<usize> = b
        .income
        .iter()
        .chain(b.expense.iter())
        .chain(b.income_total.iter())
        .chain(b.expense_total.iter())
        .map(|i| i.line)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let mut left_of = std::collections::HashMap::new();
    for i in b.income.iter().chain(b.income_total.iter()) {
        left_of.entry(i.line).or_insert(i);
    }
    let mut right_of = std::collections::HashMap::new();
    for i in b.expense.iter().chain(b.expense_total.iter()) {
        right_of.entry(i.line).or_insert(i);
    }
    lines
        .into_iter()
        .map(|l| {
            let left = left_of.get(&l).copied();
            let right = right_of.get(&l).copied();
            let cell = |i: Option<&crate::tables::BalanceItem>| {
                i.and_then(|i| i.amount.as_ref()).map(|a| placer.cell(&a.span, text))
            };
            RowOut {
                line: line_no(l),
                code: None,
                name: left.map(|i| i.printed.clone()).unwrap_or_default(),
                cells: {
                    // T4's expenditure side: by position when tab-separated; otherwise the first
                    // amount is 合计 and the others are placed only when every column is printed.
                    let positional = right
                        .and_then(|r| r.positional.as_ref())
                        .filter(|p| p.len() < ncols || p.iter().skip(ncols - 1).all(Option::is_none));
                    if let Some(p) = positional {
                        let mut cells = vec![cell(left)];
                        cells.extend(p.iter().take(ncols - 1).map(|a| a.as_ref().map(|a| placer.cell(&a.span, text))));
                        cells.resize_with(ncols, || None);
                        cells
                    } else {
                        let amounts = right.map_or(&[][..], |r| r.amounts.as_slice());
                        let all_printed = amounts.len() + 1 >= ncols;
                        let mut cells = vec![cell(left)];
                        let shown = if all_printed { amounts.len() } else { amounts.len().min(1) };
                        cells.extend(amounts[..shown].iter().map(|a| Some(placer.cell(&a.span, text))));
                        cells.resize_with(ncols.max(cells.len()), || None);
                        cells
                    }
                },
                right: right.map(|r| match &r.code {
                    Some(c) => format!("{c} {}", r.label),
                    None => r.printed.clone(),
                }),
                unplaced: {
                    let amounts = right.map_or(&[][..], |r| r.amounts.as_slice());
                    if right.is_some_and(|r| r.positional.is_some()) || amounts.len() + 1 >= ncols {
                        Vec::new()
                    } else {
                        amounts.iter().skip(1).map(|a| placer.cell(&a.span, text)).collect()
                    }
                },
                inferred: None,
            }
        })
        .collect()
}

/// The report with UTF-16 offsets (JavaScript string indices) instead of byte offsets; columns
/// are already counted in UTF-16 units by the [`Placer`]. One pass over the text for all
/// offsets: linear in the input plus the number of locations.
pub(crate) fn to_utf16(mut report: Report, original: &str) -> Report {
    utf16_in_place(&mut report, original);
    report
}

fn utf16_in_place(report: &mut Report, original: &str) {
    let mut offs: Vec<usize> = Vec::new();
    let push_loc = |l: &Location, offs: &mut Vec<usize>| {
        offs.push(l.start);
        offs.push(l.end);
    };
    for f in &report.findings {
        push_loc(&f.primary, &mut offs);
        for r in &f.related {
            push_loc(r, &mut offs);
        }
    }
    for t in &report.tables {
        for r in &t.body {
            for c in r.cells.iter().flatten().chain(r.unplaced.iter()) {
                offs.push(c.start);
                offs.push(c.end);
            }
        }
        for l in &t.unchecked {
            push_loc(l, &mut offs);
        }
    }
    for l in &report.narrative.unbound {
        push_loc(l, &mut offs);
    }
    offs.sort_unstable();
    offs.dedup();
    let mut map = std::collections::HashMap::with_capacity(offs.len());
    let mut units = 0usize;
    let mut it = offs.iter().peekable();
    for (i, ch) in original.char_indices() {
        while let Some(&&o) = it.peek() {
            if o <= i {
                map.insert(o, units);
                it.next();
            } else {
                break;
            }
        }
        units += ch.len_utf16();
    }
    for &o in it {
        map.insert(o, units);
    }
    let conv = |o: usize| map.get(&o).copied().unwrap_or(o);
    for f in &mut report.findings {
        for l in std::iter::once(&mut f.primary).chain(f.related.iter_mut()) {
            l.start = conv(l.start);
            l.end = conv(l.end);
        }
    }
    for t in &mut report.tables {
        for r in &mut t.body {
            for c in r.cells.iter_mut().flatten().chain(r.unplaced.iter_mut()) {
                c.start = conv(c.start);
                c.end = conv(c.end);
            }
        }
        for l in &mut t.unchecked {
            l.start = conv(l.start);
            l.end = conv(l.end);
        }
    }
    for l in &mut report.narrative.unbound {
        l.start = conv(l.start);
        l.end = conv(l.end);
    }
    report.offsets = "utf16";
}

/// The tables as the checker understood them, one line per row with its cells by column (`·`
/// for a blank) and the amounts whose column is unknown. Used by `--format model` and the
/// golden tests.
pub fn model_text(r: &Report) -> String {
    let mut out = String::new();
    for t in &r.tables {
        out.push_str(&format!(
            "== {:?} {} (line {}, {:?}, {} rows)\n",
            t.id,
            t.title,
            t.line.unwrap_or(0),
            t.status,
            t.rows
        ));
        if !t.columns.is_empty() {
            out.push_str(&format!("   columns: {}\n", t.columns.join(" | ")));
        }
        for row in &t.body {
            let cells: Vec<String> =
                row.cells.iter().map(|c| c.as_ref().map_or("·".to_string(), |c| c.text.clone())).collect();
            let mut line = format!("   L{:<5} {:<8} {}", row.line, row.code.as_deref().unwrap_or("-"), row.name);
            if let Some(right) = &row.right {
                line.push_str(&format!(" ‖ {right}"));
            }
            line.push_str(&format!(" : {}", cells.join(" | ")));
            if let Some(how) = &row.inferred {
                line.push_str(&format!("  [inferred: {how}]"));
            }
            if !row.unplaced.is_empty() {
                let u: Vec<&str> = row.unplaced.iter().map(|c| c.text.as_str()).collect();
                line.push_str(&format!("  (column unknown: {})", u.join(" ")));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
