use super::{declare_rule, lookup, Ctx, Document, SkipReason};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 支出总体情况表 (T3) against 收支总体情况表 (T1): T3's 合计 = T1 支出总计, and each T3 类 row's
    /// 合计 = the T1 expenditure line of the same 类.
    ///
    /// ### Why
    /// Both tables show all expenditure (carry-over included) by functional class.
    ///
    /// ### Example
    /// T3 `合计 11931.33` = T1 `支出总计 11931.33`; T3 `208 11865.36` = T1 `208 11865.36`.
    ///
    /// ### Known problems
    /// A class T3 does not print is skipped (listed), not compared with zero.
    XT1T3, "X-T1-T3", "支出总体情况表与收支总体情况表一致", "T3 agrees with T1 (total and classes)", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT1T3::META;
    let (Some(t3), Some(t1)) =
        (lookup::coded(meta, TableId::T3, doc, ctx), super::balance_lines::table(meta, doc, ctx))
    else {
        return;
    };
    if let (Some(total), Some(exp)) = (lookup::total_row(t3), t1.expense_total.as_ref()) {
        if let Some(a) = lookup::cell(TableId::T3, t3, total, &t3.columns[0], doc) {
            lookup::equal(
                meta,
                TableId::T3,
                "T3 合计 = T1 支出总计".into(),
                "T3 total = T1 total expenditure".into(),
                a,
                lookup::t1_term(exp, doc),
                ctx,
            );
        }
    }
    for item in t1.expense.iter().filter(|i| i.code.is_some()) {
        let code = item.code.as_deref().unwrap_or_default();
        let Some(row) = lookup::row(t3, code) else {
            if item.amount.is_some() {
                ctx.skip(
                    meta,
                    Some(TableId::T3),
                    SkipReason::AmountMissing { item: format!("T3 {code}") },
                    Some(item.line),
                );
            }
            continue;
        };
        if let Some(a) = lookup::cell(TableId::T3, t3, row, &t3.columns[0], doc) {
            lookup::equal(
                meta,
                TableId::T3,
                format!("T3 {code} 合计 = T1 {code}"),
                format!("T3 {code} total = T1 {code}"),
                a,
                lookup::t1_term(item, doc),
                ctx,
            );
        }
    }
}
