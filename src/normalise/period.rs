//! The month or quarter a sheet or file name announces ("T3", "Tháng 3", "thang-03",
//! "Quý II", "Q2"). Used only to warn when a row's date disagrees; the date decides.

use chrono::{Datelike, NaiveDate};

use super::text::fold;

/// A month (1–12) or a quarter (1–4) of the plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month(u32),
    Quarter(u32),
}

impl Period {
    pub fn contains(self, d: NaiveDate) -> bool {
        match self {
            Period::Month(m) => d.month() == m,
            Period::Quarter(q) => (d.month() - 1) / 3 + 1 == q,
        }
    }
}

fn number(w: &str, max: u32) -> Option<u32> {
    let n: u32 = w.parse().ok().filter(|_| w.len() <= 2)?;
    (1..=max).contains(&n).then_some(n)
}

fn roman(w: &str) -> Option<u32> {
    match w {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => number(w, 4),
    }
}

/// The period a name announces, if it announces exactly one.
pub fn period_in_name(name: &str) -> Option<Period> {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').collect();
    let mut found: Option<Period> = None;
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        let p = match *w {
            "thang" => number(next, 12).map(Period::Month),
            "quy" => roman(next).map(Period::Quarter),
            _ => {
                if let Some(n) = w.strip_prefix('t').and_then(|r| number(r, 12)) {
                    Some(Period::Month(n))
                } else {
                    w.strip_prefix('q')
                        .and_then(|r| number(r, 4))
                        .map(Period::Quarter)
                }
            }
        };
        if let Some(p) = p {
            if found.is_some_and(|q| q != p) {
                return None;
            }
            found = Some(p);
        }
    }
    found
}

/// When a registered class is planned: a month (and so its quarter) or only a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    pub month: Option<u32>,
    pub quarter: u32,
}

impl Planned {
    fn month(m: u32) -> Planned {
        Planned {
            month: Some(m),
            quarter: (m - 1) / 3 + 1,
        }
    }
    fn quarter(q: u32) -> Planned {
        Planned {
            month: None,
            quarter: q,
        }
    }
}

/// Reads a planned month or quarter as registration forms hold it: a date cell or
/// "15/03/2019" (its month), "Tháng 3", "T3", "3/2019", "Quý II", "Q2", "II", or a bare
/// number — a month, unless the column is headed "Quý" (`quarter_column`).
pub fn planned(value: &crate::input::grid::CellValue, quarter_column: bool) -> Option<Planned> {
    use crate::input::grid::CellValue;
    let bare = |n: u32| {
        if quarter_column {
            (1..=4).contains(&n).then(|| Planned::quarter(n))
        } else {
            (1..=12).contains(&n).then(|| Planned::month(n))
        }
    };
    match value {
        CellValue::Date(d) => Some(Planned::month(d.month())),
        CellValue::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= 12.0 => bare(*n as u32),
        CellValue::Text(t) => {
            if let Ok(d) = super::dates::from_text(t) {
                return Some(Planned::month(d.month()));
            }
            if let Some(p) = period_in_name(t) {
                return Some(match p {
                    Period::Month(m) => Planned::month(m),
                    Period::Quarter(q) => Planned::quarter(q),
                });
            }
            let f = fold(t);
            let first = f.split(' ').next().unwrap_or("");
            // "3/2019" folds to "3 2019": a month and its year.
            let year_ok = f
                .split(' ')
                .nth(1)
                .is_none_or(|y| y.len() == 4 && y.starts_with("20"));
            if let Ok(n) = first.parse::<u32>() {
                return if year_ok { bare(n) } else { None };
            }
            if quarter_column || f.split(' ').count() == 1 {
                return roman(first)
                    .filter(|q| (1..=4).contains(q))
                    .map(Planned::quarter);
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_announce_a_period() {
        assert_eq!(period_in_name("T3"), Some(Period::Month(3)));
        assert_eq!(period_in_name("Tháng 3"), Some(Period::Month(3)));
        assert_eq!(period_in_name("kinh-te/thang-03"), Some(Period::Month(3)));
        assert_eq!(period_in_name("BC T12-2019"), Some(Period::Month(12)));
        assert_eq!(period_in_name("Quý II"), Some(Period::Quarter(2)));
        assert_eq!(period_in_name("tong-hop-quy-2"), Some(Period::Quarter(2)));
        assert_eq!(period_in_name("Q4"), Some(Period::Quarter(4)));
    }

    #[test]
    fn names_that_do_not() {
        assert_eq!(period_in_name("Sheet1"), None);
        assert_eq!(period_in_name("TT"), None);
        assert_eq!(period_in_name("T13"), None);
        assert_eq!(period_in_name("kinh-te"), None);
        assert_eq!(period_in_name("T3 va T4"), None);
        assert_eq!(period_in_name("nam 2019"), None);
    }

    #[test]
    fn planned_months_and_quarters() {
        use crate::input::grid::CellValue::{Date, Number, Text};
        let t = |s: &str| Text(s.to_string());
        let m = |m| {
            Some(Planned {
                month: Some(m),
                quarter: (m - 1) / 3 + 1,
            })
        };
        let q = |q| {
            Some(Planned {
                month: None,
                quarter: q,
            })
        };
        assert_eq!(planned(&t("Tháng 3"), false), m(3));
        assert_eq!(planned(&t("T11"), false), m(11));
        assert_eq!(planned(&t("3/2019"), false), m(3));
        assert_eq!(planned(&t("15/05/2019"), false), m(5));
        assert_eq!(
            planned(&Date(NaiveDate::from_ymd_opt(2019, 8, 1).unwrap()), false),
            m(8)
        );
        assert_eq!(planned(&Number(7.0), false), m(7));
        assert_eq!(planned(&Number(2.0), true), q(2));
        assert_eq!(planned(&t("Quý II"), false), q(2));
        assert_eq!(planned(&t("Q4"), false), q(4));
        assert_eq!(planned(&t("III"), true), q(3));
        assert_eq!(planned(&t("IV"), false), q(4));
        assert_eq!(planned(&Number(13.0), false), None);
        assert_eq!(planned(&Number(5.0), true), None);
        assert_eq!(planned(&t("sớm"), false), None);
        assert_eq!(planned(&t("3/18"), false), None);
    }

    #[test]
    fn contains() {
        let d = NaiveDate::from_ymd_opt(2019, 5, 14).unwrap();
        assert!(Period::Month(5).contains(d));
        assert!(!Period::Month(4).contains(d));
        assert!(Period::Quarter(2).contains(d));
        assert!(!Period::Quarter(1).contains(d));
    }
}
