use super::{declare_rule, depth, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算基本支出情况表 (T6), every 类 row with money has its 款 rows (5-digit economic codes).
    ///
    /// ### Why
    /// The disclosure rules require 功能分类 to 项级 and 基本支出 经济分类 to 款级.
    ///
    /// ### Example
    /// `301 工资福利支出` → `30101 基本工资` ✓.
    ///
    /// ### Known problems
    /// Checked only on tables read whole; a row the reader lost would look like missing depth.
    T6Depth, "T6-DEPTH", "基本支出情况表细化到款级科目", "T6 reaches 款 (5-digit codes)", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    depth::check_depth(&T6Depth::META, TableId::T6, 2, doc, ctx)
}
