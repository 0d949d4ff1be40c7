//! Pass 3b: the narrative (情况说明), the text outside the tables, read into one value
//! ([`Narrative`]) by one call ([`read`]). The readers, in the order `read` runs them:
//!
//! - `stream`: the lines outside the tables joined into one stream of characters, line breaks
//!   inside paragraphs removed (PDF wraps break words and numbers, HZ-05/HZ-27);
//! - `figures`: numbers with their unit (万元, 元, 亿元, %);
//! - `rates`: growth statements `比上年(预算)增加 A 万元，增长 B%` bound to the amount they speak
//!   of (HZ-23), the 三公 parts' own changes, and shares;
//! - `parts`: the parts of the 情况说明 by their headings, and the 收入/支出 sections;
//! - `claims`: every amount of a recognised part with the words that introduce it, labelled
//!   restatements and `(项)` items;
//! - `funding`, `projects`, [`facts`], [`target_weights`]: 绩效目标表 funding, projects and
//!   their 资金分配, 政府采购 / 资产 / 人员 statements, and the weights of each 绩效目标表.
//!
//! `read` also decides whether the text may be compared with the tables at all
//! ([`Comparison`]): not when two documents were pasted together, nor when the tables are
//! printed in 元.

use crate::amount::{parse_number, Amount};
use crate::lines::{self, Line};
use crate::tables::Table;
use rust_decimal::Decimal;
use std::ops::Range;

mod claims;
mod completion;
pub mod facts;
mod figures;
mod funding;
mod levels;
mod parts;
mod projects;
mod rates;
mod splits;
mod stream;
pub mod target_weights;

pub(crate) use claims::{all_claims, claims, item_amounts, items_closed, labelled_amounts};
pub use claims::{Claim, ItemAmount, Labelled, AMOUNT_LABELS};
pub use completion::{Completion, OpenCompletion};
use figures::is_num_char;
pub(crate) use figures::{figs_from, figures, number_at};
pub use figures::{Figure, Unit};
pub(crate) use funding::{fund_splits, perf_counts, whole_funds, whole_targets};
pub use funding::{FundSplit, PerfCount, WholeFund};
pub(crate) use levels::level_growths;
pub use levels::LevelGrowth;
use parts::year_in;
pub(crate) use parts::{parts, sections};
pub use parts::{Part, PartStart, Sections};
pub(crate) use projects::projects;
pub use projects::{Allocation, Project};
pub(crate) use rates::{growths, part_growths, shares};
pub use rates::{three_pub_name, Growth, Share};
pub use splits::{Signed, Split, PAIRS};
pub use stream::Stream;
pub(crate) use stream::{find, sentence_end, stream, word_at};
use stream::{is_clause_stop, is_stop, sentence_start, BREAK, SECTION_TRIES, SENTENCE_MAX};

/// Whether the text may be compared with the tables, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// The text restates the tables it was printed with.
    WithTables,
    /// Some tables are printed in 元 while the text speaks in 万元: the figures the text gives
    /// for a table's lines (claims, labelled figures) are compared in 万元, each table in its
    /// own unit (see `rules::bind::in_wan`); the item-by-item restatements (项 amounts,
    /// performance targets, shares of table totals) are not yet.
    InYuan,
    /// Only the text's own arithmetic (rates, shares, sums) is checked.
    TextOnly(TextOnly),
}

/// Why the text is not compared with the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOnly {
    /// A second 收入预算情况说明 with amounts: two documents pasted together (or one twice).
    /// Their tables cannot be told apart.
    TwoDocuments,
}

/// The narrative as the rules read it.
pub struct Narrative {
    /// Amounts and percentages, with their units.
    pub figures: Vec<Figure>,
    /// Growth statements (`比上年增加 A 万元，增长 B%`), the 三公 parts' own changes included.
    pub growths: Vec<Growth>,
    /// Growth statements that print both years' figures and the rate (`执行数为 X 万元，…安排
    /// Y 万元，比…增加 Z%`).
    pub level_growths: Vec<LevelGrowth>,
    /// 绩效目标表 funding lines (年度预算总额 = 财政拨款 + 其他资金).
    pub fund_splits: Vec<FundSplit>,
    /// Shares (`X 万元，占 p%`).
    pub shares: Vec<Share>,
    /// The 收入 and 支出 sections of the 情况说明.
    pub sections: Sections,
    /// The `(项)` item list is followed by the next section (not cut off).
    pub items_closed: bool,
    /// Projects as N7 and the 项目支出绩效目标表 describe them.
    pub projects: Vec<Project>,
    /// The 指标分值权重 of each 绩效目标表 read.
    pub weights: target_weights::Weights,
    /// 政府采购, 国有资产 and 人员 statements.
    pub facts: facts::Facts,
    /// The 决算 completion statements (`完成年初预算的 X%`).
    pub completions: Vec<Completion>,
    /// Wholes split into two parts that make them up (基本支出 + 项目支出, 人员经费 + 公用经费).
    pub splits: Vec<Split>,
    /// The completion statements whose sentence gives no budget (the table's is meant).
    pub open_completions: Vec<OpenCompletion>,
    /// Whether the restatements below may be compared with the tables.
    pub comparison: Comparison,
    restated: Restated,
}

/// What the text says the tables print: compared with them only under
/// [`Comparison::WithTables`].
#[derive(Default)]
struct Restated {
    claims: Vec<Claim>,
    all_claims: Vec<Claim>,
    labelled: Vec<Labelled>,
    item_amounts: Vec<ItemAmount>,
    whole_targets: Vec<Figure>,
    whole_fund: Option<WholeFund>,
    perf_counts: Vec<PerfCount>,
}

impl Narrative {
    /// The text is not compared item by item with the tables (two documents; tables in 元).
    pub fn text_only(&self) -> bool {
        self.comparison != Comparison::WithTables
    }
    /// The warning that says why the text is not compared with the tables, if it is not.
    pub fn warning(&self) -> Option<crate::diagnostics::ParseWarning> {
        use crate::diagnostics::ParseWarning;
        match self.comparison {
            Comparison::WithTables | Comparison::InYuan => None,
            Comparison::TextOnly(TextOnly::TwoDocuments) => Some(ParseWarning::TwoDocuments),
        }
    }
    fn restated(&self) -> Option<&Restated> {
        (self.comparison == Comparison::WithTables).then_some(&self.restated)
    }
    /// Every amount in a recognised part of the 情况说明 with the words that introduce it.
    pub fn claims(&self) -> &[Claim] {
        if self.comparison == Comparison::InYuan {
            return &self.restated.claims;
        }
        self.restated().map_or(&[], |r| &r.claims)
    }
    /// Every amount of the narrative with the words that introduce it, in any part.
    pub fn all_claims(&self) -> &[Claim] {
        if self.comparison == Comparison::InYuan {
            return &self.restated.all_claims;
        }
        self.restated().map_or(&[], |r| &r.all_claims)
    }
    /// Figures after a label that names a table figure (`收支总预算 X 万元`).
    pub fn labelled(&self) -> &[Labelled] {
        if self.comparison == Comparison::InYuan {
            return &self.restated.labelled;
        }
        self.restated().map_or(&[], |r| &r.labelled)
    }
    /// Amounts the narrative gives functional 项 (`…(项)：预算数为 Y 万元`).
    pub fn item_amounts(&self) -> &[ItemAmount] {
        self.restated().map_or(&[], |r| &r.item_amounts)
    }
    /// Amounts of the unit-wide performance target (整体预算绩效目标 … 涉及金额 X).
    pub fn whole_targets(&self) -> &[Figure] {
        self.restated().map_or(&[], |r| &r.whole_targets)
    }
    /// The 部门整体绩效目标表's 资金来源.
    pub fn whole_fund(&self) -> Option<&WholeFund> {
        self.restated().and_then(|r| r.whole_fund.as_ref())
    }
    /// `财政拨款项目 N 个，涉及预算金额 X 万元` statements.
    pub fn perf_counts(&self) -> &[PerfCount] {
        self.restated().map_or(&[], |r| &r.perf_counts)
    }
}

/// Read the narrative of the normalized `text` (its `lines`, outside `tables`).
pub fn read(text: &str, lines: &[Line], tables: &[Table]) -> Narrative {
    let s = stream(text, lines, tables);
    let figures = figures(&s);
    let mut growths = growths(&s, &figures);
    let parts = parts(&s);
    let item_amounts = item_amounts(&s, &figures);
    let claims = claims(&s, &figures, &parts);
    let parts_changes = part_growths(&s, &figures, &claims, &growths);
    let sections = sections(&s, &growths);
    growths.extend(parts_changes);
    let comparison = comparison(text, lines, &parts, &claims);
    let (completions, open_completions) = completion::completions(&s, &figures);
    Narrative {
        fund_splits: fund_splits(&s),
        shares: shares(&s, &figures),
        items_closed: items_closed(&s, &item_amounts),
        projects: projects(&s, &figures),
        weights: target_weights::weights(text, lines),
        facts: facts::facts(&s, &figures),
        completions,
        open_completions,
        splits: splits::splits(&s, &figures),
        restated: Restated {
            labelled: labelled_amounts(&s, &figures, &parts),
            whole_targets: whole_targets(&s, &figures),
            whole_fund: whole_funds(&s),
            perf_counts: perf_counts(&s, &figures),
            all_claims: all_claims(&s, &figures, &parts),
            claims,
            item_amounts,
        },
        growths,
        level_growths: level_growths(&s, &figures),
        sections,
        figures,
        comparison,
    }
}

/// Whether the text may be compared with the tables (see [`TextOnly`]).
fn comparison(text: &str, lines: &[Line], parts: &[PartStart], claims: &[Claim]) -> Comparison {
    let income_parts_with_amounts = (0..parts.len())
        .filter(|&k| parts[k].part == Part::Income)
        .filter(|&k| {
            let (from, to) = (parts[k].at, parts.get(k + 1).map_or(usize::MAX, |p| p.at));
            claims.iter().any(|c| (from..to).contains(&c.figure.at.start))
        })
        .count();
    if income_parts_with_amounts >= 2 {
        Comparison::TextOnly(TextOnly::TwoDocuments)
    } else if tables_in_yuan(text, lines) {
        Comparison::InYuan
    } else {
        Comparison::WithTables
    }
}

/// Some line says `单位：元`.
fn tables_in_yuan(text: &str, lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        let line = &text[l.span.clone()];
        line.contains("单位") && line.contains('元') && {
            let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            t.contains("单位:元") || t.contains("单位：元")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream_of(t: &str) -> Stream {
        let ls = lines::lines(t);
        stream(t, &ls, &[])
    }

    #[test]
    fn growth_binds_to_the_nearest_amount() {
        let t = "收入预算 11931.33 万元，其中：一般公共预算 4007.60 万元，占 33.59%，比上年预算增加 1916.17 万元，增长 91.62%，主要原因是：人员增加。";
        let s = stream_of(t);
        let figs = figures(&s);
        let g = growths(&s, &figs);
        assert_eq!(g.len(), 1);
        assert_eq!(&t[g[0].current.amount.span.clone()], "4007.60");
        assert_eq!(&t[g[0].change.amount.span.clone()], "1916.17");
        assert_eq!(g[0].rate.as_ref().map(|(r, ok)| (&t[r.amount.span.clone()], *ok)), Some(("91.62", true)));
    }

    #[test]
    fn wrapped_words_and_numbers_join() {
        let t = "项目支出 87.40 万元，比上年预算减少 7278.72 万元，下\n降 98.\n8%。\n";
        let s = stream_of(t);
        let g = growths(&s, &figures(&s));
        assert_eq!(g.len(), 1);
        assert!(!g[0].up);
        // Test-only (in `mod tests`): the fixture sentence prints a rate; a panic here is a failed test.
        let (r, ok) = g[0].rate.clone().unwrap();
        assert_eq!(r.amount.value.to_string(), "98.8");
        assert!(ok);
    }

    #[test]
    fn enumerators_and_years_are_not_figures() {
        let s = stream_of("2.95 年以前退休人员生活补贴 65.28 万元；2024 年预算数为 1.5 万元");
        let v: Vec<String> = figures(&s).iter().map(|f| f.amount.value.to_string()).collect();
        assert_eq!(v, ["65.28", "1.5"]);
    }
}
