use super::{declare_rule, lookup, Ctx, Document, Finding, Label, RuleMeta, Severity};
use crate::amount::format_fixed;
use crate::narrative::{Figure, Share};
use crate::tables::BalanceTable;
use crate::tables::{TableId, TableStatus};
use rust_decimal::Decimal;

declare_rule! {
    /// ### What it checks
    /// Every share in the narrative, `X 万元，占 p%`, is X ÷ base for one of the bases a disclosure
    /// uses: the whole the sentence splits (`收入预算 11931.33 万元，其中：…`), an amount stated
    /// shortly before, T1 收入总计 / 支出总计, T3 合计, T4 总计, T5 合计 (in a 决算: the 总表's
    /// totals, the 支出决算表's and 一般公共预算 决算表's 合计). A share above 100% is an error
    /// whatever the base: a part is never more than its whole.
    ///
    /// ### Why
    /// A share that no base reproduces is a typo in the share or in the amount.
    ///
    /// ### Example
    /// `一般公共预算 4007.60 万元，占 33.59%`: 4007.60 ÷ 11931.33 = 33.59% ✓.
    ///
    /// ### Known problems
    /// Lenient about the base (any of the usual ones passes), so a share computed on the wrong base
    /// that happens to match another is not caught. Checked statcheck-style from the intervals the
    /// printed figures stand for; a share inside that range but more than one printed unit off
    /// every recomputation from the printed figures is info. Runs only when T1 (in a 决算, the
    /// 收入支出决算总表) was read.
    NiShare, "NI-SHARE", "占比 = 金额 ÷ 基数", "share = amount ÷ base", check: check
}

/// A 决算's 收入支出决算总表, when read: the final accounts' counterpart of T1.
fn final_total<'d>(doc: &'d Document<'_>) -> Option<&'d BalanceTable> {
    doc.tables
        .iter()
        .find(|t| t.id == TableId::FinalTotal && matches!(t.status, TableStatus::Checked | TableStatus::Partial))
        .and_then(|t| t.balance())
        .filter(|b| b.income_total.is_some() || b.expense_total.is_some())
}

/// A figure as (value, half of its last printed digit).
type Interval = (Decimal, Decimal);

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiShare::META;
    if doc.narrative.shares.is_empty() {
        return;
    }
    let Some(t1) = final_total(doc).or_else(|| super::balance_lines::table(meta, doc, ctx)) else { return };
    // Tables of another document or in 元: only the text's own amounts are bases.
    let bases = if doc.narrative.text_only() { Vec::new() } else { table_bases(t1, doc) };
    let shares = &doc.narrative.shares;
    // A breakdown is a run of consecutive shares: summed once, so the rule stays linear.
    for run in shares.chunk_by(|a, b| a.breakdown == b.breakdown) {
        let breakdown = Breakdown::of(run);
        for sh in run {
            let finding = share_finding(meta, sh, &bases, &breakdown, doc);
            ctx.record(finding);
        }
    }
}

/// What a breakdown of shares adds up to.
struct Breakdown {
    /// The sum of its parts: its whole, for a breakdown of two or more shares.
    total: Option<Interval>,
    /// The printed shares add up to exactly 100%.
    hundred: bool,
    /// How many of its shares fit the whole.
    fitting: usize,
    len: usize,
}

impl Breakdown {
    fn of(run: &[Share]) -> Breakdown {
        let total = (run.len() >= 2).then(|| {
            run.iter().fold((Decimal::ZERO, Decimal::ZERO), |(v, h), s| {
                let (x, hx) = s.part.value_wan();
                (v + x, h + hx)
            })
        });
        let sum: Decimal = run.iter().map(|s| s.percent.amount.value).sum();
        let fitting = total.map_or(0, |whole| run.iter().filter(|s| fits_whole(s, whole)).count());
        Breakdown { total, hundred: sum == Decimal::ONE_HUNDRED, fitting, len: run.len() }
    }
}

/// Does share `s` fit `whole`?
fn fits_whole(s: &Share, whole: Interval) -> bool {
    fits_of((s.percent.amount.value, s.percent.amount.half_step()), s.part.value_wan(), whole)
}

/// 尾差调整: the breakdown's printed shares add up to exactly 100%, every other share fits the
/// breakdown's own total, and this one is one unit of its last digit off its recomputation —
/// adjusted so that the shares sum to 100%. The recomputed share, if so.
fn tail_adjusted(sh: &Share, breakdown: &Breakdown) -> Option<Decimal> {
    let (whole, hw) = breakdown.total?;
    if !breakdown.hundred || whole.is_zero() {
        return None;
    }
    let others = breakdown.fitting - usize::from(fits_whole(sh, (whole, hw)));
    let others_fit = others + 1 == breakdown.len;
    let d = sh.percent.amount.decimals;
    let q = sh.part.value_wan().0 / whole * Decimal::ONE_HUNDRED;
    let unit = Decimal::new(1, d);
    (others_fit && (sh.percent.amount.value - q.round_dp(d)).abs() == unit).then_some(q)
}

/// The totals a share may be of: T1's (or the 决算总表's) income and expenditure totals, T3's and
/// T5's total rows (the 支出决算表's and 一般公共预算 决算表's), T4's income total.
fn table_bases(t1: &BalanceTable, doc: &Document<'_>) -> Vec<Interval> {
    let mut bases: Vec<Interval> = Vec::new();
    for item in [&t1.income_total, &t1.expense_total].into_iter().flatten() {
        if let Some(a) = &item.amount {
            bases.push((a.value, a.half_step()));
        }
    }
    for id in [TableId::T3, TableId::T5, TableId::FinalSpend, TableId::FinalGpb] {
        if let Some(c) = doc.tables.iter().find(|t| t.id == id).and_then(|t| t.coded()) {
            if let Some(a) = lookup::total_row(c).and_then(|r| r.cells.first()).and_then(|c| c.amount()) {
                bases.push((a.value, a.half_step()));
            }
        }
    }
    if let Some(a) = doc
        .tables
        .iter()
        .find(|t| t.id == TableId::T4)
        .and_then(|t| t.balance())
        .and_then(|b| b.income_total.as_ref())
        .and_then(|i| i.amount.as_ref())
    {
        bases.push((a.value, a.half_step()));
    }
    bases
}

/// Does share `p` (± `hp`) of `x` (± `hx`) fall in the range base `b` (± `hb`) allows?
fn fits_of(p: Interval, x: Interval, (b, hb): Interval) -> bool {
    let ((p, hp), (x, hx)) = (p, x);
    let (b_lo, b_hi) = (b - hb, b + hb);
    if b_lo <= Decimal::ZERO {
        return false;
    }
    let lo = (x - hx).max(Decimal::ZERO) / b_hi * Decimal::ONE_HUNDRED;
    let hi = (x + hx) / b_lo * Decimal::ONE_HUNDRED;
    p + hp >= lo && p - hp <= hi
}

/// `None` when the share fits some base.
fn share_finding(
    meta: &'static RuleMeta,
    sh: &Share,
    bases: &[Interval],
    breakdown: &Breakdown,
    doc: &Document<'_>,
) -> Option<Finding> {
    let x = sh.part.value_wan();
    let p = (sh.percent.amount.value, sh.percent.amount.half_step());
    if p.0 - p.1 > Decimal::ONE_HUNDRED {
        return Some(over_whole(meta, sh, doc));
    }
    let mut candidates = bases.to_vec();
    candidates.extend(sh.subject.as_ref().map(Figure::value_wan));
    candidates.extend(sh.nearby.iter().map(Figure::value_wan));
    // Shares against their breakdown's own total (`城乡社区 12600 万元，占 45.7%；其他 15000 万元，占 54.3%`).
    candidates.extend(breakdown.total);
    if let Some(&base) = candidates.iter().find(|&&c| fits_of(p, x, c)) {
        return in_range(meta, sh, &candidates, base, doc);
    }
    // `财政拨款结转 130.20 万元，其中：…100.30 万元，…29.90 万元，占 1.09%`: after a 其中
    // list the share may be the whole's. Unsure which: pass if the whole's fits.
    let listed = sh
        .subject
        .as_ref()
        .filter(|s| doc.text.get(s.amount.span.end..sh.part.amount.span.start).is_some_and(|t| t.contains("其中")));
    if listed.is_some_and(|s| {
        let whole = s.value_wan();
        bases
            .iter()
            .copied()
            .chain(sh.nearby.iter().map(Figure::value_wan))
            .any(|c| c.0 > whole.0 && fits_of(p, whole, c))
    }) {
        return None;
    }
    if let Some(q) = tail_adjusted(sh, breakdown) {
        return Some(tail_adjustment(meta, sh, q, doc));
    }
    Some(off(meta, sh, bases, doc))
}

/// The info on a share adjusted by 尾差 so that its breakdown sums to 100%.
fn tail_adjustment(meta: &'static RuleMeta, sh: &Share, q: Decimal, doc: &Document<'_>) -> Finding {
    let d = sh.percent.amount.decimals;
    let (pct, q_s) = (text(doc, &sh.percent), format_fixed(q, d + 1));
    share_at(meta, sh, doc)
        .severity(Severity::Info)
        .message(
            format!("占比 {pct}% 按印刷数字应为 {q_s}%：差一个末位单位，为使各项之和为 100% 作了尾差调整"),
            format!("share {pct}% recomputes to {q_s}%: one unit of its last digit off, adjusted so the breakdown sums to 100%"),
        )
        .expected(format!("{}%", format_fixed(q, d)))
        .note("各项占比之和恰为 100%，其余各项均相符")
}

fn text(doc: &Document<'_>, f: &Figure) -> String {
    doc.text.get(f.amount.span.clone()).unwrap_or("").to_string()
}

/// The finding on a share, checked against its amount.
fn share_at(meta: &'static RuleMeta, sh: &Share, doc: &Document<'_>) -> Finding {
    let (pct, part) = (text(doc, &sh.percent), text(doc, &sh.part));
    let primary = Label { span: sh.percent.amount.span.clone(), what: format!("占比 {pct}%") };
    let related = vec![Label { span: sh.part.amount.span.clone(), what: format!("金额 {part}") }];
    Finding::new(meta, primary).found(format!("{pct}%")).related(related)
}

/// Inside the rounding range of some base. More than one printed unit off every recomputation
/// from the printed figures: still worth a look (info, never error).
fn in_range(
    meta: &'static RuleMeta,
    sh: &Share,
    candidates: &[Interval],
    (b, hb): Interval,
    doc: &Document<'_>,
) -> Option<Finding> {
    let (x, hx) = sh.part.value_wan();
    let p = (sh.percent.amount.value, sh.percent.amount.half_step());
    let d = sh.percent.amount.decimals;
    let point = |b: Decimal| if b.is_zero() { None } else { Some(x / b * Decimal::ONE_HUNDRED) };
    let close = candidates
        .iter()
        .filter(|&&c| fits_of(p, (x, hx), c))
        .any(|(b, _)| point(*b).is_some_and(|q| (p.0 - q.round_dp(d)).abs() <= p.1 * Decimal::TWO));
    if close {
        return None;
    }
    let q = point(b).unwrap_or_default();
    let lo = (x - hx).max(Decimal::ZERO) / (b + hb) * Decimal::ONE_HUNDRED;
    let hi = if b - hb > Decimal::ZERO { (x + hx) / (b - hb) * Decimal::ONE_HUNDRED } else { q };
    let (pct, part) = (text(doc, &sh.percent), text(doc, &sh.part));
    let (lo_s, hi_s, q_s) = (format_fixed(lo, d), format_fixed(hi, d), format_fixed(q, d + 1));
    let finding = share_at(meta, sh, doc)
        .severity(Severity::Info)
        .message(
            format!("占比 {pct}% 在舍入范围内（{lo_s}%–{hi_s}%），但按印刷数字重算为 {q_s}%"),
            format!("share {pct}% is inside the rounding range ({lo_s}%–{hi_s}%) but recomputes to {q_s}% from the printed figures"),
        )
        .expected(format!("{}%", format_fixed(q, d)))
        .note(format!("{part} ÷ {} × 100 = {q_s}%", format_fixed(b, 2)));
    Some(finding)
}

/// A part's share of its whole above 100%: no base gives it.
fn over_whole(meta: &'static RuleMeta, sh: &Share, doc: &Document<'_>) -> Finding {
    let (pct, part) = (text(doc, &sh.percent), text(doc, &sh.part));
    share_at(meta, sh, doc)
        .severity(Severity::Error)
        .message(
            format!("占比 {pct}% 超过 100%：{part} 万元是其总数的一部分"),
            format!("share {pct}% is above 100%: {part} is a part of its whole"),
        )
        .expected("≤ 100%")
        .note(format!("{pct} > 100"))
}

/// The share fits no base: the error, with the share on the nearest base (the sentence's whole,
/// else T1's total).
fn off(meta: &'static RuleMeta, sh: &Share, bases: &[Interval], doc: &Document<'_>) -> Finding {
    let (x, _) = sh.part.value_wan();
    let base =
        sh.subject.as_ref().map(|s| s.value_wan().0).or_else(|| bases.first().map(|b| b.0)).unwrap_or(Decimal::ONE);
    let expected = if base.is_zero() {
        "—".to_string()
    } else {
        format!("{}%", format_fixed(x / base * Decimal::ONE_HUNDRED, sh.percent.amount.decimals))
    };
    let (pct, part) = (text(doc, &sh.percent), text(doc, &sh.part));
    share_at(meta, sh, doc)
        .severity(Severity::Error)
        .message(
            format!("占比 {pct}% 与 {part} 万元 ÷ 任一基数都不符"),
            format!("share {pct}% matches {part} divided by none of the usual bases"),
        )
        .expected(expected)
        .note(format!("{part} ÷ {} × 100", format_fixed(base, 2)))
}
