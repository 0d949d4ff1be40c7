use super::{bind, declare_rule, lookup, Ctx, Document, Severity};
use crate::narrative::Part;
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In the 支出预算情况说明, `基本支出 X 万元` and `项目支出 Y 万元` equal T3's 合计 row
    /// (基本支出 and 项目支出 columns, carry-over included).
    ///
    /// ### Why
    /// The section restates T3's totals (the catalogue's NT-OUT-AMT).
    ///
    /// ### Example
    /// S0 `项目支出 11293.73 万元` = T3 合计 项目支出 11293.73 (T5's 11163.53 excludes 结转).
    ///
    /// ### Known problems
    /// Only the two totals are bound; amounts the section gives for single projects are not.
    NtOutAmt, "NT-OUT-AMT", "支出预算说明的金额 = 支出总表合计", "expenditure section amounts = T3 totals", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtOutAmt::META;
    section_totals(meta, doc, ctx, Part::Expense, TableId::T3, &[]);
}

/// `基本支出 X` / `项目支出 Y` (and the section total under `totals`) of one part of the
/// 情况说明 against the 合计 row of a coded table.
pub(super) fn section_totals(
    meta: &'static super::RuleMeta,
    doc: &Document<'_>,
    ctx: &mut Ctx,
    part: Part,
    id: TableId,
    totals: &[&str],
) {
    let mut claims = bind::claims(doc, part).peekable();
    if claims.peek().is_none() {
        return;
    }
    let Some(t) = lookup::coded(meta, id, doc, ctx) else { return };
    let Some(total) = lookup::total_row(t) else {
        ctx.skip(meta, Some(id), super::SkipReason::AmountMissing { item: "合计".into() }, None);
        return;
    };
    // A split inside one class or item's sentence (`…(项)：预算数为 560.12 万元，其中：基本支出
    // 560.12 万元`) is that item's, not the section's.
    let whole = lookup::cell(id, t, total, &t.columns[0], doc);
    for c in claims.filter(|c| !["(类)", "(款)", "(项)"].iter().any(|m| c.before.contains(m))) {
        let key = bind::canon(&c.label);
        // A split (`…X 万元，其中：基本支出 …`) is the section's only when X is the section's total,
        // not a class's (`社会保障和就业支出 11865.36 万元，其中：基本支出 601.53 万元`).
        if c.before.contains("其中") {
            // A split whose whole is not in its sentence (`…；其中：基本支出 …`) belongs to what came before.
            let Some(subject) = split_subject(&c.before) else { continue };
            if whole.as_ref().is_some_and(|w| (subject - w.value).abs() > w.half + rust_decimal::Decimal::new(5, 3)) {
                continue;
            }
        }
        let col = match key.as_str() {
            "基本支出" | "项目支出" if t.columns.contains(&key) => key.as_str(),
            k if totals.contains(&k) => t.columns[0].as_str(),
            _ => continue,
        };
        bind::compare(meta, c, lookup::cell(id, t, total, col, doc), Severity::Error, doc, ctx);
    }
}

/// The amount a `其中` split in `before` belongs to: the last amount before its last `其中` that
/// is not a rate (`增长 7.46%`) or a change (`增加 45.61 万元`).
fn split_subject(before: &str) -> Option<rust_decimal::Decimal> {
    let q = before.rfind("其中")?;
    let mut head = &before[..q];
    loop {
        let end = head.rfind(|ch: char| ch.is_ascii_digit())? + 1;
        let start = head[..end]
            .rfind(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == ','))
            .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let rate = head[end..].starts_with('%');
        let lead: String = head[..start].chars().rev().take(3).collect();
        let change = ["加增", "少减", "长增", "降下"].iter().any(|w| lead.contains(w));
        if !rate && !change {
            return crate::amount::parse_number(&head[start..end]).map(|(v, _)| v);
        }
        head = &head[..start];
    }
}
