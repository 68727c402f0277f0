//! The criteria review: each indicator's entered figure against its threshold, each
//! criterion met when all its indicators are, and the indicators the tool computes
//! from the classes themselves shown beside them.

use serde::Serialize;

use crate::classes::{ClassRow, CriterionEntry, EntryValue};
use crate::plan::{Comparison, IndicatorKind, Plan};
use crate::text::match_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorStatus {
    Met,
    NotMet,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionStatus {
    Met,
    NotMet,
    Incomplete,
}

/// An indicator's result.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    pub name: String,
    pub kind: IndicatorKind,
    /// In percent for percentages; 100 / 0 for yes / no; None when missing.
    pub value: Option<f64>,
    pub status: IndicatorStatus,
    /// value − threshold, in percentage points (percentages only).
    pub margin: Option<f64>,
    pub evidence: Option<bool>,
    pub figure_source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    pub number: u32,
    pub name: String,
    pub status: CriterionStatus,
    pub indicators: Vec<IndicatorResult>,
}

/// Evaluates every criterion of the plan with the entries read (the first entry for an
/// indicator counts; later ones are duplicates, dropped by the pipeline).
pub fn evaluate(plan: &Plan, entries: &[CriterionEntry]) -> Vec<CriterionResult> {
    plan.criteria
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let indicators: Vec<IndicatorResult> = c
                .indicators
                .iter()
                .enumerate()
                .map(|(ii, ind)| {
                    let entry = entries
                        .iter()
                        .find(|e| e.criterion == ci && e.indicator == ii);
                    judge(&ind.name, ind.kind, entry)
                })
                .collect();
            let status = if indicators
                .iter()
                .any(|i| i.status == IndicatorStatus::NotMet)
            {
                CriterionStatus::NotMet
            } else if indicators
                .iter()
                .any(|i| i.status == IndicatorStatus::Missing)
            {
                CriterionStatus::Incomplete
            } else {
                CriterionStatus::Met
            };
            CriterionResult {
                number: c.number,
                name: c.name.clone(),
                status,
                indicators,
            }
        })
        .collect()
}

fn judge(name: &str, kind: IndicatorKind, entry: Option<&CriterionEntry>) -> IndicatorResult {
    let value = entry.and_then(|e| e.value);
    let (value, status, margin) = match (kind, value) {
        (_, None) => (None, IndicatorStatus::Missing, None),
        (IndicatorKind::Percent { op, threshold }, Some(v)) => match v.percent() {
            Some(p) => {
                let met = op.holds(p, threshold);
                (
                    Some(p),
                    if met {
                        IndicatorStatus::Met
                    } else {
                        IndicatorStatus::NotMet
                    },
                    Some(p - threshold),
                )
            }
            None => (None, IndicatorStatus::Missing, None),
        },
        (IndicatorKind::YesNo, Some(EntryValue::YesNo(b))) => (
            Some(if b { 100.0 } else { 0.0 }),
            if b {
                IndicatorStatus::Met
            } else {
                IndicatorStatus::NotMet
            },
            None,
        ),
        (IndicatorKind::YesNo, Some(v)) => match v.percent() {
            Some(p) => (
                Some(p),
                if p >= 100.0 {
                    IndicatorStatus::Met
                } else {
                    IndicatorStatus::NotMet
                },
                None,
            ),
            None => (None, IndicatorStatus::Missing, None),
        },
    };
    IndicatorResult {
        name: name.to_string(),
        kind,
        value,
        status,
        margin,
        evidence: entry.and_then(|e| e.evidence),
        figure_source: entry.map(|e| e.figure_source.clone()).unwrap_or_default(),
    }
}

/// Indicators the tool works out from the classes, for the review.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// Learners / population aged 15+, in percent, and the plan's rate in percent.
    pub participation: (f64, f64),
    /// Women among learners where Nam/Nữ or "Trong đó nữ" were reported: (women, of
    /// learners), or None when no class reported it.
    pub women: Option<(u64, u64)>,
    /// Villages with at least one class, and the plan's number of villages if known.
    pub villages_reached: (usize, Option<u32>),
}

pub fn computed(plan: &Plan, classes: &[ClassRow]) -> Computed {
    let learners: u64 = classes.iter().map(|c| u64::from(c.learners)).sum();
    let with_women: Vec<&ClassRow> = classes.iter().filter(|c| c.female.is_some()).collect();
    let women = (!with_women.is_empty()).then(|| {
        (
            with_women
                .iter()
                .filter_map(|c| c.female)
                .map(u64::from)
                .sum(),
            with_women.iter().map(|c| u64::from(c.learners)).sum(),
        )
    });
    // Villages are typed the same way over and over: key each spelling once.
    let spellings: std::collections::HashSet<&str> =
        classes.iter().map(|c| c.village.as_str()).collect();
    let mut villages: Vec<String> = spellings
        .into_iter()
        .map(match_key)
        .filter(|v| !v.is_empty())
        .collect();
    villages.sort();
    villages.dedup();
    let known = plan
        .village_count
        .or_else(|| (!plan.villages.is_empty()).then_some(plan.villages.len() as u32));
    Computed {
        participation: (
            learners as f64 / f64::from(plan.population_15_plus) * 100.0,
            plan.participation_target * 100.0,
        ),
        women,
        villages_reached: (villages.len(), known),
    }
}

/// Words for a comparison's outcome: "48 % ≥ 47 %: đạt, vượt 1 điểm".
pub fn margin_text(r: &IndicatorResult, lang: crate::labels::Lang) -> String {
    use crate::labels::Lang;
    let (IndicatorKind::Percent { op, threshold }, Some(v), Some(m)) = (r.kind, r.value, r.margin)
    else {
        return String::new();
    };
    let num = |x: f64| {
        let s = format!("{:.1}", x.abs());
        let s = s.trim_end_matches(".0").to_string();
        if lang == Lang::Vi {
            s.replace('.', ",")
        } else {
            s
        }
    };
    let met = r.status == IndicatorStatus::Met;
    let shown_op = if met { op.symbol() } else { negate(op) };
    let head = format!("{} % {shown_op} {} %", num(v), num(threshold));
    let tail = crate::labels::criteria::margin(margin_kind(met, op, m), &num(m), lang);
    format!("{head}: {tail}")
}

/// Which words say how far a figure is from its threshold (`margin` is signed: the
/// points by which the figure beats it).
fn margin_kind(met: bool, op: Comparison, margin: f64) -> crate::labels::criteria::Margin {
    use crate::labels::criteria::Margin;
    match (met, op) {
        (true, Comparison::AtLeast | Comparison::MoreThan) => Margin::Above,
        (true, Comparison::AtMost | Comparison::LessThan) => Margin::Below,
        (true, Comparison::Equal) => Margin::Exactly,
        (false, Comparison::MoreThan) if margin == 0.0 => Margin::MustExceed,
        (false, Comparison::LessThan) if margin == 0.0 => Margin::MustBeBelow,
        (false, Comparison::AtLeast | Comparison::MoreThan | Comparison::Equal)
            if margin <= 0.0 =>
        {
            Margin::Short
        }
        (false, _) => Margin::Over,
    }
}

fn negate(op: Comparison) -> &'static str {
    match op {
        Comparison::AtLeast => "<",
        Comparison::MoreThan => "≤",
        Comparison::AtMost => ">",
        Comparison::LessThan => "≥",
        Comparison::Equal => "≠",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::Source;
    use crate::labels::Lang;

    fn entry(criterion: usize, indicator: usize, value: Option<EntryValue>) -> CriterionEntry {
        CriterionEntry {
            criterion,
            indicator,
            value,
            figure_source: String::new(),
            evidence: None,
            source: Source {
                file: "tc.xlsx".into(),
                sheet: "TC".into(),
                row: 2,
                cell: "C2".into(),
            },
        }
    }

    fn status(kind: IndicatorKind, v: f64) -> IndicatorStatus {
        judge("x", kind, Some(&entry(0, 0, Some(EntryValue::Percent(v))))).status
    }

    #[test]
    fn every_operator_at_just_above_and_just_below_its_threshold() {
        use Comparison::*;
        use IndicatorStatus::{Met, NotMet};
        let k = |op| IndicatorKind::Percent {
            op,
            threshold: 47.0,
        };
        // (op, below, at, above)
        let table = [
            (AtLeast, NotMet, Met, Met),
            (MoreThan, NotMet, NotMet, Met),
            (AtMost, Met, Met, NotMet),
            (LessThan, Met, NotMet, NotMet),
            (Equal, NotMet, Met, NotMet),
        ];
        for (op, below, at, above) in table {
            assert_eq!(status(k(op), 46.9), below, "{op:?} below");
            assert_eq!(status(k(op), 47.0), at, "{op:?} at");
            assert_eq!(status(k(op), 47.1), above, "{op:?} above");
        }
    }

    #[test]
    fn fractions_yes_no_missing_and_criteria() {
        let plan = Plan::embedded();
        // Criterion 9: learning families 1,530 / 1,760 = 86.93 % > 85 % (met); clans
        // 12 / 30 = 40 %, not > 40 % (not met); third indicator missing → not met.
        // Criterion 1: yes → met. Criterion 5: nothing → incomplete.
        let entries = vec![
            entry(
                8,
                0,
                Some(EntryValue::Fraction {
                    numerator: 1530.0,
                    denominator: 1760.0,
                }),
            ),
            entry(
                8,
                1,
                Some(EntryValue::Fraction {
                    numerator: 12.0,
                    denominator: 30.0,
                }),
            ),
            entry(0, 0, Some(EntryValue::YesNo(true))),
        ];
        let r = evaluate(&plan, &entries);
        assert_eq!(r.len(), 15);
        assert_eq!(r[8].indicators[0].status, IndicatorStatus::Met);
        assert!((r[8].indicators[0].value.unwrap() - 86.93181818).abs() < 1e-6);
        assert_eq!(r[8].indicators[1].status, IndicatorStatus::NotMet);
        assert_eq!(r[8].indicators[2].status, IndicatorStatus::Missing);
        assert_eq!(r[8].status, CriterionStatus::NotMet);
        assert_eq!(r[0].status, CriterionStatus::Met);
        assert_eq!(r[4].status, CriterionStatus::Incomplete);
    }

    #[test]
    fn margins_in_words() {
        let r = judge(
            "Trẻ dưới 3 tuổi đến nhà trẻ",
            IndicatorKind::Percent {
                op: Comparison::AtLeast,
                threshold: 47.0,
            },
            Some(&entry(4, 0, Some(EntryValue::Percent(48.0)))),
        );
        assert_eq!(margin_text(&r, Lang::Vi), "48 % ≥ 47 %: đạt, vượt 1 điểm");
        let r = judge(
            "x",
            IndicatorKind::Percent {
                op: Comparison::AtLeast,
                threshold: 86.0,
            },
            Some(&entry(0, 0, Some(EntryValue::Percent(84.5)))),
        );
        assert_eq!(
            margin_text(&r, Lang::Vi),
            "84,5 % < 86 %: chưa đạt, thiếu 1,5 điểm"
        );
        let r = judge(
            "x",
            IndicatorKind::Percent {
                op: Comparison::LessThan,
                threshold: 20.0,
            },
            Some(&entry(0, 0, Some(EntryValue::Percent(15.0)))),
        );
        assert_eq!(
            margin_text(&r, Lang::Vi),
            "15 % < 20 %: đạt, dưới ngưỡng 5 điểm"
        );
        let more = IndicatorKind::Percent {
            op: Comparison::MoreThan,
            threshold: 40.0,
        };
        let twelve_of_thirty = EntryValue::Fraction {
            numerator: 12.0,
            denominator: 30.0,
        };
        let r = judge("x", more, Some(&entry(0, 0, Some(twelve_of_thirty))));
        assert_eq!(
            margin_text(&r, Lang::Vi),
            "40 % ≤ 40 %: chưa đạt, phải vượt ngưỡng"
        );
    }
}
