use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支预算总体情况表 (T4), each column of the expenditure side: 支出总计 = Σ 类 lines.
    ///
    /// ### Why
    /// The classes are the complete breakdown of fiscal spending.
    ///
    /// ### Example
    /// `11765.06 + 13.87 + 22.20 = 11801.13`.
    ///
    /// ### Known problems
    /// A fund column is checked only when every line's cell in it is known.
    T4Col, "T4-COL", "财政拨款收支总表：支出总计 = Σ 类（各列）", "T4: total = Σ classes, per column", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T4Col::META;
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    let Some(total) = t4.expense_total.as_ref() else { return };
    let classes: Vec<_> = t4.expense.iter().filter(|i| i.code.is_some()).collect();
    if classes.is_empty() {
        return;
    }
    for (j, col) in ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"].iter().enumerate()
    {
        let parts: Option<Vec<Term>> = classes
            .iter()
            .map(|i| {
                lookup::t4_cell(i, j, doc)
                    .or_else(|| (i.amounts.is_empty()).then(|| Term::blank(format!("T4 {}", i.printed))))
            })
            .collect();
        let (Some(t), Some(parts)) = (lookup::t4_cell(total, j, doc), parts) else {
            ctx.skip(
                meta,
                Some(TableId::T4),
                super::SkipReason::AmbiguousColumns { row: format!("T4 支出总计 · {col}") },
                Some(total.line),
            );
            continue;
        };
        if t.span.is_none() && parts.iter().all(|p| p.span.is_none()) {
            continue;
        }
        let parts: Vec<Term> = parts.into_iter().filter(|p| p.span.is_some()).collect();
        ctx.check_sum(SumSpec {
            meta,
            table: Some(TableId::T4),
            place_zh: format!("T4 支出总计 · {col}（= Σ 类）"),
            place_en: format!("T4 total expenditure · {col} (= Σ classes)"),
            total: t,
            parts,
            row_span: doc.lines.get(total.line).map_or(0..0, |l| l.span.clone()),
        });
    }
}
