//! Pass 1: normalize the pasted text, keeping a map from every normalized byte back to the
//! original input so that findings point at what the user pasted.
//!
//! What changes: full-width ASCII variants become ASCII (`１２．５０` → `12.50`, `：` → `:`), the
//! ideographic and no-break spaces become spaces, `\r\n`, `\r` and form feeds become `\n`, and
//! zero-width characters and the BOM are dropped. Nothing else is touched.

/// The normalized text and its offset map.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text: every later pass, and every span in the tables and findings,
    /// refers to it.
    pub text: String,
    /// `map[i]` is the original byte offset of normalized byte `i`; `map[text.len()]` is the
    /// original length. Monotone non-decreasing.
    map: Vec<u32>,
}

impl Normalized {
    /// Original byte offset for a normalized byte offset (clamped to the text).
    pub fn to_original(&self, offset: usize) -> usize {
        let i = offset.min(self.map.len().saturating_sub(1));
        self.map.get(i).copied().unwrap_or(0) as usize
    }
}

fn map_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
        '\u{3000}' | '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => Some(' '),
        '\u{000C}' | '\u{2028}' | '\u{2029}' => Some('\n'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        _ => Some(c),
    }
}

/// Normalize `input`. Linear in its length; never fails.
pub fn normalize(input: &str) -> Normalized {
    let mut text = String::with_capacity(input.len());
    let mut map: Vec<u32> = Vec::with_capacity(input.len() + 1);
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let out = if c == '\r' {
            if let Some(&(_, '\n')) = chars.peek() {
                continue; // the '\n' that follows stands for the pair
            }
            Some('\n')
        } else {
            map_char(c)
        };
        if let Some(o) = out {
            let start = text.len();
            text.push(o);
            for _ in start..text.len() {
                map.push(i as u32);
            }
        }
    }
    map.push(input.len() as u32);
    Normalized { text, map }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_map_back() {
        let n = normalize("合计：１２．５０\r\n下");
        assert_eq!(n.text, "合计:12.50\n下");
        // Test-only (in `mod tests`): the fixture text contains "12.50".
        let at = n.text.find("12.50").unwrap();
        // "合计：" is 9 bytes in the original; the digits start there.
        assert_eq!(n.to_original(at), 9);
        assert_eq!(n.to_original(n.text.len()), "合计：１２．５０\r\n下".len());
    }

    #[test]
    fn zero_width_dropped() {
        let n = normalize("a\u{200D}b\u{FEFF}");
        assert_eq!(n.text, "ab");
        assert_eq!(n.to_original(1), 4);
    }
}
