use super::{declare_rule, lookup, Ctx, Document, SkipReason, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// Each narrative item `A（类）B（款）C（项）：20XX 年预算数为 Y 万元` (情况说明, 一般公共预算
    /// 支出情况 (三)) equals the 合计 of the T5 row named C (under 款 B); an item printed by its
    /// code (`（五）2101102-事业单位医疗 28.50 万元`) equals the T5 row of that code.
    ///
    /// ### Why
    /// The narrative restates T5 item by item; a different figure is a typo or a stale draft.
    ///
    /// ### Example
    /// `行政运行（项）：2024 年预算数为 560.12 万元` = T5 `2080101 行政运行 560.12`.
    ///
    /// ### Known problems
    /// Rows are matched by name (spaces ignored); an item whose name is not in T5 (a 项 cut to 0
    /// this year, or worded differently) is listed as skipped. A coded item that matches T3's row
    /// of its code instead (a passage on all funds) is left to the T3 comparison.
    NtGpbDetail, "NT-GPB-DETAIL", "情况说明各项预算数 = 一般公共预算支出情况表", "narrative item amounts = T5 rows", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtGpbDetail::META;
    if doc.narrative.item_amounts().is_empty() {
        return;
    }
    let Some(t5) = lookup::coded(meta, TableId::T5, doc, ctx) else { return };
    for it in doc.narrative.item_amounts() {
        // The row of that code; else the 项 rows of that name, with several the one under the
        // named 款.
        let rows: Vec<_> = match &it.code {
            Some(code) => t5.rows.iter().filter(|r| r.code.as_ref() == Some(code)).collect(),
            None => t5.rows.iter().filter(|r| r.level() == 3 && r.name == it.item).collect(),
        };
        let row = match rows.as_slice() {
            [one] => Some(*one),
            [] => None,
            many => many.iter().copied().find(|r| {
                let kuan = r.code.as_deref().map(|c| &c[..5]);
                t5.rows.iter().any(|k| k.code.as_deref() == kuan && k.name == it.kuan)
            }),
        };
        let Some(row) = row else {
            ctx.skip(meta, None, SkipReason::UnrecognisedLine { item: format!("情况说明 {}(项)", it.item) }, None);
            continue;
        };
        let Some(cell) = lookup::cell(TableId::T5, t5, row, &t5.columns[0], doc) else { continue };
        let (v, h) = it.amount.value_wan();
        let printed = doc.text.get(it.amount.amount.span.clone()).unwrap_or("").to_string();
        let said = Term {
            value: v,
            half: h,
            decimals: it.amount.amount.decimals,
            printed,
            span: Some(it.amount.amount.span.clone()),
            what: format!("情况说明 {}(项)", it.item),
        };
        // A passage on all funds restates T3's row of that code instead: not this rule's.
        if it.code.is_some() && !near(&said, &cell) && t3_says(doc, it.code.as_deref(), &said) {
            continue;
        }
        lookup::equal(
            meta,
            TableId::T5,
            format!("情况说明 {}(项) 预算数 = T5 {}", it.item, row.code.as_deref().unwrap_or("")),
            format!("narrative {} = T5 {}", it.item, row.code.as_deref().unwrap_or("")),
            said,
            cell,
            ctx,
        );
    }
}

fn near(a: &Term, b: &Term) -> bool {
    (a.value - b.value).abs() <= a.half + b.half
}

/// Does T3's row of `code` hold the amount `said` (in its first column)?
fn t3_says(doc: &Document<'_>, code: Option<&str>, said: &Term) -> bool {
    let Some(t3) = doc.tables.iter().find(|t| t.id == TableId::T3).and_then(|t| t.coded()) else { return false };
    let Some(row) = t3.rows.iter().find(|r| r.code.as_deref() == code) else { return false };
    row.cells.first().and_then(|c| Term::from_cell(c, String::new(), doc.text)).is_some_and(|t| near(said, &t))
}
