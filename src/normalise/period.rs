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
    fn contains() {
        let d = NaiveDate::from_ymd_opt(2019, 5, 14).unwrap();
        assert!(Period::Month(5).contains(d));
        assert!(!Period::Month(4).contains(d));
        assert!(Period::Quarter(2).contains(d));
        assert!(!Period::Quarter(1).contains(d));
    }
}
