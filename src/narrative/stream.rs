//! The narrative as one stream of characters: lines outside the tables joined, line breaks
//! inside paragraphs removed (PDF wraps break words and numbers, HZ-05/HZ-27), and the sentence
//! and word helpers every reader below uses.

use super::*;

/// The narrative text with each character's offset in the normalized text.
pub struct Stream {
    /// The characters; a `\u{1}` marks a paragraph break (where a table stood).
    pub chars: Vec<char>,
    /// `offs[i]` is the normalized-text byte offset of `chars[i]` (same length as `chars`).
    pub offs: Vec<usize>,
}

/// Sentence and paragraph boundaries in the stream.
pub(super) const BREAK: char = '\u{1}';

impl Stream {
    pub(super) fn span(&self, from: usize, to: usize) -> Range<usize> {
        let s = self.offs.get(from).copied().unwrap_or(0);
        let e = if to > from { self.offs.get(to - 1).map_or(s, |o| o + self.chars[to - 1].len_utf8()) } else { s };
        s..e
    }
}

/// Lines outside the tables, joined (sentences end at `。`/`；`, a table ends a paragraph);
/// spaces next to CJK characters are dropped (`增 长` → `增长`).
pub fn stream(text: &str, lines: &[Line], tables: &[Table]) -> Stream {
    let mut in_table = vec![false; lines.len()];
    for t in tables {
        for i in t.region.clone() {
            if let Some(x) = in_table.get_mut(i) {
                *x = true;
            }
        }
        if let Some(l) = t.line {
            if let Some(x) = in_table.get_mut(l) {
                *x = true;
            }
        }
    }
    let mut chars = Vec::with_capacity(text.len() / 2);
    let mut offs = Vec::with_capacity(text.len() / 2);
    for (i, l) in lines.iter().enumerate() {
        let s = &text[l.span.clone()];
        // Blank lines, page numbers and revision marks do not end a paragraph: PDF text is often
        // double-spaced and paged mid-sentence. Tables do.
        if s.trim().is_empty() || lines::is_page_furniture(s) || lines::is_revision_mark(s) {
            continue;
        }
        if in_table[i] {
            if chars.last() != Some(&BREAK) {
                chars.push(BREAK);
                offs.push(l.span.start);
            }
            continue;
        }
        for (k, c) in s.char_indices() {
            if c.is_whitespace() {
                // Keep a space only between two ASCII alphanumerics (`2024 年` loses it).
                let prev = chars.last().copied().unwrap_or(BREAK);
                // Look ahead only after an ASCII letter or digit (once per run of spaces).
                let next = if prev.is_ascii_alphanumeric() {
                    s[k + c.len_utf8()..].chars().find(|x| !x.is_whitespace())
                } else {
                    None
                };
                if prev.is_ascii_alphanumeric()
                    && next.is_some_and(|n| n.is_ascii_alphanumeric())
                    && !(prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                {
                    chars.push(' ');
                    offs.push(l.span.start + k);
                }
                continue;
            }
            chars.push(c);
            offs.push(l.span.start + k);
        }
    }
    Stream { chars, offs }
}

pub(crate) fn word_at(c: &[char], i: usize, words: &[&str]) -> Option<usize> {
    let here = *c.get(i)?;
    words.iter().find_map(|w| {
        // Most positions fail on the first character: test it before counting the word.
        if !w.starts_with(here) {
            return None;
        }
        let n = w.chars().count();
        (c.len() >= i + n && c[i..i + n].iter().copied().eq(w.chars())).then_some(n)
    })
}

/// The longest stretch the narrative reader looks across for one sentence. Real sentences are
/// well under 200 characters; the bound keeps each claim's scans constant, so the narrative pass
/// stays linear in the document whatever is pasted (no `。` in five megabytes, say).
pub(super) const SENTENCE_MAX: usize = 400;

pub(super) const SECTION_TRIES: usize = 8;

pub(super) fn is_stop(ch: char) -> bool {
    matches!(ch, '。' | ';' | '；' | BREAK)
}

/// Where the sentence holding position `i` starts (at most `SENTENCE_MAX` back).
pub(super) fn sentence_start(c: &[char], i: usize) -> usize {
    let lo = i.saturating_sub(SENTENCE_MAX);
    (lo..i.min(c.len())).rev().find(|&k| is_stop(c[k])).map_or(lo, |k| k + 1)
}

/// Where the sentence holding position `i` ends (at most `SENTENCE_MAX` on).
pub(crate) fn sentence_end(c: &[char], i: usize) -> usize {
    let hi = (i + SENTENCE_MAX).min(c.len());
    (i..hi).find(|&k| is_stop(c[k])).unwrap_or(hi)
}

pub(crate) fn find(c: &[char], from: usize, to: usize, word: &str) -> Option<usize> {
    let w: Vec<char> = word.chars().collect();
    let first = *w.first()?;
    let end = to.min(c.len());
    (from..end).find(|&i| c[i] == first && c.get(i..i + w.len()) == Some(&w[..]))
}

pub(super) fn is_clause_stop(ch: char) -> bool {
    is_stop(ch) || matches!(ch, '，' | ',' | '：' | ':' | '、')
}
