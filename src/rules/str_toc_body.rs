use super::{declare_rule, Ctx, Document, Finding, Label};
use crate::tables::TableStatus;

declare_rule! {
    /// ### What it checks
    /// Every table the document's table of contents (目录) lists is present in the body.
    ///
    /// ### Why
    /// A disclosure must publish every table of its template, an empty one with a note
    /// (没有数据的表格应当列出空表并说明). A table named in the contents but absent from the body
    /// was dropped when the document was put together.
    ///
    /// ### Example
    /// The contents list `六、一般公共预算基本支出情况表`, but the body goes from 表5 straight to 表8.
    ///
    /// ### Known problems
    /// A body title printed in words the contents do not use is not found by the title reader;
    /// when the contents' own words appear in the body the table is reported unreadable instead.
    /// A table is reported missing only when a later table of the contents is in the body, so a
    /// paste cut off before the end is not mistaken for a dropped table.
    StrTocBody, "STR-TOC-BODY", "目录所列表格在正文中存在", "every table in the contents is in the body", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let present = |t: &crate::tables::Table| !matches!(t.status, TableStatus::Missing);
    for t in &doc.tables {
        if t.status != TableStatus::Missing {
            if t.listed {
                // Listed in the contents and printed in the body: a check that passed.
                ctx.record(None);
            }
            continue;
        }
        if !doc.tables.iter().any(|later| later.id > t.id && present(later)) {
            ctx.skip(&StrTocBody::META, Some(t.id), super::SkipReason::Truncated { row: t.title.clone() }, t.line);
            continue;
        }
        let Some(span) = t.title_span.clone() else { continue };
        let line = t.line.map_or(0, |l| l + 1);
        let primary = Label { span, what: format!("目录 {}", t.title) };
        let finding = Finding::error(&StrTocBody::META, primary)
            .table(t.id)
            .message(
                format!("目录列出的“{}”在正文中缺失", t.title),
                format!("the contents list “{}” ({}), but the body has no such table", t.title, t.id.as_str()),
            )
            .found("缺失")
            .expected(t.title.clone())
            .note(format!("目录第 {line} 行列出 {}，正文未找到该表", t.id.as_str()));
        ctx.record(Some(finding));
    }
}
