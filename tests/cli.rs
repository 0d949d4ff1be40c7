//! The command-line front end: formats, exit codes, bad input.

mod common;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_budget-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run that exits before reading its input (bad arguments) closes the pipe: not a failure.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn json_report_of_a_clean_seed_exits_zero() {
    // S3: a warning (X-T6-FUNC), no error.
    let text = common::seed("003_");
    let out = cli(&["--format", "json", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["offsets"], "utf8");
    assert_eq!(v["summary"]["errors"], 0);
    let ids: Vec<&str> = v["tables"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    for id in ["T1", "T3", "T5"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    for t in v["tables"].as_array().unwrap() {
        for key in ["id", "title", "line", "rows", "status"] {
            assert!(t.get(key).is_some(), "tables[].{key}");
        }
    }
}

#[test]
fn an_error_exits_one_and_points_a_caret_at_the_number() {
    let text = common::seed("000_").replacen("\t578.20\t560.12\t18.08", "\t578.30\t560.12\t18.08", 1);
    let out = cli(&["-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("error[T3-ROW]"), "{s}");
    assert!(s.contains("= note: 560.12 + 18.08 = 578.20 ≠ 578.30"), "{s}");
    assert!(s.contains("= help: 应为 578.20"), "{s}");
    // The caret line sits under the printed number: same display column as in the source line.
    let lines: Vec<&str> = s.lines().collect();
    let src = (0..lines.len() - 1)
        .find(|&i| lines[i].contains("人力资源和社会保障管理事务    578.30") && lines[i + 1].contains('^'))
        .unwrap();
    let caret = lines[src + 1];
    let col = |l: &str, pat: &str| {
        l[..l.find(pat).unwrap()].chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum::<usize>()
    };
    assert_eq!(col(caret, "^^^^^^"), col(lines[src], "578.30"));
    let en = cli(&["--lang", "en", "-"], text.as_bytes());
    assert!(String::from_utf8(en.stdout).unwrap().contains("sum of its parts"));
}

#[test]
fn unreadable_input_exits_two_with_a_message() {
    for (input, needle) in [
        (&b""[..], "输入为空"),
        (&b"  \n\t"[..], "输入为空"),
        (&b"abc\x00def"[..], "NUL"),
        (&b"\xff\xfe\xfa"[..], "UTF-8"),
    ] {
        let out = cli(&["-"], input);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(needle), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = cli(&["/nonexistent/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&["--format", "xml", "-"], b"x");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn text_that_is_not_a_disclosure_says_so() {
    let out = cli(&["-"], "Hello, world. 这不是预算公开。".as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("未识别到任何预算公开表格"));
}

#[test]
fn model_dump_shows_rows_by_column() {
    let out = cli(&["--format", "model", "-"], common::seed("000_").as_bytes());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("columns: 合计 | 基本支出 | 项目支出"), "{s}");
    assert!(
        s.lines().any(|l| l.contains("2080101") && l.contains("行政运行") && l.ends_with(": 560.12 | 560.12 | ·")),
        "{s}"
    );
}

#[test]
fn a_long_line_is_shown_as_a_window_around_each_number() {
    // S0's T10 is empty; 2,000 三公 amounts on one 100 KB line are 2,000 errors on that line.
    let mut text = common::seed("000_");
    text.push_str("\n十、关于 2024 年财政拨款“三公”经费预算情况说明\n");
    text.push_str(&"公务接待费 1.00 万元，公务接待费增加 1.00 万元；".repeat(2000));
    text.push('\n');
    let out = cli(&["-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.matches("error[NT-3PUB]").count() >= 2000);
    // Each finding shows some 40 characters either side of its number, not the whole line.
    let longest = s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 200, "a line of {longest} characters");
    assert!(s.contains(" | …") && s.contains("…\n"), "windows are marked with …");
}
