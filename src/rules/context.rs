//! The collector the rules record into: checks run and passed, findings, skips, and what the
//! coverage pass needs (tables looked at, narrative figures compared).

use crate::diagnostics::{Finding, Label, Severity, Skip, SkipReason};
use crate::rules::RuleMeta;
use crate::tables::TableId;

/// Collects what the rules found.
#[derive(Debug, Default)]
pub struct Ctx {
    /// Every finding, in the order the rules recorded them.
    pub findings: Vec<Finding>,
    /// Per rule: checks run and skipped (the report counts its failures from the findings).
    pub per_rule: Vec<(&'static str, usize, usize)>,
    /// The rule whose checks are being recorded (set by the driver).
    pub current: &'static str,
    /// Per table, the first rounding residue between figures printed with different decimals
    /// (HZ-10): reported once per table as a precision warning, not once per check.
    pub mixed_precision: Vec<(TableId, Label, usize)>,
    /// Tables some check ran on.
    pub tables_checked: Vec<TableId>,
    /// Checks that ran, over all rules.
    pub checks_run: usize,
    /// Checks that ran and held exactly (or folded a precision residue).
    pub checks_passed: usize,
    /// Checks that did not run, with why.
    pub skips: Vec<Skip>,
    /// Narrative figures a rule compared with a table (by span start), for the coverage figures.
    pub narrative_bound: Vec<usize>,
    /// Table cells some check read (by span start), for the coverage of table amounts.
    pub cells_read: std::collections::HashSet<usize>,
    /// 元 per printed unit of each table whose 单位 line says (1 for 元, 10,000 for 万元).
    pub units: Vec<(TableId, rust_decimal::Decimal)>,
    /// Some line of the document says `单位：元` (the narrative pass's [`Comparison::InYuan`]): a
    /// table whose own unit is not known may be in 元.
    ///
    /// [`Comparison::InYuan`]: crate::narrative::Comparison::InYuan
    pub yuan_somewhere: bool,
}

impl Ctx {
    /// 元 per printed unit of table `id`, from its own 单位 line, if it has one.
    pub fn unit(&self, id: TableId) -> Option<rust_decimal::Decimal> {
        self.units.iter().find(|(t, _)| *t == id).map(|(_, u)| *u)
    }

    /// Count `run` checks run and `skipped` skipped for the current rule.
    pub(super) fn tally(&mut self, run: usize, skipped: usize) {
        let id = self.current;
        match self.per_rule.iter_mut().find(|(r, ..)| *r == id) {
            Some(e) => {
                e.1 += run;
                e.2 += skipped;
            }
            None => self.per_rule.push((id, run, skipped)),
        }
    }

    /// Note that a check read these table cells (blank terms carry no span and are left out).
    pub fn read_cells<'t>(&mut self, terms: impl IntoIterator<Item = &'t super::Term>) {
        self.cells_read.extend(terms.into_iter().filter_map(|t| t.span.as_ref().map(|s| s.start)));
    }

    /// Record a check that ran and what it found (`None`: it passed).
    pub fn record(&mut self, finding: Option<Finding>) {
        self.checks_run += 1;
        self.tally(1, 0);
        if let Some(t) = finding.as_ref().and_then(|f| f.table) {
            self.mark(t);
        }
        match finding {
            Some(f) => self.findings.push(f),
            None => self.checks_passed += 1,
        }
    }

    /// Findings recorded since `since` that are errors become warnings, with `why` added: for an
    /// identity that a statement the text leaves out would explain.
    pub fn soften_since(&mut self, since: usize, why_zh: &str, why_en: &str) {
        for f in self.findings.iter_mut().skip(since).filter(|f| f.severity == Severity::Error) {
            f.severity = Severity::Warning;
            f.message_zh.push_str(why_zh);
            f.message_en.push_str(why_en);
        }
    }

    /// Record a check of `meta`'s rule that did not run, with why.
    pub fn skip(&mut self, meta: &RuleMeta, table: Option<TableId>, reason: SkipReason, line: Option<usize>) {
        self.tally(0, 1);
        self.skips.push(Skip { rule: meta.id, table, reason, line });
    }

    pub(super) fn mark(&mut self, t: TableId) {
        if !self.tables_checked.contains(&t) {
            self.tables_checked.push(t);
        }
    }
}
