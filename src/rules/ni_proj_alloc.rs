use super::{bind, declare_rule, Ctx, Document, Severity, SumSpec, Term};

declare_rule! {
    /// ### What it checks
    /// Each project's 资金分配情况 adds up to its 预算安排规模: the parts listed (a number without
    /// its own unit takes the list's 万元), or the total it states (`共计 X 万元`, `项目预算 X
    /// 万元，其中…`).
    ///
    /// ### Why
    /// The allocation splits the project's money; parts that do not add up are a typo or a
    /// stale figure (the catalogue's NI-PROJ-ALLOC).
    ///
    /// ### Example
    /// S0 (1) `银海专线 5.6 万元、印刷费 3.25 万元、往年耗材费 1.05 万元` = 预算安排规模 9.90.
    ///
    /// ### Known problems
    /// An allocation that mixes in rates (`每人每月 120 元`) without a `共计` is not added up, and
    /// the parts after `其中` are taken as a possibly partial list (not added up).
    NiProjAlloc, "NI-PROJ-ALLOC", "项目资金分配之和 = 预算安排规模", "project allocation adds up to its scale", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiProjAlloc::META;
    for p in &doc.narrative.projects {
        let (Some(scale), Some(alloc)) = (&p.scale, &p.allocation) else { continue };
        let scale_term = Term::from_amount(&scale.amount, format!("{} 预算安排规模", p.name), doc.text);
        if let Some(total) = &alloc.total {
            let said = Term::from_amount(&total.amount, format!("{} 资金分配合计", p.name), doc.text);
            bind::restates(meta, said, &format!("项目“{}”资金分配情况", p.name), scale_term, Severity::Error, ctx);
            continue;
        }
        let parts = alloc
            .parts
            .iter()
            .map(|f| Term::from_amount(&f.amount, format!("{} 资金分配", p.name), doc.text))
            .collect();
        ctx.check_sum(SumSpec {
            meta,
            table: None,
            place_zh: format!("项目“{}”：预算安排规模 = 资金分配各项之和", p.name),
            place_en: format!("project “{}”: scale = sum of the allocation", p.name),
            total: scale_term,
            parts,
            row_span: scale.amount.span.clone(),
        });
    }
}
