use super::{coded_sums, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 上年结转结余情况明细表 (T11), every row: 总计 = 财政拨款合计 + 非财政拨款合计, and each
    /// 合计 = 人员经费 + 公用经费 + 项目支出.
    ///
    /// ### Why
    /// Carry-over splits by source (fiscal or not) and by kind (basic or project).
    ///
    /// ### Example
    /// `130.20 = 130.20 + blank`, `130.20 = blank + blank + 130.20`.
    ///
    /// ### Known problems
    /// Rows whose amounts could not be placed in columns are skipped (the identities are nested).
    T11Row, "T11-ROW", "上年结转结余情况明细表：总计 = 财政拨款 + 非财政拨款", "T11: total = fiscal + non-fiscal, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    if let Some((t, at_end)) = lookup::labelled(&T11Row::META, TableId::T11, doc, ctx) {
        let views = coded_sums::labelled_views(t);
        let rows = coded_sums::RowsOf { id: TableId::T11, rows: &views, columns: &t.columns, at_end };
        coded_sums::check_row_identities(&T11Row::META, rows, None, doc, ctx);
    }
}
