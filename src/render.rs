//! The text rendering of a report, codespan-style: the CLI prints it, and the rule fixtures
//! compare with it.

use crate::report::{Location, Report};
use crate::{Lang, Severity};

/// Display width of a character in a terminal (CJK and full-width forms take two cells).
fn width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
        || (0x20000..=0x3FFFD).contains(&u);
    match c {
        '\t' => 4,
        _ if wide => 2,
        _ => 1,
    }
}

/// A line longer than this (in bytes) is shown as a window around the marked number.
const LONG_LINE: usize = 240;
const WINDOW_CHARS: usize = 40;

/// Byte range of 1-based `line`, from the line starts.
fn line_range(text: &str, starts: &[usize], line: usize) -> std::ops::Range<usize> {
    let s = starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len()).min(text.len());
    let e = starts.get(line).map_or(text.len(), |&n| n.saturating_sub(1)).max(s).min(text.len());
    s..e
}

/// The line (or, for a long line, the stretch around `loc`) with tabs shown as spaces, and a
/// marker under `loc`; `true` when the text shown is a window of a long line.
fn snippet(text: &str, starts: &[usize], loc: &Location, mark: char) -> (String, String, bool) {
    let line = line_range(text, starts, loc.line);
    let at = loc.start.clamp(line.start, line.end);
    let end = loc.end.clamp(at, line.end);
    let long = line.len() > LONG_LINE;
    let (from, to) = if long {
        let from = text
            .get(line.start..at)
            .unwrap_or("")
            .char_indices()
            .rev()
            .nth(WINDOW_CHARS - 1)
            .map_or(line.start, |(i, _)| line.start + i);
        let to =
            text.get(end..line.end).unwrap_or("").char_indices().nth(WINDOW_CHARS).map_or(line.end, |(i, _)| end + i);
        (from, to)
    } else {
        (line.start, line.end)
    };
    let tabs =
        |s: &str| s.chars().map(|c| if c == '\t' { "    ".to_string() } else { c.to_string() }).collect::<String>();
    let lead = if long && from > line.start { "…" } else { "" };
    let tail = if long && to < line.end { "…" } else { "" };
    let shown = format!("{lead}{}{tail}", tabs(text.get(from..to).unwrap_or("")));
    let pad: usize =
        lead.chars().map(width).sum::<usize>() + text.get(from..at).unwrap_or("").chars().map(width).sum::<usize>();
    let len: usize = text.get(at..end).unwrap_or("").chars().map(width).sum::<usize>().max(1);
    (shown.trim_end().to_string(), format!("{}{}", " ".repeat(pad), mark.to_string().repeat(len)), long)
}

/// The findings as the CLI prints them: each with its source line, a caret under the failing
/// number, the numbers it was checked against marked `-`, the arithmetic and the expected value,
/// then the summary line.
pub fn render_text(r: &Report, text: &str, file: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    for f in &r.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        out.push_str(&format!("{sev}[{}]: {}\n", f.rule, f.message));
        let gutter =
            f.primary.line.to_string().len().max(f.related.iter().map(|l| l.line.to_string().len()).max().unwrap_or(0));
        let pad = " ".repeat(gutter);
        out.push_str(&format!("{pad}--> {file}:{}:{}\n", f.primary.line, f.primary.column));
        let mut locs: Vec<(&Location, char)> = vec![(&f.primary, '^')];
        locs.extend(f.related.iter().map(|l| (l, '-')));
        locs.sort_by_key(|(l, _)| l.start);
        let mut last_line = 0;
        for (loc, mark) in locs {
            let (src, marker, window) = snippet(text, &starts, loc, mark);
            if loc.line != last_line || window {
                out.push_str(&format!("{pad} |\n"));
                out.push_str(&format!("{:>gutter$} | {src}\n", loc.line));
            }
            out.push_str(&format!("{pad} | {marker} {}\n", loc.label));
            last_line = loc.line;
        }
        out.push_str(&format!("{pad} = note: {}\n", f.note));
        if let Some(l) = &f.likely {
            out.push_str(&format!("{pad} = likely: {}\n", l.text));
        }
        let help = if zh { "应为" } else { "expected" };
        out.push_str(&format!("{pad} = help: {help} {}\n\n", f.expected));
    }
    let s = &r.summary;
    if zh {
        out.push_str(&format!(
            "共 {} 个错误、{} 个警告、{} 个提示；核对 {} 项，通过 {} 项，跳过 {} 项。\n",
            s.errors, s.warnings, s.infos, s.checks_run, s.checks_passed, s.checks_skipped
        ));
    } else {
        out.push_str(&format!(
            "{} errors, {} warnings, {} infos; {} checks run, {} passed, {} skipped.\n",
            s.errors, s.warnings, s.infos, s.checks_run, s.checks_passed, s.checks_skipped
        ));
    }
    // The verdict: how much was checked (已全部核对 / 部分核对 / 无法核对).
    out.push_str(&format!("{}\n", s.verdict_text));
    let n = &r.narrative;
    if zh {
        out.push_str(&format!(
            "情况说明：{} 个数字中 {} 个由规则核对（增减幅 {} 句，占比 {} 处）；其余未核对。\n",
            n.figures, n.bound, n.growth_statements, n.shares
        ));
    } else {
        out.push_str(&format!(
            "narrative: {} of {} figures read by a rule ({} growth statements, {} shares); the rest unchecked.\n",
            n.bound, n.figures, n.growth_statements, n.shares
        ));
    }
    for t in &r.tables {
        let (status, rows, amounts) = (format!("{:?}", t.status), t.rows, t.amounts);
        let checked = t.amounts_checked;
        out.push_str(&format!(
            "  {} {status} {rows} rows, {checked}/{amounts} amounts checked — {}\n",
            t.id.as_str(),
            t.title
        ));
    }
    for w in &r.warnings {
        out.push_str(&format!("  warning: {}\n", w.message));
    }
    out
}
