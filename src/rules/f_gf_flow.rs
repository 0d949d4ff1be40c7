use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};
use crate::tables::{TableBody, TableId};

declare_rule! {
    /// ### What it checks
    /// In the 政府性基金预算财政拨款收入支出决算表 (F-GF), every row's flow (catalogue §5, D-T8-FLOW):
    /// 年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余.
    ///
    /// ### Why
    /// A fund's money carried in and received this year is either spent or carried on; a row that
    /// does not balance has a retyped figure (or money the table does not show, 调剂 / 上缴).
    ///
    /// ### Example
    /// 12, 229 其他支出: 58,830.98 + 509,220.66 = 568,051.64 ≈ 568,051.63 + 0 (rounding).
    ///
    /// ### Known problems
    /// The failing figures are pointed at as 年初结转和结余 and 本年收入 together; which of the four
    /// was retyped the row alone cannot tell (the rollup rules narrow it). Rows whose columns are
    /// uncertain are left.
    FGfFlow, "F-GF-FLOW", "政府性基金决算表：年初结转 + 本年收入 = 本年支出 + 年末结转", "government-fund final accounts: carried in + received = spent + carried on", check: check
}

const COLUMNS: [&str; 4] = ["年初结转和结余", "本年收入", "合计", "年末结转和结余"];

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let id = TableId::FinalGf;
    let Some(t) = doc.tables.iter().find(|t| t.id == id) else { return };
    let Some(TableBody::Coded(c)) = &t.body else { return };
    if !COLUMNS.iter().all(|n| c.columns.iter().any(|x| x == n)) {
        return;
    }
    for r in &c.rows {
        let cells: Option<Vec<Term>> = COLUMNS.iter().map(|n| lookup::cell(id, c, r, n, doc)).collect();
        let Some([opening, income, spent, closing]) = cells.and_then(|v| <[Term; 4]>::try_from(v).ok()) else {
            continue;
        };
        let label = crate::rules::coded_sums::row_label(r);
        let place = format!("F-GF {label}（年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余）");
        ctx.check_sum(SumSpec {
            meta: &FGfFlow::META,
            table: Some(id),
            place_zh: place.clone(),
            place_en: place,
            total: inflow(opening, income),
            parts: vec![spent, closing],
            row_span: r.span.clone(),
        });
    }
}

/// 年初结转和结余 + 本年收入 as one term, pointed at both cells (either may be the slip).
fn inflow(opening: Term, income: Term) -> Term {
    let span = match (&opening.span, &income.span) {
        (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
        (a, b) => a.clone().or(b.clone()),
    };
    Term {
        value: opening.value + income.value,
        half: opening.half + income.half,
        decimals: opening.decimals.max(income.decimals),
        printed: format!("{} + {}", opening.printed, income.printed),
        span,
        what: format!("{} + 本年收入", opening.what),
    }
}
