use super::{balance_lines, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 收支总体情况表 (T1) whose expenditure side lists 款 and 项 under each 类 by indentation
    /// alone (no codes): 类 = Σ its 款, 款 = Σ its 项.
    ///
    /// ### Why
    /// Some provinces print the whole functional tree on T1's right side; each level must add up
    /// to the one above it, as in the coded tables.
    ///
    /// ### Example
    /// `社会保障和就业支出 23,243.93` = `行政事业单位养老支出 23,243.93` ✓;
    /// `行政事业单位养老支出 23,243.93` = `2,610.14 + 345.89 + 13,525.27 + 6,762.63` ✓.
    ///
    /// ### Known problems
    /// A 类 whose lines continue on a page printed at another indent is not checked. Only the
    /// first amount of each line (its 合计) is summed.
    T1OutRollup, "T1-OUT-ROLLUP", "收支总体情况表：类 = Σ款 = Σ项（按缩进）", "T1: class = Σ its lines below, by indentation", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = balance_lines::table(&T1OutRollup::META, doc, ctx) else { return };
    balance_lines::check_indent_rollup(&T1OutRollup::META, TableId::T1, &b.expense, doc, ctx);
}
