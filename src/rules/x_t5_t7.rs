use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};

use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 一般公共预算项目支出情况表 (T7) against 一般公共预算支出情况表 (T5): T7 合计 = T5 项目支出
    /// 合计, and for every 项 code, T5 项目支出 = Σ T7 project rows with that code.
    ///
    /// ### Why
    /// T7 lists, project by project, the project expenditure T5 shows by code.
    ///
    /// ### Example
    /// T5 `2080109 项目支出 18.08` = T7 `9.90 + 8.18`.
    ///
    /// ### Known problems
    /// A 项 code in T5 with no T7 row is compared with zero, but only when T7 was read whole
    /// (its total row present).
    XT5T7, "X-T5-T7", "项目支出情况表与一般公共预算支出情况表一致", "T7 agrees with T5's project expenditure", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT5T7::META;
    let (Some(t7), Some(t5)) = (lookup::coded(meta, TableId::T7, doc, ctx), lookup::coded(meta, TableId::T5, doc, ctx))
    else {
        return;
    };
    if let (Some(r7), Some(r5)) = (lookup::total_row(t7), lookup::total_row(t5)) {
        if let (Some(a), Some(b)) =
            (lookup::cell(TableId::T7, t7, r7, &t7.columns[0], doc), lookup::cell(TableId::T5, t5, r5, "项目支出", doc))
        {
            lookup::equal(meta, TableId::T7, "T7 合计 = T5 项目支出".into(), "T7 total = T5 project".into(), a, b, ctx);
        }
    }
    if !lookup::complete(doc, TableId::T7) {
        ctx.skip(meta, Some(TableId::T7), super::SkipReason::Truncated { row: "T7 合计".into() }, None);
        return;
    }
    for r5 in t5.rows.iter().filter(|r| r.level() == 3) {
        let code = r5.code.as_deref().unwrap_or_default();
        let Some(total) = lookup::cell(TableId::T5, t5, r5, "项目支出", doc) else { continue };
        let projects: Vec<_> = t7.rows.iter().filter(|r| r.code.as_deref() == Some(code)).collect();
        let parts: Option<Vec<Term>> =
            projects.iter().map(|r| lookup::cell(TableId::T7, t7, r, &t7.columns[0], doc)).collect();
        let Some(parts) = parts else { continue };
        if total.span.is_none() && parts.iter().all(|p| p.span.is_none()) {
            continue;
        }
        ctx.check_sum(SumSpec {
            meta,
            table: Some(TableId::T5),
            place_zh: format!("T5 {code} 项目支出 = Σ T7 {code} 项目"),
            place_en: format!("T5 {code} project = Σ T7 {code} projects"),
            total,
            parts,
            row_span: r5.span.clone(),
        });
    }
}
