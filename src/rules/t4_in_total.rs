use super::{balance_lines, declare_rule, lookup, t1_in_total, Ctx, Document, SkipReason, SumSpec};
use crate::tables::{BalanceItem, IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支预算总表 (T4), the income side: 收入总计 = Σ its top-level lines (一、财政拨款
    /// or the budgets themselves — 一般公共预算, 政府性基金预算, 国有资本经营预算 — and the
    /// carry-over lines), or 本年收入合计 + the lines below it.
    ///
    /// ### Why
    /// The income side of the table lists every source of the fiscal money it spends; its total
    /// is their sum, as on the 收支总表 (T1-IN-TOTAL).
    ///
    /// ### Example
    /// `一、一般公共预算 15897.44 · 二、政府性基金预算 (blank) · 收入合计 15897.44` ✓.
    ///
    /// ### Known problems
    /// A top-level line that names no source of money (not 预算, 拨款, 收入, 结转 …) skips the
    /// check; so does a table without a 收入总计 amount. An income side printed without
    /// enumerated levels is left to T4-IN.
    T4InTotal, "T4-IN-TOTAL", "财政拨款收支总表：收入总计 = 各项收入之和", "T4: total income = Σ its sources", check: check
}

/// A top-level line of T4's income side: a budget's appropriation or any source T1 knows.
fn is_source(label: &str) -> bool {
    ["预算", "政府性基金", "国有资本"].iter().any(|k| label.contains(k))
        || t1_in_total::is_top_income(label)
        || balance_lines::is_income_source(label)
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T4InTotal::META;
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    let Some(total) = t4.income_total.as_ref().filter(|t| t.amount.is_some()) else {
        ctx.skip(meta, Some(TableId::T4), SkipReason::AmountMissing { item: "收入总计".into() }, None);
        return;
    };
    let parts: Vec<&BalanceItem> = match balance_lines::income_subtotal(t4) {
        Some(k) => std::iter::once(&t4.income[k]).chain(balance_lines::outermost(&t4.income[k + 1..])).collect(),
        None => {
            let tops: Vec<_> = t4.income.iter().filter(|i| i.level == IncomeLevel::Top).collect();
            if let Some(bad) = tops.iter().find(|i| !is_source(&i.label)) {
                let reason = SkipReason::UnrecognisedLine { item: bad.printed.clone() };
                ctx.skip(meta, Some(TableId::T4), reason, Some(bad.line));
                return;
            }
            tops
        }
    };
    // An income side printed without levels (`财政拨款(补助)` over the budgets, none enumerated)
    // has no top level to add: T4-IN checks it.
    if parts.is_empty() {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: Some(TableId::T4),
        place_zh: "T4 收入总计".into(),
        place_en: "T4 total income".into(),
        total: lookup::t4_term(total, doc),
        parts: parts.iter().map(|i| lookup::t4_term(i, doc)).collect(),
        row_span: balance_lines::line_span(doc, total),
    });
}
