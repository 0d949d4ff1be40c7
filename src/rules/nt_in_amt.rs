use super::{bind, declare_rule, Ctx, Document, Severity};
use crate::narrative::Part;
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In the 收入预算情况说明, each source of income the text names with an amount equals
    /// T1's line of that name: `一般公共预算 X 万元` is T1 `其中：一般财力` (the 本级 part; T1
    /// `1.一般公共预算拨款` when T1 has no such line), `上级一般公共预算安排的转移支付资金` is
    /// T1 `上级一般公共预算安排转移支付`, `财政拨款结转` is T1 `1.财政拨款结转`, and so on for
    /// every T1 income line. A blank T1 line must be stated as 0 (or not at all).
    ///
    /// ### Why
    /// The section restates T1's income side line by line (the catalogue's NT-IN-AMT, with the
    /// section-aware binding of §2.13: here 一般公共预算 is T1's 一般财力, not the whole
    /// 一般公共预算拨款 that includes the 上级 transfers).
    ///
    /// ### Example
    /// S0 `一般公共预算 4007.60 万元` = T1 `其中:一般财力 4007.60` (not 11801.13).
    ///
    /// ### Known problems
    /// A source the text names in words of its own (a project's name, `自治区国有企业改革成本
    /// 资金`) binds to no T1 line and is not compared; it is counted as unchecked. Amounts in a
    /// sentence about the carry-over bind to the lines under T1's 上年结转结余.
    NtInAmt, "NT-IN-AMT", "收入预算说明的金额 = 收支总表收入数", "income section amounts = T1 income lines", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtInAmt::META;
    let mut claims = bind::claims(doc, Part::Income).peekable();
    if claims.peek().is_none() {
        return;
    }
    let Some(t1) = doc.table(TableId::T1).and_then(|t| t.balance()) else {
        ctx.skip(meta, Some(TableId::T1), super::SkipReason::TableMissing, None);
        return;
    };
    let by_name = bind::index(t1.income.iter().map(|i| (bind::canon(&i.label), i)));
    // The lines under 上年结转结余 (`1.财政拨款结转 其中：一般公共预算拨款 …`), for a split of
    // the carry-over (`财政拨款结转 130.20 万元，其中：一般公共预算拨款 100.30 万元`).
    let carry_from = t1.income.iter().position(|i| bind::canon(&i.label).contains("结转"));
    let carried = bind::index(
        t1.income.iter().skip(carry_from.map_or(t1.income.len(), |p| p + 1)).map(|i| (bind::canon(&i.label), i)),
    );
    for c in claims {
        let key = bind::canon(&c.label);
        let named =
            |key: &str| if c.before.contains("结转") { carried.get(key).copied() } else { by_name.get(key).copied() };
        let item = match key.as_str() {
            // Only the bare words: `一般公共预算拨款` is T1's whole line, `一般公共预算` its 本级 part.
            "一般公共预算" if c.label == "一般公共预算" && !c.before.contains("结转") => {
                named("一般财力").or_else(|| named("一般公共预算"))
            }
            k if k.chars().count() >= 4 || c.before.contains("结转") => named(k),
            _ => None,
        };
        let Some(item) = item else { continue };
        // A fund's bare name is its 本级 part in the 新疆 template (一般财力, 政府性基金收入,
        // 国有资本经营收入, beside 上级…转移支付) and the whole line in others: either restates T1.
        let alternatives: &[&str] = match c.label.as_str() {
            "一般公共预算" => &["一般公共预算"],
            "政府性基金预算" | "政府性基金" => &["政府性基金收入", "政府性基金预算"],
            "国有资本经营预算" | "国有资本经营" => &["国有资本经营收入", "国有资本经营预算"],
            _ => &[],
        };
        let said = bind::said(c, doc);
        let fits = |k: &&str| {
            named(&bind::canon(k))
                .and_then(|w| bind::balance_term(TableId::T1, w, doc))
                .is_some_and(|w| super::agrees(&said, &w))
        };
        if !c.before.contains("结转") && alternatives.iter().any(fits) {
            ctx.narrative_bound.push(c.figure.amount.span.start);
            ctx.record(None);
            continue;
        }
        bind::compare(meta, c, bind::balance_term(TableId::T1, item, doc), Severity::Error, doc, ctx);
    }
}
