use super::{balance_lines, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支总表 (T4) that prints its spending in several breakdowns side by side, each in its own
    /// column pair of labels and amounts (支出功能分类 · 部门预算支出经济分类 · 政府预算支出经济分类
    /// by 大类): in each breakdown, every enumerated line = Σ the lines one level below it
    /// (`一、` over `1、` over `(1)`); 本年支出合计 = Σ its `一、` lines; 支出总计 = 本年支出合计 +
    /// the lines below it (结转下年 …); and its 支出总计 = the table's 支出总计. On the 功能分类 side,
    /// a heading over the 类 (`一、部门预算`) = Σ the 类 below it.
    ///
    /// ### Why
    /// Each breakdown divides the same spending another way: every one must add up to the same
    /// total, and each level to the one above it.
    ///
    /// ### Example
    /// `1、人员经费和公用经费支出 33,544,216.08` = `29,812,828.40 + 3,055,383.68 + 576,004.00 +
    /// 100,000.00` ✓; `一、部门预算 42,034,723.58` = `33,544,216.08 + 8,490,507.50` ✓.
    ///
    /// ### Known problems
    /// A breakdown is found by its column of labels after amounts on at least three lines; a
    /// block holding an unenumerated line (other than `其中`) is not summed.
    T4OutBreakdown, "T4-OUT-BREAKDOWN", "财政拨款收支总表：各支出分类逐级相加，合计与支出总计相符", "T4: every breakdown of spending adds up, level by level, to the total", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let Some(b) = lookup::t4(&T4OutBreakdown::META, doc, ctx) else { return };
    balance_lines::check_breakdowns(&T4OutBreakdown::META, TableId::T4, b, doc, ctx);
}
