use super::{balance_lines, bind, declare_rule, Ctx, Document, Severity, SumSpec, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// The 部门整体绩效目标表's 资金来源: 上级安排 + 本级安排 + 其他资金 = T1 收入总计 (an
    /// error beyond rounding); 本级安排 = T1 一般财力 (the unit's own general budget, printed
    /// again: an error when it differs and the parts miss T1's total; a warning when the parts
    /// still add up to it; 一般财力 + 财政拨款结转 accepted); 上级安排 = T1's 上级…转移支付 lines
    /// (a warning).
    ///
    /// ### Why
    /// The unit-wide target covers the whole budget, split by where the money comes from (the
    /// catalogue's NI-PERF-WHOLE-FUND: E for the sum; the 上级 part only W, since some units
    /// count the carry-over with the 上级 money).
    ///
    /// ### Example
    /// S2 `上级安排 1382` + `本级安排 3950.3` = T1 5,332.30. S1 `本级资金 308.43` vs T1 一般财力
    /// 308.44 is an error (the catalogue's §3.1 #2); S0 `上级安排 7923.73` vs T1 7793.53 (the
    /// 130.20 carry-over included) a warning.
    ///
    /// ### Known problems
    /// Reads the first 资金来源 block; the three figures must follow it within a few lines.
    NiPerfWholeFund, "NI-PERF-WHOLE-FUND", "整体绩效目标资金来源 = 收支总表", "unit-wide target funding = T1", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPerfWholeFund::META;
    let Some(w) = doc.narrative.whole_fund() else { return };
    let Some(t1) = balance_lines::table(meta, doc, ctx) else { return };
    let upper = Term::from_amount(&w.upper, "整体绩效目标表 上级安排", doc.text);
    let own = Term::from_amount(&w.own, "整体绩效目标表 本级安排", doc.text);
    if let Some(total) = t1.income_total.as_ref().and_then(|i| bind::balance_term(TableId::T1, i, doc)) {
        let mut parts = vec![upper.clone(), own.clone()];
        parts.extend(w.other.as_ref().map(|o| Term::from_amount(o, "整体绩效目标表 其他资金", doc.text)));
        ctx.check_sum(SumSpec {
            meta,
            table: None,
            place_zh: "整体绩效目标表：上级安排 + 本级安排 + 其他资金 = T1 收入总计".into(),
            place_en: "unit-wide target: upper + own + other funds = T1 total income".into(),
            total,
            parts,
            row_span: w.upper.span.clone(),
        });
    }
    let named = |key: &str| t1.income.iter().find(|i| bind::canon(&i.label) == bind::canon(key));
    if let Some(item) = named("一般财力").or_else(|| named("一般公共预算")) {
        let gf = balance_lines::term(item, doc.text);
        // 本级 may also count the carry-over and the unit's own fund incomes (政府性基金收入,
        // 国有资本经营收入): 本级 = 一般财力 (+ 结转) (+ 本级 fund incomes).
        let amount_of =
            |k: &str| named(k).and_then(|i| i.amount.as_ref()).map_or(rust_decimal::Decimal::ZERO, |a| a.value);
        let co = amount_of("财政拨款结转");
        let funds = amount_of("政府性基金收入") + amount_of("国有资本经营收入");
        let exact =
            |v: rust_decimal::Decimal| crate::amount::format_fixed(v, own.decimals) == own.printed.replace(',', "");
        if [gf.value + co, gf.value + funds, gf.value + co + funds].into_iter().filter(|v| *v != gf.value).any(exact) {
            ctx.record(None);
        } else {
            // A reallocation between 上级 and 本级 that keeps the total is a convention (W); a
            // 本级 figure that also breaks the total is a slip (E: S1 308.43 vs 308.44).
            let parts_sum =
                w.upper.value + w.own.value + w.other.as_ref().map_or(rust_decimal::Decimal::ZERO, |o| o.value);
            let total_exact =
                t1.income_total.as_ref().and_then(|i| i.amount.as_ref()).is_some_and(|a| a.value == parts_sum);
            let sev = if total_exact { Severity::Warning } else { Severity::Error };
            bind::restates(meta, own, "整体绩效目标表 本级安排", gf, sev, ctx);
        }
    }
    let uppers: Vec<_> =
        t1.income.iter().filter(|i| i.label.contains("上级") && i.label.contains("转移支付")).collect();
    if !uppers.is_empty() && uppers.iter().all(|i| i.amount.is_some() || i.amounts.is_empty()) {
        let terms: Vec<Term> = uppers.iter().map(|i| balance_lines::term(i, doc.text)).collect();
        if let Some(target) = Term::sum(&terms, "T1 上级转移支付") {
            bind::restates(meta, upper, "整体绩效目标表 上级安排", target, Severity::Warning, ctx);
        }
    }
}
