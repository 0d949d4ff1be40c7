use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 政府性基金预算支出情况表 (T8) and 国有资本经营预算支出情况表 (T9), every row:
    /// 合计 = 人员经费 + 公用经费 + 项目支出 (2023 template: 合计 = 基本支出 + 项目支出).
    ///
    /// ### Why
    /// Fund spending splits into basic (personnel, public) and project spending.
    ///
    /// ### Example
    /// Empty in all seeds (the tables carry an "为空表" note).
    ///
    /// ### Known problems
    /// Empty tables are not checked here; their notes are a separate rule.
    T89Row, "T89-ROW", "政府性基金/国有资本经营预算支出情况表：合计 = 基本支出 + 项目支出", "T8/T9: total = basic + project, per row", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    coded_sums::check_rows(&T89Row::META, TableId::T8, doc, ctx);
    coded_sums::check_rows(&T89Row::META, TableId::T9, doc, ctx);
}
