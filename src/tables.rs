//! Pass 3: find the disclosure tables by their titles and read their rows.
//!
//! Tables are located by title keywords (with or without `表 N`, `部门`/`单位` wording, table of
//! contents entries told apart from body titles). Two body shapes are read:
//! * the balance table T1 (收支总体情况表), income on the left and expenditure by 类 on the right,
//!   possibly merged into one line (HZ-15);
//! * coded tables (T2, T3, T5, …): rows keyed by 类/款/项 codes, tab-separated (blank cells kept)
//!   or space-separated (blank cells lost, names wrapped over lines, HZ-02/HZ-11).
//!
//! Whatever cannot be read with confidence is marked, never guessed: a row whose value columns
//! are ambiguous keeps its amounts as `Cell::Unknown`, and rules skip what depends on them.

use crate::amount::{parse_number, Amount};
use crate::blocks::{self, compact, Line};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TableId {
    T1,
    T2,
    T3,
    T4,
    T5,
    T6,
    T7,
    T8,
    T9,
    T10,
    T11,
}

impl TableId {
    pub const ALL: [TableId; 11] = [
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
    ];

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
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableStatus {
    Checked,
    Partial,
    Empty,
    Unreadable,
    Missing,
}

/// One amount cell after column assignment.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Printed blank: an exact zero.
    Blank,
    Value(Amount),
    /// The row's amounts could not be placed in columns with certainty.
    Unknown,
}

impl Cell {
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
    pub name: String,
    pub is_total: bool,
    /// One cell per value column of the table (empty when the columns are unknown).
    pub cells: Vec<Cell>,
    /// Every amount printed on the row, in printed order.
    pub amounts: Vec<Amount>,
    /// Line index of the row's first line.
    pub line: usize,
    /// Span of the row from its code to its last amount (normalized text).
    pub span: Range<usize>,
    /// Why the row could not be fully read, if it could not.
    pub problem: Option<RowProblem>,
}

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

#[derive(Debug, Clone)]
pub struct CodedTable {
    /// Value column names in printed order (compact), when the header was understood.
    pub columns: Vec<String>,
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

#[derive(Debug, Clone)]
pub struct BalanceItem {
    /// Label without whitespace and without its enumerator (`一、本年收入` → `本年收入`).
    pub label: String,
    /// Label as printed (compact), with its enumerator.
    pub printed: String,
    pub level: IncomeLevel,
    /// 类 code for expenditure lines.
    pub code: Option<String>,
    pub amount: Option<Amount>,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct BalanceTable {
    pub income: Vec<BalanceItem>,
    pub expense: Vec<BalanceItem>,
    pub income_total: Option<BalanceItem>,
    pub expense_total: Option<BalanceItem>,
}

#[derive(Debug, Clone)]
pub enum TableBody {
    Balance(BalanceTable),
    Coded(CodedTable),
}

#[derive(Debug, Clone)]
pub struct Table {
    pub id: TableId,
    pub title: String,
    /// Line index of the title; for a missing table, of its table-of-contents entry.
    pub line: Option<usize>,
    pub title_span: Option<Range<usize>>,
    pub status: TableStatus,
    pub body: Option<TableBody>,
    /// The table says it is empty (为空表 / 未安排 / 没有使用 …).
    pub empty_note: bool,
    /// Line range (indices) of the table region.
    pub region: Range<usize>,
    /// The region holds printed amounts (whether or not rows were read).
    pub has_numbers: bool,
    /// The table runs to the end of the input: its last rows may have been cut off.
    pub at_end: bool,
}

impl Table {
    pub fn row_count(&self) -> usize {
        match &self.body {
            Some(TableBody::Balance(b)) => {
                let n = b.income.len().max(b.expense.len());
                n + usize::from(b.income_total.is_some() || b.expense_total.is_some())
            }
            Some(TableBody::Coded(c)) => c.rows.len(),
            None => 0,
        }
    }

    pub fn coded(&self) -> Option<&CodedTable> {
        match &self.body {
            Some(TableBody::Coded(c)) => Some(c),
            _ => None,
        }
    }

    pub fn balance(&self) -> Option<&BalanceTable> {
        match &self.body {
            Some(TableBody::Balance(b)) => Some(b),
            _ => None,
        }
    }
}

/// A parse-level observation for the report (never a finding about the document's numbers).
#[derive(Debug, Clone, Serialize)]
pub struct ParseWarning {
    pub code: &'static str,
    pub message: String,
    pub line: Option<usize>,
}

// ---------------------------------------------------------------------------------------------
// Titles

struct TitleHit {
    id: TableId,
    line: usize,
    toc: bool,
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// Strip `表 3`, `表3:`, `表三、`, `- `, `一、`, `1.` and similar prefixes. Returns the rest and
/// whether the prefix marks a table-of-contents entry (a list dash or a Chinese enumerator).
fn strip_title_prefix(c: &str) -> (&str, bool) {
    let mut s = c;
    let mut toc = false;
    if let Some(r) = s.strip_prefix('-') {
        s = r;
        toc = true;
    }
    if let Some(r) = s.strip_prefix('表') {
        let r2 = r.trim_start_matches(|ch: char| ch.is_ascii_digit() || CHINESE_NUMERALS.contains(ch));
        if r2.len() < r.len() {
            s = r2.trim_start_matches([':', '、', '.', ' ']);
        }
    }
    let r = s.trim_start_matches(|ch: char| CHINESE_NUMERALS.contains(ch));
    if r.len() < s.len() && r.starts_with('、') {
        s = &r['、'.len_utf8()..];
        toc = true;
    }
    let r = s.trim_start_matches(|ch: char| ch.is_ascii_digit());
    if r.len() < s.len() && (r.starts_with('、') || r.starts_with('.')) && !r.starts_with(".0") {
        s = r.trim_start_matches(['、', '.']);
        toc = true;
    }
    (s, toc)
}

/// Recognise a table title in a compact line.
fn classify_title(c: &str) -> Option<(TableId, bool)> {
    if c.chars().count() > 48 || c.contains(['。', ',', ';', '，', '；']) || c.contains("为空表") {
        return None;
    }
    // Final accounts (决算) tables follow other identities; they are not read yet.
    if c.contains("决算") {
        return None;
    }
    let (mut s, toc) = strip_title_prefix(c);
    // Table-of-contents dot leaders and page numbers.
    let mut toc = toc;
    let trimmed = s.trim_end_matches(|ch: char| ch.is_ascii_digit()).trim_end_matches(['.', '…', '·']);
    if trimmed.len() < s.len() && trimmed.ends_with('表') {
        s = trimmed;
        toc = true;
    }
    if !s.ends_with('表') {
        return None;
    }
    let id = if s.contains("三公") {
        TableId::T10
    } else if s.ends_with("结转结余情况明细表") || s.ends_with("结转结余情况表") {
        TableId::T11
    } else if s.contains("财政拨款收支") {
        TableId::T4
    } else if s.contains("一般公共预算基本支出") {
        TableId::T6
    } else if s.contains("一般公共预算项目支出") {
        TableId::T7
    } else if s.contains("一般公共预算支出") || s.contains("一般公共预算财政拨款支出") {
        TableId::T5
    } else if s.contains("政府性基金预算支出") {
        TableId::T8
    } else if s.contains("国有资本经营预算支出") {
        TableId::T9
    } else if ["收支总体情况表", "收支总表", "收支预算总表", "收支预算总体情况表"].iter().any(|k| s.ends_with(k)) {
        TableId::T1
    } else if ["收入总体情况表", "收入总表", "收入预算总表", "收入预算表"].iter().any(|k| s.ends_with(k)) {
        TableId::T2
    } else if ["支出总体情况表", "支出总表", "支出预算总表", "支出预算表"].iter().any(|k| s.ends_with(k)) {
        TableId::T3
    } else {
        return None;
    };
    // The part before the keyword (entity, year, 部门/单位) must stay short.
    if s.chars().count() > 36 {
        return None;
    }
    Some((id, toc))
}

fn is_section_break(c: &str) -> bool {
    c.starts_with('第') && c.chars().take(6).collect::<String>().contains("部分")
}

const EMPTY_NOTES: [&str; 5] = ["为空表", "此表为空", "本表为空", "无数据", "空表"];

// ---------------------------------------------------------------------------------------------
// Whole-document pass

/// The tables of a document, in table order T1…T11, plus parse warnings.
pub fn find_tables(text: &str, lines: &[Line]) -> (Vec<Table>, Vec<ParseWarning>) {
    let mut warnings = Vec::new();
    let compacts: Vec<String> = lines.iter().map(|l| compact(&text[l.span.clone()])).collect();
    let mut hits: Vec<TitleHit> = Vec::new();
    let mut breaks: Vec<usize> = Vec::new();
    for (i, c) in compacts.iter().enumerate() {
        if let Some((id, toc)) = classify_title(c) {
            hits.push(TitleHit { id, line: i, toc });
        } else if is_section_break(c) {
            breaks.push(i);
        }
    }
    // Every title and section break ends the region before it.
    let mut bounds: Vec<usize> = hits.iter().map(|h| h.line).chain(breaks.iter().copied()).collect();
    bounds.sort_unstable();
    let region_end = |start: usize| -> usize {
        let i = bounds.partition_point(|&b| b <= start);
        bounds.get(i).copied().unwrap_or(lines.len())
    };

    let mut tables = Vec::new();
    for id in TableId::ALL {
        let body_hits: Vec<&TitleHit> = hits.iter().filter(|h| h.id == id && !h.toc).collect();
        let toc_hit = hits.iter().find(|h| h.id == id && h.toc);
        let mut best: Option<Table> = None;
        for h in &body_hits {
            let region = h.line + 1..region_end(h.line);
            let t = read_table(id, text, lines, &compacts, h.line, region);
            let better = match &best {
                None => true,
                Some(b) => t.row_count() > b.row_count(),
            };
            if better {
                best = Some(t);
            }
        }
        if body_hits.len() > 1 {
            warnings.push(ParseWarning {
                code: "duplicate-title",
                message: format!("{} 的标题出现 {} 次，采用行数最多的一处", id.as_str(), body_hits.len()),
                line: body_hits.get(1).map(|h| h.line),
            });
        }
        match best {
            Some(t) => tables.push(t),
            None => {
                if let Some(h) = toc_hit {
                    tables.push(Table {
                        id,
                        title: compacts[h.line].clone(),
                        line: Some(h.line),
                        title_span: Some(lines[h.line].span.clone()),
                        status: TableStatus::Missing,
                        body: None,
                        empty_note: false,
                        region: h.line..h.line,
                        has_numbers: false,
                        at_end: false,
                    });
                }
            }
        }
    }
    (tables, warnings)
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
        !skip_line(s) && segments(s, l.span.start).iter().any(|g| matches!(g, Seg::Num(a, _) if a.decimals > 0))
    });
    let body = match id {
        TableId::T1 => Some(TableBody::Balance(read_balance(text, region_lines))),
        _ => Some(TableBody::Coded(read_coded(id, text, region_lines))),
    };
    let mut t = Table {
        id,
        title: compacts[title_line].clone(),
        line: Some(title_line),
        title_span: Some(lines[title_line].span.clone()),
        status: TableStatus::Unreadable,
        body,
        empty_note,
        region,
        has_numbers,
        at_end: false,
    };
    t.at_end = t.region.end >= lines.len();
    t.status = initial_status(&t);
    t
}

/// Status from what was read; rules may lower `checked` to `partial` when they skip checks.
fn initial_status(t: &Table) -> TableStatus {
    match &t.body {
        Some(TableBody::Balance(b)) => {
            let any_amount = b.income.iter().chain(b.expense.iter()).any(|i| i.amount.is_some());
            if b.income_total.is_none() && b.expense_total.is_none() && !any_amount {
                if t.empty_note {
                    TableStatus::Empty
                } else {
                    TableStatus::Unreadable
                }
            } else {
                TableStatus::Checked
            }
        }
        Some(TableBody::Coded(c)) => {
            let any_amount = c.rows.iter().any(|r| !r.amounts.is_empty());
            if !any_amount {
                if t.empty_note {
                    TableStatus::Empty
                } else if t.has_numbers {
                    // Recognised, with amounts this reader cannot place in rows yet.
                    TableStatus::Partial
                } else {
                    TableStatus::Unreadable
                }
            } else if c.columns.is_empty() || c.rows.iter().any(|r| r.problem.is_some()) {
                TableStatus::Partial
            } else {
                TableStatus::Checked
            }
        }
        None => TableStatus::Unreadable,
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens shared by both readers

#[derive(Debug, Clone)]
enum Seg {
    Text(String, Range<usize>),
    Num(Amount, String),
}

/// Split a line into runs of text and printed numbers (tabs and spaces both separate).
fn segments(line_text: &str, line_start: usize) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::new();
    for cell in blocks::cells(line_text, line_start) {
        for w in blocks::words(cell.text, cell.start) {
            if let Some((value, decimals)) = parse_number(w.text) {
                out.push(Seg::Num(Amount { value, decimals, span: w.span() }, w.text.to_string()));
            } else {
                match out.last_mut() {
                    Some(Seg::Text(t, span)) => {
                        t.push_str(w.text);
                        span.end = w.span().end;
                    }
                    _ => out.push(Seg::Text(w.text.to_string(), w.span())),
                }
            }
        }
    }
    out
}

fn is_class_code(raw: &str) -> bool {
    raw.len() == 3 && raw.starts_with('2') && raw.bytes().all(|b| b.is_ascii_digit())
}

/// `表 2`, `表2:`, `表三`: the label of the next table, printed on a line of its own.
fn is_table_label(s: &str) -> bool {
    let c = compact(s);
    c.strip_prefix('表').is_some_and(|r| {
        let r = r.trim_end_matches([':', '、', '.']);
        !r.is_empty() && r.chars().all(|ch| ch.is_ascii_digit() || CHINESE_NUMERALS.contains(ch))
    })
}

fn skip_line(s: &str) -> bool {
    blocks::is_page_furniture(s) || blocks::is_revision_mark(s) || is_table_label(s)
}

// ---------------------------------------------------------------------------------------------
// T1: the balance table

fn strip_enumerator(label: &str) -> (String, IncomeLevel) {
    let (rest, toc) = strip_title_prefix(label);
    let level = if label.starts_with(|c: char| CHINESE_NUMERALS.contains(c)) && toc {
        IncomeLevel::Top
    } else if toc {
        IncomeLevel::Numbered
    } else {
        IncomeLevel::Sub
    };
    let rest = rest.strip_prefix("其中:").unwrap_or(rest);
    (rest.to_string(), level)
}

fn balance_item(label: &str, amount: Option<Amount>, code: Option<String>, line: usize) -> BalanceItem {
    let (clean, level) = strip_enumerator(label);
    BalanceItem { label: clean, printed: label.to_string(), level, code, amount, line }
}

fn is_income_total(label: &str) -> bool {
    label.contains("收入总计") || label == "收入合计"
}

fn is_expense_total(label: &str) -> bool {
    label.contains("支出总计") || label == "支出合计"
}

fn read_balance(text: &str, lines: &[Line]) -> BalanceTable {
    let mut t = BalanceTable::default();
    for l in lines {
        let s = &text[l.span.clone()];
        if s.trim().is_empty() || skip_line(s) {
            continue;
        }
        let segs = segments(s, l.span.start);
        // The expenditure side starts at a 类 code followed by its name, or at 支出总计.
        let split = segs.iter().enumerate().position(|(k, seg)| match seg {
            Seg::Num(_, raw) => is_class_code(raw) && matches!(segs.get(k + 1), Some(Seg::Text(..))),
            Seg::Text(label, _) => is_expense_total(label),
        });
        let (left, right) = segs.split_at(split.unwrap_or(segs.len()));
        read_balance_side(left, l.index, &mut t, true);
        read_balance_side(right, l.index, &mut t, false);
    }
    t
}

fn read_balance_side(segs: &[Seg], line: usize, t: &mut BalanceTable, income: bool) {
    let mut i = 0;
    while i < segs.len() {
        let (code, label) = match (&segs[i], segs.get(i + 1)) {
            (Seg::Num(_, raw), Some(Seg::Text(name, _))) if !income && is_class_code(raw) => {
                i += 2;
                (Some(raw.clone()), name.clone())
            }
            (Seg::Text(label, _), _) => {
                i += 1;
                (None, label.clone())
            }
            // A number without a label: not part of any item we can name.
            (Seg::Num(..), _) => {
                i += 1;
                continue;
            }
        };
        let amount = match segs.get(i) {
            Some(Seg::Num(a, _)) => {
                i += 1;
                Some(a.clone())
            }
            _ => None,
        };
        // Header words (收入 / 支出 / 项目 / 预算数 / 功能分类) carry no amount.
        if amount.is_none() && code.is_none() && is_header_word(&label) {
            continue;
        }
        let item = balance_item(&label, amount, code.clone(), line);
        if income && is_income_total(&item.label) {
            t.income_total = Some(item);
        } else if !income && is_expense_total(&item.label) {
            t.expense_total = Some(item);
        } else if income {
            t.income.push(item);
        } else if code.is_some() || item.amount.is_some() || !t.expense.is_empty() {
            t.expense.push(item);
        }
    }
}

fn is_header_word(label: &str) -> bool {
    const HEADERS: [&str; 12] = [
        "收入", "支出", "项目", "预算数", "功能分类", "项目预算数", "项目预算数功能分类预算数", "收入支出", "金额",
        "编制部门", "编制单位", "单位:万元",
    ];
    HEADERS.contains(&label) || label.starts_with("编制") || label.starts_with("单位:")
}

// ---------------------------------------------------------------------------------------------
// Coded tables

/// Value columns of the expenditure tables T3/T5 (forward order only for now).
fn expenditure_columns(header: &str) -> Vec<String> {
    let total = header.find("合计").or_else(|| header.find("总计"));
    let basic = header.find("基本支出");
    let project = header.find("项目支出");
    match (total, basic, project) {
        (Some(t), Some(b), Some(p)) if t < b && b < p => {
            let mut cols = vec!["合计".to_string(), "基本支出".to_string(), "项目支出".to_string()];
            // Extra columns of some templates make the layout something we do not read yet.
            for extra in ["上缴上级支出", "事业单位经营支出", "对附属单位补助支出"] {
                if header.contains(extra) {
                    cols.clear();
                }
            }
            cols
        }
        _ => Vec::new(),
    }
}

struct PendingRow {
    code_parts: Vec<String>,
    name: String,
    is_total: bool,
    amounts: Vec<Amount>,
    positional: Option<Vec<Option<Amount>>>,
    unreadable_cell: bool,
    line: usize,
    span: Range<usize>,
}

fn full_code(parts: &[String]) -> Option<String> {
    let joined: String = parts.concat();
    match (parts.len(), joined.len()) {
        (_, 3) | (_, 5) | (_, 7) if joined.bytes().all(|b| b.is_ascii_digit()) => Some(joined),
        _ => None,
    }
}

/// Leading code words of a space-separated row: `208`, `208 01`, `208 01 01`, or `2080101`.
fn code_prefix(words: &[blocks::Tok<'_>]) -> usize {
    let Some(first) = words.first() else { return 0 };
    let f = first.text;
    let digits = f.bytes().all(|b| b.is_ascii_digit());
    if digits && (f.len() == 5 || f.len() == 7) && f.starts_with('2') {
        return 1;
    }
    if !(digits && is_class_code(f)) {
        return 0;
    }
    let mut n = 1;
    while n < 3 {
        match words.get(n) {
            Some(w) if w.text.len() == 2 && w.text.bytes().all(|b| b.is_ascii_digit()) => n += 1,
            _ => break,
        }
    }
    n
}

fn is_total_label(c: &str) -> bool {
    matches!(c, "合计" | "总计")
}

fn read_coded(id: TableId, text: &str, lines: &[Line]) -> CodedTable {
    let mut header = String::new();
    let mut rows: Vec<CodedRow> = Vec::new();
    let mut pending: Option<PendingRow> = None;
    let mut seen_row = false;

    for l in lines {
        let s = &text[l.span.clone()];
        if s.trim().is_empty() || skip_line(s) {
            continue;
        }
        let started = if s.contains('\t') {
            start_tab_row(s, l)
        } else {
            start_space_row(s, l)
        };
        match started {
            Some(row) => {
                if let Some(p) = pending.take() {
                    rows.push(finish_row(p));
                }
                seen_row = true;
                pending = Some(row);
            }
            None => {
                // Continuation of a wrapped row: more name text, or its amounts.
                let segs = segments(s, l.span.start);
                let all_numbers = !segs.is_empty() && segs.iter().all(|g| matches!(g, Seg::Num(..)));
                match pending.as_mut() {
                    Some(p) if p.positional.is_none() && all_numbers => {
                        for g in segs {
                            if let Seg::Num(a, _) = g {
                                p.span.end = a.span.end;
                                p.amounts.push(a);
                            }
                        }
                    }
                    Some(p) if p.positional.is_none() && p.amounts.is_empty() && looks_like_name_part(&compact(s)) => {
                        // Text before any amount: the name wrapped (HZ-02).
                        p.name.push_str(&compact(s));
                    }
                    Some(_) => {
                        // Anything else closes the row.
                        if let Some(p) = pending.take() {
                            rows.push(finish_row(p));
                        }
                        if !seen_row {
                            header.push_str(&compact(s));
                        }
                    }
                    None => {
                        if !seen_row {
                            header.push_str(&compact(s));
                        }
                    }
                }
            }
        }
    }
    if let Some(p) = pending.take() {
        rows.push(finish_row(p));
    }
    let columns = match id {
        TableId::T3 | TableId::T5 => expenditure_columns(&header),
        _ => Vec::new(),
    };
    for r in &mut rows {
        assign_columns(r, columns.len());
    }
    CodedTable { columns, rows }
}

fn looks_like_name_part(c: &str) -> bool {
    !c.is_empty() && c.chars().count() <= 30 && !c.contains(['。', ':']) && !c.starts_with("单位")
}

fn start_tab_row(s: &str, l: &Line) -> Option<PendingRow> {
    let cells = blocks::cells(s, l.span.start);
    let mut code_parts = Vec::new();
    let mut k = 0;
    while k < cells.len() && k < 3 {
        let c = cells[k].text;
        if c.is_empty() {
            k += 1;
        } else if c.bytes().all(|b| b.is_ascii_digit()) && matches!(c.len(), 2 | 3 | 5 | 7) {
            code_parts.push(c.to_string());
            k += 1;
        } else {
            break;
        }
    }
    // The name: the first non-empty cell after the code cells.
    while k < cells.len() && cells[k].text.is_empty() {
        k += 1;
    }
    let name_cell = cells.get(k)?;
    let name = compact(name_cell.text);
    let is_total = code_parts.is_empty() && is_total_label(&name);
    let code = full_code(&code_parts);
    if code.is_none() && !is_total {
        return None;
    }
    if name.is_empty() || parse_number(name_cell.text).is_some() {
        return None;
    }
    let mut positional = Vec::new();
    let mut amounts = Vec::new();
    let mut unreadable_cell = false;
    let mut end = name_cell.span().end;
    for c in &cells[k + 1..] {
        if c.text.is_empty() {
            positional.push(None);
        } else if let Some((value, decimals)) = parse_number(c.text) {
            let a = Amount { value, decimals, span: c.span() };
            end = a.span.end;
            amounts.push(a.clone());
            positional.push(Some(a));
        } else if c.text == "-" || c.text == "—" {
            positional.push(None);
        } else {
            unreadable_cell = true;
            positional.push(None);
        }
    }
    Some(PendingRow {
        code_parts,
        name,
        is_total,
        amounts,
        positional: Some(positional),
        unreadable_cell,
        line: l.index,
        span: cells.first().map_or(l.span.start, |c| c.start)..end,
    })
}

fn start_space_row(s: &str, l: &Line) -> Option<PendingRow> {
    let words = blocks::words(s, l.span.start);
    let ncode = code_prefix(&words);
    let code_parts: Vec<String> = words[..ncode].iter().map(|w| w.text.to_string()).collect();
    // Amounts: the trailing run of numbers.
    let mut first_num = words.len();
    while first_num > ncode && parse_number(words[first_num - 1].text).is_some() {
        first_num -= 1;
    }
    let name: String = words[ncode..first_num].iter().map(|w| w.text).collect();
    let is_total = ncode == 0 && is_total_label(&name);
    if ncode == 0 && !is_total {
        return None;
    }
    if ncode > 0 && full_code(&code_parts).is_none() {
        return None;
    }
    let amounts: Vec<Amount> = words[first_num..]
        .iter()
        .filter_map(|w| parse_number(w.text).map(|(value, decimals)| Amount { value, decimals, span: w.span() }))
        .collect();
    let end = amounts.last().map_or(l.span.end, |a| a.span.end);
    Some(PendingRow {
        code_parts,
        name,
        is_total,
        amounts,
        positional: None,
        unreadable_cell: false,
        line: l.index,
        span: words.first().map_or(l.span.start, |w| w.start)..end,
    })
}

fn finish_row(p: PendingRow) -> CodedRow {
    let code = if p.is_total { None } else { full_code(&p.code_parts) };
    CodedRow {
        code,
        name: p.name,
        is_total: p.is_total,
        cells: p.positional.map(|v| v.into_iter().map(|c| c.map_or(Cell::Blank, Cell::Value)).collect()).unwrap_or_default(),
        amounts: p.amounts,
        line: p.line,
        span: p.span,
        problem: p.unreadable_cell.then_some(RowProblem::UnreadableCell),
    }
}

/// Place a row's amounts into `ncols` value columns. Tab rows keep positions (extra trailing
/// cells must be blank); space rows are placed only when every column is printed, or when the
/// single missing amounts can only be blanks of the part columns (then the parts are `Unknown`).
fn assign_columns(r: &mut CodedRow, ncols: usize) {
    if ncols == 0 {
        r.cells.clear();
        return;
    }
    if r.problem.is_some() {
        r.cells = vec![Cell::Unknown; ncols];
        return;
    }
    if !r.cells.is_empty() {
        // Tab-separated: positions are the columns.
        let extra_filled = r.cells.iter().skip(ncols).any(|c| !matches!(c, Cell::Blank));
        if extra_filled {
            r.cells = vec![Cell::Unknown; ncols];
            r.problem = Some(RowProblem::TooManyAmounts);
        } else {
            r.cells.resize(ncols, Cell::Blank);
        }
        return;
    }
    let n = r.amounts.len();
    if n == ncols {
        r.cells = r.amounts.iter().cloned().map(Cell::Value).collect();
    } else if n > ncols {
        r.cells = vec![Cell::Unknown; ncols];
        r.problem = Some(RowProblem::TooManyAmounts);
    } else if n == 0 {
        r.cells = vec![Cell::Blank; ncols];
    } else if n == 1 {
        // Only a total survives: its parts may have been lost in extraction.
        r.cells = vec![Cell::Unknown; ncols];
        r.cells[0] = Cell::Value(r.amounts[0].clone());
        r.problem = Some(RowProblem::TooFewAmounts);
    } else {
        // The first printed amount is the total column; the others lost their blank neighbours.
        r.cells = vec![Cell::Unknown; ncols];
        r.cells[0] = Cell::Value(r.amounts[0].clone());
        r.problem = Some(RowProblem::AmbiguousColumns);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(classify_title("部门收支总体情况表"), Some((TableId::T1, false)));
        assert_eq!(classify_title("-一、部门收支总体情况表"), Some((TableId::T1, true)));
        assert_eq!(classify_title("一、单位收支总体情况表"), Some((TableId::T1, true)));
        assert_eq!(classify_title("表1:单位收支总体情况表"), Some((TableId::T1, false)));
        assert_eq!(classify_title("财政拨款收支预算总体情况表"), Some((TableId::T4, false)));
        assert_eq!(classify_title("一般公共预算支出情况表"), Some((TableId::T5, false)));
        assert_eq!(classify_title("一般公共预算基本支出情况表"), Some((TableId::T6, false)));
        assert_eq!(classify_title("部门支出总体情况表"), Some((TableId::T3, false)));
        assert_eq!(classify_title("财政拨款“三公”经费支出情况表"), Some((TableId::T10, false)));
        assert_eq!(classify_title("上年结转结余情况明细表"), Some((TableId::T11, false)));
        assert_eq!(classify_title("部门收支总表......5"), Some((TableId::T1, true)));
        assert_eq!(classify_title("政府性基金预算支出情况表为空表。"), None);
        assert_eq!(classify_title("收入支出决算总表"), None);
    }

    #[test]
    fn balance_line_splits_at_class_code() {
        let s = "2.政府性基金预算拨款  205 教育支出 0.86";
        let mut t = BalanceTable::default();
        let segs = segments(s, 0);
        let split = segs.iter().position(|g| matches!(g, Seg::Num(_, raw) if raw == "205")).unwrap();
        read_balance_side(&segs[..split], 0, &mut t, true);
        read_balance_side(&segs[split..], 0, &mut t, false);
        assert_eq!(t.income.len(), 1);
        assert!(t.income[0].amount.is_none());
        assert_eq!(t.income[0].level, IncomeLevel::Numbered);
        assert_eq!(t.expense[0].code.as_deref(), Some("205"));
        assert_eq!(t.expense[0].amount.as_ref().unwrap().value.to_string(), "0.86");
    }

    #[test]
    fn space_rows_wrap_and_stay_ambiguous() {
        let text = "科目 合计 基本支出 项目支出\n208 01\n人力资源和社会保障管\n理事务\n206.32 202.32 4.00\n208 01 09 社会保险经办机构 202.32 202.32\n";
        let ls = blocks::lines(text);
        let t = read_coded(TableId::T3, text, &ls);
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].code.as_deref(), Some("20801"));
        assert_eq!(t.rows[0].name, "人力资源和社会保障管理事务");
        assert_eq!(t.rows[0].cells.len(), 3);
        assert!(t.rows[0].problem.is_none());
        assert_eq!(t.rows[1].problem, Some(RowProblem::AmbiguousColumns));
        assert_eq!(t.rows[1].cells[1], Cell::Unknown);
    }
}
