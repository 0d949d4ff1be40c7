use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算项目支出情况表 (T7), for each value column: every 类 row = Σ its 款 rows, every 款 row = Σ its
    /// 项 rows, and the total row = Σ 类 rows.
    ///
    /// ### Why
    /// The classification is a tree; a parent that is not the sum of its children means a child
    /// is wrong, missing or counted twice.
    ///
    /// ### Example
    /// `20801 18.08` = 9.90 + 8.18 (two projects under 2080109).
    ///
    /// ### Known problems
    /// Columns whose cells could not be placed are skipped and listed.
    T7Rollup, "T7-ROLLUP", "一般公共预算项目支出情况表：类 = Σ款 = Σ项，合计 = Σ类", "T7: class = Σ 款 = Σ 项, total = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rollup(&T7Rollup::META, TableId::T7, doc, ctx)
}
