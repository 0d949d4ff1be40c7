use super::{declare_rule, Ctx, Document, SumSpec, Term};

declare_rule! {
    /// ### What it checks
    /// 机构设置及人员情况: `实有人数 n 人，其中：在职 a 人…；退休 b 人…；离休 c 人` — n = a + b + c.
    ///
    /// ### Why
    /// The three groups make up the people the unit pays (the catalogue's NI-PEOPLE).
    ///
    /// ### Example
    /// S0 `实有人数 61 人，其中：在职 51 人…；退休 10 人…；离休 0 人`: 51 + 10 + 0 = 61.
    ///
    /// ### Known problems
    /// Compared only when 在职 and 退休 are both printed (离休 may be left out when there are none).
    NiPeople, "NI-PEOPLE", "实有人数 = 在职 + 退休 + 离休", "people = staff + retired + left", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPeople::META;
    let Some(p) = &doc.narrative.facts.people else { return };
    if !(p.parts.iter().any(|x| x.0 == "在职") && p.parts.iter().any(|x| x.0 == "退休")) {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "实有人数 = 在职 + 退休 + 离休".into(),
        place_en: "people = staff + retired + left".into(),
        total: Term::count(&p.total, "实有人数", doc.text),
        parts: p.parts.iter().map(|(k, n)| Term::count(n, *k, doc.text)).collect(),
        row_span: p.total.span.clone(),
    });
}
