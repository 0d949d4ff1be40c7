use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算项目支出情况表 (T7), every row: 项目支出合计 = Σ 经济分类列.
    ///
    /// ### Why
    /// The columns split the row total; they must add up to it.
    ///
    /// ### Example
    /// `8.18 = 4.50 + 3.68`.
    ///
    /// ### Known problems
    /// A row whose parts lost their columns is still checked (every amount after the total is a
    /// part); a row read incompletely is skipped.
    T7Row, "T7-ROW", "一般公共预算项目支出情况表：项目支出合计 = Σ 经济分类列", "T7: row identity, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rows(&T7Row::META, TableId::T7, doc, ctx)
}
