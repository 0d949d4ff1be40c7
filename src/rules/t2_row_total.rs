use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 收入总体情况表 (T2), every row: 总计 = 财政拨款(补助)小计 + 财政专户 + 单位资金 +
    /// 财政拨款结转 + 非财政拨款结转结余.
    ///
    /// ### Why
    /// Income by code is split by source; the sources add up to the row total.
    ///
    /// ### Example
    /// `208 … 11865.36 = 11765.06 + 100.30` (the 结转 amount realigned, HZ-12).
    ///
    /// ### Known problems
    /// Rows whose amounts could not be placed in columns are skipped.
    T2RowTotal, "T2-ROW-TOTAL", "收入总体情况表：总计 = 小计 + 其他来源", "T2: total = fiscal subtotal + other sources, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rows_of(&T2RowTotal::META, TableId::T2, Some("总计"), doc, ctx)
}
