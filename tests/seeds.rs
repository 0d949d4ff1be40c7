//! The seed disclosures: what is recognised, what is (and is not) reported, and that a changed
//! amount is caught on its line.

mod common;
use budget_check::tables::TableStatus;
use budget_check::Severity;
use common::*;

const S0: &str = "000_";

fn table<'r>(r: &'r budget_check::Report, id: &str) -> &'r budget_check::report::TableOut {
    r.tables.iter().find(|t| format!("{:?}", t.id) == id).unwrap_or_else(|| panic!("{id} not recognised"))
}

/// Lines of `text` that are data rows of a tab-separated coded table: a 类 code in the first
/// cell, or `合计` after the three code cells. Counted here independently of the parser.
fn tab_rows_between(text: &str, title: &str, next_title: &str) -> usize {
    let start = text.find(&format!("\n{title}\n")).expect("title");
    let end = start + text[start..].find(&format!("\n{next_title}\n")).expect("next title");
    text[start..end]
        .lines()
        .filter(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let code = cells[0].len() == 3 && cells[0].bytes().all(|b| b.is_ascii_digit());
            let total = cells.len() > 3 && cells[..3].iter().all(|c| c.is_empty()) && cells[3] == "合计";
            code || total
        })
        .count()
}

#[test]
fn s0_reads_t1_t3_t5_whole_and_its_one_error_is_the_weights() {
    let text = seed(S0);
    let r = run(&text);
    let errors: Vec<_> = r.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(
        errors.len() == 1 && errors[0].rule == "NI-PERF-WEIGHT" && errors[0].found == "92",
        "unexpected errors: {errors:#?}"
    );
    for id in ["T1", "T3", "T5"] {
        assert_eq!(table(&r, id).status, TableStatus::Checked, "{id}");
    }
    assert_eq!(table(&r, "T3").rows, tab_rows_between(&text, "部门支出总体情况表", "财政拨款收支预算总体情况表"));
    assert_eq!(table(&r, "T5").rows, tab_rows_between(&text, "一般公共预算支出情况表", "一般公共预算基本支出情况表"));
    // T1: 30 classes 201…234 on the right, the totals line, as printed.
    let t1 = table(&r, "T1");
    assert_eq!(t1.body.iter().filter(|row| row.right.as_deref().is_some_and(|s| s.starts_with('2'))).count(), 30);
    let totals = t1.body.last().unwrap();
    assert_eq!(totals.cells[0].as_ref().unwrap().text, "11931.33");
    assert_eq!(totals.cells[1].as_ref().unwrap().text, "11931.33");
    // Total rows as read off the source.
    let t3_total = table(&r, "T3").body.iter().find(|row| row.name == "合计").unwrap();
    let cells: Vec<&str> = t3_total.cells.iter().map(|c| c.as_ref().map_or("", |c| c.text.as_str())).collect();
    assert_eq!(cells, ["11931.33", "637.60", "11293.73"]);
    let t5_total = table(&r, "T5").body.iter().find(|row| row.name == "合计").unwrap();
    let cells: Vec<&str> = t5_total.cells.iter().map(|c| c.as_ref().map_or("", |c| c.text.as_str())).collect();
    assert_eq!(cells, ["11801.13", "637.60", "11163.53"]);
    assert!(r.summary.checks_run >= 100, "{:?}", r.summary);
}

/// The errors each seed really has, by the catalogue's seed status (§3.1), among the rules that
/// exist so far: S4's contents list T6 and T7, which its body lacks, and its second project's
/// 绩效目标表 says 年度预算总额 13 with 财政拨款 153.24; S1's and S2's 整体绩效目标 amounts
/// (395.83, 5532.3) differ from the total budget (395.84, 5332.30), and S1's 整体绩效目标表 gives
/// 本级资金 308.43 for T1's 一般财力 308.44; the weights of S0's
/// 破产企业退休职工人员经费项目 add up to 92 and of S4's 社会保险经办服务和中心运行经费 to 88.
fn expected_errors(name: &str) -> Vec<(&'static str, &'static str)> {
    match &name[..4] {
        "000_" => vec![("NI-PERF-WEIGHT", "")],
        "001_" => vec![("NT-PERF-WHOLE", ""), ("NI-PERF-WHOLE-FUND", "")],
        "002_" => vec![("NT-PERF-WHOLE", "")],
        "004_" => {
            vec![("STR-TOC-BODY", "T6"), ("STR-TOC-BODY", "T7"), ("NI-PERF-PROJ-FUND", ""), ("NI-PERF-WEIGHT", "")]
        }
        _ => vec![],
    }
}

#[test]
fn seeds_report_exactly_their_real_errors_and_s4_residues_are_info() {
    // §3.3 lists S4's 712.01 vs 712.00 as a rounding residue.
    for (name, text) in seeds() {
        let r = run(&text);
        let errors: Vec<(&str, String)> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.rule, f.table.map(|t| t.as_str().to_string()).unwrap_or_default()))
            .collect();
        let mut want: Vec<(&str, String)> =
            expected_errors(&name).into_iter().map(|(r, t)| (r, t.to_string())).collect();
        let mut errors = errors;
        errors.sort();
        want.sort();
        assert_eq!(errors, want, "{name}: {:#?}", r.findings);
        if name.starts_with("004_") {
            let infos: Vec<_> = r.findings.iter().filter(|f| f.severity == Severity::Info).collect();
            assert!(
                infos.iter().any(|f| f.rule == "T3-ROLLUP" && f.found == "712.00" && f.expected == "712.01"),
                "{infos:#?}"
            );
            assert!(
                infos.iter().any(|f| f.rule == "T5-ROLLUP" && f.found == "545.76" && f.expected == "545.77"),
                "{infos:#?}"
            );
        }
    }
}

/// Change every amount of T1, T3 and T5 (as the checker read them) by +0.10, −0.37, +1.00 and by
/// swapping its last two digits; each change must yield an error on the changed line.
fn mutations_caught(name: &str, text: &str) -> (usize, Vec<String>) {
    mutations_caught_in(name, text, &["T1", "T3", "T5"])
}

fn mutations_caught_in(name: &str, text: &str, tables: &[&str]) -> (usize, Vec<String>) {
    let base = run(text);
    let cells = amount_cells(&base, tables);
    let mut missed = Vec::new();
    let mut tried = 0;
    for (table, cell) in &cells {
        let line = line_of(text, cell.start);
        for delta in [10, -37, 100] {
            let (mutated, new) = replace_amount(text, cell, delta);
            tried += 1;
            if !error_on_line(&run(&mutated), line) {
                missed.push(format!("{name} {table} line {line}: {} → {new}", cell.text));
            }
        }
        if let Some(mutated) = transpose_digits(text, cell) {
            tried += 1;
            if !error_on_line(&run(&mutated), line) {
                missed.push(format!("{name} {table} line {line}: {} digits transposed", cell.text));
            }
        }
    }
    (tried, missed)
}

#[test]
fn s0_every_changed_amount_in_t1_t3_t5_is_caught_on_its_line() {
    let text = seed(S0);
    let (tried, missed) = mutations_caught("000", &text);
    assert!(tried > 400, "only {tried} mutations");
    assert!(missed.is_empty(), "{} of {tried} mutations missed:\n{}", missed.len(), missed.join("\n"));
}

#[test]
fn every_seed_changed_amounts_in_t1_t3_t5_are_caught() {
    for (name, text) in seeds() {
        let (tried, missed) = mutations_caught(&name, &text);
        eprintln!("{name}: {} of {tried} mutations caught", tried - missed.len());
        assert!(tried > 200, "{name}: only {tried} mutations");
        assert!(missed.is_empty(), "{} of {tried} mutations missed:\n{}", missed.len(), missed.join("\n"));
    }
}

#[test]
fn findings_carry_spans_arithmetic_and_expected_value() {
    let text = seed(S0);
    // 合计 of 208 01 in T3 changed from 578.20 to 578.30.
    let needle = "208\t01\t\t人力资源和社会保障管理事务\t578.20\t560.12\t18.08";
    let at = text.find(needle).unwrap();
    let mutated = text.replacen(needle, "208\t01\t\t人力资源和社会保障管理事务\t578.30\t560.12\t18.08", 1);
    let r = run(&mutated);
    let f = r.findings.iter().find(|f| f.rule == "T3-ROW").expect("T3-ROW finding");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(&mutated[f.primary.start..f.primary.end], "578.30");
    assert_eq!(f.primary.line, line_of(&text, at));
    assert_eq!(f.found, "578.30");
    assert_eq!(f.expected, "578.20");
    assert_eq!(f.note, "560.12 + 18.08 = 578.20 ≠ 578.30");
    let related: Vec<&str> = f.related.iter().map(|l| &mutated[l.start..l.end]).collect();
    assert_eq!(related, ["560.12", "18.08"]);
    // The same cell fails the 类 rollup as a part; every failing check agrees it is the one
    // wrong number, so each names it as primary with its likely value.
    let rollup = r.findings.iter().find(|f| f.rule == "T3-ROLLUP").expect("rollup finding");
    assert_eq!(&mutated[rollup.primary.start..rollup.primary.end], "578.30");
    assert!(rollup.related.iter().any(|l| &mutated[l.start..l.end] == "11865.36"));
    let likely = rollup.likely.as_ref().expect("likely repair");
    assert_eq!((likely.found.as_str(), likely.value.as_str()), ("578.30", "578.20"));
    assert_eq!(likely.slip, Some(budget_check::diagnostics::Slip::OneDigit));
    assert!(r.findings.iter().all(|f| !f.message.is_empty()));
}

/// Per seed, per table: rows read, and the total row's cells in column order (`·` blank), as
/// printed in the seed (checked against the source lines by eye: e.g. S0 line 180
/// `合计 11931.33 11801.13 4007.60 7793.53 … 130.20`).
/// (table, rows read, total row's cells).
type TableShape = (&'static str, usize, &'static str);

const TABLES: &[(&str, &[TableShape])] = &[
    (
        "000_",
        &[
            ("T1", 31, "11931.33 11931.33"),
            ("T2", 29, "11931.33 11801.13 4007.60 7793.53 · · · · · · 130.20 ·"),
            ("T3", 29, "11931.33 637.60 11293.73"),
            ("T5", 26, "11801.13 637.60 11163.53"),
            ("T6", 19, "637.60 631.92 5.68"),
            ("T7", 18, "11163.53 · 14.40 1095.05 · · · · · 10054.08 ·"),
            ("T8", 1, "· · · ·"),
            ("T9", 1, "· · · ·"),
            ("T10", 6, "· · · ·"),
            ("T11", 6, "130.20 130.20 · · 130.20 · · · ·"),
        ],
    ),
    (
        "001_",
        &[
            ("T1", 31, "395.84 395.84"),
            ("T2", 21, "395.84 390.33 308.44 81.89 · · · · · · 5.51 ·"),
            ("T3", 21, "395.84 308.44 87.40"),
            ("T5", 21, "390.33 308.44 81.89"),
            ("T6", 22, "308.44 297.64 10.80"),
            ("T10", 6, "2.28 2.28 · ·"),
        ],
    ),
    (
        "002_",
        &[
            ("T1", 31, "5,332.30 5,332.30"),
            ("T2", 25, "5332.30 5332.30 3950.30 1382.00 · · · · · · · ·"),
            ("T3", 25, "5332.30 248.73 5083.57"),
            ("T5", 25, "5332.30 248.73 5083.57"),
            ("T6", 26, "248.73 234.58 14.15"),
            ("T10", 6, "0.15 0.15 · ·"),
        ],
    ),
    (
        "003_",
        &[
            ("T1", 31, "3,788.76 3,788.76"),
            ("T2", 18, "3,788.76 3,788.76 3,788.76 · · · · · · · · ·"),
            ("T3", 18, "3,788.76 2,105.76 1,683.00"),
            ("T5", 18, "3,788.76 2,105.76 1,683.00"),
            ("T6", 27, "2,105.76 1,976.32 129.44"),
            ("T10", 6, "6.93 6.93 · ·"),
        ],
    ),
    (
        "004_",
        &[
            ("T1", 31, "712.00 712.00"),
            ("T2", 22, "712 712 699 13 · · · · · · ·"),
            ("T3", 22, "712.00 545.76 166.24"),
            ("T5", 22, "712.00 545.76 166.24"),
            ("T8", 1, "· · ·"),
            ("T9", 1, "· · ·"),
            ("T10", 6, "6.4 6.4 · ·"),
        ],
    ),
];

#[test]
fn every_seed_table_has_its_rows_and_total_row_as_printed() {
    for (prefix, tables) in TABLES {
        let r = run(&seed(prefix));
        for (id, rows, total) in *tables {
            let t = table(&r, id);
            assert_eq!(t.rows, *rows, "{prefix} {id} rows");
            let row = t
                .body
                .iter()
                .find(|row| matches!(row.name.as_str(), "合计" | "总计" | "收入总计"))
                .unwrap_or_else(|| panic!("{prefix} {id}: no total row"));
            let cells: Vec<&str> = row.cells.iter().map(|c| c.as_ref().map_or("·", |c| c.text.as_str())).collect();
            assert_eq!(cells.join(" "), *total, "{prefix} {id} total row");
            assert!(row.unplaced.is_empty(), "{prefix} {id}: total row amounts without a column");
        }
    }
}

#[test]
fn s4_is_the_ten_table_variant_with_t6_t7_missing() {
    let r = run(&seed("004_"));
    for id in ["T1", "T2", "T3", "T4", "T5", "T8", "T9", "T10"] {
        assert_ne!(table(&r, id).status, TableStatus::Missing, "{id}");
    }
    for id in ["T6", "T7"] {
        assert_eq!(table(&r, id).status, TableStatus::Missing, "{id}");
    }
    assert!(r.tables.iter().all(|t| format!("{:?}", t.id) != "T11"));
}

#[test]
fn s2_reversed_and_glued_is_checked_like_s0() {
    // Catalogue: the reversed, glued layout must be checked as fully as the tab layout.
    let r = run(&seed("002_"));
    for id in ["T1", "T3", "T5"] {
        assert_eq!(table(&r, id).status, TableStatus::Checked, "{id}");
    }
    for rule in ["T1-BAL", "T1-IN-TOTAL", "T1-OUT-SUM", "T3-ROW", "T3-ROLLUP", "T5-ROW", "T5-ROLLUP"] {
        assert!(!r.skipped.iter().any(|s| s.rule == rule), "{rule} skipped: {:?}", r.skipped);
    }
    assert!(r.summary.checks_run >= 100, "{:?}", r.summary);
}

/// Every amount of every table, changed by +0.10, −0.37, +1.00 or by swapping its last two
/// digits, yields an error on its line. Cells printed with fewer than two decimals (S4's
/// 3-significant-figure cells, `620`, `6.4`) stand for wide intervals: a change of one unit can
/// stay inside the rounding envelope and is then rightly only `info`; those are counted, not
/// required.
#[test]
fn every_table_amount_change_is_caught() {
    let all = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11"];
    for (name, text) in seeds() {
        let (tried, missed) = mutations_caught_in(&name, &text, &all);
        let coarse = |m: &String| {
            m.split(": ")
                .nth(1)
                .and_then(|v| v.split(' ').next())
                .is_some_and(|v| v.split('.').nth(1).is_none_or(|f| f.len() < 2))
        };
        let hard: Vec<&String> = missed.iter().filter(|m| !coarse(m)).collect();
        eprintln!(
            "{name}: {} of {tried} mutations caught ({} missed, all in cells printed with < 2 decimals)",
            tried - missed.len(),
            missed.len()
        );
        assert!(tried > 600, "{name}: only {tried} mutations");
        assert!(
            hard.is_empty(),
            "{name}: {} mutations of 2-decimal cells missed:\n{}",
            hard.len(),
            hard.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
        );
    }
}

/// When a single amount is changed, the checker names it: across all seeds, the changed cell
/// is the primary location with the original value as `likely` in most failing checks.
#[test]
fn a_changed_amount_is_named_as_the_likely_wrong_number() {
    let all = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T10", "T11"];
    for (name, text) in seeds() {
        let base = run(&text);
        let cells = amount_cells(&base, &all);
        let (mut named, mut errors) = (0usize, 0usize);
        let mut wrong = Vec::new();
        for (table, cell) in &cells {
            if cell.text.split('.').nth(1).is_none_or(|f| f.len() < 2) {
                continue; // coarse cells: a change may stay inside their rounding
            }
            let (mutated, new) = replace_amount(&text, cell, 100);
            let r = run(&mutated);
            if r.summary.errors == 0 {
                continue;
            }
            errors += 1;
            let hit = r
                .findings
                .iter()
                .filter_map(|f| f.likely.as_ref().map(|l| (f, l)))
                .find(|(f, _)| f.primary.start == cell.start);
            match hit {
                Some((_, l)) if l.value == cell.text.replace(',', "") || l.value == cell.text => named += 1,
                Some((_, l)) => wrong.push(format!("{table} {}: likely {} (want {})", cell.text, l.value, cell.text)),
                None => {}
            }
            // Whatever it names, a likely value never points at a cell that was not changed
            // while the changed cell takes part in the same failing check.
            for f in r.findings.iter().filter(|f| f.likely.is_some()) {
                let touches = f.primary.start == cell.start || f.related.iter().any(|l| l.start == cell.start);
                if touches && f.primary.start != cell.start {
                    wrong.push(format!(
                        "{table} {} → {new}: {} names {}",
                        cell.text,
                        f.rule,
                        f.likely.as_ref().map_or("", |l| l.found.as_str())
                    ));
                }
            }
        }
        eprintln!("{name}: the changed cell named with its value in {named} of {errors} mutations");
        assert!(wrong.is_empty(), "{name}: wrong likely cells:\n{}", wrong.join("\n"));
        assert!(named * 10 >= errors * 3, "{name}: named only {named} of {errors}");
    }
}

/// The growth statements of a seed, as the checker reads them: (current, change, rate) spans.
/// A growth statement's (current, change, rate) spans.
type GrowthSpans = (std::ops::Range<usize>, std::ops::Range<usize>, std::ops::Range<usize>);

fn growth_spans(text: &str) -> Vec<GrowthSpans> {
    let parsed = budget_check::parse(text);
    let narrative = budget_check::narrative::read(&parsed.norm.text, &parsed.lines, &parsed.tables);
    let orig = |r: std::ops::Range<usize>| parsed.norm.to_original(r.start)..parsed.norm.to_original(r.end);
    narrative
        .growths
        .into_iter()
        .filter_map(|g| {
            let (rate, _) = g.rate?;
            Some((orig(g.current.amount.span), orig(g.change.amount.span), orig(rate.amount.span)))
        })
        .collect()
}

fn bump_at(text: &str, span: &std::ops::Range<usize>, hundredths: i64) -> String {
    let cell = budget_check::report::CellOut { text: text[span.clone()].to_string(), start: span.start, end: span.end };
    replace_amount(text, &cell, hundredths).0
}

/// Issue 5 (in part): a changed rate (+0.50 points) in any growth statement of any seed gives an
/// error on that line. Smaller changes can stay inside the range the printed figures allow — e.g.
/// 88.33% stands for 88.19–88.48% when 8.48 ÷ 9.60 is printed to two decimals — and are then
/// rightly not errors. A changed change amount (+1.00) is counted, not required: near a 100% cut
/// the rate hardly moves, and catching those needs the cross-statement identities (NI-PRIOR-*),
/// not built yet. `growth_detection_survey` prints the rates for +0.05 / +0.10.
#[test]
fn every_growth_statement_change_is_caught() {
    growth_mutations(5, 10, true);
}

#[test]
#[ignore = "survey: run with --ignored --nocapture"]
fn growth_detection_survey() {
    growth_mutations(5, 10, false);
    growth_mutations(50, 100, false);
}

fn growth_mutations(rate_step: i64, change_step: i64, strict: bool) {
    for (name, text) in seeds() {
        let spans = growth_spans(&text);
        let base_errors = error_keys(&run(&text));
        let mut missed = Vec::new();
        let mut only_info = Vec::new();
        let mut zero_base = 0;
        for (current, change, rate) in &spans {
            let step = step_at(&text, rate, rate_step);
            // `…费 0 万元 … 增加 0 万元，增长 0%`: last year's figure is 0 ± 1, so any rate fits the
            // printed amounts; such a rate cannot be checked (the 三公 parts' own changes, S4).
            let whole_zero = |r: &std::ops::Range<usize>| text[r.clone()].trim() == "0";
            if whole_zero(current) && whole_zero(change) {
                zero_base += 1;
                continue;
            }
            for (span, delta, what) in [(rate, step, "rate"), (change, change_step, "change")] {
                let mutated = bump_at(&text, span, delta);
                let line = line_of(&text, span.start);
                let r = run(&mutated);
                let new_on_line = |sev: Severity| new_finding_on_line(&r, &base_errors, line, sev);
                // A change printed without decimals (`增加 0 万元`) leaves a unit of the rate open.
                let coarse = if decimals_at(&text, change) < 2 { " (coarse)" } else { "" };
                let label = format!("{name} line {line}{coarse}: {what} {}", &text[span.clone()]);
                if !new_on_line(Severity::Error) {
                    if new_on_line(Severity::Info) {
                        only_info.push(label.clone());
                    }
                    missed.push(label);
                }
            }
        }
        // Only the count of checkable statements is used below.
        let spans = &spans[..spans.len() - zero_base];
        let rates_missed = missed.iter().filter(|m| m.contains(": rate ")).count();
        let rates_info = only_info.iter().filter(|m| m.contains(": rate ")).count();
        eprintln!(
            "{name}: {} growth statements ({zero_base} more on a zero base, not checkable); errors for {}/{} rate and {}/{} change-amount changes; {} more rate changes flagged as info (inside the rounding range)",
            spans.len(),
            spans.len() - rates_missed,
            spans.len(),
            spans.len() - (missed.len() - rates_missed),
            spans.len(),
            rates_info,
        );
        if !strict {
            eprintln!("  no error:\n  {}", missed.join("\n  "));
        }
        if strict {
            assert!(spans.len() >= 15, "{name}: only {} growth statements read", spans.len());
            // A changed rate is never passed silently: an error, or — when the printed figures are
            // too coarse to rule it out (S4: `增加 15 万元，增长 12.9%` allows 12.4–13.4%) — an info
            // naming the recomputed value.
            // Silent only where the change is a single unit of a rate printed with one decimal
            // (12.9% → 13.0%), which rounding of unrounded amounts alone can produce.
            let silent: Vec<&String> =
                missed.iter().filter(|m| m.contains(": rate ") && !only_info.contains(m)).collect();
            let one_unit =
                |m: &&String| m.rsplit(' ').next().is_some_and(|r| r.split('.').nth(1).map_or(0, str::len) < 2);
            assert!(silent.iter().all(one_unit), "{name}: rate changes passed silently\n{silent:?}");
            let fine = silent.iter().filter(|m| !m.contains("(coarse)")).count();
            assert!(fine * 10 <= spans.len(), "{name}: rate changes passed silently\n{silent:?}");
            assert!(
                rates_missed * 2 <= spans.len(),
                "{name}: under half the rate changes are errors\n{}",
                missed.join("\n")
            );
            // Change amounts: caught by the rate, or by NI-PRIOR-BAL / NI-PRIOR-ITEMS; a change
            // that moves the rate by less than its rounding step cannot be seen from the text alone.
            let changes_missed = missed.len() - rates_missed;
            assert!(changes_missed * 4 <= spans.len(), "{name}: change amounts missed\n{}", missed.join("\n"));
        }
    }
}

/// Decimals printed in the figure at `span`.
fn decimals_at(text: &str, span: &std::ops::Range<usize>) -> usize {
    text[span.clone()].split('.').nth(1).map_or(0, str::len)
}

/// A mutation step in hundredths: `hundredths`, but at least one unit of the last printed digit.
fn step_at(text: &str, span: &std::ops::Range<usize>, hundredths: i64) -> i64 {
    hundredths.max(10i64.pow(2u32.saturating_sub(decimals_at(text, span) as u32)))
}

/// A finding of severity `sev` on `line` (as primary or related) that the unmutated text lacked.
fn new_finding_on_line(
    r: &budget_check::Report,
    base_errors: &[(&'static str, String)],
    line: usize,
    sev: Severity,
) -> bool {
    r.findings.iter().any(|f| {
        f.severity == sev
            && !base_errors.contains(&(f.rule, f.found.clone()))
            && (f.primary.line == line || f.related.iter().any(|l| l.line == line))
    })
}

fn error_keys(r: &budget_check::Report) -> Vec<(&'static str, String)> {
    r.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.rule, f.found.clone())).collect()
}

/// Issue 5 (in part): every share (占 p%, +0.05 points), every narrative 项 amount (+0.10) and
/// every 绩效 funding total (+0.10), chosen from the checker's own reading of each seed, gives a
/// new error on its line.
#[test]
fn every_share_and_restated_amount_change_is_caught() {
    for (name, text) in seeds() {
        let parsed = budget_check::parse(&text);
        let narrative = budget_check::narrative::read(&parsed.norm.text, &parsed.lines, &parsed.tables);
        let orig = |r: &std::ops::Range<usize>| parsed.norm.to_original(r.start)..parsed.norm.to_original(r.end);
        let mut targets: Vec<(&str, std::ops::Range<usize>, i64)> = Vec::new();
        for sh in &narrative.shares {
            targets.push(("share", orig(&sh.percent.amount.span), 5));
        }
        // Items printed as 0 are 项 cut this year: they restate no T5 cell.
        for it in narrative.item_amounts().iter().filter(|it| !it.amount.amount.value.is_zero()) {
            targets.push(("item", orig(&it.amount.amount.span), 10));
        }
        for f in &narrative.fund_splits {
            targets.push(("fund total", orig(&f.total.span), 10));
        }
        for l in narrative.labelled() {
            targets.push((l.label, orig(&l.figure.amount.span), 10));
        }
        let base_errors = error_keys(&run(&text));
        let mut missed = Vec::new();
        let mut info_only = Vec::new();
        let mut one_unit = 0;
        for (what, span, delta) in &targets {
            let decimals = decimals_at(&text, span);
            let step = step_at(&text, span, *delta);
            let mutated = bump_at(&text, span, step);
            let line = line_of(&text, span.start);
            let r = run(&mutated);
            let new_on_line = |sev: Severity| new_finding_on_line(&r, &base_errors, line, sev);
            let label = format!("{name} line {line}: {what} {}", &text[span.clone()]);
            if new_on_line(Severity::Error) {
                continue;
            }
            // 机关运行经费 = 公用经费 is a convention, not an identity (the catalogue's NT-OPEX, W).
            if *what == "运行经费财政拨款预算" && new_on_line(Severity::Warning) {
                continue;
            }
            if *what == "share" && new_on_line(Severity::Info) {
                info_only.push(label);
            } else if *what == "share" && decimals < 2 {
                // One unit of a one-decimal share (0.2% → 0.3%): rounding alone can do that.
                one_unit += 1;
            } else {
                missed.push(label);
            }
        }
        let errors = targets.len() - missed.len() - info_only.len() - one_unit;
        eprintln!(
            "{name}: {errors} of {} share / item / funding changes are errors; {} more shares flagged as info (inside the rounding range); {one_unit} one-unit changes of one-decimal shares not flagged",
            targets.len(),
            info_only.len()
        );
        assert!(one_unit * 10 <= targets.len(), "{name}: {one_unit} one-unit share changes not flagged");
        assert!(targets.len() >= 15, "{name}: only {} targets read", targets.len());
        // Every restated amount and funding total, and every share whose printed figures are fine
        // enough, gives an error; a share of integer amounts (S4: 占 98.17% of 712) stands for a
        // range wider than 0.05 points, and a change inside it is flagged as info, never passed.
        assert!(missed.is_empty(), "{name}: missed\n{}", missed.join("\n"));
        assert!(info_only.len() * 4 <= targets.len(), "{name}: too few errors\n{}", info_only.join("\n"));
    }
}

/// Every value printed in a table of `parsed`.
fn table_values(parsed: &budget_check::Parsed) -> Vec<rust_decimal::Decimal> {
    use budget_check::tables::TableBody;
    let mut out = Vec::new();
    for t in &parsed.tables {
        match &t.body {
            Some(TableBody::Coded(c)) => out.extend(c.rows.iter().flat_map(|r| r.amounts.iter().map(|a| a.value))),
            Some(TableBody::Balance(b)) => out.extend(
                b.income
                    .iter()
                    .chain(&b.expense)
                    .chain(&b.income_total)
                    .chain(&b.expense_total)
                    .flat_map(|i| i.amounts.iter().map(|a| a.value)),
            ),
            Some(TableBody::Labelled(l)) => out.extend(l.rows.iter().flat_map(|r| r.amounts.iter().map(|a| a.value))),
            None => {}
        }
    }
    out
}

/// Issue 5: a narrative amount (万元) that restates a table cell — any figure of the 情况说明
/// whose value some table prints — changed by 0.10 (one unit when printed without decimals),
/// one at a time: the share of them that give a new error on their line.
fn restatement_mutations(name: &str, text: &str) -> (usize, Vec<String>) {
    let parsed = budget_check::parse(text);
    let values = table_values(&parsed);
    let figs = budget_check::narrative::read(&parsed.norm.text, &parsed.lines, &parsed.tables).figures;
    let base_errors = error_keys(&run(text));
    let mut tried = 0;
    let mut missed = Vec::new();
    for f in figs.iter().filter(|f| {
        f.unit == budget_check::narrative::Unit::Wan && !f.amount.value.is_zero() && values.contains(&f.amount.value)
    }) {
        let span = parsed.norm.to_original(f.amount.span.start)..parsed.norm.to_original(f.amount.span.end);
        let line = line_of(text, span.start);
        let mutated = bump_at(text, &span, step_at(text, &span, 10));
        tried += 1;
        if !new_finding_on_line(&run(&mutated), &base_errors, line, Severity::Error) {
            missed.push(format!("{name} line {line}: {}", &text[span.clone()]));
        }
    }
    (tried, missed)
}

/// What is missed is a figure no rule can tie to one cell: an amount printed without decimals
/// inside a sum whose rounding envelope covers one unit (S2 `345`), a project whose T7 name was
/// lost, a figure quoted in a reason or a 绩效 indicator. At least 80% per seed, 90% overall.
#[test]
fn most_narrative_restatements_of_table_figures_are_caught() {
    let (mut all, mut all_missed) = (0, 0);
    for (name, text) in seeds() {
        let (tried, missed) = restatement_mutations(&name, &text);
        eprintln!(
            "{name}: {} of {tried} narrative restatements changed by 0.10 give an error on their line",
            tried - missed.len()
        );
        for m in &missed {
            eprintln!("  missed: {m}");
        }
        assert!(tried >= 30, "{name}: only {tried} restatements found");
        assert!((tried - missed.len()) * 10 >= tried * 8, "{name}: {} of {tried} caught", tried - missed.len());
        all += tried;
        all_missed += missed.len();
    }
    assert!((all - all_missed) * 10 >= all * 9, "{} of {all} caught", all - all_missed);
}
