use super::{declare_rule, Ctx, Document, Finding, Label, Severity};
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// The 指标分值权重 of each 绩效目标表 add up to 90 (the 新疆 template keeps 10 points for
    /// 预算执行率) or to 100 (templates without that reserve).
    ///
    /// ### Why
    /// Weights are the scoring of the performance evaluation; a table whose weights add up to
    /// anything else was edited without rebalancing (the catalogue's NI-PERF-WEIGHT, reported at
    /// S0 92 and S4 88 as violations).
    ///
    /// ### Example
    /// S0 破产企业退休职工人员经费项目: 7 + 7 + 6 + 5 + 5 + 5 + 5 + 5 + 5 + 10 + 8 + 8 + 6 + 10 = 92.
    ///
    /// ### Known problems
    /// Read from tab-separated tables only (the weight is the cell before 指标赋分规则, or the
    /// row's last cell); a table with any row whose weight cannot be read, or cut off by the end
    /// of the paste, is not checked and is listed.
    NiPerfWeight, "NI-PERF-WEIGHT", "绩效指标分值权重合计 = 90（或 100）", "performance weights add up to 90 (or 100)", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPerfWeight::META;
    for _ in 0..doc.narrative.weights.unread {
        ctx.skip(meta, None, super::SkipReason::UnrecognisedLine { item: "绩效目标表 指标分值权重".into() }, None);
    }
    for t in &doc.narrative.weights.tables {
        let sum: Decimal = t.weights.iter().map(|a| a.value).sum();
        if sum == Decimal::from(90) || sum == Decimal::from(100) {
            ctx.record(None);
            continue;
        }
        let what =
            t.name.as_ref().map_or("部门整体绩效目标表".to_string(), |n| format!("项目“{n}”绩效目标表"));
        let shown: Vec<String> =
            t.weights.iter().map(|a| doc.text.get(a.span.clone()).unwrap_or("").to_string()).collect();
        let sum_s = sum.normalize().to_string();
        ctx.record(Some(
            Finding::new(meta, Label { span: t.header.clone(), what: format!("{what} 指标分值权重") })
                .severity(Severity::Error)
                .message(
                    format!("{what}的指标分值权重合计 {sum_s}，应为 90（预留预算执行率 10 分）或 100"),
                    format!(
                        "{} weights add up to {sum_s}, not 90 (10 reserved for budget execution) or 100",
                        t.name.as_deref().unwrap_or("the unit-wide target table's")
                    ),
                )
                .found(sum_s.clone())
                .expected("90 / 100")
                .note(format!("{} = {sum_s}", shown.join(" + ")))
                .related(t.weights.iter().map(|a| Label { span: a.span.clone(), what: "分值权重".into() }).collect()),
        ));
    }
}
