use super::{balance_lines, declare_rule, f_bal, lookup, Ctx, Document, SumSpec, Term};
use crate::lex::{lex, Lex};
use crate::tables::{BalanceItem, BalanceTable, CodedTable, Table, TableBody, TableId};

declare_rule! {
    /// ### What it checks
    /// The 决算 tables against each other (catalogue §5, D-X-*): 收入决算表 合计 = 收入支出决算总表
    /// 本年收入合计; 支出决算表 合计 = 总表 本年支出合计, and each of its 类 = the 总表's line of that
    /// 类; 总表 and 财政拨款收入支出决算总表 print
    /// each fund's 本年收入 alike (一般公共预算 / 政府性基金 / 国有资本经营财政拨款); 一般公共预算财政
    /// 拨款支出决算表 基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计; and in the 基本支出决算表,
    /// 人员经费合计 = Σ 301, 303 and 公用经费合计 = Σ the other classes.
    ///
    /// ### Why
    /// Each 决算 table details a line of another; a figure retyped in one breaks the chain.
    ///
    /// ### Example
    /// 37: 收入决算表 合计 20,451.35 = 总表 本年收入合计 20,451.35; 10,234.37 = 7,967.72 + 2,266.65.
    ///
    /// ### Known problems
    /// Classes are compared between 支出决算表 and 总表 only, by name; a table not printed or not
    /// read is left out.
    XFTables, "X-F-TABLES", "决算各表之间的勾稽关系", "the 决算 tables agree with each other", check: check
}

fn table<'d>(doc: &'d Document<'_>, id: TableId) -> Option<&'d Table> {
    doc.tables.iter().find(|t| t.id == id)
}

fn coded<'d>(doc: &'d Document<'_>, id: TableId) -> Option<&'d CodedTable> {
    match &table(doc, id)?.body {
        Some(TableBody::Coded(c)) => Some(c),
        _ => None,
    }
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let total = table(doc, TableId::FinalTotal).and_then(Table::balance);
    if let Some(b) = total {
        against_total(doc, ctx, b, TableId::FinalIncome, true);
        against_total(doc, ctx, b, TableId::FinalSpend, false);
        if let Some(fis) = table(doc, TableId::FinalFisTotal).and_then(Table::balance) {
            funds_alike(doc, ctx, b, fis);
        }
    }
    basic_parts(doc, ctx);
}

fn equal(ctx: &mut Ctx, place: String, a: Term, b: Term, table: TableId) {
    lookup::equal(&XFTables::META, table, place.clone(), place, a, b, ctx);
}

/// A coded table's 合计 (first column of its total row) = the 总表's 本年收入/支出合计.
fn against_total(doc: &Document<'_>, ctx: &mut Ctx, b: &BalanceTable, id: TableId, income: bool) {
    let Some(c) = coded(doc, id) else { return };
    let side = if income { &b.income } else { &b.expense };
    let Some(k) = f_bal::year_total(side, income) else { return };
    let Some(row) = lookup::total_row(c) else { return };
    let Some(first) = c.columns.first() else { return };
    let Some(a) = lookup::cell(id, c, row, first, doc) else { return };
    let line = balance_lines::term_of(TableId::FinalTotal, &side[k], doc.text);
    equal(ctx, format!("{} 合计 = F-TOTAL {}", id.as_str(), side[k].label), a, line, id);
    if !income {
        classes_alike(doc, ctx, &side[..k], c, id);
    }
}

/// Each spending line of the 总表 (`一、一般公共服务支出`) = the 合计 of the 类 row of that name.
fn classes_alike(doc: &Document<'_>, ctx: &mut Ctx, lines: &[BalanceItem], c: &CodedTable, id: TableId) {
    let Some(first) = c.columns.first() else { return };
    for i in lines.iter().filter(|i| i.amount.is_some()) {
        let name = i.label.replace(' ', "");
        let Some(row) = c.rows.iter().find(|r| r.code.as_deref().is_some_and(|x| x.len() == 3) && r.name == name)
        else {
            continue;
        };
        let Some(a) = lookup::cell(id, c, row, first, doc) else { continue };
        let line = balance_lines::term_of(TableId::FinalTotal, i, doc.text);
        equal(ctx, format!("{} {} 合计 = F-TOTAL {}", id.as_str(), row.name, i.printed), a, line, id);
    }
}

/// The fund a line of income names, if one.
fn fund(i: &BalanceItem) -> Option<&'static str> {
    ["一般公共预算", "政府性基金", "国有资本"].into_iter().find(|k| i.label.contains(k))
}

/// Each fund's 本年收入 line of the 财政拨款 总表 = the same fund's line of the 总表 (above the
/// 本年收入合计 on both).
fn funds_alike(doc: &Document<'_>, ctx: &mut Ctx, b: &BalanceTable, fis: &BalanceTable) {
    fn above(t: &BalanceTable) -> &[BalanceItem] {
        &t.income[..f_bal::year_total(&t.income, true).unwrap_or(0)]
    }
    let (mine, theirs) = (above(fis), above(b));
    for i in mine.iter().filter(|i| i.amount.is_some()) {
        let Some(f) = fund(i) else { continue };
        let Some(j) = theirs.iter().find(|j| fund(j) == Some(f) && j.label.contains("财政拨款")) else { continue };
        let a = balance_lines::term_of(TableId::FinalFisTotal, i, doc.text);
        let o = balance_lines::term_of(TableId::FinalTotal, j, doc.text);
        equal(ctx, format!("F-FIS-TOTAL {} = F-TOTAL {}", i.label, j.label), a, o, TableId::FinalFisTotal);
    }
}

/// The amount printed after a label on a line of a table's region (`人员经费合计  7,967.72`).
fn after_label(doc: &Document<'_>, t: &Table, label: &str) -> Option<Term> {
    for l in doc.lines.get(t.region.clone()).unwrap_or(&[]) {
        let toks = lex(&doc.text[l.span.clone()], l.span.start);
        let Some(k) = toks.iter().position(|x| x.text().is_some_and(|s| s.replace(' ', "") == label)) else { continue };
        let a = toks[k + 1..].iter().find_map(|x| match &x.kind {
            Lex::Num(a) => Some(a.clone()),
            _ => None,
        })?;
        return Some(Term::from_amount(&a, format!("F-BASIC {label}"), doc.text));
    }
    None
}

/// 人员经费合计 = Σ 301, 303; 公用经费合计 = Σ the other classes; and with the 一般公共预算 决算表:
/// 基本支出 = 人员经费合计 + 公用经费合计.
fn basic_parts(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(t) = table(doc, TableId::FinalBasic) else { return };
    let Some(c) = coded(doc, TableId::FinalBasic) else { return };
    let (Some(people), Some(public)) = (after_label(doc, t, "人员经费合计"), after_label(doc, t, "公用经费合计"))
    else {
        return;
    };
    let classes: Vec<(&str, Term)> = c
        .rows
        .iter()
        .filter(|r| r.code.as_deref().is_some_and(|x| x.len() == 3))
        .filter_map(|r| Some((r.code.as_deref()?, lookup::cell(TableId::FinalBasic, c, r, c.columns.first()?, doc)?)))
        .collect();
    let personnel = |code: &str| matches!(code, "301" | "303");
    let sum = |ctx: &mut Ctx, total: &Term, parts: Vec<Term>, place: &str| {
        if parts.is_empty() {
            return;
        }
        let row_span = total.span.clone().unwrap_or(0..0);
        ctx.check_sum(SumSpec {
            meta: &XFTables::META,
            table: Some(TableId::FinalBasic),
            place_zh: place.into(),
            place_en: place.into(),
            total: total.clone(),
            parts,
            row_span,
        });
    };
    let (p, o): (Vec<_>, Vec<_>) = classes.into_iter().partition(|(code, _)| personnel(code));
    sum(ctx, &people, p.into_iter().map(|(_, t)| t).collect(), "F-BASIC 人员经费合计（= Σ 301, 303）");
    sum(ctx, &public, o.into_iter().map(|(_, t)| t).collect(), "F-BASIC 公用经费合计（= Σ 其他类）");
    let Some(gpb) = coded(doc, TableId::FinalGpb) else { return };
    let Some(row) = lookup::total_row(gpb) else { return };
    let Some(basic) = lookup::cell(TableId::FinalGpb, gpb, row, "基本支出", doc) else { return };
    sum(ctx, &basic, vec![people, public], "F-GPB 合计 基本支出（= F-BASIC 人员经费合计 + 公用经费合计）");
}
