//! Tokens of a table line: text, amounts and bare integers (codes, or amounts printed without
//! decimals), with glued numbers split apart (HZ-04).
//!
//! `5083.57216.625300.19社会保障和就业支出208` → `5083.57` `216.62` `5300.19` `社会保障和就业支出`
//! `208`. Runs of text separated by spaces or tabs merge into one text token (`收 入 总 计` →
//! `收入总计`), since PDF extraction puts spaces inside words (HZ-02, HZ-16).

use crate::amount::{parse_number, Amount};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum Lex {
    /// Text with whitespace removed.
    Text(String),
    /// A number printed with decimals or thousands separators.
    Num(Amount),
    /// Digits only: a code, or an amount printed without decimals.
    Int(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Lex,
    pub span: Range<usize>,
}

impl Token {
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            Lex::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn int(&self) -> Option<&str> {
        match &self.kind {
            Lex::Int(t) => Some(t),
            _ => None,
        }
    }

    /// The token as an amount: a number, or an integer read as an amount with no decimals.
    pub fn amount(&self) -> Option<Amount> {
        match &self.kind {
            Lex::Num(a) => Some(a.clone()),
            Lex::Int(raw) => {
                parse_number(raw).map(|(value, decimals)| Amount { value, decimals, span: self.span.clone() })
            }
            Lex::Text(_) => None,
        }
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Split a line into tokens. `start` is the line's offset in the normalized text.
pub fn lex(line: &str, start: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_digit(c) {
            // A numeric run: digits, '.' and ',' between digits.
            let mut j = i + 1;
            while j < chars.len() {
                let ch = chars[j].1;
                let next_digit = chars.get(j + 1).is_some_and(|&(_, n)| is_digit(n));
                if is_digit(ch) || ((ch == '.' || ch == ',') && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            // `25180591 .33`: the cents printed one blank after the whole 元 are one amount.
            if let Some((tok, after)) = spaced_cents(line, &chars, i, j, start) {
                out.push(tok);
                i = after;
                continue;
            }
            let end = chars.get(j).map_or(line.len(), |&(p, _)| p);
            let run = &line[pos..end];
            // `2.` or `1、` before text is an enumerator: keep it with the text.
            // (A '.' followed by a digit would have stayed in the run.)
            let enumerator = run.len() <= 2 && matches!(chars.get(j), Some(&(_, '.' | '、')));
            if enumerator {
                push_text(&mut out, &line[pos..chars.get(j + 1).map_or(line.len(), |&(p, _)| p)], start + pos);
                i = j + 1;
                continue;
            }
            match split_numbers(run, start + pos) {
                Some(toks) => out.extend(toks),
                None => push_text(&mut out, run, start + pos),
            }
            i = j;
            continue;
        }
        // `[2010501]行政运行`, `【301】`: a code printed in brackets is a code.
        if let Some((code, after)) = bracketed_code(&chars, i) {
            let (p, _) = chars[i + 1];
            out.push(Token { kind: Lex::Int(code), span: start + p..start + p + (after - i - 2) });
            i = after;
            continue;
        }
        // `(1)工资福利支出`, `（2）政府性基金`: a bracketed enumerator stays with its text.
        if let Some(after) = bracketed_enumerator(&chars, i) {
            let end = chars.get(after).map_or(line.len(), |&(p, _)| p);
            push_text(&mut out, &line[pos..end], start + pos);
            i = after;
            continue;
        }
        // A text run up to whitespace or a digit.
        let mut j = i + 1;
        while j < chars.len() && !chars[j].1.is_whitespace() && !is_digit(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(line.len(), |&(p, _)| p);
        push_text(&mut out, &line[pos..end], start + pos);
        i = j;
    }
    out
}

/// A whole number `chars[i..j]` followed by one blank and `.dd` (`25180591 .33`): that amount
/// and the index after it.
fn spaced_cents(line: &str, chars: &[(usize, char)], i: usize, j: usize, start: usize) -> Option<(Token, usize)> {
    let whole: String = chars[i..j].iter().map(|&(_, c)| c).collect();
    if !whole.bytes().all(|b| b.is_ascii_digit()) || chars.get(j)?.1 != ' ' || chars.get(j + 1)?.1 != '.' {
        return None;
    }
    let cents = chars[j + 2..].iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    let after = j + 2 + cents;
    if cents != 2 || chars.get(after).is_some_and(|&(_, c)| !c.is_whitespace()) {
        return None;
    }
    let end = chars.get(after).map_or(line.len(), |&(p, _)| p);
    let (value, decimals) = parse_number(&format!("{whole}.{}", &line[chars[j + 2].0..end]))?;
    let span = start + chars[i].0..start + end;
    Some((Token { kind: Lex::Num(Amount { value, decimals, span: span.clone() }), span }, after))
}

/// The index after `(1)` / `（12）` at `chars[i]` when a label follows it directly.
fn bracketed_enumerator(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let close = match chars[i].1 {
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let digits = chars[i + 1..].iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    let after = i + 1 + digits + 1;
    let label_follows = chars.get(after).is_some_and(|&(_, c)| !c.is_whitespace() && !is_digit(c));
    ((1..=2).contains(&digits) && chars.get(i + 1 + digits).map(|&(_, c)| c) == Some(close) && label_follows)
        .then_some(after)
}

/// The digits of `[201]` at `chars[i]`, and the index after the closing bracket.
fn bracketed_code(chars: &[(usize, char)], i: usize) -> Option<(String, usize)> {
    let close = match chars[i].1 {
        '[' => ']',
        '【' => '】',
        _ => return None,
    };
    let digits: String = chars[i + 1..].iter().map(|&(_, c)| c).take_while(|c| is_digit(*c)).collect();
    let k = i + 1 + digits.len();
    (matches!(digits.len(), 3 | 5 | 7) && chars.get(k).is_some_and(|&(_, c)| c == close)).then_some((digits, k + 1))
}

fn push_text(out: &mut Vec<Token>, s: &str, at: usize) {
    if let Some(Token { kind: Lex::Text(t), span }) = out.last_mut() {
        t.push_str(s);
        span.end = at + s.len();
        return;
    }
    out.push(Token { kind: Lex::Text(s.to_string()), span: at..at + s.len() });
}

/// One run of digits, dots and commas: a single number, an integer, or numbers glued together
/// (each then printed with two decimals, as tables are), optionally followed by an integer code.
fn split_numbers(run: &str, at: usize) -> Option<Vec<Token>> {
    if !run.contains('.') {
        if run.contains(',') {
            let (value, decimals) = parse_number(run)?;
            return Some(vec![Token {
                kind: Lex::Num(Amount { value, decimals, span: at..at + run.len() }),
                span: at..at + run.len(),
            }]);
        }
        return Some(vec![Token { kind: Lex::Int(run.to_string()), span: at..at + run.len() }]);
    }
    if let Some((value, decimals)) = parse_number(run) {
        return Some(vec![Token {
            kind: Lex::Num(Amount { value, decimals, span: at..at + run.len() }),
            span: at..at + run.len(),
        }]);
    }
    let mut out = Vec::new();
    let mut rest = run;
    let mut off = at;
    while !rest.is_empty() {
        let Some(dot) = rest.find('.') else {
            if rest.bytes().all(|b| b.is_ascii_digit()) {
                out.push(Token { kind: Lex::Int(rest.to_string()), span: off..off + rest.len() });
                break;
            }
            return None;
        };
        let take = dot + 3;
        let piece = rest.get(..take)?;
        if !piece[dot + 1..].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (value, decimals) = parse_number(piece)?;
        out.push(Token { kind: Lex::Num(Amount { value, decimals, span: off..off + take }), span: off..off + take });
        rest = &rest[take..];
        off += take;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        lex(s, 0)
            .into_iter()
            .map(|t| match t.kind {
                Lex::Text(x) => format!("T:{x}"),
                Lex::Num(a) => format!("N:{}", &s[a.span]),
                Lex::Int(x) => format!("I:{x}"),
            })
            .collect()
    }

    #[test]
    fn a_bracketed_enumerator_stays_with_its_label() {
        assert_eq!(kinds("(1)工资福利支出 29,812.40"), ["T:(1)工资福利支出", "N:29,812.40"]);
        assert_eq!(kinds("（12）其他支出"), ["T:（12）其他支出"]);
        assert_eq!(kinds("(3) 12.00"), ["T:(", "I:3", "T:)", "N:12.00"]);
    }

    #[test]
    fn cents_one_blank_after_the_whole_amount_are_one_amount() {
        assert_eq!(
            kinds("一、部门预算 25180591 .33 一、部门预算"),
            ["T:一、部门预算", "N:25180591 .33", "T:一、部门预算"]
        );
        let a = lex("25180591 .33", 0);
        assert!(matches!(&a[0].kind, Lex::Num(x) if x.value.to_string() == "25180591.33" && x.decimals == 2));
        // Not a number with cents: `.335`, or text after.
        assert_eq!(kinds("12 .335"), ["I:12", "T:.", "I:335"]);
    }

    #[test]
    fn bracketed_codes() {
        assert_eq!(kinds("[2010501]行政运行  6,453.03"), ["I:2010501", "T:行政运行", "N:6,453.03"]);
        assert_eq!(kinds("【301】工资福利支出"), ["I:301", "T:工资福利支出"]);
        assert_eq!(kinds("[注]"), ["T:[注]"]);
    }

    #[test]
    fn glued_reversed_row() {
        assert_eq!(
            kinds("5083.57216.625300.19社会保障和就业支出208"),
            ["N:5083.57", "N:216.62", "N:5300.19", "T:社会保障和就业支出", "I:208"]
        );
        assert_eq!(kinds("0.860.86205 教育支出"), ["N:0.86", "N:0.86", "I:205", "T:教育支出"]);
        assert_eq!(
            kinds("5,332.30收 入 总 计  5,332.305,332.30"),
            ["N:5,332.30", "T:收入总计", "N:5,332.30", "N:5,332.30"]
        );
    }

    #[test]
    fn enumerators_and_codes() {
        assert_eq!(
            kinds("1. 一般公共预算拨款\t712.00\t201一般公共服务支出"),
            ["T:1.一般公共预算拨款", "N:712.00", "I:201", "T:一般公共服务支出"]
        );
        assert_eq!(
            kinds("2.政府性基金预算拨款  205 教育支出 0.86"),
            ["T:2.政府性基金预算拨款", "I:205", "T:教育支出", "N:0.86"]
        );
        assert_eq!(kinds("208\t08\t619.8\t620"), ["I:208", "I:08", "N:619.8", "I:620"]);
        assert_eq!(kinds("12.3.4"), ["T:12.3.4"]);
    }
}
