use super::{declare_rule, Ctx, Document, SumSpec, Term};
use crate::narrative::{Growth, Part};

declare_rule! {
    /// ### What it checks
    /// In the “三公”经费预算情况说明, the change of the total equals the changes of its four
    /// parts added up (因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费; increases
    /// counted up, decreases down).
    ///
    /// ### Why
    /// Last year's total was the sum of last year's parts, so the changes add up too (the
    /// catalogue's NI-3PUB-PARTS).
    ///
    /// ### Example
    /// S1 total `增加 0.02 万元` = 0 + 0 + 0 + 0.02 (公务接待费 增加 0.02).
    ///
    /// ### Known problems
    /// Compared only when the total's change and all four parts' changes are stated; the
    /// subtotal 公务用车购置及运行费 is not counted again.
    Ni3PubParts, "NI-3PUB-PARTS", "“三公”经费增减额 = 各项增减额之和", "三公 change = sum of the parts' changes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &Ni3PubParts::META;
    let claim_at: std::collections::HashMap<usize, &crate::narrative::Claim> = doc
        .narrative
        .claims()
        .iter()
        .filter(|c| c.part == Part::ThreePub)
        .map(|c| (c.figure.amount.span.start, c))
        .collect();
    let name =
        |g: &Growth| claim_at.get(&g.current.amount.span.start).map(|c| crate::narrative::three_pub_name(&c.label));
    let signed = |g: &Growth, what: &str| Term::signed(&g.change, g.up, what, doc.text);
    let mut total = None;
    let mut parts: Vec<(&str, &Growth)> = Vec::new();
    for g in &doc.narrative.growths {
        let Some(n) = name(g) else { continue };
        if n.contains("三公") {
            total.get_or_insert(g);
        } else if let Some(k) =
            ["因公出国(境)", "公务用车购置费", "公务用车运行费", "公务接待费"].iter().find(|k| n == **k)
        {
            if !parts.iter().any(|(p, _)| p == k) {
                parts.push((k, g));
            }
        }
    }
    let Some(total) = total else { return };
    if parts.len() != 4 {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "“三公”经费增减额 = 各项增减额之和".into(),
        place_en: "三公 change = sum of the parts' changes".into(),
        total: signed(total, "“三公”经费增减额"),
        parts: parts.iter().map(|(k, g)| signed(g, &format!("{k} 增减额"))).collect(),
        row_span: total.change.amount.span.clone(),
    });
}
