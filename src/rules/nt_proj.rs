use super::{bind, declare_rule, lookup, Ctx, Document, Severity, Term};
use crate::tables::{CodedRow, CodedTable, TableId};
use std::collections::HashMap;

declare_rule! {
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
    NtProj, "NT-PROJ", "项目支出说明的项目规模 = 项目支出表该项目合计", "project scale = T7 rows of that project", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtProj::META;
    let mut with_scale = doc.narrative.projects.iter().filter_map(|p| p.scale.as_ref().map(|s| (p, s))).peekable();
    if with_scale.peek().is_none() || doc.narrative.text_only() {
        return;
    }
    let Some(t7) = lookup::coded(meta, TableId::T7, doc, ctx) else { return };
    let rows = ProjectRows::new(t7, doc);
    // A project described more than once (once per 项) is compared by the sum of its scales.
    let mut by_name: Vec<(&str, Vec<&crate::narrative::Figure>)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (p, scale) in with_scale {
        match seen.get(p.name.as_str()) {
            Some(&k) => by_name[k].1.push(scale),
            None => {
                seen.insert(p.name.as_str(), by_name.len());
                by_name.push((p.name.as_str(), vec![scale]));
            }
        }
    }
    for (name, scales) in by_name {
        let Some(total) = rows.total(name, doc) else {
            ctx.skip(meta, None, super::SkipReason::UnrecognisedLine { item: name.to_string() }, None);
            continue;
        };
        let label = format!("项目支出情况说明 项目“{name}”预算安排规模");
        match scales.as_slice() {
            [one] => bind::restates(
                meta,
                Term::from_amount(&one.amount, format!("情况说明 {name} 预算安排规模"), doc.text),
                &label,
                total,
                Severity::Error,
                ctx,
            ),
            many => ctx.check_sum(super::SumSpec {
                meta,
                table: None,
                place_zh: format!("项目“{name}”各处预算安排规模之和 = T7 该项目各行之和"),
                place_en: format!("project “{name}”: its scales add up to its T7 rows"),
                total,
                parts: many
                    .iter()
                    .map(|f| Term::from_amount(&f.amount, format!("{name} 预算安排规模"), doc.text))
                    .collect(),
                row_span: many[0].amount.span.clone(),
            }),
        }
    }
}

/// T7's rows by project: a row's name is `项名·项目名`, or the 项's name (as another table prints
/// it for the same code) glued to the project's, or the project's alone.
pub(super) struct ProjectRows<'t> {
    t7: &'t CodedTable,
    by_name: HashMap<String, Vec<&'t CodedRow>>,
}

impl<'t> ProjectRows<'t> {
    pub(super) fn new(t7: &'t CodedTable, doc: &Document<'_>) -> Self {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut item_names: HashMap<&str, Vec<String>> = HashMap::new();
        for id in [TableId::T5, TableId::T3, TableId::T2] {
            for r in doc.table(id).and_then(|t| t.coded()).map_or(&[][..], |t| &t.rows[..]) {
                if let Some(code) = r.code.as_deref() {
                    item_names.entry(code).or_default().push(squeeze(&r.name));
                }
            }
        }
        let mut by_name: HashMap<String, Vec<&CodedRow>> = HashMap::new();
        for r in t7.rows.iter().filter(|r| !r.is_total && r.code.as_ref().is_some_and(|c| c.len() >= 7)) {
            let row_name = squeeze(&r.name);
            let project = match row_name.rsplit_once('·') {
                Some((_, p)) => p.to_string(),
                None => r
                    .code
                    .as_deref()
                    .and_then(|c| item_names.get(c))
                    .and_then(|names| {
                        names.iter().find_map(|n| row_name.strip_prefix(n.as_str()).filter(|rest| !rest.is_empty()))
                    })
                    .map_or(row_name.clone(), str::to_string),
            };
            by_name.entry(project).or_default().push(r);
        }
        ProjectRows { t7, by_name }
    }

    /// The sum of T7's 项目支出合计 over the rows of project `name`, as one term; `None` when no
    /// row is the project's or one of its totals is unknown.
    pub(super) fn total(&self, name: &str, doc: &Document<'_>) -> Option<Term> {
        let t7 = self.t7;
        let rows = self.by_name.get(name)?;
        let terms: Vec<Term> =
            rows.iter().map(|r| lookup::cell(TableId::T7, t7, r, &t7.columns[0], doc)).collect::<Option<_>>()?;
        if terms.len() == 1 {
            return terms.into_iter().next();
        }
        Term::sum(
            &terms,
            format!(
                "T7 {name} 各行之和（{}）",
                terms.iter().map(|t| t.printed.as_str()).collect::<Vec<_>>().join(" + ")
            ),
        )
    }
}
