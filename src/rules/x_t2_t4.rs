use super::{declare_rule, lookup, Ctx, Document, SumSpec};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 财政拨款收支预算总体情况表 (T4), for each 类 and the total:
    /// T4 一般公共预算 = T2 一般公共预算 + 上级一般公共预算安排的转移支付 (likewise 政府性基金 and
    /// 国有资本经营预算 with their 上级 columns).
    ///
    /// ### Why
    /// T4 shows this year's fiscal appropriations by fund; T2 shows the same split by origin.
    ///
    /// ### Example
    /// T4 `208 一般公共预算 11765.06` = T2 `3971.53 + 7793.53`.
    ///
    /// ### Known problems
    /// T4 lines whose fund columns could not be placed are skipped.
    XT2T4, "X-T2-T4", "财政拨款收支总表各资金 = 收入表本级 + 上级", "T4 funds = T2 own + transfers, per class", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT2T4::META;
    let (Some(t2), Some(t4)) = (lookup::coded(meta, TableId::T2, doc, ctx), lookup::t4(meta, doc, ctx)) else { return };
    let funds = [
        (1, "一般公共预算", "上级一般公共预算安排的转移支付"),
        (2, "政府性基金预算", "上级政府性基金安排的转移支付"),
        (3, "国有资本经营预算", "上级国有资本经营预算安排的转移支付"),
    ];
    let lines = t4.expense.iter().filter(|i| i.code.is_some()).chain(t4.expense_total.iter());
    for item in lines {
        let r2 = match item.code.as_deref() {
            Some(code) => lookup::row(t2, code),
            None => lookup::total_row(t2),
        };
        let Some(r2) = r2 else { continue };
        let what = item.code.clone().unwrap_or_else(|| "合计".into());
        for (j, own, up) in funds {
            let Some(total) = lookup::t4_cell(item, j, doc) else { continue };
            // The 2023 template has no 上级国有资本 column: then the own column alone.
            let mut parts = Vec::new();
            let Some(o) = lookup::cell(TableId::T2, t2, r2, own, doc) else { continue };
            parts.push(o);
            if t2.columns.iter().any(|c| c == up) {
                let Some(u) = lookup::cell(TableId::T2, t2, r2, up, doc) else { continue };
                parts.push(u);
            }
            if total.span.is_none() && parts.iter().all(|p| p.span.is_none()) {
                continue;
            }
            ctx.check_sum(SumSpec {
                meta,
                table: Some(TableId::T4),
                place_zh: format!("T4 {what} {own} = T2 {own} + 上级"),
                place_en: format!("T4 {what} {own} = T2 own + transfers"),
                total,
                parts,
                row_span: doc.lines.get(item.line).map_or(0..0, |l| l.span.clone()),
            });
        }
    }
}
