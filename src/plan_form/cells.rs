//! One cell of the plan form as a figure: whole numbers as offices type them ("1.200"
//! is twelve hundred), rates with a decimal comma or a % sign. Each refusal is a
//! `FormFault` naming the cell's heading and its text.

use crate::input::grid::CellValue;
use crate::normalise::numbers::{CountError, count_from_text};
use crate::plan::FormFault;

/// A whole number, 0 to `u32::MAX`. `what` is the cell's heading or item label.
pub(super) fn whole(value: &CellValue, what: &'static str) -> Result<u32, FormFault> {
    let text = value.display();
    let fault = |e: CountError| match e {
        CountError::NotANumber => FormFault::NotANumber {
            what,
            text: text.clone(),
        },
        CountError::Negative => FormFault::Negative {
            what,
            text: text.clone(),
        },
        CountError::Fraction => FormFault::NotWhole {
            what,
            text: text.clone(),
        },
        CountError::TooLarge => FormFault::TooLarge {
            what,
            text: text.clone(),
            most: u64::from(u32::MAX),
        },
    };
    match value {
        CellValue::Number(v) => from_number(*v).map_err(fault),
        CellValue::Text(s) => match count_from_text(s) {
            // The count reader stops at a class's million; a plan's figures (a
            // population) may go to u32.
            Err(CountError::TooLarge) => large(s).ok_or_else(|| fault(CountError::TooLarge)),
            other => other.map_err(fault),
        },
        _ => Err(fault(CountError::NotANumber)),
    }
}

fn from_number(v: f64) -> Result<u32, CountError> {
    if !v.is_finite() {
        Err(CountError::NotANumber)
    } else if v < 0.0 {
        Err(CountError::Negative)
    } else if v.fract() != 0.0 {
        Err(CountError::Fraction)
    } else if v > f64::from(u32::MAX) {
        Err(CountError::TooLarge)
    } else {
        Ok(v as u32)
    }
}

/// Digits grouped by "." or spaces past the count reader's limit, up to `u32::MAX`.
fn large(s: &str) -> Option<u32> {
    let digits: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u32>().ok()
}

/// A decimal figure and whether it was written with a % sign. "78,3" and "78.3" are
/// both 78.3 (a comma is the decimal mark; with one, dots group thousands).
pub(super) fn decimal(value: &CellValue, what: &'static str) -> Result<(f64, bool), FormFault> {
    let not_a_number = || FormFault::NotANumber {
        what,
        text: value.display(),
    };
    match value {
        CellValue::Number(v) if v.is_finite() => Ok((*v, false)),
        CellValue::Text(s) => {
            let t = s.trim();
            let (body, percent) = match t.strip_suffix('%') {
                Some(b) => (b.trim_end(), true),
                None => (t, false),
            };
            let body: String = if body.contains(',') {
                body.chars()
                    .filter(|c| *c != '.')
                    .map(|c| if c == ',' { '.' } else { c })
                    .collect()
            } else {
                body.to_string()
            };
            let body = body.replace([' ', '\u{a0}'], "");
            let valid = !body.is_empty()
                && body
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-'));
            match body.parse::<f64>() {
                Ok(v) if valid && v.is_finite() => Ok((v, percent)),
                _ => Err(not_a_number()),
            }
        }
        _ => Err(not_a_number()),
    }
}

/// The planned participation as a fraction: a cell formatted as a percentage holds the
/// fraction (0.783 shows 78,3 %); "78,3 %" or a plain 78.3 typed are percentages.
/// Out of 0–100 % is refused.
pub(super) fn participation(value: &CellValue, what: &'static str) -> Result<f64, FormFault> {
    let (v, percent) = decimal(value, what)?;
    let fraction = if percent || v > 1.0 { v / 100.0 } else { v };
    if (0.0..=1.0).contains(&fraction) {
        Ok(fraction)
    } else {
        Err(FormFault::ParticipationOutOfRange {
            text: value.display(),
        })
    }
}

/// A cell's text as written, trimmed (a number typed in a text column reads as it shows).
pub(super) fn text(value: &CellValue) -> String {
    value.display().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> CellValue {
        CellValue::Text(s.into())
    }

    #[test]
    fn whole_numbers_as_offices_type_them() {
        assert_eq!(whole(&CellValue::Number(800.0), "Số học viên"), Ok(800));
        assert_eq!(whole(&t("1.200"), "Số học viên"), Ok(1200));
        assert_eq!(whole(&t("5 550"), "Dân số"), Ok(5550));
        // Past the million a class may hold, a population still reads.
        assert_eq!(whole(&t("2.500.000"), "Dân số"), Ok(2_500_000));
        assert_eq!(
            whole(&t("8OO"), "Số học viên"),
            Err(FormFault::NotANumber {
                what: "Số học viên",
                text: "8OO".into()
            })
        );
        assert!(matches!(
            whole(&CellValue::Number(7.5), "Số lớp"),
            Err(FormFault::NotWhole { .. })
        ));
        assert!(matches!(
            whole(&t("-3"), "Số lớp"),
            Err(FormFault::Negative { .. })
        ));
        assert!(matches!(
            whole(&CellValue::Number(5e9), "Dân số"),
            Err(FormFault::TooLarge {
                most: 4_294_967_295,
                ..
            })
        ));
    }

    #[test]
    fn participation_as_a_fraction_or_a_percentage() {
        let p = |v: &CellValue| participation(v, "Tỷ lệ");
        assert_eq!(p(&CellValue::Number(0.783)), Ok(0.783));
        // 78.3 / 100 and "78,3 %" / 100: the same f64 either way.
        assert_eq!(p(&CellValue::Number(78.3)), Ok(78.3 / 100.0));
        assert_eq!(p(&t("78,3 %")), Ok(78.3 / 100.0));
        assert_eq!(p(&t("0,5")), Ok(0.5));
        assert!(matches!(
            p(&t("130%")),
            Err(FormFault::ParticipationOutOfRange { .. })
        ));
        assert!(matches!(p(&t("cao")), Err(FormFault::NotANumber { .. })));
    }
}
