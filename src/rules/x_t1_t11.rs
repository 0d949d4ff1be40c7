use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::{IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// 上年结转结余情况明细表 (T11) against 收支总体情况表 (T1): T11 合计 总计 = T1 二、上年结转结余.
    ///
    /// ### Why
    /// T11 details, project by project, the carry-over that T1 shows as one income line.
    ///
    /// ### Example
    /// T11 `合计 130.20` = T1 `二、上年结转结余 130.20`.
    ///
    /// ### Known problems
    /// Checked only when T11 has a total row with its columns read.
    XT1T11, "X-T1-T11", "结转结余明细表合计 = 收支总表上年结转结余", "T11 total = T1 carry-over", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT1T11::META;
    let (Some((t11, _)), Some(t1)) =
        (lookup::labelled(meta, TableId::T11, doc, ctx), super::balance_lines::table(meta, doc, ctx))
    else {
        return;
    };
    let Some(co) = t1
        .income
        .iter()
        .find(|i| i.level == IncomeLevel::Top && (i.label.contains("上年结转") || i.label.contains("上年结余")))
    else {
        return;
    };
    let Some(total) = t11.rows.iter().find(|r| r.is_total && r.problem.is_none()) else { return };
    let Some(a) = total.cells.first().and_then(|c| super::Term::from_cell(c, "T11 合计 总计", doc.text)) else {
        return;
    };
    lookup::equal(
        meta,
        TableId::T11,
        "T11 合计 = T1 上年结转结余".into(),
        "T11 total = T1 carry-over".into(),
        a,
        lookup::t1_term(co, doc),
        ctx,
    );
}
