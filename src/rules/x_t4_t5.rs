use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 一般公共预算支出情况表 (T5) against 财政拨款收支预算总体情况表 (T4): T5's 合计 = T4's
    /// 一般公共预算 column, in total and for each 类.
    ///
    /// ### Why
    /// T5 details exactly the 一般公共预算 appropriation that T4 shows by class.
    ///
    /// ### Example
    /// T5 `208 11765.06` = T4 `208 一般公共预算 11765.06`.
    ///
    /// ### Known problems
    /// T4 lines whose fund columns could not be placed are skipped, and so are classes T5 does
    /// not print.
    XT4T5, "X-T4-T5", "一般公共预算支出情况表与财政拨款收支总表一致", "T5 agrees with T4's general-budget column", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT4T5::META;
    let (Some(t5), Some(t4)) = (lookup::coded(meta, TableId::T5, doc, ctx), lookup::t4(meta, doc, ctx)) else { return };
    let pairs = t4
        .expense
        .iter()
        .filter(|i| i.code.is_some())
        .map(|i| (i, i.code.as_deref().and_then(|c| lookup::row(t5, c))))
        .chain(t4.expense_total.iter().map(|i| (i, lookup::total_row(t5))));
    for (item, row) in pairs {
        let Some(b) = lookup::t4_cell(item, 1, doc) else { continue };
        // A class T5 does not print is not compared here (the totals catch a missing class;
        // a paste cut off inside T5 must not read as one).
        let Some(a) = row.and_then(|r| lookup::cell(TableId::T5, t5, r, &t5.columns[0], doc)) else { continue };
        let what = item.code.clone().unwrap_or_else(|| "合计".into());
        lookup::equal(
            meta,
            TableId::T5,
            format!("T5 {what} 合计 = T4 {what} 一般公共预算"),
            format!("T5 {what} total = T4 {what} general budget"),
            a,
            b,
            ctx,
        );
    }
}
