//! Balance tables: T1 收支总体情况表 and T4 财政拨款收支预算总体情况表. Income lines on the left,
//! expenditure by 功能分类 类 on the right, often merged into one text line (HZ-15): the
//! expenditure side starts at a 类 code followed by its name, or at 支出总计.

use super::grid::column;
use super::titles::{strip_title_prefix, CHINESE_NUMERALS};
use super::{is_class_code, skip_line, BalanceItem, BalanceTable, Breakdown, IncomeLevel, TableId};
use crate::amount::Amount;
use crate::lex::{lex, Lex, Token};
use crate::lines::{compact, Line};

fn strip_enumerator(label: &str) -> (String, IncomeLevel) {
    if let Some(rest) = strip_bracketed_numeral(label) {
        return (rest.to_string(), IncomeLevel::Numbered);
    }
    let (rest, enumerated) = strip_title_prefix(label);
    let level = if label.starts_with(|c: char| CHINESE_NUMERALS.contains(c)) && enumerated {
        IncomeLevel::Top
    } else if enumerated {
        IncomeLevel::Numbered
    } else {
        IncomeLevel::Sub
    };
    let rest = rest.strip_prefix("其中:").unwrap_or(rest);
    (rest.to_string(), level)
}

/// `(一)一般公共服务支出`, `（2）政府性基金`: the label after a bracketed enumerator.
fn strip_bracketed_numeral(label: &str) -> Option<&str> {
    let rest = label.strip_prefix(['(', '（'])?;
    let close = rest.find([')', '）'])?;
    let numeral = &rest[..close];
    let is_numeral = !numeral.is_empty()
        && numeral.chars().count() <= 3
        && numeral.chars().all(|c| c.is_ascii_digit() || CHINESE_NUMERALS.contains(c));
    let after = &rest[close..];
    let after = after.strip_prefix(')').or_else(|| after.strip_prefix('）'))?;
    (is_numeral && !after.is_empty()).then_some(after)
}

fn is_income_total(label: &str) -> bool {
    label.contains("收入总计") || label == "收入合计"
}

fn is_expense_total(label: &str) -> bool {
    label.contains("支出总计") || label == "支出合计"
}

fn is_header_word(label: &str) -> bool {
    // `项目 预算 项目 预算`: the column words of a header repeated on a later page.
    let words_only =
        ["项目", "预算数", "预算", "金额", "收入", "支出"].iter().fold(label.to_string(), |l, w| l.replace(w, ""));
    if words_only.is_empty() {
        return true;
    }
    const HEADERS: [&str; 10] =
        ["收入", "支出", "项目", "预算数", "功能分类", "收入支出", "金额", "合计", "财政拨款收入", "财政拨款支出"];
    HEADERS.contains(&label)
        || label.starts_with("编制")
        || label.starts_with("单位:")
        || label.starts_with("项目预算数")
}

/// The header line `收 入 … 支 出` (no amounts).
fn is_side_header(c: &str) -> bool {
    c.contains("收入")
        && c.contains("支出")
        && c.chars().count() <= 30
        && !c.contains("总计")
        && !c.bytes().any(|b| b.is_ascii_digit())
}

/// Read the lines from the table's header to its totals line. A region without a totals line is
/// read whole (the table may be cut off; rules then skip it).
pub fn read(id: TableId, text: &str, lines: &[Line]) -> BalanceTable {
    let toks: Vec<Vec<Token>> = lines.iter().map(|l| lex(&text[l.span.clone()], l.span.start)).collect();
    let totals = toks.iter().position(|ts| {
        ts.iter().any(|t| t.text().is_some_and(|x| is_income_total(x) || is_expense_total(x)))
            && ts.iter().any(|t| matches!(t.kind, Lex::Num(_)))
    });
    let end = totals.map_or(lines.len(), |k| k + 1);
    // The first side header: a table printed over two pages repeats it.
    let start =
        totals.and_then(|k| (0..k).find(|&i| is_side_header(&compact(&text[lines[i].span.clone()])))).unwrap_or(0);
    let mut t = BalanceTable::default();
    if id == TableId::T4 {
        t.columns = vec!["合计".into(), "一般公共预算".into(), "政府性基金预算".into(), "国有资本经营预算".into()];
    }
    let groups = group_starts(text, &lines[start..end]);
    if groups.len() >= 2 {
        read_groups(text, &lines[start..end], &groups, &mut t);
        return t;
    }
    let split = side_split(text, &lines[start..end], &toks[start..end]);
    let mut beside = false;
    for (l, ts) in lines[start..end].iter().zip(&toks[start..end]) {
        let s = &text[l.span.clone()];
        // A page's repeated title is no line of the table.
        if !is_table_line(s) {
            continue;
        }
        if split.is_some_and(|x| amounts_of_wrapped_line(ts, text, x, &mut t)) {
            continue;
        }
        let cut = split.and_then(|x| cut_at(s, x).or_else(|| (!income_like(ts)).then_some(0)));
        if let Some(cut) = cut {
            // Sides by position: an income label without an amount does not merge with the
            // expenditure label beside it (`2、政府性基金预算      三、卫生健康支出`).
            let at = l.span.start;
            read_side(&lex(&s[..cut], at), l.index, text, &mut t, true);
            let before = t.expense.len() + usize::from(t.expense_total.is_some());
            read_side(&lex(&s[cut..], at + cut), l.index, text, &mut t, false);
            // Two labels on the expenditure side of one line: a second breakdown beside the
            // 功能分类 one (经济分类, 支出用途).
            beside |= t.expense.len() + usize::from(t.expense_total.is_some()) > before + 1;
            continue;
        }
        // Reversed extraction (HZ-03): amounts first, then their label: `0.860.86205 教育支出`,
        // `5332.30收 入 总 计  5332.305332.30支 出 总 计`.
        if matches!(ts.first().map(|t| &t.kind), Some(Lex::Num(_)))
            && matches!(ts.last().map(|t| &t.kind), Some(Lex::Text(_)))
        {
            read_reversed(ts, l.index, &mut t);
            continue;
        }
        let (left, right) = ts.split_at(marked_split(ts).unwrap_or(ts.len()));
        read_side(left, l.index, text, &mut t, true);
        let before = t.expense.len() + usize::from(t.expense_total.is_some());
        read_side(right, l.index, text, &mut t, false);
        // Tab-separated: the expenditure amounts keep their columns (blank cells included).
        if s.contains('\t') && before < t.expense.len() + usize::from(t.expense_total.is_some()) {
            if let Some(cols) = expense_cells(s, l.span.start) {
                let item = if t.expense_total.as_ref().is_some_and(|i| i.line == l.index) {
                    t.expense_total.as_mut()
                } else {
                    t.expense.last_mut()
                };
                if let Some(item) = item {
                    item.positional = Some(cols);
                }
            }
        }
    }
    name_classes(&mut t);
    if beside || t.expense.iter().any(|i| two_labels(&i.printed)) {
        // Which amount belongs to which breakdown is not known: no 类 is read.
        t.expense.clear();
        t.expense_beside = true;
    }
    t
}

/// A label holding a second enumerated label (`一、一般公共服务支出一、基本支出`): two
/// breakdowns printed side by side, run together.
fn two_labels(printed: &str) -> bool {
    printed.match_indices('、').any(|(k, _)| {
        let before = &printed[..k];
        let run = before.trim_end_matches(|c: char| CHINESE_NUMERALS.contains(c));
        run.len() < before.len() && !run.is_empty()
    })
}

/// Where a line's expenditure side starts by what it prints: a 类 code followed by its name, or
/// 支出总计.
fn marked_split(ts: &[Token]) -> Option<usize> {
    ts.iter().enumerate().position(|(k, tok)| match &tok.kind {
        Lex::Int(raw) => is_class_code(raw) && matches!(ts.get(k + 1).map(|t| &t.kind), Some(Lex::Text(_))),
        Lex::Text(label) => is_expense_total(label) || label.starts_with("本年支出"),
        Lex::Num(_) => false,
    })
}

/// The character column where the expenditure side starts, from the lines that print both
/// sides (space-separated, no tabs): the first token after the income line's amounts. The leftmost such start is the side's label column.
fn side_split(text: &str, lines: &[Line], toks: &[Vec<Token>]) -> Option<usize> {
    let starts: Vec<usize> = lines
        .iter()
        .zip(toks)
        .filter(|(l, _)| !text[l.span.clone()].contains('\t'))
        .filter_map(|(_, ts)| {
            let first_text = ts.iter().position(|t| t.text().is_some())?;
            let first_amount = first_text + ts[first_text..].iter().position(|t| t.text().is_none())?;
            let after = first_amount + ts[first_amount..].iter().position(|t| matches!(t.kind, Lex::Text(_)))?;
            // A class code before the expenditure label belongs to that side.
            let start = match ts.get(after - 1) {
                Some(t) if after - 1 > first_amount && t.int().is_some_and(is_class_code) => after - 1,
                _ => after,
            };
            (first_amount == first_text + 1).then(|| column(text, ts[start].span.start))
        })
        .chain(lines.iter().zip(toks).filter_map(|(l, ts)| enumerated_second_side(text, l, ts)))
        .collect();
    let x = aligned_start(&starts)?;
    // Where a line marks its side (a 类 code, 支出总计), the column must agree with it: an
    // alignment that cuts a code from its name is a coincidence of single-spaced text.
    let agrees = lines.iter().zip(toks).filter(|(l, _)| !skip_line(&text[l.span.clone()])).all(|(l, ts)| {
        match marked_split(ts) {
            Some(k) => cut_at(&text[l.span.clone()], x).is_some_and(|cut| {
                let at = l.span.start + cut;
                at <= ts[k].span.start && ts[..k].iter().all(|t| t.span.end <= at)
            }),
            None => true,
        }
    });
    agrees.then_some(x)
}

/// `二、财政专户管理事业收入          二、项目支出   417.41`: an income line without its amount,
/// then, after a wide gap, a label with its own enumerator (`一、` … `十、`) — the expenditure
/// side's label column. (The lexer joins the two labels into one text.)
fn enumerated_second_side(text: &str, l: &Line, _ts: &[Token]) -> Option<usize> {
    let s = &text[l.span.clone()];
    let enumerated = |x: &str| {
        x.split_once('、').is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
    };
    if !enumerated(s.trim_start()) {
        return None;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut blanks = 0;
    for &(at, c) in &chars {
        if c.is_whitespace() {
            blanks += 1;
            continue;
        }
        if blanks >= 4 && at > s.len() - s.trim_start().len() && enumerated(&s[at..]) {
            return Some(column(text, l.span.start + at));
        }
        blanks = 0;
    }
    None
}

/// The side's start when the lines agree on it: layout extraction prints the labels of one
/// level in one column, deeper levels a few columns right. Starts that scatter (labels that
/// merely follow their amount in single-spaced text) make no column.
fn aligned_start(starts: &[usize]) -> Option<usize> {
    let first = starts.iter().copied().min()?;
    let near = starts.iter().filter(|&&s| s <= first + 8).count();
    (near >= 2 && near * 3 >= starts.len()).then_some(first)
}

/// The byte offset in `s` where the expenditure side starts: the first blank run that ends at
/// column `x` or beyond (two columns of slack) and is followed by a label or a 类 code, not by
/// an amount (`本年收入合计      9,483.72   本年支出合计  9,483.72`). `None` when the line has no
/// such run (an income line alone), and for tab-separated lines.
fn cut_at(s: &str, x: usize) -> Option<usize> {
    if s.contains('\t') || x == 0 {
        return None;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    // A line indented far into the table is an expenditure line alone; income lines start near
    // the left edge (sub-lines a few columns in).
    let indent = chars.iter().take_while(|(_, c)| c.is_whitespace()).count();
    if indent >= 10 && indent * 2 >= x && indent < chars.len() && starts_label(&s[chars[indent].0..]) {
        return Some(0);
    }
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_whitespace() {
            k += 1;
            continue;
        }
        let run = k;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k < chars.len() && k + 2 >= x && starts_label(&s[chars[k].0..]) {
            return Some(chars[run].0);
        }
    }
    None
}

/// The most expenditure breakdowns a balance table is read with side by side.
const MAX_BREAKDOWNS: usize = 8;

/// A line of the table itself: not blank, no page furniture, unit line or repeated title.
fn is_table_line(s: &str) -> bool {
    !s.trim().is_empty() && !skip_line(s) && super::classify_title(&compact(s)).is_none()
}

/// The columns where each expenditure breakdown starts when the table prints three or more
/// column pairs of labels and amounts (收入 | 功能分类 | 部门经济分类 | 政府经济分类): the label
/// starts of the lines gathered into columns, each at least three lines strong; the leftmost
/// column (income) is not returned. Fewer than two breakdown columns: empty (a two-sided table
/// is split by [`side_split`]).
fn group_starts(text: &str, lines: &[Line]) -> Vec<usize> {
    let mut starts: Vec<usize> = lines
        .iter()
        .map(|l| &text[l.span.clone()])
        // Lines that print amounts: header words stand in columns too.
        .filter(|s| !s.contains('\t') && !skip_line(s) && lex(s, 0).iter().any(|t| matches!(t.kind, Lex::Num(_))))
        .flat_map(label_starts)
        .collect();
    starts.sort_unstable();
    let mut columns: Vec<(usize, usize)> = Vec::new(); // (first column, lines)
    let mut last = None;
    for s in starts {
        match (columns.last_mut(), last) {
            (Some(c), Some(l)) if s <= l + 8 => c.1 += 1,
            _ => columns.push((s, 1)),
        }
        last = Some(s);
    }
    // The leftmost column is income's, strong or not (its labels may indent by level); the
    // strong columns right of it are the breakdowns.
    let groups: Vec<usize> = columns.iter().skip(1).filter(|c| c.1 >= 3).map(|c| c.0).collect();
    // Real tables print at most a handful of pairs; more is no such layout (and bounds the work
    // on hostile text to a few passes over the lines).
    if (2..=MAX_BREAKDOWNS).contains(&groups.len())
        && (1..=groups.len()).all(|g| pairs_in_group(text, lines, &groups, g) >= 3)
    {
        groups
    } else {
        Vec::new()
    }
}

/// How many lines print a label followed by an amount inside column pair `g`: a column of
/// labels without amounts of its own is only a deeper indent of the pair before it.
fn pairs_in_group(text: &str, lines: &[Line], groups: &[usize], g: usize) -> usize {
    let pair = |s: &str| {
        let r = group_ranges(s, groups).swap_remove(g);
        let ts = lex(&s[r], 0);
        ts.first().is_some_and(|t| t.text().is_some()) && ts.iter().any(|t| matches!(t.kind, Lex::Num(_)))
    };
    lines.iter().filter(|l| pair(&text[l.span.clone()])).count()
}

/// The character columns where labels start on a line: a word opening with a Chinese
/// character, a bracket or an enumerator (`1、`), at the line's start or after two blanks or
/// after an amount and one blank (single blanks between characters are a spaced-out header).
fn label_starts(s: &str) -> Vec<usize> {
    let chars: Vec<char> = s.chars().collect();
    let labelish = |k: usize| {
        let c = chars[k];
        let digits = chars[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        c > '\u{2e80}' || c == '(' || (digits > 0 && digits <= 2 && chars.get(k + digits) == Some(&'、'))
    };
    (0..chars.len())
        .filter(|&k| !chars[k].is_whitespace() && labelish(k))
        .filter(|&k| match k {
            0 => true,
            1 => chars[0].is_whitespace(),
            _ => chars[k - 1].is_whitespace() && (chars[k - 2].is_whitespace() || chars[k - 2].is_ascii_digit()),
        })
        .collect()
}

/// Byte offsets where a line's column pairs start, by [`group_starts`]: a cut before the first
/// word that starts at or after a group's column (two columns of slack). One range per group.
fn group_ranges(s: &str, groups: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut cuts = vec![0];
    let mut group = 0;
    let mut prev_space = true;
    for (col, (at, c)) in s.char_indices().enumerate() {
        if !c.is_whitespace() && prev_space {
            let g = groups.iter().filter(|&&x| col + 2 >= x).count();
            while group < g {
                group += 1;
                cuts.push(at);
            }
        }
        prev_space = c.is_whitespace();
    }
    while cuts.len() <= groups.len() {
        cuts.push(s.len());
    }
    cuts.push(s.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// `当年支出小计                27,664.22`: a pair whose label has no amount and whose amount stands
/// under the next pair's column is one pair; the next pair is empty on that line.
fn joined_amounts(s: &str, mut ranges: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
    let has = |r: &std::ops::Range<usize>, num: bool| {
        lex(&s[r.clone()], 0).iter().any(|t| matches!(t.kind, Lex::Num(_)) == num)
    };
    for g in 1..ranges.len().saturating_sub(1) {
        let only_amounts = has(&ranges[g + 1], true) && !has(&ranges[g + 1], false);
        if only_amounts && has(&ranges[g], false) && !has(&ranges[g], true) {
            ranges[g].end = ranges[g + 1].end;
            ranges[g + 1] = ranges[g].end..ranges[g].end;
        }
    }
    ranges
}

/// Read a table of several breakdowns side by side: each word goes to the column pair it
/// starts in; the first pair is income, the pair that names the most 类 is the 功能分类 side,
/// the others are [`Breakdown`]s.
fn read_groups(text: &str, lines: &[Line], groups: &[usize], t: &mut BalanceTable) {
    let mut sides: Vec<BalanceTable> = vec![BalanceTable::default(); groups.len()];
    for l in lines {
        let s = &text[l.span.clone()];
        if !is_table_line(s) {
            continue;
        }
        for (g, r) in joined_amounts(s, group_ranges(s, groups)).into_iter().enumerate().take(groups.len() + 1) {
            let part = lex(&s[r.clone()], l.span.start + r.start);
            match g {
                0 => read_side(&part, l.index, text, t, true),
                _ => read_side(&part, l.index, text, &mut sides[g - 1], false),
            }
        }
    }
    let named = |b: &BalanceTable| b.expense.iter().filter(|i| super::classes::class_code(&i.label).is_some()).count();
    let main = (0..sides.len()).max_by_key(|&k| (named(&sides[k]), usize::MAX - k)).unwrap_or(0);
    let mut main_side = sides.remove(main);
    name_classes(&mut main_side);
    t.expense = main_side.expense;
    t.expense_total = main_side.expense_total;
    t.breakdowns = sides.into_iter().map(|b| Breakdown { items: b.expense, total: b.expense_total }).collect();
}

/// `四、文化旅游体育与传媒` / `200,000  200,000` / `支出`: a line of amounts alone on the
/// expenditure side belongs to the expenditure line above it that has none. Returns whether the
/// amounts were taken.
fn amounts_of_wrapped_line(ts: &[Token], text: &str, x: usize, t: &mut BalanceTable) -> bool {
    let all_amounts = !ts.is_empty() && ts.iter().all(|t| t.text().is_none());
    let Some(first) = ts.first().filter(|f| all_amounts && column(text, f.span.start) >= x) else { return false };
    let line_of = |at: usize| text[..at].matches('\n').count();
    match t.expense.last_mut() {
        Some(item) if item.amounts.is_empty() && line_of(first.span.start) <= item.line + 2 => {
            item.amounts = ts.iter().filter_map(Token::amount).collect();
            item.amount = item.amounts.first().cloned();
            true
        }
        _ => false,
    }
}

/// Does a line read as an income line? A layout table's later page may print the expenditure
/// side alone at the left edge (`公立医院   9028.85`); income lines name money coming in.
fn income_like(ts: &[Token]) -> bool {
    // Not 补助: `公务员医疗补助` is a 项; the income lines that have it say 收入 too.
    const INCOME: [&str; 12] =
        ["收入", "拨款", "资金", "预算", "结转", "结余", "财政专户", "事业基金", "其中", "合计", "总计", "项目"];
    ts.iter().find_map(Token::text).is_none_or(|label| INCOME.iter().any(|k| label.contains(k)))
}

/// Does `rest` begin with a label, or with a 类 code and its label (`201 一般公共服务支出`)?
fn starts_label(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        0 => true,
        // `1、一般公共服务支出`
        1 | 2 => rest[digits..].starts_with('、'),
        3 => is_class_code(&rest[..3]) && rest[3..].starts_with(char::is_whitespace),
        _ => false,
    }
}

/// Expenditure lines printed by 类 name alone get the class's code. A 类 name is not a 款 or 项
/// name, except `其他支出`: that one only enumerated or at the side's outermost indent.
fn name_classes(t: &mut BalanceTable) {
    join_wrapped_names(&mut t.expense);
    let Some(outer) = t.expense.iter().map(|i| i.indent).min() else { return };
    for item in t.expense.iter_mut().filter(|i| i.code.is_none()) {
        let outermost = item.level == IncomeLevel::Top || item.indent <= outer + 1;
        if outermost || item.label != "其他支出" {
            item.code = super::classes::class_code(&item.label).map(String::from);
        }
    }
}

/// `四、文化旅游体育与传媒` / `支出   200,000`: a 类 name wrapped onto the next line, its amounts
/// printed with either part. The two lines are one item.
fn join_wrapped_names(items: &mut Vec<BalanceItem>) {
    let mut k = 0;
    while k + 1 < items.len() {
        let (a, b) = (&items[k], &items[k + 1]);
        let joined = format!("{}{}", a.label, b.label);
        let wrapped = a.code.is_none()
            && (a.amounts.is_empty() || b.amounts.is_empty())
            && b.code.is_none()
            && b.line <= a.line + 2
            && super::classes::class_code(&joined).is_some();
        if wrapped {
            let b = items.remove(k + 1);
            let a = &mut items[k];
            a.printed.push_str(&b.printed);
            a.label = joined;
            if a.amounts.is_empty() {
                a.amount = b.amount;
                a.amounts = b.amounts;
                a.positional = b.positional;
            }
        }
        k += 1;
    }
}

/// The cells after the expenditure label of a tab-separated line, as amounts or blanks; `None`
/// when one of them is not an amount.
fn expense_cells(s: &str, start: usize) -> Option<Vec<Option<Amount>>> {
    let cells = crate::lines::cells(s, start);
    let k = cells.iter().position(|c| {
        let c = compact(c.text);
        is_expense_total(&c) || c.get(..3).is_some_and(is_class_code) && c.len() > 3
    })?;
    cells[k + 1..]
        .iter()
        .map(|c| {
            if c.text.is_empty() {
                Some(None)
            } else {
                crate::amount::parse_number(c.text)
                    .map(|(value, decimals)| Some(Amount { value, decimals, span: c.span() }))
            }
        })
        .collect()
}

fn read_reversed(ts: &[Token], line: usize, t: &mut BalanceTable) {
    let mut amounts: Vec<Amount> = Vec::new();
    let mut code: Option<String> = None;
    for (k, tok) in ts.iter().enumerate() {
        match &tok.kind {
            Lex::Int(raw) if is_class_code(raw) && matches!(ts.get(k + 1).map(|t| &t.kind), Some(Lex::Text(_))) => {
                code = Some(raw.clone())
            }
            Lex::Text(label) => {
                // Printed right to left: the first column is the last printed.
                amounts.reverse();
                let (clean, level) = strip_enumerator(label);
                let expense = code.is_some() || is_expense_total(label);
                let item = BalanceItem {
                    label: clean,
                    printed: label.clone(),
                    level,
                    code: code.take(),
                    amount: amounts.first().cloned(),
                    amounts: std::mem::take(&mut amounts),
                    positional: None,
                    line,
                    indent: 0,
                };
                if is_income_total(&item.label) {
                    t.income_total = Some(item);
                } else if is_expense_total(&item.label) {
                    t.expense_total = Some(item);
                } else if expense {
                    t.expense.push(item);
                } else if item.amount.is_some() {
                    t.income.push(item);
                }
            }
            _ => {
                if let Some(a) = tok.amount() {
                    amounts.push(a);
                }
            }
        }
    }
}

fn read_side(ts: &[Token], line: usize, text: &str, t: &mut BalanceTable, income: bool) {
    let mut i = 0;
    while i < ts.len() {
        let indent = column(text, ts[i].span.start);
        let (code, label) = match (&ts[i].kind, ts.get(i + 1).map(|t| &t.kind)) {
            (Lex::Int(raw), Some(Lex::Text(name))) if !income && is_class_code(raw) => {
                i += 2;
                (Some(raw.clone()), name.clone())
            }
            (Lex::Text(label), _) => {
                i += 1;
                (None, label.clone())
            }
            // A number without a label: not part of any item we can name.
            _ => {
                i += 1;
                continue;
            }
        };
        let mut amounts: Vec<Amount> = Vec::new();
        while let Some(a) = ts.get(i).filter(|t| t.text().is_none()).and_then(Token::amount) {
            amounts.push(a);
            i += 1;
        }
        // `支出` ending a 类 name wrapped over lines is no header word.
        let ends_a_name = !income
            && t.expense.last().is_some_and(|p| super::classes::class_code(&format!("{}{label}", p.label)).is_some());
        if amounts.is_empty()
            && code.is_none()
            && !ends_a_name
            && (is_header_word(&label) || is_side_header(&label) || label.contains("合计"))
        {
            continue;
        }
        let (clean, level) = strip_enumerator(&label);
        let item = BalanceItem {
            label: clean,
            printed: label,
            level,
            code,
            amount: amounts.first().cloned(),
            amounts,
            positional: None,
            line,
            indent,
        };
        // A bare `合计` printed first on its side, before any of its lines, is that side's
        // total (重庆: the totals line at the top).
        let first_total = ["合计", "总计"].contains(&item.label.as_str())
            && item.amount.is_some()
            && if income {
                t.income.is_empty() && t.income_total.is_none()
            } else {
                t.expense.is_empty() && t.expense_total.is_none()
            };
        if income && (is_income_total(&item.label) || first_total) {
            t.income_total = Some(item);
        } else if !income && (is_expense_total(&item.label) || first_total) {
            t.expense_total = Some(item);
        } else if income {
            t.income.push(item);
        } else if item.code.is_some() || item.amount.is_some() || !t.expense.is_empty() {
            t.expense.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    #[test]
    fn merged_line_splits_at_the_class_code() {
        let text = "收 入 支 出\n2.政府性基金预算拨款  205 教育支出 0.86\n收入总计 0.86 支出总计 0.86\n";
        let t = read(TableId::T1, text, &lines::lines(text));
        assert_eq!(t.income.len(), 1);
        assert!(t.income[0].amount.is_none());
        assert_eq!(t.income[0].level, IncomeLevel::Numbered);
        assert_eq!(t.expense[0].code.as_deref(), Some("205"));
        assert_eq!(t.expense[0].amount.as_ref().map(|a| a.value.to_string()).as_deref(), Some("0.86"));
        assert!(t.income_total.is_some() && t.expense_total.is_some());
    }

    #[test]
    fn breakdowns_side_by_side_are_read_each_in_its_columns() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/rules/T1-OUT-BREAKDOWN/pass.txt"))
                .unwrap_or_default();
        let t = read(TableId::T1, &text, &lines::lines(&text));
        assert_eq!(t.breakdowns.len(), 2);
        assert_eq!(t.expense.iter().filter(|i| i.code.is_some()).count(), 23);
        let econ = &t.breakdowns[0].items;
        assert_eq!(econ[1].printed, "1、人员经费和公用经费支出");
        assert_eq!(econ[1].amount.as_ref().map(|a| a.value.to_string()).as_deref(), Some("33544216.08"));
        assert_eq!(t.income[0].printed, "一、部门预算");
        assert!(t.breakdowns.iter().all(|b| b.total.as_ref().is_some_and(|x| x.amount.is_some())));
    }

    #[test]
    fn three_sides_with_income_labels_indented_by_level() {
        // Corpus 75: 收入 | 功能分类 | 支出用途; the income labels start at three indents (no
        // column of their own), the 小计 amounts stand under the last pair's column.
        let text = include_str!("../../tests/fixtures/reader/75-t1-three-sides.txt");
        let t = read(TableId::T1, text, &lines::lines(text));
        let value = |i: Option<&BalanceItem>| i.and_then(|i| i.amount.as_ref()).map(|a| a.value.to_string());
        assert_eq!(t.breakdowns.len(), 1);
        let uses: Vec<_> = t.breakdowns[0].items.iter().map(|i| i.printed.as_str()).collect();
        assert_eq!(uses, ["一、基本支出", "二、项目支出", "三、单位预留机动经费"]);
        assert_eq!(value(t.expense.iter().find(|i| i.code.as_deref() == Some("201"))).as_deref(), Some("22395.50"));
        assert_eq!(value(t.expense.iter().find(|i| i.label == "当年支出小计")).as_deref(), Some("27664.22"));
        assert_eq!(value(t.expense_total.as_ref()).as_deref(), Some("27664.22"));
    }

    #[test]
    fn reading_stops_at_the_totals_line() {
        let text = "一、主要职能\n收入 支出\n一、本年收入 5.00 201 一般公共服务支出 5.00\n收入总计 5.00 支出总计 5.00\n第二部分 2024 年\n";
        let t = read(TableId::T1, text, &lines::lines(text));
        assert_eq!(t.income.len(), 1);
        assert_eq!(t.income[0].label, "本年收入");
    }
}
