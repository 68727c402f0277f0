//! Dates read the Vietnamese way: day first. Accepts date cells, Excel serial numbers
//! and text such as "15/03/2019", "5-3-2019", "05.03.2019", "15/3/19",
//! "ngày 5 tháng 3 năm 2019" and ISO "2019-03-15"; a time part is ignored.

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

use crate::text::fold;

/// Why a cell is not a date.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DateError {
    /// The text does not look like a date at all.
    #[error("unreadable")]
    Unreadable,
    /// Looks like a date but names a day that does not exist (31/02/2019).
    #[error("impossible")]
    Impossible,
}

/// Excel's day 0 for serials of 61 and above (the 1900 system counts a 29 Feb 1900 that
/// never existed, so serials below 61 are one day off; no class date is that old).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// A date from an Excel serial number in the 1900 system (the default of every Excel
/// file a commune makes; 1904-system date cells arrive already converted by the reader).
pub fn from_serial(serial: f64) -> Result<NaiveDate, DateError> {
    if !serial.is_finite() || !(61.0..2_958_466.0).contains(&serial) {
        return Err(DateError::Unreadable);
    }
    excel_epoch()
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
        .ok_or(DateError::Unreadable)
}

/// Which of two numbers comes first in a numeric text date ("9/5/2019").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// 9/5/2019 is 9 May: the Vietnamese way, and the default.
    DayFirst,
    /// 9/5/2019 is 5 September: what a US-locale export writes.
    MonthFirst,
}

/// The orders a numeric text date is valid in, for deciding a column's order; None for
/// text that is no numeric day-month-year date (ISO and spelled dates have one reading).
/// "14/9/2019" reads only day first, "9/14/2019" only month first, "9/5/2019" both,
/// "5/5/2019" both the same.
pub fn orders(s: &str) -> Option<(bool, bool)> {
    let s = s.trim();
    if iso(s).is_some() {
        return None;
    }
    let (a, b, year) = numeric_parts(s)?;
    let day_first = NaiveDate::from_ymd_opt(year, b, a).is_some();
    let month_first = NaiveDate::from_ymd_opt(year, a, b).is_some();
    Some((day_first, month_first))
}

/// A date from text, day first.
pub fn from_text(s: &str) -> Result<NaiveDate, DateError> {
    from_text_in(s, Order::DayFirst)
}

/// A date from text, reading numeric dates in the given order.
pub fn from_text_in(s: &str, order: Order) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    if let Some(d) = iso(s) {
        return d;
    }
    if let Some((a, b, year)) = numeric_parts(s) {
        return match order {
            Order::DayFirst => make(year, b, a),
            Order::MonthFirst => make(year, a, b),
        };
    }
    if let Some(d) = spelled(s) {
        return d;
    }
    Err(DateError::Unreadable)
}

fn make(y: i32, m: u32, d: u32) -> Result<NaiveDate, DateError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::Impossible)
}

/// Splits leading digit groups: "15/03/2019 08:30" → ["15","03","2019"] (time dropped).
fn date_part(s: &str) -> &str {
    s.split(|c: char| c.is_whitespace() || c == 'T')
        .next()
        .unwrap_or("")
}

/// "2019-03-15" — four-digit year first is never day-first.
fn iso(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let p: Vec<&str> = date_part(s).split('-').collect();
    match p.as_slice() {
        [y, m, d] if y.len() == 4 && all_digits(&[y, m, d]) && m.len() <= 2 && d.len() <= 2 => {
            Some(make(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
        }
        _ => None,
    }
}

/// "15/03/2019", "5-3-2019", "05.03.2019", "15/3/19": the first number, the second and
/// the year, whichever of the first two is the day.
fn numeric_parts(s: &str) -> Option<(u32, u32, i32)> {
    let part = date_part(s);
    let sep = ['/', '-', '.'].into_iter().find(|c| part.contains(*c))?;
    let p: Vec<&str> = part.split(sep).collect();
    let [a, b, y] = p.as_slice() else { return None };
    if !all_digits(&[a, b, y]) || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let year: i32 = match y.len() {
        2 => 2000 + y.parse::<i32>().ok()?,
        4 => y.parse().ok()?,
        _ => return None,
    };
    Some((a.parse().ok()?, b.parse().ok()?, year))
}

/// "ngày 5 tháng 3 năm 2019", possibly after a place name ("Hồng Thái Tây, ngày …").
fn spelled(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let f = fold(s);
    let words: Vec<&str> = f.split(' ').collect();
    let at = |key: &str| -> Option<u32> {
        let i = words.iter().position(|w| *w == key)?;
        words.get(i + 1)?.parse().ok()
    };
    let (d, m, y) = (at("ngay")?, at("thang")?, at("nam")?);
    Some(make(i32::try_from(y).ok()?, m, d))
}

fn all_digits(parts: &[&&str]) -> bool {
    parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// Quarter (1–4) of a date.
pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn day_first_text_forms() {
        assert_eq!(from_text("15/03/2019"), Ok(ymd(2019, 3, 15)));
        assert_eq!(from_text("5-3-2019"), Ok(ymd(2019, 3, 5)));
        assert_eq!(from_text("05.03.2019"), Ok(ymd(2019, 3, 5)));
        assert_eq!(from_text("15/3/19"), Ok(ymd(2019, 3, 15)));
        assert_eq!(from_text("03/04/2019"), Ok(ymd(2019, 4, 3)));
        assert_eq!(from_text("ngày 5 tháng 3 năm 2019"), Ok(ymd(2019, 3, 5)));
        assert_eq!(
            from_text("Hồng Thái Tây, ngày 30 tháng 3 năm 2019"),
            Ok(ymd(2019, 3, 30))
        );
        assert_eq!(from_text("2019-03-15"), Ok(ymd(2019, 3, 15)));
        assert_eq!(from_text("15/03/2019 08:30"), Ok(ymd(2019, 3, 15)));
        assert_eq!(from_text("2019-03-15T08:30:00"), Ok(ymd(2019, 3, 15)));
    }

    #[test]
    fn impossible_and_unreadable_dates() {
        assert_eq!(from_text("31/02/2019"), Err(DateError::Impossible));
        assert_eq!(from_text("15/13/2019"), Err(DateError::Impossible));
        assert_eq!(from_text("tháng 3"), Err(DateError::Unreadable));
        assert_eq!(from_text("15/03"), Err(DateError::Unreadable));
        assert_eq!(from_text(""), Err(DateError::Unreadable));
        assert_eq!(from_text("1.200"), Err(DateError::Unreadable));
    }

    #[test]
    fn month_first_when_asked() {
        assert_eq!(
            from_text_in("9/14/2019", Order::MonthFirst),
            Ok(ymd(2019, 9, 14))
        );
        assert_eq!(
            from_text_in("9/5/2019", Order::MonthFirst),
            Ok(ymd(2019, 9, 5))
        );
        assert_eq!(
            from_text_in("9/5/2019", Order::DayFirst),
            Ok(ymd(2019, 5, 9))
        );
        assert_eq!(from_text("9/14/2019"), Err(DateError::Impossible));
        // ISO and spelled dates have one reading whatever the order.
        assert_eq!(
            from_text_in("2019-03-05", Order::MonthFirst),
            Ok(ymd(2019, 3, 5))
        );
        assert_eq!(
            from_text_in("ngày 5 tháng 3 năm 2019", Order::MonthFirst),
            Ok(ymd(2019, 3, 5))
        );
    }

    #[test]
    fn which_orders_a_text_date_reads_in() {
        assert_eq!(orders("14/9/2019"), Some((true, false)));
        assert_eq!(orders("9/14/2019"), Some((false, true)));
        assert_eq!(orders("9/5/2019"), Some((true, true)));
        assert_eq!(orders("5/5/19"), Some((true, true)));
        assert_eq!(orders("31/02/2019"), Some((false, false)));
        assert_eq!(orders("2019-03-05"), None);
        assert_eq!(orders("ngày 5 tháng 3 năm 2019"), None);
    }

    #[test]
    fn excel_serials_in_the_1900_system() {
        // 43539 days after 1899-12-30 is 2019-03-15 (43466 is 2019-01-01).
        assert_eq!(from_serial(43466.0), Ok(ymd(2019, 1, 1)));
        assert_eq!(from_serial(43539.0), Ok(ymd(2019, 3, 15)));
        assert_eq!(from_serial(43539.75), Ok(ymd(2019, 3, 15)));
        assert_eq!(from_serial(-5.0), Err(DateError::Unreadable));
        assert_eq!(from_serial(f64::INFINITY), Err(DateError::Unreadable));
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter_of(ymd(2019, 1, 1)), 1);
        assert_eq!(quarter_of(ymd(2019, 3, 31)), 1);
        assert_eq!(quarter_of(ymd(2019, 4, 1)), 2);
        assert_eq!(quarter_of(ymd(2019, 12, 31)), 4);
    }
}
