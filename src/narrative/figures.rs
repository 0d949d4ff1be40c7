//! Figures: numbers in the stream with their unit (万元, 元, 亿元, %).

use super::*;

/// The unit printed after a narrative number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 万元 (or 万): the tables' unit.
    Wan,
    /// 元.
    Yuan,
    /// 亿元.
    Yi,
    /// %.
    Percent,
}

/// A number in the narrative with its unit.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The number as printed, in `unit`; its span covers the digits only (normalized text).
    pub amount: Amount,
    /// The unit printed after it.
    pub unit: Unit,
    /// Index range in the stream (number and unit).
    pub at: Range<usize>,
}

impl Figure {
    /// The value in 万元 (amounts) or percent.
    pub fn value_wan(&self) -> (Decimal, Decimal) {
        let (v, h) = (self.amount.value, self.amount.half_step());
        match self.unit {
            Unit::Yuan => (v / Decimal::new(10000, 0), h / Decimal::new(10000, 0)),
            Unit::Yi => (v * Decimal::new(10000, 0), h * Decimal::new(10000, 0)),
            _ => (v, h),
        }
    }
}

pub(super) fn is_num_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// Numbers followed by a unit (万元, 万, 元, 亿元, %). Enumerators (`2.`), years (`2024年`) and
/// numbers without a unit are not figures (HZ-19).
pub fn figures(s: &Stream) -> Vec<Figure> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_ascii_digit() || (i > 0 && (is_num_char(c[i - 1]) || c[i - 1].is_ascii_alphabetic())) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < c.len() && is_num_char(c[j]) {
            j += 1;
        }
        // A trailing '.' or ',' is punctuation, not part of the number.
        let mut end = j;
        while end > start && matches!(c[end - 1], '.' | ',') {
            end -= 1;
        }
        let raw: String = c[start..end].iter().collect();
        let mut k = end;
        while k < c.len() && c[k] == ' ' {
            k += 1;
        }
        let rest: String = c[k..(k + 2).min(c.len())].iter().collect();
        let unit = if rest.starts_with("万元") {
            Some((Unit::Wan, 2))
        } else if rest.starts_with("亿元") {
            Some((Unit::Yi, 2))
        } else if rest.starts_with('%') {
            Some((Unit::Percent, 1))
        } else if rest.starts_with('万') {
            Some((Unit::Wan, 1))
        } else if rest.starts_with('元') {
            Some((Unit::Yuan, 1))
        } else {
            None
        };
        if let (Some((unit, len)), Some((value, decimals))) = (unit, parse_number(&raw)) {
            let span = s.span(start, end);
            out.push(Figure { amount: Amount { value, decimals, span }, unit, at: start..k + len });
            i = k + len;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// The figures starting at or after `start` (figures are in text order): a binary search, so that
/// binding a claim costs O(log n) and the narrative pass stays linear in the document.
pub(crate) fn figs_from(figs: &[Figure], start: usize) -> std::slice::Iter<'_, Figure> {
    figs[figs.partition_point(|f| f.at.start < start)..].iter()
}

/// The number printed right at stream index `i` (after optional `:`), as an amount.
pub(crate) fn number_at(s: &Stream, mut i: usize) -> Option<(Amount, usize)> {
    let c = &s.chars;
    while i < c.len() && matches!(c[i], ':' | ' ') {
        i += 1;
    }
    let start = i;
    while i < c.len() && is_num_char(c[i]) {
        i += 1;
    }
    while i > start && matches!(c[i - 1], '.' | ',') {
        i -= 1;
    }
    let raw: String = c.get(start..i)?.iter().collect();
    let (value, decimals) = parse_number(&raw)?;
    Some((Amount { value, decimals, span: s.span(start, i) }, i))
}
