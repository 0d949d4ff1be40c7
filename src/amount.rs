//! Printed amounts: a decimal value together with the number of decimals it was printed with.
//!
//! A printed amount stands for an interval (XBRL Calculations 1.1, round-to-nearest): `619.80`
//! stands for [619.795, 619.805], `620` for [619.5, 620.5]. A blank cell is an exact zero.

use rust_decimal::Decimal;
use std::ops::Range;

/// One amount cell or figure as printed in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The printed value, exactly as printed (sign included, thousands separators removed).
    pub value: Decimal,
    /// Decimals as printed (`619.8` → 1, `5,332.30` → 2, `620` → 0).
    pub decimals: u32,
    /// Byte range of the printed number in the normalized text.
    pub span: Range<usize>,
}

impl Amount {
    /// Half of the last printed digit: the rounding radius of the printed value.
    pub fn half_step(&self) -> Decimal {
        // A bare `0` is nothing, not "less than half a unit": amounts are never negative, and no
        // template rounds a positive amount down to a printed 0 without decimals.
        if self.value.is_zero() && self.decimals == 0 {
            return Decimal::ZERO;
        }
        half_step(self.decimals)
    }
}

/// Half of one unit in the last of `decimals` printed decimals (`0.5 · 10^-decimals`):
/// `2` → `0.005`.
pub fn half_step(decimals: u32) -> Decimal {
    // 0.5 · 10^-d, exact in Decimal for any d we accept (d ≤ MAX_DECIMALS).
    Decimal::new(5, decimals.saturating_add(1).min(28))
}

/// Amounts in disclosures never carry more decimals than this; longer fractions are not amounts.
pub const MAX_DECIMALS: u32 = 6;
/// Integer digits beyond this are not an amount (codes, ids, glued numbers).
const MAX_INT_DIGITS: usize = 15;

/// Parse a printed number: digits with optional thousands separators and an optional fraction.
/// Accepts `11931.33`, `3,788.76`, `620`, `-12.5`; rejects anything else (returns `None`).
pub fn parse_number(raw: &str) -> Option<(Decimal, u32)> {
    let s = raw.trim();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int_part.is_empty() {
        return None;
    }
    // Thousands separators: groups of exactly three digits after the first group.
    let mut digits = String::with_capacity(body.len());
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(first);
        for g in groups {
            if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(g);
        }
    } else {
        if !int_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(int_part);
    }
    if digits.len() > MAX_INT_DIGITS {
        return None;
    }
    let mut decimals = 0u32;
    if let Some(f) = frac_part {
        if f.is_empty() || f.len() > MAX_DECIMALS as usize || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(f);
        decimals = f.len() as u32;
    }
    let mantissa: i64 = digits.parse().ok()?;
    let mut value = Decimal::new(mantissa, decimals);
    if neg {
        value = -value;
    }
    Some((value, decimals))
}

/// Outcome of comparing a printed total against the sum of printed parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SumCheck {
    /// Equal at the printed digits.
    Exact,
    /// Different, but the intervals meet: a rounding residue (四舍五入差异).
    WithinRounding {
        /// `total − Σ parts`, at the printed values (non-zero).
        diff: Decimal,
        /// The tolerance: the total's half-step plus every part's half-step (`|diff| ≤ envelope`).
        envelope: Decimal,
    },
    /// The intervals do not meet.
    Mismatch {
        /// `total − Σ parts`, at the printed values.
        diff: Decimal,
        /// The tolerance that `|diff|` exceeds: the sum of all the half-steps.
        envelope: Decimal,
    },
}

/// Compare `total` with `Σ parts`, each a printed value with its half-step.
/// `diff` is `total − Σ parts`; the envelope is the sum of all half-steps.
pub fn check_sum(total: (Decimal, Decimal), parts: &[(Decimal, Decimal)]) -> SumCheck {
    let mut sum = Decimal::ZERO;
    let mut envelope = total.1;
    for (v, h) in parts {
        sum = sum.saturating_add(*v);
        envelope = envelope.saturating_add(*h);
    }
    let diff = total.0.saturating_sub(sum);
    if diff.is_zero() {
        SumCheck::Exact
    } else if diff.abs() <= envelope {
        SumCheck::WithinRounding { diff, envelope }
    } else {
        SumCheck::Mismatch { diff, envelope }
    }
}

/// Format a value with exactly `decimals` decimals (half-up), as a reviewer would print it.
pub fn format_fixed(value: Decimal, decimals: u32) -> String {
    let rounded = value.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let mut r = rounded;
    r.rescale(decimals);
    r.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        // Test-only helper (in `mod tests`): its arguments are decimal literals written in the tests.
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_printed_precision() {
        assert_eq!(parse_number("619.80"), Some((d("619.80"), 2)));
        assert_eq!(parse_number("619.8"), Some((d("619.8"), 1)));
        assert_eq!(parse_number("620"), Some((d("620"), 0)));
        assert_eq!(parse_number("5,332.30"), Some((d("5332.30"), 2)));
        assert_eq!(parse_number("-3.5"), Some((d("-3.5"), 1)));
    }

    #[test]
    fn rejects_non_amounts() {
        for s in ["", ".5", "1.", "1,23.00", "12,3456", "1.2.3", "abc", "1234567890123456", "1.1234567"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn sum_envelope_follows_printed_decimals() {
        let h2 = half_step(2);
        // S4: four classes sum to 712.01 against a printed 712.00: inside 5 × 0.005.
        let parts = [(d("1.44"), h2), (d("619.80"), h2), (d("52.68"), h2), (d("38.09"), h2)];
        assert!(matches!(check_sum((d("712.00"), h2), &parts), SumCheck::WithinRounding { .. }));
        assert!(matches!(check_sum((d("712.10"), h2), &parts), SumCheck::Mismatch { .. }));
        assert_eq!(check_sum((d("712.01"), h2), &parts), SumCheck::Exact);
        // 3-significant-figure cells: 607 + 13 against 620 is exact; 619.8 against 620 is inside.
        assert!(matches!(
            check_sum((d("619.8"), half_step(1)), &[(d("620"), half_step(0))]),
            SumCheck::WithinRounding { .. }
        ));
    }

    #[test]
    fn formats_half_up() {
        assert_eq!(format_fixed(d("1.005"), 2), "1.01");
        assert_eq!(format_fixed(d("637.6"), 2), "637.60");
    }
}
