//! Pass 4: the consistency rules (勾稽关系). One rule per file, each with a stable id and its
//! documentation, registered in [`RULES`] (as ruff and clippy register their lints).
//!
//! A rule reads the parsed [`Document`] and records into [`Ctx`]: a check that ran and passed, a
//! finding (error, or info for a rounding residue), or a skip with its reason. A rule never
//! guesses: when a table is missing or a column is ambiguous it skips and says why.

use crate::amount::{check_sum, format_fixed, Amount, SumCheck};
use crate::blocks::Line;
use crate::tables::{Cell, Table, TableId};
use rust_decimal::Decimal;
use serde::Serialize;
use std::ops::Range;

mod balance;
mod bind;
mod coded;
mod depth;
mod lookup;
mod ni_growth;
mod ni_perf_proj_fund;
mod ni_prior_bal;
mod ni_prior_items;
mod ni_share;
mod nt_amount;
mod nt_gpb_detail;
mod nt_perf_whole;
mod str_toc_body;
mod t1_bal;
mod t1_co;
mod t1_co_fis;
mod t1_co_nonfis;
mod t1_in_cur;
mod t1_in_gf;
mod t1_in_gpb;
mod t1_in_soe;
mod t1_in_unit;
mod t1_in_total;
mod t1_out_sum;
mod t10_car;
mod t10_split;
mod t10_src;
mod t10_sum;
mod t11_row;
mod t11_total;
mod t2_rollup;
mod t2_row_sub;
mod t2_row_total;
mod t3_rollup;
mod t3_row;
mod t5_rollup;
mod t4_bal;
mod t4_col;
mod t4_in;
mod t4_row;
mod t5_depth;
mod t5_row;
mod t6_class_split;
mod t6_depth;
mod t6_rollup;
mod t6_row;
mod t7_rollup;
mod t7_row;
mod t89_row;
mod x_t1_t11;
mod x_t1_t2_class;
mod x_t1_t2_cols;
mod x_t1_t2_tot;
mod x_t1_t3;
mod x_t1_t4;
mod x_t2_t11;
mod x_t2_t3_row;
mod x_t2_t4;
mod x_t2_t5_row;
mod x_t4_t5;
mod x_t5_t6;
mod x_t4_t89;
mod x_t5_t7;
mod x_t6_func;
mod x_t6_t10;
mod nt_in_amt;
mod nt_out_amt;
mod nt_fis;
mod nt_gpb_scale;
mod nt_gpb_struct;
mod nt_basic;
mod nt_3pub;
mod nt_co;
mod nt_proj;
mod ni_perf_weight;
mod ni_proc;
mod ni_asset_car;
mod ni_car_3pub;
mod ni_share_sum;
mod ni_3pub_parts;
mod ni_asset_equip;
mod ni_people;
mod ni_people_staff;
mod ni_perf_whole_fund;
mod nt_perf_count;
mod ni_proj_alloc;

/// Declares a rule: a unit struct carrying its id, severity and documentation. The doc comment
/// is both rustdoc and the text the page shows (`### What it checks`, `### Why`, `### Example`,
/// `### Known problems`).
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $name:ident, $id:literal, $title_zh:literal, $title_en:literal) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                title_zh: $title_zh,
                title_en: $title_en,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;

/// Declares a rule whose check is one expression over `doc` and `ctx`.
macro_rules! table_rule {
    ($(#[doc = $doc:literal])* $name:ident, $id:literal, $title_zh:literal, $title_en:literal, |$d:ident, $c:ident| $body:expr) => {
        $crate::rules::declare_rule! { $(#[doc = $doc])* $name, $id, $title_zh, $title_en }

        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
            fn check(&self, $d: &$crate::rules::Document<'_>, $c: &mut $crate::rules::Ctx) {
                $body
            }
        }
    };
}
pub(crate) use table_rule;

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleMeta {
    pub id: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// Markdown: What it checks / Why / Example / Known problems.
    pub doc: &'static str,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, doc: &Document<'_>, ctx: &mut Ctx);
}

/// Every rule, in evaluation order.
pub static RULES: &[&dyn Rule] = &[
    &str_toc_body::StrTocBody,
    &t1_bal::T1Bal,
    &t1_in_total::T1InTotal,
    &t1_in_cur::T1InCur,
    &t1_in_gpb::T1InGpb,
    &t1_in_gf::T1InGf,
    &t1_in_soe::T1InSoe,
    &t1_in_unit::T1InUnit,
    &t1_co::T1Co,
    &t1_co_fis::T1CoFis,
    &t1_co_nonfis::T1CoNonfis,
    &t1_out_sum::T1OutSum,
    &t2_row_total::T2RowTotal,
    &t2_row_sub::T2RowSub,
    &t2_rollup::T2Rollup,
    &t3_row::T3Row,
    &t3_rollup::T3Rollup,
    &t5_row::T5Row,
    &t5_rollup::T5Rollup,
    &t6_row::T6Row,
    &t6_rollup::T6Rollup,
    &t6_class_split::T6ClassSplit,
    &t5_depth::T5Depth,
    &t6_depth::T6Depth,
    &t7_row::T7Row,
    &t7_rollup::T7Rollup,
    &t89_row::T89Row,
    &t10_src::T10Src,
    &t10_sum::T10Sum,
    &t10_car::T10Car,
    &t10_split::T10Split,
    &t11_row::T11Row,
    &t11_total::T11Total,
    &t4_bal::T4Bal,
    &t4_in::T4In,
    &t4_row::T4Row,
    &t4_col::T4Col,
    &x_t1_t2_tot::XT1T2Tot,
    &x_t1_t2_cols::XT1T2Cols,
    &x_t1_t2_class::XT1T2Class,
    &x_t1_t3::XT1T3,
    &x_t1_t11::XT1T11,
    &x_t1_t4::XT1T4,
    &x_t2_t3_row::XT2T3Row,
    &x_t2_t5_row::XT2T5Row,
    &x_t2_t4::XT2T4,
    &x_t2_t11::XT2T11,
    &x_t4_t5::XT4T5,
    &x_t4_t89::XT4T89,
    &x_t5_t6::XT5T6,
    &x_t5_t7::XT5T7,
    &x_t6_t10::XT6T10,
    &x_t6_func::XT6Func,
    &ni_growth::NiGrowth,
    &ni_perf_proj_fund::NiPerfProjFund,
    &nt_perf_whole::NtPerfWhole,
    &nt_gpb_detail::NtGpbDetail,
    &ni_share::NiShare,
    &ni_share_sum::NiShareSum,
    &ni_3pub_parts::Ni3PubParts,
    &nt_amount::NtAmount,
    &nt_in_amt::NtInAmt,
    &nt_out_amt::NtOutAmt,
    &nt_fis::NtFis,
    &nt_gpb_scale::NtGpbScale,
    &nt_gpb_struct::NtGpbStruct,
    &nt_basic::NtBasic,
    &nt_3pub::Nt3Pub,
    &nt_co::NtCo,
    &nt_proj::NtProj,
    &ni_perf_weight::NiPerfWeight,
    &ni_proc::NiProc,
    &ni_asset_car::NiAssetCar,
    &ni_car_3pub::NiCar3Pub,
    &ni_asset_equip::NiAssetEquip,
    &ni_people::NiPeople,
    &ni_people_staff::NiPeopleStaff,
    &ni_perf_whole_fund::NiPerfWholeFund,
    &nt_perf_count::NtPerfCount,
    &nt_perf_count::NtPerfUnpub,
    &ni_proj_alloc::NiProjAlloc,
    &ni_prior_bal::NiPriorBal,
    &ni_prior_items::NiPriorItems,
];

/// What rules see: the normalized text, its lines and the tables found in it.
pub struct Document<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    pub tables: Vec<Table>,
    /// Amounts and percentages in the narrative, with their units.
    pub figures: Vec<crate::narrative::Figure>,
    /// Growth statements in the narrative (`比上年增加 A 万元，增长 B%`).
    pub growths: Vec<crate::narrative::Growth>,
    /// 绩效目标表 funding lines (年度预算总额 = 财政拨款 + 其他资金).
    pub fund_splits: Vec<crate::narrative::FundSplit>,
    /// Amounts of the unit-wide performance target (整体预算绩效目标 … 涉及金额 X).
    pub whole_targets: Vec<crate::narrative::Figure>,
    /// Amounts the narrative gives functional 项 (`…(项)：预算数为 Y 万元`).
    pub item_amounts: Vec<crate::narrative::ItemAmount>,
    /// Shares (`X 万元，占 p%`).
    pub shares: Vec<crate::narrative::Share>,
    /// Figures after a label that names a table figure (`收支总预算 X 万元`).
    pub labelled: Vec<crate::narrative::Labelled>,
    /// The 收入 and 支出 sections of the 情况说明.
    pub sections: crate::narrative::Sections,
    /// The `(项)` item list is followed by the next section (not cut off).
    pub items_closed: bool,
    /// Every amount in a recognised part of the 情况说明 with the words that introduce it.
    pub claims: Vec<crate::narrative::Claim>,
    /// Projects as N7 and the 项目支出绩效目标表 describe them.
    pub projects: Vec<crate::narrative::Project>,
    /// `财政拨款项目 N 个，涉及预算金额 X 万元` statements.
    pub perf_counts: Vec<crate::narrative::PerfCount>,
    /// The 指标分值权重 of each 绩效目标表 read.
    pub weights: crate::perf::Weights,
    /// The 部门整体绩效目标表's 资金来源.
    pub whole_fund: Option<crate::narrative::WholeFund>,
    /// 政府采购, 国有资产 and 人员 statements.
    pub facts: crate::facts::Facts,
    /// The 情况说明 appears twice (two documents pasted together) or the tables are printed in 元:
    /// the narrative is not compared with the tables.
    pub multi_doc: bool,
}

impl Document<'_> {
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id && t.body.is_some())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A place in the normalized text, with what it is (`T3 208 合计`).
#[derive(Debug, Clone)]
pub struct Label {
    pub span: Range<usize>,
    pub what: String,
}

/// A finding before it is placed in the original text.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub table: Option<TableId>,
    pub message_zh: String,
    pub message_en: String,
    pub found: String,
    pub expected: String,
    pub note: String,
    pub primary: Label,
    pub related: Vec<Label>,
    /// For each printed cell of a failing sum, the value that alone would repair it.
    pub repairs: Vec<Repair>,
    /// The cell most likely wrong and its likely value, when the failing checks agree on one.
    pub likely: Option<Likely>,
}

#[derive(Debug, Clone)]
pub struct Repair {
    pub span: Range<usize>,
    pub printed: String,
    pub what: String,
    pub value: Decimal,
    pub decimals: u32,
}

/// A single cell whose change would repair every failing check that involves it.
#[derive(Debug, Clone, Serialize)]
pub struct Likely {
    #[serde(skip)]
    pub span: Range<usize>,
    pub what: String,
    pub found: String,
    pub value: String,
    /// How many failing checks this one change repairs.
    pub repairs: usize,
    /// A classic bookkeeping slip, if the change looks like one.
    pub slip: Option<Slip>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slip {
    /// Two adjacent digits swapped (the difference is a multiple of 9).
    Transposition,
    /// One digit wrong.
    OneDigit,
}

impl Slip {
    pub fn text(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Slip::Transposition, crate::Lang::Zh) => "相邻两位数字颠倒",
            (Slip::Transposition, crate::Lang::En) => "two digits transposed",
            (Slip::OneDigit, crate::Lang::Zh) => "一位数字错误",
            (Slip::OneDigit, crate::Lang::En) => "one digit wrong",
        }
    }
}

/// `a` and `b` print one figure (exactly or within rounding).
pub fn agrees(a: &Term, b: &Term) -> bool {
    !matches!(same_figure(a, b), SumCheck::Mismatch { .. })
}

/// Two printings of one figure: consistent when the finer one rounds (half up) to the coarser.
pub fn same_figure(a: &Term, b: &Term) -> SumCheck {
    let diff = a.value - b.value;
    if diff.is_zero() {
        return SumCheck::Exact;
    }
    let d = a.decimals.min(b.decimals);
    let envelope = a.half + b.half;
    if format_fixed(a.value, d) == format_fixed(b.value, d) {
        SumCheck::WithinRounding { diff, envelope }
    } else {
        SumCheck::Mismatch { diff, envelope }
    }
}

/// Is `found` the digits of `want` with two adjacent digits swapped, or with one digit changed?
fn slip(found: &str, want: &str) -> Option<Slip> {
    let f: Vec<char> = found.chars().filter(|c| c.is_ascii_digit()).collect();
    let w: Vec<char> = want.chars().filter(|c| c.is_ascii_digit()).collect();
    if f.len() != w.len() {
        return None;
    }
    let diff: Vec<usize> = (0..f.len()).filter(|&i| f[i] != w[i]).collect();
    match diff.as_slice() {
        [i] => Some(Slip::OneDigit).filter(|_| f[*i] != w[*i]),
        [i, j] if *j == i + 1 && f[*i] == w[*j] && f[*j] == w[*i] => Some(Slip::Transposition),
        _ => None,
    }
}

/// Why a check did not run.
#[derive(Debug, Clone, Serialize)]
pub struct Skip {
    pub rule: &'static str,
    pub table: Option<TableId>,
    pub reason: SkipReason,
    /// 0-based line index of what was skipped, if it is one place.
    #[serde(skip)]
    pub line: Option<usize>,
}

/// Reasons carry data, not text; the report renders them in either language.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    TableMissing,
    TableUnreadable,
    ColumnsUnknown,
    AmbiguousColumns { row: String },
    AmountMissing { item: String },
    UnrecognisedLine { item: String },
    /// The input ends inside the table: its last rows may be missing.
    Truncated { row: String },
    /// The table was read, but no rule checks it yet.
    NoRulesYet,
}

impl SkipReason {
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::Lang::{En, Zh};
        match (self, lang) {
            (SkipReason::TableMissing, Zh) => "表格缺失".into(),
            (SkipReason::TableMissing, En) => "table not found".into(),
            (SkipReason::TableUnreadable, Zh) => "表格无法读取".into(),
            (SkipReason::TableUnreadable, En) => "table could not be read".into(),
            (SkipReason::ColumnsUnknown, Zh) => "无法识别表头的列".into(),
            (SkipReason::ColumnsUnknown, En) => "header columns not recognised".into(),
            (SkipReason::AmbiguousColumns { row }, Zh) => format!("{row}：空白单元格丢失，金额所在列不确定"),
            (SkipReason::AmbiguousColumns { row }, En) => {
                format!("{row}: blank cells were lost, the column of an amount is ambiguous")
            }
            (SkipReason::AmountMissing { item }, Zh) => format!("未读到“{item}”的金额"),
            (SkipReason::AmountMissing { item }, En) => format!("no amount read for “{item}”"),
            (SkipReason::UnrecognisedLine { item }, Zh) => format!("未识别的行“{item}”"),
            (SkipReason::UnrecognisedLine { item }, En) => format!("unrecognised line “{item}”"),
            (SkipReason::Truncated { row }, Zh) => format!("{row}：输入在表格中间结束，后续行可能缺失"),
            (SkipReason::Truncated { row }, En) => format!("{row}: the input ends inside the table; later rows may be missing"),
            (SkipReason::NoRulesYet, Zh) => "已识别此表，尚无核对规则".into(),
            (SkipReason::NoRulesYet, En) => "table read; no rule checks it yet".into(),
        }
    }
}

/// Collects what the rules found.
#[derive(Debug, Default)]
pub struct Ctx {
    pub findings: Vec<Finding>,
    /// Per rule: checks run and skipped (the report counts its failures from the findings).
    pub per_rule: Vec<(&'static str, usize, usize)>,
    /// The rule whose checks are being recorded (set by the driver).
    pub current: &'static str,
    /// Per table, the first rounding residue between figures printed with different decimals
    /// (HZ-10): reported once per table as a precision warning, not once per check.
    pub mixed_precision: Vec<(TableId, Label, usize)>,
    /// Tables some check ran on.
    pub tables_checked: Vec<TableId>,
    pub checks_run: usize,
    pub checks_passed: usize,
    pub skips: Vec<Skip>,
    /// Narrative figures a rule compared with a table (by span start), for the coverage figures.
    pub narrative_bound: Vec<usize>,
}

/// One side of a sum identity: a printed (or blank) value and where it is.
#[derive(Debug, Clone)]
pub struct Term {
    pub value: Decimal,
    pub half: Decimal,
    pub decimals: u32,
    pub printed: String,
    /// `None` for a blank cell (nothing printed to point at).
    pub span: Option<Range<usize>>,
    pub what: String,
}

impl Term {
    pub fn from_amount(a: &Amount, what: impl Into<String>, text: &str) -> Term {
        Term {
            value: a.value,
            half: a.half_step(),
            decimals: a.decimals,
            printed: text.get(a.span.clone()).unwrap_or("").to_string(),
            span: Some(a.span.clone()),
            what: what.into(),
        }
    }

    /// A whole count (人, 辆, 台): exact, no rounding.
    pub fn count(a: &Amount, what: impl Into<String>, text: &str) -> Term {
        Term { half: Decimal::ZERO, ..Term::from_amount(a, what, text) }
    }

    /// A narrative figure, in 万元. A printed 0 says there is none: exact, whatever its decimals.
    pub fn figure(f: &crate::narrative::Figure, what: impl Into<String>, text: &str) -> Term {
        let (value, half) = f.value_wan();
        let half = if value.is_zero() { Decimal::ZERO } else { half };
        Term { value, half, ..Term::from_amount(&f.amount, what, text) }
    }

    /// Several printed figures added up, as one term (rounding envelopes add up; pointing at the
    /// first printed one). `None` for no terms.
    pub fn sum(terms: &[Term], what: impl Into<String>) -> Option<Term> {
        let first = terms.iter().find(|t| t.span.is_some()).or(terms.first())?;
        let value: Decimal = terms.iter().map(|t| t.value).sum();
        let decimals = terms.iter().map(|t| t.decimals).max().unwrap_or(2);
        Some(Term { value, half: terms.iter().map(|t| t.half).sum(), decimals, printed: format_fixed(value, decimals), span: first.span.clone(), what: what.into() })
    }

    pub fn blank(what: impl Into<String>) -> Term {
        Term { value: Decimal::ZERO, half: Decimal::ZERO, decimals: 2, printed: "空".into(), span: None, what: what.into() }
    }

    /// A known cell as a term; `None` for a cell whose column is unknown.
    pub fn from_cell(c: &Cell, what: impl Into<String>, text: &str) -> Option<Term> {
        match c {
            Cell::Value(a) => Some(Term::from_amount(a, what, text)),
            Cell::Blank => Some(Term::blank(what)),
            Cell::Unknown => None,
        }
    }
}

/// How a sum identity is described in messages.
pub struct SumSpec {
    pub meta: &'static RuleMeta,
    pub table: Option<TableId>,
    /// Where, e.g. `T3 208 社会保障和就业支出 合计` / `T3 row 208, 合计`.
    pub place_zh: String,
    pub place_en: String,
    pub total: Term,
    pub parts: Vec<Term>,
    /// Fallback primary span when the total is blank (the row).
    pub row_span: Range<usize>,
}

impl Ctx {
    /// Name the cell most likely wrong: one whose single change would repair every failing
    /// check it takes part in, when at least two failing checks agree on its value. That cell
    /// becomes the finding's primary location.
    fn explain(&mut self) {
        use std::collections::HashMap;
        // Failing checks that share a printed cell form one cluster (union-find over cells).
        let errs: Vec<usize> = (0..self.findings.len()).filter(|&i| self.findings[i].severity == Severity::Error).collect();
        let mut parent: Vec<usize> = (0..errs.len()).collect();
        fn root(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        let mut owner: HashMap<usize, usize> = HashMap::new();
        for (k, &fi) in errs.iter().enumerate() {
            let f = &self.findings[fi];
            for l in std::iter::once(&f.primary).chain(f.related.iter()) {
                match owner.get(&l.span.start) {
                    Some(&other) => {
                        let (a, b) = (root(&mut parent, k), root(&mut parent, other));
                        parent[a] = b;
                    }
                    None => {
                        owner.insert(l.span.start, k);
                    }
                }
            }
        }
        let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
        for k in 0..errs.len() {
            let r = root(&mut parent, k);
            clusters.entry(r).or_default().push(errs[k]);
        }
        // A cell is named only if it alone repairs every failing check of its cluster: it takes
        // part in all of them, each asks the same value of it, and no other cell does so too.
        let mut named: Vec<(usize, Likely)> = Vec::new();
        for members in clusters.values() {
            if members.len() < 2 {
                continue;
            }
            let first = &self.findings[members[0]];
            let mut found: Option<Likely> = None;
            let mut ambiguous = false;
            for cand in &first.repairs {
                let d = cand.decimals;
                let shown = |v: Decimal| crate::amount::format_fixed(v, d);
                let value = shown(cand.value);
                let all_agree = members.iter().all(|&fi| {
                    self.findings[fi].repairs.iter().any(|r| r.span == cand.span && shown(r.value) == value)
                });
                if !all_agree {
                    continue;
                }
                if found.is_some() {
                    ambiguous = true;
                    break;
                }
                found = Some(Likely {
                    span: cand.span.clone(),
                    what: cand.what.clone(),
                    found: cand.printed.clone(),
                    slip: slip(&cand.printed, &value),
                    value,
                    repairs: members.len(),
                });
            }
            if let (Some(l), false) = (found, ambiguous) {
                named.extend(members.iter().map(|&fi| (fi, l.clone())));
            }
        }
        for (fi, l) in named {
            self.findings[fi].likely = Some(l);
        }
        for f in &mut self.findings {
            let Some(l) = &f.likely else { continue };
            if f.primary.span != l.span {
                if let Some(k) = f.related.iter().position(|r| r.span == l.span) {
                    let cell = f.related.remove(k);
                    let old = std::mem::replace(&mut f.primary, cell);
                    f.related.insert(0, old);
                }
            }
            // The finding now names the likely wrong number and its likely value.
            f.found = l.found.clone();
            f.expected = l.value.clone();
        }
    }

    /// One warning per table whose figures are printed with mixed precision (HZ-10).
    pub fn finish(&mut self) {
        self.explain();
        for (t, label, n) in std::mem::take(&mut self.mixed_precision) {
            self.findings.push(Finding {
                rule: "STR-PRECISION",
                severity: Severity::Warning,
                table: Some(t),
                message_zh: format!("{} 的金额印刷精度不一（首处：{}）：{n} 处核对只在较粗精度的舍入范围内相符", t.as_str(), label.what),
                message_en: format!("{}: amounts are printed with mixed precision (first at {}); {n} checks agree only within the rounding of the coarser figures", t.as_str(), label.what),
                found: label.what.clone(),
                expected: "统一保留两位小数".into(),
                note: format!("{n} 处差异均在舍入范围内"),
                primary: label,
                related: Vec::new(),
                repairs: Vec::new(),
                likely: None,
            });
        }
    }

    /// Record a check that ran and what it found (`None`: it passed).
    fn tally(&mut self, run: usize, skipped: usize) {
        let id = self.current;
        match self.per_rule.iter_mut().find(|(r, ..)| *r == id) {
            Some(e) => {
                e.1 += run;
                e.2 += skipped;
            }
            None => self.per_rule.push((id, run, skipped)),
        }
    }

    pub fn record(&mut self, finding: Option<Finding>) {
        self.checks_run += 1;
        self.tally(1, 0);
        if let Some(t) = finding.as_ref().and_then(|f| f.table) {
            self.mark(t);
        }
        match finding {
            Some(f) => self.findings.push(f),
            None => self.checks_passed += 1,
        }
    }

    /// Findings recorded since `since` that are errors become warnings, with `why` added: for an
    /// identity that a statement the text leaves out would explain.
    pub fn soften_since(&mut self, since: usize, why_zh: &str, why_en: &str) {
        for f in self.findings.iter_mut().skip(since).filter(|f| f.severity == Severity::Error) {
            f.severity = Severity::Warning;
            f.message_zh.push_str(why_zh);
            f.message_en.push_str(why_en);
        }
    }

    pub fn skip(&mut self, meta: &RuleMeta, table: Option<TableId>, reason: SkipReason, line: Option<usize>) {
        self.tally(0, 1);
        self.skips.push(Skip { rule: meta.id, table, reason, line });
    }

    /// Check `total = Σ parts` with the rounding envelope of the printed digits.
    fn mark(&mut self, t: TableId) {
        if !self.tables_checked.contains(&t) {
            self.tables_checked.push(t);
        }
    }

    pub fn check_sum(&mut self, spec: SumSpec) {
        self.checks_run += 1;
        self.tally(1, 0);
        match spec.table {
            Some(t) => self.mark(t),
            // A narrative identity: its figures count as checked in the coverage figures.
            None => self.narrative_bound.extend(std::iter::once(&spec.total).chain(&spec.parts).filter_map(|t| t.span.as_ref().map(|s| s.start))),
        }
        let parts: Vec<(Decimal, Decimal)> = spec.parts.iter().map(|p| (p.value, p.half)).collect();
        let outcome = match spec.parts.as_slice() {
            // One figure printed twice (a cell restated, a parent with one child): the two
            // printings round one value, so the finer, rounded to the coarser's decimals, must equal
            // it (`619.80` = `619.8`; `395.83` ≠ `395.84`).
            [p] if p.span.is_some() && spec.total.span.is_some() => same_figure(&spec.total, p),
            _ => check_sum((spec.total.value, spec.total.half), &parts),
        };
        let (severity, diff, envelope) = match outcome {
            SumCheck::Exact => {
                self.checks_passed += 1;
                return;
            }
            SumCheck::WithinRounding { diff, envelope } => (Severity::Info, diff, envelope),
            SumCheck::Mismatch { diff, envelope } => (Severity::Error, diff, envelope),
        };
        // Mixed printed precision (`620` beside `619.80`): one warning per table, not an info each.
        let printed = spec.parts.iter().chain(std::iter::once(&spec.total)).filter(|t| t.span.is_some());
        let mixed = printed.clone().map(|t| t.decimals).min() != printed.map(|t| t.decimals).max();
        if severity == Severity::Info && mixed {
            if let Some(t) = spec.table {
                match self.mixed_precision.iter_mut().find(|(id, _, _)| *id == t) {
                    Some((_, _, n)) => *n += 1,
                    None => {
                        let span = spec.total.span.clone().unwrap_or(spec.row_span.clone());
                        self.mixed_precision.push((t, Label { span, what: spec.total.what.clone() }, 1));
                    }
                }
                self.checks_passed += 1;
                return;
            }
        }
        let sum: Decimal = spec.parts.iter().map(|p| p.value).sum();
        let decimals = spec.total.decimals.max(spec.parts.iter().map(|p| p.decimals).max().unwrap_or(0));
        let expected = format_fixed(sum, decimals);
        let terms: Vec<&str> = spec.parts.iter().filter(|p| p.span.is_some()).map(|p| p.printed.as_str()).collect();
        let lhs = if terms.is_empty() { "0".to_string() } else { terms.join(" + ") };
        // A one-term identity is an equality of two printed figures, not a sum.
        let equality = spec.parts.len() == 1;
        let note = if equality {
            format!("{} ≠ {}", spec.total.printed, lhs)
        } else {
            format!("{lhs} = {expected} ≠ {}", spec.total.printed)
        };
        let diff_s = format_fixed(diff.abs(), decimals);
        // A difference equal to one line's amount: that line left out of, or counted twice in,
        // the total (a classic slip).
        let note = match spec.parts.iter().find(|p| p.span.is_some() && !p.value.is_zero() && p.value == diff.abs()) {
            Some(p) if severity == Severity::Error && spec.parts.len() > 1 => {
                if diff.is_sign_negative() {
                    format!("{note}（差额等于 {} 一项：合计可能漏计了该项）", p.printed)
                } else {
                    format!("{note}（差额等于 {} 一项：该项可能被重复计算）", p.printed)
                }
            }
            _ => note,
        };
        let env_s = envelope.normalize().to_string();
        let (message_zh, message_en) = match severity {
            Severity::Info => (
                format!("{}：{} 与分项之和 {} 相差 {}，在四舍五入范围（±{}）内", spec.place_zh, spec.total.printed, expected, diff_s, env_s),
                format!("{}: {} differs from the sum of its parts {} by {}, within rounding (±{})", spec.place_en, spec.total.printed, expected, diff_s, env_s),
            ),
            _ if equality => (
                format!("{}：{} ≠ {}（相差 {}）", spec.place_zh, spec.total.printed, expected, diff_s),
                format!("{}: {} ≠ {} (off by {})", spec.place_en, spec.total.printed, expected, diff_s),
            ),
            _ => (
                format!("{}：{} ≠ 分项之和 {}（相差 {}）", spec.place_zh, spec.total.printed, expected, diff_s),
                format!("{}: {} ≠ sum of its parts {} (off by {})", spec.place_en, spec.total.printed, expected, diff_s),
            ),
        };
        let primary = Label { span: spec.total.span.clone().unwrap_or(spec.row_span.clone()), what: spec.total.what.clone() };
        let related = spec
            .parts
            .iter()
            .filter_map(|p| p.span.clone().map(|span| Label { span, what: p.what.clone() }))
            .collect();
        // What each printed cell would have to be for this identity to hold: the total, Σ parts;
        // a part, itself plus the difference.
        let repairs = if severity == Severity::Error {
            let total = spec.total.span.clone().map(|span| Repair { span, printed: spec.total.printed.clone(), what: spec.total.what.clone(), value: sum, decimals: spec.total.decimals });
            let parts = spec.parts.iter().filter_map(|p| {
                p.span.clone().map(|span| Repair { span, printed: p.printed.clone(), what: p.what.clone(), value: p.value + diff, decimals: p.decimals })
            });
            total.into_iter().chain(parts).filter(|r| !r.value.is_sign_negative()).collect()
        } else {
            Vec::new()
        };
        self.findings.push(Finding {
            rule: spec.meta.id,
            severity,
            table: spec.table,
            message_zh,
            message_en,
            found: spec.total.printed.clone(),
            expected,
            note,
            primary,
            related,
            repairs,
            likely: None,
        });
    }
}
