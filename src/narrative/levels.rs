//! Growth statements that print both levels and the rate, not the change:
//! `2022年当年预算执行数为 11.67 万元，2023年预算安排 45.41 万元，比2022年预算执行数增加 314.82%`
//! (上海), `上年执行数为 A 万元，本年预算 B 万元，比上年执行数减少 X%`.

use super::*;

/// `…执行数为 X 万元，…安排 Y 万元，比…增加 Z%`: last year's figure, this year's, and the rate.
#[derive(Debug, Clone)]
pub struct LevelGrowth {
    /// Last year's figure (`执行数为 X 万元`).
    pub base: Figure,
    /// This year's figure (the first amount after the base in the sentence).
    pub current: Figure,
    /// The printed rate.
    pub rate: Figure,
    /// true: 增加/增长; false: 减少/下降.
    pub up: bool,
}

/// Words that introduce last year's figure.
const BASE_WORDS: [&str; 4] = ["执行数为", "执行数", "预算数为", "上年预算为"];

/// Every level growth statement of the narrative stream.
pub fn level_growths(s: &Stream, figs: &[Figure]) -> Vec<LevelGrowth> {
    let c = &s.chars;
    let mut out = Vec::new();
    for (k, base) in figs.iter().enumerate().filter(|(_, f)| f.unit != Unit::Percent) {
        let before: String = c[base.at.start.saturating_sub(6)..base.at.start].iter().collect();
        if !BASE_WORDS.iter().any(|w| before.ends_with(w)) {
            continue;
        }
        let end = sentence_end(c, base.at.end);
        let mut next = figs[k + 1..].iter().take_while(|f| f.at.start < end);
        let Some(current) = next.next().filter(|f| f.unit != Unit::Percent && f.unit == base.unit) else { continue };
        let Some(rate) = next.next().filter(|f| f.unit == Unit::Percent) else { continue };
        // The direction word right before the rate, after a 比 comparison.
        let between: String = c[current.at.end..rate.at.start].iter().collect();
        if !between.contains('比') && !between.contains('较') {
            continue;
        }
        let up = if ["增加", "增长"].iter().any(|w| between.ends_with(w)) {
            true
        } else if ["减少", "下降"].iter().any(|w| between.ends_with(w)) {
            false
        } else {
            continue;
        };
        out.push(LevelGrowth { base: base.clone(), current: current.clone(), rate: rate.clone(), up });
    }
    out
}
