use super::{declare_rule, lookup, Ctx, Document, Finding, Label, Severity, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// `整体预算绩效目标 1 个，涉及金额 X 万元` equals the unit's whole budget: T1 收入总计 (or, as
    /// some units do, T4's fiscal total).
    ///
    /// ### Why
    /// The unit-wide performance target covers the whole budget; a different amount is a typo or a
    /// stale figure.
    ///
    /// ### Example
    /// `涉及金额 5532.3 万元` against T1 `5,332.30` (and T4 5332.30): 200 off.
    ///
    /// ### Known problems
    /// Compared with the two totals a unit may use; matching either passes.
    NtPerfWhole, "NT-PERF-WHOLE", "整体绩效目标涉及金额 = 收支总预算", "unit-wide target amount = total budget", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtPerfWhole::META;
    if doc.narrative.whole_targets().is_empty() {
        return;
    }
    let Some(t1) = super::balance_lines::table(meta, doc, ctx) else { return };
    let Some(total) = t1.income_total.as_ref().filter(|i| i.amount.is_some()) else { return };
    let t1_term = lookup::t1_term(total, doc);
    let t4_total = doc
        .tables
        .iter()
        .find(|t| t.id == TableId::T4)
        .and_then(|t| t.balance())
        .and_then(|b| b.income_total.as_ref())
        .and_then(|i| i.amount.clone());
    for f in doc.narrative.whole_targets() {
        let (v, h) = f.value_wan();
        let figure = Term {
            value: v,
            half: h,
            decimals: f.amount.decimals,
            printed: String::new(),
            span: Some(f.amount.span.clone()),
            what: String::new(),
        };
        let agrees = |x: &Term| super::agrees(&figure, x);
        let t4_ok = t4_total.as_ref().is_some_and(|a| agrees(&Term::from_amount(a, "", doc.text)));
        if agrees(&t1_term) || t4_ok {
            ctx.record(None);
            continue;
        }
        let printed = doc.text.get(f.amount.span.clone()).unwrap_or("").to_string();
        ctx.record(Some(
            Finding::new(meta, Label { span: f.amount.span.clone(), what: "整体绩效目标 涉及金额".into() })
                .severity(Severity::Error)
                .message(
                    format!("整体绩效目标涉及金额 {printed} 万元 ≠ 收支总预算 {} 万元", t1_term.printed),
                    format!("unit-wide target amount {printed} ≠ total budget {}", t1_term.printed),
                )
                .found(printed.clone())
                .expected(t1_term.printed.clone())
                .note(format!("{printed} ≠ {}（T1 收入总计）", t1_term.printed))
                .related(
                    t1_term.span.clone().map(|span| Label { span, what: t1_term.what.clone() }).into_iter().collect(),
                ),
        ));
    }
}
