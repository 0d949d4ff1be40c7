use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::IncomeLevel;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1): 二、上年结转结余 = 1.财政拨款结转 + 2.非财政拨款结转(结余).
    ///
    /// ### Why
    /// Carry-over is either from fiscal appropriations or from other funds; the two lines are complete.
    ///
    /// ### Example
    /// `130.20 = 130.20 + blank` ✓.
    ///
    /// ### Known problems
    /// Label variants (结转 / 结余 / 结转结余) are accepted; any other numbered line skips the check.
    T1Co, "T1-CO", "收支总体情况表：上年结转结余 = 财政拨款结转 + 非财政拨款结转", "T1: carry-over = fiscal + non-fiscal carry-over", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    balance_lines::check_income_parent(
        &T1Co::META,
        doc,
        ctx,
        |l| l.contains("上年结转") || l.contains("上年结余"),
        IncomeLevel::Top,
        |l| l.contains("财政拨款结"),
    );
}
