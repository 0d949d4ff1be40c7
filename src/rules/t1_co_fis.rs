use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 1.财政拨款结转 = 其中 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款.
    ///
    /// ### Why
    /// Fiscal carry-over is split by the fund it came from; the three funds are complete.
    ///
    /// ### Example
    /// `100.30 + 29.90 = 130.20` ✓.
    ///
    /// ### Known problems
    /// Applies only to the fiscal line (not 非财政拨款结转); unknown 其中 labels skip the check.
    T1CoFis, "T1-CO-FIS", "收支总体情况表：财政拨款结转 = 各类预算拨款结转之和", "T1: fiscal carry-over = Σ by fund", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1CoFis::META,
        doc,
        ctx,
        |l| l.contains("财政拨款结转") && !l.contains("非财政"),
        IncomeLevel::Numbered,
        |l| l.ends_with("拨款"),
    );
}
