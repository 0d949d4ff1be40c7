//! Binding a narrative claim (a figure and the words that introduce it, in its part of the
//! 情况说明) to the table cell it restates, and the comparison the NT rules share.

use super::{Ctx, Document, Finding, Label, RuleMeta, Severity, SkipReason, Term};
use crate::narrative::{Claim, Part};
use crate::tables::{BalanceItem, TableId, TableStatus};

/// A name compared loosely: no spaces, `的`, list number, `其中:`, year (`2023年`), and no
/// trailing `资金`, `拨款` or `(小计)` (`上级一般公共预算安排的转移支付资金` =
/// `上级一般公共预算安排转移支付`; `1.一般公共预算拨款` = `一般公共预算`).
pub fn canon(s: &str) -> String {
    let mut v: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '的')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            other => other,
        })
        .collect();
    if let Some(y) = (1..v.len()).rev().find(|&j| v[j] == '年' && v[j - 1].is_ascii_digit()) {
        v.drain(..=y);
    }
    let mut s: String = v.into_iter().collect();
    loop {
        let before = s.len();
        s = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | '-')).to_string();
        for p in ["其中:", "一、", "二、", "三、", "四、", "五、"] {
            if let Some(rest) = s.strip_prefix(p) {
                s = rest.to_string();
            }
        }
        for suffix in ["(小计)", "资金", "拨款"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.to_string();
            }
        }
        if s.len() == before {
            // `基金预算` is how some tables name 政府性基金预算.
            return if s == "基金预算" { "政府性基金预算".to_string() } else { s };
        }
    }
}

/// Items by key, the first of each key kept: lookups stay O(1) however long a pasted table is.
pub fn index<'a, T>(items: impl Iterator<Item = (String, &'a T)>) -> std::collections::HashMap<String, &'a T> {
    let mut m = std::collections::HashMap::new();
    for (k, v) in items {
        m.entry(k).or_insert(v);
    }
    m
}

/// The claims of one part of the 情况说明 about this year (a figure of last year restates no
/// cell of these tables).
pub fn claims<'d>(doc: &'d Document<'_>, part: Part) -> impl Iterator<Item = &'d Claim> {
    doc.narrative.claims().iter().filter(move |c| c.part == part && !c.other_year)
}

/// A claim's figure as a term.
pub fn said(c: &Claim, doc: &Document<'_>) -> Term {
    Term::stated(&c.figure, format!("情况说明 {}", c.label), doc.text)
}

/// The status of table `id`, if present.
pub fn status(doc: &Document<'_>, id: TableId) -> Option<TableStatus> {
    doc.tables.iter().find(|t| t.id == id).map(|t| t.status)
}

/// A balance-table line as a term, or `None` when its amount was not read in a table that was
/// not read whole (a blank there may be a lost cell).
pub fn balance_term(id: TableId, item: &BalanceItem, doc: &Document<'_>) -> Option<Term> {
    if item.amount.is_none() && status(doc, id) != Some(TableStatus::Checked) {
        return None;
    }
    Some(super::balance_lines::term_of(id, item, doc.text))
}

/// The narrative figure restates `target`: equal at the coarser printed precision, a blank cell
/// standing for 0.
pub fn compare(
    meta: &'static RuleMeta,
    claim: &Claim,
    target: Option<Term>,
    severity: Severity,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    let Some(target) = target else {
        ctx.skip(meta, None, SkipReason::AmountMissing { item: claim.label.clone() }, line_of(doc, claim));
        return;
    };
    restates(meta, said(claim, doc), &format!("情况说明 {}", claim.label), target, severity, ctx);
}

/// `said` (a narrative figure, described in messages as `label`) equals `target`.
pub fn restates(meta: &'static RuleMeta, said: Term, label: &str, target: Term, severity: Severity, ctx: &mut Ctx) {
    let Some(span) = said.span.clone() else { return };
    let item = format!("{} 的单位", target_table_name(&target));
    let Some(target) = in_wan(target, ctx) else {
        ctx.skip(meta, None, SkipReason::AmountMissing { item }, None);
        return;
    };
    ctx.narrative_bound.push(span.start);
    let printed = said.printed.clone();
    let blank = target.span.is_none() && target.value.is_zero();
    // A printed 0 says there is none: it restates no nonzero cell, however few its decimals.
    let fails = if blank {
        !said.value.is_zero()
    } else {
        !super::agrees(&said, &target) || (said.value.is_zero() && !target.value.is_zero())
    };
    if !fails {
        ctx.record(None);
        return;
    }
    let (expected, shown_en) =
        if blank { ("0".to_string(), "blank".to_string()) } else { (target.printed.clone(), target.printed.clone()) };
    ctx.record(Some(
        Finding::new(meta, Label { span, what: said.what.clone() })
            .severity(severity)
            .message(
                if blank {
                    format!("{label} {printed} 万元，而{}为空", target.what)
                } else {
                    format!("{label} {printed} 万元 ≠ {} {}", target.what, target.printed)
                },
                format!("{label} {printed} ≠ {} {shown_en}", target.what),
            )
            .found(printed.clone())
            .expected(expected.clone())
            .note(format!("{printed} ≠ {expected}"))
            .related(target.span.clone().map(|span| Label { span, what: target.what.clone() }).into_iter().collect()),
    ));
}

/// The table a term was read from, by the name its `what` starts with (`T4 收入总计`).
fn target_table_name(t: &Term) -> &str {
    t.what.split(' ').next().unwrap_or("")
}

/// A table term in 万元, the narrative's unit: a table in 元 (its own 单位 line) is scaled, its
/// printed precision kept (an amount printed in whole 元 is exact to ±0.5 元). `None` when the
/// document has tables in 元 and this term's table names no unit of its own.
pub fn in_wan(mut t: Term, ctx: &Ctx) -> Option<Term> {
    let name = target_table_name(&t);
    let unit = TableId::ALL.iter().find(|id| id.as_str() == name).and_then(|id| ctx.unit(*id));
    match unit {
        Some(u) if u == rust_decimal::Decimal::ONE => {
            let wan = rust_decimal::Decimal::new(10000, 0);
            t.value /= wan;
            t.half /= wan;
            t.decimals += 4;
            t.printed = format!("{}（元）", t.printed);
            Some(t)
        }
        Some(_) => Some(t),
        None if ctx.yuan_somewhere && !name.is_empty() => None,
        None => Some(t),
    }
}

fn line_of(doc: &Document<'_>, c: &Claim) -> Option<usize> {
    let at = c.figure.amount.span.start;
    let k = doc.lines.partition_point(|l| l.span.end < at);
    (k < doc.lines.len()).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::canon;

    #[test]
    fn names_compare_loosely() {
        assert_eq!(canon("上级一般公共预算安排的转移支付资金"), canon("上级一般公共预算安排转移支付"));
        assert_eq!(canon("1.一般公共预算拨款"), "一般公共预算");
        assert_eq!(canon("其中:一般财力"), "一般财力");
        assert_eq!(canon("公务用车购置及运行费(小计)"), "公务用车购置及运行费");
        assert_eq!(canon("2023年第二批中央财政就业补助项目"), "第二批中央财政就业补助项目");
        assert_eq!(canon("95年以前退休人员生活补贴"), "以前退休人员生活补贴");
        assert_ne!(canon("其他社会保障和就业支出"), canon("社会保障和就业支出"));
    }
}
