//! Shared reading of T1 (收支总体情况表) for the T1-* rules.

use super::{Ctx, Document, RuleMeta, SkipReason, SumSpec, Term};
use crate::tables::{BalanceItem, BalanceTable, Breakdown, IncomeLevel, TableId, TableStatus};

/// T1 if it can be checked; otherwise records why not.
pub fn table<'d>(meta: &RuleMeta, doc: &'d Document<'_>, ctx: &mut Ctx) -> Option<&'d BalanceTable> {
    let Some(t) = doc.tables.iter().find(|t| t.id == TableId::T1) else {
        ctx.skip(meta, Some(TableId::T1), SkipReason::TableMissing, None);
        return None;
    };
    match (t.status, t.balance()) {
        // Without its totals line T1 is incomplete (cut off, or not read): check nothing in it.
        (TableStatus::Checked | TableStatus::Partial, Some(b))
            if b.income_total.is_none() && b.expense_total.is_none() =>
        {
            ctx.skip(meta, Some(TableId::T1), SkipReason::Truncated { row: "T1 收入总计/支出总计".into() }, t.line);
            None
        }
        (TableStatus::Checked | TableStatus::Partial, Some(b)) => Some(b),
        (TableStatus::Empty, _) => None,
        (TableStatus::Unreadable, _) => {
            ctx.skip(meta, Some(TableId::T1), SkipReason::TableUnreadable, t.line);
            None
        }
        _ => {
            ctx.skip(meta, Some(TableId::T1), SkipReason::TableMissing, t.line);
            None
        }
    }
}

pub fn term(item: &BalanceItem, text: &str) -> Term {
    term_of(TableId::T1, item, text)
}

/// A balance-table line (T1 or T4) as a term, named after its table.
pub fn term_of(id: TableId, item: &BalanceItem, text: &str) -> Term {
    let what = format!("{} {}", id.as_str(), item.printed);
    match &item.amount {
        Some(a) => Term::from_amount(a, what, text),
        None => Term::blank(what),
    }
}

/// A labelled line's span, for a blank total.
pub fn line_span(doc: &Document<'_>, item: &BalanceItem) -> std::ops::Range<usize> {
    doc.lines.get(item.line).map_or(0..0, |l| l.span.clone())
}

fn rank(l: IncomeLevel) -> u8 {
    match l {
        IncomeLevel::Top => 0,
        IncomeLevel::Numbered => 1,
        IncomeLevel::Sub => 2,
    }
}

/// The lines exactly one level below `items[parent]`, up to the next line of its level or above.
pub fn children(items: &[BalanceItem], parent: usize) -> Vec<&BalanceItem> {
    let Some(p) = items.get(parent) else { return Vec::new() };
    items[parent + 1..]
        .iter()
        .take_while(|i| rank(i.level) > rank(p.level))
        .filter(|i| rank(i.level) == rank(p.level) + 1)
        .collect()
}

/// Check `items[k] = Σ children` for the first income line whose label matches, when it has
/// children. `exhaustive_children` lists the children labels that make the breakdown complete;
/// any other child label skips the check (a generic 其中 need not add up).
pub fn check_income_parent(
    meta: &'static RuleMeta,
    doc: &Document<'_>,
    ctx: &mut Ctx,
    parent_matches: impl Fn(&str) -> bool,
    parent_level: IncomeLevel,
    child_known: impl Fn(&str) -> bool,
) {
    let Some(b) = table(meta, doc, ctx) else { return };
    let Some(k) = b.income.iter().position(|i| i.level == parent_level && parent_matches(&i.label)) else {
        return;
    };
    let parent = &b.income[k];
    let kids = children(&b.income, k);
    if kids.is_empty() {
        return;
    }
    if let Some(bad) = kids.iter().find(|c| !child_known(&c.label)) {
        ctx.skip(meta, Some(TableId::T1), SkipReason::UnrecognisedLine { item: bad.printed.clone() }, Some(bad.line));
        return;
    }
    if parent.amount.is_none() && kids.iter().all(|c| c.amount.is_none()) {
        return; // all blank: nothing to check
    }
    ctx.check_sum(SumSpec {
        meta,
        table: Some(TableId::T1),
        place_zh: format!("T1 {}", parent.printed),
        place_en: format!("T1 {}", parent.printed),
        total: term(parent, doc.text),
        parts: kids.iter().map(|c| term(c, doc.text)).collect(),
        row_span: line_span(doc, parent),
    });
}

/// `本年收入合计`, `本年支出合计`, `当年收入小计`: the sum of the lines above it on its side, itself a part of
/// 收入总计 / 支出总计 with the carry-over lines below it.
pub fn is_subtotal(label: &str) -> bool {
    (label.starts_with("本年") || label.starts_with("当年")) && (label.ends_with("合计") || label.ends_with("小计"))
}

/// An income line naming one source of money (or money carried over): the lines a province
/// prints at the top level of the income side (`一、财政拨款收入`, `二、事业收入`, `七、其他收入`).
pub fn is_income_source(label: &str) -> bool {
    const SOURCES: [&str; 9] = ["收入", "拨款", "资金", "财政专户", "结转", "结余", "事业基金", "补助", "上缴"];
    SOURCES.iter().any(|k| label.contains(k)) && !["合计", "总计", "支出"].iter().any(|k| label.contains(k))
}

/// The income subtotal line (`本年收入合计`), if the table prints one.
pub fn income_subtotal(b: &BalanceTable) -> Option<usize> {
    b.income.iter().position(|i| is_subtotal(&i.label) && i.label.contains("收入"))
}

/// The lines of `items` at the outermost level (the lowest rank printed among them).
pub fn outermost(items: &[BalanceItem]) -> Vec<&BalanceItem> {
    let Some(top) = items.iter().map(|i| rank(i.level)).min() else { return Vec::new() };
    items.iter().filter(|i| rank(i.level) == top).collect()
}

/// The 款 under each 类 and the 项 under each 款 of an expenditure side printed by indentation
/// only (`公共安全支出` / ` 公安` / `  行政运行`): `(parent, its children)` by index into `items`.
///
/// A line's block is the lines after it printed further right. Its children are the block's
/// lines at the block's smallest indent. A block is used only when it ends where the outline
/// says it ends: at a 类, at a line at the parent's own indent or an ancestor's, or at the end.
/// A block cut by a page that prints the rest at another indent is left alone.
pub fn indent_children(items: &[BalanceItem]) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    // 类 (by code) and plain lines are parents; enumerated lines, totals and carry-over lines
    // are neither parents nor children.
    let plain = |i: &BalanceItem| {
        i.level == IncomeLevel::Sub && !["合计", "总计", "小计", "结转", "结余"].iter().any(|k| i.label.contains(k))
    };
    for (p, parent) in items.iter().enumerate().filter(|(_, i)| i.code.is_some() || plain(i)) {
        let end = (p + 1..items.len()).find(|&k| items[k].indent <= parent.indent).unwrap_or(items.len());
        let block = p + 1..end;
        if block.is_empty() || block.clone().any(|k| items[k].code.is_some() || !plain(&items[k])) {
            continue;
        }
        let ends_in_outline = end == items.len() || items[end].code.is_some() || ancestors(items, p, items[end].indent);
        if !ends_in_outline {
            continue;
        }
        let Some(level) = block.clone().map(|k| items[k].indent).min() else { continue };
        out.push((p, block.filter(|&k| items[k].indent == level).collect()));
    }
    out
}

/// Is `indent` the indent of `items[p]` or of a line above it that holds it in its block?
fn ancestors(items: &[BalanceItem], p: usize, indent: usize) -> bool {
    let mut current = items[p].indent;
    if indent == current {
        return true;
    }
    for item in items[..p].iter().rev() {
        if item.indent < current {
            current = item.indent;
            if current == indent {
                return true;
            }
            if item.code.is_some() {
                return false;
            }
        }
    }
    false
}

/// Check `parent = Σ children` for each 类 and 款 of `items` (see [`indent_children`]), on the
/// first amount of each line.
pub fn check_indent_rollup(
    meta: &'static RuleMeta,
    id: TableId,
    items: &[BalanceItem],
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    for (p, kids) in indent_children(items) {
        let parts = kids.iter().map(|&k| &items[k]).collect();
        check_parts(meta, id, (&items[p], ("（= Σ 下级科目）", " (= Σ sub-items)")), parts, doc, ctx);
    }
}

/// Outline depth of a printed label by its enumerator: `一、` 0, `1、` / `1.` 1, `(1)` / `（一）` 2.
pub fn outline_depth(printed: &str) -> Option<u8> {
    use crate::tables::CHINESE_NUMERALS;
    if printed.starts_with(['(', '（']) {
        return Some(2);
    }
    let numeral = printed.chars().take_while(|c| CHINESE_NUMERALS.contains(*c)).count();
    let digits = printed.bytes().take_while(u8::is_ascii_digit).count();
    let after = |n: usize| printed.chars().nth(n).is_some_and(|c| matches!(c, '、' | '.' | '．'));
    if numeral > 0 && after(numeral) {
        Some(0)
    } else if digits > 0 && after(digits) {
        Some(1)
    } else {
        None
    }
}

/// Enumerated lines above a subtotal and the lines one depth below each: `(parent, children)`.
/// A parent's block runs to the next line at its depth or shallower; a `其中` line inside it is
/// neither part nor end; any other line without an enumerator leaves the parent unchecked.
pub fn outline_children(items: &[BalanceItem]) -> Vec<(usize, Vec<usize>)> {
    let depth = |i: &BalanceItem| outline_depth(&i.printed);
    let mut out = Vec::new();
    for (p, parent) in items.iter().enumerate() {
        let Some(d) = depth(parent) else { continue };
        let mut kids = Vec::new();
        let mut plain = false;
        for (k, item) in items.iter().enumerate().skip(p + 1) {
            match depth(item) {
                Some(e) if e <= d => break,
                Some(e) if e == d + 1 => kids.push(k),
                Some(_) => {}
                None if item.printed.starts_with("其中") => {}
                None => {
                    plain = !is_subtotal(&item.label) && !item.label.contains("合计");
                    break;
                }
            }
        }
        if !kids.is_empty() && !plain {
            out.push((p, kids));
        }
    }
    out
}

/// A heading line over the 类 of a side (`一、部门预算` above `1、一般公共服务支出`): an
/// enumerated line without a code whose next line is a 类 one depth below it.
pub fn is_heading(items: &[BalanceItem], k: usize) -> bool {
    let (Some(item), Some(next)) = (items.get(k), items.get(k + 1)) else { return false };
    item.code.is_none()
        && next.code.is_some()
        && outline_depth(&item.printed).zip(outline_depth(&next.printed)).is_some_and(|(a, b)| b == a + 1)
}

/// The breakdowns of a balance table's spending (T1, T4) checked in themselves and against
/// the table's total: each enumerated line = Σ the lines one depth below it (on the 功能分类
/// side only its headings, whose 类 the other rules sum); a breakdown's 本年支出合计 = Σ its
/// outermost enumerated lines; its 支出总计 = 本年支出合计 + the lines below it; and its
/// 支出总计 = the table's 支出总计.
pub fn check_breakdowns(meta: &'static RuleMeta, id: TableId, b: &BalanceTable, doc: &Document<'_>, ctx: &mut Ctx) {
    for (p, kids) in outline_children(&b.expense) {
        if is_heading(&b.expense, p) {
            check_parts(meta, id, (&b.expense[p], ("", "")), kids.iter().map(|&k| &b.expense[k]).collect(), doc, ctx);
        }
    }
    for side in &b.breakdowns {
        for (p, kids) in outline_children(&side.items) {
            check_parts(meta, id, (&side.items[p], ("", "")), kids.iter().map(|&k| &side.items[k]).collect(), doc, ctx);
        }
        let Some(s) = side.items.iter().position(|i| is_subtotal(&i.label)) else {
            breakdown_against_main(meta, id, b, side, doc, ctx);
            continue;
        };
        let outer: Vec<&BalanceItem> =
            side.items[..s].iter().filter(|i| outline_depth(&i.printed) == Some(0)).collect();
        if !outer.is_empty() {
            check_parts(meta, id, (&side.items[s], ("", "")), outer, doc, ctx);
        }
        if let Some(total) = &side.total {
            check_parts(meta, id, (total, ("", "")), side.items[s..].iter().collect(), doc, ctx);
            if let Some(main) = &b.expense_total {
                check_parts(meta, id, (total, ("", "")), vec![main], doc, ctx);
            }
        }
    }
}

/// A breakdown printed without subtotal or total of its own (`一、基本支出 · 二、项目支出 ·
/// 三、单位预留机动经费`): its outermost lines add up to the spending they divide, the main side's
/// 本年支出小计, or its 支出合计 when no carry-over line beside it holds an amount.
fn breakdown_against_main(
    meta: &'static RuleMeta,
    id: TableId,
    b: &BalanceTable,
    side: &Breakdown,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    if side.total.is_some() {
        return;
    }
    let carried = |i: &BalanceItem| ["结转", "结余"].iter().any(|k| i.label.contains(k)) && i.amount.is_some();
    let target = b.expense.iter().find(|i| is_subtotal(&i.label)).or_else(|| {
        let carry = b.expense.iter().chain(side.items.iter()).any(carried);
        b.expense_total.as_ref().filter(|_| !carry)
    });
    let outer: Vec<&BalanceItem> = side.items.iter().filter(|i| outline_depth(&i.printed) == Some(0)).collect();
    if let (Some(target), false) = (target, outer.is_empty()) {
        check_parts(meta, id, (target, ("", "")), outer, doc, ctx);
    }
}

/// `total = Σ parts` on the lines' first amounts, named `{table} {total}{suffix}`; nothing
/// when every line is blank.
fn check_parts(
    meta: &'static RuleMeta,
    id: TableId,
    (total, (suffix_zh, suffix_en)): (&BalanceItem, (&str, &str)),
    parts: Vec<&BalanceItem>,
    doc: &Document<'_>,
    ctx: &mut Ctx,
) {
    if total.amount.is_none() && parts.iter().all(|i| i.amount.is_none()) {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: Some(id),
        place_zh: format!("{} {}{suffix_zh}", id.as_str(), total.printed),
        place_en: format!("{} {}{suffix_en}", id.as_str(), total.printed),
        total: term_of(id, total, doc.text),
        parts: parts.iter().map(|i| term_of(id, i, doc.text)).collect(),
        row_span: line_span(doc, total),
    });
}
