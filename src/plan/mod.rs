//! The yearly plan as data: the unit, the year, and the targets each sub-committee and
//! each quarter must reach. Loaded from TOML (`templates/plan-2019.toml` is embedded as
//! the default) and validated once, so the rest of the pipeline can trust it.

mod error;
mod export;
mod form_error;
mod load;
mod next;
mod toml_error;

pub use error::{CriterionFault, Place, PlanError, PlanFault, SyntaxMistake};
pub use export::{to_toml, to_toml_in};
pub use form_error::{FormError, FormFault};

use serde::Serialize;

use crate::text::fold;

/// The plan embedded in the binary: the 2019 plan of Hồng Thái Tây commune.
pub const DEFAULT_PLAN_TOML: &str = include_str!("../../templates/plan-2019.toml");

/// Where a run's plan came from, for the JSON and the Nguồn sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PlanSource {
    /// The plan built into the tool (the 2019 plan of Hồng Thái Tây).
    #[default]
    Embedded,
    /// A file named on the command line (`--plan`), as given.
    File(String),
    /// The plan form found in the folder: its path relative to the folder,
    /// `/`-separated, as the Nguồn sheet lists it.
    InFolder(String),
}

impl PlanSource {
    /// `embedded`, or the file's path (relative to the folder when found there).
    pub fn describe(&self) -> &str {
        match self {
            PlanSource::Embedded => "embedded",
            PlanSource::File(p) | PlanSource::InFolder(p) => p,
        }
    }
}

/// A yearly target: how many classes and how many learner-attendances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Target {
    pub classes: u32,
    pub learners: u32,
}

/// Targets added up: in u64, so that no plan's targets (each up to u32::MAX) can wrap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TargetSum {
    pub classes: u64,
    pub learners: u64,
}

impl TargetSum {
    fn sum<'a>(targets: impl Iterator<Item = &'a Target>) -> TargetSum {
        targets.fold(TargetSum::default(), |acc, t| TargetSum {
            classes: acc.classes + u64::from(t.classes),
            learners: acc.learners + u64::from(t.learners),
        })
    }
}

/// One sub-committee (tiểu ban) of the centre.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SubCommittee {
    /// Stable id used in the JSON and on the command line, e.g. `kinh-te`.
    pub id: String,
    /// Vietnamese name as the plan writes it.
    pub name: String,
    /// Other names, as written in the plan file.
    pub aliases: Vec<String>,
    pub target: Target,
}

/// How an indicator's value is compared with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Comparison {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Equal,
}

impl Comparison {
    /// "≥", ">", "≤", "<", "=".
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::MoreThan => ">",
            Comparison::AtMost => "≤",
            Comparison::LessThan => "<",
            Comparison::Equal => "=",
        }
    }

    /// The operator as the plan file and the JSON write it.
    pub fn ascii(self) -> &'static str {
        match self {
            Comparison::AtLeast => ">=",
            Comparison::MoreThan => ">",
            Comparison::AtMost => "<=",
            Comparison::LessThan => "<",
            Comparison::Equal => "=",
        }
    }

    pub fn parse(s: &str) -> Option<Comparison> {
        Some(match s.trim() {
            ">=" | "≥" => Comparison::AtLeast,
            ">" => Comparison::MoreThan,
            "<=" | "≤" => Comparison::AtMost,
            "<" => Comparison::LessThan,
            "=" | "==" => Comparison::Equal,
            _ => return None,
        })
    }

    /// Whether `value` meets `threshold`.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Comparison::AtLeast => value >= threshold,
            Comparison::MoreThan => value > threshold,
            Comparison::AtMost => value <= threshold,
            Comparison::LessThan => value < threshold,
            Comparison::Equal => value == threshold,
        }
    }
}

/// What an indicator of a criterion measures.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum IndicatorKind {
    /// A percentage compared with a threshold (in percent: 47 for 47 %).
    Percent { op: Comparison, threshold: f64 },
    /// A fact that holds or not (the plan marks it "Đã đạt" without a figure).
    YesNo,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    pub name: String,
    pub kind: IndicatorKind,
}

/// One of the criteria of a learning-society commune.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Criterion {
    pub number: u32,
    pub name: String,
    pub indicators: Vec<Indicator>,
}

/// The validated plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    /// The administrative unit, e.g. "Xã Hồng Thái Tây".
    pub unit: String,
    /// The centre's full name, used in report titles.
    pub centre: String,
    pub year: i32,
    pub population_15_plus: u32,
    /// Planned learners / population aged 15+, as a fraction (0.783 for 78.3 %).
    pub participation_target: f64,
    /// Names of the villages (thôn), when the plan lists them (for drop-down lists).
    pub villages: Vec<String>,
    /// How many villages the commune has ("08 thôn"), when the plan says.
    pub village_count: Option<u32>,
    /// Day of the following month by which a monthly report is due (5 by default).
    pub report_deadline_day: u32,
    /// Learners above which one class is counted with a warning (300 by default); a
    /// class with more learners than `population_15_plus` is refused outright.
    pub max_learners_per_class: u32,
    /// In plan order.
    pub subcommittees: Vec<SubCommittee>,
    /// Quarters 1 to 4, in order.
    pub quarters: [Target; 4],
    /// The criteria, in the plan's order (may be empty for a plan that lists none).
    pub criteria: Vec<Criterion>,
}

impl Plan {
    /// The embedded default plan.
    pub fn embedded() -> Plan {
        // The embedded file is checked by a unit test; failing here would be a build defect.
        Plan::from_toml(DEFAULT_PLAN_TOML).unwrap_or_else(|e| panic!("embedded plan: {e}"))
    }

    /// Parses and validates a plan file's text.
    pub fn from_toml(text: &str) -> Result<Plan, PlanError> {
        load::parse(text)
    }

    /// The plan as a plan file that [`Plan::from_toml`] reads back to this very plan
    /// (Vietnamese comments; [`to_toml_in`] for another language).
    pub fn to_toml(&self) -> String {
        export::to_toml(self)
    }

    /// Sum of the quarter targets.
    pub fn quarters_total(&self) -> TargetSum {
        TargetSum::sum(self.quarters.iter())
    }

    /// Sum of the sub-committee targets.
    pub fn total_target(&self) -> TargetSum {
        TargetSum::sum(self.subcommittees.iter().map(|s| &s.target))
    }

    /// Every name a sub-committee is known by, folded for matching, with its index.
    /// The id (dashes as spaces) and the full name count as aliases too.
    pub fn folded_aliases(&self) -> Vec<(String, usize)> {
        fold_names(self.subcommittees.iter().enumerate().flat_map(|(i, s)| {
            std::iter::once(s.id.as_str())
                .chain(std::iter::once(s.name.as_str()))
                .chain(s.aliases.iter().map(String::as_str))
                .map(move |n| (i, n))
        }))
    }
}

/// Names of sub-committees, each with the sub-committee's index, folded (by
/// `text::fold`): each (name, index) once, the empty ones left out, in the order given.
pub(crate) fn fold_names<'a>(
    names: impl IntoIterator<Item = (usize, &'a str)>,
) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, n) in names {
        let f = fold(n);
        if !f.is_empty() && !out.iter().any(|(a, j)| *a == f && *j == i) {
            out.push((f, i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_plan_has_the_seed_targets() {
        let plan = Plan::embedded();
        assert_eq!(plan.unit, "Xã Hồng Thái Tây");
        assert_eq!(plan.year, 2019);
        assert_eq!(plan.population_15_plus, 5550);
        let ids: Vec<_> = plan.subcommittees.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "kinh-te",
                "phap-luat",
                "van-hoa-xa-hoi",
                "suc-khoe",
                "moi-truong",
                "khac"
            ]
        );
        let targets: Vec<_> = plan
            .subcommittees
            .iter()
            .map(|s| (s.target.classes, s.target.learners))
            .collect();
        assert_eq!(
            targets,
            [(8, 800), (8, 750), (11, 700), (13, 850), (7, 800), (7, 450)]
        );
        // 8+8+11+13+7+7 = 54 classes; 800+750+700+850+800+450 = 4350 learners.
        assert_eq!(
            plan.total_target(),
            TargetSum {
                classes: 54,
                learners: 4350
            }
        );
    }

    #[test]
    fn embedded_plan_has_the_seed_quarters() {
        let plan = Plan::embedded();
        let q: Vec<_> = plan
            .quarters
            .iter()
            .map(|t| (t.classes, t.learners))
            .collect();
        assert_eq!(q, [(13, 1000), (14, 1200), (13, 1100), (13, 1050)]);
        // 13 + 14 + 13 + 13 = 53 classes; 1000 + 1200 + 1100 + 1050 = 4350 learners.
        assert_eq!(
            plan.quarters_total(),
            TargetSum {
                classes: 53,
                learners: 4350
            }
        );
    }

    #[test]
    fn embedded_plan_has_the_seed_criteria() {
        let plan = Plan::embedded();
        assert_eq!(plan.criteria.len(), 15);
        let c5 = &plan.criteria[4];
        assert_eq!(c5.number, 5);
        assert_eq!(
            c5.indicators[0].kind,
            IndicatorKind::Percent {
                op: Comparison::AtLeast,
                threshold: 47.0
            }
        );
        assert_eq!(
            plan.criteria[13].indicators[1].kind,
            IndicatorKind::Percent {
                op: Comparison::LessThan,
                threshold: 20.0
            }
        );
        assert_eq!(plan.criteria[0].indicators[0].kind, IndicatorKind::YesNo);
    }
}
