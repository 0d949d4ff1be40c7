use super::{coded_sums, declare_rule, lookup, Ctx, Document};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// In 财政拨款“三公”经费支出情况表 (T10), for each column: 公务用车购置及运行费(小计) =
    /// 公务用车购置费 + 公务用车运行费.
    ///
    /// ### Why
    /// The car line must be split into purchase and running costs (an inspection point).
    ///
    /// ### Example
    /// `2.14 = 0 + 2.14`.
    ///
    /// ### Known problems
    /// A column where some cell is unknown is skipped.
    T10Car, "T10-CAR", "“三公”经费：公务用车小计 = 购置费 + 运行费", "T10: car subtotal = purchase + running", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    if let Some((t, _)) = lookup::labelled(&T10Car::META, TableId::T10, doc, ctx) {
        let views = coded_sums::labelled_views(t);
        // T10 ends with 公务用车运行费: without it the paste was cut inside the table.
        if !views.iter().any(|r| crate::tables::is_t10_running(&r.label)) {
            ctx.skip(
                &T10Car::META,
                Some(TableId::T10),
                super::SkipReason::Truncated { row: "T10 公务用车运行费".into() },
                None,
            );
            return;
        }
        coded_sums::check_parent_of_rows(
            &T10Car::META,
            TableId::T10,
            &views,
            &t.columns,
            |l| l.contains("购置及运行"),
            |l| !l.contains("购置及运行") && (l.contains("购置费") || crate::tables::is_t10_running(l)),
            doc,
            ctx,
        );
    }
}
