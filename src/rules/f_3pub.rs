use super::{declare_rule, Ctx, Document, SkipReason, SumSpec, Term};
use crate::tables::{Cell, LabelledRow, TableBody, TableId};

declare_rule! {
    /// ### What it checks
    /// In the 财政拨款“三公”经费支出决算表 (F-3PUB), for 预算数 and for 决算数: 合计 = 因公出国(境)费
    /// + 公务用车购置及运行费 + 公务接待费, and 公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费.
    /// (会议费 and 培训费, printed after them by some provinces, are not parts of the 合计.)
    ///
    /// ### Why
    /// The 三公 决算 is read against its 预算 and quoted in the 情况说明; its 合计 is the figure
    /// every sentence about 三公 restates.
    ///
    /// ### Example
    /// 37: 预算数 76.43 = 30.00 + 40.63 + 5.80, 40.63 = 0 + 40.63; 决算数 46.21 = 4.69 + 40.61 + 0.90.
    ///
    /// ### Known problems
    /// Blank cells are not printed; each amount is placed under the 栏次 number nearest it. When
    /// an amount stands about as near two numbers, the row is not checked and the report says so.
    F3Pub, "F-3PUB", "“三公”经费决算表：合计 = 各项之和", "三公 final accounts: totals = their items", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let id = TableId::Final3Pub;
    let Some(t) = doc.tables.iter().find(|t| t.id == id) else { return };
    let Some(TableBody::Labelled(l)) = &t.body else { return };
    for r in &l.rows {
        if r.problem.is_some() || r.cells.len() < 6 {
            ctx.skip(
                &F3Pub::META,
                Some(id),
                SkipReason::AmbiguousColumns { row: format!("F-3PUB {}", r.label) },
                Some(r.line),
            );
            continue;
        }
        let term = |j: usize| cell(doc, &l.columns, r, j);
        sum(doc, ctx, r, term(0), vec![term(1), term(2), term(5)]);
        sum(doc, ctx, r, term(2), vec![term(3), term(4)]);
    }
}

fn cell(doc: &Document<'_>, columns: &[String], r: &LabelledRow, j: usize) -> Term {
    let what = format!("F-3PUB {} {}", r.label, columns.get(j).map_or("", String::as_str));
    match r.cells.get(j) {
        Some(Cell::Value(a)) => Term::from_amount(a, what, doc.text),
        _ => Term::blank(what),
    }
}

fn sum(doc: &Document<'_>, ctx: &mut Ctx, r: &LabelledRow, total: Term, parts: Vec<Term>) {
    let place = format!("F-3PUB {} {}（= Σ 各项）", r.label, total.what.rsplit(' ').next().unwrap_or(""));
    ctx.check_sum(SumSpec {
        meta: &F3Pub::META,
        table: Some(TableId::Final3Pub),
        place_en: place.clone(),
        place_zh: place,
        total,
        parts,
        row_span: doc.lines.get(r.line).map_or(0..0, |l| l.span.clone()),
    });
}
