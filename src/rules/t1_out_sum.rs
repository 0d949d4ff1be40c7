use super::{balance_lines, declare_rule, Ctx, Document, SkipReason, SumSpec};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 支出总计 = Σ the 功能分类 类 amounts (201 … 234), plus 年末结转结余
    /// where the template prints that line.
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
    let mut parts = Vec::new();
    for item in &b.expense {
        let carry_over = item.label.contains("结转") || item.label.contains("结余");
        if item.code.is_some() || (carry_over && item.amount.is_some()) {
            parts.push(balance_lines::term(item, doc.text));
        } else if item.amount.is_some() {
            ctx.skip(
                &T1OutSum::META,
                Some(TableId::T1),
                SkipReason::UnrecognisedLine { item: item.printed.clone() },
                Some(item.line),
            );
            return;
        }
    }
    if parts.is_empty() {
        ctx.skip(
            &T1OutSum::META,
            Some(TableId::T1),
            SkipReason::AmountMissing { item: "功能分类".into() },
            Some(total.line),
        );
        return;
    }
    ctx.check_sum(SumSpec {
        meta: &T1OutSum::META,
        table: Some(TableId::T1),
        place_zh: "T1 支出总计（= Σ 类）".into(),
        place_en: "T1 total expenditure (= Σ classes)".into(),
        total: balance_lines::term(total, doc.text),
        parts,
        row_span: balance_lines::line_span(doc, total),
    });
}
