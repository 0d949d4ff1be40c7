use super::{bind, declare_rule, lookup, nt_out_amt::section_totals, Ctx, Document, Severity};
use crate::narrative::Part;
use crate::tables::TableId;

declare_rule! {
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
    /// Without T6 (the 10-table template) the total is compared with T5's 基本支出 instead.
    NtBasic, "NT-BASIC", "基本支出说明的金额 = 基本支出表合计", "basic-expenditure section total = T6 total", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtBasic::META;
    if doc.table(TableId::T6).is_some() {
        section_totals(meta, doc, ctx, Part::Basic, TableId::T6, &["一般公共预算基本支出"]);
        return;
    }
    // Without T6 (the 10-table template), T5's 基本支出 is the same total.
    let mut claims = bind::claims(doc, Part::Basic)
        .filter(|c| matches!(bind::canon(&c.label).as_str(), "一般公共预算基本支出" | "基本支出"))
        .peekable();
    if claims.peek().is_none() {
        return;
    }
    let Some(t5) = lookup::coded(meta, TableId::T5, doc, ctx) else { return };
    let basic = lookup::total_row(t5).and_then(|r| lookup::cell(TableId::T5, t5, r, "基本支出", doc));
    for c in claims {
        bind::compare(meta, c, basic.clone(), Severity::Error, doc, ctx);
    }
}
