use super::{declare_rule, lookup, Ctx, Document, Term};

declare_rule! {
    /// ### What it checks
    /// `价值 50 万元以上大型设备 a 台(套)，…100 万元以上大型设备 b 台(套)`: b ≤ a.
    ///
    /// ### Why
    /// Every piece worth 100 万元 or more is also worth 50 万元 or more (the catalogue's
    /// NI-ASSET-EQUIP).
    ///
    /// ### Example
    /// S3 `单位价值 50 万元以上大型设备 4 台，单位价值 100 万元以上大型设备 1 套`: 1 ≤ 4.
    ///
    /// ### Known problems
    /// Only the two counts in one sentence are compared.
    NiAssetEquip, "NI-ASSET-EQUIP", "100 万元以上设备数 ≤ 50 万元以上设备数", "equipment ≥100万 ≤ equipment ≥50万", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiAssetEquip::META;
    for e in &doc.narrative.facts.equipment {
        lookup::at_least(
            meta,
            None,
            "100 万元以上大型设备数 ≤ 50 万元以上大型设备数".into(),
            "equipment worth ≥100万 ≤ equipment worth ≥50万".into(),
            Term::count(&e.over100, "100 万元以上大型设备", doc.text),
            Term::count(&e.over50, "50 万元以上大型设备", doc.text),
            ctx,
        );
    }
}
