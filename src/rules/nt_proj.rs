use super::{bind, lookup, table_rule, Document, Severity, Term};
use crate::tables::{CodedRow, CodedTable, TableId};

table_rule! {
    /// ### What it checks
    /// Each project of the 项目支出情况说明 (`项目名称：X … 预算安排规模：Y 万元`) against T7: Y
    /// equals the sum of T7's rows for project X (项目支出合计; a project funded under several
    /// 项 has a row under each).
    ///
    /// ### Why
    /// The section restates T7 project by project (the catalogue's NT-PROJ).
    ///
    /// ### Example
    /// S0 `2024 年中央财政就业补助项目 … 预算安排规模：200.00 万元` = T7 62.56 + 137.44.
    ///
    /// ### Known problems
    /// A project is found in T7 by its exact name (spaces aside); a project T7 names otherwise
    /// (S0 `2024 年城乡居民养老保险项目` vs T7 `…基本养老保险项目`), or whose T7 name was lost
    /// in extraction (HZ-22), is skipped and listed.
    NtProj, "NT-PROJ", "项目支出说明的项目规模 = 项目支出表该项目合计", "project scale = T7 rows of that project",
    |doc, ctx| {
        let meta = &NtProj::META;
        let mut with_scale = doc.projects.iter().filter_map(|p| p.scale.as_ref().map(|s| (p, s))).peekable();
        if with_scale.peek().is_none() {
            return;
        }
        let Some(t7) = lookup::coded(meta, TableId::T7, doc, ctx) else { return };
        for (p, scale) in with_scale {
            let Some(total) = project_total(t7, &p.name, doc) else {
                ctx.skip(meta, None, super::SkipReason::UnrecognisedLine { item: p.name.clone() }, None);
                continue;
            };
            let claim_term = Term::from_amount(&scale.amount, format!("情况说明 {} 预算安排规模", p.name), doc.text);
            bind::restates(meta, claim_term, &format!("项目支出情况说明 项目“{}”预算安排规模", p.name), total, Severity::Error, ctx);
        }
    }
}

/// Does T7 row `r` belong to project `name`? Its name is `项名·项目名`, or the 项's name glued to
/// the project's (the 项's name as another table prints it for the same code).
fn is_project_row(r: &CodedRow, name: &str, doc: &Document<'_>) -> bool {
    let row_name: String = r.name.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some((_, project)) = row_name.rsplit_once('·') {
        return project == name;
    }
    let Some(prefix) = row_name.strip_suffix(name) else { return false };
    let Some(code) = r.code.as_deref() else { return false };
    prefix.is_empty()
        || [TableId::T5, TableId::T3, TableId::T2].iter().any(|&id| {
            doc.table(id).and_then(|t| t.coded()).and_then(|t| lookup::row(t, code)).is_some_and(|fr| fr.name.chars().filter(|c| !c.is_whitespace()).collect::<String>() == prefix)
        })
}

/// The sum of T7's 项目支出合计 over the rows of project `name`, as one term; `None` when no row
/// is the project's or one of its totals is unknown.
pub(super) fn project_total(t7: &CodedTable, name: &str, doc: &Document<'_>) -> Option<Term> {
    let rows: Vec<&CodedRow> = t7.rows.iter().filter(|r| !r.is_total && r.code.as_ref().is_some_and(|c| c.len() >= 7) && is_project_row(r, name, doc)).collect();
    let first = rows.first()?;
    let terms: Vec<Term> = rows.iter().map(|r| lookup::cell(TableId::T7, t7, r, &t7.columns[0], doc)).collect::<Option<_>>()?;
    if terms.len() == 1 {
        return terms.into_iter().next();
    }
    let value = terms.iter().map(|t| t.value).sum();
    let half = terms.iter().map(|t| t.half).sum();
    let decimals = terms.iter().map(|t| t.decimals).max().unwrap_or(2);
    Some(Term {
        value,
        half,
        decimals,
        printed: crate::amount::format_fixed(value, decimals),
        span: lookup::cell(TableId::T7, t7, first, &t7.columns[0], doc).and_then(|t| t.span),
        what: format!("T7 {name} 各行之和（{}）", terms.iter().map(|t| t.printed.as_str()).collect::<Vec<_>>().join(" + ")),
    })
}
