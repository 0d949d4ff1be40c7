//! Command-line front end: `budget-check [--format text|json|model] [--lang zh|en] [--rule ID]... FILE|-`
//! (`--rule`, repeatable: run only these rules).
//!
//! Exit status: 0 when there is no error finding, 1 when there is, 2 when the input cannot be
//! read (missing file, not UTF-8 text, binary, empty) or the arguments are wrong.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use budget_check::render::render_text;
    use budget_check::{check_with, Lang, Options};
    use std::io::{Read, Write};

    const USAGE: &str = "用法 usage: budget-check [--format text|json|model] [--lang zh|en] [--rule ID]... FILE|-\n       budget-check [--lang zh|en] --rules";
    const ERR_EMPTY: &str = "输入为空 (input is empty)";
    const ERR_BINARY: &str = "输入不是文本：含有 NUL 字节 (input is binary, not text)";
    const ERR_UTF8: &str = "输入不是 UTF-8 文本 (input is not UTF-8 text)";

    #[derive(Clone, Copy, PartialEq)]
    enum Format {
        Text,
        Json,
        Model,
    }

    pub fn run(args: Vec<String>) -> i32 {
        let mut format = Format::Text;
        let mut lang = Lang::Zh;
        let mut file: Option<String> = None;
        let mut only: Vec<String> = Vec::new();
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" => match it.next().as_deref() {
                    Some("text") => format = Format::Text,
                    Some("json") => format = Format::Json,
                    Some("model") => format = Format::Model,
                    _ => return usage(),
                },
                "--lang" => match it.next().as_deref() {
                    Some("zh") => lang = Lang::Zh,
                    Some("en") => lang = Lang::En,
                    _ => return usage(),
                },
                "--rule" => match it.next() {
                    Some(id) if budget_check::RULES.iter().any(|r| r.meta().id == id) => only.push(id),
                    _ => return usage(),
                },
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return 0;
                }
                "--rules" => {
                    for r in budget_check::RULES {
                        let m = r.meta();
                        println!("{:<16} {}", m.id, if lang == Lang::En { m.title_en } else { m.title_zh });
                    }
                    return 0;
                }
                _ if file.is_none() => file = Some(a),
                _ => return usage(),
            }
        }
        let Some(file) = file else { return usage() };
        let bytes = match read_input(&file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("budget-check: {file}: {e}");
                return 2;
            }
        };
        let text = match validate(&bytes) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("budget-check: {file}: {msg}");
                return 2;
            }
        };
        let only: Vec<&str> = only.iter().map(String::as_str).collect();
        let report = check_with(text, Options { lang, ..Options::default() }, &only);
        let out = match format {
            Format::Json => serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")),
            Format::Text => render_text(&report, text, &file, lang),
            Format::Model => budget_check::report::model_text(&report),
        };
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = writeln!(stdout, "{out}");
        i32::from(report.summary.errors > 0)
    }

    fn usage() -> i32 {
        eprintln!("{USAGE}");
        2
    }

    fn read_input(file: &str) -> std::io::Result<Vec<u8>> {
        if file == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b)?;
            Ok(b)
        } else {
            std::fs::read(file)
        }
    }

    fn validate(bytes: &[u8]) -> Result<&str, &'static str> {
        if bytes.contains(&0) {
            return Err(ERR_BINARY);
        }
        let text = std::str::from_utf8(bytes).map_err(|_| ERR_UTF8)?;
        if text.trim().is_empty() {
            return Err(ERR_EMPTY);
        }
        Ok(text)
    }
}
