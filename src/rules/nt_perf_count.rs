use super::{bind, declare_rule, lookup, Ctx, Document, Severity, SumSpec, Term};
use crate::tables::TableId;
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// `当年财政拨款项目 N 个，涉及预算金额 X 万元` (预算绩效情况): X = T5's 项目支出 合计 (which
    /// T7 details); and when the 项目支出情况说明 describes exactly N projects, their 预算安排规模
    /// add up to X as well.
    ///
    /// ### Why
    /// Every fiscal project carries a performance target, so the count and the money restate
    /// T7 / T5 (the catalogue's NT-PERF-COUNT, and NT-PROJ's Σ 规模 = T7 合计).
    ///
    /// ### Example
    /// S0 `当年财政拨款项目 10 个，涉及预算金额 11163.53 万元` = T5 项目支出 11163.53; the ten
    /// projects of section 七 add up to it.
    ///
    /// ### Known problems
    /// The project count is compared only through the sum of the described projects; T7's
    /// distinct names are not counted (names are often lost in extraction, HZ-22).
    NtPerfCount, "NT-PERF-COUNT", "绩效项目涉及金额 = 项目支出合计", "performance projects' money = project expenditure total", check: check_nt_perf_count
}

fn check_nt_perf_count(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtPerfCount::META;
    let Some(pc) = doc.narrative.perf_counts().iter().find(|p| !p.upper) else { return };
    let Some(t5) = lookup::coded(meta, TableId::T5, doc, ctx) else { return };
    let Some(projects_total) = lookup::total_row(t5).and_then(|r| lookup::cell(TableId::T5, t5, r, "项目支出", doc))
    else {
        ctx.skip(meta, Some(TableId::T5), super::SkipReason::AmountMissing { item: "合计 项目支出".into() }, None);
        return;
    };
    if let Some(f) = &pc.amount {
        let said = Term::from_amount(&f.amount, "情况说明 财政拨款项目涉及预算金额", doc.text);
        // T3's 项目支出 counts the carry-over's projects too (`…（含上年结转 130.20 万元）`).
        let with_co = doc
            .table(TableId::T3)
            .and_then(|t| t.coded())
            .and_then(|t3| lookup::total_row(t3).and_then(|r| lookup::cell(TableId::T3, t3, r, "项目支出", doc)));
        // 财政拨款 includes the 政府性基金 / 国有资本经营 appropriations: T5 + T8 + T9 projects.
        let funds: Decimal = [TableId::T8, TableId::T9]
            .iter()
            .filter_map(|&id| {
                doc.table(id)
                    .and_then(|t| t.coded())
                    .and_then(|t| lookup::total_row(t).and_then(|r| lookup::cell(id, t, r, "项目支出", doc)))
            })
            .map(|t| t.value)
            .sum();
        let all_funds = Term { value: projects_total.value + funds, ..projects_total.clone() };
        let close = |t: &Term| super::agrees(&said, t);
        if with_co.as_ref().is_some_and(close) || (!funds.is_zero() && close(&all_funds)) {
            ctx.record(None);
        } else {
            bind::restates(
                meta,
                said,
                "情况说明 财政拨款项目涉及预算金额",
                projects_total.clone(),
                Severity::Error,
                ctx,
            );
        }
    }
    let scales: Vec<&crate::narrative::Figure> =
        doc.narrative.projects.iter().filter_map(|p| p.scale.as_ref()).collect();
    let n = pc.count.value;
    if scales.is_empty() || Decimal::from(scales.len()) != n {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: format!("项目支出情况说明 {n} 个项目的预算安排规模之和 = T5 项目支出合计"),
        place_en: format!("the {n} projects' scales add up to T5's project total"),
        total: projects_total,
        parts: scales.iter().map(|f| Term::from_amount(&f.amount, "预算安排规模", doc.text)).collect(),
        row_span: scales[0].amount.span.clone(),
    });
}

declare_rule! {
    /// ### What it checks
    /// `未公开…上级转移支付项目 N 个，涉及预算金额 X 万元`: X = T1's 上级…安排转移支付 lines
    /// (the projects funded by transfers from above, whose performance tables are not published).
    ///
    /// ### Why
    /// The catalogue's NT-PERF-UNPUB: the unpublished projects are exactly those funded by the
    /// 上级 transfers, so their money restates T1.
    ///
    /// ### Example
    /// S0 `上级转移支付资金安排项目 5 个，涉及预算金额 7793.53 万元` = T1 上级一般公共预算安排转移支付 7793.53.
    ///
    /// ### Known problems
    /// The count is not compared (T2/T7 do not mark which project is funded from above).
    NtPerfUnpub, "NT-PERF-UNPUB", "未公开绩效项目涉及金额 = 上级转移支付", "unpublished projects' money = transfers from above", check: check_nt_perf_unpub
}

fn check_nt_perf_unpub(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtPerfUnpub::META;
    let Some(f) = doc.narrative.perf_counts().iter().find(|p| p.upper).and_then(|p| p.amount.as_ref()) else { return };
    let Some(t1) = super::balance_lines::table(meta, doc, ctx) else { return };
    let upper: Vec<&crate::tables::BalanceItem> =
        t1.income.iter().filter(|i| i.label.contains("上级") && i.label.contains("转移支付")).collect();
    if upper.is_empty() || upper.iter().any(|i| i.amount.is_none() && !i.amounts.is_empty()) {
        ctx.skip(meta, Some(TableId::T1), super::SkipReason::AmountMissing { item: "上级转移支付".into() }, None);
        return;
    }
    let said = Term::from_amount(&f.amount, "情况说明 上级转移支付项目涉及预算金额", doc.text);
    let parts: Vec<Term> = upper.iter().map(|i| super::balance_lines::term(i, doc.text)).collect();
    let row_span = f.amount.span.clone();
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "未公开项目涉及预算金额 = T1 上级转移支付".into(),
        place_en: "unpublished projects' money = T1 transfers from above".into(),
        total: said,
        parts,
        row_span,
    });
}
