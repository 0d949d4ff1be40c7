//! Pass 2: split the normalized text into lines and tokens, and recognise page furniture and
//! Word revision marks that must never be read as table content (HZ-01, HZ-07, HZ-08).

use std::ops::Range;

/// One line of the normalized text, without its line break.
#[derive(Debug, Clone)]
pub struct Line {
    /// 0-based line index.
    pub index: usize,
    /// Byte range of the line in the normalized text, line break excluded.
    pub span: Range<usize>,
}

/// Split into lines. A final line without a line break counts; an empty text has no lines.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Line { index: out.len(), span: start..i });
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Line { index: out.len(), span: start..text.len() });
    }
    out
}

/// A piece of a line with its absolute byte range in the normalized text.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    /// The piece's text (for cells: trimmed of surrounding spaces).
    pub text: &'a str,
    /// Byte offset of `text`'s first byte in the normalized text.
    pub start: usize,
}

impl<'a> Tok<'a> {
    /// Byte range of the piece in the normalized text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

/// Tab-separated cells of a line (empty cells kept), each trimmed of surrounding spaces.
pub fn cells(text: &str, line_start: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut off = 0usize;
    for part in text.split('\t') {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        out.push(Tok { text: trimmed, start: line_start + off + lead });
        off += part.len() + 1;
    }
    out
}

/// Whitespace-separated words of a text, with absolute offsets.
pub fn words(text: &str, start: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = word_start.take() {
                out.push(Tok { text: &text[s..i], start: start + s });
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(s) = word_start {
        out.push(Tok { text: &text[s..], start: start + s });
    }
    out
}

/// The text with all whitespace removed: how labels are compared (`收 入 总 计` = `收入总计`).
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line that is only a page number (`5`, `- 12 -`, `第 3 页`, `12/40`).
pub fn is_page_furniture(s: &str) -> bool {
    // A page number is a few characters; anything longer is content (and not worth compacting).
    let s = s.trim();
    if s.len() > 40 {
        return false;
    }
    let c = compact(s);
    if c.is_empty() {
        return false;
    }
    let inner = c.trim_start_matches(['-', '—', '–']).trim_end_matches(['-', '—', '–']);
    let inner = inner.strip_prefix('第').and_then(|r| r.strip_suffix('页')).unwrap_or(inner);
    let digits_only = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    // A lone 3-digit number from 200 to 399 is more likely a wrapped 类 code than a page.
    let class_code_like = inner.len() == 3 && (inner.starts_with('2') || inner.starts_with('3'));
    if digits_only(inner) && !class_code_like {
        return true;
    }
    match inner.split_once('/') {
        Some((a, b)) => digits_only(a) && digits_only(b),
        None => false,
    }
}

/// A Word revision-mark line left in the text (`右设置格式[Administrator]:`, `删除[…]:`, `缩进: …`).
pub fn is_revision_mark(s: &str) -> bool {
    const MARKS: [&str; 5] = ["格式", "删除", "缩进", "格式化", "带格"];
    if !MARKS.iter().any(|m| s.contains(m)) {
        return false;
    }
    let c = compact(s);
    c.contains("设置格式[")
        || c.starts_with("删除[")
        || c.starts_with("缩进:")
        || c.starts_with("带格式的")
        || c.starts_with("格式化[")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_cells_keep_offsets() {
        let t = "a\tb\t\n208\t01\t 行政运行 \t560.12";
        let ls = lines(t);
        assert_eq!(ls.len(), 2);
        let l = &ls[1];
        let cs = cells(&t[l.span.clone()], l.span.start);
        assert_eq!(cs.len(), 4);
        assert_eq!(cs[2].text, "行政运行");
        assert_eq!(&t[cs[3].span()], "560.12");
        assert_eq!(&t[cs[2].span()], "行政运行");
    }

    #[test]
    fn furniture() {
        for s in ["5", "- 12 -", "第 3 页", "12/40"] {
            assert!(is_page_furniture(s), "{s}");
        }
        for s in ["", "208", "1234", "合计"] {
            assert!(!is_page_furniture(s), "{s}");
        }
        assert!(is_revision_mark("右设置格式[Administrator]:"));
        assert!(!is_revision_mark("合计 395.84"));
    }
}
