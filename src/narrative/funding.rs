//! Funding statements: the 绩效目标表 funding lines, the unit-wide target's amount and
//! 资金来源, and `财政拨款项目 N 个，涉及预算金额 X` counts.

use super::*;

/// A project's funding in its 绩效目标表: 年度预算总额 = 其中：财政拨款 + 其他资金.
#[derive(Debug, Clone)]
pub struct FundSplit {
    /// The number after `年度预算总额` (printed without a unit).
    pub total: Amount,
    /// The number after `财政拨款` that follows it.
    pub fiscal: Amount,
    /// The number after `其他资金`, if printed.
    pub other: Option<Amount>,
}

pub fn fund_splits(s: &Stream) -> Vec<FundSplit> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "年度预算总额") {
        i = k + 6;
        let Some((total, after)) = number_at(s, i) else { continue };
        let Some(f) = find(c, after, after + 12, "财政拨款") else { continue };
        let Some((fiscal, after2)) = number_at(s, f + 4) else { continue };
        let other_at = find(c, after2, after2 + 8, "其他资金");
        // Another source between (`上年结转 100.00`): the two read are not all the parts.
        let gap_end = other_at.unwrap_or((after2 + 12).min(c.len()));
        if (after2..gap_end.min(c.len())).any(|k| c[k].is_ascii_digit()) {
            i = after2;
            continue;
        }
        let other = other_at.and_then(|o| number_at(s, o + 4)).map(|(a, _)| a);
        out.push(FundSplit { total, fiscal, other });
        i = after2;
    }
    out
}

/// `整体预算绩效目标 1 个，涉及金额 X 万元`: the amount the unit-wide performance target covers.
pub fn whole_targets(s: &Stream, figs: &[Figure]) -> Vec<Figure> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "整体") {
        i = k + 2;
        let end = sentence_end(c, k);
        let Some(m) = find(c, k, end, "涉及金额") else { continue };
        // The first amount after it, before the next clause about other projects.
        let next_clause = find(c, m, end, "项目").unwrap_or(end);
        if let Some(f) =
            figs_from(figs, m + 4).take_while(|f| f.at.start < next_clause).find(|f| f.unit != Unit::Percent)
        {
            out.push(f.clone());
        }
        i = end;
    }
    out
}

/// `(当年)财政拨款项目 N 个，涉及预算金额 X 万元` (预算绩效情况): how many fiscal projects have
/// targets, and their money.
#[derive(Debug, Clone)]
pub struct PerfCount {
    /// N, the number of projects (a whole number before `个`).
    pub count: Amount,
    /// X, the amount after `金额`, if stated.
    pub amount: Option<Figure>,
    /// `上级转移支付(资金安排)项目 N 个` (the projects whose tables are not published).
    pub upper: bool,
}

pub fn perf_counts(s: &Stream, figs: &[Figure]) -> Vec<PerfCount> {
    let c = &s.chars;
    let mut out = Vec::new();
    let count_at = |k: usize, upper: bool| -> Option<PerfCount> {
        let (count, after) = number_at(s, k)?;
        if c.get(after) != Some(&'个') || count.decimals != 0 {
            return None;
        }
        let end = sentence_end(c, after).min(after + 16);
        let amount = find(c, after, end, "金额").and_then(|m| {
            figs_from(figs, m + 2).take_while(|f| f.at.start <= m + 3).find(|f| f.unit != Unit::Percent).cloned()
        });
        Some(PerfCount { count, amount, upper })
    };
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "财政拨款项目") {
        i = k + 6;
        // Not 非财政拨款, nor last year's carried-over projects (`上年结转财政拨款项目 5 个`).
        let lead: String = c[k.saturating_sub(4)..k].iter().collect();
        if lead.ends_with('非') || lead.contains("结转") || lead.contains("上年") {
            continue;
        }
        out.extend(count_at(k + 6, false));
    }
    let mut i = 0;
    while let Some(k) = find(c, i, c.len(), "转移支付") {
        i = k + 4;
        // The 上级 projects as a whole, not one level of them (`中央转移支付项目 3 个`).
        if find(c, k.saturating_sub(14), k, "上级").is_none() {
            continue;
        }
        if let Some(p) = find(c, k + 4, k + 10, "项目") {
            out.extend(count_at(p + 2, true));
        }
    }
    out
}

/// The 部门整体绩效目标表's 资金来源: 上级安排 / 本级安排 (财政资金) and 其他资金, printed
/// without units.
#[derive(Debug, Clone)]
pub struct WholeFund {
    /// The number after `上级安排` / `上级资金`.
    pub upper: Amount,
    /// The number after `本级安排` / `本级资金`.
    pub own: Amount,
    /// The `其他` figure of the `其他资金` line, if printed.
    pub other: Option<Amount>,
}

pub fn whole_funds(s: &Stream) -> Option<WholeFund> {
    let c = &s.chars;
    let mut from = 0;
    // The first `资金来源` followed by the two lines (the words also occur in the prose).
    while let Some(k) = find(c, from, c.len(), "资金来源") {
        from = k + 4;
        // The unit-wide table's (部门整体绩效目标表), not a project's.
        let lo = k.saturating_sub(600);
        let Some(w) = (lo..k).rev().find(|&j| word_at(c, j, &["整体"]).is_some()) else { continue };
        if find(c, w, k, "项目名称").is_some() {
            continue;
        }
        let end = (k + 120).min(c.len());
        let after = |words: &[&str]| {
            words.iter().find_map(|w| find(c, k, end, w).and_then(|p| number_at(s, p + w.chars().count())))
        };
        let (Some((upper, _)), Some((own, _))) = (after(&["上级安排", "上级资金"]), after(&["本级安排", "本级资金"]))
        else {
            continue;
        };
        let other = find(c, k, end, "其他资金")
            .and_then(|p| find(c, p + 4, (p + 16).min(end), "其他"))
            .and_then(|p| number_at(s, p + 2))
            .map(|(a, _)| a);
        return Some(WholeFund { upper, own, other });
    }
    None
}
