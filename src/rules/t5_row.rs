use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算支出情况表 (T5), every row: 合计 = 基本支出 + 项目支出, the total row included.
    ///
    /// ### Why
    /// Every yuan of expenditure is either basic or project spending; a row whose parts do not
    /// add up to its total has a wrong cell.
    ///
    /// ### Example
    /// `208 01 人力资源和社会保障管理事务 578.20 560.12 18.08`: 560.12 + 18.08 = 578.20 ✓.
    ///
    /// ### Known problems
    /// In space-separated text blank cells vanish; the row is still checked (every amount after the
    /// total is a part), but which column each part belongs to is left open for the rollups.
    T5Row, "T5-ROW", "一般公共预算支出情况表：合计 = 基本支出 + 项目支出", "T5: total = basic + project, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rows(&T5Row::META, TableId::T5, doc, ctx);
}
