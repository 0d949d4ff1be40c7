use super::{balance_lines, declare_rule, f_bal, Ctx, Document, SumSpec, Term};
use crate::tables::{BalanceItem, IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In the 财政拨款收入支出决算总表 (F-FIS-TOTAL): 本年收入合计 = Σ the fund lines (一、一般公共
    /// 预算财政拨款, 二、政府性基金 …); 年初财政拨款结转和结余 = Σ the fund lines printed under it;
    /// each 总计 = its 本年合计 + the carry-over lines; 收入总计 = 支出总计. On the spending side
    /// every line's 合计 = Σ its fund columns (一般公共预算财政拨款 + 政府性基金 + 国有资本经营),
    /// and, where every line prints every column, each fund column of 本年支出合计 and 总计 = Σ
    /// that column of the lines it totals.
    ///
    /// ### Why
    /// This table restates the 总表 for the fiscal money alone, fund by fund; its columns are what
    /// the 一般公共预算 and 政府性基金 tables detail, so a slip here breaks the chain.
    ///
    /// ### Example
    /// 12: 296,030.91 + 509,220.66 = 805,251.56 (本年收入合计); 805,251.56 + 58,926.37 =
    /// 864,177.93 (总计); 本年支出合计 864,099.38 = 296,047.75 + 568,051.63.
    ///
    /// ### Known problems
    /// A line printing its 合计 and fewer fund amounts than the header has columns (blank cells
    /// not printed) is checked as 合计 = Σ what is printed; the fund columns are summed down only
    /// when no line left a cell blank.
    FFisBal, "F-FIS-BAL", "财政拨款收入支出决算总表：各资金之和与合计、收入总计 = 支出总计", "fiscal final accounts: funds add up, income total = expenditure total", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let id = TableId::FinalFisTotal;
    f_bal::balance(&FFisBal::META, id, doc, ctx);
    let Some(b) = doc.tables.iter().find(|t| t.id == id).and_then(|t| t.balance()) else { return };
    for line in b.expense.iter().chain(&b.expense_total) {
        row_funds(doc, ctx, line);
    }
    let Some(k) = f_bal::year_total(&b.expense, false) else { return };
    let lines: Vec<&BalanceItem> =
        b.expense[..k].iter().filter(|i| i.level == IncomeLevel::Numbered && !i.amounts.is_empty()).collect();
    column_sums(doc, ctx, &b.expense[k], &lines);
    if let Some(t) = f_bal::total(b, false) {
        let below: Vec<&BalanceItem> =
            b.expense[k..].iter().filter(|i| !i.amounts.is_empty() && !f_bal::is_fund_part(i)).collect();
        column_sums(doc, ctx, t, &below);
    }
}

/// A column of a spending line as a term: 合计, then the fund columns by number.
fn cell(doc: &Document<'_>, line: &BalanceItem, j: usize) -> Option<Term> {
    let col = if j == 0 { "合计".to_string() } else { format!("第{}栏", j + 1) };
    let what = format!("{} {} {col}", TableId::FinalFisTotal.as_str(), line.printed);
    line.amounts.get(j).map(|a| Term::from_amount(a, what, doc.text))
}

fn spec(doc: &Document<'_>, place: String, line: &BalanceItem, total: Term, parts: Vec<Term>) -> SumSpec {
    SumSpec {
        meta: &FFisBal::META,
        table: Some(TableId::FinalFisTotal),
        place_en: place.clone(),
        place_zh: place,
        total,
        parts,
        row_span: balance_lines::line_span(doc, line),
    }
}

/// 合计 = Σ the fund amounts printed after it on the line.
fn row_funds(doc: &Document<'_>, ctx: &mut Ctx, line: &BalanceItem) {
    if line.amounts.len() < 2 {
        return;
    }
    let Some(total) = cell(doc, line, 0) else { return };
    let parts: Vec<Term> = (1..line.amounts.len()).filter_map(|j| cell(doc, line, j)).collect();
    let place = format!("{} {}（合计 = Σ 各资金）", TableId::FinalFisTotal.as_str(), line.printed);
    ctx.check_sum(spec(doc, place, line, total, parts));
}

/// Each fund column of `total` = Σ that column of `lines`, when all print as many amounts.
fn column_sums(doc: &Document<'_>, ctx: &mut Ctx, total: &BalanceItem, lines: &[&BalanceItem]) {
    let n = total.amounts.len();
    if n < 2 || lines.is_empty() || lines.iter().any(|l| l.amounts.len() != n) {
        return;
    }
    for j in 1..n {
        let Some(t) = cell(doc, total, j) else { continue };
        let parts: Vec<Term> = lines.iter().filter_map(|l| cell(doc, l, j)).collect();
        let place = format!("{} {} 第{}栏（= Σ 各行）", TableId::FinalFisTotal.as_str(), total.printed, j + 1);
        ctx.check_sum(spec(doc, place, total, t, parts));
    }
}
