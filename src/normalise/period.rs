//! The month or quarter a sheet or file name announces ("T3", "Tháng 3", "thang-03",
//! "Quý II", "Q2"). Used only to warn when a row's date disagrees; the date decides.

use chrono::{Datelike, NaiveDate};

use crate::text::fold;

pub use crate::classes::Period;

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

/// A year as names write it in full ("2019"); two-digit years are too easily a day.
fn year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y))
}

/// The period a name announces, if it announces exactly one: in words ("Tháng 3",
/// "thang-03", "BC thang 02", "T2", "T02", "T2.2019", "Quý II", "Q2", "quy 2/2019") or,
/// failing that, in figures beside a year ("2019-02", "2019_02", "02-2019", "02/2019",
/// and a day-date "15-02-2019", read day first). Words win over figures, so a title
/// "Tháng 02 năm 2019 (từ 15/01/2019 …)" is February; two different periods in the same
/// kind of writing ("T3 va T4") announce none. A year alone ("2019") is no month.
pub fn period_in_name(name: &str) -> Option<Period> {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').collect();
    let mut in_words = Found::default();
    let mut in_figures = Found::default();
    let mut i = 0;
    // Words before this index belong to a spelled period already taken.
    let mut free_from = 0;
    while let Some(w) = words.get(i).copied() {
        let next = words.get(i + 1).copied().unwrap_or("");
        // "thang 2", "quy ii": the number after the word is the word's, not a month
        // beside a year ("quý 2/2019" is the second quarter, not February).
        let spelled = match w {
            "thang" => number(next, 12).map(Period::Month),
            "quy" => roman(next).map(Period::Quarter),
            _ => None,
        };
        if let Some(p) = spelled {
            in_words.note(p);
            i += 2;
            free_from = i;
            continue;
        }
        let glued = w
            .strip_prefix("thang")
            .or_else(|| w.strip_prefix('t'))
            .and_then(|r| number(r, 12))
            .map(Period::Month)
            .or_else(|| {
                w.strip_prefix('q')
                    .and_then(|r| number(r, 4))
                    .map(Period::Quarter)
            });
        if let Some(p) = glued {
            in_words.note(p);
        } else if year(w) {
            // "2019-02" (and "2019-02-15"): the month follows the year; "02-2019" and
            // "15-02-2019": it comes just before.
            let before = i
                .checked_sub(1)
                .filter(|b| *b >= free_from)
                .and_then(|b| words.get(b))
                .copied();
            for m in [Some(next), before].into_iter().flatten() {
                if let Some(m) = number(m, 12) {
                    in_figures.note(Period::Month(m));
                }
            }
        }
        i += 1;
    }
    match in_words {
        Found::None => in_figures.one(),
        found => found.one(),
    }
}

/// The periods a name gives in one kind of writing.
#[derive(Default, Clone, Copy)]
enum Found {
    #[default]
    None,
    One(Period),
    Several,
}

impl Found {
    fn note(&mut self, p: Period) {
        *self = match *self {
            Found::None => Found::One(p),
            Found::One(q) if q == p => Found::One(q),
            _ => Found::Several,
        };
    }

    fn one(self) -> Option<Period> {
        match self {
            Found::One(p) => Some(p),
            _ => None,
        }
    }
}

/// The period the lines above a table announce ("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 02 NĂM
/// 2019"), when they agree on one. The place-and-date line ("Hồng Thái Tây, ngày 05
/// tháng 3 năm 2019") says when the report was written, not which month it covers, and
/// is passed over.
pub fn period_in_title<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<Period> {
    let mut found = Found::default();
    for line in lines {
        let f = fold(line);
        let dated = f
            .split(' ')
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| matches!(w, ["ngay", d] if d.parse::<u32>().is_ok()));
        if dated {
            continue;
        }
        if let Some(p) = period_in_name(line) {
            found.note(p);
        }
    }
    found.one()
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
        // A year alone is no month, nor is a two-digit number beside a word.
        assert_eq!(period_in_name("bao-cao-2019"), None);
        assert_eq!(period_in_name("2019"), None);
        assert_eq!(period_in_name("Bảng 1"), None);
        // 13 beside a year is no month; "2019-13" names nothing.
        assert_eq!(period_in_name("2019-13"), None);
        // Two months in figures: none.
        assert_eq!(period_in_name("01-2019 den 03-2019"), None);
    }

    #[test]
    fn months_written_in_every_common_form() {
        let feb = Some(Period::Month(2));
        for name in [
            "2019-02",
            "02-2019",
            "02/2019",
            "2019_02",
            "T2.2019",
            "T02",
            "T2",
            "tháng 2/2019",
            "thang 2 nam 2019",
            "thang-02",
            "BC thang 02",
            "Tháng 02 năm 2019",
            "2019-02_phap-luat",
            "bao-cao-thang02",
        ] {
            assert_eq!(period_in_name(name), feb, "{name}");
        }
    }

    #[test]
    fn traps_in_names() {
        // T12 is December, not T1 followed by something.
        assert_eq!(period_in_name("T12"), Some(Period::Month(12)));
        // "02-2019" and "2019-02" are both February; "12-2019" is December.
        assert_eq!(period_in_name("12-2019"), Some(Period::Month(12)));
        assert_eq!(period_in_name("2019-12"), Some(Period::Month(12)));
        // A day-date is read day first: 15-02-2019 is 15 February, 2019-02-15 too.
        assert_eq!(period_in_name("15-02-2019"), Some(Period::Month(2)));
        assert_eq!(period_in_name("2019-02-15"), Some(Period::Month(2)));
        // 03-02-2019 is 3 February (day first), not March.
        assert_eq!(period_in_name("03-02-2019"), Some(Period::Month(2)));
        // A quarter, with or without its year; its number is not a month.
        assert_eq!(period_in_name("Quý II"), Some(Period::Quarter(2)));
        assert_eq!(period_in_name("quy 2/2019"), Some(Period::Quarter(2)));
        assert_eq!(period_in_name("Quý II năm 2019"), Some(Period::Quarter(2)));
        // Words win over figures: the month of the title, not of the dates it spans.
        assert_eq!(
            period_in_name("Tháng 02 năm 2019 (từ 15/01/2019 đến 14/02/2019)"),
            Some(Period::Month(2))
        );
    }

    #[test]
    fn titles_that_announce_a_month() {
        let lines = [
            "UBND XÃ HỒNG THÁI TÂY",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hồng Thái Tây, ngày 05 tháng 3 năm 2019",
            "BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 02 NĂM 2019",
        ];
        // The date line (March) says when it was written; the title says February.
        assert_eq!(period_in_title(lines), Some(Period::Month(2)));
        // A blank template's "THÁNG ...... NĂM 2019" announces nothing.
        assert_eq!(
            period_in_title(["BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG ...... NĂM 2019"]),
            None
        );
        // Two lines naming different months: none.
        assert_eq!(period_in_title(["Tháng 2", "Tháng 3"]), None);
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
