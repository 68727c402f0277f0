//! Counts of learners: whole, non-negative numbers from number cells or from text the way
//! Vietnamese offices type it ("45", " 45 ", "45 người", "1.200" for twelve hundred).

use thiserror::Error;

/// Why a cell is not a usable count.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CountError {
    #[error("not a number")]
    NotANumber,
    #[error("negative")]
    Negative,
    #[error("fraction")]
    Fraction,
    #[error("too large")]
    TooLarge,
}

/// Largest count accepted: far above any class, small enough that totals never overflow.
pub const MAX_COUNT: u32 = 1_000_000;

/// A count from a number cell.
pub fn count_from_number(v: f64) -> Result<u32, CountError> {
    if !v.is_finite() {
        return Err(CountError::NotANumber);
    }
    if v < 0.0 {
        return Err(CountError::Negative);
    }
    if v.fract() != 0.0 {
        return Err(CountError::Fraction);
    }
    if v > f64::from(MAX_COUNT) {
        return Err(CountError::TooLarge);
    }
    Ok(v as u32)
}

/// Unit words people type after a count; they carry no meaning for the figure.
const UNIT_WORDS: &[&str] = &[
    "người",
    "nguoi",
    "học viên",
    "hoc vien",
    "hv",
    "lượt",
    "luot",
    "ng",
];

/// A count from text. "." and spaces group thousands ("1.200", "1 200"); "," is the
/// decimal mark, so "45,5" is a fraction and "45,0" is 45.
pub fn count_from_text(s: &str) -> Result<u32, CountError> {
    let lower = s.trim().to_lowercase();
    let mut body = lower.as_str();
    for w in UNIT_WORDS {
        if let Some(rest) = body.strip_suffix(w) {
            body = rest.trim_end();
            break;
        }
    }
    let body = body.trim();
    let (negative, body) = match body.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, body),
    };
    let (int_part, frac_part) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = thousands(int_part).ok_or(CountError::NotANumber)?;
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return Err(CountError::NotANumber);
        }
        if f.chars().any(|c| c != '0') {
            return Err(CountError::Fraction);
        }
    }
    if negative {
        return if digits == 0 {
            Ok(0)
        } else {
            Err(CountError::Negative)
        };
    }
    u32::try_from(digits)
        .ok()
        .filter(|n| *n <= MAX_COUNT)
        .ok_or(CountError::TooLarge)
}

/// Digits with optional thousands groups ("1.200", "1 200", "12.345.678"). A "." that does
/// not start a group of exactly three digits (e.g. "1.5") makes the text not a count.
fn thousands(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let groups: Vec<&str> = s.split(['.', ' ', '\u{00A0}']).collect();
    let first = groups.first()?;
    if first.is_empty() || first.len() > 3 && groups.len() > 1 {
        return None;
    }
    if groups.iter().skip(1).any(|g| g.len() != 3) {
        return None;
    }
    let mut n: u64 = 0;
    for c in groups.concat().chars() {
        let d = c.to_digit(10)?;
        n = n.checked_mul(10)?.checked_add(u64::from(d))?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_counts_as_typed_in_offices() {
        assert_eq!(count_from_text("45"), Ok(45));
        assert_eq!(count_from_text(" 45 "), Ok(45));
        assert_eq!(count_from_text("45 người"), Ok(45));
        assert_eq!(count_from_text("45 HV"), Ok(45));
        assert_eq!(count_from_text("1.200"), Ok(1200));
        assert_eq!(count_from_text("1 200"), Ok(1200));
        assert_eq!(count_from_text("45,0"), Ok(45));
    }

    #[test]
    fn text_that_is_not_a_whole_count_is_refused() {
        assert_eq!(count_from_text("bốn mươi"), Err(CountError::NotANumber));
        assert_eq!(count_from_text(""), Err(CountError::NotANumber));
        assert_eq!(count_from_text("45,5"), Err(CountError::Fraction));
        assert_eq!(count_from_text("-3"), Err(CountError::Negative));
        assert_eq!(count_from_text("1.5"), Err(CountError::NotANumber));
        assert_eq!(count_from_text("12.00"), Err(CountError::NotANumber));
        assert_eq!(
            count_from_text("99999999999999999999"),
            Err(CountError::NotANumber)
        );
        assert_eq!(count_from_text("2.000.000"), Err(CountError::TooLarge));
    }

    #[test]
    fn number_cells() {
        assert_eq!(count_from_number(45.0), Ok(45));
        assert_eq!(count_from_number(0.0), Ok(0));
        assert_eq!(count_from_number(12.5), Err(CountError::Fraction));
        assert_eq!(count_from_number(-1.0), Err(CountError::Negative));
        assert_eq!(count_from_number(f64::NAN), Err(CountError::NotANumber));
        assert_eq!(count_from_number(1e12), Err(CountError::TooLarge));
    }
}
