use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 2.非财政拨款结转(结余) = 其中：财政专户核拨 + 单位资金.
    ///
    /// ### Why
    /// Non-fiscal carry-over comes from the special account or the unit's own funds.
    ///
    /// ### Example
    /// All blank in the seeds.
    ///
    /// ### Known problems
    /// Only applies when every 其中 line is one of the two known ones.
    T1CoNonfis, "T1-CO-NONFIS", "收支总体情况表：非财政拨款结转 = 财政专户核拨 + 单位资金", "T1: non-fiscal carry-over = special account + unit funds", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1CoNonfis::META,
        doc,
        ctx,
        |l| l.starts_with("非财政拨款结"),
        IncomeLevel::Numbered,
        |l| l.contains("财政专户") || l.contains("单位资金"),
    );
}
