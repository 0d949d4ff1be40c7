//! After the rules: a table most of whose rows fail their own identities was more likely misread
//! (columns placed wrong, a layout not understood) than printed wrong row after row. Its row and
//! rollup errors become warnings that say so: never a run of false errors from one misreading.

use super::{Ctx, Document};
use crate::diagnostics::Severity;
use std::collections::HashSet;

/// Failing checks from which a table's reading is in doubt: at least this many…
const MIN_FAILING: usize = 5;

/// …and more than one in this many of its rows.
const ROWS_PER_FAILURE: usize = 3;

/// Rules that check a table's rows against each other or against its header's columns.
fn within_table(rule: &str) -> bool {
    rule == "ANY-ROW" || rule == "ANY-ROLLUP" || rule.ends_with("-ROW") || rule.ends_with("-ROLLUP")
}

/// Demote the within-table errors of every table whose reading is in doubt.
pub(crate) fn demote_misread_tables(doc: &Document<'_>, ctx: &mut Ctx) {
    for t in &doc.tables {
        let Some(c) = t.coded() else { continue };
        let failing = |f: &crate::diagnostics::Finding| {
            f.table == Some(t.id) && f.severity == Severity::Error && within_table(f.rule)
        };
        let cells: HashSet<usize> = ctx.findings.iter().filter(|f| failing(f)).map(|f| f.primary.span.start).collect();
        if cells.len() < MIN_FAILING || cells.len() * ROWS_PER_FAILURE <= c.rows.len() {
            continue;
        }
        let (n, rows) = (cells.len(), c.rows.len());
        for f in ctx.findings.iter_mut().filter(|f| failing(f)) {
            f.severity = Severity::Warning;
            f.message_zh.push_str(&format!("（本表 {rows} 行中 {n} 处不平衡，疑为读表有误，降为警告）"));
            f.message_en
                .push_str(&format!(" ({n} failures in this table's {rows} rows: more likely misread; a warning)"));
        }
    }
}
