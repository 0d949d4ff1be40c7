use super::{declare_rule, Ctx, Document, Finding, Label};
use crate::tables::{BalanceItem, TableId};

declare_rule! {
    /// ### What it checks
    /// A sentence that gives the document's grand total as zero (`收入支出总计 0 万元`,
    /// `收支总预算 0.00 万元`, `财政拨款收、支总计 0 万元`) while the totals table (收支总表 /
    /// 收入支出决算总表; for 财政拨款 the 财政拨款收支总表 / 财政拨款收入支出决算总表) prints a
    /// total that is not zero.
    ///
    /// ### Why
    /// A template's blank left unfilled reads as "0": the sentence was never written for this
    /// document. The comparison of the narrative's figures with the tables says the figure differs;
    /// this says the sentence is a placeholder, for 预算 and 决算 alike.
    ///
    /// ### Example
    /// 37 line 404: `国家信访局 2024 年度收、支总计 22066.59 万元` ✓; `收、支总计 0 万元` with the
    /// 总表 at 22,066.59 is reported.
    ///
    /// ### Known problems
    /// Only the words for the grand total are read (总计, 总预算); a total named otherwise is left
    /// to the narrative rules. A document without a totals table gets no finding.
    StrZeroTotal, "STR-ZERO-TOTAL", "收支总计不应为 0", "the grand total is not zero", check: check
}

/// Words that name the grand total of a sentence.
const KEYS: [&str; 8] =
    ["收入支出总计", "收、支总计", "收支总计", "收入总计", "支出总计", "收支总预算", "收支预算总计", "收支决算总计"];

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let mut seen = Vec::new();
    for l in doc.lines {
        let s = &doc.text[l.span.clone()];
        for key in KEYS {
            for (at, _) in s.match_indices(key) {
                let Some((zero, is_zero)) = total_after(&s[at + key.len()..]) else { continue };
                // (`财政拨款收支总计`: the fiscal tables' total.)
                let fiscal =
                    s[..at].char_indices().rev().nth(7).map_or(&s[..at], |(k, _)| &s[k..at]).contains("财政拨款");
                let Some((id, total)) = table_total(doc, fiscal) else { continue };
                if !is_zero {
                    ctx.record(None);
                    continue;
                }
                let start = l.span.start + at + key.len() + zero.start;
                // (`收入总计、支出总计均为 0 万元`: one figure, one finding.)
                if seen.contains(&start) {
                    continue;
                }
                seen.push(start);
                report(ctx, start..start + zero.len(), key, id, total, doc.text);
            }
        }
    }
}

/// The figure printed as the total right after its key (`均为 0 万元`, `：0.00万元`), as a
/// range of `rest`, and whether it is zero; `None` for any other wording.
fn total_after(rest: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let digit = rest.find(|c: char| c.is_ascii_digit())?;
    let between = &rest[..digit];
    let filler = between.chars().all(|c| c.is_whitespace() || "、均为是各：:共计合".contains(c))
        || KEYS
            .iter()
            .any(|k| between.replace(k, "").chars().all(|c| c.is_whitespace() || "、均为是各：:".contains(c)));
    if !filler || between.chars().count() > 12 {
        return None;
    }
    let len = rest[digit..].find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len() - digit);
    let number = &rest[digit..digit + len];
    let unit = rest[digit + len..].trim_start();
    let zero = number.chars().all(|c| c == '0' || c == '.') && !number.ends_with('.');
    (unit.starts_with("万元") || unit.starts_with('元')).then_some((digit..digit + len, zero))
}

/// The totals table's 总计, when printed and not zero.
fn table_total<'d>(doc: &'d Document<'_>, fiscal: bool) -> Option<(TableId, &'d BalanceItem)> {
    let ids: [TableId; 2] =
        if fiscal { [TableId::T4, TableId::FinalFisTotal] } else { [TableId::T1, TableId::FinalTotal] };
    doc.tables.iter().filter(|t| ids.contains(&t.id)).find_map(|t| {
        let b = t.balance()?;
        let total = [&b.income_total, &b.expense_total]
            .into_iter()
            .flatten()
            .find(|i| i.amount.as_ref().is_some_and(|a| !a.value.is_zero()))?;
        Some((t.id, total))
    })
}

fn report(ctx: &mut Ctx, span: std::ops::Range<usize>, key: &str, id: TableId, total: &BalanceItem, text: &str) {
    let Some(a) = &total.amount else { return };
    let printed = text.get(a.span.clone()).unwrap_or("").to_string();
    let related = vec![Label { span: a.span.clone(), what: format!("{} {}", id.as_str(), total.printed) }];
    let f = Finding::new(&StrZeroTotal::META, Label { span, what: format!("情况说明 {key}") })
        .table(id)
        .message(
            format!("情况说明称{key}为 0，而{}的总计为 {printed}", id.as_str()),
            format!("the text gives {key} as 0, but {}'s total is {printed}", id.as_str()),
        )
        .found("0")
        .expected(printed.clone())
        .note(format!("{} {} = {printed}", id.as_str(), total.printed))
        .related(related);
    ctx.record(Some(f));
}
