use super::{declare_rule, Ctx, Document, Finding, Label, Severity};
use crate::tables::{Cell, TableBody, TableId};

declare_rule! {
    /// ### What it checks
    /// A 公务用车运行(维护)费 in T10 needs a car to run: when T10 budgets it, the 国有资产 list
    /// should count at least one 一般公务用车 or 执法执勤用车 — a warning.
    ///
    /// ### Why
    /// The catalogue's NI-CAR-3PUB: running costs without an official car usually mean a car
    /// counted under 其他车辆, or a stale 三公 line.
    ///
    /// ### Example
    /// S1: T10 公务用车运行费 2.14, but `一般公务用车 0 辆…执法执勤用车 0 辆…其他车辆 1 辆`.
    ///
    /// ### Known problems
    /// Some units run a car counted under 其他车辆 on the 三公 line; hence a warning only.
    NiCar3Pub, "NI-CAR-3PUB", "有公务用车运行费则应有公务用车", "car running costs need an official car", check: check, severity: Warning
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiCar3Pub::META;
    let Some(cars) = &doc.narrative.facts.cars else { return };
    let Some(TableBody::Labelled(t10)) = doc.tables.iter().find(|t| t.id == TableId::T10).and_then(|t| t.body.as_ref())
    else {
        return;
    };
    let Some((row, Cell::Value(run))) = t10
        .rows
        .iter()
        .find(|r| r.label.contains("运行") && !r.label.contains("购置"))
        .or_else(|| t10.rows.iter().find(|r| r.label.contains("运行")))
        .and_then(|r| r.cells.first().map(|c| (r, c)))
    else {
        return;
    };
    if run.value.is_zero() {
        return;
    }
    let official: Vec<_> = cars.parts.iter().filter(|p| p.0 != "其他车辆").collect();
    if official.len() != 2 {
        return;
    }
    if official.iter().any(|p| !p.1.value.is_zero()) {
        ctx.record(None);
        return;
    }
    let printed = doc.text.get(run.span.clone()).unwrap_or("").to_string();
    ctx.record(Some(
        Finding::new(meta, Label { span: official[0].1.span.clone(), what: "一般公务用车".into() })
            .severity(Severity::Warning)
            .message(
                format!("T10 {} {printed} 万元，但一般公务用车与执法执勤用车均为 0 辆", row.label),
                format!("T10 {} {printed}, but no official or law-enforcement car is listed", row.label),
            )
            .found("0 辆")
            .expected("≥ 1 辆")
            .note(format!("{printed} > 0，公务用车 0 + 0 = 0"))
            .related(vec![
                Label { span: run.span.clone(), what: format!("T10 {}", row.label) },
                Label { span: official[1].1.span.clone(), what: "执法执勤用车".into() },
            ]),
    ));
}
