use super::{bind, declare_rule, lookup, Ctx, Document, Finding, Severity};
use crate::narrative::Part;
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In the 一般公共预算当年拨款结构情况, each `X支出（类） Y 万元` equals T5's row of that
    /// class (合计), and every class T5 spends on is listed.
    ///
    /// ### Why
    /// The structure paragraph restates T5 by class (the catalogue's NT-GPB-STRUCT).
    ///
    /// ### Example
    /// S0 `2.卫生健康支出（类） 13.87 万元，占 0.12%` = T5 `210 卫生健康支出 13.87`.
    ///
    /// ### Known problems
    /// A class is bound by its exact name. The completeness check runs only when the text lists
    /// at least one class this way.
    NtGpbStruct, "NT-GPB-STRUCT", "一般公共预算结构说明 = 一般公共预算支出表各类", "general-budget structure = T5 classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtGpbStruct::META;
    let listed: Vec<_> = bind::claims(doc, Part::Gpb).filter(|c| c.level == Some('类')).collect();
    if listed.is_empty() {
        return;
    }
    let Some(t5) = lookup::coded(meta, TableId::T5, doc, ctx) else { return };
    let classes: Vec<_> = t5.rows.iter().filter(|r| r.code.as_ref().is_some_and(|c| c.len() == 3)).collect();
    let by_name = bind::index(classes.iter().map(|r| (bind::canon(&r.name), *r)));
    // A class counts as listed when any amount of the section is introduced by its name (a
    // list may drop the `（类）` mark).
    let listed_names: std::collections::HashSet<String> =
        bind::claims(doc, Part::Gpb).map(|c| bind::canon(&c.label).replace("(类)", "")).collect();
    for c in &listed {
        let key = bind::canon(&c.label);
        let Some(row) = by_name.get(&key) else {
            ctx.skip(meta, None, super::SkipReason::UnrecognisedLine { item: c.label.clone() }, None);
            continue;
        };
        bind::compare(meta, c, lookup::cell(TableId::T5, t5, row, &t5.columns[0], doc), Severity::Error, doc, ctx);
    }
    // Every class with money is listed, when the list is not cut off (the text goes on).
    let last = listed.iter().map(|c| c.figure.at.end).max().unwrap_or(0);
    let goes_on = bind::claims(doc, Part::Gpb).any(|c| c.figure.at.start > last && c.level != Some('类'));
    for row in classes.into_iter().filter(|_| goes_on) {
        let Some(amount) = lookup::cell(TableId::T5, t5, row, &t5.columns[0], doc) else { continue };
        if amount.value.is_zero() || listed_names.contains(&bind::canon(&row.name)) {
            ctx.record(None);
            continue;
        }
        let code = row.code.clone().unwrap_or_default();
        let at = listed.last().map_or(0..0, |c| c.figure.amount.span.clone());
        ctx.record(Some(
            Finding::new(meta, super::Label { span: at, what: "情况说明 结构情况".into() })
                .severity(Severity::Error)
                .message(
                    format!("一般公共预算当年拨款结构情况未列出 {code} {}（T5 {}）", row.name, amount.printed),
                    format!("the general-budget structure omits class {code} {} (T5 {})", row.name, amount.printed),
                )
                .found("—")
                .expected(format!("{} {} 万元", row.name, amount.printed))
                .note(format!("T5 {code} {} = {}", row.name, amount.printed))
                .related(
                    amount
                        .span
                        .clone()
                        .map(|span| super::Label { span, what: amount.what.clone() })
                        .into_iter()
                        .collect(),
                ),
        ));
    }
}
