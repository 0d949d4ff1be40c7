use super::{bind, declare_rule, nt_proj, Ctx, Document, Severity, SumSpec, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// Each project's 绩效目标表: 年度预算总额 = 其中：财政拨款 + 其他资金; the 年度预算总额 =
    /// the project's 预算安排规模 in the 项目支出情况说明 (or, when the section does not describe
    /// it, the sum of its T7 rows); and an amount its 项目总体目标 states (`资金总额为 X 万元`,
    /// `安排预算资金 X 万元`) = the 年度预算总额.
    ///
    /// ### Why
    /// The project's budget is funded by fiscal money and other funds; the lines must add up.
    /// A table copied from another project often keeps the other project's figures.
    ///
    /// ### Example
    /// `年度预算总额: 13 其中: 财政拨款 153.24 其他资金: 0` — 153.24 + 0 ≠ 13.
    ///
    /// ### Known problems
    /// Reads the three figures where the text prints them in this order. A project is matched
    /// to N7 and T7 by its exact name (spaces aside); one named otherwise is not compared there.
    NiPerfProjFund, "NI-PERF-PROJ-FUND", "绩效目标表：年度预算总额 = 财政拨款 + 其他资金", "project target: total = fiscal + other funds", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPerfProjFund::META;
    for f in &doc.narrative.fund_splits {
        let total = Term::from_amount(&f.total, "年度预算总额", doc.text);
        let mut parts = vec![Term::from_amount(&f.fiscal, "其中：财政拨款", doc.text)];
        if let Some(o) = &f.other {
            parts.push(Term::from_amount(o, "其他资金", doc.text));
        }
        ctx.check_sum(SumSpec {
            meta,
            table: None,
            place_zh: "项目绩效目标表：年度预算总额 = 财政拨款 + 其他资金".into(),
            place_en: "project target: total = fiscal + other".into(),
            total,
            parts,
            row_span: f.total.span.clone(),
        });
    }
    let t7 = doc
        .table(TableId::T7)
        .and_then(|t| t.coded())
        .filter(|c| !c.columns.is_empty() && !doc.narrative.text_only())
        .map(|t| nt_proj::ProjectRows::new(t, doc));
    let scales =
        bind::index(doc.narrative.projects.iter().filter_map(|q| q.scale.as_ref().map(|s| (q.name.clone(), s))));
    for p in &doc.narrative.projects {
        let Some(total) = &p.target_total else { continue };
        let total_term = Term::from_amount(total, format!("{} 年度预算总额", p.name), doc.text);
        if let Some(goal) = &p.goal_amount {
            let said = Term::from_amount(&goal.amount, format!("{} 项目总体目标", p.name), doc.text);
            bind::restates(
                meta,
                said,
                &format!("项目“{}”绩效目标表 项目总体目标", p.name),
                total_term.clone(),
                Severity::Error,
                ctx,
            );
        }
        let target = match scales.get(&p.name) {
            Some(s) => Some(Term::from_amount(&s.amount, format!("情况说明 {} 预算安排规模", p.name), doc.text)),
            None => t7.as_ref().and_then(|t| t.total(&p.name, doc)),
        };
        if let Some(target) = target {
            bind::restates(
                meta,
                total_term,
                &format!("项目“{}”绩效目标表 年度预算总额", p.name),
                target,
                Severity::Error,
                ctx,
            );
        }
    }
}
