use super::{bind, declare_rule, lookup, Ctx, Document, Severity};
use crate::narrative::Part;
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In the 财政拨款收支预算情况的总体说明, the income by fund (`一般公共预算拨款 X 万元`) equals
    /// T4's income line, and each class of expenditure (`社会保障和就业支出 Y 万元，主要用于…`)
    /// equals T4's line of that class (支出 合计).
    ///
    /// ### Why
    /// The section restates T4 (the catalogue's NT-FIS).
    ///
    /// ### Example
    /// S0 `卫生健康支出 13.87 万元` = T4 `210 卫生健康支出 13.87`.
    ///
    /// ### Known problems
    /// A class is bound by its exact name; a class the text names otherwise is not compared. A
    /// class amount that equals one fund's column of the T4 line (a class funded from two funds,
    /// the text speaking of one) passes.
    NtFis, "NT-FIS", "财政拨款收支说明的金额 = 财政拨款收支总表", "fiscal-appropriation section amounts = T4", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtFis::META;
    let mut claims = bind::claims(doc, Part::Fiscal).peekable();
    if claims.peek().is_none() {
        return;
    }
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    let income = bind::index(t4.income.iter().map(|i| (bind::canon(&i.label), i)));
    let classes = bind::index(t4.expense.iter().filter(|i| i.code.is_some()).map(|i| (bind::canon(&i.label), i)));
    for c in claims {
        let key = bind::canon(&c.label);
        if key.chars().count() < 4 {
            continue;
        }
        if let Some(item) = income.get(&key) {
            bind::compare(meta, c, bind::balance_term(TableId::T4, item, doc), Severity::Error, doc, ctx);
        } else if let Some(item) = classes.get(&key) {
            // The class's total, or one fund's column of it (`一般公共预算支出包括：…`).
            let said = bind::said(c, doc);
            let cols: Vec<_> = (0..4).filter_map(|j| lookup::t4_cell(item, j, doc)).collect();
            let fund = cols.iter().skip(1).find(|t| super::agrees(&said, t));
            bind::compare(meta, c, fund.cloned().or_else(|| cols.first().cloned()), Severity::Error, doc, ctx);
        }
    }
}
