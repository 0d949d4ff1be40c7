use super::{balance_lines, declare_rule, Ctx, Document, SkipReason, SumSpec};
use crate::tables::{BalanceTable, IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 一、本年收入 = 1.一般公共预算拨款 + 2.政府性基金预算拨款 + 3.国有资本经营预算拨款 + 4.财政专户核拨 + 5.单位资金.
    /// Where the table prints the sources at the top level and a subtotal below them
    /// (`一、财政拨款 … 七、其他收入`, `本年收入合计`): 本年收入合计 = Σ those lines.
    ///
    /// ### Why
    /// The numbered lines are the complete breakdown of this year's income by source.
    ///
    /// ### Example
    /// `一、本年收入 11801.13` = `1.一般公共预算拨款 11801.13` + blanks ✓.
    ///
    /// ### Known problems
    /// A numbered line with a label the checker does not know skips the check.
    T1InCur, "T1-IN-CUR", "收支总体情况表：本年收入 = 各项收入之和", "T1: this year's income = Σ its numbered lines", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = balance_lines::table(&T1InCur::META, doc, ctx) else { return };
    if let Some(k) = balance_lines::income_subtotal(b) {
        check_subtotal(doc, ctx, b, k);
        return;
    }
    balance_lines::check_income_parent(
        &T1InCur::META,
        doc,
        ctx,
        |l| l.contains("本年收入"),
        IncomeLevel::Top,
        |l| l.ends_with("拨款") || l.contains("财政专户") || l.contains("单位资金"),
    );
}

/// `本年收入合计` = Σ the outermost income lines above it, each a source of money.
fn check_subtotal(doc: &Document<'_>, ctx: &mut Ctx, b: &BalanceTable, k: usize) {
    let sub = &b.income[k];
    let parts = balance_lines::outermost(&b.income[..k]);
    if let Some(bad) = parts.iter().find(|i| !balance_lines::is_income_source(&i.label)) {
        let reason = SkipReason::UnrecognisedLine { item: bad.printed.clone() };
        ctx.skip(&T1InCur::META, Some(TableId::T1), reason, Some(bad.line));
        return;
    }
    if parts.is_empty() || (sub.amount.is_none() && parts.iter().all(|i| i.amount.is_none())) {
        return;
    }
    ctx.check_sum(SumSpec {
        meta: &T1InCur::META,
        table: Some(TableId::T1),
        place_zh: format!("T1 {}", sub.printed),
        place_en: format!("T1 {}", sub.printed),
        total: balance_lines::term(sub, doc.text),
        parts: parts.iter().map(|i| balance_lines::term(i, doc.text)).collect(),
        row_span: balance_lines::line_span(doc, sub),
    });
}
