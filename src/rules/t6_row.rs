use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算基本支出情况表 (T6), every row: 合计 = 人员经费 + 公用经费.
    ///
    /// ### Why
    /// The columns split the row total; they must add up to it.
    ///
    /// ### Example
    /// `637.60 = 631.92 + 5.68`.
    ///
    /// ### Known problems
    /// A row whose parts lost their columns is still checked (every amount after the total is a
    /// part); a row read incompletely is skipped.
    T6Row, "T6-ROW", "一般公共预算基本支出情况表：合计 = 人员经费 + 公用经费", "T6: row identity, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rows(&T6Row::META, TableId::T6, doc, ctx)
}
