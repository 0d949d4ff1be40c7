use super::{declare_rule, Ctx, Document};
use crate::amount::Amount;
use crate::diagnostics::{Finding, Label};
use crate::tables::{CodedRow, CodedTable, RowProblem};

declare_rule! {
    /// ### What it checks
    /// In every coded table (a row per 功能/经济分类 code), a row whose amounts stand in another
    /// order than the rest of its table: every other row prints its total first, this one prints
    /// a smaller amount there while its largest amount, printed further right, is exactly the sum
    /// of the others. The two cells look swapped (a value typed in the wrong column).
    ///
    /// ### Why
    /// Column order belongs to the table, not the row. Read by arithmetic alone, such a row would
    /// add up and the slip would pass unseen.
    ///
    /// ### Example
    /// `合计  37,891.58  45,369.18  4,066.60  2,898.00  513.00` in a table whose rows all print
    /// 总计 first: 45,369.18 = 37,891.58 + 4,066.60 + 2,898.00 + 513.00 belongs in 总计.
    ///
    /// ### Known problems
    /// Only tables of at least three rows in column order are judged, and only where such rows are
    /// the rule (four in order for each row out of order); a whole table printed in reverse
    /// (seed 002) is read as such by the table reader, not flagged here.
    RowOrder, "ROW-ORDER", "表格行内金额次序与本表不同（疑两数对调）", "a row's amounts in another order than its table's (two cells swapped?)", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    for t in &doc.tables {
        let Some(c) = t.coded() else { continue };
        let multi = c.rows.iter().filter(|r| r.amounts.len() >= 2);
        let in_order = multi.clone().filter(|r| is_in_order(&printed(r))).count();
        let out: Vec<&CodedRow> = multi.filter(|r| r.problem == Some(RowProblem::Scrambled)).collect();
        if in_order < 3 || out.len() * 4 > in_order {
            continue;
        }
        // One check per table: its rows keep its column order.
        let found: Vec<Finding> = out.into_iter().filter_map(|r| swapped(doc, t.id, c, r, &printed(r))).collect();
        if found.is_empty() {
            ctx.record(None);
        }
        for f in found {
            ctx.record(Some(f));
        }
    }
}

/// A row's amounts in printed order.
fn printed(r: &CodedRow) -> Vec<&Amount> {
    let mut a: Vec<&Amount> = r.amounts.iter().collect();
    a.sort_by_key(|a| a.span.start);
    a
}

/// The first printed amount is the largest (the total stands first).
fn is_in_order(a: &[&Amount]) -> bool {
    a.first().is_some_and(|f| a.iter().all(|x| x.value <= f.value))
}

/// Each amount stands apart, blanks on both sides: amounts glued together (`4.005083.57`,
/// HZ-04) come from an extraction that does not keep the column order.
fn apart(text: &str, a: &[&Amount]) -> bool {
    let blank = |at: usize, before: bool| {
        let c = if before { text[..at].chars().next_back() } else { text[at..].chars().next() };
        c.is_none_or(char::is_whitespace)
    };
    a.iter().all(|x| blank(x.span.start, true) && blank(x.span.end, false))
}

/// The finding for a row whose largest amount, the sum of the others, is not printed first.
fn swapped(
    doc: &Document<'_>,
    id: crate::tables::TableId,
    c: &CodedTable,
    r: &CodedRow,
    a: &[&Amount],
) -> Option<Finding> {
    let first = *a.first()?;
    let max = *a.iter().max_by_key(|x| x.value)?;
    let rest: rust_decimal::Decimal = a.iter().filter(|x| x.span != max.span).map(|x| x.value).sum();
    let slack: rust_decimal::Decimal = a.iter().map(|x| x.half_step()).sum();
    if max.span == first.span || (max.value - rest).abs() > slack || !apart(doc.text, a) {
        return None;
    }
    let text = |x: &Amount| doc.text.get(x.span.clone()).unwrap_or("").to_string();
    let column = c.columns.first().map_or("合计", String::as_str);
    let label = r.code.as_deref().map_or(r.name.clone(), |code| format!("{code} {}", r.name));
    let place = format!("{} {label}", id.as_str());
    let primary = Label { span: first.span.clone(), what: format!("{place} {column}") };
    let related = vec![Label { span: max.span.clone(), what: format!("{place}（其后一列）") }];
    Some(
        Finding::new(&RowOrder::META, primary)
            .in_table(Some(id))
            .message(
                format!(
                    "{place}：{column}列印的是 {}，而本行最大的 {}（= 其余各数之和）印在其后；本表其他各行{column}均在首列，疑两数对调",
                    text(first),
                    text(max)
                ),
                format!(
                    "{place}: {} stands in {column}, while {} (the sum of the others) stands further right; every other row prints {column} first: two cells swapped?",
                    text(first),
                    text(max)
                ),
            )
            .found(text(first))
            .expected(text(max))
            .note(format!("{} = Σ 其余 {}", text(max), rest))
            .related(related),
    )
}
