use super::{declare_rule, Ctx, Document, Finding, Label, Severity};

declare_rule! {
    /// ### What it checks
    /// 在职人数 ≤ 编制数 — a warning.
    ///
    /// ### Why
    /// Staff beyond the establishment is unusual (the catalogue's NI-PEOPLE-STAFF); it is a
    /// warning because 在职 may count staff outside the establishment (编外).
    ///
    /// ### Example
    /// S0 `编制数 13，实有人数 61 人，其中：在职 51 人` — 51 > 13.
    ///
    /// ### Known problems
    /// Reads 编制数 only right before 实有人数.
    NiPeopleStaff, "NI-PEOPLE-STAFF", "在职人数 ≤ 编制数", "staff ≤ establishment", check: check, severity: Warning
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPeopleStaff::META;
    let Some(p) = &doc.narrative.facts.people else { return };
    let (Some(q), Some((_, staff))) = (&p.quota, p.parts.iter().find(|x| x.0 == "在职")) else { return };
    if staff.value <= q.value {
        ctx.record(None);
        return;
    }
    let (s, qv) = (staff.value.to_string(), q.value.to_string());
    ctx.record(Some(
        Finding::new(meta, Label { span: staff.span.clone(), what: "在职人数".into() })
            .severity(Severity::Warning)
            .message(
                format!("在职 {s} 人多于编制数 {qv}（若含编外人员请说明）"),
                format!("{s} staff exceed the establishment of {qv} (say so if 编外 staff are counted)"),
            )
            .found(s.clone())
            .expected(format!("≤ {qv}"))
            .note(format!("{s} > {qv}"))
            .related(vec![Label { span: q.span.clone(), what: "编制数".into() }]),
    ));
}
