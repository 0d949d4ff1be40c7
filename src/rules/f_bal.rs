use super::{balance_lines, declare_rule, lookup, Ctx, Document, RuleMeta, SumSpec, Term};
use crate::tables::{BalanceItem, BalanceTable, IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In the 收入支出决算总表 (F-TOTAL), the 决算 identities of the catalogue's §5: 本年收入合计 =
    /// Σ the numbered income lines (一、… 八、); 本年支出合计 = Σ the numbered expenditure lines;
    /// 总计 (left) = 本年收入合计 + the lines after it (使用非财政拨款结余, 年初结转和结余);
    /// 总计 (right) = 本年支出合计 + the lines after it (结余分配, 年末结转和结余); and the two 总计
    /// are equal.
    ///
    /// ### Why
    /// The 总表 is the 决算's balance sheet: what came in and was carried in equals what went out
    /// and was carried on. Every other 决算 table restates one of its lines.
    ///
    /// ### Example
    /// 37: 20,451.35 + 0 + 1,615.24 = 22,066.59 = 14,572.53 + 0 + 7,494.06 ✓.
    ///
    /// ### Known problems
    /// The 行次 numbers are dropped by their look (integers of up to three digits); a table that
    /// prints whole-number amounts would lose them. Lines are told apart by their enumerator only.
    FBal, "F-BAL", "收入支出决算总表：收入总计 = 支出总计", "final accounts: income total = expenditure total", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance(&FBal::META, TableId::FinalTotal, doc, ctx);
}

/// The balance identities of a 决算 总表 `id`: each side's sums and 收入总计 = 支出总计.
pub(super) fn balance(meta: &'static RuleMeta, id: TableId, doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(t) = doc.tables.iter().find(|t| t.id == id) else { return };
    let Some(b) = t.balance() else { return };
    for (side, income) in [(&b.income, true), (&b.expense, false)] {
        side_sums(meta, id, doc, ctx, b, side, income);
    }
    if let (Some(l), Some(r)) = (total(b, true), total(b, false)) {
        let term = |i: &BalanceItem| balance_lines::term_of(id, i, doc.text);
        let n = id.as_str();
        lookup::equal(
            meta,
            id,
            format!("{n} 总计（收入 = 支出）"),
            format!("{n} totals (income = spending)"),
            term(r),
            term(l),
            ctx,
        );
    }
}

/// A side's 总计, when printed with an amount.
pub(super) fn total(b: &BalanceTable, income: bool) -> Option<&BalanceItem> {
    let t = if income { &b.income_total } else { &b.expense_total };
    t.as_ref().filter(|i| i.amount.is_some())
}

/// The side's 本年收入合计 / 本年支出合计 line, when printed with an amount.
pub(super) fn year_total(side: &[BalanceItem], income: bool) -> Option<usize> {
    let word = if income { "本年收入合计" } else { "本年支出合计" };
    side.iter().position(|i| i.label == word && i.amount.is_some())
}

/// A line after the year's total that names one fund (`一般公共预算财政拨款`) without being a
/// carry-over of its own: a part of the carry-over line above it.
pub(super) fn is_fund_part(i: &BalanceItem) -> bool {
    let c = &i.label;
    ["一般公共预算", "政府性基金", "国有资本"].iter().any(|k| c.contains(k))
        && !c.contains("结转")
        && !c.contains("结余")
}

/// The lines after the year's total: each carry-over line with the fund lines printed under it.
fn carry_overs(after: &[BalanceItem]) -> Vec<(&BalanceItem, Vec<&BalanceItem>)> {
    let mut out: Vec<(&BalanceItem, Vec<&BalanceItem>)> = Vec::new();
    for i in after {
        match out.last_mut() {
            Some((_, parts)) if is_fund_part(i) => parts.push(i),
            _ => out.push((i, Vec::new())),
        }
    }
    out
}

/// 本年收入合计 = Σ numbered lines above it; 总计 = 本年收入合计 + the carry-over lines below
/// it; a carry-over = Σ the fund lines under it (one side).
fn side_sums(
    meta: &'static RuleMeta,
    id: TableId,
    doc: &Document<'_>,
    ctx: &mut Ctx,
    b: &BalanceTable,
    side: &[BalanceItem],
    income: bool,
) {
    let Some(k) = year_total(side, income) else { return };
    let word = &side[k].label;
    let n = id.as_str();
    let term = |i: &BalanceItem| balance_lines::term_of(id, i, doc.text);
    let spec = |place: String, total: &BalanceItem, parts: Vec<Term>| SumSpec {
        meta,
        table: Some(id),
        place_en: place.clone(),
        place_zh: place,
        total: term(total),
        parts,
        row_span: balance_lines::line_span(doc, total),
    };
    let numbered: Vec<Term> = side[..k].iter().filter(|i| i.level == IncomeLevel::Numbered).map(term).collect();
    if !numbered.is_empty() {
        ctx.check_sum(spec(format!("{n} {word}（= Σ 各项）"), &side[k], numbered));
    }
    let carries = carry_overs(&side[k + 1..]);
    for (carry, parts) in &carries {
        if carry.amount.is_some() && parts.iter().any(|p| p.amount.is_some()) {
            let place = format!("{n} {}（= Σ 各资金）", carry.printed);
            ctx.check_sum(spec(place, carry, parts.iter().map(|p| term(p)).collect()));
        }
    }
    if let Some(t) = total(b, income) {
        let parts: Vec<Term> = std::iter::once(&side[k]).chain(carries.iter().map(|(c, _)| *c)).map(term).collect();
        let side_name = if income { "收入" } else { "支出" };
        ctx.check_sum(spec(format!("{n} {side_name}总计（= {word} + 结余各项）"), t, parts));
    }
}
