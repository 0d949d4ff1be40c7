use super::{declare_rule, nt_out_amt::section_totals, Ctx, Document};
use crate::narrative::Part;
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In the 一般公共预算当年拨款情况说明, `一般公共预算拨款合计 X 万元，其中：基本支出 …，项目
    /// 支出 …` equal T5's 合计 row (合计, 基本支出, 项目支出; current-year appropriation, no
    /// carry-over).
    ///
    /// ### Why
    /// The section's scale paragraph restates T5's totals (the catalogue's NT-GPB-SCALE).
    ///
    /// ### Example
    /// S0 `项目支出 11163.53 万元` = T5 合计 项目支出 11163.53.
    ///
    /// ### Known problems
    /// The total is bound by the words `一般公共预算拨款合计` / `一般公共预算当年拨款` /
    /// `一般公共预算支出`; other wordings are not compared.
    NtGpbScale, "NT-GPB-SCALE", "一般公共预算当年拨款规模 = 一般公共预算支出表合计", "general-budget scale = T5 totals", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtGpbScale::META;
    section_totals(
        meta,
        doc,
        ctx,
        Part::Gpb,
        TableId::T5,
        &["一般公共预算拨款合计", "一般公共预算当年", "一般公共预算当年拨款合计", "一般公共预算支出"],
    );
}
