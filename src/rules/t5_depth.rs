use super::{declare_rule, depth, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算支出情况表 (T5), every 类 and 款 row with money has rows one level down, so that the table reaches 项 (7-digit codes).
    ///
    /// ### Why
    /// The disclosure rules require 功能分类 to 项级 and 基本支出 经济分类 to 款级.
    ///
    /// ### Example
    /// `208` → `208 01` → `208 01 01` ✓.
    ///
    /// ### Known problems
    /// Checked only on tables read whole; a row the reader lost would look like missing depth.
    T5Depth, "T5-DEPTH", "一般公共预算支出情况表细化到项级科目", "T5 reaches 项 (7-digit codes)", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    depth::check_depth(&T5Depth::META, TableId::T5, 3, doc, ctx)
}
