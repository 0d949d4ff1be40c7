use super::{declare_rule, lookup, Ctx, Document, SumSpec, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 一般公共预算基本支出情况表 (T6): the 人员经费 column total = 301 工资福利支出 + 303 对个人
    /// 和家庭的补助; the 公用经费 column total = 302 商品和服务支出 (+ 307, 310, 399 where printed).
    ///
    /// ### Why
    /// The 名词解释 of every disclosure defines 人员经费 as 工资福利支出 and 对个人和家庭的补助, and
    /// 公用经费 as the rest of basic spending.
    ///
    /// ### Example
    /// `608.99 + 22.93 = 631.92` (人员经费).
    ///
    /// ### Known problems
    /// Uses the 类 rows' 合计 column, so it holds even where blank cells were lost. A table that
    /// prints no 类 row of these classes (only 款 rows, or 政府经济分类 50x codes) is skipped, not
    /// compared with zero; so is one whose template splits a class across the two columns (陕西
    /// counts 302's 其他交通费用 as 人员经费), where T6-ROLLUP checks the columns instead.
    T6ClassSplit, "T6-CLASS-SPLIT", "基本支出情况表：人员经费 = 301 + 303，公用经费 = 302 + …", "T6: personnel = 301 + 303, public = 302 + …", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T6ClassSplit::META;
    let Some(t6) = lookup::coded(meta, TableId::T6, doc, ctx) else { return };
    let Some(total) = lookup::total_row(t6) else { return };
    if !lookup::complete(doc, TableId::T6) {
        ctx.skip(meta, Some(TableId::T6), super::SkipReason::Truncated { row: "T6".into() }, None);
        return;
    }
    // Only the 部门预算 economic classes (30x/31x/399) are split this way, and only when the
    // table prints its class rows (a table of 款 rows alone, or of 政府经济分类 50x codes, has
    // none to add up: that is not a sum of zero).
    let known = ["301", "302", "303", "307", "309", "310", "399"];
    let classes: Vec<&str> = t6.rows.iter().filter(|r| r.level() == 1).filter_map(|r| r.code.as_deref()).collect();
    // A class printed twice (under two 政府经济分类 codes) or whose 合计 was not placed cannot be
    // added up either.
    let unique = classes.iter().enumerate().all(|(k, c)| !classes[..k].contains(c));
    let placed = t6
        .rows
        .iter()
        .filter(|r| r.level() == 1)
        .all(|r| lookup::cell(TableId::T6, t6, r, &t6.columns[0], doc).is_some());
    if classes.is_empty() || classes.iter().any(|c| !known.contains(c)) || !unique || !placed {
        ctx.skip(meta, Some(TableId::T6), super::SkipReason::UnrecognisedLine { item: "T6 经济分类".into() }, None);
        return;
    }
    // A template that splits a class across the two columns (陕西: 302's 其他交通费用 as 人员经费)
    // defines them otherwise: the column rollups (T6-ROLLUP) check it instead.
    let split = t6.rows.iter().filter(|r| r.level() == 1).any(|r| {
        let nonzero = |col: &str| lookup::cell(TableId::T6, t6, r, col, doc).is_some_and(|t| !t.value.is_zero());
        nonzero("人员经费") && nonzero("公用经费")
    });
    if split {
        ctx.skip(
            meta,
            Some(TableId::T6),
            super::SkipReason::UnrecognisedLine { item: "T6 类跨人员/公用经费".into() },
            None,
        );
        return;
    }
    for (col, classes) in [("人员经费", &["301", "303"][..]), ("公用经费", &["302", "307", "309", "310", "399"][..])]
    {
        let Some(t) = lookup::cell(TableId::T6, t6, total, col, doc) else { continue };
        let parts: Vec<Term> = classes
            .iter()
            .filter_map(|c| lookup::row(t6, c))
            .filter_map(|r| lookup::cell(TableId::T6, t6, r, &t6.columns[0], doc))
            .collect();
        if t.span.is_none() && parts.iter().all(|p| p.span.is_none()) {
            continue;
        }
        ctx.check_sum(SumSpec {
            meta,
            table: Some(TableId::T6),
            place_zh: format!("T6 合计 · {col} = {}", classes.join(" + ")),
            place_en: format!("T6 total · {col} = {}", classes.join(" + ")),
            total: t,
            parts,
            row_span: total.span.clone(),
        });
    }
}
