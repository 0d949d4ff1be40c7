use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 收入总体情况表 (T2) against 上年结转结余情况明细表 (T11): T2 合计 · 财政拨款结转 = T11 合计 ·
    /// 财政拨款合计, and T2 合计 · 非财政拨款结转结余 = T11 合计 · 非财政拨款合计.
    ///
    /// ### Why
    /// Both show the carry-over, by fiscal and non-fiscal source.
    ///
    /// ### Example
    /// T2 `130.20` = T11 `130.20`.
    ///
    /// ### Known problems
    /// Needs both total rows with their columns read.
    XT2T11, "X-T2-T11", "收入表结转 = 结转结余明细表合计", "T2 carry-over columns = T11 totals", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT2T11::META;
    let (Some(t2), Some((t11, _))) =
        (lookup::coded(meta, TableId::T2, doc, ctx), lookup::labelled(meta, TableId::T11, doc, ctx))
    else {
        return;
    };
    let (Some(r2), Some(r11)) = (lookup::total_row(t2), t11.rows.iter().find(|r| r.is_total && r.problem.is_none()))
    else {
        return;
    };
    for (c2, c11) in [("财政拨款结转", "财政拨款合计"), ("非财政拨款结转结余", "非财政拨款合计")]
    {
        let Some(a) = lookup::cell(TableId::T2, t2, r2, c2, doc) else { continue };
        let Some(j) = t11.columns.iter().position(|c| c == c11) else { continue };
        let Some(b) = r11.cells.get(j).and_then(|c| super::Term::from_cell(c, format!("T11 合计 {c11}"), doc.text))
        else {
            continue;
        };
        lookup::equal(
            meta,
            TableId::T2,
            format!("T2 合计 · {c2} = T11 {c11}"),
            format!("T2 total · {c2} = T11 {c11}"),
            a,
            b,
            ctx,
        );
    }
}
