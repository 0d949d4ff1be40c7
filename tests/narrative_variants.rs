//! Wordings other provinces and years use, applied to the seeds with their numbers kept
//! consistent (an independent review's list, `tests/fixtures/narrative-variants.txt`): prior-year
//! figures, carry-over splits, allocation lists with rates, counts, list markers and stated totals,
//! other vehicle kinds and groups of people, 绩效 tables laid out otherwise. None may add an error
//! the seed does not have — a misread sentence must never become a false error.

mod common;
use budget_check::Severity;
use common::*;

/// (first line, lines replaced, new lines).
type Hunk = (usize, usize, Vec<String>);

/// (name, seed prefix, hunks).
fn variants() -> Vec<(String, String, Vec<Hunk>)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/narrative-variants.txt");
    let text = std::fs::read_to_string(path).expect("variants fixture");
    let mut out: Vec<(String, String, Vec<Hunk>)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("== ") {
            let (name, seed) = rest.split_once(' ').expect("== name seed");
            out.push((name.to_string(), seed.to_string(), Vec::new()));
        } else if let Some(rest) = line.strip_prefix("@ ") {
            let (at, n) = rest.split_once(' ').expect("@ line count");
            out.last_mut().expect("a variant").2.push((at.parse().unwrap(), n.parse().unwrap(), Vec::new()));
        } else if let Some(new) = line.strip_prefix('+') {
            out.last_mut().and_then(|v| v.2.last_mut()).expect("a hunk").2.push(new.to_string());
        }
    }
    out
}

fn apply(seed: &str, hunks: &[(usize, usize, Vec<String>)]) -> String {
    let mut lines: Vec<String> = seed.split('\n').map(str::to_string).collect();
    // Later hunks first, so that earlier line numbers stay valid.
    for (at, n, new) in hunks.iter().rev() {
        lines.splice(*at..*at + *n, new.iter().cloned());
    }
    lines.join("\n")
}

fn errors(text: &str) -> Vec<(&'static str, String)> {
    run(text).findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.rule, f.found.clone())).collect()
}

#[test]
fn realistic_wording_variants_add_no_error() {
    let all = variants();
    assert!(all.len() >= 60, "{} variants", all.len());
    let mut failures = Vec::new();
    for (name, prefix, hunks) in &all {
        let seed = seed(prefix);
        let base = errors(&seed);
        let text = apply(&seed, hunks);
        assert_ne!(text, seed, "{name}: the variant changes nothing");
        let new: Vec<_> = errors(&text).into_iter().filter(|e| !base.contains(e)).collect();
        if !new.is_empty() {
            failures.push(format!("{name}: {new:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn two_documents_pasted_together_are_not_bound_to_one_set_of_tables() {
    for (a, b) in [("000_", "001_"), ("002_", "003_"), ("004_", "000_")] {
        let (ta, tb) = (seed(a), seed(b));
        let own: Vec<_> = errors(&ta).into_iter().chain(errors(&tb)).collect();
        let both = format!("{ta}\n{tb}");
        let r = run(&both);
        assert!(r.warnings.iter().any(|w| w.code == "two-documents"), "{a}+{b}: no two-documents warning");
        let new: Vec<_> = r
            .findings
            .iter()
            .filter(|f| {
                f.severity == Severity::Error && f.rule.starts_with('N') && !own.contains(&(f.rule, f.found.clone()))
            })
            .map(|f| (f.rule, f.found.clone()))
            .collect();
        assert!(new.is_empty(), "{a}+{b}: narrative errors {new:?}");
    }
}

/// Disclosures of units the checker had not seen, built by a reviewer from one data model so that
/// tables and text agree (`tests/fixtures/unseen/`: a 行政单位 with all four 三公 parts, a unit
/// with 政府性基金 spending, one with 事业收入, one with no carry-over and renamed projects, one
/// describing a project once per 项, one rewritten): no error, and most of the text checked.
#[test]
fn unseen_consistent_disclosures_have_no_error_and_are_mostly_checked() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 6);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let r = run(&text);
        let errors: Vec<_> =
            r.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.rule, f.message.clone())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let nt: usize = r.coverage.iter().filter(|c| c.rule.starts_with("NT-")).map(|c| c.run).sum();
        assert!(nt >= 40, "{}: only {nt} narrative-to-table checks", path.display());
        assert!(
            r.narrative.bound * 10 >= r.narrative.figures * 7,
            "{}: {} of {} figures checked",
            path.display(),
            r.narrative.bound,
            r.narrative.figures
        );
    }
}

#[test]
fn tables_printed_in_yuan_are_compared_with_the_text_in_wan() {
    // 上海科技大学附属学校: tables in 元 (`单位：元`), the 情况说明 in 万元. Its "支出预算10,806万元"
    // restates T1's 108,059,614 元 (10,805.9614 万元, which rounds to 10,806).
    let (_, text) = corpus().into_iter().find(|(n, _)| n.starts_with("41_")).expect("corpus 41");
    let r = run(&text);
    assert!(r.findings.iter().all(|f| f.severity != Severity::Error), "{:#?}", r.findings);
    let nt: usize = r.coverage.iter().filter(|c| c.rule.starts_with("NT-")).map(|c| c.run).sum();
    assert!(nt >= 1, "the text was not compared with the 元 tables");
    // A slip of 10 万元 in the text is caught against the table in 元.
    let slipped = text.replace("   支出预算10,806万元", "   支出预算10,816万元");
    assert_ne!(slipped, text);
    let r = run(&slipped);
    let e = r.findings.iter().find(|f| f.severity == Severity::Error && f.rule == "NT-AMOUNT");
    assert!(e.is_some_and(|f| f.found == "10,816"), "{:#?}", r.findings);
}
