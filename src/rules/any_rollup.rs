use super::{coded_sums, declare_rule, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In every coded table of a kind with no rule of its own (财政拨款支出表, 财政拨款基本支出表,
    /// 一般公共预算支出经济分类表 …), for each value column: 类 = Σ款 = Σ项 by code prefix, and the
    /// total row = Σ its outermost rows. In a 项目支出预算表 by source (rows named by unit and
    /// project, no codes), the total row = Σ every other row; in a 部门预算基本支出预算表 by unit,
    /// each unit = Σ the 经济分类 类 printed under it by name, and the total = Σ the units.
    ///
    /// ### Why
    /// Every classification (功能 or 经济) is a tree; the tree adds up in any template.
    ///
    /// ### Example
    /// `206 科学技术支出 185,263.17` = `20601 2,478.17` + `20604 …` ✓.
    ///
    /// ### Known problems
    /// As the named rollups: a column placed by position only, or a code printed twice with other
    /// amounts, is skipped and listed. A project list with subtotal rows (a unit over its projects)
    /// would count twice; the templates seen print none.
    AnyRollup, "ANY-ROLLUP", "其他支出表：类 = Σ款 = Σ项，合计 = Σ类", "other spending tables: class = Σ 款 = Σ 项, total = Σ classes", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    for id in TableId::OTHER_KINDS.into_iter().filter(|id| doc.tables.iter().any(|t| t.id == *id)) {
        coded_sums::check_rollup(&AnyRollup::META, id, doc, ctx);
    }
}
