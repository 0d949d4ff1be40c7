use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 收入总体情况表 (T2), for each value column: every 类 row = Σ its 款 rows, every 款 row = Σ its
    /// 项 rows, and the total row = Σ 类 rows.
    ///
    /// ### Why
    /// The classification is a tree; a parent that is not the sum of its children means a child
    /// is wrong, missing or counted twice.
    ///
    /// ### Example
    /// `208 总计 11865.36` = Σ of its 款 rows.
    ///
    /// ### Known problems
    /// Columns whose cells could not be placed are skipped and listed.
    T2Rollup, "T2-ROLLUP", "收入总体情况表：类 = Σ款 = Σ项，合计 = Σ类", "T2: class = Σ 款 = Σ 项, total = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rollup(&T2Rollup::META, TableId::T2, doc, ctx)
}
