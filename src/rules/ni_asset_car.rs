use super::{declare_rule, Ctx, Document, SumSpec, Term};

declare_rule! {
    /// ### What it checks
    /// 国有资产占用情况: `车辆 N 辆，价值 V 万元；其中：一般公务用车 a 辆，价值 …；执法执勤用车
    /// b 辆，…；其他车辆 c 辆，…` — N = a + b + c, and V = the sum of the values.
    ///
    /// ### Why
    /// The kinds split the fleet (the catalogue's NI-ASSET-CAR).
    ///
    /// ### Example
    /// S1 `车辆 1 辆，价值 17.46 万元；其中：一般公务用车 0 辆 …；其他车辆 1 辆，价值 17.46 万元`.
    ///
    /// ### Known problems
    /// Compared only when all three kinds are printed.
    NiAssetCar, "NI-ASSET-CAR", "车辆数与价值 = 各类之和", "vehicles = sum of the kinds", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiAssetCar::META;
    let Some(cars) = &doc.narrative.facts.cars else { return };
    if cars.parts.len() != 3 {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "车辆数 = 一般公务用车 + 执法执勤用车 + 其他车辆".into(),
        place_en: "vehicles = official + law-enforcement + other".into(),
        total: Term::count(&cars.count, "车辆数", doc.text),
        parts: cars.parts.iter().map(|(k, n, _)| Term::count(n, *k, doc.text)).collect(),
        row_span: cars.count.span.clone(),
    });
    let (Some(v), true) = (&cars.value, cars.parts.iter().all(|p| p.2.is_some())) else { return };
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "车辆价值 = 各类车辆价值之和".into(),
        place_en: "vehicle value = sum of the kinds' values".into(),
        total: Term::figure(v, "车辆价值", doc.text),
        parts: cars
            .parts
            .iter()
            .filter_map(|(k, _, v)| v.as_ref().map(|v| Term::figure(v, format!("{k} 价值"), doc.text)))
            .collect(),
        row_span: v.amount.span.clone(),
    });
}
