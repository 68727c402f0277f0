//! Reading a plan file: TOML with every field required and no unknown fields, then the
//! checks serde cannot express (quarters 1–4 once each, ids unique, sane figures).

use serde::Deserialize;

use crate::labels::plan_form::MAX_SUBCOMMITTEES;

use super::error::{CriterionFault, PlanError, PlanFault};
use super::toml_error::plan_error;
use super::{Comparison, Criterion, Indicator, IndicatorKind, Plan, SubCommittee, Target};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    unit: String,
    centre: String,
    year: i32,
    population_15_plus: u32,
    participation_target: f64,
    /// The villages (thôn), for the templates' drop-down list; may be left out.
    #[serde(default)]
    villages: Vec<String>,
    /// How many villages the commune has.
    village_count: Option<u32>,
    /// Day of the following month by which a monthly report is due.
    #[serde(default = "default_deadline")]
    report_deadline_day: u32,
    /// Learners above which one class is counted with a warning.
    #[serde(default = "default_max_learners")]
    max_learners_per_class: u32,
    subcommittee: Vec<RawSubCommittee>,
    quarter: Vec<RawQuarter>,
    #[serde(default)]
    criterion: Vec<RawCriterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    number: u32,
    name: String,
    indicator: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    name: String,
    kind: String,
    op: Option<String>,
    threshold: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubCommittee {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    classes: u32,
    learners: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuarter {
    quarter: u8,
    classes: u32,
    learners: u32,
}

/// The years a plan may be for (issue 15 narrowed them from 1900–2100): one range for
/// a plan from either form, TOML or workbook, and a typed 1019 or 2109 is refused
/// rather than planned for.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A commune class is a room of people: a few hundred at most.
fn default_max_learners() -> u32 {
    300
}

fn default_deadline() -> u32 {
    5
}

pub(super) fn parse(text: &str) -> Result<Plan, PlanError> {
    let raw: RawPlan = toml::from_str(text).map_err(|e| plan_error(&e, text))?;
    check_figures(&raw, text)?;
    let subcommittees = subcommittees(raw.subcommittee)?;
    let quarters = quarters(raw.quarter)?;
    let criteria = raw
        .criterion
        .into_iter()
        .map(criterion)
        .collect::<Result<Vec<_>, _>>()?;
    let plan = Plan {
        unit: raw.unit,
        centre: raw.centre,
        year: raw.year,
        population_15_plus: raw.population_15_plus,
        participation_target: raw.participation_target,
        villages: raw.villages,
        village_count: raw.village_count,
        report_deadline_day: raw.report_deadline_day,
        max_learners_per_class: raw.max_learners_per_class,
        subcommittees,
        quarters,
        criteria,
    };
    check_aliases(&plan)?;
    Ok(plan)
}

/// The plan's own figures in their ranges, each refusal naming the field and its line
/// in `text`.
fn check_figures(raw: &RawPlan, text: &str) -> Result<(), PlanError> {
    let invalid = |key: &str, fault: PlanFault| {
        Err(PlanError::Invalid {
            line: line_of(text, key),
            key: None,
            fault,
        })
    };
    if !YEARS.contains(&raw.year) {
        return invalid("year", PlanFault::YearOutOfRange { year: raw.year });
    }
    if !(1..=28).contains(&raw.report_deadline_day) {
        let day = raw.report_deadline_day;
        return invalid("report_deadline_day", PlanFault::DeadlineOutOfRange { day });
    }
    // The participation rate is learners / population: a population of 0 makes every
    // rate a division by zero.
    if raw.population_15_plus == 0 {
        return invalid("population_15_plus", PlanFault::NoPopulation);
    }
    if !(0.0..=1.0).contains(&raw.participation_target) || raw.participation_target.is_nan() {
        let target = raw.participation_target;
        return invalid(
            "participation_target",
            PlanFault::ParticipationOutOfRange { target },
        );
    }
    // 0 would flag every class of the year as unusually large.
    if raw.max_learners_per_class == 0 {
        return invalid("max_learners_per_class", PlanFault::NoClassLimit);
    }
    Ok(())
}

/// The sub-committees, at least one, each with an id and a name, no id twice.
fn subcommittees(raw: Vec<RawSubCommittee>) -> Result<Vec<SubCommittee>, PlanError> {
    let invalid = |fault| Err(PlanError::invalid(fault));
    if raw.is_empty() {
        return invalid(PlanFault::NoSubcommittee);
    }
    // The plan form has rows for this many; a plan with more could not be written there.
    if raw.len() > MAX_SUBCOMMITTEES {
        return invalid(PlanFault::TooManySubcommittees {
            count: raw.len(),
            most: MAX_SUBCOMMITTEES,
        });
    }
    let mut subcommittees: Vec<SubCommittee> = Vec::new();
    for s in raw {
        if s.id.trim().is_empty() || s.name.trim().is_empty() {
            return invalid(PlanFault::SubcommitteeUnnamed);
        }
        if subcommittees.iter().any(|o| o.id == s.id) {
            return invalid(PlanFault::SubcommitteeTwice { id: s.id });
        }
        subcommittees.push(SubCommittee {
            id: s.id,
            name: s.name,
            aliases: s.aliases,
            target: Target {
                classes: s.classes,
                learners: s.learners,
            },
        });
    }
    Ok(subcommittees)
}

/// The targets of quarters 1 to 4, each given exactly once.
fn quarters(raw: Vec<RawQuarter>) -> Result<[Target; 4], PlanError> {
    let invalid = |fault| Err(PlanError::invalid(fault));
    let mut quarters: [Option<Target>; 4] = [None; 4];
    for q in raw {
        let Some(slot) = quarters.get_mut(usize::from(q.quarter).wrapping_sub(1)) else {
            return invalid(PlanFault::QuarterOutOfRange { quarter: q.quarter });
        };
        if slot.is_some() {
            return invalid(PlanFault::QuarterTwice { quarter: q.quarter });
        }
        *slot = Some(Target {
            classes: q.classes,
            learners: q.learners,
        });
    }
    let mut out = [Target {
        classes: 0,
        learners: 0,
    }; 4];
    for (i, q) in quarters.iter().enumerate() {
        match q {
            Some(t) => out[i] = *t,
            None => {
                return invalid(PlanFault::QuarterMissing { quarter: i + 1 });
            }
        }
    }
    Ok(out)
}

/// A criterion with every indicator well formed: a percentage needs a comparison and a
/// numeric threshold; a yes/no fact has neither.
fn criterion(raw: RawCriterion) -> Result<Criterion, PlanError> {
    let number = raw.number;
    let bad = |fault| PlanError::invalid(PlanFault::Criterion { number, fault });
    if raw.indicator.is_empty() {
        return Err(bad(CriterionFault::NoIndicator));
    }
    let mut indicators = Vec::new();
    for i in raw.indicator {
        let kind = indicator_kind(&i).map_err(bad)?;
        indicators.push(Indicator { name: i.name, kind });
    }
    Ok(Criterion {
        number,
        name: raw.name,
        indicators,
    })
}

/// A percentage needs a known comparison and a finite threshold; a yes/no fact neither.
fn indicator_kind(i: &RawIndicator) -> Result<IndicatorKind, CriterionFault> {
    let indicator = i.name.clone();
    match (i.kind.as_str(), i.op.as_deref(), i.threshold) {
        ("yes-no", None, None) => Ok(IndicatorKind::YesNo),
        ("yes-no", ..) => Err(CriterionFault::YesNoWithFigure { indicator }),
        ("percent", Some(op), Some(threshold)) if threshold.is_finite() => {
            match Comparison::parse(op) {
                Some(op) => Ok(IndicatorKind::Percent { op, threshold }),
                None => Err(CriterionFault::UnknownComparison {
                    indicator,
                    op: op.to_string(),
                }),
            }
        }
        ("percent", ..) => Err(CriterionFault::PercentWithoutFigure { indicator }),
        (other, ..) => Err(CriterionFault::UnknownKind {
            indicator,
            kind: other.to_string(),
        }),
    }
}

/// Two sub-committees sharing an alias would make matching a coin toss: refuse.
fn check_aliases(plan: &Plan) -> Result<(), PlanError> {
    let aliases = plan.folded_aliases();
    for (a, i) in &aliases {
        if let Some((_, j)) = aliases.iter().find(|(b, j)| b == a && j != i) {
            return Err(PlanError::invalid(PlanFault::AliasShared {
                alias: a.clone(),
                first: plan.subcommittees[*i].id.clone(),
                second: plan.subcommittees[*j].id.clone(),
            }));
        }
    }
    Ok(())
}

/// The line of a top-level `key = …` (before the first table), for the checks serde
/// cannot make; None when the key is left to its default.
fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .position(|l| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::DEFAULT_PLAN_TOML;

    fn err(text: &str) -> String {
        match parse(text) {
            Ok(_) => panic!("plan accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn unknown_field_is_refused_with_its_name_and_line() {
        let text = DEFAULT_PLAN_TOML.replacen("classes = 8\n", "classes = 8\nclases = 9\n", 1);
        let line = text.lines().position(|l| l.starts_with("clases")).unwrap() + 1;
        let m = err(&text);
        assert!(m.contains("clases"), "{m}");
        assert!(m.contains(&format!("dòng {line}")), "{m}");
    }

    #[test]
    fn missing_target_is_refused() {
        let text = DEFAULT_PLAN_TOML.replacen("learners = 750\n", "", 1);
        let m = err(&text);
        assert!(m.contains("learners"), "{m}");
    }

    #[test]
    fn negative_target_is_refused_with_its_line() {
        let text = DEFAULT_PLAN_TOML.replacen("classes = 11", "classes = -11", 1);
        let line = text.lines().position(|l| l == "classes = -11").unwrap() + 1;
        let m = err(&text);
        assert!(m.contains(&format!("dòng {line}")), "{m}");
    }

    #[test]
    fn missing_quarter_is_refused() {
        let text = DEFAULT_PLAN_TOML.replacen("quarter = 3\n", "quarter = 2\n", 1);
        assert!(err(&text).contains("quý 2 bị khai báo hai lần"));
    }

    #[test]
    fn a_malformed_threshold_is_refused() {
        let text = DEFAULT_PLAN_TOML.replacen(
            "op = \">=\", threshold = 47",
            "op = \"~\", threshold = 47",
            1,
        );
        assert!(err(&text).contains("tiêu chí 5"), "{}", err(&text));
        let text = DEFAULT_PLAN_TOML.replacen("op = \">=\", threshold = 47", "op = \">=\"", 1);
        assert!(err(&text).contains("cần op"));
        let text = DEFAULT_PLAN_TOML.replacen("threshold = 47", "threshold = \"47%\"", 1);
        let line = text.lines().position(|l| l.contains("\"47%\"")).unwrap() + 1;
        let m = err(&text);
        assert!(
            m.contains(&format!("dòng {line}"))
                && m.contains("47%")
                && m.contains("phải là một số"),
            "{m}"
        );
    }

    #[test]
    fn alias_shared_by_two_subcommittees_is_refused() {
        let text = DEFAULT_PLAN_TOML.replacen("\"PL\"", "\"PTKT\"", 1);
        assert!(err(&text).contains("ptkt"));
    }

    #[test]
    fn a_target_past_u32_is_refused_with_its_field_and_line() {
        // 4,294,967,296 = u32::MAX + 1: one more than a target can hold. Cut to 32 bits
        // it would read as 0, wrapped.
        let text = DEFAULT_PLAN_TOML.replacen("learners = 750", "learners = 4294967296", 1);
        let line = text
            .lines()
            .position(|l| l == "learners = 4294967296")
            .unwrap()
            + 1;
        assert_eq!(
            err(&text),
            format!(
                "dòng {line}: mục learners: giá trị 4294967296 quá lớn: lớn nhất là 4294967295"
            )
        );
        // u32::MAX itself is a target (absurd, but it adds up without wrapping).
        let text = DEFAULT_PLAN_TOML.replacen("learners = 750", "learners = 4294967295", 1);
        let plan = parse(&text).unwrap();
        assert_eq!(plan.subcommittees[1].target.learners, u32::MAX);
        // 800 + 4,294,967,295 + 700 + 850 + 800 + 450 = 4,294,970,895.
        assert_eq!(plan.total_target().learners, 4_294_970_895);
        // A quarter number past a u8 (255).
        let text = DEFAULT_PLAN_TOML.replacen("quarter = 4", "quarter = 260", 1);
        let line = text.lines().position(|l| l == "quarter = 260").unwrap() + 1;
        assert_eq!(
            err(&text),
            format!("dòng {line}: mục quarter: giá trị 260 quá lớn: lớn nhất là 255")
        );
    }

    #[test]
    fn a_population_of_zero_and_a_class_limit_of_zero_are_refused_with_their_lines() {
        let text =
            DEFAULT_PLAN_TOML.replacen("population_15_plus = 5550", "population_15_plus = 0", 1);
        let line = text
            .lines()
            .position(|l| l == "population_15_plus = 0")
            .unwrap()
            + 1;
        let m = err(&text);
        assert!(
            m.starts_with(&format!(
                "dòng {line}: dân số từ 15 tuổi trở lên (population_15_plus) là 0"
            )),
            "{m}"
        );
        assert!(m.contains("participation_target"), "{m}");
        // A class limit of 0 would flag every class of the year: refused on its line.
        let text = DEFAULT_PLAN_TOML.replacen(
            "max_learners_per_class = 300",
            "max_learners_per_class = 0",
            1,
        );
        let line = text
            .lines()
            .position(|l| l == "max_learners_per_class = 0")
            .unwrap()
            + 1;
        assert_eq!(
            err(&text),
            format!(
                "dòng {line}: số học viên tối đa một lớp (max_learners_per_class) phải lớn hơn 0"
            )
        );
    }

    #[test]
    fn a_year_outside_2000_to_2100_is_refused_with_its_line() {
        let line = DEFAULT_PLAN_TOML
            .lines()
            .position(|l| l == "year = 2019")
            .unwrap()
            + 1;
        for year in [1999, 2101, 1900] {
            let text = DEFAULT_PLAN_TOML.replacen("year = 2019", &format!("year = {year}"), 1);
            assert_eq!(
                err(&text),
                format!(
                    "dòng {line}: năm kế hoạch (year) {year} không hợp lệ: phải từ 2000 đến 2100"
                )
            );
        }
        for year in [2000, 2100] {
            let text = DEFAULT_PLAN_TOML.replacen("year = 2019", &format!("year = {year}"), 1);
            assert_eq!(parse(&text).unwrap().year, year);
        }
    }

    #[test]
    fn more_than_20_subcommittees_are_refused() {
        // The six of the seed plan and 14 more make 20, the most the plan form holds.
        let more = |n: usize| {
            let extra: String = (1..=n)
                .map(|i| {
                    format!(
                        "[[subcommittee]]\nid = \"them-{i}\"\nname = \"Tiểu ban thêm {i}\"\n\
                         classes = 1\nlearners = 1\n\n"
                    )
                })
                .collect();
            DEFAULT_PLAN_TOML.replacen("[[quarter]]", &format!("{extra}[[quarter]]"), 1)
        };
        assert_eq!(parse(&more(14)).unwrap().subcommittees.len(), 20);
        assert_eq!(
            err(&more(15)),
            "kế hoạch có 21 tiểu ban ([[subcommittee]]), nhiều nhất là 20 (số dòng của mẫu kế hoạch)"
        );
    }
}
