use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算基本支出情况表 (T6), for each value column: every 类 row = Σ its 款 rows, every 款 row = Σ its
    /// 项 rows, and the total row = Σ 类 rows.
    ///
    /// ### Why
    /// The classification is a tree; a parent that is not the sum of its children means a child
    /// is wrong, missing or counted twice.
    ///
    /// ### Example
    /// `301 工资福利支出 608.99` = Σ 30101…30199.
    ///
    /// ### Known problems
    /// Columns whose cells could not be placed are skipped and listed.
    T6Rollup, "T6-ROLLUP", "一般公共预算基本支出情况表：类 = Σ款 = Σ项，合计 = Σ类", "T6: class = Σ 款 = Σ 项, total = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rollup(&T6Rollup::META, TableId::T6, doc, ctx)
}
