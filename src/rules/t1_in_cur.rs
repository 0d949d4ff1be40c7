use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 一、本年收入 = 1.一般公共预算拨款 + 2.政府性基金预算拨款 + 3.国有资本经营预算拨款 + 4.财政专户核拨 + 5.单位资金.
    ///
    /// ### Why
    /// The numbered lines are the complete breakdown of this year's income by source.
    ///
    /// ### Example
    /// `一、本年收入 11801.13` = `1.一般公共预算拨款 11801.13` + blanks ✓.
    ///
    /// ### Known problems
    /// A numbered line with a label the checker does not know skips the check.
    T1InCur, "T1-IN-CUR", "收支总体情况表：本年收入 = 各项收入之和", "T1: this year's income = Σ its numbered lines", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1InCur::META,
        doc,
        ctx,
        |l| l.contains("本年收入"),
        IncomeLevel::Top,
        |l| l.ends_with("拨款") || l.contains("财政专户") || l.contains("单位资金"),
    );
}
