//! Registrations against the plan: how many classes and learners each sub-committee and
//! each quarter registered, beside the plan's targets, and every gap stated.

use crate::classes::PlannedClass;
use crate::plan::{Plan, Target};

/// Registered classes and learners.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Registered {
    pub classes: u64,
    pub learners: u64,
}

impl Registered {
    fn add(&mut self, c: &PlannedClass) {
        self.classes += 1;
        self.learners += u64::from(c.learners);
    }
}

/// What a gap is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Index into the plan's sub-committees.
    SubCommittee(usize),
    /// 1–4.
    Quarter(u32),
}

/// A registration figure that differs from the plan's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub scope: Scope,
    pub what: Measure,
    pub registered: u64,
    pub target: u64,
}

impl Gap {
    /// "Tiểu ban pháp luật đăng ký 6 lớp, kế hoạch 8 lớp" (the words are in `labels`).
    pub fn message(&self, plan: &crate::plan::Plan, lang: crate::labels::Lang) -> String {
        use crate::labels::{gap_words, roman, sheet};
        let who = match self.scope {
            Scope::SubCommittee(i) => plan
                .subcommittees
                .get(i)
                .map_or(String::new(), |s| s.name.clone()),
            Scope::Quarter(q) => format!("{} {}", sheet::QUARTER.get(lang), roman(q)),
        };
        let classes = matches!(self.what, Measure::Classes);
        gap_words(&who, classes, self.registered, self.target, lang)
    }
}

/// Classes or learners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Classes,
    Learners,
}

/// The registrations of the whole folder against the plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegistrationCheck {
    /// In plan order.
    pub by_subcommittee: Vec<(Target, Registered)>,
    /// Quarters 1–4.
    pub by_quarter: Vec<(Target, Registered)>,
}

impl RegistrationCheck {
    /// Every figure that is not what the plan says: sub-committees first, then quarters.
    pub fn gaps(&self) -> Vec<Gap> {
        let scopes = self
            .by_subcommittee
            .iter()
            .enumerate()
            .map(|(i, tr)| (Scope::SubCommittee(i), tr))
            .chain(
                self.by_quarter
                    .iter()
                    .enumerate()
                    .map(|(i, tr)| (Scope::Quarter(i as u32 + 1), tr)),
            );
        let mut gaps = Vec::new();
        for (scope, (target, reg)) in scopes {
            for (what, registered, target) in [
                (Measure::Classes, reg.classes, u64::from(target.classes)),
                (Measure::Learners, reg.learners, u64::from(target.learners)),
            ] {
                if registered != target {
                    gaps.push(Gap {
                        scope,
                        what,
                        registered,
                        target,
                    });
                }
            }
        }
        gaps
    }
}

/// Adds up the registrations per sub-committee and per quarter.
pub fn check(plan: &Plan, planned: &[PlannedClass]) -> RegistrationCheck {
    let mut by_sub = vec![Registered::default(); plan.subcommittees.len()];
    let mut by_quarter = [Registered::default(); 4];
    for c in planned {
        if let Some(r) = by_sub.get_mut(c.subcommittee) {
            r.add(c);
        }
        if let Some(r) = by_quarter.get_mut((c.quarter as usize).wrapping_sub(1)) {
            r.add(c);
        }
    }
    RegistrationCheck {
        by_subcommittee: plan
            .subcommittees
            .iter()
            .map(|s| s.target)
            .zip(by_sub)
            .collect(),
        by_quarter: plan.quarters.iter().copied().zip(by_quarter).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::Source;

    fn planned(sub: usize, quarter: u32, learners: u32) -> PlannedClass {
        PlannedClass {
            subcommittee: sub,
            topic: "Lớp".into(),
            month: None,
            quarter,
            village: String::new(),
            learners,
            responsible: String::new(),
            partner: String::new(),
            note: String::new(),
            source: Source {
                file: "dk.xlsx".into(),
                sheet: "DK".into(),
                row: 2,
                cell: "B2".into(),
            },
        }
    }

    #[test]
    fn gaps_against_the_plan() {
        let plan = Plan::embedded();
        // kinh-te: 8 classes of 100 = 8 / 800, as planned. phap-luat: 6 classes of 125 =
        // 6 / 750: two classes short, learners as planned. Quarters: kinh-te in Q1 (8 /
        // 800), phap-luat in Q2 (6 / 750).
        let mut cs: Vec<_> = (0..8).map(|_| planned(0, 1, 100)).collect();
        cs.extend((0..6).map(|_| planned(1, 2, 125)));
        let r = check(&plan, &cs);
        assert_eq!(
            r.by_subcommittee[1].1,
            Registered {
                classes: 6,
                learners: 750
            }
        );
        let gaps = r.gaps();
        let sub_gaps: Vec<_> = gaps
            .iter()
            .filter(|g| matches!(g.scope, Scope::SubCommittee(_)))
            .collect();
        // phap-luat classes 6 ≠ 8; van-hoa-xa-hoi, suc-khoe, moi-truong, khac: nothing
        // registered, 2 gaps each → 1 + 8 = 9.
        assert_eq!(sub_gaps.len(), 9);
        assert_eq!(
            *sub_gaps[0],
            Gap {
                scope: Scope::SubCommittee(1),
                what: Measure::Classes,
                registered: 6,
                target: 8
            }
        );
        // Q1: 8 / 800 against 13 / 1000; Q2: 6 / 750 against 14 / 1200; Q3, Q4 empty.
        let q: Vec<_> = gaps
            .iter()
            .filter(|g| matches!(g.scope, Scope::Quarter(_)))
            .map(|g| (g.registered, g.target))
            .collect();
        assert_eq!(
            q,
            vec![
                (8, 13),
                (800, 1000),
                (6, 14),
                (750, 1200),
                (0, 13),
                (0, 1100),
                (0, 13),
                (0, 1050)
            ]
        );
    }
}
