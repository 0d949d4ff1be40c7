//! Rule fixtures, in ruff's manner: `tests/rules/<RULE-ID>/fail.txt` breaks the rule and
//! `pass.txt` satisfies it, each run with that rule alone (`check_with`). `fail.txt` must give at
//! least one finding of the rule at its default severity; `pass.txt` must run at least one of the
//! rule's checks and give no error or warning of it. `<case>.expected` is the reviewed rendering
//! (the CLI's text renderer) of what the rule reports. A rule that folds what other rules met
//! (`STR-PRECISION`) names those rules in `tests/rules/<RULE-ID>/with`, one id a line.
//!
//! `BLESS=1 cargo test --test rule_fixtures` rewrites the expectations: review the diff before
//! committing. One `#[test]` per rule, so `cargo test t3_row` runs one.

use budget_check::report::Report;
use budget_check::{check_with, Lang, Options, Severity, RULES};
use std::path::{Path, PathBuf};

fn dir(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/rules").join(id)
}

fn run(id: &'static str, case: &str) -> (String, Report) {
    let dir = dir(id);
    let path = dir.join(format!("{case}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let with = std::fs::read_to_string(dir.join("with")).unwrap_or_default();
    let mut rules: Vec<&str> = with.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    rules.push(id);
    let report = check_with(&text, Options::default(), &rules);
    let rendered = budget_check::render::render_text(&report, &text, &format!("{case}.txt"), Lang::Zh);
    (rendered, report)
}

fn compare(path: &Path, got: &str) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    assert!(want == got, "{} differs from the reviewed rendering (BLESS=1 after review):\n{got}", path.display());
}

/// The cases of one kind in a rule's folder: `fail.txt`, then `fail-<layout>.txt` for the other
/// layouts the rule reads (without extension, sorted).
fn cases(id: &str, kind: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir(id))
        .map(|d| d.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.retain(|n| n.ends_with(".txt") && (n == &format!("{kind}.txt") || n.starts_with(&format!("{kind}-"))));
    names.sort();
    names.iter().map(|n| n.trim_end_matches(".txt").to_string()).collect()
}

fn fixture(id: &'static str) {
    let meta = RULES.iter().map(|r| r.meta()).find(|m| m.id == id).unwrap_or_else(|| panic!("{id}: no such rule"));
    assert!(!cases(id, "fail").is_empty() && !cases(id, "pass").is_empty(), "{id}: fail.txt and pass.txt are due");
    for case in cases(id, "fail") {
        let (got, report) = run(id, &case);
        let breaks = report.findings.iter().any(|f| f.rule == id && f.severity == meta.severity);
        assert!(breaks, "{id}: {case}.txt gives no {:?} finding of the rule:\n{got}", meta.severity);
        compare(&dir(id).join(format!("{case}.expected")), &got);
    }
    for case in cases(id, "pass") {
        let (got, report) = run(id, &case);
        let ran = report.coverage.iter().find(|c| c.rule == id).map_or(0, |c| c.run);
        assert!(ran > 0, "{id}: {case}.txt runs none of the rule's checks:\n{got}");
        let bad = report.findings.iter().filter(|f| f.rule == id && f.severity != Severity::Info).count();
        assert_eq!(bad, 0, "{id}: {case}.txt breaks the rule:\n{got}");
        compare(&dir(id).join(format!("{case}.expected")), &got);
    }
}

macro_rules! fixtures {
    ($name:ident, $id:literal) => {
        #[test]
        fn $name() {
            fixture($id);
        }
    };
}

/// Every registered rule, one test each (`registry_lists_every_rule` keeps this list complete).
const LISTED: &[&str] = &[
    "STR-TOC-BODY",
    "T1-BAL",
    "ROW-ORDER",
    "ANY-ROW",
    "ANY-ROLLUP",
    "T1-OUT-BREAKDOWN",
    "T4-OUT-BREAKDOWN",
    "T1-IN-TOTAL",
    "T1-IN-CUR",
    "T1-IN-GPB",
    "T1-IN-GF",
    "T1-IN-SOE",
    "T1-IN-UNIT",
    "T1-CO",
    "T1-CO-FIS",
    "T1-CO-NONFIS",
    "T1-OUT-SUM",
    "T1-OUT-ROLLUP",
    "T2-ROW-TOTAL",
    "T2-ROW-SUB",
    "T2-ROLLUP",
    "T3-ROW",
    "T3-ROLLUP",
    "T5-ROW",
    "T5-ROLLUP",
    "T6-ROW",
    "T6-ROLLUP",
    "T6-CLASS-SPLIT",
    "T5-DEPTH",
    "T6-DEPTH",
    "T7-ROW",
    "T7-ROLLUP",
    "T89-ROW",
    "T10-SRC",
    "T10-SUM",
    "T10-CAR",
    "T10-SPLIT",
    "T11-ROW",
    "T11-TOTAL",
    "T4-BAL",
    "T4-IN",
    "T4-IN-TOTAL",
    "T4-ROW",
    "T4-COL",
    "T4-ROLLUP",
    "X-T1-T2-TOT",
    "X-T1-T2-COLS",
    "X-T1-T2-CLASS",
    "X-T1-T3",
    "X-T1-T11",
    "X-T1-T4",
    "X-T2-T3-ROW",
    "X-T2-T5-ROW",
    "X-T2-T4",
    "X-T2-T11",
    "X-T4-T5",
    "X-T4-T89",
    "X-T5-T6",
    "X-T5-T7",
    "X-T6-T10",
    "X-T6-FUNC",
    "NI-GROWTH",
    "NI-3PUB-SUM",
    "NI-SPLIT",
    "NI-GROWTH-LEVEL",
    "NI-PERF-PROJ-FUND",
    "NT-PERF-WHOLE",
    "NT-GPB-DETAIL",
    "NI-SHARE",
    "NI-SHARE-SUM",
    "NI-3PUB-PARTS",
    "NT-AMOUNT",
    "NT-IN-AMT",
    "NT-OUT-AMT",
    "NT-FIS",
    "NT-GPB-SCALE",
    "NT-GPB-STRUCT",
    "NT-BASIC",
    "NT-3PUB",
    "NT-NAMED",
    "NI-FINAL-RATE",
    "F-BAL",
    "F-FIS-BAL",
    "F-3PUB",
    "F-GF-FLOW",
    "X-F-TABLES",
    "STR-PLACEHOLDER",
    "STR-PUNCT",
    "STR-EMPTY-NOTE",
    "STR-ZERO-TOTAL",
    "STR-YEAR",
    "NT-CO",
    "NT-PROJ",
    "NI-PERF-WEIGHT",
    "NI-PROC",
    "NI-ASSET-CAR",
    "NI-CAR-3PUB",
    "NI-ASSET-EQUIP",
    "NI-PEOPLE",
    "NI-PEOPLE-STAFF",
    "NI-PERF-WHOLE-FUND",
    "NT-PERF-COUNT",
    "NT-PERF-UNPUB",
    "NI-PROJ-ALLOC",
    "NI-PRIOR-BAL",
    "NI-PRIOR-ITEMS",
    "STR-PRECISION",
];

fixtures!(str_toc_body, "STR-TOC-BODY");
fixtures!(t1_bal, "T1-BAL");
fixtures!(t1_in_total, "T1-IN-TOTAL");
fixtures!(t1_in_cur, "T1-IN-CUR");
fixtures!(t1_in_gpb, "T1-IN-GPB");
fixtures!(t1_in_gf, "T1-IN-GF");
fixtures!(t1_in_soe, "T1-IN-SOE");
fixtures!(t1_in_unit, "T1-IN-UNIT");
fixtures!(t1_co, "T1-CO");
fixtures!(t1_co_fis, "T1-CO-FIS");
fixtures!(t1_co_nonfis, "T1-CO-NONFIS");
fixtures!(t1_out_sum, "T1-OUT-SUM");
fixtures!(t1_out_rollup, "T1-OUT-ROLLUP");
fixtures!(t1_out_breakdown, "T1-OUT-BREAKDOWN");
fixtures!(t2_row_total, "T2-ROW-TOTAL");
fixtures!(t2_row_sub, "T2-ROW-SUB");
fixtures!(t2_rollup, "T2-ROLLUP");
fixtures!(t3_row, "T3-ROW");
fixtures!(t3_rollup, "T3-ROLLUP");
fixtures!(t5_row, "T5-ROW");
fixtures!(t5_rollup, "T5-ROLLUP");
fixtures!(t6_row, "T6-ROW");
fixtures!(t6_rollup, "T6-ROLLUP");
fixtures!(t6_class_split, "T6-CLASS-SPLIT");
fixtures!(t5_depth, "T5-DEPTH");
fixtures!(t6_depth, "T6-DEPTH");
fixtures!(t7_row, "T7-ROW");
fixtures!(t7_rollup, "T7-ROLLUP");
fixtures!(t89_row, "T89-ROW");
fixtures!(t10_src, "T10-SRC");
fixtures!(t10_sum, "T10-SUM");
fixtures!(t10_car, "T10-CAR");
fixtures!(t10_split, "T10-SPLIT");
fixtures!(t11_row, "T11-ROW");
fixtures!(t11_total, "T11-TOTAL");
fixtures!(t4_bal, "T4-BAL");
fixtures!(t4_in, "T4-IN");
fixtures!(t4_in_total, "T4-IN-TOTAL");
fixtures!(t4_row, "T4-ROW");
fixtures!(t4_col, "T4-COL");
fixtures!(t4_rollup, "T4-ROLLUP");
fixtures!(row_order, "ROW-ORDER");
fixtures!(any_row, "ANY-ROW");
fixtures!(any_rollup, "ANY-ROLLUP");
fixtures!(t4_out_breakdown, "T4-OUT-BREAKDOWN");
fixtures!(x_t1_t2_tot, "X-T1-T2-TOT");
fixtures!(x_t1_t2_cols, "X-T1-T2-COLS");
fixtures!(x_t1_t2_class, "X-T1-T2-CLASS");
fixtures!(x_t1_t3, "X-T1-T3");
fixtures!(x_t1_t11, "X-T1-T11");
fixtures!(x_t1_t4, "X-T1-T4");
fixtures!(x_t2_t3_row, "X-T2-T3-ROW");
fixtures!(x_t2_t5_row, "X-T2-T5-ROW");
fixtures!(x_t2_t4, "X-T2-T4");
fixtures!(x_t2_t11, "X-T2-T11");
fixtures!(x_t4_t5, "X-T4-T5");
fixtures!(x_t4_t89, "X-T4-T89");
fixtures!(x_t5_t6, "X-T5-T6");
fixtures!(x_t5_t7, "X-T5-T7");
fixtures!(x_t6_t10, "X-T6-T10");
fixtures!(x_t6_func, "X-T6-FUNC");
fixtures!(ni_growth, "NI-GROWTH");
fixtures!(ni_3pub_sum, "NI-3PUB-SUM");
fixtures!(ni_split, "NI-SPLIT");
fixtures!(ni_growth_level, "NI-GROWTH-LEVEL");
fixtures!(ni_perf_proj_fund, "NI-PERF-PROJ-FUND");
fixtures!(nt_perf_whole, "NT-PERF-WHOLE");
fixtures!(nt_gpb_detail, "NT-GPB-DETAIL");
fixtures!(ni_share, "NI-SHARE");
fixtures!(ni_share_sum, "NI-SHARE-SUM");
fixtures!(ni_3pub_parts, "NI-3PUB-PARTS");
fixtures!(nt_amount, "NT-AMOUNT");
fixtures!(nt_in_amt, "NT-IN-AMT");
fixtures!(nt_out_amt, "NT-OUT-AMT");
fixtures!(nt_fis, "NT-FIS");
fixtures!(nt_gpb_scale, "NT-GPB-SCALE");
fixtures!(nt_gpb_struct, "NT-GPB-STRUCT");
fixtures!(nt_basic, "NT-BASIC");
fixtures!(nt_3pub, "NT-3PUB");
fixtures!(nt_named, "NT-NAMED");
fixtures!(ni_final_rate, "NI-FINAL-RATE");
fixtures!(f_bal, "F-BAL");
fixtures!(f_fis_bal, "F-FIS-BAL");
fixtures!(f_3pub, "F-3PUB");
fixtures!(f_gf_flow, "F-GF-FLOW");
fixtures!(x_f_tables, "X-F-TABLES");
fixtures!(str_placeholder, "STR-PLACEHOLDER");
fixtures!(str_punct, "STR-PUNCT");
fixtures!(str_empty_note, "STR-EMPTY-NOTE");
fixtures!(str_zero_total, "STR-ZERO-TOTAL");
fixtures!(str_year, "STR-YEAR");
fixtures!(nt_co, "NT-CO");
fixtures!(nt_proj, "NT-PROJ");
fixtures!(ni_perf_weight, "NI-PERF-WEIGHT");
fixtures!(ni_proc, "NI-PROC");
fixtures!(ni_asset_car, "NI-ASSET-CAR");
fixtures!(ni_car_3pub, "NI-CAR-3PUB");
fixtures!(ni_asset_equip, "NI-ASSET-EQUIP");
fixtures!(ni_people, "NI-PEOPLE");
fixtures!(ni_people_staff, "NI-PEOPLE-STAFF");
fixtures!(ni_perf_whole_fund, "NI-PERF-WHOLE-FUND");
fixtures!(nt_perf_count, "NT-PERF-COUNT");
fixtures!(nt_perf_unpub, "NT-PERF-UNPUB");
fixtures!(ni_proj_alloc, "NI-PROJ-ALLOC");
fixtures!(ni_prior_bal, "NI-PRIOR-BAL");
fixtures!(ni_prior_items, "NI-PRIOR-ITEMS");
fixtures!(str_precision, "STR-PRECISION");

#[test]
fn registry_lists_every_rule_once_with_both_fixtures() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.meta().id).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "rule ids are unique");
    let mut listed = LISTED.to_vec();
    listed.sort();
    assert_eq!(listed, unique, "every registered rule has its fixture test here");
    for id in ids {
        for case in ["fail.txt", "pass.txt"] {
            assert!(dir(id).join(case).is_file(), "{id}: tests/rules/{id}/{case} is missing");
        }
    }
}

#[test]
fn every_rule_doc_has_the_four_headings_each_with_text() {
    const HEADINGS: [&str; 4] = ["### What it checks", "### Why", "### Example", "### Known problems"];
    for rule in RULES {
        let m = rule.meta();
        assert!(!m.title_zh.is_empty() && !m.title_en.is_empty(), "{}: titles", m.id);
        let mut at = Vec::new();
        for h in HEADINGS {
            let i = m.doc.find(h).unwrap_or_else(|| panic!("{}: doc lacks {h}", m.id));
            at.push((i, h));
        }
        assert!(at.windows(2).all(|w| w[0].0 < w[1].0), "{}: headings out of order", m.id);
        for (k, (i, h)) in at.iter().enumerate() {
            let end = at.get(k + 1).map_or(m.doc.len(), |n| n.0);
            let words = m.doc[i + h.len()..end].split_whitespace().count();
            assert!(words >= 3, "{}: the {h} section is empty or a stub", m.id);
        }
    }
}
