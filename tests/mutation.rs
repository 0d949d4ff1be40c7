//! Mutation test over the corpus (issue 11): slips planted one at a time where a scan of the text
//! (not the checker's own reading) finds them, and each counted as caught when the report has a
//! new error or warning located on the changed line.
//!
//! * (a) one digit of an amount on a table line retyped (a change of at least 0.10);
//! * (b) two adjacent different amounts of a table line swapped;
//! * (c) one digit of a narrative 万元 amount retyped (at least 0.10);
//! * (d) a narrative percentage moved by 0.2 points.
//!
//! Each kind samples at most [`PER_DOC`] sites per document, spread over it. The rates per
//! document and kind are printed (`cargo test --test mutation -- --nocapture`); the test holds
//! the floors measured when it was written, so a change that catches fewer slips fails it, and an
//! amount the report does not check must stay listed as unchecked after its slip.
//! `MUTATION_MISSES=1` prints each slip of (a)–(d) that was not caught.

mod common;

use budget_check::report::Report;
use budget_check::Severity;
use std::collections::HashSet;
use std::ops::Range;

/// Sites per document and kind.
const PER_DOC: usize = 12;

/// A printed number on a line: its byte range in the text.
fn numbers(line: &str, at: usize) -> Vec<Range<usize>> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        if !b[k].is_ascii_digit() || (k > 0 && (b[k - 1].is_ascii_digit() || b[k - 1] == b'.' || b[k - 1] == b',')) {
            k += 1;
            continue;
        }
        let start = k;
        while k < b.len()
            && (b[k].is_ascii_digit()
                || ((b[k] == b'.' || b[k] == b',') && b.get(k + 1).is_some_and(u8::is_ascii_digit)))
        {
            k += 1;
        }
        out.push(at + start..at + k);
    }
    out
}

/// An amount as tables print them: two or more decimals, or whole 元 with thousands separators.
fn is_amount(s: &str) -> bool {
    s.split_once('.').is_some_and(|(_, f)| f.len() >= 2) || (s.contains(',') && !s.contains('.'))
}

/// Lines of the text with their byte offsets.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split('\n')
        .map(|l| {
            let here = at;
            at += l.len() + 1;
            (here, l)
        })
        .collect()
}

/// A table line by its look: two or more amounts, standing apart, and no sentence punctuation
/// nor unit after an amount (`3397.18 万元、项目…` is a sentence wrapped, not a row).
fn table_amounts(text: &str, (at, line): (usize, &str)) -> Option<Vec<Range<usize>>> {
    if line.contains(['。', '，', '；', '%', '％']) || line.contains("万元") {
        return None;
    }
    let amounts: Vec<Range<usize>> = numbers(line, at).into_iter().filter(|r| is_amount(&text[r.clone()])).collect();
    let apart = amounts.windows(2).all(|w| text[w[0].end..w[1].start].starts_with(char::is_whitespace));
    (amounts.len() >= 2 && apart).then_some(amounts)
}

/// A slip of one digit, larger than rounding can explain: the units digit (the tenths of an
/// amount below 1; the tens of a whole number, whose units a sum of rounded 元 may miss by one).
fn retype(printed: &str) -> String {
    let point = printed.find('.').unwrap_or(printed.len());
    let whole_is_zero = printed[..point].bytes().all(|b| b == b'0' || b == b',');
    let digits_before = |k: usize| printed[..k].bytes().filter(u8::is_ascii_digit).count();
    let k = if whole_is_zero {
        point + 1
    } else if !printed.contains('.') && digits_before(point) >= 2 {
        printed[..point - 1].rfind(|c: char| c.is_ascii_digit()).unwrap_or(point - 1)
    } else {
        point - 1
    };
    let mut b = printed.as_bytes().to_vec();
    b[k] = if b[k] == b'9' { b'8' } else { b[k] + 1 };
    String::from_utf8(b).unwrap()
}

fn replaced(text: &str, at: &Range<usize>, new: &str) -> String {
    format!("{}{new}{}", &text[..at.start], &text[at.end..])
}

type Key = (String, usize, String);

fn keys(r: &Report) -> HashSet<Key> {
    r.findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule.to_string(), f.primary.start, f.message.clone()))
        .collect()
}

/// Is there a new error or warning on line `line` (1-based)?
fn caught(base: &HashSet<Key>, r: &Report, line: usize) -> bool {
    r.findings.iter().any(|f| {
        f.severity != Severity::Info
            && !base.contains(&(f.rule.to_string(), f.primary.start, f.message.clone()))
            && (f.primary.line == line || f.related.iter().any(|x| x.line == line))
    })
}

fn unchecked_starts(r: &Report) -> HashSet<usize> {
    r.tables.iter().flat_map(|t| t.unchecked.iter().map(|u| u.start)).collect()
}

/// The amounts the report read in its tables (checked or not).
fn read_starts(r: &Report) -> HashSet<usize> {
    let cells = r.tables.iter().flat_map(|t| &t.body).flat_map(|row| row.cells.iter().flatten().chain(&row.unplaced));
    cells.map(|c| c.start).chain(unchecked_starts(r)).collect()
}

/// `n` items spread over `items`.
fn spread<T: Clone>(items: &[T], n: usize) -> Vec<T> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|k| items[k * items.len() / n].clone()).collect()
}

#[derive(Default, Clone, Copy)]
struct Rate {
    tried: usize,
    caught: usize,
}

impl Rate {
    fn add(&mut self, hit: bool) {
        self.tried += 1;
        self.caught += usize::from(hit);
    }
    fn pct(&self) -> f64 {
        if self.tried == 0 {
            0.0
        } else {
            100.0 * self.caught as f64 / self.tried as f64
        }
    }
}

/// (a) checked, (a) unchecked kept listed, (b), (c), (d).
#[derive(Default, Clone, Copy)]
struct Rates {
    a: Rate,
    a_unchecked: Rate,
    b: Rate,
    c: Rate,
    d: Rate,
    /// Amounts on lines that look like a table's but lie in no table the report read.
    outside: usize,
}

fn table_slips(text: &str, base: &Report, rates: &mut Rates) {
    let base_keys = keys(base);
    let unchecked = unchecked_starts(base);
    let read = read_starts(base);
    let ls = lines(text);
    let rows: Vec<(usize, Vec<Range<usize>>)> =
        ls.iter().enumerate().filter_map(|(k, l)| table_amounts(text, *l).map(|a| (k + 1, a))).collect();
    let sites: Vec<(usize, Range<usize>)> = rows.iter().flat_map(|(k, a)| a.iter().map(|r| (*k, r.clone()))).collect();
    for (line, at) in spread(&sites, PER_DOC * 2) {
        if !read.contains(&at.start) {
            rates.outside += 1;
            continue;
        }
        let new = retype(&text[at.clone()]);
        let r = common::run(&replaced(text, &at, &new));
        if unchecked.contains(&at.start) {
            // Still listed, or now checked and caught: never checked and passed in silence.
            rates.a_unchecked.add(unchecked_starts(&r).contains(&at.start) || caught(&base_keys, &r, line));
        } else {
            let hit = caught(&base_keys, &r, line);
            if !hit && std::env::var_os("MUTATION_MISSES").is_some() {
                println!("  miss (a) line {line}: {} -> {new}", &text[at.clone()]);
            }
            rates.a.add(hit);
        }
    }
    let pairs: Vec<(usize, Range<usize>, Range<usize>)> = rows
        .iter()
        .filter_map(|(k, a)| {
            let w = a.windows(2).find(|w| text[w[0].clone()] != text[w[1].clone()])?;
            Some((*k, w[0].clone(), w[1].clone()))
        })
        .collect();
    for (line, x, y) in spread(&pairs, PER_DOC) {
        let swapped = format!(
            "{}{}{}{}{}",
            &text[..x.start],
            &text[y.clone()],
            &text[x.end..y.start],
            &text[x.clone()],
            &text[y.end..]
        );
        let hit = caught(&base_keys, &common::run(&swapped), line);
        if !hit && std::env::var_os("MUTATION_MISSES").is_some() {
            println!("  miss (b) line {line}: {} <-> {}", &text[x.clone()], &text[y.clone()]);
        }
        rates.b.add(hit);
    }
}

fn narrative_slips(text: &str, base: &Report, rates: &mut Rates) {
    let base_keys = keys(base);
    let mut wan: Vec<(usize, Range<usize>)> = Vec::new();
    let mut pct: Vec<(usize, Range<usize>)> = Vec::new();
    for (k, (at, line)) in lines(text).into_iter().enumerate() {
        if !line.contains(['。', '，', '；']) {
            continue;
        }
        for r in numbers(line, at) {
            let after = text[r.end..].trim_start();
            if after.starts_with("万元") && text[r.clone()].contains('.') {
                wan.push((k + 1, r));
            } else if after.starts_with(['%', '％']) && text[r.clone()].contains('.') {
                pct.push((k + 1, r));
            }
        }
    }
    for (line, at) in spread(&wan, PER_DOC) {
        let r = common::run(&replaced(text, &at, &retype(&text[at.clone()])));
        let hit = caught(&base_keys, &r, line);
        if !hit && std::env::var_os("MUTATION_MISSES").is_some() {
            println!("  miss (c) line {line}: {} @{}", &text[at.clone()], at.start);
        }
        rates.c.add(hit);
    }
    for (line, at) in spread(&pct, PER_DOC) {
        let printed = &text[at.clone()];
        let decimals = printed.split_once('.').map_or(0, |(_, f)| f.len());
        let scale = 10i64.pow(decimals as u32);
        let units: i64 = printed.replace(['.', ','], "").parse().unwrap_or(0);
        let moved = units + 2 * scale / 10;
        let new = format!("{}.{:0w$}", moved / scale, moved % scale, w = decimals);
        let r = common::run(&replaced(text, &at, &new));
        let hit = caught(&base_keys, &r, line);
        if !hit && std::env::var_os("MUTATION_MISSES").is_some() {
            println!("  miss (d) line {line}: {printed} -> {new}");
        }
        rates.d.add(hit);
    }
}

/// The rates of one tally, on one line.
fn summary(r: &Rates) -> String {
    format!(
        "(a) {:.1}% of {}  (a) unchecked kept {:.1}% of {}  (b) {:.1}% of {}  (c) {:.1}% of {}  (d) {:.1}% of {}",
        r.a.pct(),
        r.a.tried,
        r.a_unchecked.pct(),
        r.a_unchecked.tried,
        r.b.pct(),
        r.b.tried,
        r.c.pct(),
        r.c.tried,
        r.d.pct(),
        r.d.tried
    )
}

#[test]
fn corpus_slips_are_caught_where_the_report_says_it_checks() {
    let mut total = Rates::default();
    println!("doc  (a) checked   (a) unchecked kept   (b) swaps   (c) 万元   (d) %");
    let mut finals = Rates::default();
    for (name, text) in common::corpus() {
        let layout = !["rawmode", "narrative-only"].iter().any(|k| name.contains(k));
        if !layout {
            continue;
        }
        // 决算 documents (issue 12) are tallied apart: their rates are reported, the floors
        // below are the 预算 documents'.
        let is_final = name.contains("final");
        let base = common::run(&text);
        let mut rates = Rates::default();
        table_slips(&text, &base, &mut rates);
        narrative_slips(&text, &base, &mut rates);
        let show = |r: Rate| format!("{:>3}/{:<3} {:>5.1}%", r.caught, r.tried, r.pct());
        println!(
            "{}  {}  {}  {}  {}  {}",
            &name[..3],
            show(rates.a),
            show(rates.a_unchecked),
            show(rates.b),
            show(rates.c),
            show(rates.d)
        );
        let total = if is_final { &mut finals } else { &mut total };
        for (t, r) in [
            (&mut total.a, rates.a),
            (&mut total.a_unchecked, rates.a_unchecked),
            (&mut total.b, rates.b),
            (&mut total.c, rates.c),
            (&mut total.d, rates.d),
        ] {
            t.tried += r.tried;
            t.caught += r.caught;
        }
        total.outside += rates.outside;
    }
    println!("决算 {}", summary(&finals));
    assert_eq!(finals.a_unchecked.caught, finals.a_unchecked.tried, "an unchecked amount stopped being listed (决算)");
    for (name, rate, floor) in [
        ("a", finals.a, FINAL_FLOOR_A),
        ("b", finals.b, FINAL_FLOOR_B),
        ("c", finals.c, FINAL_FLOOR_C),
        ("d", finals.d, FINAL_FLOOR_D),
    ] {
        assert!(rate.pct() >= floor, "决算 ({name}) {:.1}% < {floor}%", rate.pct());
    }
    println!("all  {}  (outside any table read: {})", summary(&total), total.outside);
    // An amount the report did not check is still listed as unchecked after its slip (or caught).
    assert_eq!(total.a_unchecked.caught, total.a_unchecked.tried, "an unchecked amount stopped being listed");
    // Floors: the rates measured when this test was written (issue 11, session 5).
    assert!(total.a.pct() >= FLOOR_A, "(a) {:.1}% < {FLOOR_A}%", total.a.pct());
    assert!(total.b.pct() >= FLOOR_B, "(b) {:.1}% < {FLOOR_B}%", total.b.pct());
    assert!(total.c.pct() >= FLOOR_C, "(c) {:.1}% < {FLOOR_C}%", total.c.pct());
    assert!(total.d.pct() >= FLOOR_D, "(d) {:.1}% < {FLOOR_D}%", total.d.pct());
}

// Measured (issue 11, session 11): (a) 99.2 % of 597, (b) 81.8 % of 340, (c) 70.4 % of 371,
// (d) 81.4 % of 204 (session 10: 99.6 / 77.0 / 63.3 / 81.4; since session 11 a line with 万元 in
// it is a sentence, not a table row, for (a) and (b)). The targets are (a) 95 %,
// (b) 90 %, (c) and (d) 70 %: (b) is not met yet; the floors keep what is reached ((c) at its
// target).
const FLOOR_A: f64 = 98.0;
const FLOOR_B: f64 = 90.0;
const FLOOR_C: f64 = 70.0;
const FLOOR_D: f64 = 79.0;
// The 决算 documents (issue 12, session 11): (a) 98.6 % of 70, (b) 97.2 % of 36, (c) 77.8 % of
// 36, (d) 72.0 % of 25 (session 10: 98.5 / 94.4 / 52.8 / 44.0). Targets as above, all met; the
// floors are the targets (the measured rates for (a) and (b)).
const FINAL_FLOOR_A: f64 = 97.0;
const FINAL_FLOOR_B: f64 = 90.0;
const FINAL_FLOOR_C: f64 = 70.0;
const FINAL_FLOOR_D: f64 = 70.0;
