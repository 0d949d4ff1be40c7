use super::{declare_rule, lookup, Ctx, Document, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 收支总体情况表 (T1): T2's 合计 row, column by column, equals the
    /// T1 income lines: 一般公共预算 = 其中：一般财力; 上级一般公共预算安排的转移支付 = 上级一般公共
    /// 预算安排转移支付; 财政拨款结转 = 1.财政拨款结转; 单位资金 = 5.单位资金; and so on.
    ///
    /// ### Why
    /// Both tables break the same income down by source.
    ///
    /// ### Example
    /// T2 `合计 · 一般公共预算 4007.60` = T1 `其中：一般财力 4007.60`.
    ///
    /// ### Known problems
    /// Where T2's total row lost its blank cells, its columns were placed by this very
    /// correspondence; the check then only confirms the amounts match some placement.
    XT1T2Cols, "X-T1-T2-COLS", "收入总体情况表合计行与收支总表各收入项一致", "T2 total row = T1 income lines, column by column", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT1T2Cols::META;
    let (Some(t2), Some(t1)) =
        (lookup::coded(meta, TableId::T2, doc, ctx), super::balance_lines::table(meta, doc, ctx))
    else {
        return;
    };
    let Some(want) = crate::tables::t1_values_for_t2(t2, t1) else {
        ctx.skip(meta, Some(TableId::T2), super::SkipReason::UnrecognisedLine { item: "T1 收入项".into() }, None);
        return;
    };
    let Some(total) = lookup::total_row(t2) else { return };
    for (j, named) in t2.columns.iter().enumerate().skip(1) {
        let col = crate::tables::column_label(named);
        let Some(a) = lookup::cell(TableId::T2, t2, total, named, doc) else { continue };
        let Some(w) = want.get(j) else { continue };
        // T1's figure as a term (its span: the matching T1 line, found by value).
        let b = match w {
            Some(v) => {
                let item = t1.income.iter().find(|i| i.amount.as_ref().is_some_and(|x| x.value == *v));
                match item {
                    Some(i) => lookup::t1_term(i, doc),
                    None => Term {
                        value: *v,
                        half: rust_decimal::Decimal::new(5, 3),
                        decimals: 2,
                        printed: v.to_string(),
                        span: None,
                        what: format!("T1 {col}"),
                    },
                }
            }
            None => Term::blank(format!("T1 {col}")),
        };
        lookup::equal(meta, TableId::T2, format!("T2 合计 · {col} = T1"), format!("T2 total · {col} = T1"), a, b, ctx);
    }
}
