use super::{coded_sums, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款“三公”经费支出情况表 (T10), every row: 合计 = 一般公共预算 + 政府性基金 +
    /// 国有资本经营预算.
    ///
    /// ### Why
    /// 三公 spending is paid from the fiscal funds; the fund columns split the row total.
    ///
    /// ### Example
    /// `合计 2.28 2.28` (all 一般公共预算).
    ///
    /// ### Known problems
    /// When blank cells vanished and the funds cannot be told apart, the row is still checked:
    /// every amount after the total is a part.
    T10Src, "T10-SRC", "“三公”经费支出情况表：合计 = 各资金来源之和", "T10: total = Σ funding sources, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    if let Some((t, at_end)) = lookup::labelled(&T10Src::META, TableId::T10, doc, ctx) {
        let views = coded_sums::labelled_views(t);
        // T10 ends with 公务用车运行费: once that row is read, the table is whole.
        let whole = views.iter().any(|r| r.label.contains("运行费") && !r.label.contains("购置及运行"));
        let rows = coded_sums::RowsOf { id: TableId::T10, rows: &views, columns: &t.columns, at_end: at_end && !whole };
        coded_sums::check_row_identities(&T10Src::META, rows, None, doc, ctx);
    }
}
