//! Reporting completeness, as DHIS2 reports it: for each sub-committee and each month
//! whose report is due by the as-of date, did it arrive, and on time? A report is due on
//! the plan's deadline day of the following month (the 5th by default). It arrives on
//! the date written under its table ("…, ngày 30 tháng 3 năm 2019"), else on the file's
//! modification date. A month whose report lists no classes counts as received.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::AsOf;

/// A monthly report found in the folder.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Received {
    pub subcommittee: usize,
    /// 1–12.
    pub month: u32,
    pub arrived: NaiveDate,
    pub file: String,
}

/// Which monthly reports a sheet is: its sub-committee and the month its sheet name,
/// file name or title gives (so a report listing no classes counts for its month), or,
/// without a month named, the sub-committee-months of its classes. It arrived on the
/// date signed under the table, else on the file's modification date.
pub fn received(
    result: &crate::recognise::SheetResult,
    title_period: Option<crate::classes::Period>,
    path: &std::path::Path,
    rel: &str,
) -> Vec<Received> {
    use crate::classes::Period;
    use crate::recognise::RowOutcome;
    if result.kind != Some(crate::recognise::table::TableKind::Report) {
        return Vec::new();
    }
    let arrived = result.signed_on.or_else(|| {
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
        Some(chrono::DateTime::<chrono::Utc>::from(modified).date_naive())
    });
    let Some(arrived) = arrived else {
        return Vec::new();
    };
    let mut months: Vec<(usize, u32)> = match (result.subcommittee, result.period.or(title_period))
    {
        (Some(s), Some(Period::Month(m))) => vec![(s, m)],
        _ => result
            .rows
            .iter()
            .filter_map(|o| match o {
                RowOutcome::Accepted(c) => Some((c.subcommittee, c.date.month())),
                _ => None,
            })
            .collect(),
    };
    months.sort_unstable();
    months.dedup();
    months
        .into_iter()
        .map(|(subcommittee, month)| Received {
            subcommittee,
            month,
            arrived,
            file: rel.to_string(),
        })
        .collect()
}

/// One sub-committee-month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    OnTime,
    Late,
    Missing,
    /// Not due yet by the as-of date.
    NotDue,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Completeness {
    /// `grid[s][m]`: sub-committee `s`, month `m` (0 = January).
    pub grid: Vec<[Option<Delivery>; 12]>,
    pub expected: u32,
    pub received: u32,
    pub on_time: u32,
    /// (sub-committee, month 1–12) of every report due and not received.
    pub missing: Vec<(usize, u32)>,
}

impl Completeness {
    /// The missing reports by sub-committee, in the plan's order, each one's months
    /// ascending: what a line saying who owes which reports lists.
    pub fn missing_by_subcommittee(&self) -> Vec<(usize, Vec<u32>)> {
        let mut by: std::collections::BTreeMap<usize, Vec<u32>> = Default::default();
        for &(sub, month) in &self.missing {
            by.entry(sub).or_default().push(month);
        }
        by.into_iter()
            .map(|(sub, mut months)| {
                months.sort_unstable();
                months.dedup();
                (sub, months)
            })
            .collect()
    }
}

/// The day a month's report is due: `day` of the next month.
pub fn deadline(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let (y, m) = if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, day.clamp(1, 28))
}

pub fn assess(
    subcommittees: usize,
    received: &[Received],
    as_of: AsOf,
    deadline_day: u32,
) -> Completeness {
    let year = as_of.date.year();
    let mut c = Completeness {
        grid: vec![[None; 12]; subcommittees],
        ..Completeness::default()
    };
    for s in 0..subcommittees {
        for m in 1..=12u32 {
            let Some(due) = deadline(year, m, deadline_day) else {
                continue;
            };
            let status = if due > as_of.date {
                Delivery::NotDue
            } else {
                c.expected += 1;
                let first = received
                    .iter()
                    .filter(|r| r.subcommittee == s && r.month == m)
                    .map(|r| r.arrived)
                    .min();
                match first {
                    Some(d) if d <= due => {
                        c.received += 1;
                        c.on_time += 1;
                        Delivery::OnTime
                    }
                    Some(_) => {
                        c.received += 1;
                        Delivery::Late
                    }
                    None => {
                        c.missing.push((s, m));
                        Delivery::Missing
                    }
                }
            };
            if let Some(row) = c.grid.get_mut(s)
                && let Some(cell) = row.get_mut(m as usize - 1)
            {
                *cell = Some(status);
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(s: usize, m: u32, y: i32, mo: u32, d: u32) -> Received {
        Received {
            subcommittee: s,
            month: m,
            arrived: NaiveDate::from_ymd_opt(y, mo, d).unwrap(),
            file: "f".into(),
        }
    }

    #[test]
    fn on_time_late_missing_and_not_due() {
        // As of 15 April 2019: January to February reports are due (5 Feb, 5 Mar);
        // March's is due on 5 April, April's not before 5 May.
        let as_of = AsOf::new(NaiveDate::from_ymd_opt(2019, 4, 15), 2019).unwrap();
        let received = vec![
            got(0, 1, 2019, 1, 31),
            got(0, 2, 2019, 3, 6),
            got(0, 3, 2019, 4, 5),
            got(1, 1, 2019, 2, 5),
        ];
        let c = assess(2, &received, as_of, 5);
        let row0: Vec<_> = c.grid[0][..5].to_vec();
        use Delivery::*;
        assert_eq!(
            row0,
            vec![
                Some(OnTime),
                Some(Late),
                Some(OnTime),
                Some(NotDue),
                Some(NotDue)
            ]
        );
        assert_eq!(
            c.grid[1][..3].to_vec(),
            vec![Some(OnTime), Some(Missing), Some(Missing)]
        );
        // Due: 3 months × 2 sub-committees = 6; received 4, on time 3; missing 2.
        assert_eq!((c.expected, c.received, c.on_time), (6, 4, 3));
        assert_eq!(c.missing, vec![(1, 2), (1, 3)]);
    }

    #[test]
    fn december_is_due_in_january() {
        assert_eq!(deadline(2019, 12, 5), NaiveDate::from_ymd_opt(2020, 1, 5));
        let as_of = AsOf::new(None, 2019).unwrap();
        let c = assess(1, &[], as_of, 5);
        // As of 31 December, January to November are due: 11 months.
        assert_eq!(c.expected, 11);
        assert_eq!(c.grid[0][11], Some(Delivery::NotDue));
    }
}
