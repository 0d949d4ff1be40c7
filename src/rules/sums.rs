//! The sum engine: one side of an identity as a [`Term`] with its rounding envelope, and
//! [`Ctx::check_sum`], which checks `total = Σ parts` with the envelope of the printed digits
//! (XBRL Calculations 1.1) and records a finding with the arithmetic and the repairs.

use crate::amount::{check_sum, format_fixed, Amount, SumCheck};
use crate::diagnostics::{Finding, Label, Repair, Severity};
use crate::rules::{Ctx, RuleMeta};
use crate::tables::{Cell, TableId};
use rust_decimal::Decimal;
use std::ops::Range;

/// `a` and `b` print one figure (exactly or within rounding).
pub fn agrees(a: &Term, b: &Term) -> bool {
    !matches!(same_figure(a, b), SumCheck::Mismatch { .. })
}

/// Two printings of one figure: consistent when the finer one rounds (half up) to the coarser.
/// An exact figure (a blank, a bare `0`) is as fine as the other: `0.10` does not restate `0`.
pub fn same_figure(a: &Term, b: &Term) -> SumCheck {
    let diff = a.value - b.value;
    if diff.is_zero() {
        return SumCheck::Exact;
    }
    let d = match (a.half.is_zero(), b.half.is_zero()) {
        (true, false) => b.decimals,
        (false, true) => a.decimals,
        _ => a.decimals.min(b.decimals),
    };
    let envelope = a.half + b.half;
    if format_fixed(a.value, d) == format_fixed(b.value, d) {
        SumCheck::WithinRounding { diff, envelope }
    } else {
        SumCheck::Mismatch { diff, envelope }
    }
}

/// One side of a sum identity: a printed (or blank) value and where it is.
#[derive(Debug, Clone)]
pub struct Term {
    pub value: Decimal,
    pub half: Decimal,
    pub decimals: u32,
    pub printed: String,
    /// `None` for a blank cell (nothing printed to point at).
    pub span: Option<Range<usize>>,
    pub what: String,
}

impl Term {
    pub fn from_amount(a: &Amount, what: impl Into<String>, text: &str) -> Term {
        Term {
            value: a.value,
            half: a.half_step(),
            decimals: a.decimals,
            printed: text.get(a.span.clone()).unwrap_or("").to_string(),
            span: Some(a.span.clone()),
            what: what.into(),
        }
    }

    /// A whole count (人, 辆, 台): exact, no rounding.
    pub fn count(a: &Amount, what: impl Into<String>, text: &str) -> Term {
        Term { half: Decimal::ZERO, ..Term::from_amount(a, what, text) }
    }

    /// A narrative figure, in 万元. A printed 0 says there is none: exact, whatever its decimals.
    pub fn figure(f: &crate::narrative::Figure, what: impl Into<String>, text: &str) -> Term {
        let (value, half) = f.value_wan();
        let half = if value.is_zero() { Decimal::ZERO } else { half };
        Term { value, half, ..Term::from_amount(&f.amount, what, text) }
    }

    /// A stated change as a signed term: a decrease (`减少 A`) counts as −A.
    pub fn signed(f: &crate::narrative::Figure, up: bool, what: impl Into<String>, text: &str) -> Term {
        let mut t = Term::figure(f, what, text);
        if !up {
            t.value = -t.value;
            t.printed = format!("−{}", t.printed);
        }
        t
    }

    /// A narrative figure as the text states it, in 万元, with its printed rounding (a printed 0
    /// keeps its envelope, unlike [`Term::figure`]).
    pub fn stated(f: &crate::narrative::Figure, what: impl Into<String>, text: &str) -> Term {
        let (value, half) = f.value_wan();
        Term { value, half, ..Term::from_amount(&f.amount, what, text) }
    }

    /// Several printed figures added up, as one term (rounding envelopes add up; pointing at the
    /// first printed one). `None` for no terms.
    pub fn sum(terms: &[Term], what: impl Into<String>) -> Option<Term> {
        let first = terms.iter().find(|t| t.span.is_some()).or(terms.first())?;
        let value: Decimal = terms.iter().map(|t| t.value).sum();
        let decimals = terms.iter().map(|t| t.decimals).max().unwrap_or(2);
        Some(Term {
            value,
            half: terms.iter().map(|t| t.half).sum(),
            decimals,
            printed: format_fixed(value, decimals),
            span: first.span.clone(),
            what: what.into(),
        })
    }

    pub fn blank(what: impl Into<String>) -> Term {
        Term {
            value: Decimal::ZERO,
            half: Decimal::ZERO,
            decimals: 2,
            printed: "空".into(),
            span: None,
            what: what.into(),
        }
    }

    /// A known cell as a term; `None` for a cell whose column is unknown.
    pub fn from_cell(c: &Cell, what: impl Into<String>, text: &str) -> Option<Term> {
        match c {
            Cell::Value(a) => Some(Term::from_amount(a, what, text)),
            Cell::Blank => Some(Term::blank(what)),
            Cell::Unknown => None,
        }
    }
}

/// How a sum identity is described in messages.
pub struct SumSpec {
    pub meta: &'static RuleMeta,
    pub table: Option<TableId>,
    /// Where, e.g. `T3 208 社会保障和就业支出 合计` / `T3 row 208, 合计`.
    pub place_zh: String,
    pub place_en: String,
    pub total: Term,
    pub parts: Vec<Term>,
    /// Fallback primary span when the total is blank (the row).
    pub row_span: Range<usize>,
}

impl Ctx {
    /// Check `total = Σ parts` with the rounding envelope of the printed digits and record it:
    /// passed when exact; within the envelope an info (or, between figures of mixed printed
    /// precision, a residue for `STR-PRECISION`); outside it an error with the arithmetic and
    /// the value each printed cell would need.
    pub fn check_sum(&mut self, spec: SumSpec) {
        self.checks_run += 1;
        self.tally(1, 0);
        match spec.table {
            Some(t) => {
                self.mark(t);
                self.read_cells(std::iter::once(&spec.total).chain(&spec.parts));
            }
            // A narrative identity: its figures count as checked in the coverage figures.
            None => self.narrative_bound.extend(
                std::iter::once(&spec.total).chain(&spec.parts).filter_map(|t| t.span.as_ref().map(|s| s.start)),
            ),
        }
        let (severity, diff, envelope) = match outcome(&spec) {
            SumCheck::Exact => {
                self.checks_passed += 1;
                return;
            }
            SumCheck::WithinRounding { diff, envelope } => (Severity::Info, diff, envelope),
            SumCheck::Mismatch { diff, envelope } => (Severity::Error, diff, envelope),
        };
        if severity == Severity::Info && self.mixed_precision_residue(&spec) {
            self.checks_passed += 1;
            return;
        }
        self.findings.push(sum_finding(&spec, severity, diff, envelope));
    }

    /// Mixed printed precision (`620` beside `619.80`) in a table: noted once per table for
    /// `STR-PRECISION`, not an info each. `false` when the figures share one precision.
    fn mixed_precision_residue(&mut self, spec: &SumSpec) -> bool {
        let printed = spec.parts.iter().chain(std::iter::once(&spec.total)).filter(|t| t.span.is_some());
        let mixed = printed.clone().map(|t| t.decimals).min() != printed.map(|t| t.decimals).max();
        let Some(t) = spec.table.filter(|_| mixed) else { return false };
        match self.mixed_precision.iter_mut().find(|(id, _, _)| *id == t) {
            Some((_, _, n)) => *n += 1,
            None => {
                let span = spec.total.span.clone().unwrap_or(spec.row_span.clone());
                self.mixed_precision.push((t, Label { span, what: spec.total.what.clone() }, 1));
            }
        }
        true
    }
}

/// Exact, within rounding, or a mismatch.
fn outcome(spec: &SumSpec) -> SumCheck {
    let parts: Vec<(Decimal, Decimal)> = spec.parts.iter().map(|p| (p.value, p.half)).collect();
    match spec.parts.as_slice() {
        // One figure printed twice (a cell restated, a parent with one child): the two
        // printings round one value, so the finer, rounded to the coarser's decimals, must equal
        // it (`619.80` = `619.8`; `395.83` ≠ `395.84`).
        [p] if p.span.is_some() && spec.total.span.is_some() => same_figure(&spec.total, p),
        _ => check_sum((spec.total.value, spec.total.half), &parts),
    }
}

/// The finding on a sum that is off by `diff` (envelope `envelope`).
fn sum_finding(spec: &SumSpec, severity: Severity, diff: Decimal, envelope: Decimal) -> Finding {
    let sum: Decimal = spec.parts.iter().map(|p| p.value).sum();
    let decimals = spec.total.decimals.max(spec.parts.iter().map(|p| p.decimals).max().unwrap_or(0));
    let expected = format_fixed(sum, decimals);
    let (message_zh, message_en) =
        sum_message(spec, severity, &expected, &format_fixed(diff.abs(), decimals), envelope);
    let primary =
        Label { span: spec.total.span.clone().unwrap_or(spec.row_span.clone()), what: spec.total.what.clone() };
    let related =
        spec.parts.iter().filter_map(|p| p.span.clone().map(|span| Label { span, what: p.what.clone() })).collect();
    let repairs = if severity == Severity::Error { repairs(spec, sum, diff) } else { Vec::new() };
    Finding::new(spec.meta, primary)
        .severity(severity)
        .in_table(spec.table)
        .message(message_zh, message_en)
        .found(spec.total.printed.clone())
        .note(sum_note(spec, severity, &expected, diff))
        .expected(expected)
        .related(related)
        .repairs(repairs)
}

/// The arithmetic: `a + b = s ≠ t`, or `t ≠ a` for an equality; with the classic slip named
/// when the difference equals one line's amount (that line left out of, or counted twice in,
/// the total).
fn sum_note(spec: &SumSpec, severity: Severity, expected: &str, diff: Decimal) -> String {
    let terms: Vec<&str> = spec.parts.iter().filter(|p| p.span.is_some()).map(|p| p.printed.as_str()).collect();
    let lhs = if terms.is_empty() { "0".to_string() } else { terms.join(" + ") };
    // A one-term identity is an equality of two printed figures, not a sum.
    let note = if spec.parts.len() == 1 {
        format!("{} ≠ {}", spec.total.printed, lhs)
    } else {
        format!("{lhs} = {expected} ≠ {}", spec.total.printed)
    };
    match spec.parts.iter().find(|p| p.span.is_some() && !p.value.is_zero() && p.value == diff.abs()) {
        Some(p) if severity == Severity::Error && spec.parts.len() > 1 => {
            if diff.is_sign_negative() {
                format!("{note}（差额等于 {} 一项：合计可能漏计了该项）", p.printed)
            } else {
                format!("{note}（差额等于 {} 一项：该项可能被重复计算）", p.printed)
            }
        }
        _ => note,
    }
}

/// The one-line message, in Chinese and English.
fn sum_message(
    spec: &SumSpec,
    severity: Severity,
    expected: &str,
    diff_s: &str,
    envelope: Decimal,
) -> (String, String) {
    let (zh, en, total) = (&spec.place_zh, &spec.place_en, &spec.total.printed);
    let env_s = envelope.normalize().to_string();
    match severity {
        Severity::Info => (
            format!("{zh}：{total} 与分项之和 {expected} 相差 {diff_s}，在四舍五入范围（±{env_s}）内"),
            format!(
                "{en}: {total} differs from the sum of its parts {expected} by {diff_s}, within rounding (±{env_s})"
            ),
        ),
        _ if spec.parts.len() == 1 => (
            format!("{zh}：{total} ≠ {expected}（相差 {diff_s}）"),
            format!("{en}: {total} ≠ {expected} (off by {diff_s})"),
        ),
        _ => (
            format!("{zh}：{total} ≠ 分项之和 {expected}（相差 {diff_s}）"),
            format!("{en}: {total} ≠ sum of its parts {expected} (off by {diff_s})"),
        ),
    }
}

/// What each printed cell would have to be for the identity to hold: the total, Σ parts; a
/// part, itself plus the difference.
fn repairs(spec: &SumSpec, sum: Decimal, diff: Decimal) -> Vec<Repair> {
    let repair = |t: &Term, value: Decimal| {
        t.span.clone().map(|span| Repair {
            span,
            printed: t.printed.clone(),
            what: t.what.clone(),
            value,
            decimals: t.decimals,
        })
    };
    let total = repair(&spec.total, sum);
    let parts = spec.parts.iter().filter_map(|p| repair(p, p.value + diff));
    total.into_iter().chain(parts).filter(|r| !r.value.is_sign_negative()).collect()
}
