use super::{nt_out_amt::section_totals, table_rule};
use crate::narrative::Part;
use crate::tables::TableId;

table_rule! {
    /// ### What it checks
    /// In the 一般公共预算基本支出情况说明, the total `一般公共预算基本支出 X 万元` equals T6's
    /// 合计 (人员经费 and 公用经费 are NT-AMOUNT's).
    ///
    /// ### Why
    /// T6 details exactly the basic expenditure the section states (the catalogue's NT-BASIC).
    ///
    /// ### Example
    /// S0 `一般公共预算基本支出 637.60 万元` = T6 合计 637.60.
    ///
    /// ### Known problems
    /// Without T6 (the 10-table template) the total is not compared here; X-T5-T6 and NT-AMOUNT
    /// tie 人员经费 + 公用经费 to T5's 基本支出 instead.
    NtBasic, "NT-BASIC", "基本支出说明的金额 = 基本支出表合计", "basic-expenditure section total = T6 total",
    |doc, ctx| {
        let meta = &NtBasic::META;
        if doc.table(TableId::T6).is_none() {
            return;
        }
        section_totals(meta, doc, ctx, Part::Basic, TableId::T6, &["一般公共预算基本支出"]);
    }
}
