use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支预算总体情况表 (T4): 收入总计 = 支出总计.
    ///
    /// ### Why
    /// Fiscal appropriations received are planned to be spent in full.
    ///
    /// ### Example
    /// `收入总计 11801.13 … 支出总计 11801.13`.
    ///
    /// ### Known problems
    /// Needs both totals read.
    T4Bal, "T4-BAL", "财政拨款收支总表：收入总计 = 支出总计", "T4: total income = total expenditure", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T4Bal::META;
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    let (Some(inc), Some(exp)) = (t4.income_total.as_ref(), t4.expense_total.as_ref()) else { return };
    let (Some(a), Some(b)) = (lookup::t4_cell(exp, 0, doc), inc.amount.as_ref().map(|_| lookup::t4_term(inc, doc)))
    else {
        return;
    };
    lookup::equal(
        meta,
        TableId::T4,
        "T4 支出总计 = 收入总计".into(),
        "T4 total expenditure = total income".into(),
        a,
        b,
        ctx,
    );
}
