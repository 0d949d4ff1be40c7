use super::{declare_rule, lookup, Ctx, Document, Finding, Label, Severity};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 财政拨款“三公”经费支出情况表 (T10) splits the car line: 公务用车购置及运行费 is printed with
    /// both 公务用车购置费 and 公务用车运行费 lines, never the subtotal alone.
    ///
    /// ### Why
    /// The 财政部 inspection of disclosures requires the split (MOF 2016).
    ///
    /// ### Example
    /// `公务用车购置及运行费（小计）2.14 / 其中：公务用车购置费 / 公务用车运行费 2.14` ✓.
    ///
    /// ### Known problems
    /// Checks the presence of the two lines, not their wording.
    T10Split, "T10-SPLIT", "“三公”经费表列出公务用车购置费与运行费", "T10 prints car purchase and running costs separately", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T10Split::META;
    let Some((t, at_end)) = lookup::labelled(meta, TableId::T10, doc, ctx) else { return };
    let Some(car) = t.rows.iter().find(|r| r.label.contains("购置及运行")) else { return };
    let has = |k: &str| t.rows.iter().any(|r| r.label.contains(k) && !r.label.contains("购置及运行"));
    if has("购置费") && t.rows.iter().any(|r| crate::tables::is_t10_running(&r.label)) {
        ctx.record(None);
    } else if at_end {
        ctx.skip(meta, Some(TableId::T10), super::SkipReason::Truncated { row: "T10".into() }, Some(car.line));
    } else {
        ctx.record(Some(
            Finding::new(meta, Label { span: car.span.clone(), what: format!("T10 {}", car.label) })
                .severity(Severity::Error)
                .table(TableId::T10)
                .message(
                    "T10 公务用车购置及运行费未拆分为购置费和运行费",
                    "T10: the car line is not split into purchase and running costs",
                )
                .found(car.label.clone())
                .expected("公务用车购置费 / 公务用车运行费")
                .note("三公经费表须分列公务用车购置费与运行费"),
        ));
    }
}
