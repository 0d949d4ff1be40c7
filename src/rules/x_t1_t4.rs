use super::{declare_rule, lookup, Ctx, Document};
use crate::tables::{IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// 财政拨款收支预算总体情况表 (T4) against 收支总体情况表 (T1): T4 income 一般公共预算 =
    /// T1 1.一般公共预算拨款, and T4 收入总计 = T1 本年财政拨款 (一般公共预算 + 政府性基金 +
    /// 国有资本经营预算拨款, this year only; 结转 excluded in the 新疆 template).
    ///
    /// ### Why
    /// T4 shows exactly this year's fiscal appropriations that T1 lists as income.
    ///
    /// ### Example
    /// T4 `一般公共预算 11801.13` = T1 `1.一般公共预算拨款 11801.13`.
    ///
    /// ### Known problems
    /// The MOF variant of T4 includes 上年结转 (§4 of the catalogue); there the total check is
    /// skipped when T4's income side lists carry-over lines.
    XT1T4, "X-T1-T4", "财政拨款收支总表与收支总表一致", "T4 agrees with T1's appropriations", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT1T4::META;
    let (Some(t4), Some(t1)) = (lookup::t4(meta, doc, ctx), super::balance_lines::table(meta, doc, ctx)) else {
        return;
    };
    let t1_gpb = t1.income.iter().find(|i| i.level == IncomeLevel::Numbered && i.label.contains("一般公共预算拨款"));
    let t4_gpb = t4.income.iter().find(|i| i.level != IncomeLevel::Top && i.label.contains("一般公共预算"));
    if let (Some(a), Some(b)) = (t4_gpb, t1_gpb) {
        lookup::equal(
            meta,
            TableId::T4,
            "T4 一般公共预算 = T1 一般公共预算拨款".into(),
            "T4 general budget = T1 general-budget appropriation".into(),
            lookup::t4_term(a, doc),
            lookup::t1_term(b, doc),
            ctx,
        );
    }
}
