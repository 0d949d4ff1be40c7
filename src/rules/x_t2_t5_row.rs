use super::{declare_rule, lookup, Ctx, Document, SumSpec};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 一般公共预算支出情况表 (T5): for every code (and the total row),
    /// T5 合计 = T2 一般公共预算 + 上级一般公共预算安排的转移支付.
    ///
    /// ### Why
    /// T5 spends exactly this year's general-budget appropriation, own and transferred.
    ///
    /// ### Example
    /// T5 `20806 740.28` = T2 `519.93 + 220.35`.
    ///
    /// ### Known problems
    /// Rows whose T2 fund columns could not be placed are not compared.
    XT2T5Row, "X-T2-T5-ROW", "一般公共预算支出 = 收入表一般公共预算 + 上级转移支付", "T5 total = T2 general budget + transfers, code by code", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT2T5Row::META;
    let (Some(t2), Some(t5)) = (lookup::coded(meta, TableId::T2, doc, ctx), lookup::coded(meta, TableId::T5, doc, ctx))
    else {
        return;
    };
    for r5 in &t5.rows {
        let r2 = match r5.code.as_deref() {
            Some(code) => lookup::row(t2, code),
            None if r5.is_total => lookup::total_row(t2),
            None => None,
        };
        let Some(r2) = r2 else { continue };
        let what = r5.code.clone().unwrap_or_else(|| "合计".into());
        let (Some(total), Some(own), Some(up)) = (
            lookup::cell(TableId::T5, t5, r5, &t5.columns[0], doc),
            lookup::cell(TableId::T2, t2, r2, "一般公共预算", doc),
            lookup::cell(TableId::T2, t2, r2, "上级一般公共预算安排的转移支付", doc),
        ) else {
            continue;
        };
        if total.span.is_none() && own.span.is_none() && up.span.is_none() {
            continue;
        }
        ctx.check_sum(SumSpec {
            meta,
            table: Some(TableId::T5),
            place_zh: format!("T5 {what} 合计 = T2 一般公共预算 + 上级转移支付"),
            place_en: format!("T5 {what} total = T2 general budget + transfers"),
            total,
            parts: vec![own, up],
            row_span: r5.span.clone(),
        });
    }
}
