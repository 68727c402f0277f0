//! The plan checks itself before anyone files it: do the sub-committee targets add up
//! to the quarter targets, does the participation target follow from the planned
//! learners and the population, are the criteria's thresholds percentages?

use crate::plan::{IndicatorKind, Plan};

/// Something in the plan that does not add up.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The sub-committees' targets and the quarters' targets differ.
    QuartersDisagree {
        learners: bool,
        by_subcommittee: u64,
        by_quarter: u64,
    },
    /// The stated participation rate is not planned learners / population aged 15+.
    ParticipationDisagrees {
        learners: u64,
        population: u32,
        stated: f64,
    },
    /// A threshold outside 0–100 %.
    ThresholdOutOfRange {
        criterion: u32,
        indicator: String,
        threshold: f64,
    },
}

impl Finding {
    /// The finding in words (the words are in `labels::plan_check`).
    pub fn message(&self, lang: crate::labels::Lang) -> String {
        use crate::labels::plan_check as w;
        match self {
            Finding::QuartersDisagree {
                learners,
                by_subcommittee,
                by_quarter,
            } => w::quarters_disagree(*learners, *by_subcommittee, *by_quarter, lang),
            Finding::ParticipationDisagrees {
                learners,
                population,
                stated,
            } => w::participation_disagrees(*learners, *population, *stated, lang),
            Finding::ThresholdOutOfRange {
                criterion,
                indicator,
                threshold,
            } => w::threshold_out_of_range(*criterion, indicator, *threshold, lang),
        }
    }
}

/// A stated rate may differ from the computed one by its rounding to 0.1 % (the 2019
/// plan writes 4350 / 5550 = 78.38 % as "78,3 %").
pub const RATE_TOLERANCE: f64 = 0.001;

/// Every finding, in a stable order.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let (subs, quarters) = (plan.total_target(), plan.quarters_total());
    if subs.classes != quarters.classes {
        out.push(Finding::QuartersDisagree {
            learners: false,
            by_subcommittee: subs.classes,
            by_quarter: quarters.classes,
        });
    }
    if subs.learners != quarters.learners {
        out.push(Finding::QuartersDisagree {
            learners: true,
            by_subcommittee: subs.learners,
            by_quarter: quarters.learners,
        });
    }
    let computed = subs.learners as f64 / f64::from(plan.population_15_plus);
    if (computed - plan.participation_target).abs() > RATE_TOLERANCE {
        out.push(Finding::ParticipationDisagrees {
            learners: subs.learners,
            population: plan.population_15_plus,
            stated: plan.participation_target,
        });
    }
    for c in &plan.criteria {
        for i in &c.indicators {
            if let IndicatorKind::Percent { threshold, .. } = i.kind
                && !(0.0..=100.0).contains(&threshold)
            {
                out.push(Finding::ThresholdOutOfRange {
                    criterion: c.number,
                    indicator: i.name.clone(),
                    threshold,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::DEFAULT_PLAN_TOML;

    #[test]
    fn the_2019_plan_has_53_classes_by_quarter_and_54_by_subcommittee() {
        // 8+8+11+13+7+7 = 54; 13+14+13+13 = 53. Learners agree (4350 both ways), and
        // 4350 / 5550 = 0.78378 is within rounding of the stated 0.783.
        assert_eq!(
            check(&Plan::embedded()),
            vec![Finding::QuartersDisagree {
                learners: false,
                by_subcommittee: 54,
                by_quarter: 53
            }]
        );
    }

    #[test]
    fn a_consistent_plan_has_no_finding() {
        let text =
            DEFAULT_PLAN_TOML.replacen("quarter = 2\nclasses = 14", "quarter = 2\nclasses = 15", 1);
        assert_eq!(check(&Plan::from_toml(&text).unwrap()), vec![]);
    }

    #[test]
    fn participation_and_thresholds() {
        let text = DEFAULT_PLAN_TOML
            .replacen("quarter = 2\nclasses = 14", "quarter = 2\nclasses = 15", 1)
            .replacen(
                "participation_target = 0.783",
                "participation_target = 0.8",
                1,
            )
            .replacen("threshold = 47", "threshold = 147", 1);
        let f = check(&Plan::from_toml(&text).unwrap());
        assert_eq!(
            f,
            vec![
                Finding::ParticipationDisagrees {
                    learners: 4350,
                    population: 5550,
                    stated: 0.8
                },
                Finding::ThresholdOutOfRange {
                    criterion: 5,
                    indicator: "Trẻ dưới 3 tuổi đến nhà trẻ".into(),
                    threshold: 147.0
                },
            ]
        );
    }

    #[test]
    fn targets_near_u32_max_add_up_without_wrapping() {
        // Every target at u32::MAX = 4,294,967,295: six sub-committees add up to
        // 6 × 4,294,967,295 = 25,769,803,770, four quarters to 17,179,869,180 — both past
        // 2^32, where a u32 sum would wrap (or panic in a debug build).
        let mut plan = Plan::embedded();
        let max = crate::plan::Target {
            classes: u32::MAX,
            learners: u32::MAX,
        };
        plan.subcommittees.iter_mut().for_each(|s| s.target = max);
        plan.quarters.iter_mut().for_each(|q| *q = max);
        plan.population_15_plus = u32::MAX;
        let f = check(&plan);
        // Participation: 25,769,803,770 planned learners / 4,294,967,295 people = 6.0,
        // not the stated 0.783. Summed in a u32 the learners would have wrapped to
        // 25,769,803,770 mod 2^32 = 4,294,967,290.
        assert_eq!(
            f.get(2),
            Some(&Finding::ParticipationDisagrees {
                learners: 25_769_803_770,
                population: u32::MAX,
                stated: 0.783
            })
        );
        assert_eq!(
            f.get(..2),
            Some(
                &[
                    Finding::QuartersDisagree {
                        learners: false,
                        by_subcommittee: 25_769_803_770,
                        by_quarter: 17_179_869_180
                    },
                    Finding::QuartersDisagree {
                        learners: true,
                        by_subcommittee: 25_769_803_770,
                        by_quarter: 17_179_869_180
                    }
                ][..]
            )
        );
    }
}
