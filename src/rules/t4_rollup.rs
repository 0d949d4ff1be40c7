use super::{balance_lines, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支预算总体情况表 (T4) whose expenditure side lists 款 and 项 under each 类 by
    /// indentation alone (no codes): 类 = Σ its 款, 款 = Σ its 项, on the 合计 column.
    ///
    /// ### Why
    /// As in T1: each level of the functional tree must add up to the one above it.
    ///
    /// ### Example
    /// `住房保障支出 738.45` = `住房改革支出 738.45` = `住房公积金 738.45` ✓.
    ///
    /// ### Known problems
    /// A 类 whose lines continue on a page printed at another indent is not checked. Only the
    /// first amount of each line (its 合计) is summed.
    T4Rollup, "T4-ROLLUP", "财政拨款收支总表：类 = Σ款 = Σ项（按缩进）", "T4: class = Σ its lines below, by indentation", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = lookup::t4(&T4Rollup::META, doc, ctx) else { return };
    balance_lines::check_indent_rollup(&T4Rollup::META, TableId::T4, &b.expense, doc, ctx);
}
