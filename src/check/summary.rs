//! The figures of the report: actual against target and against what is due by the
//! as-of date, for every sub-committee, quarter and month, and participation.

use chrono::Datelike;
use serde::Serialize;

use super::asof::{AsOf, due};
use crate::classes::ClassRow;
use crate::plan::{Plan, Target};

/// Where a sub-committee or quarter stands (docs/json-summary.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Actual ≥ target.
    Met,
    /// Actual ≥ what is due by the as-of date.
    OnTrack,
    /// Actual < what is due, before the period ends.
    Behind,
    /// Actual < target once the period has ended.
    Short,
    /// A quarter that has not started.
    Upcoming,
}

impl Status {
    /// The word for the status, in `labels`.
    pub fn label(self) -> crate::labels::Label {
        use crate::labels::l;
        match self {
            Status::Met => l::STATUS_MET,
            Status::OnTrack => l::STATUS_ON_TRACK,
            Status::Behind => l::STATUS_BEHIND,
            Status::Short => l::STATUS_SHORT,
            Status::Upcoming => l::STATUS_UPCOMING,
        }
    }
}

impl Status {
    /// True for the statuses that need someone's attention.
    pub fn falls_short(self) -> bool {
        matches!(self, Status::Behind | Status::Short)
    }
}

/// One figure: the yearly (or quarterly) target, what is due by the as-of date, and
/// what was done. In u64: learners summed over many rows, and targets added up, can
/// pass what a u32 holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Measure {
    pub target: u64,
    pub expected: u64,
    pub actual: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubCommitteeResult {
    pub id: String,
    pub name: String,
    pub classes: Measure,
    pub learners: Measure,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterResult {
    pub quarter: u32,
    pub classes: Measure,
    pub learners: Measure,
    pub status: Status,
}

/// Classes and learners of one sub-committee in one month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MonthCell {
    pub classes: u64,
    pub learners: u64,
}

impl MonthCell {
    fn add(&mut self, other: MonthCell) {
        self.classes += other.classes;
        self.learners += other.learners;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participation {
    pub learners: u64,
    pub population_15_plus: u32,
    pub rate: f64,
    pub target_rate: f64,
}

/// Everything the summary sheets and the JSON show.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub as_of: AsOf,
    /// In plan order.
    pub subcommittees: Vec<SubCommitteeResult>,
    /// Quarters 1–4.
    pub quarters: Vec<QuarterResult>,
    /// `months[s][m]`: sub-committee `s` (plan order), month `m` (0 = January).
    pub months: Vec<[MonthCell; 12]>,
    /// Sum over sub-committees.
    pub classes: Measure,
    pub learners: Measure,
    pub participation: Participation,
}

fn measure(target: u64, fraction: f64, actual: u64) -> Measure {
    Measure {
        target,
        expected: due(target, fraction),
        actual,
    }
}

/// Status over a period: `ended` decides between met/short and on-track/behind.
fn status(
    classes: &Measure,
    learners: &Measure,
    ended: bool,
    met_counts_while_running: bool,
) -> Status {
    let met = classes.actual >= classes.target && learners.actual >= learners.target;
    let due_met = classes.actual >= classes.expected && learners.actual >= learners.expected;
    match (ended, met, due_met) {
        (true, true, _) => Status::Met,
        (true, false, _) => Status::Short,
        (false, true, _) if met_counts_while_running => Status::Met,
        (false, _, true) => Status::OnTrack,
        (false, _, false) => Status::Behind,
    }
}

impl Summary {
    /// The centre's status as a whole, judged on its totals the way a sub-committee is
    /// on its own (the district compares communes by it).
    pub fn status(&self) -> Status {
        status(
            &self.classes,
            &self.learners,
            self.as_of.is_year_end(),
            true,
        )
    }
}

/// Computes the summary of `classes` against `plan` as of `as_of`.
pub fn summarise(plan: &Plan, classes: &[ClassRow], as_of: AsOf) -> Summary {
    let (months, per_quarter) = tally(plan.subcommittees.len(), classes);
    let subcommittees = subcommittee_results(plan, &months, as_of);
    let quarters = plan
        .quarters
        .iter()
        .zip(per_quarter)
        .enumerate()
        .map(|(i, (t, actual))| quarter_result(i as u32 + 1, *t, actual, as_of))
        .collect();
    let (classes, learners) = totals(plan, &subcommittees, &per_quarter);
    Summary {
        as_of,
        subcommittees,
        quarters,
        months,
        participation: Participation {
            learners: learners.actual,
            population_15_plus: plan.population_15_plus,
            rate: learners.actual as f64 / f64::from(plan.population_15_plus),
            target_rate: plan.participation_target,
        },
        classes,
        learners,
    }
}

/// The classes and learners of each sub-committee's months (one row of twelve a
/// sub-committee) and of each quarter.
fn tally(subcommittees: usize, classes: &[ClassRow]) -> (Vec<[MonthCell; 12]>, [MonthCell; 4]) {
    let mut months = vec![[MonthCell::default(); 12]; subcommittees];
    let mut per_quarter = [MonthCell::default(); 4];
    for c in classes {
        let m = c.date.month0() as usize;
        // A row stands for as many classes as its "Số lớp" says; its learners are the
        // row's figure, for all of them.
        let this = MonthCell {
            classes: u64::from(c.classes),
            learners: u64::from(c.learners),
        };
        if let Some(cell) = months
            .get_mut(c.subcommittee)
            .and_then(|row| row.get_mut(m))
        {
            cell.add(this);
        }
        if let Some(q) = per_quarter.get_mut(m / 3) {
            q.add(this);
        }
    }
    (months, per_quarter)
}

/// Each sub-committee's year so far against its target, pro-rated to the as-of date.
fn subcommittee_results(
    plan: &Plan,
    months: &[[MonthCell; 12]],
    as_of: AsOf,
) -> Vec<SubCommitteeResult> {
    let fraction = as_of.year_fraction();
    let year_ended = as_of.is_year_end();
    plan.subcommittees
        .iter()
        .zip(months)
        .map(|(s, row)| {
            let mut actual = MonthCell::default();
            row.iter().for_each(|m| actual.add(*m));
            let classes = measure(s.target.classes.into(), fraction, actual.classes);
            let learners = measure(s.target.learners.into(), fraction, actual.learners);
            SubCommitteeResult {
                id: s.id.clone(),
                name: s.name.clone(),
                classes,
                learners,
                status: status(&classes, &learners, year_ended, true),
            }
        })
        .collect()
}

/// The commune's classes and learners against the plan's total.
fn totals(
    plan: &Plan,
    subcommittees: &[SubCommitteeResult],
    per_quarter: &[MonthCell; 4],
) -> (Measure, Measure) {
    let total = plan.total_target();
    let mut actual = MonthCell::default();
    per_quarter.iter().for_each(|q| actual.add(*q));
    // What is due in total is the sum of what each sub-committee owes, each rounded on
    // its own — so the total row of Tổng hợp (a SUM) and every reader agree. Rounding
    // the pro-rated total instead gives 13 where the rows add up to 14 on 31 March.
    let classes = Measure {
        target: total.classes,
        expected: subcommittees.iter().map(|r| r.classes.expected).sum(),
        actual: actual.classes,
    };
    let learners = Measure {
        target: total.learners,
        expected: subcommittees.iter().map(|r| r.learners.expected).sum(),
        actual: actual.learners,
    };
    (classes, learners)
}

fn quarter_result(quarter: u32, target: Target, actual: MonthCell, as_of: AsOf) -> QuarterResult {
    let fraction = as_of.quarter_fraction(quarter);
    let classes = measure(target.classes.into(), fraction, actual.classes);
    let learners = measure(target.learners.into(), fraction, actual.learners);
    let (start, end) = as_of.quarter_bounds(quarter);
    let status = if as_of.date < start {
        Status::Upcoming
    } else {
        status(&classes, &learners, as_of.date >= end, false)
    };
    QuarterResult {
        quarter,
        classes,
        learners,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::Source;
    use chrono::NaiveDate;

    fn class(sub: usize, m: u32, d: u32, learners: u32) -> ClassRow {
        ClassRow {
            classes: 1,
            subcommittee: sub,
            topic: format!("Lớp {sub}-{m}-{d}"),
            date: NaiveDate::from_ymd_opt(2019, m, d).unwrap(),
            village: String::new(),
            learners,
            male: None,
            female: None,
            teacher: String::new(),
            note: String::new(),
            source: Source {
                file: "a.xlsx".into(),
                sheet: "S".into(),
                row: 1,
                cell: "B1".into(),
            },
        }
    }

    #[test]
    fn year_end_statuses_are_met_or_short() {
        let plan = Plan::embedded();
        // kinh-te: 8 classes of 100 = 8 / 800 → met. phap-luat: 2 classes 40+35 → short.
        let mut cs: Vec<_> = (1..=8).map(|d| class(0, 3, d, 100)).collect();
        cs.push(class(1, 5, 2, 40));
        cs.push(class(1, 11, 20, 35));
        let s = summarise(&plan, &cs, AsOf::new(None, 2019).unwrap());
        assert_eq!(s.subcommittees[0].status, Status::Met);
        assert_eq!(s.subcommittees[1].classes.actual, 2);
        assert_eq!(s.subcommittees[1].learners.actual, 75);
        assert_eq!(s.subcommittees[1].status, Status::Short);
        assert_eq!(s.subcommittees[5].status, Status::Short);
        // Q1: the 8 March classes, 800 learners, target 13/1000 → short.
        assert_eq!(s.quarters[0].classes.actual, 8);
        assert_eq!(s.quarters[0].learners.actual, 800);
        assert_eq!(s.quarters[0].status, Status::Short);
        assert_eq!(s.quarters[1].classes.actual, 1);
        assert_eq!(s.quarters[3].learners.actual, 35);
        assert_eq!(
            s.months[1][4],
            MonthCell {
                classes: 1,
                learners: 40
            }
        );
        assert_eq!(s.classes.actual, 10);
        assert_eq!(s.learners.actual, 875);
        // 875 / 5550 = 0.15766 …
        assert!((s.participation.rate - 875.0 / 5550.0).abs() < 1e-12);
        // The centre as a whole: 10 of 54 classes at year end → short.
        assert_eq!(s.status(), Status::Short);
        // Every target reached (8+8+11+13+7+7 = 54 classes of 4350 / 54 → 81 learners
        // each, 54 × 81 = 4374 ≥ 4350) → met, whatever a sub-committee's own share.
        let all: Vec<_> = (0..54)
            .map(|i| class(i % 6, 3, 1 + (i % 28) as u32, 81))
            .collect();
        let s = summarise(&plan, &all, AsOf::new(None, 2019).unwrap());
        assert_eq!((s.classes.actual, s.learners.actual), (54, 4374));
        assert_eq!(s.status(), Status::Met);
    }

    #[test]
    fn mid_year_statuses_use_what_is_due() {
        let plan = Plan::embedded();
        // As of 31 March: kinh-te due 2 classes / 197 learners.
        let as_of = AsOf::new(NaiveDate::from_ymd_opt(2019, 3, 31), 2019).unwrap();
        let on_track = vec![class(0, 1, 10, 100), class(0, 2, 10, 100)];
        let s = summarise(&plan, &on_track, as_of);
        assert_eq!(s.subcommittees[0].classes.expected, 2);
        assert_eq!(s.subcommittees[0].learners.expected, 197);
        assert_eq!(s.subcommittees[0].status, Status::OnTrack);
        assert_eq!(s.subcommittees[1].status, Status::Behind);
        assert_eq!(s.quarters[0].status, Status::Short);
        assert_eq!(s.quarters[1].status, Status::Upcoming);
        // Due in total: 2 + 2 + 3 + 3 + 2 + 2 = 14 classes (each sub-committee's share
        // rounded: 8, 8, 11, 13, 7, 7 × 90/365), not round(54 × 90/365) = 13.
        assert_eq!(s.classes.expected, 14);
        let behind = vec![class(0, 1, 10, 150), class(0, 2, 10, 46)];
        // 196 learners < 197 due.
        assert_eq!(
            summarise(&plan, &behind, as_of).subcommittees[0].status,
            Status::Behind
        );
    }

    #[test]
    fn sums_past_u32_do_not_wrap() {
        // Every sub-committee targets 4,000,000,000 classes and learners, and three
        // classes of 4,000,000,000 learners each are held (a u32 holds 4,294,967,295).
        let mut plan = Plan::embedded();
        let big = Target {
            classes: 4_000_000_000,
            learners: 4_000_000_000,
        };
        plan.subcommittees.iter_mut().for_each(|s| s.target = big);
        let cs = vec![
            class(0, 1, 10, 4_000_000_000),
            class(0, 2, 10, 4_000_000_000),
            class(1, 2, 11, 4_000_000_000),
        ];
        let s = summarise(&plan, &cs, AsOf::new(None, 2019).unwrap());
        // Targets: 6 × 4e9 = 24,000,000,000 of each; all due at year end.
        assert_eq!(s.classes.target, 24_000_000_000);
        assert_eq!(s.learners.target, 24_000_000_000);
        assert_eq!(s.learners.expected, 24_000_000_000);
        // Learners: kinh-te 2 × 4e9 = 8e9; all three in quarter I, 12e9 in total.
        assert_eq!(s.subcommittees[0].learners.actual, 8_000_000_000);
        assert_eq!(s.quarters[0].learners.actual, 12_000_000_000);
        assert_eq!(s.learners.actual, 12_000_000_000);
        assert_eq!(s.participation.learners, 12_000_000_000);
        // February: kinh-te's and phap-luat's classes, 4e9 learners each.
        assert_eq!(s.months[0][1].learners, 4_000_000_000);
        assert_eq!(s.months[1][1].learners, 4_000_000_000);
        // As of 31 March each sub-committee owes 4e9 × 90/365 = 986,301,369.86 →
        // 986,301,370 classes; in all 6 × 986,301,370 = 5,917,808,220.
        let march = AsOf::new(NaiveDate::from_ymd_opt(2019, 3, 31), 2019).unwrap();
        let s = summarise(&plan, &cs, march);
        assert_eq!(s.subcommittees[0].classes.expected, 986_301_370);
        assert_eq!(s.classes.expected, 5_917_808_220);
    }

    fn several(classes: u32, row: ClassRow) -> ClassRow {
        ClassRow { classes, ..row }
    }

    #[test]
    fn a_row_counts_as_the_classes_its_so_lop_says() {
        let plan = Plan::embedded();
        // kinh-te: 10 January, 1 class of 40; 12 March, one row of 3 classes, 90
        // learners in all. phap-luat: 6 May, one row of 2 classes, 50 learners.
        let cs = vec![
            class(0, 1, 10, 40),
            several(3, class(0, 3, 12, 90)),
            several(2, class(1, 5, 6, 50)),
        ];
        let s = summarise(&plan, &cs, AsOf::new(None, 2019).unwrap());
        // kinh-te 1 + 3 = 4 classes, 40 + 90 = 130 learners; phap-luat 2 / 50.
        assert_eq!(s.subcommittees[0].classes.actual, 4);
        assert_eq!(s.subcommittees[0].learners.actual, 130);
        assert_eq!(s.subcommittees[1].classes.actual, 2);
        assert_eq!(s.subcommittees[1].learners.actual, 50);
        // Quarter I: the January and March rows, 4 classes; quarter II: 2.
        assert_eq!(s.quarters[0].classes.actual, 4);
        assert_eq!(s.quarters[1].classes.actual, 2);
        assert_eq!(
            s.months[0][2],
            MonthCell {
                classes: 3,
                learners: 90
            }
        );
        // 3 rows, 6 classes, 180 learners.
        assert_eq!(s.classes.actual, 6);
        assert_eq!(s.learners.actual, 180);
        // Two rows of 4,000,000,000 classes each: 8,000,000,000, past a u32.
        let huge = vec![
            several(4_000_000_000, class(2, 4, 1, 10)),
            several(4_000_000_000, class(2, 4, 2, 10)),
        ];
        let s = summarise(&plan, &huge, AsOf::new(None, 2019).unwrap());
        assert_eq!(s.subcommittees[2].classes.actual, 8_000_000_000);
        assert_eq!(s.quarters[1].classes.actual, 8_000_000_000);
        assert_eq!(s.classes.actual, 8_000_000_000);
    }
}
