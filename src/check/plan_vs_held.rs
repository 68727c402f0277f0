//! Planned against held: each registered class matched to a class that was opened, so
//! the secretary sees what is done, what is still to come, what is overdue, and what was
//! held without being planned.
//!
//! A held class matches a planned one when both belong to the same sub-committee and
//! quarter and their topics are similar: the sets of words of the two topics (folded:
//! no case, no diacritics) share at least half of their union, or all the words of the
//! shorter topic (two or more) are in the longer one — "Luật Giao thông" matches "Luật
//! Giao thông đường bộ". Each held class matches at most one planned class — a row of
//! "Số lớp" 3 is three held classes, so it can match three; the most similar wins, then
//! the earliest. A held row none of whose classes matched is unplanned.

use chrono::NaiveDate;

use super::AsOf;
use crate::classes::{ClassRow, PlannedClass};
use crate::text::similarity;

/// Where a planned class stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStatus {
    /// Matched to this held class (index into the held classes).
    Held(usize),
    /// Its month (or quarter) has not ended by the as-of date.
    NotYetHeld,
    /// Its month (or quarter) has ended and no matching class was held.
    Overdue,
}

/// The matching of a folder's registrations and reports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanVsHeld {
    /// One per planned class, in the same order.
    pub planned: Vec<PlanStatus>,
    /// Held classes that match no planned class (indexes into the held classes).
    pub unplanned: Vec<usize>,
}

/// Topics at least this similar (by `text::similarity`) are the same class.
pub const SAME_CLASS: f64 = crate::text::ALIKE;

/// The last day a planned class can be held on time: its month's, or its quarter's.
fn due_by(p: &PlannedClass, year: i32) -> Option<NaiveDate> {
    let last_month = p.month.unwrap_or(p.quarter * 3);
    let next = if last_month >= 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, last_month + 1, 1)
    };
    next.and_then(|d| d.pred_opt())
}

/// Matches registrations to held classes as of a date.
pub fn match_classes(planned: &[PlannedClass], held: &[ClassRow], as_of: AsOf) -> PlanVsHeld {
    use chrono::Datelike;
    // How many of each held row's classes are matched already.
    let mut taken = vec![0u32; held.len()];
    let mut statuses = Vec::with_capacity(planned.len());
    for p in planned {
        let best = held
            .iter()
            .enumerate()
            .filter(|(i, h)| {
                taken.get(*i).is_some_and(|t| *t < h.classes)
                    && h.subcommittee == p.subcommittee
                    && crate::normalise::dates::quarter_of(h.date) == p.quarter
            })
            .map(|(i, h)| (i, similarity(&p.topic, &h.topic), h.date))
            .filter(|(_, s, _)| *s >= SAME_CLASS)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)));
        let status = match best {
            Some((i, ..)) => {
                if let Some(t) = taken.get_mut(i) {
                    *t += 1;
                }
                PlanStatus::Held(i)
            }
            None => match due_by(p, as_of.date.year()) {
                Some(due) if as_of.date > due => PlanStatus::Overdue,
                _ => PlanStatus::NotYetHeld,
            },
        };
        statuses.push(status);
    }
    let unplanned = taken
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == 0)
        .map(|(i, _)| i)
        .collect();
    PlanVsHeld {
        planned: statuses,
        unplanned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::Source;

    fn src() -> Source {
        Source {
            file: "f.xlsx".into(),
            sheet: "S".into(),
            row: 2,
            cell: "B2".into(),
        }
    }

    fn planned(sub: usize, topic: &str, month: Option<u32>, quarter: u32) -> PlannedClass {
        PlannedClass {
            subcommittee: sub,
            topic: topic.into(),
            month,
            quarter,
            village: String::new(),
            learners: 50,
            responsible: String::new(),
            partner: String::new(),
            note: String::new(),
            source: src(),
        }
    }

    fn held(sub: usize, topic: &str, m: u32, d: u32) -> ClassRow {
        ClassRow {
            classes: 1,
            subcommittee: sub,
            topic: topic.into(),
            date: NaiveDate::from_ymd_opt(2019, m, d).unwrap(),
            village: String::new(),
            learners: 40,
            male: None,
            female: None,
            teacher: String::new(),
            note: String::new(),
            source: src(),
        }
    }

    #[test]
    fn topics_alike_and_not() {
        assert_eq!(
            similarity("Luật Giao thông", "Luật Giao thông đường bộ"),
            1.0
        );
        assert_eq!(
            similarity("Phòng chống sốt xuất huyết", "phòng chống SỐT XUẤT HUYẾT"),
            1.0
        );
        // {ky, thuat, trong, lua} vs {ky, thuat, trong, lua, lai}: 4 / 5 — also a subset.
        assert!(similarity("Kỹ thuật trồng lúa", "Kỹ thuật trồng lúa lai") >= SAME_CLASS);
        // {luat, dat, dai} vs {luat, hon, nhan, va, gia, dinh}: 1 / 8.
        assert!(similarity("Luật Đất đai", "Luật Hôn nhân và gia đình") < SAME_CLASS);
    }

    #[test]
    fn held_not_yet_overdue_and_unplanned() {
        let plan = vec![
            planned(1, "Luật Giao thông", Some(3), 1), // held 5 March
            planned(1, "Luật Đất đai", None, 1),       // Q1 ended 31 March: overdue
            planned(1, "Luật Trẻ em", Some(5), 2),     // May not ended by 15 May
            planned(0, "Kỹ thuật trồng lúa", Some(2), 1), // kinh-te: held 10 February
        ];
        let done = vec![
            held(1, "Luật Giao thông đường bộ", 3, 5),
            held(0, "Kỹ thuật trồng lúa lai", 2, 10),
            held(1, "Luật Hôn nhân và gia đình", 3, 20), // never planned
        ];
        let as_of = AsOf::new(NaiveDate::from_ymd_opt(2019, 5, 15), 2019).unwrap();
        let m = match_classes(&plan, &done, as_of);
        assert_eq!(
            m.planned,
            vec![
                PlanStatus::Held(0),
                PlanStatus::Overdue,
                PlanStatus::NotYetHeld,
                PlanStatus::Held(1)
            ]
        );
        assert_eq!(m.unplanned, vec![2]);
    }

    #[test]
    fn a_row_of_several_classes_meets_as_many_registrations() {
        // pháp luật registered "Luật Giao thông" three times in quarter I; one row of
        // Số lớp 2 (5 March) holds two of them, the third is overdue by 15 May.
        // kinh-te's row of Số lớp 1 meets one of its two registrations; the other is
        // overdue too.
        let plan = vec![
            planned(1, "Luật Giao thông", Some(3), 1),
            planned(1, "Luật Giao thông", Some(3), 1),
            planned(1, "Luật Giao thông", Some(3), 1),
            planned(0, "Kỹ thuật trồng lúa", Some(2), 1),
            planned(0, "Kỹ thuật trồng lúa", Some(2), 1),
        ];
        let mut two = held(1, "Luật Giao thông đường bộ", 3, 5);
        two.classes = 2;
        let done = vec![two, held(0, "Kỹ thuật trồng lúa lai", 2, 10)];
        let as_of = AsOf::new(NaiveDate::from_ymd_opt(2019, 5, 15), 2019).unwrap();
        let m = match_classes(&plan, &done, as_of);
        assert_eq!(
            m.planned,
            vec![
                PlanStatus::Held(0),
                PlanStatus::Held(0),
                PlanStatus::Overdue,
                PlanStatus::Held(1),
                PlanStatus::Overdue,
            ]
        );
        assert_eq!(m.unplanned, Vec::<usize>::new());
    }
}
