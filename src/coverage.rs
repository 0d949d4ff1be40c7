//! The coverage pass, after the rules and the likely-cell pass: from what the rules recorded, it
//! decides each table's final status, says so for every table read that no rule looked at, and
//! works out which narrative figures some rule read (and why each other one was not).

use crate::diagnostics::{Skip, SkipReason};
use crate::narrative::{Claim, Figure, Narrative, Part, Unit};
use crate::report::NarrativeParts;
use crate::rules::{Ctx, Document};
use crate::tables::TableStatus;
use std::collections::{HashMap, HashSet};

/// What was checked, and what was not.
pub struct Coverage {
    /// Each table's status, in the order of the document's tables: a table the reader read in
    /// full (`checked`) is `partial` when some check on it was skipped.
    pub statuses: Vec<TableStatus>,
    /// Tables read that no rule looked at.
    pub unexamined: Vec<Skip>,
    /// The narrative's figures: how many, which no rule read and why.
    pub narrative: NarrativeParts,
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
    let statuses = doc
        .tables
        .iter()
        .map(|t| {
            let skipped = ctx.skips.iter().chain(&unexamined).any(|s| s.table == Some(t.id));
            match t.status {
                TableStatus::Checked if skipped => TableStatus::Partial,
                s => s,
            }
        })
        .collect();
    Coverage { statuses, unexamined, narrative: narrative(&doc.narrative, ctx) }
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
