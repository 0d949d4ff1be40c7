use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};
use crate::narrative::Growth;
use crate::tables::TableId;
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// The changes stated item by item (`…(项)：预算数为 Y 万元，比上年增加/减少 A 万元`) add up to
    /// the change stated for the whole general budget (`基本支出 X，比上年增加 A₁ … 项目支出 Y，比上年
    /// 减少 A₂`): Σ ±A(项) = ±A₁ ± A₂.
    ///
    /// ### Why
    /// The items are the complete split of T5; their changes must add up to the change of the total.
    /// A wrong change amount shows here even when its own rate cannot show it.
    ///
    /// ### Example
    /// S0: the fourteen 项 changes add up to 60.63 + 2274.37 = 2335.00.
    ///
    /// ### Known problems
    /// Runs only when the 项 items add up to T5's 合计 this year and both 基本支出 and 项目支出
    /// statements of that section are found.
    NiPriorItems, "NI-PRIOR-ITEMS", "各项增减额之和 = 一般公共预算增减额", "Σ item changes = change of the general budget", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiPriorItems::META;
    if doc.narrative.item_amounts().len() < 2 || !doc.narrative.items_closed {
        return;
    }
    let Some(t5) =
        doc.tables.iter().find(|t| t.id == TableId::T5).and_then(|t| t.coded()).filter(|c| !c.columns.is_empty())
    else {
        return;
    };
    let Some(total_row) = lookup::total_row(t5) else { return };
    let (Some(total), Some(basic), Some(project)) = (
        lookup::cell(TableId::T5, t5, total_row, &t5.columns[0], doc),
        lookup::cell(TableId::T5, t5, total_row, "基本支出", doc),
        lookup::cell(TableId::T5, t5, total_row, "项目支出", doc),
    ) else {
        return;
    };
    let items: Vec<&Growth> = doc
        .narrative
        .growths
        .iter()
        .filter(|g| doc.narrative.item_amounts().iter().any(|it| it.amount.at == g.current.at))
        .collect();
    let first_item = doc.narrative.item_amounts().iter().map(|it| it.amount.at.start).min().unwrap_or(0);
    // The section's scale statements: the last 基本支出 / 项目支出 figures before the items.
    let same = |g: &Growth, t: &Term| g.current.value_wan().0 == t.value;
    let scale_basic = doc.narrative.growths.iter().rev().find(|g| g.current.at.start < first_item && same(g, &basic));
    let scale_project =
        doc.narrative.growths.iter().rev().find(|g| g.current.at.start < first_item && same(g, &project));
    let (Some(sb), Some(sp)) = (scale_basic, scale_project) else { return };
    // Items must split T5's total this year.
    let (sum, env) = doc
        .narrative
        .item_amounts()
        .iter()
        .fold((Decimal::ZERO, total.half), |(s, e), it| (s + it.amount.value_wan().0, e + it.amount.value_wan().1));
    if (sum - total.value).abs() > env
        || items.len() + doc.narrative.item_amounts().iter().filter(|it| it.amount.amount.value.is_zero()).count()
            < doc.narrative.item_amounts().len()
    {
        return;
    }
    let signed = |g: &Growth| {
        let (a, h) = g.change.value_wan();
        (if g.up { a } else { -a }, h)
    };
    let term = |g: &Growth, what: &str| {
        let (v, h) = signed(g);
        Term {
            value: v,
            half: h,
            decimals: g.change.amount.decimals,
            printed: format!(
                "{}{}",
                if g.up { "+" } else { "−" },
                doc.text.get(g.change.amount.span.clone()).unwrap_or("")
            ),
            span: Some(g.change.amount.span.clone()),
            what: what.to_string(),
        }
    };
    let (bv, bh) = signed(sb);
    let (pv, ph) = signed(sp);
    let whole = Term {
        value: bv + pv,
        half: bh + ph,
        decimals: sb.change.amount.decimals.max(sp.change.amount.decimals),
        printed: crate::amount::format_fixed(bv + pv, sb.change.amount.decimals.max(sp.change.amount.decimals)),
        span: Some(sb.change.amount.span.clone()),
        what: format!("基本支出 {} + 项目支出 {}", term(sb, "").printed, term(sp, "").printed),
    };
    let items_sum: Decimal = items.iter().map(|g| signed(g).0).sum();
    let whole_change = whole.value;
    let since = ctx.findings.len();
    ctx.check_sum(SumSpec {
        meta,
        table: None,
        place_zh: "一般公共预算各项增减额之和 = 基本支出与项目支出增减额之和".into(),
        place_en: "Σ item changes = basic + project change".into(),
        total: whole,
        parts: items.iter().map(|g| term(g, "项 增减额")).collect(),
        row_span: 0..0,
    });
    // The items' changes larger than the whole's: last year had an item this year's list
    // leaves out (cut to zero and not listed) — a warning, not an error.
    // (A gap under 1 万元 is rather a slip in a printed change than an item left out.)
    if items_sum - whole_change >= Decimal::ONE {
        ctx.soften_since(
            since,
            "（可能有上年有、今年为 0 未列出的项）",
            " (an item of last year cut to zero and not listed would explain it)",
        );
    }
}
