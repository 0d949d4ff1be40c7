use super::{coded_sums, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 上年结转结余情况明细表 (T11), for each column: the 合计 row = Σ project rows.
    ///
    /// ### Why
    /// The total carry-over is the sum of the projects it is carried for.
    ///
    /// ### Example
    /// `3.74 + 65.28 + 22.08 + 9.20 + 29.90 = 130.20`.
    ///
    /// ### Known problems
    /// A column where some row's cell is unknown is skipped.
    T11Total, "T11-TOTAL", "上年结转结余情况明细表：合计 = 各项目之和", "T11: total row = Σ project rows", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    if let Some((t, at_end)) = lookup::labelled(&T11Total::META, TableId::T11, doc, ctx) {
        let views = coded_sums::labelled_views(t);
        coded_sums::check_total_of_rows(&T11Total::META, TableId::T11, &views, &t.columns, at_end, |_| true, doc, ctx);
    }
}
