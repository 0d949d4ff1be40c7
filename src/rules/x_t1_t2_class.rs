use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 收支总体情况表 (T1): each T2 类 row's 总计 = the T1 expenditure
    /// line of the same 类.
    ///
    /// ### Why
    /// Income arranged for a functional class equals what T1 shows is spent on it.
    ///
    /// ### Example
    /// T2 `208 11865.36` = T1 `208 社会保障和就业支出 11865.36`.
    ///
    /// ### Known problems
    /// Classes T2 does not print are not compared.
    XT1T2Class, "X-T1-T2-CLASS", "收入总体情况表各类 = 收支总表各类支出", "T2 class totals = T1 class lines", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT1T2Class::META;
    let (Some(t2), Some(t1)) =
        (lookup::coded(meta, TableId::T2, doc, ctx), super::balance_lines::table(meta, doc, ctx))
    else {
        return;
    };
    for item in t1.expense.iter().filter(|i| i.code.is_some()) {
        let code = item.code.as_deref().unwrap_or_default();
        let Some(a) = lookup::row(t2, code).and_then(|r| lookup::cell(TableId::T2, t2, r, &t2.columns[0], doc)) else {
            continue;
        };
        lookup::equal(
            meta,
            TableId::T2,
            format!("T2 {code} 总计 = T1 {code}"),
            format!("T2 {code} = T1 {code}"),
            a,
            lookup::t1_term(item, doc),
            ctx,
        );
    }
}
