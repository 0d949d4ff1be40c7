use super::sums::same_figure;
use super::{declare_rule, lookup, Ctx, Document, Finding, Label, RuleMeta, Severity, Term};
use crate::amount::SumCheck;
use crate::narrative::Labelled;
use crate::tables::{BalanceTable, Cell, CodedTable, IncomeLevel, LabelledTable, TableBody, TableId, TableStatus};
use std::collections::HashSet;

declare_rule! {
    /// ### What it checks
    /// Narrative figures that restate a table figure, by the label printed right before them:
    /// 收支总预算 / 收入预算 / 支出预算 = T1 收入总计; 财政拨款收支总预算 = T4 总计; 人员经费 and
    /// 公用经费 = T6's totals; 机关（事业单位）运行经费财政拨款预算 = T6 公用经费 (a warning: some units define it
    /// otherwise); “三公”经费 = T10 合计.
    ///
    /// ### Why
    /// The 情况说明 restates the tables; a figure that differs from its table is a typo or a stale
    /// draft (the catalogue's NT-TOTAL, NT-BASIC, NT-FIS, NT-3PUB, NT-OPEX).
    ///
    /// ### Example
    /// `收支总预算 11931.33 万元` = T1 `收入总计 11931.33`.
    ///
    /// ### Known problems
    /// Bound by the label directly before the figure only; a figure the label does not introduce
    /// is not compared. 收入预算/支出预算 also name section totals, which in the 新疆 template equal T1.
    NtAmount, "NT-AMOUNT", "情况说明中的金额 = 表中对应数", "narrative figures = their table figures", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtAmount::META;
    if doc.narrative.labelled().is_empty() {
        return;
    }
    basic_split_without_t6(meta, doc, ctx);
    let tables = Targets::of(doc);
    // A figure the 情况说明 gives for last year (`2023 年“三公”经费预算 2.26 万元`) restates no
    // cell of this year's tables.
    let other_year: HashSet<usize> =
        doc.narrative.claims().iter().filter(|c| c.other_year).map(|c| c.figure.amount.span.start).collect();
    for la in
        doc.narrative.labelled().iter().filter(|l| !l.other_year && !other_year.contains(&l.figure.amount.span.start))
    {
        let (Some(target), severity) = tables.target(la, doc) else { continue };
        // Only T1's sections use 收入预算/支出预算 for the whole; skip when T1 has no income lines.
        if matches!(la.label, "收入预算" | "支出预算")
            && tables.t1.is_none_or(|b| !b.income.iter().any(|i| i.level == IncomeLevel::Top))
        {
            continue;
        }
        // A table in 元 is compared in 万元; one whose unit is unknown beside 元 tables is not.
        let Some(target) = super::bind::in_wan(target, ctx) else { continue };
        ctx.record(compare(meta, la, &target, severity, doc));
    }
}

/// The tables a labelled figure may restate.
struct Targets<'d> {
    t1: Option<&'d BalanceTable>,
    t4: Option<&'d BalanceTable>,
    t6: Option<&'d CodedTable>,
    t10: Option<&'d LabelledTable>,
    t10_empty: bool,
}

impl<'d> Targets<'d> {
    fn of(doc: &'d Document<'_>) -> Targets<'d> {
        let find = |id: TableId| doc.tables.iter().find(|t| t.id == id);
        Targets {
            t1: find(TableId::T1).and_then(|t| t.balance()),
            t4: find(TableId::T4).and_then(|t| t.balance()),
            t6: find(TableId::T6).and_then(|t| t.coded()).filter(|c| !c.columns.is_empty()),
            t10: find(TableId::T10).and_then(|t| match &t.body {
                Some(TableBody::Labelled(l)) if !l.columns.is_empty() => Some(l),
                _ => None,
            }),
            t10_empty: doc.tables.iter().any(|t| t.id == TableId::T10 && t.status == TableStatus::Empty),
        }
    }

    /// The table figure `la` restates, and the severity of a mismatch.
    fn target(&self, la: &Labelled, doc: &Document<'_>) -> (Option<Term>, Severity) {
        let t6_total = |col: &str| {
            self.t6.and_then(|c| lookup::total_row(c).and_then(|r| lookup::cell(TableId::T6, c, r, col, doc)))
        };
        let income_total =
            |b: Option<&BalanceTable>| b.and_then(|b| b.income_total.as_ref()).filter(|i| i.amount.is_some()).cloned();
        match la.label {
            "收支总预算" | "收入预算" | "支出预算" | "收入预算总计" | "支出预算总计" | "收支预算总计" => {
                (income_total(self.t1).map(|i| lookup::t1_term(&i, doc)), Severity::Error)
            }
            // The subtotals some provinces print in T1 (`本年收入合计`, `本年支出合计`).
            "本年收入合计" | "本年支出合计" => {
                let side = |b: &'d BalanceTable| if la.label == "本年收入合计" { &b.income } else { &b.expense };
                let item = self.t1.and_then(|b| side(b).iter().find(|i| i.label == la.label && i.amount.is_some()));
                (item.map(|i| lookup::t1_term(i, doc)), Severity::Error)
            }
            "财政拨款收支总预算" => (income_total(self.t4).map(|i| lookup::t4_term(&i, doc)), Severity::Error),
            "人员经费" | "公用经费" => (t6_total(la.label), Severity::Error),
            "运行经费财政拨款预算" => (t6_total("公用经费"), Severity::Warning),
            "“三公”经费数为" | "“三公”经费预算" | "“三公”经费预算数" => {
                (self.three_pub_total(doc), Severity::Error)
            }
            _ => (None, Severity::Error),
        }
    }

    /// T10's total, or a blank for an empty T10.
    fn three_pub_total(&self, doc: &Document<'_>) -> Option<Term> {
        let cell = self
            .t10
            .and_then(|l| l.rows.iter().find(|r| r.is_total && !matches!(r.cells.first(), None | Some(Cell::Unknown))))
            .and_then(|r| r.cells.first().and_then(|c| Term::from_cell(c, "T10 合计", doc.text)));
        cell.or_else(|| self.t10_empty.then(|| Term::blank("T10 合计（空表）")))
    }
}

/// A labelled narrative figure as a term.
fn said(l: &Labelled, doc: &Document<'_>) -> Term {
    Term::stated(&l.figure, format!("情况说明 {}", l.label), doc.text)
}

/// `None` when the narrative figure restates `target`.
fn compare(
    meta: &'static RuleMeta,
    la: &Labelled,
    target: &Term,
    severity: Severity,
    doc: &Document<'_>,
) -> Option<Finding> {
    let said = said(la, doc);
    let printed = said.printed.clone();
    let primary = Label { span: la.figure.amount.span.clone(), what: said.what.clone() };
    let finding = Finding::new(meta, primary).severity(severity).found(printed.clone());
    if target.span.is_none() && target.value.is_zero() {
        // The table is blank/empty: the narrative must say 0.
        if said.value.is_zero() {
            return None;
        }
        let finding = finding
            .message(
                format!("情况说明 {} {printed} 万元，而{}", la.label, target.what),
                format!("narrative {} {printed}, but {} is blank", la.label, target.what),
            )
            .expected("0")
            .note(format!("{printed} ≠ 0"));
        return Some(finding);
    }
    if !matches!(same_figure(&said, target), SumCheck::Mismatch { .. }) {
        return None;
    }
    let related = target.span.clone().map(|span| Label { span, what: target.what.clone() }).into_iter().collect();
    let finding = finding
        .message(
            format!("情况说明 {} {printed} 万元 ≠ {} {}", la.label, target.what, target.printed),
            format!("narrative {} {printed} ≠ {} {}", la.label, target.what, target.printed),
        )
        .expected(target.printed.clone())
        .note(format!("{printed} ≠ {}", target.printed))
        .related(related);
    Some(finding)
}

/// Without T6 (S4's template), 人员经费 + 公用经费 in the narrative must still add up to T5's
/// 基本支出 (the catalogue's NT-BASIC note: 519.03 + 26.73 = 545.76).
fn basic_split_without_t6(meta: &'static RuleMeta, doc: &Document<'_>, ctx: &mut Ctx) {
    let has_t6 = doc.tables.iter().any(|t| t.id == TableId::T6 && t.body.is_some());
    if has_t6 {
        return;
    }
    let pick = |label: &str| doc.narrative.labelled().iter().find(|l| l.label == label);
    let (Some(p), Some(g)) = (pick("人员经费"), pick("公用经费")) else { return };
    let Some(t5) =
        doc.tables.iter().find(|t| t.id == TableId::T5).and_then(|t| t.coded()).filter(|c| !c.columns.is_empty())
    else {
        return;
    };
    let Some(basic) = lookup::total_row(t5).and_then(|r| lookup::cell(TableId::T5, t5, r, "基本支出", doc)) else {
        return;
    };
    let Some(basic) = super::bind::in_wan(basic, ctx) else { return };
    let term = |l: &Labelled| said(l, doc);
    ctx.check_sum(super::SumSpec {
        meta,
        table: None,
        place_zh: "T5 基本支出 = 情况说明 人员经费 + 公用经费（无 T6）".into(),
        place_en: "T5 basic = narrative personnel + public (no T6)".into(),
        total: basic.clone(),
        parts: vec![term(p), term(g)],
        row_span: basic.span.clone().unwrap_or(0..0),
    });
}
