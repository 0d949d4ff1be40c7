use super::{declare_rule, lookup, Ctx, Document, SumSpec};
use crate::tables::{IncomeLevel, TableId};

declare_rule! {
    /// ### What it checks
    /// In 财政拨款收支预算总体情况表 (T4), the income side: 一、财政拨款(补助) = 一般公共预算 +
    /// 政府性基金预算 + 国有资本经营预算.
    ///
    /// ### Why
    /// Fiscal appropriations are the sum of the three budgets' appropriations.
    ///
    /// ### Example
    /// `11801.13 = 11801.13 + blank + blank`.
    ///
    /// ### Known problems
    /// Templates that add 上年结转 lines under it (MOF variant) are not read yet: any other line
    /// under the top line skips the check.
    T4In, "T4-IN", "财政拨款收支总表：财政拨款(补助) = 三本预算拨款之和", "T4: fiscal income = Σ the three budgets", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &T4In::META;
    let Some(t4) = lookup::t4(meta, doc, ctx) else { return };
    let Some(k) = t4.income.iter().position(|i| i.label.contains("财政拨款") && !i.label.contains("结转")) else {
        return;
    };
    let parent = &t4.income[k];
    // The lines under it: the three budgets, up to the next top-level line.
    let known = |l: &str| l.contains("一般公共预算") || l.contains("基金预算") || l.contains("国有资本经营预算");
    let kids: Vec<_> =
        t4.income[k + 1..].iter().take_while(|i| i.level != IncomeLevel::Top && known(&i.label)).collect();
    if kids.is_empty() {
        return;
    }
    ctx.check_sum(SumSpec {
        meta,
        table: Some(TableId::T4),
        place_zh: format!("T4 {}", parent.printed),
        place_en: format!("T4 {}", parent.printed),
        total: lookup::t4_term(parent, doc),
        parts: kids.iter().map(|i| lookup::t4_term(i, doc)).collect(),
        row_span: doc.lines.get(parent.line).map_or(0..0, |l| l.span.clone()),
    });
}
