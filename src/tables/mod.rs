//! Pass 3: find the disclosure tables by their titles and read their rows.
//!
//! Tables are located by title keywords ([`titles`]): with or without `表 N`, `部门`/`单位`
//! wording, table-of-contents entries told apart from body titles. A title may stand above its
//! body or below it (HZ-13): each title takes the neighbouring stretch of lines whose content fits
//! the table. Three body shapes are read:
//! * balance tables T1 and T4 ([`read_balance`]): income on the left, expenditure by 类 on the right,
//!   possibly merged into one line (HZ-15);
//! * coded tables T2, T3, T5–T9 ([`read_coded`]): rows keyed by 类/款/项 codes, tab-separated (blank
//!   cells kept), space-separated (blank cells lost, names wrapped, HZ-02/HZ-11) or reversed with
//!   glued numbers (HZ-03/HZ-04);
//! * labelled tables T10 and T11 ([`read_labelled`]): rows named by text, not codes.
//!
//! Whatever cannot be read with confidence is marked, never guessed: a row whose value columns
//! are ambiguous keeps its amounts as `Cell::Unknown`, and rules skip what depends on them.

pub mod classes;
mod grid;
pub mod identities;
mod read_3pub_across;
mod read_balance;
mod read_coded;
mod read_final;
mod read_final_3pub;
mod read_labelled;
pub use read_3pub_across::T10_GRAND_TOTAL;
pub use read_labelled::is_t10_running;
mod resolve;
mod titles;
pub(crate) use titles::is_section_break;
pub(crate) use titles::CHINESE_NUMERALS;

use crate::amount::Amount;
use crate::lex::{lex, Lex};
use crate::lines::{self, compact, Line};
use serde::Serialize;
use std::ops::Range;

pub use identities::{column_label, is_flat, row_identities, subtotal_parts, RowIdentity};
pub use read_coded::OTHER_COLUMN;
pub use resolve::t1_values_for_t2;
pub use titles::classify_title;

/// One of the eleven tables of a 部门预算公开, numbered as in the 新疆 template (serialized `T1`…`T11`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TableId {
    /// 收支总体情况表: income and expenditure totals (a balance table).
    T1,
    /// 收入总体情况表: income by 功能分类 code, in columns by source (一般公共预算, 单位资金 …).
    T2,
    /// 支出总体情况表: expenditure by 功能分类 code (合计, 基本支出, 项目支出).
    T3,
    /// 财政拨款收支预算总体情况表: fiscal income and expenditure by fund (a balance table).
    T4,
    /// 一般公共预算支出情况表: general-budget expenditure by 功能分类 code (合计, 基本支出, 项目支出).
    T5,
    /// 一般公共预算基本支出情况表: basic expenditure by 经济分类 code (人员经费 / 公用经费).
    T6,
    /// 一般公共预算项目支出情况表: project expenditure by 功能分类 code, in columns by 经济分类 class.
    T7,
    /// 政府性基金预算支出情况表: government-fund expenditure by 功能分类 code.
    T8,
    /// 国有资本经营预算支出情况表: state-capital expenditure by 功能分类 code.
    T9,
    /// 财政拨款“三公”经费支出情况表: the 三公 items by fund (a labelled table).
    T10,
    /// 上年结转结余情况明细表: last year's carried-over balances by project (a labelled table).
    T11,
    /// 财政拨款支出(预算)表: spending of every fiscal fund by 功能分类 code (合计, 基本支出,
    /// 项目支出), a kind the 新疆 template does not print (江苏, 苏州, 无锡 …).
    #[serde(rename = "FIS-SPEND")]
    FisSpend,
    /// 财政拨款基本支出(预算)表: basic spending of every fiscal fund by 经济分类 code (合计,
    /// 人员经费, 公用经费).
    #[serde(rename = "FIS-BASIC")]
    FisBasic,
    /// 一般公共预算基本支出表（按功能分类科目）: general-budget basic spending by 功能分类 code
    /// (合计, 人员经费, 公用经费), printed beside the one by 经济分类 (广东).
    #[serde(rename = "BASIC-FUNC")]
    BasicFunc,
    /// 项目支出预算表 by source: each project's (or unit's) money by where it comes from (总计,
    /// 一般公共预算, 政府性基金, 国有资本经营, 财政专户, 单位资金 …), rows named, not coded (浙江).
    #[serde(rename = "PROJ-SRC")]
    ProjSrc,
    /// 部门预算基本支出预算表 by unit (广州): each unit's basic spending, its 经济分类 类 below it
    /// by name (工资福利支出, 商品和服务支出 …), in columns by source (总计, 财政拨款 合计 | 一般公共
    /// 预算 | 政府性基金 | 国有资本经营, 财政专户, 其他资金).
    #[serde(rename = "BASIC-UNIT")]
    BasicUnit,
    /// 一般公共预算支出(经济分类)表: general-budget spending by 经济分类 code.
    #[serde(rename = "ECON-SPEND")]
    EconSpend,
    /// 收入支出决算总表: the year's income and spending with their carry-overs, each line with
    /// its 行次 (a balance table).
    #[serde(rename = "F-TOTAL")]
    FinalTotal,
    /// 收入决算表: the year's income of all funds by 功能分类 code (本年收入合计, then one column
    /// per source: 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入).
    #[serde(rename = "F-INCOME")]
    FinalIncome,
    /// 支出决算表: the year's spending of all funds by 功能分类 code (本年支出合计, 基本支出,
    /// 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出).
    #[serde(rename = "F-SPEND")]
    FinalSpend,
    /// 财政拨款收入支出决算总表: fiscal income by fund and spending by 类 in columns by fund
    /// (合计, 一般公共预算财政拨款, 政府性基金 …), with the carry-overs, each line with its 行次
    /// (a balance table).
    #[serde(rename = "F-FIS-TOTAL")]
    FinalFisTotal,
    /// 一般公共预算财政拨款支出决算(明细)表: general-budget spending by 功能分类 code (决算数:
    /// 合计, 基本支出, 项目支出).
    #[serde(rename = "F-GPB")]
    FinalGpb,
    /// 一般公共预算财政拨款基本支出决算(明细)表: basic spending by 经济分类 code (人员经费 /
    /// 公用经费).
    #[serde(rename = "F-BASIC")]
    FinalBasic,
    /// 政府性基金预算财政拨款收入支出决算表: government-fund money by 功能分类 code (年初结转和结余,
    /// 本年收入, 本年支出 小计 / 基本支出 / 项目支出, 年末结转和结余).
    #[serde(rename = "F-GF")]
    FinalGf,
    /// 国有资本经营预算财政拨款支出决算表: state-capital spending by 功能分类 code (本年支出 合计
    /// / 基本支出 / 项目支出).
    #[serde(rename = "F-SOE")]
    FinalSoe,
    /// 财政拨款“三公”经费支出决算表: 预算数 and 决算数, each 合计 = 因公出国(境)费 + 公务用车购置及
    /// 运行费 (购置费 + 运行费) + 公务接待费, sometimes with 会议费 and 培训费 (a labelled table).
    #[serde(rename = "F-3PUB")]
    Final3Pub,
}

impl TableId {
    /// Every table: T1…T11, then the kinds other provinces add.
    pub const ALL: [TableId; 26] = [
        TableId::T1,
        TableId::T2,
        TableId::T3,
        TableId::T4,
        TableId::T5,
        TableId::T6,
        TableId::T7,
        TableId::T8,
        TableId::T9,
        TableId::T10,
        TableId::T11,
        TableId::FisSpend,
        TableId::FisBasic,
        TableId::BasicFunc,
        TableId::ProjSrc,
        TableId::BasicUnit,
        TableId::EconSpend,
        TableId::FinalTotal,
        TableId::FinalIncome,
        TableId::FinalSpend,
        TableId::FinalFisTotal,
        TableId::FinalGpb,
        TableId::FinalBasic,
        TableId::FinalGf,
        TableId::FinalSoe,
        TableId::Final3Pub,
    ];

    /// The kinds beyond the 新疆 template's eleven: no rule of their own, every coded identity
    /// (`ANY-ROW`, `ANY-ROLLUP`).
    pub const OTHER_KINDS: [TableId; 12] = [
        TableId::FisSpend,
        TableId::FisBasic,
        TableId::BasicFunc,
        TableId::ProjSrc,
        TableId::BasicUnit,
        TableId::EconSpend,
        TableId::FinalSpend,
        TableId::FinalGpb,
        TableId::FinalBasic,
        TableId::FinalIncome,
        TableId::FinalGf,
        TableId::FinalSoe,
    ];

    /// A table whose columns are the sources of its money (收入总表, 收入决算表 by 功能分类 code;
    /// 项目支出预算表 by source).
    pub fn is_income_by_code(self) -> bool {
        matches!(self, TableId::T2 | TableId::FinalIncome | TableId::ProjSrc | TableId::BasicUnit)
    }

    /// A kind whose rows are named, not coded (by unit, by project).
    pub fn has_named_rows(self) -> bool {
        matches!(self, TableId::ProjSrc | TableId::BasicUnit)
    }

    /// The id as printed in messages and the report (`T1`…`T11`).
    pub fn as_str(self) -> &'static str {
        match self {
            TableId::T1 => "T1",
            TableId::T2 => "T2",
            TableId::T3 => "T3",
            TableId::T4 => "T4",
            TableId::T5 => "T5",
            TableId::T6 => "T6",
            TableId::T7 => "T7",
            TableId::T8 => "T8",
            TableId::T9 => "T9",
            TableId::T10 => "T10",
            TableId::T11 => "T11",
            TableId::FisSpend => "FIS-SPEND",
            TableId::FisBasic => "FIS-BASIC",
            TableId::BasicFunc => "BASIC-FUNC",
            TableId::ProjSrc => "PROJ-SRC",
            TableId::BasicUnit => "BASIC-UNIT",
            TableId::EconSpend => "ECON-SPEND",
            TableId::FinalSpend => "F-SPEND",
            TableId::FinalGpb => "F-GPB",
            TableId::FinalBasic => "F-BASIC",
            TableId::FinalTotal => "F-TOTAL",
            TableId::FinalIncome => "F-INCOME",
            TableId::FinalFisTotal => "F-FIS-TOTAL",
            TableId::FinalGf => "F-GF",
            TableId::FinalSoe => "F-SOE",
            TableId::Final3Pub => "F-3PUB",
        }
    }

    /// The 新疆 template title, used when the document's own title is not available.
    pub fn canonical_title(self) -> &'static str {
        match self {
            TableId::T1 => "收支总体情况表",
            TableId::T2 => "收入总体情况表",
            TableId::T3 => "支出总体情况表",
            TableId::T4 => "财政拨款收支预算总体情况表",
            TableId::T5 => "一般公共预算支出情况表",
            TableId::T6 => "一般公共预算基本支出情况表",
            TableId::T7 => "一般公共预算项目支出情况表",
            TableId::T8 => "政府性基金预算支出情况表",
            TableId::T9 => "国有资本经营预算支出情况表",
            TableId::T10 => "财政拨款“三公”经费支出情况表",
            TableId::T11 => "上年结转结余情况明细表",
            TableId::FisSpend => "财政拨款支出预算表",
            TableId::FisBasic => "财政拨款基本支出预算表",
            TableId::BasicFunc => "一般公共预算基本支出表（按功能分类科目）",
            TableId::ProjSrc => "项目支出预算表",
            TableId::BasicUnit => "部门预算基本支出预算表",
            TableId::EconSpend => "一般公共预算支出经济分类情况表",
            TableId::FinalSpend => "支出决算表",
            TableId::FinalGpb => "一般公共预算财政拨款支出决算表",
            TableId::FinalBasic => "一般公共预算财政拨款基本支出决算表",
            TableId::FinalTotal => "收入支出决算总表",
            TableId::FinalIncome => "收入决算表",
            TableId::FinalFisTotal => "财政拨款收入支出决算总表",
            TableId::FinalGf => "政府性基金预算财政拨款收入支出决算表",
            TableId::FinalSoe => "国有资本经营预算财政拨款支出决算表",
            TableId::Final3Pub => "财政拨款“三公”经费支出决算表",
        }
    }
}

/// How much of a table was read (and, in the report, checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableStatus {
    /// Read in full: amounts found, and the totals line (T1, T4) or every row's columns understood.
    Checked,
    /// Read in part: some rows or columns not understood, or amounts printed but none read. The
    /// report also lowers `Checked` to this when a check on the table was skipped.
    Partial,
    /// No amounts, and the table says it is empty (为空表, 本表为空 …).
    Empty,
    /// The title (or, for a table the contents list names, its name in the body) was found, but
    /// no amount was read and none with decimals is printed in its region.
    Unreadable,
    /// Not found in the body: only the table of contents names it.
    Missing,
    /// Read, with amounts, but no check read any of them (decided by the coverage pass).
    NotChecked,
}

/// One amount cell after column assignment.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Printed blank: an exact zero.
    Blank,
    /// A printed amount, in its column.
    Value(Amount),
    /// The row's amounts could not be placed in columns with certainty.
    Unknown,
}

impl Cell {
    /// The printed amount; `None` for a blank or unknown cell.
    pub fn amount(&self) -> Option<&Amount> {
        match self {
            Cell::Value(a) => Some(a),
            _ => None,
        }
    }
}

/// A row of a coded table.
#[derive(Debug, Clone)]
pub struct CodedRow {
    /// Full functional code (`208`, `20801`, `2080101`), or `None` for the total row.
    pub code: Option<String>,
    /// The name as printed, whitespace removed (further label cells joined with `·`); `合计` or
    /// `总计` for the total row.
    pub name: String,
    /// The row is the table's 合计/总计 line.
    pub is_total: bool,
    /// One cell per value column of the table (empty when the columns are unknown).
    pub cells: Vec<Cell>,
    /// Every amount printed on the row, in printed order.
    pub amounts: Vec<Amount>,
    /// 0-based line index of the row's first line.
    pub line: usize,
    /// Span of the row from its code to its last amount (normalized text).
    pub span: Range<usize>,
    /// Why the row could not be fully read, if it could not.
    pub problem: Option<RowProblem>,
    /// How the columns of its amounts were worked out, when blank cells had vanished.
    pub inferred: Option<Inference>,
}

/// How a row's lost blank cells were put back (HZ-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inference {
    /// The only placement under which the parent row equals the sum of its children.
    Rollup,
    /// The same code in another table, with the same amounts, printed every column.
    OtherTable(TableId),
    /// The economic class fixes the column (301/303 → 人员经费, 302/310 … → 公用经费).
    CodeMeaning,
    /// The only placement under which the row's own identities hold (总计 = 小计 + …).
    RowIdentity,
    /// A tab-separated cell printed one column left of its place (HZ-12), moved back because
    /// only then do T1 and the column sums agree.
    Realigned,
}

/// Why a row could not be fully read; rules skip what depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowProblem {
    /// Blank cells vanished (space-separated text): the columns of some amounts are unknown.
    AmbiguousColumns,
    /// A cell held text where an amount was expected.
    UnreadableCell,
    /// Fewer amounts than the row needs to be checked (possibly lost in extraction).
    TooFewAmounts,
    /// More amounts than the table has columns.
    TooManyAmounts,
    /// No placement of the printed amounts satisfies the table's row identities: the row is
    /// inconsistent whatever columns its amounts belong to.
    Inconsistent,
    /// The amounts were not printed in column order (the largest, the total, is not first):
    /// the total is known, the columns of the others are not.
    Scrambled,
}

impl CodedRow {
    /// The level in the 类/款/项 hierarchy: 1, 2, 3; 0 for the total row.
    pub fn level(&self) -> usize {
        match self.code.as_deref().map(str::len) {
            Some(3) => 1,
            Some(5) => 2,
            Some(7) => 3,
            _ => 0,
        }
    }
}

/// A table whose rows are keyed by 类/款/项 codes (T2, T3, T5–T9).
#[derive(Debug, Clone)]
pub struct CodedTable {
    /// Value column names in printed order (compact), when the header was understood.
    pub columns: Vec<String>,
    /// The rows read, in printed order (the total row included).
    pub rows: Vec<CodedRow>,
}

/// Where an income line sits in T1's income tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeLevel {
    /// `一、本年收入`, `二、上年结转结余`.
    Top,
    /// `1.一般公共预算拨款`.
    Numbered,
    /// `其中：一般财力` and the lines listed after it.
    Sub,
}

/// One line of one side of a balance table (T1, T4): an income line or an expenditure 类.
#[derive(Debug, Clone)]
pub struct BalanceItem {
    /// Label without whitespace and without its enumerator (`一、本年收入` → `本年收入`).
    pub label: String,
    /// Label as printed (compact), with its enumerator.
    pub printed: String,
    /// Where the line sits in the income tree, from its enumerator (meaningful on the income side).
    pub level: IncomeLevel,
    /// 类 code for expenditure lines.
    pub code: Option<String>,
    /// The first amount of the item (T1 has one amount per side).
    pub amount: Option<Amount>,
    /// Every amount of the item in printed column order (T4's expenditure side has four).
    pub amounts: Vec<Amount>,
    /// The amounts by column when the line is tab-separated (blank cells kept).
    pub positional: Option<Vec<Option<Amount>>>,
    /// 0-based index of the line the item is printed on.
    pub line: usize,
    /// Character column where the label starts on its line: deeper lines of one side (款 under
    /// 类) are printed further right.
    pub indent: usize,
}

/// A two-sided table (T1, T4): income lines on the left, expenditure by 类 on the right.
#[derive(Debug, Clone, Default)]
pub struct BalanceTable {
    /// Expenditure-side value columns, when the header names several (T4).
    pub columns: Vec<String>,
    /// The income lines in printed order, the totals line excluded.
    pub income: Vec<BalanceItem>,
    /// The expenditure lines in printed order (mostly 类 with their codes), the totals line
    /// excluded.
    pub expense: Vec<BalanceItem>,
    /// The 收入总计 (or 收入合计) line, if read.
    pub income_total: Option<BalanceItem>,
    /// The 支出总计 (or 支出合计) line, if read.
    pub expense_total: Option<BalanceItem>,
    /// The expenditure side prints a second breakdown beside the 功能分类 one (经济分类,
    /// 支出用途); its lines are then not read as 类.
    pub expense_beside: bool,
    /// Further breakdowns of the same spending printed in their own label and amount columns
    /// beside the 功能分类 side (部门经济分类, 政府经济分类 by 大类), each in printed order.
    pub breakdowns: Vec<Breakdown>,
}

/// One more breakdown of a balance table's spending (its own column pair of labels and amounts).
#[derive(Debug, Clone, Default)]
pub struct Breakdown {
    /// The lines in printed order (subtotals and carry-over lines included), 支出总计 excluded.
    pub items: Vec<BalanceItem>,
    /// Its 支出总计 line, if read.
    pub total: Option<BalanceItem>,
}

/// A row named by text (T10 三公 items, T11 projects).
#[derive(Debug, Clone)]
pub struct LabelledRow {
    /// The label, whitespace removed; a label wrapped onto earlier lines is joined.
    pub label: String,
    /// The label is `合计` or `总计`.
    pub is_total: bool,
    /// One cell per value column of the table (empty when the columns are unknown).
    pub cells: Vec<Cell>,
    /// Every amount printed on the row, in column order.
    pub amounts: Vec<Amount>,
    /// 0-based line index of the row's first line (its label's, when the label wrapped).
    pub line: usize,
    /// Span of the row from its label to its last amount (normalized text).
    pub span: Range<usize>,
    /// Why the row could not be fully read, if it could not.
    pub problem: Option<RowProblem>,
    /// How the columns of its amounts were worked out (only by the row's identities here).
    pub inferred: Option<Inference>,
}

/// A table whose rows are named by text (T10, T11).
#[derive(Debug, Clone, Default)]
pub struct LabelledTable {
    /// The template's value column names when the header was recognised; empty otherwise.
    pub columns: Vec<String>,
    /// The rows read, in printed order.
    pub rows: Vec<LabelledRow>,
}

/// A table's rows as its kind reads them. (A document holds a dozen tables at most, so the
/// variants' sizes do not matter.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum TableBody {
    /// T1 and T4.
    Balance(BalanceTable),
    /// T2, T3 and T5–T9.
    Coded(CodedTable),
    /// T10 and T11.
    Labelled(LabelledTable),
}

/// One table of the document: where its title is, what was read and how well.
#[derive(Debug, Clone)]
pub struct Table {
    /// Which table the title names.
    pub id: TableId,
    /// The title line, whitespace removed (for a table only the contents list names, the name
    /// from its contents entry).
    pub title: String,
    /// Line index of the title; for a missing table, of its table-of-contents entry.
    pub line: Option<usize>,
    /// Byte range of the line at `line` in the normalized text.
    pub title_span: Option<Range<usize>>,
    /// How much was read (the report may lower `checked` to `partial`).
    pub status: TableStatus,
    /// The rows read; `None` for a table only the contents list names.
    pub body: Option<TableBody>,
    /// The table says it is empty (为空表 / 未安排 / 没有使用 …).
    pub empty_note: bool,
    /// Line range (indices) of the table region.
    pub region: Range<usize>,
    /// The region holds printed amounts (whether or not rows were read).
    pub has_numbers: bool,
    /// The table runs to the end of the input: its last rows may have been cut off.
    pub at_end: bool,
    /// The table of contents lists it.
    pub listed: bool,
}

impl Table {
    /// Number of rows read: for a balance table the longer side, plus one for the totals line.
    pub fn row_count(&self) -> usize {
        match &self.body {
            Some(TableBody::Balance(b)) => {
                let n = b.income.len().max(b.expense.len());
                n + usize::from(b.income_total.is_some() || b.expense_total.is_some())
            }
            Some(TableBody::Coded(c)) => c.rows.len(),
            Some(TableBody::Labelled(l)) => l.rows.len(),
            None => 0,
        }
    }

    /// The body of a coded table (T2, T3, T5–T9), if read.
    pub fn coded(&self) -> Option<&CodedTable> {
        match &self.body {
            Some(TableBody::Coded(c)) => Some(c),
            _ => None,
        }
    }

    /// The body of a balance table (T1, T4), if read.
    pub fn balance(&self) -> Option<&BalanceTable> {
        match &self.body {
            Some(TableBody::Balance(b)) => Some(b),
            _ => None,
        }
    }
}

pub use crate::diagnostics::ParseWarning;

// ---------------------------------------------------------------------------------------------
// Shared line helpers

/// `表 2`, `表2:`, `表三`: the label of a table, printed on a line of its own.
fn is_table_label(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 40 || !s.contains('表') {
        return false;
    }
    let c = compact(s);
    // `表3`, and `公开表3` as some provinces label their tables.
    let c = c.strip_prefix("公开").unwrap_or(&c);
    let number = |r: &str| !r.is_empty() && r.chars().all(|ch| ch.is_ascii_digit() || CHINESE_NUMERALS.contains(ch));
    // `表3` / `公开表3`, and `公开 03 表` as the central template prints it.
    c.strip_prefix('表').is_some_and(|r| number(r.trim_end_matches([':', '、', '.'])))
        || c.strip_suffix('表').is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
}

/// A row with more amounts than the header has columns means the header was misread: place
/// nothing in that table rather than guess (coded and labelled tables alike).
fn drop_misread_columns<'a>(
    columns: &mut Vec<String>,
    rows: impl Iterator<Item = (&'a mut Vec<Cell>, &'a mut Option<RowProblem>)>,
) {
    let rows: Vec<_> = rows.collect();
    if !rows.iter().any(|(_, p)| **p == Some(RowProblem::TooManyAmounts)) {
        return;
    }
    columns.clear();
    for (cells, problem) in rows {
        cells.clear();
        if *problem == Some(RowProblem::TooManyAmounts) {
            *problem = None;
        }
    }
}

/// Lines that are never table content: page numbers, revision marks, table labels, and the unit
/// line (`507-湖州市卫生健康委员会  单位：万元`: its unit code is not a row's code).
fn skip_line(s: &str) -> bool {
    lines::is_page_furniture(s) || lines::is_revision_mark(s) || is_table_label(s) || is_unit_line(s)
}

/// `单位：万元`, `金额单位：元`, with the unit's name before it.
fn is_unit_line(s: &str) -> bool {
    if !s.contains("单位") {
        return false;
    }
    let c = compact(s);
    ["单位：万元", "单位:万元", "单位：元", "单位:元"].iter().any(|u| c.ends_with(u))
}

fn is_total_label(c: &str) -> bool {
    matches!(c, "合计" | "总计")
}

/// A 类 code of the functional (201–234) or economic (301–313, 399; 501–514, 599) classification.
pub fn is_class_code(raw: &str) -> bool {
    let Ok(n) = raw.parse::<u16>() else { return false };
    raw.len() == 3 && matches!(n, 201..=234 | 301..=313 | 399 | 501..=514 | 599)
}

/// Does the line carry a printed amount with decimals?
fn has_decimal_amount(s: &str, start: usize) -> bool {
    lex(s, start).iter().any(|t| matches!(&t.kind, Lex::Num(a) if a.decimals > 0))
}

const EMPTY_NOTES: [&str; 5] = ["为空表", "此表为空", "本表为空", "无数据", "空表"];

// ---------------------------------------------------------------------------------------------
// Whole-document pass

struct TitleHit {
    id: TableId,
    line: usize,
    toc: bool,
}

/// A table printed over several pages with its title repeated on each is one table: a coded or
/// labelled table whose next page (the same title, right after its region) reads as rows too is
/// read again over both regions. (Two tables of one kind under different titles — 按功能科目 and
/// 按经济科目 — stay two.) (Balance tables, T1 and T4, are left as they are: their
/// two sides do not continue row by row.)
fn join_continued_pages(found: Vec<Table>, text: &str, lines: &[Line], compacts: &[String]) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::with_capacity(found.len());
    for t in found {
        let continues = out.last().is_some_and(|prev: &Table| {
            prev.id == t.id
                && prev.title == t.title
                && t.line.is_some_and(|l| l >= prev.region.end && l <= prev.region.end + 1)
                && t.region.start > prev.line.unwrap_or(0)
                && (fit(prev) > 0 || has_lines(prev))
                // (a page of staircase rows reads as nothing without the page before it)
                && (fit(&t) > 0 || has_lines(&t) || t.has_numbers)
        });
        match out.last_mut() {
            Some(prev) if continues => {
                let (title, from, to) = (prev.line.unwrap_or(0), prev.region.start, t.region.end);
                let joined = read_table(t.id, text, lines, compacts, title, from..to);
                if fit(&joined) >= fit(prev) {
                    *prev = joined;
                } else {
                    out.push(t);
                }
            }
            _ => out.push(t),
        }
    }
    out
}

/// An enumerated title (`一、收支预算总表`) is a contents entry when other titles stand within a
/// few lines of it (a list); standing alone, followed by its table, it is the body's title (some
/// provinces number their tables so). Dot leaders, page numbers and list dashes always mark an
/// entry.
fn body_titles_with_enumerators(hits: &mut [TitleHit], compacts: &[String], other_titles: &[usize]) {
    const LIST_GAP: usize = 3;
    let lines: Vec<usize> = hits.iter().map(|h| h.line).chain(other_titles.iter().copied()).collect();
    for h in hits.iter_mut().filter(|h| h.toc) {
        let c = &compacts[h.line];
        if c.starts_with('-') || titles::has_page_number(c) {
            continue;
        }
        let in_list = lines.iter().any(|&l| l != h.line && l.abs_diff(h.line) <= LIST_GAP);
        h.toc = in_list;
    }
}

/// The tables of a document, in table order T1…T11, plus parse warnings.
///
/// Titles and section breaks cut the text into chunks. Each body title, in document order,
/// takes the chunk after it or the chunk before it (HZ-13: some extractions print the title
/// under its table), whichever reads better as that table; a chunk is taken once.
pub(crate) fn find_tables(text: &str, lines: &[Line]) -> (Vec<Table>, Vec<ParseWarning>) {
    let mut warnings = Vec::new();
    let compacts: Vec<String> = lines.iter().map(|l| compact(&text[l.span.clone()])).collect();
    let mut hits: Vec<TitleHit> = Vec::new();
    let mut bounds: Vec<usize> = Vec::new();
    let mut other_titles: Vec<usize> = Vec::new();
    for (i, c) in compacts.iter().enumerate() {
        if let Some((id, toc)) = classify_title(c) {
            hits.push(TitleHit { id, line: i, toc });
            bounds.push(i);
        } else if is_section_break(c) || titles::is_other_title(c) {
            bounds.push(i);
            other_titles.push(i);
        }
    }
    body_titles_with_enumerators(&mut hits, &compacts, &other_titles);
    bounds.sort_unstable();
    // A title's region below it runs to the next title or section break; its region above it
    // starts after the previous body title and after whatever an earlier table took.
    let next_bound = |line: usize| -> usize {
        let i = bounds.partition_point(|&b| b <= line);
        bounds.get(i).copied().unwrap_or(lines.len())
    };
    let mut claimed_until = 0usize;
    let mut prev_title: Option<usize> = None;
    let mut found: Vec<Table> = Vec::new();
    for h in hits.iter().filter(|h| !h.toc) {
        let below = h.line + 1..next_bound(h.line);
        // …and after the title of a table of another kind: no table reaches past another's title.
        // (A part heading does not count: seed 002 prints its first table above `第二部分…`.)
        let prev_bound = other_titles[..other_titles.partition_point(|&b| b < h.line)]
            .iter()
            .rev()
            .find(|&&b| !is_section_break(&compacts[b]))
            .map_or(0, |b| b + 1);
        let above_start = prev_title.map_or(0, |p| p + 1).max(claimed_until).max(prev_bound);
        let above = above_start..h.line.max(above_start);
        prev_title = Some(h.line);
        let a = read_table(h.id, text, lines, &compacts, h.line, below.clone());
        // Read the lines above the title only when those below do not clearly make the table.
        let clear =
            fit(&a) >= 1000 || a.balance().is_some_and(|b| b.income_total.is_some() && b.expense_total.is_some());
        let b = (!above.is_empty() && !clear).then(|| read_table(h.id, text, lines, &compacts, h.line, above.clone()));
        let (sa, sb) = (fit(&a), b.as_ref().map_or(0, fit));
        let t = match b {
            Some(b) if sb > sa => trim_prose_above(b, text, lines),
            _ => a,
        };
        let t = trim_prose_below(t, text, lines);
        if fit(&t) > 0 {
            claimed_until = claimed_until.max(t.region.end);
        }
        found.push(t);
    }
    let found = join_continued_pages(found, text, lines, &compacts);
    if let Some(w) = unread_final_tables(text, lines, &compacts, &other_titles, &bounds) {
        warnings.push(w);
    }

    let mut tables = Vec::new();
    for id in TableId::ALL {
        let mut of_id: Vec<Table> = found.iter().filter(|t| t.id == id).cloned().collect();
        if of_id.len() > 1 {
            let line = of_id.get(1).and_then(|t| t.line);
            warnings.push(ParseWarning::DuplicateTitle { table: id, count: of_id.len(), line });
        }
        of_id.sort_by_key(|t| std::cmp::Reverse(fit(t)));
        match of_id.into_iter().next() {
            Some(t) => tables.push(t),
            None => {
                if let Some(h) = hits.iter().find(|h| h.id == id && h.toc) {
                    // The contents name it; is its title anywhere in the body in words the
                    // title reader did not take? Then it is there but unread, not missing.
                    let last_toc = hits.iter().filter(|x| x.toc).map(|x| x.line).max().unwrap_or(h.line);
                    let (name, _) = titles::strip_title_prefix(&compacts[h.line]);
                    let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '…' || c == '·');
                    let in_body =
                        compacts[last_toc + 1..].iter().position(|c| c.contains(name)).map(|k| k + last_toc + 1);
                    tables.push(Table {
                        id,
                        title: name.to_string(),
                        line: Some(in_body.unwrap_or(h.line)),
                        title_span: Some(lines[in_body.unwrap_or(h.line)].span.clone()),
                        status: if in_body.is_some() { TableStatus::Unreadable } else { TableStatus::Missing },
                        body: None,
                        empty_note: false,
                        region: h.line..h.line,
                        has_numbers: false,
                        at_end: false,
                        listed: true,
                    });
                }
            }
        }
    }
    for t in &mut tables {
        t.listed = hits.iter().any(|h| h.id == t.id && h.toc);
        // The contents may say it (`表8 国有资本经营预算财政拨款支出决算表 是 本部门不涉及故公开空表`).
        let noted = |c: &String| c.contains(t.title.as_str()) && EMPTY_NOTES.iter().any(|k| c.contains(k));
        if t.status == TableStatus::Unreadable && !t.has_numbers && compacts.iter().any(noted) {
            t.empty_note = true;
            t.status = TableStatus::Empty;
        }
    }
    resolve::resolve(&mut tables, text);
    // What the reader made of each table, once vanished blank cells are placed.
    for t in tables.iter_mut().filter(|t| t.body.is_some()) {
        t.status = read_status(t);
    }
    (tables, warnings)
}

/// The 决算 tables of kinds not read yet whose regions print amounts (their titles are other
/// tables' titles): a warning that keeps the verdict from 已全部核对.
fn unread_final_tables(
    text: &str,
    lines: &[Line],
    compacts: &[String],
    other_titles: &[usize],
    bounds: &[usize],
) -> Option<ParseWarning> {
    let with_amounts: Vec<usize> = other_titles
        .iter()
        .copied()
        // A table's title names what it holds (`部门决算表` alone is the part's heading).
        .filter(|&i| {
            let c = &compacts[i];
            let kind = ["收入", "支出", "三公", "基金", "国有资本", "财政拨款", "项目", "运行", "采购"];
            c.contains("决算") && !is_section_break(c) && kind.iter().any(|k| c.contains(k))
        })
        .filter(|&i| {
            let end = bounds.get(bounds.partition_point(|&b| b <= i)).copied().unwrap_or(lines.len());
            lines[i + 1..end].iter().any(|l| has_decimal_amount(&text[l.span.clone()], l.span.start))
        })
        .collect();
    let line = with_amounts.first().copied();
    // A table printed over several pages repeats its title: one table.
    let mut names: Vec<String> =
        with_amounts.iter().map(|&i| titles::strip_title_prefix(&compacts[i]).0.to_string()).collect();
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    (!names.is_empty()).then_some(ParseWarning::UnreadTables { count: names.len(), names, line })
}

/// A table read from the lines above its title (HZ-13) starts after the last sentence of prose
/// before its first row (a line ending with `。`): that prose is narrative, not table.
fn trim_prose_above(mut t: Table, text: &str, lines: &[Line]) -> Table {
    let first_row = row_span(&t).map(|(first, _)| first);
    let Some(first_row) = first_row.filter(|&f| f > t.region.start && f <= t.region.end) else { return t };
    if let Some(p) = (t.region.start..first_row)
        .rev()
        .find(|&i| lines.get(i).is_some_and(|l| text[l.span.clone()].trim_end().ends_with('。')))
    {
        t.region.start = p + 1;
    }
    t
}

/// The lines a table's rows stand on, first and last.
fn row_span(t: &Table) -> Option<(usize, usize)> {
    let rows: Vec<usize> = match &t.body {
        Some(TableBody::Balance(b)) => {
            b.income.iter().chain(&b.expense).chain(&b.income_total).chain(&b.expense_total).map(|i| i.line).collect()
        }
        Some(TableBody::Coded(c)) => c.rows.iter().map(|r| r.line).collect(),
        Some(TableBody::Labelled(l)) => l.rows.iter().map(|r| r.line).collect(),
        None => Vec::new(),
    };
    Some((*rows.iter().min()?, *rows.iter().max()?))
}

/// A line of prose: a sentence (`。`, or a clause with `，`), not a table's note (注：…).
fn is_prose(s: &str) -> bool {
    let c = compact(s);
    let note = ["注", "备注", "说明:", "说明：", "*"].iter().any(|k| c.starts_with(k));
    !note && (c.contains('。') || (c.contains('，') && c.chars().filter(|x| !x.is_ascii()).count() >= 10))
}

/// A table whose region runs on below its last row into the 情况说明 (no section break between,
/// as when the 三公 table is followed by 其他相关情况说明) ends before that prose and before the
/// headings that lead into it: those lines are narrative, not table.
fn trim_prose_below(mut t: Table, text: &str, lines: &[Line]) -> Table {
    let Some((_, last_row)) = row_span(&t).filter(|&(_, l)| l >= t.region.start && l < t.region.end) else {
        return t;
    };
    let s = |i: usize| &text[lines[i].span.clone()];
    let Some(mut end) = (last_row + 1..t.region.end).find(|&i| is_prose(s(i))) else { return t };
    // A heading names no amount: its only digits are a year or a date (`一、2026年“三公”…`).
    let heading = |i: usize| {
        let c = compact(s(i));
        let digits_end = c
            .char_indices()
            .filter(|(k, x)| x.is_ascii_digit() && !c[k + 1..].starts_with(|n: char| n.is_ascii_digit()));
        digits_end.into_iter().all(|(k, _)| c[k + 1..].starts_with(['年', '月', '日']))
    };
    while end > last_row + 1 && heading(end - 1) {
        end -= 1;
    }
    t.region.end = end;
    t
}

/// How well a read table fits its title: 0 = not at all.
/// A balance table's page before the last (no totals line yet) still has lines with amounts.
fn has_lines(t: &Table) -> bool {
    t.balance().is_some_and(|b| b.income.iter().chain(&b.expense).any(|i| i.amount.is_some()))
}

fn fit(t: &Table) -> usize {
    let note = usize::from(t.empty_note);
    match &t.body {
        Some(TableBody::Balance(b)) => {
            let totals = [&b.income_total, &b.expense_total]
                .iter()
                .filter(|x| x.as_ref().is_some_and(|i| i.amount.is_some()))
                .count();
            let classes = b.expense.iter().filter(|i| i.code.is_some()).count();
            if totals == 0 {
                note
            } else {
                totals * 10 + classes + note
            }
        }
        Some(TableBody::Coded(c)) => {
            // Rows of the right classification: economic (3xx) in T6, functional (2xx) elsewhere.
            let economic = matches!(t.id, TableId::T6 | TableId::FisBasic | TableId::EconSpend | TableId::FinalBasic);
            let rows = c
                .rows
                .iter()
                .filter(|r| !r.amounts.is_empty())
                .filter(|r| {
                    r.is_total
                        || r.code.as_deref().is_some_and(|x| x.starts_with('3') == economic)
                        // (Kinds whose rows are named, not coded: by unit, by project.)
                        || (r.code.is_none() && t.id.has_named_rows())
                })
                .count();
            if rows == 0 {
                note
            } else {
                // A header read as this table's columns outweighs any number of rows.
                rows + usize::from(!c.columns.is_empty()) * 1000 + note
            }
        }
        Some(TableBody::Labelled(l)) => {
            let rows = l.rows.iter().filter(|r| !r.amounts.is_empty()).count();
            if rows == 0 {
                note
            } else {
                rows + usize::from(!l.columns.is_empty()) * 1000 + note
            }
        }
        None => 0,
    }
}

fn read_table(
    id: TableId,
    text: &str,
    lines: &[Line],
    compacts: &[String],
    title_line: usize,
    region: Range<usize>,
) -> Table {
    let region_lines = &lines[region.clone()];
    let empty_note = compacts[region.clone()].iter().any(|c| EMPTY_NOTES.iter().any(|k| c.contains(k)));
    let has_numbers = region_lines.iter().any(|l| {
        let s = &text[l.span.clone()];
        !skip_line(s) && has_decimal_amount(s, l.span.start)
    });
    let body = match id {
        TableId::T1 | TableId::T4 => TableBody::Balance(read_balance::read(id, text, region_lines)),
        TableId::FinalTotal | TableId::FinalFisTotal => TableBody::Balance(read_final::read(text, region_lines)),
        TableId::T10 | TableId::T11 => TableBody::Labelled(read_labelled::read(id, text, region_lines)),
        TableId::Final3Pub => TableBody::Labelled(read_final_3pub::read(text, region_lines)),
        _ => TableBody::Coded(read_coded::read(id, text, region_lines)),
    };
    let t = Table {
        id,
        title: compacts[title_line].clone(),
        line: Some(title_line),
        title_span: Some(lines[title_line].span.clone()),
        status: TableStatus::Unreadable,
        body: Some(body),
        empty_note,
        region: region.clone(),
        has_numbers,
        at_end: region.end >= lines.len(),
        listed: false,
    };
    // The status is decided once the columns are placed (`find_tables`).
    t
}

/// Status from what was read; the coverage pass lowers `checked` to `partial` when rules skip
/// checks.
fn read_status(t: &Table) -> TableStatus {
    let (any_amount, understood) = match &t.body {
        Some(TableBody::Balance(b)) => (
            b.income
                .iter()
                .chain(b.expense.iter())
                .chain(b.income_total.iter())
                .chain(b.expense_total.iter())
                .any(|i| i.amount.is_some()),
            b.income_total.is_some() || b.expense_total.is_some(),
        ),
        Some(TableBody::Coded(c)) => (
            c.rows.iter().any(|r| !r.amounts.is_empty()),
            !c.columns.is_empty() && c.rows.iter().all(|r| r.problem.is_none()),
        ),
        Some(TableBody::Labelled(l)) => (
            l.rows.iter().any(|r| !r.amounts.is_empty()),
            !l.columns.is_empty() && l.rows.iter().all(|r| r.problem.is_none()),
        ),
        None => return TableStatus::Missing,
    };
    match (any_amount, understood) {
        (false, _) if t.empty_note => TableStatus::Empty,
        (false, _) if t.has_numbers => TableStatus::Partial,
        (false, _) => TableStatus::Unreadable,
        (true, true) => TableStatus::Checked,
        (true, false) => TableStatus::Partial,
    }
}
