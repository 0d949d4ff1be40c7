use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 一般公共预算基本支出情况表 (T6) against 一般公共预算支出情况表 (T5): T6 合计 = T5 基本支出 合计
    /// (and T6 人员经费 + 公用经费 are its split).
    ///
    /// ### Why
    /// T6 breaks T5's basic expenditure down by economic class.
    ///
    /// ### Example
    /// T6 `合计 637.60` = T5 `基本支出 637.60`.
    ///
    /// ### Known problems
    /// Needs both totals read.
    XT5T6, "X-T5-T6", "基本支出情况表合计 = 一般公共预算基本支出", "T6 total = T5 basic expenditure", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT5T6::META;
    let (Some(t6), Some(t5)) = (lookup::coded(meta, TableId::T6, doc, ctx), lookup::coded(meta, TableId::T5, doc, ctx))
    else {
        return;
    };
    let (Some(r6), Some(r5)) = (lookup::total_row(t6), lookup::total_row(t5)) else { return };
    if let (Some(a), Some(b)) =
        (lookup::cell(TableId::T6, t6, r6, &t6.columns[0], doc), lookup::cell(TableId::T5, t5, r5, "基本支出", doc))
    {
        lookup::equal(meta, TableId::T6, "T6 合计 = T5 基本支出".into(), "T6 total = T5 basic".into(), a, b, ctx);
    }
}
