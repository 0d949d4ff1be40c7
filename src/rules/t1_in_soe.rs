use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 3.国有资本经营预算拨款 = 其中：国有资本经营收入 + 上级国有资本经营预算安排转移支付.
    ///
    /// ### Why
    /// The two 其中 lines split the appropriation by origin.
    ///
    /// ### Example
    /// All blank in the seeds.
    ///
    /// ### Known problems
    /// Only applies when every 其中 line is one of the two known ones.
    T1InSoe, "T1-IN-SOE", "收支总体情况表：国有资本经营预算拨款 = 国有资本经营收入 + 上级转移支付", "T1: state-capital appropriation = own + transfers", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1InSoe::META,
        doc,
        ctx,
        |l| l.contains("国有资本经营预算拨款"),
        IncomeLevel::Numbered,
        |l| l.contains("经营收入") || l.contains("转移支付"),
    );
}
