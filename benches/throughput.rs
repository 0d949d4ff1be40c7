//! Throughput of the whole check (all passes), native. Not a test: run `cargo bench`.
//! Prints, per input, the median time of repeated runs and MB/s.

use budget_check::{check, Options};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn inputs() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("tests/fixtures/seeds"), root.join("tests/fixtures/corpus")] {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<PathBuf> =
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        for p in files {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if dir.ends_with("corpus") && !name.starts_with("12_") {
                continue;
            }
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push((name, t));
            }
        }
    }
    let big: String = out
        .iter()
        .filter(|(n, _)| n.starts_with("00"))
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .concat()
        .repeat(24);
    out.push(("5 MB (seeds repeated)".into(), big));
    // One seed repeated: many narrative claims, each bound by binary search (was quadratic).
    if let Some((_, s0)) = out.iter().find(|(n, _)| n.starts_with("000_")) {
        let n = 5_000_000 / s0.len() + 1;
        out.push(("5 MB (S0 repeated)".into(), s0.repeat(n)));
    }
    // Hostile prose: claims with no sentence end anywhere (sentence scans are bounded).
    out.push(("1 MB claims, no 。".into(), "收入12万元比上年增加1万元增长9.09%占10%，".repeat(40_000)));
    // One breakdown of 40,000 shares (no 。 between them) after S0 (NI-SHARE needs its T1):
    // each breakdown is summed once (per share it was quadratic: 17 s for 20,000).
    if let Some((_, s0)) = out.iter().find(|(n, _)| n.starts_with("000_")) {
        out.push((
            "S0 + one breakdown of 40,000 shares".into(),
            format!("{s0}{}", "支出 12.00 万元，占 10.00%；".repeat(40_000)),
        ));
    }
    out
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    println!("{:<42} {:>10} {:>12} {:>10}", "input", "bytes", "median", "MB/s");
    for (name, text) in inputs() {
        let runs = if text.len() > 1_000_000 { 5 } else { 31 };
        let times: Vec<Duration> = (0..runs)
            .map(|_| {
                let t0 = Instant::now();
                let r = check(&text, Options::default());
                std::hint::black_box(r);
                t0.elapsed()
            })
            .collect();
        let m = median(times);
        let mbps = text.len() as f64 / 1e6 / m.as_secs_f64();
        println!("{:<42} {:>10} {:>10.2?} {:>10.1}", name, text.len(), m, mbps);
    }
}
