use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 2.政府性基金预算拨款 = 其中：政府性基金收入 + 上级政府性基金安排转移支付.
    ///
    /// ### Why
    /// The two 其中 lines split the fund appropriation by origin.
    ///
    /// ### Example
    /// All blank in the seeds.
    ///
    /// ### Known problems
    /// Only applies when every 其中 line is one of the two known ones.
    T1InGf, "T1-IN-GF", "收支总体情况表：政府性基金预算拨款 = 政府性基金收入 + 上级转移支付", "T1: government-fund appropriation = own + transfers", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1InGf::META,
        doc,
        ctx,
        |l| l.contains("基金预算拨款"),
        IncomeLevel::Numbered,
        |l| l.contains("基金收入") || l.contains("转移支付"),
    );
}
