//! The date the figures are judged at, and how much of a target is due by then.
//! A target is pro-rated by days: by 31 March 2019, 90 of 365 days have passed, so
//! 8 classes × 90/365 = 1.97, rounded to 2 classes due.

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum AsOfError {
    #[error("{}", self.message(crate::labels::Lang::Vi))]
    OutsideYear { date: NaiveDate, year: i32 },
}

impl AsOfError {
    /// The reason in the user's language (the words are in `labels::command`).
    pub fn message(&self, lang: crate::labels::Lang) -> String {
        match self {
            AsOfError::OutsideYear { date, year } => crate::labels::command::as_of_outside_year(
                &date.format("%Y-%m-%d").to_string(),
                *year,
                lang,
            ),
        }
    }
}

/// A date inside the plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub date: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl AsOf {
    /// `date`, or the plan year's last day when none is given.
    pub fn new(date: Option<NaiveDate>, year: i32) -> Result<AsOf, AsOfError> {
        let date = date.unwrap_or_else(|| ymd(year, 12, 31));
        if date.year() != year {
            return Err(AsOfError::OutsideYear { date, year });
        }
        Ok(AsOf { date })
    }

    /// The last day of the year.
    pub fn is_year_end(&self) -> bool {
        self.date.month() == 12 && self.date.day() == 31
    }

    /// Fraction of the year elapsed, the as-of day included (1.0 on 31 December).
    pub fn year_fraction(&self) -> f64 {
        let year = self.date.year();
        let days = (ymd(year, 12, 31) - ymd(year, 1, 1)).num_days() + 1;
        f64::from(self.date.ordinal()) / days as f64
    }

    /// First and last day of a quarter (1–4) of the as-of year.
    pub fn quarter_bounds(&self, quarter: u32) -> (NaiveDate, NaiveDate) {
        let year = self.date.year();
        let start = ymd(year, 3 * (quarter - 1) + 1, 1);
        let end = if quarter == 4 {
            ymd(year, 12, 31)
        } else {
            ymd(year, 3 * quarter + 1, 1).pred_opt().unwrap_or(start)
        };
        (start, end)
    }

    /// Fraction of a quarter elapsed (0 before it starts, 1 once it has ended).
    pub fn quarter_fraction(&self, quarter: u32) -> f64 {
        let (start, end) = self.quarter_bounds(quarter);
        if self.date < start {
            0.0
        } else if self.date >= end {
            1.0
        } else {
            let elapsed = (self.date - start).num_days() + 1;
            let total = (end - start).num_days() + 1;
            elapsed as f64 / total as f64
        }
    }
}

/// A target pro-rated by `fraction`, rounded to the nearest whole number (halves up).
/// In u64 like every sum of targets; exact for any target below 2^53.
pub fn due(target: u64, fraction: f64) -> u64 {
    (target as f64 * fraction).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_year_end_and_everything_is_due() {
        let a = AsOf::new(None, 2019).unwrap();
        assert_eq!(a.date, ymd(2019, 12, 31));
        assert!(a.is_year_end());
        assert_eq!(a.year_fraction(), 1.0);
        assert_eq!(due(800, a.year_fraction()), 800);
    }

    #[test]
    fn end_of_march_is_90_of_365_days() {
        let a = AsOf::new(Some(ymd(2019, 3, 31)), 2019).unwrap();
        assert_eq!(a.date.ordinal(), 90);
        // 8 × 90/365 = 1.97 → 2; 800 × 90/365 = 197.26 → 197.
        assert_eq!(due(8, a.year_fraction()), 2);
        assert_eq!(due(800, a.year_fraction()), 197);
        assert_eq!(a.quarter_fraction(1), 1.0);
        assert_eq!(a.quarter_fraction(2), 0.0);
    }

    #[test]
    fn mid_quarter_fraction() {
        // 15 May: Q2 runs 1 April – 30 June (91 days); 45 days elapsed.
        let a = AsOf::new(Some(ymd(2019, 5, 15)), 2019).unwrap();
        assert_eq!(a.quarter_fraction(2), 45.0 / 91.0);
        assert_eq!(a.quarter_bounds(2), (ymd(2019, 4, 1), ymd(2019, 6, 30)));
    }

    #[test]
    fn targets_past_u32_are_pro_rated_exactly() {
        let a = AsOf::new(Some(ymd(2019, 3, 31)), 2019).unwrap();
        // The largest target a plan holds: 4,294,967,295 × 90/365 = 1,059,033,031.64
        // → 1,059,033,032.
        assert_eq!(due(u64::from(u32::MAX), a.year_fraction()), 1_059_033_032);
        // Six such targets added up, past 2^32: 25,769,803,770 × 90/365
        // = 6,354,198,189.86 → 6,354,198,190 (exact: both are far below 2^53).
        assert_eq!(due(25_769_803_770, a.year_fraction()), 6_354_198_190);
    }

    #[test]
    fn as_of_outside_the_plan_year_is_refused() {
        assert!(AsOf::new(Some(ymd(2020, 1, 1)), 2019).is_err());
    }
}
