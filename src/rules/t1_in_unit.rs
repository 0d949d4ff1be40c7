use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 5.单位资金 = 事业收入 + 上级补助收入 + 附属单位上缴收入 + 事业单位经营收入 + 其他收入.
    ///
    /// ### Why
    /// The five lines are the complete list of a unit's own income sources.
    ///
    /// ### Example
    /// All blank in the seeds.
    ///
    /// ### Known problems
    /// Only applies when every line under it is one of the five known ones.
    T1InUnit, "T1-IN-UNIT", "收支总体情况表：单位资金 = 各项单位资金收入之和", "T1: unit funds = Σ their sources", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1InUnit::META,
        doc,
        ctx,
        |l| l == "单位资金",
        IncomeLevel::Numbered,
        |l| ["事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"].contains(&l),
    );
}
