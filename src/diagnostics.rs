//! Diagnostics: what a check found, where, and why a check did not run. Data, not strings: the
//! report renders every message in either language.

use crate::rules::RuleMeta;
use crate::tables::TableId;
use rust_decimal::Decimal;
use serde::Serialize;
use std::ops::Range;

/// How serious a finding is; ordered most serious first (the report sorts findings by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The figures disagree beyond rounding: the check failed (exit status 1 on the CLI).
    Error,
    /// Likely wrong, but a convention could explain it (staff beyond the 编制数, mixed precision).
    Warning,
    /// Not a failure: e.g. a difference within the rounding envelope (四舍五入差异).
    Info,
}

/// A place in the normalized text, with what it is (`T3 208 合计`).
#[derive(Debug, Clone)]
pub struct Label {
    /// Byte range in the normalized text (the report maps it to the original input).
    pub span: Range<usize>,
    /// What the place is, for people: table, code, name and column (`T3 208 合计`).
    pub what: String,
}

/// A finding before it is placed in the original text.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Id of the rule that found it (`T3-ROW`).
    pub rule: &'static str,
    /// The rule's default severity unless the rule chose another (info for a rounding residue).
    pub severity: Severity,
    /// The table it is about; `None` for a narrative or document-level finding.
    pub table: Option<TableId>,
    /// The one-line message in Chinese.
    pub message_zh: String,
    /// The one-line message in English.
    pub message_en: String,
    /// The printed value that fails, as printed (the likely-cell pass may replace it with the
    /// likely wrong cell's).
    pub found: String,
    /// What it should be, formatted at the printed decimals (or the likely cell's likely value).
    pub expected: String,
    /// The arithmetic, e.g. `1.44 + 619.80 = 621.24 ≠ 621.00`; may be empty.
    pub note: String,
    /// The failing figure: where the report and the page point first.
    pub primary: Label,
    /// The figures it was checked against (the parts of a sum, the other table's cell).
    pub related: Vec<Label>,
    /// For each printed cell of a failing sum, the value that alone would repair it.
    pub repairs: Vec<Repair>,
    /// The cell most likely wrong and its likely value, when the failing checks agree on one.
    pub likely: Option<Likely>,
}

/// One printed cell of a failing sum and the value that alone would make the sum hold.
#[derive(Debug, Clone)]
pub struct Repair {
    /// Byte range of the printed cell in the normalized text.
    pub span: Range<usize>,
    /// The cell as printed.
    pub printed: String,
    /// What the cell is (`T3 208 合计`).
    pub what: String,
    /// The value the cell would need (the total: Σ parts; a part: itself plus the difference).
    pub value: Decimal,
    /// Decimals the cell was printed with: the repaired value is compared and shown at these.
    pub decimals: u32,
}

/// A single cell whose change would repair every failing check that involves it.
#[derive(Debug, Clone, Serialize)]
pub struct Likely {
    /// Byte range of the cell in the normalized text (not serialized).
    #[serde(skip)]
    pub span: Range<usize>,
    /// What the cell is (`T3 208 合计`).
    pub what: String,
    /// The cell as printed.
    pub found: String,
    /// Its likely value, formatted at the cell's printed decimals.
    pub value: String,
    /// How many failing checks this one change repairs.
    pub repairs: usize,
    /// A classic bookkeeping slip, if the change looks like one.
    pub slip: Option<Slip>,
}

/// A classic bookkeeping slip that turns the likely value into the printed one (serialized
/// `transposition` / `one_digit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slip {
    /// Two adjacent digits swapped (the difference is a multiple of 9).
    Transposition,
    /// One digit wrong.
    OneDigit,
}

impl Slip {
    /// The slip named in `lang` (`相邻两位数字颠倒` / `two digits transposed`).
    pub fn text(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Slip::Transposition, crate::Lang::Zh) => "相邻两位数字颠倒",
            (Slip::Transposition, crate::Lang::En) => "two digits transposed",
            (Slip::OneDigit, crate::Lang::Zh) => "一位数字错误",
            (Slip::OneDigit, crate::Lang::En) => "one digit wrong",
        }
    }
}

/// Why a check did not run.
#[derive(Debug, Clone, Serialize)]
pub struct Skip {
    /// Id of the rule whose check did not run; `-` for a table no rule looked at.
    pub rule: &'static str,
    /// The table the check needed, if it is about one.
    pub table: Option<TableId>,
    /// Why it did not run.
    pub reason: SkipReason,
    /// 0-based line index of what was skipped, if it is one place.
    #[serde(skip)]
    pub line: Option<usize>,
}

/// Reasons carry data, not text; the report renders them in either language.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    /// The table the check needs was not found.
    TableMissing,
    /// The table was found but its body could not be read as that table.
    TableUnreadable,
    /// The table's header was not understood: the value columns are unknown.
    ColumnsUnknown,
    /// Blank cells were lost (space-separated text), so the column of an amount is uncertain.
    AmbiguousColumns {
        /// The row (and column) concerned, e.g. `T3 208 社会保障和就业支出 · 基本支出`.
        row: String,
    },
    /// A figure the check needs has no amount (not printed, or not read).
    AmountMissing {
        /// The line or figure whose amount is missing, e.g. `收入总计`.
        item: String,
    },
    /// A line or label the check cannot place.
    UnrecognisedLine {
        /// The line as printed, or what it should have been (`T1 收入项`).
        item: String,
    },
    /// The input ends inside the table: its last rows may be missing.
    Truncated {
        /// The table or row cut off (`T6`, `T1 收入总计/支出总计`).
        row: String,
    },
    /// The table was read, but no rule checks it yet.
    NoRulesYet,
    /// A convention the check relies on is not the document's: it departs from it in `pairs`
    /// places (a booking practice, not one slip).
    OtherPractice {
        /// How many of the compared pairs disagree.
        pairs: usize,
    },
}

impl SkipReason {
    /// The reason as one line in `lang`, with its row or item.
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
            (SkipReason::Truncated { row }, En) => {
                format!("{row}: the input ends inside the table; later rows may be missing")
            }
            (SkipReason::NoRulesYet, Zh) => "已识别此表，尚无核对规则".into(),
            (SkipReason::NoRulesYet, En) => "table read; no rule checks it yet".into(),
            (SkipReason::OtherPractice { pairs }, Zh) => {
                format!("本文件按其他口径列支（{pairs} 处不对应），不作对应核对")
            }
            (SkipReason::OtherPractice { pairs }, En) => {
                format!("the document books these another way ({pairs} pairs differ); not compared")
            }
        }
    }
}

impl Finding {
    /// A finding of `meta`'s rule at its default severity, on `primary`; the rest is added with
    /// the builder methods (`Finding::new(meta, at).message(zh, en).expected(…)`).
    pub fn new(meta: &'static RuleMeta, primary: Label) -> Finding {
        Finding {
            rule: meta.id,
            severity: meta.severity,
            table: None,
            message_zh: String::new(),
            message_en: String::new(),
            found: String::new(),
            expected: String::new(),
            note: String::new(),
            primary,
            related: Vec::new(),
            repairs: Vec::new(),
            likely: None,
        }
    }
    /// An error finding of `meta`'s rule on `primary`.
    pub fn error(meta: &'static RuleMeta, primary: Label) -> Finding {
        Finding::new(meta, primary).severity(Severity::Error)
    }
    /// A warning finding of `meta`'s rule on `primary`.
    pub fn warning(meta: &'static RuleMeta, primary: Label) -> Finding {
        Finding::new(meta, primary).severity(Severity::Warning)
    }
    /// With another severity.
    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }
    /// About table `t`.
    pub fn table(mut self, t: TableId) -> Finding {
        self.table = Some(t);
        self
    }
    /// About table `t`, or about no table.
    pub fn in_table(mut self, t: Option<TableId>) -> Finding {
        self.table = t;
        self
    }
    /// The one-line message, in Chinese and in English.
    pub fn message(mut self, zh: impl Into<String>, en: impl Into<String>) -> Finding {
        self.message_zh = zh.into();
        self.message_en = en.into();
        self
    }
    /// The printed value that fails.
    pub fn found(mut self, found: impl Into<String>) -> Finding {
        self.found = found.into();
        self
    }
    /// What it should be.
    pub fn expected(mut self, expected: impl Into<String>) -> Finding {
        self.expected = expected.into();
        self
    }
    /// The arithmetic.
    pub fn note(mut self, note: impl Into<String>) -> Finding {
        self.note = note.into();
        self
    }
    /// The places it was checked against.
    pub fn related(mut self, related: Vec<Label>) -> Finding {
        self.related = related;
        self
    }
    /// What each printed cell would have to be for the check to hold.
    pub fn repairs(mut self, repairs: Vec<Repair>) -> Finding {
        self.repairs = repairs;
        self
    }
}

/// A note about the document as a whole, from the reader (not from a rule). Data, rendered in
/// either language by [`ParseWarning::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseWarning {
    /// No table of a 预算公开 was recognised.
    NoTables,
    /// A table's title is printed `count` times; the most complete copy was read. `line`: the
    /// second title (0-based).
    DuplicateTitle {
        /// The table whose title repeats.
        table: TableId,
        /// How many times its body title is printed (at least 2).
        count: usize,
        /// 0-based line index of the second title, if known.
        line: Option<usize>,
    },
    /// The 情况说明 appears twice (two documents pasted together): the text is not compared with
    /// the tables.
    TwoDocuments,
    /// Tables of the 决算 whose kind the checker does not read yet (收入决算表, 三公 决算 …) print
    /// amounts: the document is not all checked, whatever the tables read say.
    UnreadTables {
        /// How many such tables.
        count: usize,
        /// Their titles as printed (without 表N, 一、 …), each once, in title order.
        names: Vec<String>,
        /// 0-based line index of the first one's title.
        line: Option<usize>,
    },
}

impl ParseWarning {
    /// A stable code (`no-tables`, `duplicate-title`, `tables-in-yuan`, `two-documents`).
    pub fn code(&self) -> &'static str {
        match self {
            ParseWarning::NoTables => "no-tables",
            ParseWarning::DuplicateTitle { .. } => "duplicate-title",
            ParseWarning::TwoDocuments => "two-documents",
            ParseWarning::UnreadTables { .. } => "unread-tables",
        }
    }

    /// The 0-based line it is about, if one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ParseWarning::DuplicateTitle { line, .. } | ParseWarning::UnreadTables { line, .. } => *line,
            _ => None,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::Lang::{En, Zh};
        match (self, lang) {
            (ParseWarning::NoTables, Zh) => "未识别到任何预算公开表格（收支总体情况表、支出总体情况表等）".into(),
            (ParseWarning::NoTables, En) => {
                "no table of a budget disclosure was recognised (收支总体情况表, 支出总体情况表, …)".into()
            }
            (ParseWarning::DuplicateTitle { table, count, .. }, Zh) => {
                format!("{} 的标题出现 {count} 次，采用内容最完整的一处", table.as_str())
            }
            (ParseWarning::DuplicateTitle { table, count, .. }, En) => {
                format!("{}'s title is printed {count} times; the most complete copy was read", table.as_str())
            }
            (ParseWarning::TwoDocuments, Zh) => {
                "情况说明出现两次（两份文档？）：文字部分未与表格核对，只核对文字内部的增减幅、占比与合计".into()
            }
            (ParseWarning::TwoDocuments, En) => "the 情况说明 appears twice (two documents?): the text was not compared with the tables; only its own rates, shares and sums were checked".into(),
            (ParseWarning::UnreadTables { count, names, .. }, Zh) => {
                format!("另有 {count} 张决算表（{}）尚未读取，其数字未核对", names.join("、"))
            }
            (ParseWarning::UnreadTables { count, names, .. }, En) => {
                format!("{count} more 决算 tables ({}) are not read yet; their amounts were not checked", names.join(", "))
            }
        }
    }
}
