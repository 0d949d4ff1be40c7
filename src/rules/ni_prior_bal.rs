use super::{declare_rule, Ctx, Document, SumSpec, Term};
use crate::narrative::Growth;
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// Last year balanced too: the prior-year figures implied by the 收入 section's growth
    /// statements (this year ∓ change, item by item) add up to those implied by the 支出 section's.
    ///
    /// ### Why
    /// A budget balances every year; if this year's items and their changes are right, last year's
    /// income and expenditure they imply are equal. A wrong change amount breaks that even where its
    /// own rate cannot show it (a cut of almost 100% prints 100% whatever the cut).
    ///
    /// ### Example
    /// Income 2091.43 + 7374.70 + 115.22 = 9581.35 = 576.97 + 9004.38 expenditure.
    ///
    /// ### Known problems
    /// Runs only when each section's items add up to T1's total this year (so they are a complete,
    /// non-overlapping split); the sections are found by their headings (收入预算情况 / 支出预算情况).
    NiPriorBal, "NI-PRIOR-BAL", "上年收入 = 上年支出（由增减额推算）", "implied last-year income = expenditure", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPriorBal::META;
    let Some(t1) = super::balance_lines::table(meta, doc, ctx) else { return };
    let (Some(inc_total), Some(exp_total)) = (
        t1.income_total.as_ref().and_then(|i| i.amount.clone()),
        t1.expense_total.as_ref().and_then(|i| i.amount.clone()),
    ) else {
        return;
    };
    let (Some(inc), Some(exp)) = (&doc.narrative.sections.income, &doc.narrative.sections.expense) else { return };
    let in_range = |g: &&Growth, r: &std::ops::Range<usize>| r.contains(&g.current.at.start);
    let income: Vec<&Growth> = doc.narrative.growths.iter().filter(|g| in_range(g, inc)).collect();
    let expense: Vec<&Growth> = doc.narrative.growths.iter().filter(|g| in_range(g, exp)).collect();
    if income.len() < 2 || expense.len() < 2 {
        return;
    }
    // The items must split this year's totals exactly (within rounding): a complete partition.
    let partitions = |gs: &[&Growth], total: &crate::amount::Amount| {
        let (sum, env) = gs.iter().fold((Decimal::ZERO, total.half_step()), |(s, e), g| {
            (s + g.current.value_wan().0, e + g.current.value_wan().1)
        });
        (sum - total.value).abs() <= env
    };
    if !partitions(&income, &inc_total) || !partitions(&expense, &exp_total) {
        return;
    }
    let prior = |g: &Growth| {
        let (c, hc) = g.current.value_wan();
        let (a, ha) = g.change.value_wan();
        (if g.up { c - a } else { c + a }, hc + ha)
    };
    let term = |g: &Growth, side: &str| {
        let (v, h) = prior(g);
        Term {
            value: v,
            half: h,
            decimals: g.change.amount.decimals.max(g.current.amount.decimals),
            printed: crate::amount::format_fixed(v, g.change.amount.decimals.max(g.current.amount.decimals)),
            span: Some(g.change.amount.span.clone()),
            what: format!(
                "{side}：上年数（{} {} {}）",
                doc.text.get(g.current.amount.span.clone()).unwrap_or(""),
                if g.up { "−" } else { "+" },
                doc.text.get(g.change.amount.span.clone()).unwrap_or("")
            ),
        }
    };
    let inc_terms: Vec<Term> = income.iter().map(|g| term(g, "收入")).collect();
    let exp_terms: Vec<Term> = expense.iter().map(|g| term(g, "支出")).collect();
    // Σ income priors as the "total", Σ expenditure priors as the parts.
    let (iv, ih) = inc_terms.iter().fold((Decimal::ZERO, Decimal::ZERO), |(v, h), t| (v + t.value, h + t.half));
    let total = Term {
        value: iv,
        half: ih,
        decimals: 2,
        printed: crate::amount::format_fixed(iv, 2),
        span: inc_terms.first().and_then(|t| t.span.clone()),
        what: format!(
            "上年收入合计（{}）",
            inc_terms.iter().map(|t| t.printed.as_str()).collect::<Vec<_>>().join(" + ")
        ),
    };
    let ev: Decimal = exp_terms.iter().map(|t| t.value).sum();
    let since = ctx.findings.len();
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "由增减额推算的上年收入 = 上年支出".into(),
        place_en: "implied last-year income = implied last-year expenditure".into(),
        total,
        parts: exp_terms,
        row_span: 0..0,
    });
    // Last year's income short of its expenditure: an income line of last year that this
    // year's text leaves out (`财政拨款结转未安排`) explains it — a warning, not an error.
    // (A gap under 1 万元 is rather a slip in a printed change than a whole line left out.)
    if ev - iv >= Decimal::ONE {
        ctx.soften_since(
            since,
            "（上年收入少于上年支出：可能上年有、今年未列的收入项）",
            " (last year's income falls short: a source of last year not stated this year would explain it)",
        );
    }
}
