use super::{balance_lines, declare_rule, Ctx, Document, SkipReason, SumSpec, Term};
use crate::tables::{BalanceItem, IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 支出总计 = Σ the 功能分类 类 amounts (201 … 234), plus 年末结转结余
    /// where the template prints that line. A 类 is read by its code or, where the province
    /// prints none, by its national name; enumerated lines (`二十五、上缴上级支出`) are parts too,
    /// and the 款/项 lines printed further right under a 类 are not. Where the table prints
    /// `本年支出合计`: 本年支出合计 = Σ 类, and 支出总计 = 本年支出合计 + the lines below it.
    ///
    /// ### Why
    /// The right side of T1 lists all expenditure by functional class; the classes must add up to
    /// the total.
    ///
    /// ### Example
    /// `11865.36 + 13.87 + 22.20 + 29.90 = 11931.33` ✓.
    ///
    /// ### Known problems
    /// An expenditure line with an amount and no 类 code that is not a carry-over line (for
    /// example a 基本支出/项目支出 split) skips the check, since it may double count.
    T1OutSum, "T1-OUT-SUM", "收支总体情况表：支出总计 = Σ 类", "T1: total expenditure = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = balance_lines::table(&T1OutSum::META, doc, ctx) else { return };
    let Some(total) = b.expense_total.as_ref().filter(|t| t.amount.is_some()) else {
        ctx.skip(&T1OutSum::META, Some(TableId::T1), SkipReason::AmountMissing { item: "支出总计".into() }, None);
        return;
    };
    let sub = b.expense.iter().position(|i| balance_lines::is_subtotal(&i.label) && i.label.contains("支出"));
    let above = &b.expense[..sub.unwrap_or(b.expense.len())];
    let parts = match outer_lines(above) {
        Ok(parts) if !parts.is_empty() => parts,
        Ok(_) => {
            let reason = SkipReason::AmountMissing { item: "功能分类".into() };
            ctx.skip(&T1OutSum::META, Some(TableId::T1), reason, Some(total.line));
            return;
        }
        Err(bad) => {
            let reason = SkipReason::UnrecognisedLine { item: bad.printed.clone() };
            ctx.skip(&T1OutSum::META, Some(TableId::T1), reason, Some(bad.line));
            return;
        }
    };
    let terms = |items: &[&BalanceItem]| items.iter().map(|i| balance_lines::term(i, doc.text)).collect();
    let Some(k) = sub else {
        sum(doc, ctx, total, terms(&parts), ("T1 支出总计（= Σ 类）", "T1 total expenditure (= Σ classes)"));
        return;
    };
    // `本年支出合计` = Σ 类; 支出总计 = 本年支出合计 + the carry-over lines below it.
    let subtotal = &b.expense[k];
    sum(doc, ctx, subtotal, terms(&parts), ("T1 本年支出合计（= Σ 类）", "T1 this year's expenditure (= Σ classes)"));
    let below: Vec<&BalanceItem> = std::iter::once(subtotal).chain(&b.expense[k + 1..]).collect();
    sum(doc, ctx, total, terms(&below), ("T1 支出总计", "T1 total expenditure"));
}

/// The outermost expenditure lines, which add up to the total: 类 (by code or name), enumerated
/// lines (`二十五、上缴上级支出`) and carry-over lines. Lines printed further right under a 类
/// (its 款 and 项) are left out. `Err` names an outermost line with an amount that is none of
/// these (a 基本支出/项目支出 split may double count).
fn outer_lines(items: &[BalanceItem]) -> Result<Vec<&BalanceItem>, &BalanceItem> {
    let mut parts = Vec::new();
    // The indent of the 类 the lines below belong to.
    let mut class_indent: Option<usize> = None;
    for (k, item) in items.iter().enumerate() {
        if balance_lines::is_heading(items, k) {
            // `一、部门预算` over `1、一般公共服务支出` …: the 类 below it are the parts.
            continue;
        }
        let carry_over = item.label.contains("结转") || item.label.contains("结余");
        if item.code.is_some() || item.level == IncomeLevel::Top || (carry_over && item.amount.is_some()) {
            class_indent = item.code.is_some().then_some(item.indent);
            parts.push(item);
        } else if class_indent.is_some_and(|c| item.indent > c) {
            // A 款 or 项 under its 类.
        } else if item.amount.is_some() {
            return Err(item);
        }
    }
    Ok(parts)
}

fn sum(doc: &Document<'_>, ctx: &mut Ctx, total: &BalanceItem, parts: Vec<Term>, place: (&str, &str)) {
    ctx.check_sum(SumSpec {
        meta: &T1OutSum::META,
        table: Some(TableId::T1),
        place_zh: place.0.into(),
        place_en: place.1.into(),
        total: balance_lines::term(total, doc.text),
        parts,
        row_span: balance_lines::line_span(doc, total),
    });
}
