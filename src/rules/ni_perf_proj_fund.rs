use super::{table_rule, SumSpec, Term};

table_rule! {
    /// ### What it checks
    /// Each project's 绩效目标表: 年度预算总额 = 其中：财政拨款 + 其他资金.
    ///
    /// ### Why
    /// The project's budget is funded by fiscal money and other funds; the lines must add up.
    /// A table copied from another project often keeps the other project's figures.
    ///
    /// ### Example
    /// `年度预算总额: 13 其中: 财政拨款 153.24 其他资金: 0` — 153.24 + 0 ≠ 13.
    ///
    /// ### Known problems
    /// Reads the three figures where the text prints them in this order.
    NiPerfProjFund, "NI-PERF-PROJ-FUND", "绩效目标表：年度预算总额 = 财政拨款 + 其他资金", "project target: total = fiscal + other funds",
    |doc, ctx| {
        let meta = &NiPerfProjFund::META;
        for f in &doc.fund_splits {
            let total = Term::from_amount(&f.total, "年度预算总额", doc.text);
            let mut parts = vec![Term::from_amount(&f.fiscal, "其中：财政拨款", doc.text)];
            if let Some(o) = &f.other {
                parts.push(Term::from_amount(o, "其他资金", doc.text));
            }
            ctx.check_sum(SumSpec {
                meta,
                table: None,
                place_zh: "项目绩效目标表：年度预算总额 = 财政拨款 + 其他资金".into(),
                place_en: "project target: total = fiscal + other".into(),
                total,
                parts,
                row_span: f.total.span.clone(),
            });
        }
    }
}
