use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支预算总体情况表 (T4), each expenditure line (every 类 and 支出总计):
    /// 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算.
    ///
    /// ### Why
    /// Fiscal spending of a class is split by the fund that pays for it.
    ///
    /// ### Example
    /// `208 11765.06 = 11765.06 + 0 + 0`.
    ///
    /// ### Known problems
    /// Where blank cells were lost, the first amount is taken as 合计 and the others as funds.
    T4Row, "T4-ROW", "财政拨款收支总表：合计 = 一般公共预算 + 政府性基金 + 国有资本经营", "T4: total = Σ funds, per class", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T4Row::META;
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    for item in t4.expense.iter().chain(t4.expense_total.iter()) {
        let name = item.code.as_deref().map_or(item.printed.clone(), |c| format!("{c} {}", item.label));
        // Blank cells lost: the first amount is still 合计 and every other amount a fund.
        let terms: Option<Vec<Term>> = match &item.positional {
            Some(_) => (0..4).map(|j| lookup::t4_cell(item, j, doc)).collect(),
            None if item.amounts.len() > 1 => {
                Some(item.amounts.iter().map(|a| Term::from_amount(a, format!("T4 {name}"), doc.text)).collect())
            }
            None => None,
        };
        let Some(mut terms) = terms else { continue };
        let total = terms.remove(0);
        if total.span.is_none() && terms.iter().all(|t| t.span.is_none()) {
            continue;
        }
        ctx.check_sum(SumSpec {
            meta,
            table: Some(TableId::T4),
            place_zh: format!("T4 {name}：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算"),
            place_en: format!("T4 {name}: total = Σ funds"),
            total,
            parts: terms,
            row_span: doc.lines.get(item.line).map_or(0..0, |l| l.span.clone()),
        });
    }
}
