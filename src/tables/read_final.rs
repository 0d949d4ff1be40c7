//! The 决算 收入支出决算总表 (F-TOTAL): income lines on the left, expenditure lines on the right,
//! each with its 行次 (`一、一般公共预算财政拨款收入  1  19,572.91   一、一般公共服务支出  32  10,685.56`).
//! The 行次 numbers are dropped; the two sides are told apart by the expenditure labels' column.

use super::{compact, skip_line, BalanceItem, BalanceTable, IncomeLevel};
use crate::amount::Amount;
use crate::lex::{lex, Lex, Token};
use crate::lines::Line;

/// Header words: a line whose labels are only these is the header (`项目 行次 金额`, `栏次`).
const HEADER_WORDS: [&str; 9] = ["项目", "行次", "金额", "栏次", "收入", "支出", "决算数", "年初预算数", "本年"];

/// A 行次 or 栏次 number: an integer of at most three digits without separators.
fn is_row_number(t: &Token, text: &str) -> bool {
    t.int().is_some_and(|n| n.len() <= 3) && !text.get(t.span.clone()).unwrap_or("").contains([',', '.'])
}

/// Read the lines of a 收入支出决算总表 region.
pub fn read(text: &str, lines: &[Line]) -> BalanceTable {
    let toks: Vec<Vec<Token>> = lines
        .iter()
        .map(|l| lex(&text[l.span.clone()], l.span.start).into_iter().filter(|t| !is_row_number(t, text)).collect())
        .collect();
    let mut t = BalanceTable::default();
    let Some(split) = split_column(text, lines, &toks) else { return t };
    for (l, ts) in lines.iter().zip(&toks) {
        // The two 总计 end the table: what follows is another table (its title lost) or prose.
        if t.income_total.is_some() && t.expense_total.is_some() {
            break;
        }
        let s = &text[l.span.clone()];
        // (A page's repeated title and the table's note are no lines of it.)
        let c = compact(s);
        // (… and a page's repeated header: `项目 行次 金额`, `栏 次 1 2 3`.)
        let header = c.contains("行次") || c.contains("栏次");
        if skip_line(s) || ts.is_empty() || header || super::classify_title(&c).is_some() || c.starts_with('注') {
            continue;
        }
        let (left, right): (Vec<&Token>, Vec<&Token>) =
            ts.iter().partition(|x| super::grid::column(text, x.span.start) < split);
        for (side, income) in [(left, true), (right, false)] {
            if let Some(item) = item(&side, l, text) {
                push(&mut t, item, income);
            } else {
                wrapped_amounts(&mut t, &side, l.index, income);
            }
        }
    }
    t
}

/// The character column where the expenditure labels start: the leftmost second label of the
/// lines that print two (after the 行次 numbers are dropped) where at least three lines agree.
fn split_column(text: &str, lines: &[Line], toks: &[Vec<Token>]) -> Option<usize> {
    let starts: Vec<usize> = lines
        .iter()
        .zip(toks)
        .filter_map(|(_, ts)| {
            let texts: Vec<&Token> = ts.iter().filter(|t| matches!(t.kind, Lex::Text(_))).collect();
            (texts.len() == 2).then(|| super::grid::column(text, texts[1].span.start))
        })
        .collect();
    leftmost_cluster(starts)
}

/// The smallest column at which at least three of `starts` begin within 6 columns: a stray line
/// of prose after the table (two words, the second further left) does not move the split.
fn leftmost_cluster(mut starts: Vec<usize>) -> Option<usize> {
    starts.sort_unstable();
    let mut hi = 0;
    for (lo, &s) in starts.iter().enumerate() {
        hi = hi.max(lo);
        while hi + 1 < starts.len() && starts[hi + 1] <= s + 6 {
            hi += 1;
        }
        if hi + 1 - lo >= 3 {
            return Some(s);
        }
    }
    None
}

/// One side of a line: its label and its amount (if printed). `None` for a header fragment.
fn item(side: &[&Token], l: &Line, text: &str) -> Option<BalanceItem> {
    let label_tok = side.iter().find(|t| t.text().is_some())?;
    let printed = compact(label_tok.text()?);
    let rest = HEADER_WORDS.iter().fold(printed.clone(), |r, w| r.replace(w, ""));
    if rest.is_empty() || printed.chars().count() < 2 {
        return None;
    }
    let amounts: Vec<Amount> = side.iter().filter_map(|t| t.amount()).collect();
    // (An enumerator is numerals and `、`: the 一 of 一般公共预算 is a word.)
    let numerals = printed.trim_start_matches(|c: char| super::titles::CHINESE_NUMERALS.contains(c));
    let label = numerals.strip_prefix('、').filter(|_| numerals.len() < printed.len()).unwrap_or(&printed).to_string();
    Some(BalanceItem {
        level: if label.len() < printed.len() { IncomeLevel::Numbered } else { IncomeLevel::Top },
        label,
        printed,
        code: None,
        amount: amounts.first().cloned(),
        amounts,
        positional: None,
        line: l.index,
        indent: super::grid::column(text, label_tok.span.start),
    })
}

/// Amounts printed without a label, on the line after a label printed without amounts (a label
/// wrapped around its amounts: `七、文化旅游体育与传媒支` / `34  0.00  0.00` / `出`): that
/// line's amounts.
fn wrapped_amounts(t: &mut BalanceTable, side: &[&Token], line: usize, income: bool) {
    let amounts: Vec<Amount> = side.iter().filter_map(|t| t.amount()).collect();
    let items = if income { &mut t.income } else { &mut t.expense };
    match items.last_mut() {
        Some(last) if !amounts.is_empty() && last.amounts.is_empty() && last.line + 1 == line => {
            last.amount = amounts.first().cloned();
            last.amounts = amounts;
        }
        _ => {}
    }
}

/// Put an item on its side: `总计` is the side's total, everything else a line.
fn push(t: &mut BalanceTable, item: BalanceItem, income: bool) {
    let total = matches!(item.label.as_str(), "总计" | "收入总计" | "支出总计");
    match (income, total) {
        (true, true) => t.income_total = Some(item),
        (false, true) => t.expense_total = Some(item),
        (true, false) => t.income.push(item),
        (false, false) => t.expense.push(item),
    }
}
