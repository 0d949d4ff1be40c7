use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 收支总体情况表 (T1): T2 合计 总计 = T1 收入总计.
    ///
    /// ### Why
    /// Both tables show all income; their totals are one figure.
    ///
    /// ### Example
    /// T2 `合计 11931.33` = T1 `收入总计 11931.33`.
    ///
    /// ### Known problems
    /// Needs both totals read.
    XT1T2Tot, "X-T1-T2-TOT", "收入总体情况表合计 = 收支总表收入总计", "T2 total = T1 total income", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT1T2Tot::META;
    let (Some(t2), Some(t1)) =
        (lookup::coded(meta, TableId::T2, doc, ctx), super::balance_lines::table(meta, doc, ctx))
    else {
        return;
    };
    let (Some(r2), Some(inc)) = (lookup::total_row(t2), t1.income_total.as_ref()) else { return };
    if let Some(a) = lookup::cell(TableId::T2, t2, r2, &t2.columns[0], doc) {
        lookup::equal(
            meta,
            TableId::T2,
            "T2 合计 = T1 收入总计".into(),
            "T2 total = T1 total income".into(),
            a,
            lookup::t1_term(inc, doc),
            ctx,
        );
    }
}
