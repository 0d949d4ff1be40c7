use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 支出总体情况表 (T3): for every code (and the total row),
    /// T2 总计 = T3 合计.
    ///
    /// ### Why
    /// A budget balances code by code: income arranged for a function is spent on it.
    ///
    /// ### Example
    /// T2 `20806 831.38` = T3 `20806 831.38`.
    ///
    /// ### Known problems
    /// A code printed in only one of the two tables is not compared.
    XT2T3Row, "X-T2-T3-ROW", "收入总体情况表与支出总体情况表逐行一致", "T2 total = T3 total, code by code", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT2T3Row::META;
    let (Some(t2), Some(t3)) = (lookup::coded(meta, TableId::T2, doc, ctx), lookup::coded(meta, TableId::T3, doc, ctx))
    else {
        return;
    };
    for r2 in &t2.rows {
        let r3 = match r2.code.as_deref() {
            Some(code) => lookup::row(t3, code),
            None if r2.is_total => lookup::total_row(t3),
            None => None,
        };
        let Some(r3) = r3 else { continue };
        let what = r2.code.clone().unwrap_or_else(|| "合计".into());
        if let (Some(a), Some(b)) = (
            lookup::cell(TableId::T2, t2, r2, &t2.columns[0], doc),
            lookup::cell(TableId::T3, t3, r3, &t3.columns[0], doc),
        ) {
            lookup::equal(
                meta,
                TableId::T2,
                format!("T2 {what} 总计 = T3 {what} 合计"),
                format!("T2 {what} = T3 {what}"),
                a,
                b,
                ctx,
            );
        }
    }
}
