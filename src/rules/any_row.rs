use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In every coded table of a kind with no rule of its own (财政拨款支出表, 财政拨款基本支出表,
    /// 一般公共预算支出经济分类表, 基本支出表 by 功能分类, 项目支出预算表 and 基本支出预算表 by
    /// source …), every row: the identities its header defines — 合计 = 基本支出 + 项目支出 (+
    /// 事业单位经营支出 …), 基本支出 = 人员经费 + 公用经费, 合计 = 人员经费 + 公用经费, or 总计 = Σ
    /// its sources (a 财政拨款 合计 = Σ the funds under it).
    ///
    /// ### Why
    /// These identities hold in every template: a table need not be one of the eleven the rules
    /// know by name for its rows to add up.
    ///
    /// ### Example
    /// `206 科学技术支出 185,263.17 1,304.01 1,080.35 223.66 183,959.16`: 1,304.01 + 183,959.16 =
    /// 185,263.17 ✓ and 1,080.35 + 223.66 = 1,304.01 ✓.
    ///
    /// ### Known problems
    /// Only the columns the header names are used; a table whose header is not understood is
    /// listed as not checked.
    AnyRow, "ANY-ROW", "其他支出表：每行合计 = 各分项（按表头）", "other spending tables: each row = the sum of its parts, as the header defines them", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    for id in TableId::OTHER_KINDS.into_iter().filter(|id| doc.tables.iter().any(|t| t.id == *id)) {
        coded_sums::check_rows(&AnyRow::META, id, doc, ctx);
    }
}
