use super::{balance_lines, declare_rule, lookup, Ctx, Document, SumSpec, Term};
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
    let meta = &FBal::META;
    let Some(t) = doc.tables.iter().find(|t| t.id == TableId::FinalTotal) else { return };
    let Some(b) = t.balance() else { return };
    for (side, income) in [(&b.income, true), (&b.expense, false)] {
        side_sums(doc, ctx, b, side, income);
    }
    if let (Some(l), Some(r)) = (total(b, true), total(b, false)) {
        let term = |i: &BalanceItem| balance_lines::term_of(TableId::FinalTotal, i, doc.text);
        lookup::equal(
            meta,
            TableId::FinalTotal,
            "F-TOTAL 总计（收入 = 支出）".into(),
            "F-TOTAL totals (income = spending)".into(),
            term(r),
            term(l),
            ctx,
        );
    }
}

/// A side's 总计, when printed with an amount.
fn total(b: &BalanceTable, income: bool) -> Option<&BalanceItem> {
    let t = if income { &b.income_total } else { &b.expense_total };
    t.as_ref().filter(|i| i.amount.is_some())
}

/// 本年收入合计 = Σ numbered lines above it; 总计 = 本年收入合计 + the lines below it (one side).
fn side_sums(doc: &Document<'_>, ctx: &mut Ctx, b: &BalanceTable, side: &[BalanceItem], income: bool) {
    let meta = &FBal::META;
    let word = if income { "本年收入合计" } else { "本年支出合计" };
    let Some(k) = side.iter().position(|i| i.label == word && i.amount.is_some()) else { return };
    let term = |i: &BalanceItem| balance_lines::term_of(TableId::FinalTotal, i, doc.text);
    let spec = |place: String, total: &BalanceItem, parts: Vec<Term>| SumSpec {
        meta,
        table: Some(TableId::FinalTotal),
        place_en: place.clone(),
        place_zh: place,
        total: term(total),
        parts,
        row_span: balance_lines::line_span(doc, total),
    };
    let numbered: Vec<Term> = side[..k].iter().filter(|i| i.level == IncomeLevel::Numbered).map(term).collect();
    if !numbered.is_empty() {
        ctx.check_sum(spec(format!("F-TOTAL {word}（= Σ 各项）"), &side[k], numbered));
    }
    if let Some(t) = total(b, income) {
        let parts: Vec<Term> = side[k..].iter().map(term).collect();
        let side_name = if income { "收入" } else { "支出" };
        ctx.check_sum(spec(format!("F-TOTAL {side_name}总计（= {word} + 结余各项）"), t, parts));
    }
}
