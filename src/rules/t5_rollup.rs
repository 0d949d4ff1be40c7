use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算支出情况表 (T5), for each value column: every 类 row = Σ its 款 rows, every 款 row =
    /// Σ its 项 rows, and the 合计 row = Σ 类 rows (printed first or last).
    ///
    /// ### Why
    /// The functional classification is a tree; a parent that is not the sum of its children means
    /// a child is wrong, missing or counted twice.
    ///
    /// ### Example
    /// `208 社会保障和就业支出 11765.06` = 578.20 + 41.41 + 740.28 + 200.00 + 10054.08 + 151.09.
    ///
    /// ### Known problems
    /// A column whose cells were placed by position only (blank cells lost in space-separated
    /// text) is not rolled up; the report lists it as skipped. A code printed twice with different
    /// amounts is skipped too.
    T5Rollup, "T5-ROLLUP", "一般公共预算支出情况表：类 = Σ款 = Σ项，合计 = Σ类", "T5: class = Σ 款 = Σ 项, total = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rollup(&T5Rollup::META, TableId::T5, doc, ctx);
}
