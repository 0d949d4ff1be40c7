use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 收入总体情况表 (T2), every row: 财政拨款(补助)小计 = 一般公共预算 + 上级一般公共预算
    /// 安排的转移支付 + 政府性基金预算 + 上级政府性基金安排的转移支付 + 国有资本经营预算 (+ 上级
    /// 国有资本经营预算安排的转移支付 where the template has that column).
    ///
    /// ### Why
    /// The fiscal subtotal is the sum of the appropriations by fund and origin.
    ///
    /// ### Example
    /// `3971.53 + 7793.53 = 11765.06`.
    ///
    /// ### Known problems
    /// Rows whose amounts could not be placed in columns are skipped.
    T2RowSub, "T2-ROW-SUB", "收入总体情况表：财政拨款小计 = 各项拨款之和", "T2: fiscal subtotal = Σ appropriations, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rows_of(&T2RowSub::META, TableId::T2, Some("财政拨款(补助)小计"), doc, ctx)
}
