//! Next year's plan from this year's: the logic behind `plan new` (whose command waits
//! for the plan workbook's writer). A centre plans next year from this year's plan and
//! what each sub-committee achieved, so the figures start from facts, not a blank form.

use super::{Plan, Target, TargetSum};

impl Plan {
    /// The plan for `year`, made from this one.
    ///
    /// Kept as they are: the unit, the centre, the sub-committees (ids, names, other
    /// names), the villages and their number, the report deadline, the class limit,
    /// the criteria, the population (next year's is not known yet: the secretary
    /// corrects it), and the quarter targets.
    ///
    /// With `achieved` (what each sub-committee achieved this year, in plan order),
    /// each sub-committee's target becomes the larger of its target and what it
    /// achieved, classes and learners each on its own: a target is never lowered
    /// (a sub-committee that fell short keeps its target), and one that did better
    /// plans at least what it showed it can do. A sub-committee without an entry keeps
    /// its target; entries past the last sub-committee are ignored.
    ///
    /// The quarters are kept even when the sub-committees' total rises: which quarter
    /// the extra classes fall in is the secretary's to decide, not the tool's to
    /// guess. `plan check` then says that the quarters add up to less than the
    /// sub-committees (the plan form shows both totals beside the tables), which tells
    /// the secretary what is left to spread over the quarters.
    ///
    /// The participation target is kept unless the learners' total changed; then it is
    /// the new total / population, rounded down to 3 decimals as the seed plan writes
    /// its rate (4350/5550 = 0.78378… → 0.783), and at most 1 (a plan may not state
    /// more than 100 %; `plan check` then reports the difference).
    ///
    /// `year` is not checked here: the command that asks for it refuses a year outside
    /// the plan's range (2000–2100) before calling this.
    pub fn next_year(&self, year: i32, achieved: Option<&[Target]>) -> Plan {
        let mut next = self.clone();
        next.year = year;
        if let Some(achieved) = achieved {
            for (s, a) in next.subcommittees.iter_mut().zip(achieved) {
                s.target = at_least(s.target, *a);
            }
        }
        let total = next.total_target();
        if total.learners != self.total_target().learners {
            next.participation_target = rate_down(total, self.population_15_plus);
        }
        next
    }
}

/// The larger of each figure.
fn at_least(target: Target, achieved: Target) -> Target {
    Target {
        classes: target.classes.max(achieved.classes),
        learners: target.learners.max(achieved.learners),
    }
}

/// Learners / population, rounded down to thousandths, at most 1. Worked in whole
/// thousandths so that 810 becomes exactly the f64 a plan file's `0.81` reads as.
fn rate_down(total: TargetSum, population: u32) -> f64 {
    // A valid plan has a population of at least 1; 0 would be no rate at all.
    let population = u64::from(population.max(1));
    // At most 20 × u32::MAX learners × 1000: well inside u64.
    let thousandths = total.learners.saturating_mul(1000) / population;
    thousandths.min(1000) as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::plan_check::{self, Finding};

    fn targets(plan: &Plan) -> Vec<(u32, u32)> {
        plan.subcommittees
            .iter()
            .map(|s| (s.target.classes, s.target.learners))
            .collect()
    }

    fn achieved(figures: &[(u32, u32)]) -> Vec<Target> {
        figures
            .iter()
            .map(|&(classes, learners)| Target { classes, learners })
            .collect()
    }

    #[test]
    fn each_target_rises_to_what_was_achieved_and_never_falls() {
        let old = Plan::embedded();
        // Targets of 2019: (8,800) (8,750) (11,700) (13,850) (7,800) (7,450).
        let done = achieved(&[(9, 700), (8, 900), (10, 700), (13, 850), (2, 100), (7, 451)]);
        let next = old.next_year(2020, Some(&done));
        // Field by field, the larger: kinh-te 9 > 8 classes, 800 > 700 learners;
        // phap-luat 900 > 750; van-hoa-xa-hoi keeps 11 > 10; suc-khoe met exactly;
        // moi-truong fell short (2/100) and keeps 7/800; khac 451 > 450.
        assert_eq!(
            targets(&next),
            [(9, 800), (8, 900), (11, 700), (13, 850), (7, 800), (7, 451)]
        );
        // 9+8+11+13+7+7 = 55 classes; 800+900+700+850+800+451 = 4501 learners.
        assert_eq!(
            next.total_target(),
            TargetSum {
                classes: 55,
                learners: 4501
            }
        );
        // 4501 / 5550 = 0.81099…: 4,501,000 / 5550 = 810 thousandths (5550 × 811 =
        // 4,501,050 is past it), so 0.810, rounded down.
        assert_eq!(next.participation_target, 0.81);
        assert_eq!(next.year, 2020);
    }

    #[test]
    fn everything_else_is_kept_and_plan_check_points_at_the_quarters() {
        let old = Plan::embedded();
        let done = achieved(&[(9, 700), (8, 900), (10, 700), (13, 850), (2, 100), (7, 451)]);
        let next = old.next_year(2020, Some(&done));
        assert_eq!(next.quarters, old.quarters);
        let ids = |p: &Plan| -> Vec<(String, String, Vec<String>)> {
            p.subcommittees
                .iter()
                .map(|s| (s.id.clone(), s.name.clone(), s.aliases.clone()))
                .collect()
        };
        assert_eq!(ids(&next), ids(&old));
        assert_eq!(
            (next.unit.as_str(), next.centre.as_str()),
            (old.unit.as_str(), old.centre.as_str())
        );
        assert_eq!(next.criteria, old.criteria);
        assert_eq!(next.village_count, Some(8));
        assert_eq!(next.population_15_plus, 5550);
        // The quarters still add up to 13+14+13+13 = 53 classes and 1000+1200+1100+1050
        // = 4350 learners, against 55 and 4501: plan check says so, and nothing else
        // (0.810 is within 0.001 of 4501/5550 = 0.81099…).
        assert_eq!(
            plan_check::check(&next),
            [
                Finding::QuartersDisagree {
                    learners: false,
                    by_subcommittee: 55,
                    by_quarter: 53,
                },
                Finding::QuartersDisagree {
                    learners: true,
                    by_subcommittee: 4501,
                    by_quarter: 4350,
                },
            ]
        );
        // A plan file can hold it.
        assert_eq!(Plan::from_toml(&next.to_toml()), Ok(next));
    }

    #[test]
    fn without_figures_achieved_only_the_year_changes() {
        let old = Plan::embedded();
        let next = old.next_year(2020, None);
        assert_eq!(Plan { year: 2019, ..next }, old);
    }

    #[test]
    fn the_rate_is_kept_while_the_learners_total_stays() {
        let mut old = Plan::embedded();
        // A rate the secretary rounded otherwise (4350/5550 = 78.4 % rounded up).
        old.participation_target = 0.784;
        // Everyone fell short: no target moves, so neither does the rate.
        let done = achieved(&[(1, 1); 6]);
        let next = old.next_year(2020, Some(&done));
        assert_eq!(targets(&next), targets(&old));
        assert_eq!(next.participation_target, 0.784);
        // Classes rise, learners do not: still 4350 learners, still 0.784.
        let done = achieved(&[(20, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1)]);
        let next = old.next_year(2020, Some(&done));
        assert_eq!(next.total_target().classes, 20 + 8 + 11 + 13 + 7 + 7);
        assert_eq!(next.participation_target, 0.784);
    }

    #[test]
    fn a_rate_past_100_percent_stops_at_1_and_missing_entries_keep_their_targets() {
        let old = Plan::embedded();
        // Only two entries for six sub-committees: kinh-te 8000 learners, phap-luat
        // below target; the four others keep theirs. 8000 + 750 + 700 + 850 + 800 +
        // 450 = 11,550 learners for 5550 people: 2.08…, stated as 1.
        let done = achieved(&[(8, 8000), (1, 1)]);
        let next = old.next_year(2021, Some(&done));
        assert_eq!(
            targets(&next),
            [
                (8, 8000),
                (8, 750),
                (11, 700),
                (13, 850),
                (7, 800),
                (7, 450)
            ]
        );
        assert_eq!(next.total_target().learners, 11_550);
        assert_eq!(next.participation_target, 1.0);
        assert_eq!(Plan::from_toml(&next.to_toml()), Ok(next));
    }
}
