use super::{balance_lines, declare_rule, Ctx, Document, SkipReason, SumSpec};
use crate::tables::{BalanceItem, IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 收入总计 = 一、本年收入 + 二、上年结转结余 (+ 使用非财政拨款结余 /
    /// 用事业基金弥补收支差额 where printed). Where the table prints a subtotal `本年收入合计`,
    /// 收入总计 = 本年收入合计 + the lines below it; where it lists the sources at the top level
    /// (`一、财政拨款收入 … 七、其他收入`) with no subtotal, 收入总计 = Σ those lines.
    ///
    /// ### Why
    /// The income total is this year's income plus what is carried over; a mismatch means one of
    /// the top-level income lines or the total is wrong.
    ///
    /// ### Example
    /// `11801.13 + 130.20 = 11931.33` ✓.
    ///
    /// ### Known problems
    /// A top-level income line with a label the checker does not know skips the check, since it
    /// may be a subtotal of other lines.
    T1InTotal, "T1-IN-TOTAL", "收支总体情况表：收入总计 = 本年收入 + 上年结转结余", "T1: total income = this year's income + carry-over", check: check
}

/// Top-level income lines that add up to 收入总计.
pub fn is_top_income(label: &str) -> bool {
    label.contains("本年收入")
        || label.contains("上年结转")
        || label.contains("上年结余")
        || label.contains("使用非财政拨款结余")
        || label.contains("事业基金弥补")
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = balance_lines::table(&T1InTotal::META, doc, ctx) else { return };
    let Some(total) = b.income_total.as_ref().filter(|t| t.amount.is_some()) else {
        ctx.skip(&T1InTotal::META, Some(TableId::T1), SkipReason::AmountMissing { item: "收入总计".into() }, None);
        return;
    };
    let parts: Vec<&BalanceItem> = match balance_lines::income_subtotal(b) {
        // `本年收入合计` then the carry-over lines below it.
        Some(k) => std::iter::once(&b.income[k]).chain(balance_lines::outermost(&b.income[k + 1..])).collect(),
        None => {
            let tops: Vec<_> = b.income.iter().filter(|i| i.level == IncomeLevel::Top).collect();
            let known = |i: &&BalanceItem| is_top_income(&i.label) || balance_lines::is_income_source(&i.label);
            if let Some(bad) = tops.iter().find(|i| !known(i)) {
                let reason = SkipReason::UnrecognisedLine { item: bad.printed.clone() };
                ctx.skip(&T1InTotal::META, Some(TableId::T1), reason, Some(bad.line));
                return;
            }
            tops
        }
    };
    if parts.is_empty() {
        let reason = SkipReason::AmountMissing { item: "本年收入".into() };
        ctx.skip(&T1InTotal::META, Some(TableId::T1), reason, Some(total.line));
        return;
    }
    ctx.check_sum(SumSpec {
        meta: &T1InTotal::META,
        table: Some(TableId::T1),
        place_zh: "T1 收入总计".into(),
        place_en: "T1 total income".into(),
        total: balance_lines::term(total, doc.text),
        parts: parts.iter().map(|i| balance_lines::term(i, doc.text)).collect(),
        row_span: balance_lines::line_span(doc, total),
    });
}
