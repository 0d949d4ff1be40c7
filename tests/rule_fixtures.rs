//! Golden tests per rule: `tests/rules/<RULE-ID>.txt` is a small document that breaks that rule
//! (and, as printed, nothing it does not imply); `<RULE-ID>.expected` is the reviewed rendering of
//! its findings. `BLESS=1 cargo test --test rule_fixtures` rewrites the expectations — review the
//! diff before committing.

use budget_check::{check, Options, Severity};
use std::path::PathBuf;

fn render(text: &str) -> String {
    let r = check(text, Options::default());
    let mut out = String::new();
    for f in &r.findings {
        let at = |l: &budget_check::report::Location| format!("{}:{} `{}`", l.line, l.column, &text[l.start..l.end]);
        out.push_str(&format!("{:?} {} at {}\n", f.severity, f.rule, at(&f.primary)));
        out.push_str(&format!("  message: {}\n  note: {}\n  expected: {}\n", f.message, f.note, f.expected));
        for l in &f.related {
            out.push_str(&format!("  related: {}\n", at(l)));
        }
        if let Some(l) = &f.likely {
            out.push_str(&format!("  likely: {}\n", l.text));
        }
    }
    out
}

#[test]
fn each_rule_fixture_breaks_its_rule_and_matches_its_snapshot() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let bless = std::env::var_os("BLESS").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for path in files {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let r = check(&text, Options::default());
        assert!(budget_check::RULES.iter().any(|rule| rule.meta().id == id), "{id}: no such rule");
        assert!(
            r.findings.iter().any(|f| f.rule == id && f.severity == Severity::Error),
            "{id}: the fixture does not break its rule"
        );
        let got = render(&text);
        let expected_path = path.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
        } else if std::fs::read_to_string(&expected_path).ok().as_deref() != Some(got.as_str()) {
            failures.push(format!("== {id}\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "findings differ from the reviewed snapshots (BLESS=1 after review):\n{}",
        failures.join("\n")
    );
}
