use super::{balance_lines, declare_rule, Ctx, Document, SkipReason, SumSpec};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 收入总计 = 支出总计.
    ///
    /// ### Why
    /// A budget balances: everything received (this year's income plus carry-over) is planned
    /// to be spent.
    ///
    /// ### Example
    /// `收 入 总 计 11931.33 … 支 出 总 计 11931.33` ✓.
    ///
    /// ### Known problems
    /// When either total is not printed or could not be read, the check is skipped.
    T1Bal, "T1-BAL", "收支总体情况表：收入总计 = 支出总计", "T1: total income = total expenditure", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = balance_lines::table(&T1Bal::META, doc, ctx) else { return };
    let (Some(inc), Some(exp)) = (&b.income_total, &b.expense_total) else {
        ctx.skip(&T1Bal::META, Some(TableId::T1), SkipReason::AmountMissing { item: "收入总计/支出总计".into() }, None);
        return;
    };
    if inc.amount.is_none() || exp.amount.is_none() {
        ctx.skip(
            &T1Bal::META,
            Some(TableId::T1),
            SkipReason::AmountMissing { item: "收入总计/支出总计".into() },
            Some(inc.line),
        );
        return;
    }
    ctx.check_sum(SumSpec {
        meta: &T1Bal::META,
        table: Some(TableId::T1),
        place_zh: "T1 支出总计 = 收入总计".into(),
        place_en: "T1 total expenditure = total income".into(),
        total: balance_lines::term(exp, doc.text),
        parts: vec![balance_lines::term(inc, doc.text)],
        row_span: balance_lines::line_span(doc, exp),
    });
}
