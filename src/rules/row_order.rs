use super::{declare_rule, Ctx, Document};
use crate::amount::Amount;
use crate::diagnostics::{Finding, Label};
use crate::tables::{CodedRow, CodedTable, RowProblem};

declare_rule! {
    /// ### What it checks
    /// In every coded table (a row per 功能/经济分类 code), a row whose amounts stand in another
    /// order than the rest of its table: every other row prints its total first, this one prints
    /// a smaller amount there while its largest amount, printed further right, is exactly the sum
    /// of the others — or, where the header nests its columns (合计 | 基本支出 | 人员经费 |
    /// 公用经费 | 项目支出), moved to the first column makes every identity of the row hold. The
    /// two cells look swapped (a value typed in the wrong column).
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

/// A row that prints every column: with its largest amount moved to the first column and the
/// others kept in printed order, every identity the header defines holds (`合计 = 基本支出 +
/// 项目支出`, `基本支出 = 人员经费 + 公用经费`).
fn holds_with_total_first(c: &CodedTable, a: &[&Amount], max: &Amount) -> bool {
    let ids = crate::tables::row_identities(&c.columns);
    if ids.is_empty() || a.len() != c.columns.len() {
        return false;
    }
    let placed: Vec<&Amount> = std::iter::once(max).chain(a.iter().copied().filter(|x| x.span != max.span)).collect();
    ids.iter().all(|id| {
        let parts = id.parts.iter().map(|&j| placed[j]);
        let sum: rust_decimal::Decimal = parts.clone().map(|x| x.value).sum();
        let slack: rust_decimal::Decimal =
            parts.map(|x| x.half_step()).sum::<rust_decimal::Decimal>() + placed[id.total].half_step();
        (placed[id.total].value - sum).abs() <= slack
    })
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
    let flat = (max.value - rest).abs() <= slack;
    if max.span == first.span || !(flat || holds_with_total_first(c, a, max)) || !apart(doc.text, a) {
        return None;
    }
    let (why_zh, why_en, note) = if flat {
        ("= 其余各数之和", "the sum of the others", format!("Σ 其余 {rest}"))
    } else {
        (
            "移到首列则本行各勾稽关系成立",
            "in the first column every identity of the row holds",
            "本表列间勾稽关系".into(),
        )
    };
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
                    "{place}：{column}列印的是 {}，而本行最大的 {}（{why_zh}）印在其后；本表其他各行{column}均在首列，疑两数对调",
                    text(first),
                    text(max)
                ),
                format!(
                    "{place}: {} stands in {column}, while {} ({why_en}) stands further right; every other row prints {column} first: two cells swapped?",
                    text(first),
                    text(max)
                ),
            )
            .found(text(first))
            .expected(text(max))
            .note(format!("{} = {note}", text(max)))
            .related(related),
    )
}
