use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};

declare_rule! {
    /// ### What it checks
    /// 政府采购情况: 政府采购预算 = 货物 + 工程 + 服务; 面向中小企业预留 ≤ 政府采购预算;
    /// 小微企业预留 ≤ 中小企业预留.
    ///
    /// ### Why
    /// The three kinds split the procurement budget, and the reserved shares are parts of it
    /// (the catalogue's NI-PROC).
    ///
    /// ### Example
    /// S3 `政府采购预算 1,701.93 万元，其中：…货物预算 62.80 万元，…工程预算 0 万元，…服务预算
    /// 1,639.13 万元`: 62.80 + 0 + 1,639.13 = 1,701.93.
    ///
    /// ### Known problems
    /// Reads the first 政府采购预算 statement; the split is compared only when all three kinds
    /// are printed in its sentence (to its `。`: the kinds may be `；`-separated).
    NiProc, "NI-PROC", "政府采购预算 = 货物 + 工程 + 服务", "procurement = goods + works + services", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiProc::META;
    let Some(p) = &doc.narrative.facts.procurement else { return };
    let t = |f: &crate::narrative::Figure, what: &str| Term::figure(f, what, doc.text);
    let total = t(&p.total, "政府采购预算");
    if let (Some(g), Some(w), Some(s)) = (&p.goods, &p.works, &p.services) {
        ctx.check_sum(SumSpec {
            meta,
            table: None,
            place_zh: "政府采购预算 = 货物 + 工程 + 服务".into(),
            place_en: "procurement = goods + works + services".into(),
            total: total.clone(),
            parts: vec![t(g, "政府采购货物预算"), t(w, "政府采购工程预算"), t(s, "政府采购服务预算")],
            row_span: p.total.amount.span.clone(),
        });
    }
    if let Some(sme) = &p.sme {
        lookup::at_least(
            meta,
            None,
            "面向中小企业预留 ≤ 政府采购预算".into(),
            "reserved for SMEs ≤ procurement".into(),
            t(sme, "面向中小企业预留"),
            total,
            ctx,
        );
        if let Some(small) = &p.small {
            lookup::at_least(
                meta,
                None,
                "小微企业预留 ≤ 中小企业预留".into(),
                "reserved for small firms ≤ for SMEs".into(),
                t(small, "小微企业预留"),
                t(sme, "面向中小企业预留"),
                ctx,
            );
        }
    }
}
