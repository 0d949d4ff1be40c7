use super::{declare_rule, lookup, Ctx, Document, Term};
use crate::tables::{TableId, TableStatus};

declare_rule! {
    /// ### What it checks
    /// 政府性基金预算支出情况表 (T8) and 国有资本经营预算支出情况表 (T9) against 财政拨款收支预算
    /// 总体情况表 (T4): T8 合计 = T4 支出总计 · 政府性基金预算; T9 合计 = T4 支出总计 · 国有资本经营
    /// 预算. An empty T8/T9 goes with a blank T4 column.
    ///
    /// ### Why
    /// T8 and T9 detail the government-fund and state-capital appropriations T4 totals.
    ///
    /// ### Example
    /// T8 empty ("为空表") and T4 政府性基金预算 blank ✓.
    ///
    /// ### Known problems
    /// Needs T4's fund columns placed.
    XT4T89, "X-T4-T89", "政府性基金/国有资本经营预算支出表 = 财政拨款收支总表对应列", "T8/T9 totals = T4 fund columns", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT4T89::META;
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    let Some(total4) = t4.expense_total.as_ref() else { return };
    for (id, col) in [(TableId::T8, 2usize), (TableId::T9, 3usize)] {
        let Some(b) = lookup::t4_cell(total4, col, doc) else { continue };
        let Some(t) = doc.tables.iter().find(|t| t.id == id) else { continue };
        let a = match (t.status, t.coded()) {
            (TableStatus::Empty, _) => Term::blank(format!("{} 合计（空表）", id.as_str())),
            (_, Some(c)) if !c.columns.is_empty() => {
                let Some(a) = lookup::total_row(c).and_then(|r| lookup::cell(id, c, r, &c.columns[0], doc)) else {
                    continue;
                };
                a
            }
            _ => continue,
        };
        let span_a = a.span.clone();
        let place = format!(
            "{} 合计 = T4 支出总计 {}",
            id.as_str(),
            if col == 2 { "政府性基金预算" } else { "国有资本经营预算" }
        );
        if span_a.is_none() && b.span.is_some() {
            // The table is empty but T4 shows money of its fund: point at T4's figure.
            lookup::equal(meta, id, place.clone(), place, b, a, ctx);
        } else {
            lookup::equal(meta, id, place.clone(), place, a, b, ctx);
        }
    }
}
