use super::{declare_rule, Ctx, Document, SumSpec, Term};
use crate::narrative::Figure;

declare_rule! {
    /// ### What it checks
    /// A “三公”经费 total stated with its parts (`“三公”经费预算数为 8.00 万元，其中，公务接待费
    /// 3.00 万元，公务用车购置及运行费 5.00 万元（其中，公务用车购置费 0.00 万元，公务用车运行费
    /// 5.00 万元），因公出国（境）费 0.00 万元`): total = 因公出国（境）费 + 公务用车购置及运行费 +
    /// 公务接待费, and 公务用车购置及运行费 = 购置费 + 运行费, in any part of the text.
    ///
    /// ### Why
    /// The three items are the whole of the 三公 (the catalogue's N10); the sentence restates
    /// them wherever the template puts it, also where no table is printed (HTML pages) or read.
    ///
    /// ### Example
    /// corpus 70: 3.00 + 5.00 + 0.00 = 8.00 ✓; 0.00 + 5.00 = 5.00 ✓.
    ///
    /// ### Known problems
    /// Compared only when the list names all three items (the 公务用车 item as its subtotal or
    /// as its two parts) after `其中` in the total's sentence or the next one.
    Ni3PubSum, "NI-3PUB-SUM", "“三公”经费 = 因公出国（境）+ 公务用车购置及运行 + 公务接待", "三公 total = abroad + cars + reception", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &Ni3PubSum::META;
    let t = |f: &Figure, what: &str| Term::figure(f, what, doc.text);
    for l in &doc.narrative.facts.three_pub {
        let split = match (&l.car_purchase, &l.car_running) {
            (Some(p), Some(r)) => Some([t(p, "公务用车购置费"), t(r, "公务用车运行费")]),
            _ => None,
        };
        if let (Some(cars), Some(parts)) = (&l.cars, &split) {
            ctx.check_sum(SumSpec {
                meta,
                table: None,
                place_zh: "公务用车购置及运行费 = 购置费 + 运行费".into(),
                place_en: "official cars = purchase + running".into(),
                total: t(cars, "公务用车购置及运行费"),
                parts: parts.to_vec(),
                row_span: cars.amount.span.clone(),
            });
        }
        let cars = match (&l.cars, split) {
            (Some(c), _) => vec![t(c, "公务用车购置及运行费")],
            (None, Some(parts)) => parts.to_vec(),
            (None, None) => continue,
        };
        let (Some(abroad), Some(reception)) = (&l.abroad, &l.reception) else { continue };
        let mut parts = vec![t(abroad, "因公出国（境）费")];
        parts.extend(cars);
        parts.push(t(reception, "公务接待费"));
        ctx.check_sum(SumSpec {
            meta,
            table: None,
            place_zh: "“三公”经费 = 因公出国（境）+ 公务用车购置及运行 + 公务接待".into(),
            place_en: "三公 = abroad + cars + reception".into(),
            total: t(&l.total, "“三公”经费"),
            parts,
            row_span: l.total.amount.span.clone(),
        });
    }
}
