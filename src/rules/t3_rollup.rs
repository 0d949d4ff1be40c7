use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 支出总体情况表 (T3), for each value column: every 类 row = Σ its 款 rows, every 款 row =
    /// Σ its 项 rows, and the 合计 row = Σ 类 rows (printed first or last).
    ///
    /// ### Why
    /// The functional classification is a tree; a parent that is not the sum of its children means
    /// a child is wrong, missing or counted twice.
    ///
    /// ### Example
    /// `208 社会保障和就业支出 11865.36` = 578.20 + 41.41 + 831.38 + 209.20 + 10054.08 + 151.09.
    ///
    /// ### Known problems
    /// A column whose cells were placed by position only (blank cells lost in space-separated
    /// text) is not rolled up; the report lists it as skipped. A code printed twice with different
    /// amounts is skipped too.
    T3Rollup, "T3-ROLLUP", "支出总体情况表：类 = Σ款 = Σ项，合计 = Σ类", "T3: class = Σ 款 = Σ 项, total = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rollup(&T3Rollup::META, TableId::T3, doc, ctx);
}
