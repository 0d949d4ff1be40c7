//! Coded tables (T2, T3, T5–T9): rows keyed by 类/款/项 codes.
//!
//! Three printed shapes are read:
//! * tab-separated, blank cells kept: cells are columns (from where the header's first value
//!   column stands);
//! * space-separated, forward: `208 01 01 行政运行 1,103.51 1,103.51`, names wrapped over lines
//!   (code line, name lines, amounts line), blank cells lost (HZ-02, HZ-11);
//! * reversed, glued: `5083.57216.625300.19社会保障和就业支出208`, codes `0101208` (HZ-03/04).
//!
//! Amounts whose column cannot be known stay `Cell::Unknown`.

use super::grid::HeaderCell;
use super::{is_class_code, is_total_label, skip_line, Cell, CodedRow, CodedTable, RowProblem, TableId};
use crate::amount::{parse_number, Amount};
use crate::lex::{lex, Lex, Token};
use crate::lines::{self, compact, Line};
use rust_decimal::Decimal;
use std::ops::Range;

// ---------------------------------------------------------------------------------------------
// Columns

/// Value columns of a table from its header text (compact), in the template's column order.
/// Empty when the header is not understood: then no column-dependent check runs.
pub fn columns(id: TableId, header: &str) -> Vec<String> {
    let has = |k: &str| header.contains(k);
    let cols: Vec<&str> = match id {
        TableId::T3
        | TableId::T5
        | TableId::FisSpend
        | TableId::EconSpend
        | TableId::FinalSpend
        | TableId::FinalGpb => spending_columns(header),
        TableId::T6 | TableId::FisBasic | TableId::BasicFunc | TableId::FinalBasic => {
            // 人员支出 / 日常公用支出 are other provinces' words for 人员经费 / 公用经费.
            let personnel = has("人员经费") || has("人员支出");
            let public = has("公用经费") || has("公用支出");
            if (has("合计") || has("总计") || has("小计")) && personnel && public && !has("项目支出") {
                vec!["合计", "人员经费", "公用经费"]
            } else if single_amount_column(header) {
                vec!["合计"]
            } else {
                vec![]
            }
        }
        TableId::T8 | TableId::T9 => {
            if has("合计") && has("人员经费") && has("公用经费") && has("项目支出") {
                vec!["合计", "人员经费", "公用经费", "项目支出"]
            } else if has("合计") && has("基本支出") && has("项目支出") {
                // The 2023 template: 基本支出 is not split into 人员经费 / 公用经费.
                vec!["合计", "基本支出", "项目支出"]
            } else {
                vec![]
            }
        }
        TableId::T2 | TableId::FinalIncome => {
            let need = [
                "小计",
                "一般公共预算",
                "上级一般公共",
                "上级政府性基金",
                "国有资本经营",
                "财政专户",
                "单位资金",
                "结转",
            ];
            if (has("总计") || has("合计")) && need.iter().all(|k| has(k)) {
                let mut v = vec![
                    "总计",
                    "财政拨款(补助)小计",
                    "一般公共预算",
                    "上级一般公共预算安排的转移支付",
                    "政府性基金预算",
                    "上级政府性基金安排的转移支付",
                    "国有资本经营预算",
                ];
                if has("上级国有资本") {
                    v.push("上级国有资本经营预算安排的转移支付");
                }
                v.extend(["财政专户(教育收费)", "单位资金", "财政拨款结转", "非财政拨款结转结余"]);
                v
            } else {
                flat_income_columns(header)
            }
        }
        TableId::ProjSrc => flat_income_columns(header),
        TableId::T7 => t7_columns(header),
        TableId::FinalGf => fund_final_columns(header),
        TableId::FinalSoe => {
            if has("合计") || has("小计") {
                spending_columns(&header.replace("本年支出", "").replace("小计", "合计"))
            } else {
                vec![]
            }
        }
        _ => vec![],
    };
    cols.into_iter().map(String::from).collect()
}

/// The columns of a 支出总表 (T3) or 一般公共预算支出表 (T5) header, in the layouts this reader
/// knows; none for another.
fn spending_columns(header: &str) -> Vec<&'static str> {
    let has = |k: &str| header.contains(k);
    // Other value columns (上年/本年 pairs, 人员/公用 sub-columns, 经营支出 …) make this
    // a different layout than the three columns assumed here.
    let extra = ["上缴上级", "经营支出", "附属单位", "上年", "本年", "人员经费", "公用经费", "小计", "增减", "执行数"]
        .iter()
        .any(|k| has(k));
    // 基本支出 printed as its two parts (`合计 人员经费支出 公用经费支出 专项业务经费支出`).
    let other = ["上缴上级", "经营支出", "附属单位", "上年", "本年", "小计", "增减", "执行数"].iter().any(|k| has(k));
    let project = has("项目支出") || has("专项业务经费");
    // Another year's column beside this year's (`2025年预算数 | 2026年预算数`).
    let years = header.matches("年预算").count() >= 2 || has("上年") || has("执行数");
    let parts = has("人员经费") && has("公用经费");
    if (has("合计") || has("总计")) && has("基本支出") && has("项目支出") && !extra {
        vec!["合计", "基本支出", "项目支出"]
    } else if (has("合计") || has("总计"))
        && has("基本支出")
        && has("项目支出")
        && has("小计")
        && parts
        && !years
        && !["上缴上级", "经营支出", "附属单位", "增减", "其中"].iter().any(|k| has(k))
    {
        // 基本支出 printed as 小计 with its two parts under it.
        vec!["合计", "基本支出", "人员经费", "公用经费", "项目支出"]
    } else if (has("合计") || has("总计"))
        && has("人员经费")
        && has("公用经费")
        && project
        && !has("基本支出")
        && !other
    {
        vec!["合计", "人员经费", "公用经费", "项目支出"]
    } else if let Some(cols) = flat_expenditure_columns(header) {
        cols
    } else if single_amount_column(header) {
        vec!["合计"]
    } else {
        vec![]
    }
}

/// The columns after 基本支出 and 项目支出 in the Ministry of Finance's 支出总表, in its order.
const OTHER_SPENDING: [(&str, &str); 3] =
    [("经营支出", "事业单位经营支出"), ("上缴上级", "上缴上级支出"), ("附属单位", "对附属单位补助支出")];

/// `合计 | 基本支出 | 项目支出 | 事业单位经营支出 | 上缴上级支出 | 对附属单位补助支出`: every
/// column after the total is a part of it (no 小计, 其中 or 人员/公用 sub-columns, no other year).
fn flat_expenditure_columns(header: &str) -> Option<Vec<&'static str>> {
    let has = |k: &str| header.contains(k);
    let others: Vec<&'static str> = OTHER_SPENDING.iter().filter(|(k, _)| has(k)).map(|(_, name)| *name).collect();
    let nested = ["人员", "公用", "小计", "其中", "上年", "本年", "增减", "执行数"].iter().any(|k| has(k));
    let flat = (has("合计") || has("总计")) && has("基本支出") && has("项目支出") && !others.is_empty() && !nested;
    flat.then(|| ["合计", "基本支出", "项目支出"].into_iter().chain(others).collect())
}

/// One value column (`科目编码 科目名称 金额`, `… 预算`): its rollups are still checked.
fn single_amount_column(header: &str) -> bool {
    let split = ["基本支出", "项目支出", "人员", "公用", "小计", "合计", "总计", "上年", "本年", "执行数", "增减"];
    // (`部门预算支出经济科目  预算`: the one value column headed 预算 or 预算数 after the labels.)
    let one = header.contains("金额") || ["预算", "预算数", "决算数"].iter().any(|k| header.ends_with(k));
    one && !split.iter().any(|k| header.contains(k))
}

/// The income sources a 收入总表 header may name, by a prefix that survives words wrapped over
/// header lines (`一般公共预` / `算拨款收入`).
const INCOME_SOURCES: [&str; 14] = [
    "财政拨款",
    "一般公共",
    "政府性基金",
    "国有资本",
    "财政专户",
    "事业收入",
    "上级补助",
    "附属单位",
    "经营收入",
    "其他收入",
    "上年结转",
    "单位资金",
    "事业基金",
    "其他资金",
];

/// Generic names of a flat 收入总表's source columns (their order in the header is not known).
const SOURCE_COLUMNS: [&str; INCOME_SOURCES.len()] = [
    "来源1", "来源2", "来源3", "来源4", "来源5", "来源6", "来源7", "来源8", "来源9", "来源10", "来源11", "来源12",
    "来源13", "来源14",
];

/// A flat 收入总表 (总计, then one column per income source, no 小计 or 其中 column): the total
/// and one generically named column per source the header names. Its one identity, 总计 = Σ
/// sources, holds whatever the sources' order; cross-table rules, which look columns up by name,
/// leave it alone.
fn flat_income_columns(header: &str) -> Vec<&'static str> {
    let total = header.contains("总计") || header.contains("合计");
    let nested = header.contains("小计") || header.contains("其中");
    let n = INCOME_SOURCES.iter().filter(|k| header.contains(*k)).count();
    if !total || nested || n < 2 {
        return vec![];
    }
    std::iter::once("总计").chain(SOURCE_COLUMNS.iter().take(n).copied()).collect()
}

/// A flat 收入总表 whose header words cannot be placed (printed tighter than its amounts) but
/// whose every row prints every cell (`16,410.71  16,410.71  0.00  0.00 …`): 总计 and one
/// numbered source per further amount, when 总计 = Σ sources is [`confirmed`] by its rows.
fn uniform_sources(header: &str, rows: &[CodedRow]) -> Option<Vec<String>> {
    let nested = header.contains("小计") || header.contains("其中");
    let n = rows.first()?.amounts.len();
    if nested || n < 3 || n > SOURCE_COLUMNS.len() + 1 || rows.iter().any(|r| r.amounts.len() != n) {
        return None;
    }
    confirmed(rows.iter().map(first_is_sum))?;
    Some(std::iter::once("总计").chain(SOURCE_COLUMNS.iter().take(n - 1).copied()).map(String::from).collect())
}

/// The carry-over columns of a 政府性基金 决算表, by the words that name them.
const FUND_FINAL: [(&str, &str); 3] =
    [("年初", "年初结转和结余"), ("本年收入", "本年收入"), ("年末", "年末结转和结余")];

/// A 政府性基金预算财政拨款收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 (合计 | 基本支出 |
/// 项目支出) | 年末结转和结余, the template's order, when the header names all six.
fn fund_final_columns(header: &str) -> Vec<&'static str> {
    let spending = ["基本支出", "项目支出"].iter().all(|k| header.contains(k)) && header.contains("小计");
    if !spending || !FUND_FINAL.iter().all(|(k, _)| header.contains(k)) {
        return vec![];
    }
    vec!["年初结转和结余", "本年收入", "合计", "基本支出", "项目支出", "年末结转和结余"]
}

/// T7: 项目支出合计, then the economic classes the header names, in the template's order.
fn t7_columns(header: &str) -> Vec<&'static str> {
    if !(header.contains("项目支出合计") || header.contains("合计")) {
        return vec![];
    }
    let count = |k: &str| header.matches(k).count();
    let mut v = vec!["项目支出合计"];
    let classes: [(&'static str, usize); 10] = [
        ("工资福利支出", count("工资福利支出")),
        ("商品和服务支出", count("商品和服务支出") + count("商品服务支出")),
        ("对个人和家庭的补助", count("对个人和家庭的补助")),
        ("债务利息及费用支出", count("债务利息及费用支出")),
        ("资本性支出(基本建设)", count("资本性支出(基本建设)")),
        ("资本性支出", count("资本性支出") - count("资本性支出(基本建设)")),
        ("对企业补助(基本建设)", count("对企业补助(基本建设)")),
        ("对企业补助", count("对企业补助") - count("对企业补助(基本建设)")),
        ("对社会保障基金补助", count("对社会保障基金补助")),
        ("其他支出", count("其他支出")),
    ];
    v.extend(classes.iter().filter(|(_, n)| *n > 0).map(|(k, _)| *k));
    if v.len() < 3 {
        return vec![];
    }
    v
}

/// Keywords that open the value columns in a tab-separated header line.
const FIRST_VALUE_KEYS: [&str; 4] = ["项目支出合计", "总计", "合计", "支出合计"];

/// In a tab-separated header line, the cell index where the value columns start.
fn value_start(line: &str) -> Option<usize> {
    if !line.contains('\t') {
        return None;
    }
    line.split('\t').position(|c| {
        let c = compact(c);
        FIRST_VALUE_KEYS.contains(&c.as_str())
    })
}

// ---------------------------------------------------------------------------------------------
// Codes

/// A code read left to right: `208`, `208 01 01` (three tokens) or `2080101`.
fn forward_code(ts: &[Token]) -> Option<(String, usize)> {
    let first = ts.first()?.int()?;
    match first.len() {
        5 | 7 if is_class_code(&first[..3]) => Some((first.to_string(), 1)),
        3 if is_class_code(first) => {
            let mut code = first.to_string();
            let mut n = 1;
            while n < 3 {
                match ts.get(n).and_then(Token::int) {
                    Some(p) if p.len() == 2 => {
                        code.push_str(p);
                        n += 1;
                    }
                    _ => break,
                }
            }
            Some((code, n))
        }
        _ => None,
    }
}

/// A code printed in reversed order (HZ-03): `208`, `01208` → 20801, `0101208` → 2080101.
fn reversed_code(raw: &str) -> Option<String> {
    if !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let class = raw.get(raw.len().checked_sub(3)?..)?;
    if !is_class_code(class) {
        return None;
    }
    match raw.len() {
        3 => Some(class.to_string()),
        5 => Some(format!("{class}{}", &raw[..2])),
        7 => Some(format!("{class}{}{}", &raw[2..4], &raw[..2])),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Orientation {
    Forward,
    Reversed,
}

/// Forward when more lines open with a code than close with one.
fn orientation(lines: &[Vec<Token>]) -> Orientation {
    let mut fwd = 0usize;
    let mut rev = 0usize;
    for ts in lines {
        if forward_code(ts).is_some() {
            fwd += 1;
        }
        let closes = ts.last().and_then(Token::int).and_then(reversed_code).is_some()
            && (ts.len() == 1 || matches!(ts.get(ts.len().wrapping_sub(2)).map(|t| &t.kind), Some(Lex::Text(_))));
        let opens_reversed_only =
            ts.len() == 1 && ts[0].int().is_some_and(|r| forward_code(ts).is_none() && reversed_code(r).is_some());
        if (closes && forward_code(ts).is_none()) || opens_reversed_only {
            rev += 1;
        }
    }
    if rev > fwd {
        Orientation::Reversed
    } else {
        Orientation::Forward
    }
}

// ---------------------------------------------------------------------------------------------
// Rows

struct PendingRow {
    code: Option<String>,
    name: String,
    is_total: bool,
    amounts: Vec<Amount>,
    positional: Option<Vec<Option<Amount>>>,
    problem: Option<RowProblem>,
    reversed: bool,
    line: usize,
    span: Range<usize>,
    /// A staircase row's own code segment (`      08   进修及培训`) and its column: the full code
    /// comes from the rows above (see [`Staircase`]).
    segment: Option<(String, usize)>,
}

/// Codes printed as a staircase: each row prints only its own two-digit segment, indented under
/// its parent (`205 教育支出` / `      08 进修及培训` / `           03 培训支出`). The full code is
/// the parent's code and the segment; which parent, the segment's column says.
#[derive(Default)]
struct Staircase {
    /// The last 类 and 款 codes.
    class: Option<String>,
    kuan: Option<String>,
    /// The level of the last coded row, and the columns where 款 and 项 segments stand.
    last_level: usize,
    kuan_x: Option<usize>,
    xiang_x: Option<usize>,
}

impl Staircase {
    /// Give a staircase row its full code; learn the levels from fully coded rows. `false`: a
    /// segment with no parent to hang from (not a row of this table).
    fn place(&mut self, p: &mut PendingRow) -> bool {
        let near = |a: Option<usize>, x: usize| a.is_some_and(|a| a.abs_diff(x) <= 2);
        if let Some((seg, x)) = p.segment.take() {
            let as_xiang = self.kuan.is_some()
                && (near(self.xiang_x, x)
                    || (!near(self.kuan_x, x) && self.last_level >= 2 && self.kuan_x.is_some_and(|k| x > k)));
            let code = if self.last_level != 1 && as_xiang {
                self.xiang_x = Some(x);
                self.kuan.as_ref().map(|k| format!("{k}{seg}"))
            } else {
                self.kuan_x = Some(x);
                self.class.as_ref().map(|c| format!("{c}{seg}"))
            };
            let Some(code) = code else { return false };
            p.code = Some(code);
        }
        if let Some(code) = &p.code {
            self.last_level = code.len().saturating_sub(1) / 2;
            self.class = code.get(..3).map(str::to_string);
            self.kuan = (code.len() >= 5).then(|| code[..5].to_string());
        }
        true
    }
}

/// Read a coded table from its region's lines: rows, the header above them, and each row's
/// amounts placed in the header's columns where the layout allows.
pub fn read(id: TableId, text: &str, lines: &[Line]) -> CodedTable {
    let kept: Vec<(&Line, &str)> = lines
        .iter()
        .map(|l| (l, &text[l.span.clone()]))
        .filter(|(_, s)| !s.trim().is_empty() && !skip_line(s))
        .collect();
    let toks: Vec<Vec<Token>> = kept.iter().map(|(l, s)| lex(s, l.span.start)).collect();
    if let Some(t) = side_by_side_groups(&kept, &toks) {
        return t;
    }
    let orient = orientation(&toks);
    let (header_lines, mut rows) = rows(&kept, &toks, orient);
    mark_wrapped_amounts(&kept, &toks, &mut rows);
    let compacts: Vec<String> = header_lines.iter().map(|s| compact(s)).collect();
    let header = header_text(&compacts);
    let mut columns = columns(id, &header);
    let tabbed = kept.iter().any(|(_, s)| s.contains('\t'));
    if orient == Orientation::Forward && !tabbed && !one_cell_per_line(&toks) {
        if let Some(names) = by_position(id, text, &kept, &mut rows, &columns) {
            columns = names;
            super::drop_misread_columns(&mut columns, rows.iter_mut().map(|r| (&mut r.cells, &mut r.problem)));
            return CodedTable { columns, rows };
        }
        if columns.is_empty() {
            columns = unplaced_columns(id, text, &kept, &rows).unwrap_or_default();
        }
    }
    if one_cell_per_line(&toks) {
        columns.clear();
    } else if id.is_income_by_code() {
        if let Some(flat) = uniform_sources(&header, &rows) {
            columns = flat;
        }
    }
    let reversed_header = reversed_header(&columns, &header, orient);
    for r in &mut rows {
        if r.cells.is_empty() && reversed_header != (orient == Orientation::Reversed) {
            // `finish` reversed by code side; the header says otherwise.
            r.amounts.reverse();
        }
        assign_columns(r, columns.len());
    }
    super::drop_misread_columns(&mut columns, rows.iter_mut().map(|r| (&mut r.cells, &mut r.problem)));
    CodedTable { columns, rows }
}

/// A row next to a line of number fragments alone (`21,884.6` above it, `2` below: an amount
/// wrapped around its row, corpus 59) does not print its amounts whole: its cells are not read.
fn mark_wrapped_amounts(kept: &[(&Line, &str)], toks: &[Vec<Token>], rows: &mut [CodedRow]) {
    let fragment = |ts: &[Token]| {
        !ts.is_empty()
            && ts.iter().all(|t| matches!(t.kind, Lex::Num(_) | Lex::Int(_)))
            && ts.iter().any(|t| matches!(t.kind, Lex::Num(_)) || t.int().is_some_and(|n| n.len() <= 2))
    };
    let strays: Vec<usize> = kept
        .iter()
        .zip(toks)
        .filter(|((l, _), ts)| fragment(ts) && !in_rows(rows, l))
        .map(|((l, _), _)| l.index)
        .collect();
    for r in rows.iter_mut() {
        let last = kept.iter().filter(|(l, _)| l.span.start < r.span.end).map(|(l, _)| l.index).max().unwrap_or(r.line);
        if strays.iter().any(|&s| s + 1 == r.line || s == last + 1) {
            r.problem = Some(RowProblem::UnreadableCell);
        }
    }
}

/// A 经济分类 table printed as groups side by side, each `code name amount`
/// (`301 工资福利支出 6,982.75   302 商品和服务支出 2,239.41   307 债务利息及费用支出`), as the
/// 决算 基本支出表 prints 人员经费 beside 公用经费: one row per group, one amount column. At least
/// three lines must print two groups or more; the groups' totals (`人员经费合计`) are left out, so
/// only 类 = Σ款 is checked.
fn side_by_side_groups(kept: &[(&Line, &str)], toks: &[Vec<Token>]) -> Option<CodedTable> {
    let econ =
        |t: &Token| t.int().is_some_and(|n| matches!(n.len(), 3 | 5) && n.starts_with('3') && is_class_code(&n[..3]));
    let groups = |ts: &[Token]| {
        (0..ts.len()).filter(|&k| econ(&ts[k]) && ts.get(k + 1).is_some_and(|n| n.text().is_some())).count()
    };
    if toks.iter().filter(|ts| groups(ts) >= 2).count() < 3 {
        return None;
    }
    let mut rows = Vec::new();
    for ((l, _), ts) in kept.iter().zip(toks) {
        let starts: Vec<usize> = (0..ts.len()).filter(|&k| econ(&ts[k])).collect();
        for (j, &k) in starts.iter().enumerate() {
            let end = starts.get(j + 1).copied().unwrap_or(ts.len());
            let seg = &ts[k..end];
            let name: String = seg.iter().filter_map(Token::text).collect();
            let amounts: Vec<Amount> = seg.iter().filter_map(Token::amount).skip(1).collect();
            if amounts.len() > 1 {
                return None; // more than one amount to a group: not this layout
            }
            rows.push(CodedRow {
                code: seg[0].int().map(str::to_string),
                name,
                is_total: false,
                cells: vec![amounts.first().cloned().map_or(Cell::Blank, Cell::Value)],
                amounts,
                line: l.index,
                span: seg[0].span.start..seg.last().map_or(seg[0].span.end, |t| t.span.end),
                problem: None,
                inferred: None,
            });
        }
    }
    Some(CodedTable { columns: vec!["合计".into()], rows })
}

/// The rows of the kept lines, and the header lines above the first row.
fn rows<'a>(kept: &[(&Line, &'a str)], toks: &[Vec<Token>], orient: Orientation) -> (Vec<&'a str>, Vec<CodedRow>) {
    let mut header_lines: Vec<&'a str> = Vec::new();
    let mut vstart: Option<usize> = None;
    let mut rows: Vec<CodedRow> = Vec::new();
    let mut pending: Option<PendingRow> = None;
    let mut seen_row = false;
    let mut stairs = Staircase::default();
    let mut orphan: Option<String> = None;
    let mut wrapped_tail = false;
    for ((l, s), ts) in kept.iter().zip(toks) {
        let started = if s.contains('\t') && orient == Orientation::Forward {
            start_tab_row(s, l, vstart)
        } else {
            start_token_row(ts, l, orient)
                .or_else(|| named_row(ts, l, orient, s))
                .or_else(|| unlabelled_total(ts, l, orient, s).filter(|_| !seen_row && total_in_header(&header_lines)))
                .or_else(|| named_by_orphan(ts, l, orient, s, orphan.as_deref()))
        };
        let started = started.and_then(|mut r| stairs.place(&mut r).then_some(r));
        let name_only = !ts.is_empty() && ts.iter().all(|t| t.text().is_some()) && looks_like_name_part(&compact(s));
        if let Some(mut row) = started {
            // `机关事业单位基本养` / `2080505   649.91 …` / `老保险缴费支出`: a name wrapped around
            // its code line, its head above and its tail below.
            wrapped_tail = false;
            let head = orphan.take();
            if let Some(head) = head.filter(|_| row.name.is_empty() && !row.is_total) {
                row.name = head;
                wrapped_tail = true;
            }
            if let Some(p) = pending.as_mut().filter(|p| other_classification(p, &row)) {
                p.name.push_str(&row.name);
                p.amounts = row.amounts;
                p.span.end = p.span.end.max(row.span.end);
                continue;
            }
            rows.extend(pending.take().map(finish));
            seen_row = true;
            pending = Some(row);
            continue;
        }
        if pending.as_mut().is_some_and(|p| continue_row(p, s, ts)) {
            continue;
        }
        orphan = None;
        if name_only && seen_row {
            if let Some(p) = pending.as_mut().filter(|_| std::mem::take(&mut wrapped_tail)) {
                p.name.push_str(&compact(s));
            } else {
                orphan = Some(compact(s));
            }
            continue;
        }
        rows.extend(pending.take().map(finish));
        if !seen_row {
            header_lines.push(s);
            if vstart.is_none() {
                vstart = value_start(s);
            }
        }
    }
    rows.extend(pending.take().map(finish));
    (header_lines, rows)
}

/// A row of a table classified two ways (`2080505-机关事业单位基本养老保险缴费` / `50102-社会保障缴费
/// 30108-… 291.82`): a line coded by the other classification (经济 under 功能) that carries the
/// amounts of a row printed without them continues that row.
fn other_classification(p: &PendingRow, next: &PendingRow) -> bool {
    let family = |r: &PendingRow| r.code.as_deref().and_then(|c| c.chars().next()).map(|c| c == '2');
    let (Some(a), Some(b)) = (family(p), family(next)) else { return false };
    p.amounts.is_empty() && p.positional.is_none() && !next.amounts.is_empty() && a != b
}

/// Does line `s` (tokens `ts`) continue row `p`: its amounts, more of its name, or a project name
/// among amounts? Then it is added to `p`.
fn continue_row(p: &mut PendingRow, s: &str, ts: &[Token]) -> bool {
    if p.positional.is_some() || !p.amounts.is_empty() {
        return false;
    }
    let all_amounts = !ts.is_empty() && ts.iter().all(|t| t.text().is_none());
    let any_number = ts.iter().any(|t| matches!(t.kind, Lex::Num(_)));
    if all_amounts {
        // The amounts of a wrapped row.
        for a in ts.iter().filter_map(Token::amount) {
            p.span.end = p.span.end.max(a.span.end);
            p.amounts.push(a);
        }
    } else if !any_number && looks_like_name_part(&compact(s)) {
        // More name text before any amount (HZ-02).
        p.name.push_str(&compact(s));
    } else if any_number {
        // Amounts with a label among them: a project name printed between the amounts
        // (HZ-22, `2400.00特定目标类项目-… 2400.00`).
        for t in ts {
            match &t.kind {
                Lex::Text(x) => {
                    p.name.push('·');
                    p.name.push_str(x);
                }
                _ => {
                    if let Some(a) = t.amount() {
                        p.span.end = p.span.end.max(a.span.end);
                        p.amounts.push(a);
                    }
                }
            }
        }
    } else {
        return false;
    }
    true
}

/// One cell a line (raw extraction): the reading order of cells is not the column order, so no
/// column is trusted — not even which amount is the total.
fn one_cell_per_line(toks: &[Vec<Token>]) -> bool {
    let with_amounts: Vec<&Vec<Token>> =
        toks.iter().filter(|ts| ts.iter().any(|t| matches!(t.kind, Lex::Num(_)))).collect();
    let lone = with_amounts.iter().filter(|ts| ts.len() == 1).count();
    lone >= 5 && lone * 10 >= with_amounts.len() * 8
}

/// Layout extraction: the columns from where the amounts stand and the header words above them
/// (see [`super::grid`]), each row's amounts placed by position, page by page (a later page may
/// print its columns a few characters off, or leave a column empty). `None` (nothing changed)
/// when a band has no header word, a header cell means nothing this table kind has, the pages
/// disagree on the columns' order, the columns disagree with the ones `known` from the header's
/// words, or a row's amounts do not fall one a band.
fn by_position(
    id: TableId,
    text: &str,
    kept: &[(&Line, &str)],
    rows: &mut [CodedRow],
    known: &[String],
) -> Option<Vec<String>> {
    let pages = pages(id, kept, rows);
    // Each page's column names and its rows' cells by those columns.
    let mut read: Vec<(Vec<String>, Vec<PlacedRow>)> = Vec::new();
    let mut last: Option<PageColumns> = None;
    for (header, range) in &pages {
        let page_rows = &rows[range.clone()];
        // An amount among the header lines is a row's amount wrapped onto its own line
        // (`106,512.0` / `0`): that row is not read whole.
        if header.iter().any(|s| !is_column_numbers(s) && lex(s, 0).iter().any(|t| matches!(t.kind, Lex::Num(_)))) {
            return None;
        }
        // The first row's name may wrap onto the line above its code (HZ-02): not a header line.
        let cut = |n: usize| page_columns(id, text, &header[..header.len().saturating_sub(n)], page_rows);
        let page = match cut(0).or_else(|| cut(1)).or_else(|| cut(2)) {
            Some(p) => p,
            // A page that repeats no header: the previous page's columns.
            None if header.is_empty() => last.clone()?,
            None => return None,
        };
        let placed: Vec<PlacedRow> = page_rows
            .iter()
            .map(|r| super::grid::place(text, &r.amounts, &page.bands, page.names.len()))
            .collect::<Option<_>>()?;
        read.push((page.names.clone(), placed));
        last = Some(page);
    }
    let mut columns = read.iter().map(|(n, _)| n).max_by_key(|n| n.len())?.clone();
    // A 收入总表's total is named 总计 by the rules.
    let named = |c: &[String]| -> Vec<String> {
        let mut c = c.to_vec();
        if id.is_income_by_code() && !c.is_empty() {
            c[0] = "总计".into();
        }
        c
    };
    let valid = columns.iter().any(|n| n == "合计")
        && (1..columns.len()).all(|k| !columns[..k].contains(&columns[k]))
        && (known.is_empty() || known.len() <= columns.len());
    if !valid {
        return None;
    }
    let mut cells_of_rows = Vec::new();
    for (names, placed) in read {
        let at = subsequence(&names, &columns)?;
        for cells in placed {
            let mut row = vec![Cell::Blank; columns.len()];
            for (k, c) in cells.into_iter().enumerate() {
                row[at[k]] = c.map_or(Cell::Blank, Cell::Value);
            }
            cells_of_rows.push(row);
        }
    }
    if id.is_income_by_code() && columns.iter().any(|c| c.starts_with("小计")) {
        subtotal_extents(&mut columns, &cells_of_rows)?;
    }
    // The table's own columns first (the total at 0), those read for position after them.
    let order: Vec<usize> = (0..columns.len())
        .filter(|&k| !columns[k].starts_with(OTHER_COLUMN))
        .chain((0..columns.len()).filter(|&k| columns[k].starts_with(OTHER_COLUMN)))
        .collect();
    for (r, cells) in rows.iter_mut().zip(cells_of_rows) {
        let cells = order.iter().map(|&k| cells[k].clone()).collect();
        r.cells = if r.problem.is_none() { cells } else { vec![Cell::Unknown; columns.len()] };
    }
    columns = named(&order.iter().map(|&k| columns[k].clone()).collect::<Vec<_>>());
    Some(columns)
}

/// The 栏次 line of a header (`栏次  1  2  3 …`, `**  1  2 …`): the columns' numbers 1, 2, 3 …
/// in order, after an optional `栏次`/`**`/`项目` word.
fn is_column_numbers(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let nums: Vec<&str> =
        words.iter().copied().skip_while(|w| ["栏次", "**", "项目", "栏", "次"].contains(w)).collect();
    nums.len() >= 2 && nums.iter().enumerate().all(|(k, w)| w.parse::<usize>().ok() == Some(k + 1))
}

/// The index in `all` of each of `names`, which must stand in `all` in the same order.
fn subsequence(names: &[String], all: &[String]) -> Option<Vec<usize>> {
    let mut from = 0;
    names
        .iter()
        .map(|n| {
            let k = from + all[from..].iter().position(|a| a == n)?;
            from = k + 1;
            Some(k)
        })
        .collect()
}

/// Does line `l` belong to one of `rows` (its first line or a line it wraps onto)?
fn in_rows(rows: &[CodedRow], l: &Line) -> bool {
    rows.iter().any(|r| r.line <= l.index && l.span.start < r.span.end)
}

/// The table's pages: each page's header lines and the range of its rows. A page starts where a
/// run of lines between two rows holds a header again (a 合计/总计 cell); other lines between
/// rows (a name wrapped above its code) start none.
fn pages<'a>(id: TableId, kept: &[(&Line, &'a str)], rows: &[CodedRow]) -> Vec<(Vec<&'a str>, Range<usize>)> {
    let mut out: Vec<(Vec<&'a str>, Range<usize>)> = Vec::new();
    let mut run: Vec<&'a str> = Vec::new();
    let mut next_row = 0;
    for (l, s) in kept {
        if next_row < rows.len() && rows[next_row].line == l.index {
            let is_header =
                |run: &[&str]| super::grid::header_cells(run).iter().any(|c| meaning(id, &c.words) == Some("合计"));
            if out.is_empty() || is_header(&run) {
                out.push((std::mem::take(&mut run), next_row..next_row));
            }
            run.clear();
            while next_row < rows.len() && rows[next_row].line == l.index {
                next_row += 1;
            }
            if let Some(last) = out.last_mut() {
                last.1.end = next_row;
            }
        } else if !in_rows(rows, l) && super::classify_title(&compact(s)).is_none() {
            // (A later page repeats the title above its header.)
            run.push(s);
        }
    }
    out
}

/// One page's value columns: the bands its rows' amounts occupy, each with the header cell it
/// stands under, and what each cell means. `None` when a header cell right of the labels means
/// nothing this kind has, or a band stands under no cell or two.
fn page_columns(id: TableId, text: &str, header: &[&str], rows: &[CodedRow]) -> Option<PageColumns> {
    let (names, values, bands) = page_names(id, text, header, rows)?;
    let bands = super::grid::band_cells(&bands, &values)?;
    Some(PageColumns { bands, names })
}

/// A page's value column names, its value header cells, and its amounts' bands.
type PageNames = (Vec<String>, Vec<HeaderCell>, Vec<Range<usize>>);

/// One page's value column names by its header words, the value cells, and its amount bands.
fn page_names(id: TableId, text: &str, header: &[&str], rows: &[CodedRow]) -> Option<PageNames> {
    let bands = super::grid::bands(text, rows.iter().flat_map(|r| &r.amounts));
    let cells = super::grid::without_loose_headings(super::grid::header_cells(header), &bands);
    let latest = cells.iter().flat_map(|c| years(&c.headings).chain(years(&c.words)).collect::<Vec<_>>()).max();
    let named: Vec<Option<String>> = cells.iter().map(|c| column_name(id, c, latest)).collect();
    // The value cells start at the first one named (the label cells before it mean nothing).
    let first_value = named.iter().position(Option::is_some)?;
    let values: Vec<HeaderCell> = cells[first_value..].to_vec();
    let names: Vec<String> = named[first_value..].iter().cloned().collect::<Option<_>>()?;
    let words: Vec<&str> = values.iter().map(|c| c.words.as_str()).collect();
    let names = if id.is_income_by_code() { numbered_sources(names, &words) } else { subtotals(names) };
    let names = distinct_others(memo_subtotals(names));
    if names.iter().filter(|n| *n == "合计").count() != 1 || header.is_empty() {
        return None;
    }
    Some((names, values, bands))
}

/// The columns a spending table's header names when its amounts cannot be placed under them
/// (corpus 49: the PDF shifts each row's amounts by its labels' widths): the names alone, the
/// total first, when every column is one of the table's own (no other year, rate or memo), the
/// total is the sum of all the others, and the rows confirm it. Rows are then read without
/// positions: their total against the sum of the rest.
fn unplaced_columns(id: TableId, text: &str, kept: &[(&Line, &str)], rows: &[CodedRow]) -> Option<Vec<String>> {
    let (header, range) = pages(id, kept, rows).into_iter().next()?;
    let (names, _, _) = page_names(id, text, &header, &rows[range])?;
    let own = names.first().is_some_and(|n| n == "合计") && names.iter().all(|n| !n.starts_with(OTHER_COLUMN));
    let flat = super::is_flat(&super::row_identities(&names), names.len());
    if !own || !flat || id.is_income_by_code() || rows.iter().any(|r| r.amounts.len() > names.len()) {
        return None;
    }
    // A number on a line of its own among the rows is part of an amount wrapped around its row
    // (`106,512.0` / `合计 404,415.23 …` / `0`, corpus 59): the rows' amounts are not whole.
    let (first, last) = (rows.first()?.line, rows.last()?.line);
    let stray = kept.iter().any(|(l, s)| {
        (first.saturating_sub(1)..=last + 1).contains(&l.index)
            && !in_rows(rows, l)
            && lex(s, 0).iter().any(|t| matches!(t.kind, Lex::Num(_) | Lex::Int(_)))
    });
    if stray {
        return None;
    }
    // The rows confirm it: each row's first amount is the sum of the others.
    confirmed(rows.iter().filter(|r| !r.amounts.is_empty()).map(first_is_sum)).map(|_| names)
}

/// A row's amounts by column (`None`: blank).
type PlacedRow = Vec<Option<Amount>>;

/// A 小计 after the total and right before 人员经费 and 公用经费 is their subtotal, 基本支出
/// (`总计 | 小计 人员经费 公用经费 | 项目支出`, the heading 基本支出 printed above them).
fn subtotals(mut names: Vec<String>) -> Vec<String> {
    for k in 1..names.len() {
        let parts =
            names.get(k + 1).is_some_and(|n| n == "人员经费") && names.get(k + 2).is_some_and(|n| n == "公用经费");
        if names[k] == "合计" && names[..k].contains(&"合计".to_string()) && parts {
            names[k] = "基本支出".into();
        }
    }
    names
}

/// A later 小计 followed only by columns read for position (`小计 | 其中：政府采购项目中预留给
/// 中小企业的… | 其中：…小型、微型企业…`, a memo group under a `政府采购项目` heading) is the
/// subtotal of that memo, not of the table.
fn memo_subtotals(mut names: Vec<String>) -> Vec<String> {
    for k in 1..names.len() {
        let rest = &names[k + 1..];
        let memo = !rest.is_empty() && rest.iter().all(|n| n.starts_with(OTHER_COLUMN));
        if names[k] == "合计" && memo {
            names[k] = format!("{OTHER_COLUMN}小计");
        }
    }
    names
}

/// A flat 收入总表 by position: 总计 first, then its sources numbered `来源1`…, each followed by
/// the source its words name when they name one (`来源1·一般公共预算`, see [`SOURCE_KEYS`]).
fn numbered_sources(names: Vec<String>, words: &[&str]) -> Vec<String> {
    // (A 合计 after the total is a subtotal of the sources after it: `总计 | 合计 一般公共预算 … |
    // 财政专户`, the 财政拨款 heading printed over its parts only.)
    let flat = names.first().is_some_and(|n| n == "合计")
        && names[1..].iter().all(|n| n == "来源" || n == "小计" || n == "合计");
    if !flat || names.len() < 3 {
        return Vec::new();
    }
    let mut out = vec!["合计".to_string()];
    out.extend((1..names.len()).map(|k| match (names[k].as_str(), words.get(k).and_then(|w| source_key(w))) {
        ("小计" | "合计", _) => format!("小计{k}"),
        (_, Some(key)) => format!("来源{k}·{key}"),
        _ => format!("来源{k}"),
    }));
    out
}

/// The sources of income a 收入总表 column or a 收支总表 income line may name, by the words that
/// name each (`一般公共预算拨款收入`, `事业单位经营收入`, `用事业基金弥补收支差额`).
pub const SOURCE_KEYS: [&str; 12] = [
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "财政专户",
    "事业收入",
    "事业单位经营",
    "上级补助",
    "附属单位上缴",
    "其他收入",
    "上年结转",
    "事业基金",
    "单位资金",
];

/// The one source of [`SOURCE_KEYS`] `words` name, if exactly one.
pub fn source_key(words: &str) -> Option<&'static str> {
    let mut hits = SOURCE_KEYS.iter().filter(|k| words.contains(*k));
    let first = hits.next()?;
    hits.next().is_none().then_some(*first)
}

/// The sources each 小计 of a 收入总表 adds up (`总计 | 小计 一般公共预算 政府性基金 国有资本经营 |
/// 财政专户 …`, `本年收入 小计 … | 上年结转 小计 …`): the run of columns after it whose sum equals
/// it on the rows that print amounts there (see [`confirmed`]); of runs that hold equally, the
/// one the failing row misses least, then the shortest (a longer one adds only blank columns).
/// The 小计 is then named `小计·n` (its n parts follow it); `None` when no run holds. (A 小计 is
/// numbered by its place, `小计2`, as sources are.)
fn subtotal_extents(columns: &mut [String], rows: &[Vec<Cell>]) -> Option<()> {
    let is_subtotal = |c: &str| c.starts_with("小计");
    for k in 0..columns.len() {
        if !is_subtotal(&columns[k]) {
            continue;
        }
        let end = (k + 1..columns.len()).find(|&j| is_subtotal(&columns[j])).unwrap_or(columns.len());
        let printed: Vec<&Vec<Cell>> =
            rows.iter().filter(|cells| cells[k..end].iter().any(|c| matches!(c, Cell::Value(_)))).collect();
        if printed.is_empty() {
            // Nothing printed under this 小计 (no money carried over): all its run is its.
            columns[k] = format!("小计·{}", end - k - 1);
            continue;
        }
        let score = |n: usize| confirmed(printed.iter().map(|cells| gap(&cells[k], &cells[k + 1..k + 1 + n])));
        let n = (1..end - k).filter_map(|n| score(n).map(|s| (s, n))).min()?.1;
        columns[k] = format!("小计·{n}");
    }
    Some(())
}

/// An identity the header's structure suggests, confirmed by the rows: it holds on every row
/// but at most one in ten (at least one: a slip in a small table must not hide the table), and
/// on two rows at least. Then how many rows miss it and by how much in all.
fn confirmed(gaps: impl Iterator<Item = Option<Decimal>>) -> Option<(usize, Decimal)> {
    let gaps: Vec<Decimal> = gaps.collect::<Option<_>>()?;
    let failing = gaps.iter().filter(|g| !g.is_zero()).count();
    let ok = failing <= (gaps.len() / 10).max(1) && gaps.len() - failing >= 2.min(gaps.len());
    ok.then(|| (failing, gaps.iter().sum()))
}

/// How far a row's first amount misses the sum of its others (see [`gap`]).
fn first_is_sum(r: &CodedRow) -> Option<Decimal> {
    let cells: Vec<Cell> = r.amounts.iter().cloned().map(Cell::Value).collect();
    let (total, parts) = cells.split_first()?;
    gap(total, parts)
}

/// How far the printed `total` misses the sum of `parts`, beyond their printed precision (zero
/// when it holds); `None` when a cell is unknown.
fn gap(total: &Cell, parts: &[Cell]) -> Option<Decimal> {
    let (value, mut slack) = match total {
        Cell::Value(t) => (t.value, t.half_step()),
        Cell::Blank => (Decimal::ZERO, Decimal::ZERO),
        Cell::Unknown => return None,
    };
    let mut sum = Decimal::ZERO;
    for p in parts {
        match p {
            Cell::Value(a) => {
                sum += a.value;
                slack += a.half_step();
            }
            Cell::Blank => {}
            Cell::Unknown => return None,
        }
    }
    Some(((value - sum).abs() - slack).max(Decimal::ZERO))
}

/// Columns read for position only may repeat their words (`增减(%)` under two headings): the
/// second and later are numbered (`其他·增减(%)#2`), so that every column has its own name.
fn distinct_others(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        let seen = out.iter().filter(|o| o.split('#').next() == Some(n.as_str())).count();
        out.push(if seen > 0 && n.starts_with(OTHER_COLUMN) { format!("{n}#{}", seen + 1) } else { n });
    }
    out
}

/// A page's amount bands, each with the index of its column, and the columns' names.
#[derive(Clone)]
struct PageColumns {
    bands: Vec<(Range<usize>, usize)>,
    names: Vec<String>,
}

/// Header words of a spending table's cells and the column each means, most specific first.
const SPENDING: [(&str, &str); 14] = [
    ("人员", "人员经费"),
    ("工资福利", "人员经费"),
    ("公用", "公用经费"),
    ("经营支出", "事业单位经营支出"),
    ("上缴上级", "上缴上级支出"),
    ("附属单位", "对附属单位补助支出"),
    ("项目支出", "项目支出"),
    ("专项", "项目支出"),
    ("基本支出", "基本支出"),
    ("预留机动", "单位预留机动经费"),
    ("结转下年", "结转下年资金"),
    ("合计", "合计"),
    ("总计", "合计"),
    ("小计", "合计"),
];

/// The columns a table of kind `id` may have, by the names the rules use.
fn allowed(id: TableId) -> &'static [&'static str] {
    match id {
        TableId::T3
        | TableId::T5
        | TableId::T8
        | TableId::T9
        | TableId::FisSpend
        | TableId::EconSpend
        | TableId::FinalSpend
        | TableId::FinalGpb => &[
            "合计",
            "基本支出",
            "人员经费",
            "公用经费",
            "项目支出",
            "事业单位经营支出",
            "上缴上级支出",
            "对附属单位补助支出",
            "单位预留机动经费",
            "结转下年资金",
        ],
        TableId::T6 | TableId::FisBasic | TableId::BasicFunc | TableId::FinalBasic => &["合计", "人员经费", "公用经费"],
        TableId::FinalSoe => &["合计", "基本支出", "项目支出"],
        TableId::FinalGf => &["合计", "基本支出", "项目支出", "年初结转和结余", "本年收入", "年末结转和结余"],
        _ => &[],
    }
}

/// The name given to a column read for position only: another year's amounts, a change, a
/// rate (`其他·2025年执行数`). No identity uses it.
pub const OTHER_COLUMN: &str = "其他·";

/// What a header cell's words mean in a table of kind `id`, by the column names the rules use;
/// `None` for a cell the kind does not have.
fn meaning(id: TableId, words: &str) -> Option<&'static str> {
    if id.is_income_by_code() {
        return income_meaning(words);
    }
    if id == TableId::FinalGf {
        if let Some((_, m)) = FUND_FINAL.iter().find(|(k, _)| words.contains(k)) {
            return Some(m);
        }
    }
    let found = SPENDING.iter().find(|(k, _)| words.contains(k)).map(|(_, m)| *m)?;
    allowed(id).contains(&found).then_some(found)
}

/// A 收入总表 cell: the total, or one source of income (named `来源` until numbered). A 小计
/// (a nested header) is not read by position.
fn income_meaning(words: &str) -> Option<&'static str> {
    if words.contains("小计") {
        Some("小计")
    } else if words.contains("总计") || words.contains("合计") {
        Some("合计")
    } else {
        // (`专户资金结转结余`, `单位资金结转结余`: money carried over is a source too.)
        INCOME_SOURCES.iter().chain(&["专户", "结转", "结余"]).any(|k| words.contains(k)).then_some("来源")
    }
}

/// A cell's column name: its meaning; a 小计 under a 基本支出 heading is 基本支出; another year's
/// column (a year below the header's latest, 执行数, 上年), a change or a rate is an
/// [`OTHER_COLUMN`]. `None` for a cell of this year that means nothing the kind has.
fn column_name(id: TableId, cell: &HeaderCell, latest_year: Option<u32>) -> Option<String> {
    // (上年结转, 上年结余 are money carried into this year, not last year's column; 政府采购 columns are a
    // memo of the spending, not a part of it.)
    let other = |s: &str| {
        ["上年", "执行", "增减", "变动", "比较", "%", "幅", "政府采购", "扣除"]
            .iter()
            .any(|k| s.replace("上年结转", "").replace("上年结余", "").contains(k))
            || years(s).any(|y| Some(y) < latest_year)
    };
    // Named by its own words where they tell (a heading above it may differ from page to page).
    if other(&cell.words) {
        return Some(format!("{OTHER_COLUMN}{}", cell.words));
    }
    let all = format!("{}{}", cell.headings, cell.words);
    if other(&all) {
        return Some(format!("{OTHER_COLUMN}{all}"));
    }
    let own = meaning(id, &cell.words)?;
    let under = meaning(id, &cell.headings);
    Some(
        match (own, under) {
            // `财政拨款` over `合计 | 一般公共预算 | …`: the 合计 of that source's parts.
            ("合计", Some("来源")) if id.is_income_by_code() => "小计",
            ("合计", Some(h)) if h != "合计" => h,
            _ => own,
        }
        .to_string(),
    )
}

/// The years (`2025年`, `2026 年`) a header text names.
pub(super) fn years(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.match_indices('年').filter_map(move |(k, _)| {
        let digits: String = s[..k].trim_end().chars().rev().take_while(char::is_ascii_digit).collect();
        let y: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
        (1990..2100).contains(&y).then_some(y)
    })
}

/// The header is what stands right above the first row (a chunk may begin with other text);
/// some extractions print it one short fragment per line, so keep about 400 characters.
fn header_text(header_lines: &[String]) -> String {
    let mut keep_from = header_lines.len();
    let mut chars = 0usize;
    while keep_from > 0 && chars < 400 {
        keep_from -= 1;
        chars += header_lines[keep_from].chars().count();
    }
    header_lines[keep_from..].concat()
}

/// Rows print their amounts in the header's column order: right to left when the header names
/// the first column after the last (HZ-03), whatever side the codes are on.
fn reversed_header(columns: &[String], header: &str, orient: Orientation) -> bool {
    match (columns.first(), columns.last()) {
        (Some(first), Some(last)) if columns.len() > 1 => {
            matches!((header.find(first.as_str()), header.rfind(last.as_str())), (Some(f), Some(l)) if f > l)
        }
        _ => orient == Orientation::Reversed,
    }
}

/// `4.005083.57合计 5079.57`: the total label among amounts, in no particular order.
fn lone_total(ts: &[Token]) -> bool {
    let texts: Vec<&str> = ts.iter().filter_map(Token::text).collect();
    texts.len() == 1 && is_total_label(texts[0]) && ts.len() > 1
}

fn looks_like_name_part(c: &str) -> bool {
    !c.is_empty()
        && c.chars().count() <= 40
        && !c.contains(['。', ':'])
        && !c.starts_with("单位")
        && !c.starts_with("备注")
}

/// A tab-separated row: code cells, label cells, then value cells from `vstart` on (or after the
/// first label cell when the header did not say where values start).
fn start_tab_row(s: &str, l: &Line, vstart: Option<usize>) -> Option<PendingRow> {
    let cells = lines::cells(s, l.span.start);
    let mut parts: Vec<&str> = Vec::new();
    let mut k = 0;
    while k < cells.len() && k < 3 {
        let c = cells[k].text;
        if c.is_empty() {
            k += 1;
        } else if c.bytes().all(|b| b.is_ascii_digit()) && matches!(c.len(), 2 | 3 | 5 | 7) {
            parts.push(c);
            k += 1;
        } else {
            break;
        }
    }
    while k < cells.len() && cells[k].text.is_empty() {
        k += 1;
    }
    let name_cell = cells.get(k)?;
    if parse_number(name_cell.text).is_some() {
        return None;
    }
    let name = compact(name_cell.text);
    let joined: String = parts.concat();
    let code = match joined.len() {
        3 | 5 | 7 if is_class_code(&joined[..3]) && (parts[0].len() == 3 || parts.len() == 1) => Some(joined),
        _ => None,
    };
    let is_total = parts.is_empty() && is_total_label(&name);
    if code.is_none() && !is_total {
        return None;
    }
    // Value cells: from the header's first value column when known and after the labels.
    let first_value = match vstart {
        Some(v) if v > k => v,
        _ => k + 1,
    };
    let mut label = name;
    for c in &cells[k + 1..first_value.min(cells.len())] {
        if !c.text.is_empty() {
            label.push('·');
            label.push_str(&compact(c.text));
        }
    }
    let mut positional = Vec::new();
    let mut amounts = Vec::new();
    let mut problem = None;
    let mut end = name_cell.span().end;
    for c in cells.iter().skip(first_value) {
        if c.text.is_empty() || c.text == "-" || c.text == "—" {
            positional.push(None);
        } else if let Some((value, decimals)) = parse_number(c.text) {
            let a = Amount { value, decimals, span: c.span() };
            end = a.span.end;
            amounts.push(a.clone());
            positional.push(Some(a));
        } else {
            problem = Some(RowProblem::UnreadableCell);
            positional.push(None);
        }
    }
    // `合计` followed by column names is the header, not the total row.
    if is_total && problem.is_some() && amounts.is_empty() {
        return None;
    }
    Some(PendingRow {
        code,
        name: label,
        is_total,
        amounts,
        positional: Some(positional),
        problem,
        reversed: false,
        line: l.index,
        span: cells.first().map_or(l.span.start, |c| c.start)..end,
        segment: None,
    })
}

/// A row read from tokens: `code name amounts…` (forward) or `amounts… name code` (reversed);
/// a line holding only a code (the name and amounts follow on later lines) starts a row too.
fn start_token_row(ts: &[Token], l: &Line, orient: Orientation) -> Option<PendingRow> {
    let ts = if orient == Orientation::Forward { without_serial_number(ts) } else { ts };
    let mut segment = None;
    let (code, is_total, body): (Option<String>, bool, &[Token]) = match orient {
        Orientation::Forward => {
            if let Some((code, n)) = forward_code(ts) {
                (Some(code), false, &ts[n..])
            } else if let Some(seg) = staircase_segment(ts, l) {
                segment = Some(seg);
                (None, false, &ts[1..])
            } else if ts.first().and_then(Token::text).is_some_and(is_total_label) || lone_total(ts) {
                (None, true, ts)
            } else {
                return None;
            }
        }
        Orientation::Reversed => {
            let last = ts.last()?;
            if let Some(code) = last.int().and_then(reversed_code) {
                let before_is_text = ts.len() == 1 || ts.get(ts.len() - 2).is_some_and(|t| t.text().is_some());
                if !before_is_text {
                    return None;
                }
                (Some(code), false, &ts[..ts.len() - 1])
            } else if last.text().is_some_and(is_total_label) || lone_total(ts) {
                (None, true, ts)
            } else {
                return None;
            }
        }
    };
    let mut name = String::new();
    let mut amounts = Vec::new();
    let mut problem = None;
    let mut seen_name = false;
    let mut label_codes: Vec<String> = Vec::new();
    // A total label among its amounts says nothing about their order (see `lone_total`).
    let unordered = is_total && lone_total(ts);
    for (k, t) in body.iter().enumerate() {
        // `30101 基本工资 50101 工资奖金津补贴 7,059,565.80 …`: a second code (政府经济分类)
        // followed by its name is part of the label, not an amount.
        let is_code = |t: &Token, lens: &[usize]| t.int().is_some_and(|n| lens.contains(&n.len()));
        let name_at = |j: usize| body.get(j).is_some_and(|n| n.text().is_some());
        let second_code = t.int().is_some_and(|n| n.starts_with('5'))
            && ((is_code(t, &[5, 7]) && name_at(k + 1))
                || (is_code(t, &[3])
                    && (name_at(k + 1) || (body.get(k + 1).is_some_and(|n| is_code(n, &[2])) && name_at(k + 2)))));
        // …and the two-digit segment after a split one (`501 01 工资奖金津补贴`).
        let segment_of_second = is_code(t, &[2])
            && k > 0
            && body.get(k - 1).and_then(Token::int).is_some_and(|n| n.len() == 3 && n.starts_with('5'))
            && name_at(k + 1);
        // `50101-工资奖金津补贴  30101-基本工资  607.28 …`: any code joined to its name before
        // the amounts is a part of the label (a row classified two or three ways).
        let joined_code = t.int().filter(|_| orient == Orientation::Forward && amounts.is_empty() && name_at(k + 1));
        if let Some(c) = joined_code {
            label_codes.push(c.to_string());
        }
        if segment_of_second || second_code || joined_code.is_some() {
            continue;
        }
        // `-20,442.30`, `-60.86%`: a sign or a percent mark printed against its number.
        if sign_or_percent(body, k).is_some() {
            continue;
        }
        match &t.kind {
            Lex::Text(x) => {
                // Text after the amounts of a forward row is out of place.
                if orient == Orientation::Forward && !amounts.is_empty() && !unordered {
                    problem = Some(RowProblem::UnreadableCell);
                }
                seen_name = true;
                name.push_str(x);
            }
            _ => {
                // Amounts after the name of a reversed row are out of place.
                if orient == Orientation::Reversed && seen_name && !unordered {
                    problem = Some(RowProblem::UnreadableCell);
                }
                if let Some(mut a) = t.amount() {
                    if k > 0 && sign_or_percent(body, k - 1) == Some(true) {
                        a.value = -a.value;
                        a.span.start -= 1;
                    }
                    amounts.push(a);
                }
            }
        }
    }
    let code = department_code(code, &label_codes);
    if is_total {
        if amounts.is_empty() {
            return None; // a `合计` header fragment (vertical headers print one word a line)
        }
        name = if name == "总计" { name } else { "合计".into() };
    }
    let start = ts.first().map_or(l.span.start, |t| t.span.start);
    let end = ts.last().map_or(l.span.end, |t| t.span.end);
    Some(PendingRow {
        code,
        name,
        is_total,
        amounts,
        positional: None,
        problem,
        reversed: orient == Orientation::Reversed,
        line: l.index,
        span: start..end,
        segment,
    })
}

/// `body[k]` is a `-` printed against the number after it, a `%` against the number before
/// it, or both (`-5.22%   -118.90`: the lexer joins the two marks into one text): whether the
/// next number is negative.
fn sign_or_percent(body: &[Token], k: usize) -> Option<bool> {
    let t = &body[k];
    let x = t.text()?;
    let number = |j: usize| body.get(j).filter(|n| matches!(n.kind, Lex::Num(_) | Lex::Int(_)));
    let rest = x.trim_start_matches(['%', '％']);
    let percent = rest.len() < x.len();
    if percent && number(k.checked_sub(1)?).is_none_or(|n| n.span.end != t.span.start) {
        return None;
    }
    match rest {
        "" if percent => Some(false),
        "-" => number(k + 1).filter(|n| n.span.start == t.span.end).map(|_| true),
        _ => None,
    }
}

/// A row classified by 政府支出经济分类 (`50101`) and then by 部门支出经济分类 (`30101`) is
/// keyed by the 部门 code, the one the 基本支出 tables' rules read.
fn department_code(code: Option<String>, label_codes: &[String]) -> Option<String> {
    let government = code.as_deref().is_some_and(|c| c.starts_with('5') && [3, 5, 7].contains(&c.len()));
    let department = label_codes.iter().find(|c| c.starts_with('3') && [3, 5, 7].contains(&c.len()));
    match department {
        Some(d) if government => Some(d.clone()),
        _ => code,
    }
}

/// `广州市统计局  6,748.28  6,698.28  0.00 …`: a row named by text alone (a unit of the
/// department, as 部门 tables consolidating their units print them), its amounts all on the
/// line, at least two of them printed as amounts are (decimals or thousands separators). No
/// code: the row's own identities are checked, no rollup counts it.
fn named_row(ts: &[Token], l: &Line, orient: Orientation, s: &str) -> Option<PendingRow> {
    let (first, rest) = ts.split_first()?;
    let name = first.text()?;
    let printed = |t: &Token| s.get(t.span.start - l.span.start..t.span.end - l.span.start).unwrap_or("");
    let money = |t: &Token| t.amount().is_some_and(|a| a.decimals > 0 || printed(t).contains(','));
    let cjk = name.chars().filter(|c| *c > '\u{2e80}').count();
    let plain = !name.contains(['：', ':', '。', '，', '%', '％']) && !name.starts_with('注');
    if orient != Orientation::Forward || cjk < 2 || !plain || rest.iter().any(|t| t.amount().is_none()) {
        return None;
    }
    if rest.iter().filter(|t| money(t)).count() < 2 {
        return None;
    }
    Some(PendingRow {
        code: None,
        name: name.to_string(),
        is_total: false,
        amounts: rest.iter().filter_map(Token::amount).collect(),
        positional: None,
        problem: None,
        reversed: false,
        line: l.index,
        span: first.span.start..rest.last().map_or(first.span.end, |t| t.span.end),
        segment: None,
    })
}

/// `      17,996.68        12,323.48        5,533.00         140.20`: a line of amounts alone right
/// under a header that names a 合计 column (江苏's 支出预算总表 prints its one row so) is the
/// table's total row.
fn unlabelled_total(ts: &[Token], l: &Line, orient: Orientation, s: &str) -> Option<PendingRow> {
    let printed = |t: &Token| s.get(t.span.start - l.span.start..t.span.end - l.span.start).unwrap_or("");
    let money = |t: &Token| t.amount().is_some_and(|a| a.decimals > 0 || printed(t).contains(','));
    if orient != Orientation::Forward || ts.len() < 2 || !ts.iter().all(money) {
        return None;
    }
    let (first, last) = (ts.first()?, ts.last()?);
    Some(PendingRow {
        code: None,
        name: "合计".into(),
        is_total: true,
        amounts: ts.iter().filter_map(Token::amount).collect(),
        positional: None,
        problem: None,
        reversed: false,
        line: l.index,
        span: first.span.start..last.span.end,
        segment: None,
    })
}

/// `广州市人民政府办公厅` / `13,192.65  13,192.65 …` / `（本级）`: a line of amounts alone under a
/// name wrapped around it (a unit's, by 单位) is that name's row.
fn named_by_orphan(ts: &[Token], l: &Line, orient: Orientation, s: &str, orphan: Option<&str>) -> Option<PendingRow> {
    let name = orphan?;
    let mut row = unlabelled_total(ts, l, orient, s)?;
    row.name = name.to_string();
    row.is_total = is_total_label(name);
    Some(row)
}

/// Does the header name a 合计 (or 总计) column?
fn total_in_header(header_lines: &[&str]) -> bool {
    header_lines.iter().any(|h| {
        let c = compact(h);
        c.contains("合计") || c.contains("总计")
    })
}

/// `1  合计  14587091.33 …`, `2  208  社会保障和就业支出 …`: a 序号 column before the code or the
/// total label is not an amount.
fn without_serial_number(ts: &[Token]) -> &[Token] {
    let serial = ts.first().and_then(Token::int).is_some_and(|n| n.len() <= 3 && !is_class_code(n));
    let then_row = ts.get(1).is_some_and(|t| t.text().is_some_and(is_total_label))
        || forward_code(ts.get(1..).unwrap_or(&[])).is_some();
    if serial && then_row {
        &ts[1..]
    } else {
        ts
    }
}

/// `      08         进修及培训   5.50 …`: a two-digit code segment, then the name (then amounts).
fn staircase_segment(ts: &[Token], l: &Line) -> Option<(String, usize)> {
    let first = ts.first()?;
    let seg = first.int().filter(|s| s.len() == 2)?;
    // The name, or the amounts of a row whose name wraps around its code (`机关事业单位基本养老保`
    // / `   05     129.26 …` / `险缴费支出`).
    ts.get(1).filter(|t| t.text().is_some() || matches!(&t.kind, Lex::Num(a) if a.decimals > 0))?;
    ts.iter().any(|t| matches!(t.kind, Lex::Num(_))).then(|| (seg.to_string(), first.span.start - l.span.start))
}

fn finish(p: PendingRow) -> CodedRow {
    let mut amounts = p.amounts;
    if p.reversed {
        // Reversed rows print their columns right to left.
        amounts.reverse();
    }
    CodedRow {
        code: if p.is_total { None } else { p.code },
        name: p.name,
        is_total: p.is_total,
        cells: p
            .positional
            .map(|v| v.into_iter().map(|c| c.map_or(Cell::Blank, Cell::Value)).collect())
            .unwrap_or_default(),
        amounts,
        line: p.line,
        span: p.span,
        problem: p.problem,
        inferred: None,
    }
}

/// Place a row's amounts into `ncols` value columns. Tab rows keep positions (extra trailing
/// cells must be blank); other rows are placed only when every column is printed. Otherwise
/// the first amount is the total column and the others stay `Unknown` (HZ-11).
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
    r.cells = vec![Cell::Unknown; ncols];
    // Amounts are never negative, so the total is the largest; if it is not printed first the
    // printed order is not the column order.
    if let Some(max) = r.amounts.iter().map(|a| a.value).max() {
        if n >= 2 && r.amounts[0].value < max {
            if let Some(k) = r.amounts.iter().position(|a| a.value == max) {
                let total = r.amounts.remove(k);
                r.amounts.insert(0, total);
            }
            r.cells[0] = Cell::Value(r.amounts[0].clone());
            r.problem = Some(RowProblem::Scrambled);
            return;
        }
    }
    if n == ncols {
        r.cells = r.amounts.iter().cloned().map(Cell::Value).collect();
    } else if n > ncols {
        r.problem = Some(RowProblem::TooManyAmounts);
    } else if n == 0 {
        r.cells = vec![Cell::Blank; ncols];
    } else {
        if n == 1 {
            // A total alone where parts are due: the row was not read whole; trust none of it.
            r.problem = Some(RowProblem::TooFewAmounts);
        } else {
            r.cells[0] = Cell::Value(r.amounts[0].clone());
            r.problem = Some(RowProblem::AmbiguousColumns);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(words: &str, headings: &str) -> HeaderCell {
        HeaderCell { words: words.into(), span: 0..1, foot: 0..1, lines: 0..1, headings: headings.into() }
    }

    #[test]
    fn another_years_column_is_named_by_its_own_words() {
        // The label heading above it on one page only (corpus 01, 2025年预算数 beside 2026年).
        let a = column_name(TableId::T5, &cell("2025年预算数", ""), Some(2026));
        let b = column_name(TableId::T5, &cell("2025年预算数", "功能分类科目"), Some(2026));
        assert_eq!(a, b);
        assert_eq!(a.as_deref(), Some("其他·2025年预算数"));
        // This year's column under a heading keeps the heading's meaning.
        assert_eq!(column_name(TableId::T5, &cell("小计", "基本支出"), Some(2026)).as_deref(), Some("基本支出"));
    }

    #[test]
    fn repeated_other_columns_get_their_own_names() {
        let names = ["合计", "其他·增减(%)", "其他·增减(%)", "项目支出"].map(String::from).to_vec();
        assert_eq!(distinct_others(names), ["合计", "其他·增减(%)", "其他·增减(%)#2", "项目支出"]);
    }

    fn table(id: TableId, text: &str) -> CodedTable {
        read(id, text, &lines::lines(text))
    }

    #[test]
    fn rows_classified_two_ways_are_keyed_by_the_department_code() {
        // Corpus 49, 一般公共预算基本支出表: 政府经济分类 then 部门经济分类, joined to names.
        let text = "                         合计        人员经费      公用经费\n\
                    50101-工资奖金津补贴   30101-基本工资     607.279200   607.279200\n\
                    50201-办公经费      30201-办公费        29.100000                29.100000\n";
        let t = table(TableId::T6, text);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].code.as_deref(), Some("30101"));
        assert_eq!(t.rows[0].amounts.len(), 2, "the codes are not amounts");
        assert_eq!(t.rows[1].code.as_deref(), Some("30201"));
    }

    #[test]
    fn a_function_row_continues_on_its_economic_line() {
        // Corpus 49, 支出总表: the 功能 name wraps, its 经济 codes and amounts on the next line.
        let text = "      合计      基本支出\n\
                    2080505-机关事业单位基本养老保险缴费\n\
                    50102-社会保障缴费 30108-机关事业单位基本养老保险缴费 291.817248 291.817248\n\
                    2080801-死亡抚恤 50901-社会福利和救助 30304-抚恤金 30.840000 30.840000\n";
        let t = table(TableId::T3, text);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].code.as_deref(), Some("2080505"));
        assert_eq!(t.rows[0].amounts.len(), 2);
    }

    #[test]
    fn signs_and_percent_marks_stay_with_their_numbers() {
        // Corpus 16, 一般公共预算支出表: changes printed `-118.90  -5.22%`.
        let text = "      合计     增减额     增减(%)\n\
                    208  社会保障和就业支出   2,156.86   -118.90   -5.22%\n";
        let t = table(TableId::T5, text);
        let r = &t.rows[0];
        assert!(r.problem.is_none(), "{:?}", r.problem);
        assert_eq!(r.name, "社会保障和就业支出");
        let values: Vec<String> = r.amounts.iter().map(|a| a.value.to_string()).collect();
        assert_eq!(values, ["2156.86", "-118.90", "-5.22"]);
    }

    #[test]
    fn a_subtotal_adds_up_the_shortest_run_after_it() {
        // Corpus 60, 收入预算总表: 总计 | 本年收入 小计 and its sources | 上年结转 小计 (blank).
        let v = |s: &str| Cell::Value(Amount { value: s.parse().unwrap_or_default(), decimals: 2, span: 0..0 });
        let mut columns = ["合计", "小计1", "来源2", "来源3", "来源4", "小计5", "来源6"].map(String::from).to_vec();
        let rows = vec![
            vec![v("7121.29"), v("7121.29"), v("7121.29"), Cell::Blank, Cell::Blank, Cell::Blank, Cell::Blank],
            vec![v("4606.13"), v("4606.13"), v("4597.27"), Cell::Blank, v("8.86"), Cell::Blank, Cell::Blank],
        ];
        assert!(subtotal_extents(&mut columns, &rows).is_some());
        assert_eq!(columns[1], "小计·3");
        assert_eq!(columns[5], "小计·1");
        // A run that holds on no row: not read.
        let rows = vec![vec![v("10.00"), v("10.00"), v("3.00"), v("3.00"), Cell::Blank, Cell::Blank, Cell::Blank]];
        let mut columns = ["合计", "小计1", "来源2", "来源3", "来源4", "小计5", "来源6"].map(String::from).to_vec();
        assert!(subtotal_extents(&mut columns, &rows).is_none());
    }

    #[test]
    fn a_name_wrapped_around_its_code_line_is_whole() {
        // Corpus 16, 一般公共预算支出表: the name's head above the code line, its tail below.
        let text = "        合计    基本支出\n\
                    2080503     离退休人员管理机构      210.58      210.58\n\
                    \x20           机关事业单位基本养\n\
                    2080505                    649.91      649.91\n\
                    \x20         老保险缴费支出\n\
                    2080506     职业年金缴费支出      358.82      358.82\n";
        let t = table(TableId::T5, text);
        let names: Vec<&str> = t.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["离退休人员管理机构", "机关事业单位基本养老保险缴费支出", "职业年金缴费支出"]);
    }

    #[test]
    fn named_columns_serve_when_amounts_cannot_be_placed() {
        // Corpus 49, 支出总表: the PDF shifts each row's amounts by its labels' widths.
        let t = table(TableId::T3, include_str!("../../tests/fixtures/reader/49-t3-unplaced.txt"));
        assert_eq!(t.columns[..3], ["合计", "基本支出", "项目支出"]);
        assert_eq!(t.rows.len(), 7);
        let first = &t.rows[0];
        assert_eq!(first.code.as_deref(), Some("2050803"));
        assert_eq!(first.cells[0], Cell::Value(first.amounts[0].clone()));
        // Corpus 59: amounts wrapped around their row (`106,512.0` / `合计 …` / `0`) are not whole,
        // so the header's names are not used for them.
        let t = table(TableId::T3, include_str!("../../tests/fixtures/reader/59-t3-wrapped-digits.txt"));
        assert!(!t.columns.iter().any(|c| c == "对附属单位补助支出"), "{:?}", t.columns);
    }

    #[test]
    fn space_rows_wrap_and_stay_ambiguous() {
        let t = table(TableId::T3, "科目 合计 基本支出 项目支出\n208 01\n人力资源和社会保障管\n理事务\n206.32 202.32 4.00\n208 01 09 社会保险经办机构 202.32 202.32\n");
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].code.as_deref(), Some("20801"));
        assert_eq!(t.rows[0].name, "人力资源和社会保障管理事务");
        assert!(t.rows[0].problem.is_none());
        assert_eq!(t.rows[1].problem, Some(RowProblem::AmbiguousColumns));
        assert_eq!(t.rows[1].cells[1], Cell::Unknown);
    }

    #[test]
    fn reversed_glued_rows() {
        let text = "项目支出基本支出合计功能分类科目名称\n项款类\n5083.57216.625300.19社会保障和就业支出208\n9901208\n其他人力资源和社会保障管理\n事务支出\n4.004.00\n119.92119.92行政运行0101208\n5083.57248.735332.30合计\n";
        let t = table(TableId::T5, text);
        assert_eq!(t.columns, ["合计", "基本支出", "项目支出"]);
        let codes: Vec<_> = t.rows.iter().map(|r| r.code.clone().unwrap_or_default()).collect();
        assert_eq!(codes, ["208", "2080199", "2080101", ""]);
        let first: Vec<String> = t.rows[0].amounts.iter().map(|a| a.value.to_string()).collect();
        assert_eq!(first, ["5300.19", "216.62", "5083.57"]);
        assert_eq!(t.rows[1].name, "其他人力资源和社会保障管理事务支出");
        assert!(t.rows[3].is_total);
        assert_eq!(t.rows[3].cells[0].amount().map(|a| a.value.to_string()).as_deref(), Some("5332.30"));
    }

    #[test]
    fn reversed_codes() {
        assert_eq!(reversed_code("0126208").as_deref(), Some("2082601"));
        assert_eq!(reversed_code("26208").as_deref(), Some("20826"));
        assert_eq!(reversed_code("2080101"), None);
    }
}
