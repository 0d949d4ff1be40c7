//! Golden tests: for each seed, the tables as the checker read them (`--format model`) against
//! a reviewed snapshot in `tests/snapshots/`. After a deliberate parser change, rerun with
//! `BLESS=1 cargo test --test golden`, then review the diff of the snapshots line by line
//! against the seed text before committing.

mod common;
use budget_check::report::model_text;
use std::path::PathBuf;

fn snapshot_path(seed: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(seed.replace(".txt", ".model"))
}

#[test]
fn model_of_every_seed_matches_its_reviewed_snapshot() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for (name, text) in common::seeds() {
        let got = model_text(&common::run(&text));
        let path = snapshot_path(&name);
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("no snapshot {}; run with BLESS=1", path.display()));
        if got != want {
            let (n, (g, w)) = got
                .lines()
                .zip(want.lines())
                .enumerate()
                .find(|(_, (g, w))| g != w)
                .map(|(n, (g, w))| (n + 1, (g.to_string(), w.to_string())))
                .unwrap_or((got.lines().count().min(want.lines().count()) + 1, ("<end>".into(), "<end>".into())));
            failures.push(format!("{name}: first difference at snapshot line {n}\n  got:  {g}\n  want: {w}"));
        }
    }
    assert!(failures.is_empty(), "{}\n(BLESS=1 to accept after review)", failures.join("\n"));
}
