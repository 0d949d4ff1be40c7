use super::sums::same_figure;
use super::{bind, declare_rule, Ctx, Document, Finding, Label, Severity, Term};
use crate::amount::{format_fixed, SumCheck};
use crate::narrative::{Claim, Unit};
use crate::tables::{BalanceItem, TableBody, TableId};
use std::collections::{HashMap, HashSet};

declare_rule! {
    /// ### What it checks
    /// A narrative amount introduced by the name of a table row (`教育支出 15.26 万元`,
    /// `“住房保障支出-住房改革支出-住房公积金”科目 174.14 万元`, `行政运行（2010801）2,338.24 万元`,
    /// `一般公共预算拨款 18,417.70 万元`), in any part of the 情况说明, against every amount that
    /// row prints in every table read (a 类, 款 or 项 of the coded tables by name or code, a line
    /// of T1 or T4, a 三公 item, a project). Equal to one of them: checked. Equal to none, but one
    /// digit away from one of them (one digit retyped, not the last; or two digits swapped): a
    /// warning naming that cell.
    ///
    /// ### Why
    /// The 情况说明 restates the tables in its own words, often in passages no heading of the
    /// template names (收入预算 / 支出预算 of other provinces, 科目 lists, 其他重要事项). A figure
    /// one keystroke away from the row it names is a typo the specific rules cannot see.
    ///
    /// ### Example
    /// `教育支出 15.36 万元` where T3 `205 教育支出` prints 15.26 (合计): warning, 应为 15.26.
    ///
    /// ### Known problems
    /// A row's name says nothing of the fund or column the sentence means, so a figure that
    /// matches no cell of its row and is not one digit away from any is left unchecked (it may be
    /// the row's share of a fund no table prints). Figures other rules compared are not compared
    /// again; a figure equal to any amount of any table is never reported.
    NtNamed, "NT-NAMED", "情况说明中以行名引出的金额 = 该行的数", "narrative amounts named by a row = that row", check: check, severity: Warning
}

/// A table row a narrative label may name: its key, code, its parent's key (by code), its amounts.
struct Row {
    key: String,
    code: Option<String>,
    parent: Option<String>,
    terms: Vec<Term>,
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtNamed::META;
    let claims = doc.narrative.all_claims();
    if claims.is_empty() {
        return;
    }
    let rows = rows(doc, ctx);
    let printed = all_amounts(&rows);
    let compared = compared(doc, ctx);
    for c in claims.iter().filter(|c| !c.other_year && !compared.contains(&c.figure.amount.span.start)) {
        if c.figure.amount.value.is_zero() {
            continue;
        }
        let cands = candidates(c, &rows);
        if cands.is_empty() {
            continue;
        }
        let said = bind::said(c, doc);
        if let Some(hit) = cands.iter().find(|t| !matches!(same_figure(&said, t), SumCheck::Mismatch { .. })) {
            ctx.narrative_bound.push(c.figure.amount.span.start);
            // The cell is checked only when it is the one amount the label names and no other
            // table prints its value: a slip in it would then show here (below).
            if cands.len() == 1 && printed.get(&format_fixed(hit.value, 2)) == Some(&1) {
                ctx.read_cells([*hit]);
            }
            ctx.record(None);
            continue;
        }
        let plain = c.figure.unit == Unit::Wan && !printed.contains_key(&format_fixed(said.value, 2));
        if let Some(near) = cands.iter().find(|t| plain && one_digit_away(&said, t)) {
            ctx.narrative_bound.push(c.figure.amount.span.start);
            ctx.read_cells([*near]);
            ctx.record(Some(finding(meta, c, &said, near)));
        }
    }
}

/// Narrative figures some other rule compared (or reported), and those a project's own
/// breakdown holds (`主要用于：差旅费 4.00 万元`: the project's, not the row of that name).
fn compared(doc: &Document<'_>, ctx: &Ctx) -> HashSet<usize> {
    let mut out: HashSet<usize> = ctx.narrative_bound.iter().copied().collect();
    for f in &ctx.findings {
        out.extend(std::iter::once(&f.primary).chain(&f.related).map(|l| l.span.start));
    }
    let n = &doc.narrative;
    out.extend(n.item_amounts().iter().map(|i| i.amount.amount.span.start));
    out.extend(n.labelled().iter().map(|l| l.figure.amount.span.start));
    for p in &n.projects {
        let figs =
            p.allocation.iter().flat_map(|a| a.total.iter().chain(&a.parts)).chain(&p.scale).chain(&p.goal_amount);
        out.extend(figs.map(|f| f.amount.span.start));
    }
    out
}

/// The terms of the rows `c`'s label names: by the code printed with it, else by name (a
/// `类-款-项` path narrowed by the 款).
fn candidates<'r>(c: &Claim, rows: &'r [Row]) -> Vec<&'r Term> {
    let (code, path) = label_parts(&c.label);
    let Some(last) = path.last() else { return Vec::new() };
    let parent = path.len().checked_sub(2).map(|k| path[k].as_str());
    rows.iter()
        .filter(|r| match &code {
            Some(code) => r.code.as_deref() == Some(code),
            None => &r.key == last && parent.is_none_or(|p| r.parent.as_deref().is_none_or(|q| q == p)),
        })
        .flat_map(|r| &r.terms)
        .collect()
}

/// A label's code (`行政运行(2010801)`, `2010801-行政运行`) and its name path (`A-B-C`), each
/// name as [`key`] makes it.
fn label_parts(label: &str) -> (Option<String>, Vec<String>) {
    let l: String = label.chars().filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’')).collect();
    let l = l.replace(['（', '['], "(").replace(['）', ']'], ")");
    // `A(类)B(款)C(项)` is the path `A-B-C`.
    let l = l.replace("(类)", "-").replace("(款)", "-").replace("(项)", "");
    let l = l.strip_suffix("科目").unwrap_or(&l).to_string();
    let digits = |s: &str| s.len() >= 3 && s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit());
    let mut code = None;
    let mut name = l.clone();
    if let Some(open) = l.rfind('(') {
        let inner = l[open + 1..].trim_end_matches(')');
        if l.ends_with(')') && digits(inner) {
            code = Some(inner.to_string());
            name = l[..open].to_string();
        }
    }
    let lead: String = name.chars().take_while(char::is_ascii_digit).collect();
    if code.is_none() && digits(&lead) {
        code = Some(lead.clone());
        name = name[lead.len()..].trim_start_matches(['-', '—', '、', '.']).to_string();
    }
    let path = name.split(['-', '—']).map(key).filter(|k| !k.is_empty()).collect();
    (code, path)
}

/// A name compared loosely: [`bind::canon`] without a level mark, without the words a sentence
/// puts around a row's name (`本部门当年…`, `全年…`, `安排…`, `…预算支出`, `…支出决算`, `…均`) and a
/// trailing 收入/支出/经费. The totals keep their meaning: `总收入` is the 收入总计, `本年收入` the
/// 本年收入合计; `运行维护费` is the 运行费 of a 三公 table.
fn key(s: &str) -> String {
    let mut k = bind::canon(s)
        .replace("(类)", "")
        .replace("(款)", "")
        .replace("(项)", "")
        .replace("费用", "费")
        .replace("运行及维护", "运行")
        .replace("运行维护", "运行")
        .replace("总收入", "收入总计")
        .replace("总支出", "支出总计")
        .replace("预算总计", "总计")
        .replace("预算合计", "合计");
    loop {
        let before = k.len();
        for prefix in ["本部门", "本单位", "部门", "单位", "当年", "全年", "年度", "度", "安排"] {
            if let Some(rest) = k.strip_prefix(prefix) {
                k = rest.to_string();
            }
        }
        for side in ["本年收入", "本年支出"] {
            if k.ends_with(side) {
                k.push_str("合计");
            }
        }
        if let Some(rest) = k.strip_prefix("本年") {
            k = rest.to_string();
        }
        for suffix in ["均", "决算数", "决算", "预算数", "预算", "收入", "支出", "经费", "拨款", "资金"]
        {
            if let Some(rest) = k.strip_suffix(suffix) {
                k = rest.to_string();
            }
        }
        if k.len() == before {
            return k;
        }
    }
}

/// Every named row of every table read, its amounts in 万元 (a table whose unit is unknown beside
/// 元 tables is left out).
fn rows(doc: &Document<'_>, ctx: &Ctx) -> Vec<Row> {
    let mut out = Vec::new();
    for t in &doc.tables {
        let id = t.id;
        let terms = |label: &str, amounts: &[crate::amount::Amount]| -> Vec<Term> {
            let what = format!("{} {label}", id.as_str());
            amounts.iter().filter_map(|a| bind::in_wan(Term::from_amount(a, what.clone(), doc.text), ctx)).collect()
        };
        match &t.body {
            Some(TableBody::Coded(c)) => {
                let names: HashMap<&str, &str> =
                    c.rows.iter().filter_map(|r| Some((r.code.as_deref()?, r.name.as_str()))).collect();
                // The total row's columns by their names (`基本支出 746.39 万元`).
                for r in c.rows.iter().filter(|r| r.is_total && r.problem.is_none()) {
                    out.extend(c.columns.iter().zip(&r.cells).filter(|(n, _)| named_column(n)).filter_map(
                        |(n, cell)| {
                            Some(Row {
                                key: key(n),
                                code: None,
                                parent: None,
                                terms: terms(n, &[cell.amount()?.clone()]),
                            })
                        },
                    ));
                }
                for r in c.rows.iter().filter(|r| !r.is_total) {
                    let parent = r.code.as_deref().filter(|c| c.len() > 3).and_then(|c| names.get(&c[..c.len() - 2]));
                    out.push(Row {
                        key: key(&r.name),
                        code: r.code.clone(),
                        parent: parent.map(|p| key(p)),
                        terms: terms(&super::coded_sums::row_label(r), &r.amounts),
                    });
                }
            }
            Some(TableBody::Balance(b)) => {
                let items = b.income.iter().chain(&b.expense).chain(b.breakdowns.iter().flat_map(|d| &d.items));
                let item_row = |i: &BalanceItem| Row {
                    key: key(&i.label),
                    code: i.code.clone(),
                    parent: None,
                    terms: terms(&i.printed, &i.amounts),
                };
                out.extend(items.map(item_row));
                // A side's bare `总计` is that side's 收入总计 / 支出总计.
                for (side, total) in [("收入", &b.income_total), ("支出", &b.expense_total)] {
                    out.extend(total.iter().map(|i| Row {
                        key: key(&if i.label.starts_with(side) {
                            i.label.clone()
                        } else {
                            format!("{side}{}", i.label)
                        }),
                        ..item_row(i)
                    }));
                }
            }
            Some(TableBody::Labelled(l)) => {
                out.extend(l.rows.iter().filter(|r| !r.is_total).map(|r| Row {
                    key: key(&r.label),
                    code: None,
                    parent: None,
                    terms: terms(&r.label, &r.amounts),
                }));
                // A 三公 决算 table prints its items as columns, a row for 预算数 and one for 决算数.
                if t.id == TableId::Final3Pub {
                    out.extend(l.columns.iter().enumerate().filter(|(_, n)| named_column(n)).map(|(k, n)| Row {
                        key: key(n),
                        code: None,
                        parent: None,
                        terms: terms(
                            n,
                            &l.rows.iter().filter_map(|r| r.cells.get(k)?.amount().cloned()).collect::<Vec<_>>(),
                        ),
                    }));
                }
            }
            None => {}
        }
    }
    out.retain(|r| !r.key.is_empty() && !r.terms.is_empty());
    out
}

/// A column a sentence may name: not the total, a numbered source or another year's column.
fn named_column(name: &str) -> bool {
    !["合计", "总计"].contains(&name) && !name.starts_with("来源") && !name.starts_with(crate::tables::OTHER_COLUMN)
}

/// Every amount the rows print, in 万元 at two decimals, with how often.
fn all_amounts(rows: &[Row]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in rows.iter().flat_map(|r| &r.terms) {
        *out.entry(format_fixed(t.value, 2)).or_insert(0) += 1;
    }
    out
}

/// `said` and `cell` differ in one digit that is not the last, or in two adjacent digits swapped,
/// at the coarser of their printed precisions; lengths equal.
fn one_digit_away(said: &Term, cell: &Term) -> bool {
    let d = said.decimals.min(cell.decimals);
    let digits = |t: &Term| -> Vec<u8> { format_fixed(t.value, d).bytes().filter(u8::is_ascii_digit).collect() };
    let (a, b) = (digits(said), digits(cell));
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
    // Round figures (4.00 and 9.00) are one digit apart by chance: two significant digits must agree.
    if (0..a.len()).filter(|&k| a[k] == b[k] && a[k] != b'0').count() < 2 {
        return false;
    }
    let last = a.len() - 1;
    match diff.as_slice() {
        [k] => *k != last,
        [k, j] => *j == k + 1 && a[*k] == b[*j] && a[*j] == b[*k] && (said.value - cell.value).abs() >= step(d),
        _ => false,
    }
}

/// Ten units of the last of `d` decimals.
fn step(d: u32) -> rust_decimal::Decimal {
    rust_decimal::Decimal::new(10, d)
}

fn finding(meta: &'static super::RuleMeta, c: &Claim, said: &Term, near: &Term) -> Finding {
    let printed = said.printed.clone();
    let expected = format_fixed(near.value, said.decimals);
    let related = near.span.clone().map(|span| Label { span, what: near.what.clone() }).into_iter().collect();
    Finding::new(meta, Label { span: c.figure.amount.span.clone(), what: said.what.clone() })
        .severity(Severity::Warning)
        .found(printed.clone())
        .message(
            format!("情况说明 {} {printed} 万元 与 {} {} 只差一位数字，疑为笔误", c.label, near.what, near.printed),
            format!(
                "narrative {} {printed} is one digit away from {} {}: likely a typo",
                c.label, near.what, near.printed
            ),
        )
        .expected(expected.clone())
        .note(format!("{printed} ≠ {expected}"))
        .related(related)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn term(v: &str) -> Term {
        let a = crate::amount::parse_number(v).map(|(value, decimals)| crate::amount::Amount {
            value,
            decimals,
            span: 0..0,
        });
        // Test-only: every literal below parses.
        Term::from_amount(&a.unwrap(), "t", v)
    }

    #[test]
    fn labels_give_their_code_and_path() {
        assert_eq!(label_parts("行政运行(2010801)"), (Some("2010801".into()), vec!["行政运行".into()]));
        assert_eq!(label_parts("2101102-事业单位医疗"), (Some("2101102".into()), vec!["事业单位医疗".into()]));
        assert_eq!(
            label_parts("“住房保障支出-住房改革支出-住房公积金”科目"),
            (None, vec!["住房保障".into(), "住房改革".into(), "住房公积金".into()])
        );
        assert_eq!(label_parts("一般公共预算拨款").1, vec!["一般公共".to_string()]);
        assert_eq!(label_parts("本部门当年财政拨款收入").1, label_parts("财政拨款").1);
        assert_eq!(label_parts("公共安全支出(类)公安(款)信息化建设(项)").1, ["公共安全", "公安", "信息化建设"]);
    }

    #[test]
    fn one_digit_away_needs_a_real_digit() {
        assert!(one_digit_away(&term("390.73"), &term("380.73")));
        assert!(one_digit_away(&term("15.62"), &term("15.26")));
        // The last digit alone is rounding's business; round figures match by chance.
        assert!(!one_digit_away(&term("380.74"), &term("380.73")));
        assert!(!one_digit_away(&term("4.00"), &term("9.00")));
        assert!(!one_digit_away(&term("380.73"), &term("1380.73")));
        let yuan = Term { value: Decimal::new(380_729_558, 6), decimals: 6, ..term("380.73") };
        assert!(one_digit_away(&term("390.73"), &yuan));
    }
}
