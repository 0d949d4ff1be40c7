//! Helpers shared by the integration tests.
#![allow(dead_code)]

use budget_check::report::{CellOut, Report};
use budget_check::{check, Options};
use std::path::PathBuf;

pub fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    read_dir_txt(dir)
}

/// The real-world corpus: a copy of `../shared/corpus` in `tests/fixtures/corpus`
/// (`BUDGET_CHECK_CORPUS` points elsewhere, e.g. at a newer corpus).
pub fn corpus() -> Vec<(String, String)> {
    let dir = std::env::var("BUDGET_CHECK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus"));
    let files = read_dir_txt(dir.clone());
    assert!(!files.is_empty(), "corpus not found at {} (set BUDGET_CHECK_CORPUS)", dir.display());
    files
}

fn read_dir_txt(dir: PathBuf) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read_to_string(&p).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

pub fn seed(prefix: &str) -> String {
    seeds().into_iter().find(|(n, _)| n.starts_with(prefix)).map(|(_, t)| t).expect("seed fixture")
}

pub fn run(text: &str) -> Report {
    check(text, Options::default())
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].bytes().filter(|&b| b == b'\n').count() + 1
}

/// Every amount cell of the given tables, as read by the checker.
pub fn amount_cells(report: &Report, tables: &[&str]) -> Vec<(String, CellOut)> {
    let mut out = Vec::new();
    for t in &report.tables {
        let id = format!("{:?}", t.id);
        if !tables.contains(&id.as_str()) {
            continue;
        }
        for row in &t.body {
            for c in row.cells.iter().flatten() {
                out.push((id.clone(), c.clone()));
            }
        }
    }
    out
}

/// The text with the printed number at `cell` replaced by `value` printed with the same decimals.
pub fn replace_amount(text: &str, cell: &CellOut, delta_hundredths: i64) -> (String, String) {
    let printed = &text[cell.start..cell.end];
    let clean: String = printed.chars().filter(|c| *c != ',').collect();
    let decimals = clean.split_once('.').map_or(0, |(_, f)| f.len());
    let scale = 10i64.pow(decimals as u32);
    let digits: String = clean.chars().filter(|c| c.is_ascii_digit()).collect();
    let units: i64 = digits.parse().unwrap();
    // 0.10 in the printed scale (at least one unit of the last digit).
    let step = delta_hundredths * scale / 100;
    let step = if step == 0 { delta_hundredths.signum() } else { step };
    let new_units = (units + step).abs();
    let new = if decimals == 0 {
        new_units.to_string()
    } else {
        format!("{}.{:0width$}", new_units / scale, new_units % scale, width = decimals)
    };
    let mut s = String::with_capacity(text.len() + 2);
    s.push_str(&text[..cell.start]);
    s.push_str(&new);
    s.push_str(&text[cell.end..]);
    (s, new)
}

/// The text with the last two digits of the printed number at `cell` swapped, if they differ.
pub fn transpose_digits(text: &str, cell: &CellOut) -> Option<String> {
    let printed = &text[cell.start..cell.end];
    let idx: Vec<usize> = printed.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
    let (a, b) = (idx[idx.len().checked_sub(2)?], idx[idx.len() - 1]);
    let bytes = printed.as_bytes();
    if bytes[a] == bytes[b] {
        return None;
    }
    let mut p = printed.as_bytes().to_vec();
    p.swap(a, b);
    let mut s = String::with_capacity(text.len());
    s.push_str(&text[..cell.start]);
    s.push_str(std::str::from_utf8(&p).ok()?);
    s.push_str(&text[cell.end..]);
    Some(s)
}

/// Does the report have an error whose primary or a related location is on `line`?
pub fn error_on_line(report: &Report, line: usize) -> bool {
    report.findings.iter().any(|f| {
        f.severity == budget_check::Severity::Error
            && (f.primary.line == line || f.related.iter().any(|r| r.line == line))
    })
}
