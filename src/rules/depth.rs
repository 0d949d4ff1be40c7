//! Disclosure depth: amounts must be broken down to 项 (functional) or 款 (economic).

use super::{lookup, Ctx, Document, Finding, Label, RuleMeta, Severity};
use crate::tables::TableId;

/// Every 类 (and, for 项 depth, every 款) with money has rows one level down.
pub fn check_depth(meta: &'static RuleMeta, id: TableId, levels: usize, doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(t) = lookup::coded(meta, id, doc, ctx) else { return };
    if !lookup::complete(doc, id) {
        return;
    }
    for r in t.rows.iter().filter(|r| r.level() >= 1 && r.level() < levels) {
        let code = r.code.as_deref().unwrap_or_default();
        if !r.amounts.iter().any(|a| !a.value.is_zero()) {
            continue;
        }
        if t.rows.iter().any(|c| c.level() == r.level() + 1 && c.code.as_deref().is_some_and(|cc| cc.starts_with(code)))
        {
            ctx.record(None);
            continue;
        }
        ctx.record(Some(
            Finding::new(meta, Label { span: r.span.clone(), what: format!("{} {code}", id.as_str()) })
                .severity(Severity::Error)
                .table(id)
                .message(
                    format!("{} {} {} 未细化到下一级科目", id.as_str(), code, r.name),
                    format!("{} {code} {} is not broken down to the next level", id.as_str(), r.name),
                )
                .found(format!("{code} {}", r.name))
                .expected(if levels == 3 { "细化到项级科目" } else { "细化到款级科目" })
                .note("有金额的科目须列出下级科目"),
        ));
    }
}
