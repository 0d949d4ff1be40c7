use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 1.一般公共预算拨款 = 其中：一般财力 + 上级一般公共预算安排转移支付.
    ///
    /// ### Why
    /// In the 新疆 template the two 其中 lines are the complete split of the appropriation by origin.
    ///
    /// ### Example
    /// `4007.60 + 7793.53 = 11801.13` ✓.
    ///
    /// ### Known problems
    /// Only applies when every 其中 line is one of the two known ones; a generic 其中 need not add up.
    T1InGpb, "T1-IN-GPB", "收支总体情况表：一般公共预算拨款 = 一般财力 + 上级转移支付", "T1: general budget appropriation = own funds + transfers from above", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1InGpb::META,
        doc,
        ctx,
        |l| l.contains("一般公共预算拨款"),
        IncomeLevel::Numbered,
        |l| l.contains("财力") || l.contains("转移支付"),
    );
}
