//! Pass 4: the consistency rules (勾稽关系). One rule per file, each with a stable id and its
//! documentation, registered in [`RULES`] (as ruff and clippy register their lints).
//!
//! A rule reads the parsed [`Document`] and records into [`Ctx`]: a check that ran and passed, a
//! finding (error, or info for a rounding residue), or a skip with its reason. A rule never
//! guesses: when a table is missing or a column is ambiguous it skips and says why.

use crate::lines::Line;
use crate::tables::{Table, TableId};
use serde::Serialize;

pub(crate) use crate::diagnostics::{Finding, Label, Severity, SkipReason};
pub use context::Ctx;
pub(crate) use sums::{agrees, SumSpec, Term};

mod any_rollup;
mod any_row;
mod balance_lines;
mod bind;
mod coded_sums;
mod context;
mod depth;
mod f_3pub;
mod f_bal;
mod f_fis_bal;
mod f_gf_flow;
mod lookup;
mod misread;
mod ni_3pub_parts;
mod ni_3pub_sum;
mod ni_asset_car;
mod ni_asset_equip;
mod ni_car_3pub;
mod ni_final_rate;
mod ni_growth;
mod ni_growth_level;
mod ni_people;
mod ni_people_staff;
mod ni_perf_proj_fund;
mod ni_perf_weight;
mod ni_perf_whole_fund;
mod ni_prior_bal;
mod ni_prior_items;
mod ni_proc;
mod ni_proj_alloc;
mod ni_share;
mod ni_share_sum;
mod ni_split;
mod nt_3pub;
mod nt_amount;
mod nt_basic;
mod nt_co;
mod nt_fis;
mod nt_gpb_detail;
mod nt_gpb_scale;
mod nt_gpb_struct;
mod nt_in_amt;
mod nt_named;
mod nt_out_amt;
mod nt_perf_count;
mod nt_perf_whole;
mod nt_proj;
mod row_order;
mod str_empty_note;
mod str_placeholder;
mod str_precision;
mod str_punct;
mod str_toc_body;
mod str_year;
mod str_zero_total;
mod sums;
mod t10_car;
mod t10_split;
mod t10_src;
mod t10_sum;
mod t11_row;
mod t11_total;
mod t1_bal;
mod t1_co;
mod t1_co_fis;
mod t1_co_nonfis;
mod t1_in_cur;
mod t1_in_gf;
mod t1_in_gpb;
mod t1_in_soe;
mod t1_in_total;
mod t1_in_unit;
mod t1_out_breakdown;
mod t1_out_rollup;
mod t1_out_sum;
mod t2_rollup;
mod t2_row_sub;
mod t2_row_total;
mod t3_rollup;
mod t3_row;
mod t4_bal;
mod t4_col;
mod t4_in;
mod t4_in_total;
mod t4_out_breakdown;
mod t4_rollup;
mod t4_row;
mod t5_depth;
mod t5_rollup;
mod t5_row;
mod t6_class_split;
mod t6_depth;
mod t6_rollup;
mod t6_row;
mod t7_rollup;
mod t7_row;
mod t89_row;
mod x_f_tables;
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
mod x_t4_t89;
mod x_t5_t6;
mod x_t5_t7;
mod x_t6_func;
mod x_t6_t10;

/// Declares a rule: a unit struct carrying its id, titles, category, default severity and
/// documentation, and the ordinary function that checks it (as clippy's `declare_clippy_lint!`).
/// The doc comment is both rustdoc and the text the page shows (`### What it checks`, `### Why`,
/// `### Example`, `### Known problems`).
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $name:ident, $id:literal, $title_zh:literal, $title_en:literal,
     check: $check:ident $(, severity: $sev:ident)?) => {
        $(#[doc = $doc])*
        pub(crate) struct $name;

        impl $name {
            /// The rule's id, titles, category, severity and documentation.
            pub(crate) const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                title_zh: $title_zh,
                title_en: $title_en,
                doc: concat!($($doc, "\n"),*),
                category: $crate::rules::Category::of($id),
                severity: $crate::rules::declare_rule!(@severity $($sev)?),
            };
        }

        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
            fn check(&self, doc: &$crate::rules::Document<'_>, ctx: &mut $crate::rules::Ctx) {
                $check(doc, ctx)
            }
        }
    };
    (@severity) => { $crate::diagnostics::Severity::Error };
    (@severity $sev:ident) => { $crate::diagnostics::Severity::$sev };
}
pub(crate) use declare_rule;

/// What a rule compares, from its id's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// `STR-`: the document's structure (contents list, printed precision).
    Structure,
    /// `T1-` … `T11-`, `T89-`: one table's own identities.
    Table,
    /// `X-`: two tables against each other.
    CrossTable,
    /// `NT-`: the 情况说明 against the tables.
    NarrativeTable,
    /// `NI-`: the 情况说明's own arithmetic.
    Narrative,
}

impl Category {
    /// The category a rule id's prefix names.
    pub const fn of(id: &str) -> Category {
        match id.as_bytes() {
            [b'S', b'T', b'R', ..] => Category::Structure,
            [b'X', ..] => Category::CrossTable,
            [b'N', b'T', ..] => Category::NarrativeTable,
            [b'N', b'I', ..] => Category::Narrative,
            _ => Category::Table,
        }
    }
}

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleMeta {
    /// Stable id (`T3-ROW`, `X-T1-T3`, `NI-GROWTH`): its prefix names the category.
    pub id: &'static str,
    /// One-line title in Chinese (`--rules` lists it).
    pub title_zh: &'static str,
    /// One-line title in English.
    pub title_en: &'static str,
    /// Markdown: What it checks / Why / Example / Known problems.
    pub doc: &'static str,
    /// What the rule compares, from its id's prefix.
    pub category: Category,
    /// The severity of its findings outside the rounding envelope.
    pub severity: Severity,
}

/// A consistency rule, implemented by the `declare_rule!` unit structs and listed in [`RULES`].
pub trait Rule: Sync {
    /// Its id, titles, category, default severity and documentation.
    fn meta(&self) -> &'static RuleMeta;
    /// Run its checks on `doc`, recording passes, findings and skips into `ctx`.
    fn check(&self, doc: &Document<'_>, ctx: &mut Ctx);
}

/// Every rule, in evaluation order.
pub static RULES: &[&dyn Rule] = &[
    &str_toc_body::StrTocBody,
    &str_placeholder::StrPlaceholder,
    &str_empty_note::StrEmptyNote,
    &str_punct::StrPunct,
    &str_zero_total::StrZeroTotal,
    &str_year::StrYear,
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
    &t1_out_rollup::T1OutRollup,
    &t1_out_breakdown::T1OutBreakdown,
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
    &t4_in_total::T4InTotal,
    &t4_row::T4Row,
    &t4_col::T4Col,
    &t4_rollup::T4Rollup,
    &row_order::RowOrder,
    &any_row::AnyRow,
    &any_rollup::AnyRollup,
    &t4_out_breakdown::T4OutBreakdown,
    &f_bal::FBal,
    &f_fis_bal::FFisBal,
    &f_3pub::F3Pub,
    &f_gf_flow::FGfFlow,
    &x_f_tables::XFTables,
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
    &ni_growth_level::NiGrowthLevel,
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
    &ni_3pub_sum::Ni3PubSum,
    &ni_split::NiSplit,
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
    &ni_final_rate::NiFinalRate,
    // After every rule that binds a narrative figure to its own cell: it reads the others.
    &nt_named::NtNamed,
    // Last: it folds the rounding residues the other rules' sums met.
    &str_precision::StrPrecision,
];

/// What rules see: the normalized text, its lines and the tables found in it.
pub struct Document<'a> {
    /// The normalized text: every span of the tables, the narrative and the findings is a byte
    /// range of it.
    pub text: &'a str,
    /// Its lines, by 0-based index.
    pub lines: &'a [Line],
    /// The tables found, in order T1…T11 (see [`crate::tables::find_tables`]).
    pub tables: Vec<Table>,
    /// The narrative (情况说明) as the narrative pass read it.
    pub narrative: crate::narrative::Narrative,
}

/// Run the rules named in `only` (every rule when it is empty) over `doc`, in [`RULES`]' order.
pub(crate) fn run(doc: &Document<'_>, only: &[&str]) -> Ctx {
    let mut ctx = Ctx {
        units: doc.tables.iter().filter_map(|t| lookup::yuan_per_unit(doc, t.id).map(|u| (t.id, u))).collect(),
        yuan_somewhere: doc.narrative.comparison == crate::narrative::Comparison::InYuan,
        ..Ctx::default()
    };
    for rule in RULES.iter().filter(|r| only.is_empty() || only.contains(&r.meta().id)) {
        ctx.current = rule.meta().id;
        rule.check(doc, &mut ctx);
    }
    misread::demote_misread_tables(doc, &mut ctx);
    ctx
}

impl Document<'_> {
    /// Table `id`, if its body was read (`None` when it is missing or only listed).
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id && t.body.is_some())
    }
}
