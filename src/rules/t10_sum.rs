use super::{coded_sums, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款“三公”经费支出情况表 (T10), for each column: 合计 = 因公出国(境)费 + 公务接待费
    /// + 公务用车购置及运行费(小计); where the table adds 会议费 and 培训费 under a 合计 of all
    /// (`合计 | 小计 … | 会议费 | 培训费`), also 合计 = “三公”经费小计 + 会议费 + 培训费.
    ///
    /// ### Why
    /// The three 三公 items make up the total (the car line's two parts are in its 小计).
    ///
    /// ### Example
    /// `2.28 = 0 + 0.14 + 2.14`; `2,382.02 = 513.75 + 271.02 + 1,597.25`.
    ///
    /// ### Known problems
    /// A column where some item's cell is unknown is skipped.
    T10Sum, "T10-SUM", "“三公”经费：合计 = 出国 + 接待 + 公务用车小计", "T10: total = abroad + reception + cars", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    if let Some((t, _)) = lookup::labelled(&T10Sum::META, TableId::T10, doc, ctx) {
        let views = coded_sums::labelled_views(t);
        // T10 ends with 公务用车运行费: without it the paste was cut inside the table.
        if !views.iter().any(|r| crate::tables::is_t10_running(&r.label)) {
            ctx.skip(
                &T10Sum::META,
                Some(TableId::T10),
                super::SkipReason::Truncated { row: "T10 公务用车运行费".into() },
                None,
            );
            return;
        }
        let top = |l: &str| l.contains("因公出国") || l.contains("公务接待") || l.contains("购置及运行");
        // Whole (it reaches 公务用车运行费), wherever the input ends.
        coded_sums::check_total_of_rows(&T10Sum::META, TableId::T10, &views, &t.columns, false, top, doc, ctx);
        let grand = crate::tables::T10_GRAND_TOTAL;
        if views.iter().any(|r| r.label == grand) {
            let part = |l: &str| l == "“三公”经费合计" || l == "会议费" || l == "培训费";
            coded_sums::check_parent_of_rows(
                &T10Sum::META,
                TableId::T10,
                &views,
                &t.columns,
                |l| l == grand,
                part,
                doc,
                ctx,
            );
        }
    }
}
