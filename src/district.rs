//! The district office's view: many communes, each consolidated on its own against its
//! own plan (repeats are looked for within a commune only), side by side. The runner is
//! `pipeline::district`; the workbook `report::district`; the JSON `report::json`.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::consolidation::Consolidation;
use crate::plan::Plan;
use crate::text::fold;

/// Every commune of a district run, in folder order.
#[derive(Debug, Clone)]
pub struct District {
    /// The folder of commune folders.
    pub folder: PathBuf,
    /// The district's name for the workbook's heading ("Đông Triều"): no plan holds
    /// it. None leaves a line to fill in ("UBND HUYỆN ……").
    pub name: Option<String>,
    /// The date asked for (`--as-of`); None: each commune's plan year's end.
    pub as_of: Option<NaiveDate>,
    pub communes: Vec<Commune>,
    /// Files standing in FOLDER itself, outside every commune folder: not read (whose
    /// plan would they be counted against?), listed so that none is lost silently.
    pub loose: Vec<String>,
}

/// One commune folder and what became of it.
#[derive(Debug, Clone)]
pub struct Commune {
    /// The sub-folder's name, as listed.
    pub folder: String,
    pub outcome: CommuneOutcome,
}

/// A commune consolidated, or why it could not be: a problem of that commune, listed,
/// never one of the run.
#[derive(Debug, Clone)]
pub enum CommuneOutcome {
    /// Consolidated from its reports, or read back from its tong-hop.xlsx.
    Done(std::sync::Arc<Consolidation>),
    /// No plan, a plan refused, a date outside its plan year, a folder unreadable: the
    /// reason in the user's language.
    Failed(String),
}

impl Commune {
    pub fn consolidation(&self) -> Option<&Consolidation> {
        match &self.outcome {
            CommuneOutcome::Done(c) => Some(c),
            CommuneOutcome::Failed(_) => None,
        }
    }
}

impl District {
    /// The communes consolidated, with their index in `communes`.
    pub fn done(&self) -> impl Iterator<Item = (usize, &Consolidation)> {
        self.communes
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.consolidation().map(|k| (i, k)))
    }
}

/// A sub-committee as the district compares it: the communes' sub-committees that go by
/// one name (their names and other names folded, as a run matches them), in one column.
#[derive(Debug, Clone, PartialEq)]
pub struct SubGroup {
    /// The name shown: the most common full name among its members (the first seen on a
    /// tie).
    pub name: String,
    /// (commune index, sub-committee index in that commune's plan).
    pub members: Vec<(usize, usize)>,
}

/// The district's sub-committee columns. A sub-committee joins the first column that
/// shares one of its folded names or other names ("Kinh tế" in one commune and "Phát
/// triển kinh tế; Kinh tế" in another meet through "kinh te"), and the column answers to
/// its names from then on. A sub-committee whose names meet no other commune's has a
/// column of its own. Columns come in the order their first member appears (commune
/// order, then plan order); two sub-committees of one commune never share a column (the
/// second takes the next that fits, or one of its own).
pub fn sub_groups(plans: &[(usize, &Plan)]) -> Vec<SubGroup> {
    // Each sub-committee with its folded names.
    let mut subs: Vec<((usize, usize), Vec<String>, &str)> = Vec::new();
    for (commune, plan) in plans {
        for (i, s) in plan.subcommittees.iter().enumerate() {
            let names = std::iter::once(s.name.as_str())
                .chain(s.aliases.iter().map(String::as_str))
                .map(fold)
                .filter(|f| !f.is_empty())
                .collect();
            subs.push(((*commune, i), names, s.name.as_str()));
        }
    }
    let mut columns: Vec<Column> = Vec::new();
    for (member, names, name) in subs {
        let found = columns.iter_mut().find(|col| {
            col.names.iter().any(|n| names.contains(n))
                && col.members.iter().all(|(c, _)| *c != member.0)
        });
        match found {
            Some(col) => {
                for n in names {
                    if !col.names.contains(&n) {
                        col.names.push(n);
                    }
                }
                col.members.push(member);
                col.shown.push(name);
            }
            None => columns.push(Column {
                names,
                members: vec![member],
                shown: vec![name],
            }),
        }
    }
    columns
        .into_iter()
        .map(|col| SubGroup {
            name: most_common(&col.shown),
            members: col.members,
        })
        .collect()
}

/// A column being gathered: the folded names it answers to, its members, their names.
struct Column<'a> {
    names: Vec<String>,
    members: Vec<(usize, usize)>,
    shown: Vec<&'a str>,
}

/// The name written most often, the first seen on a tie.
fn most_common(names: &[&str]) -> String {
    let count = |n: &str| names.iter().filter(|m| **m == n).count();
    let mut best = names.first().copied().unwrap_or_default();
    for n in names {
        if count(n) > count(best) {
            best = n;
        }
    }
    best.to_string()
}

/// What hears of each commune as a district run goes: the district workbook written
/// while the communes are read (`report::district::Streamed`), given to
/// `district_run::run_district_into`.
pub trait CommuneSink: Send {
    /// Once, before any report is read: for each commune, the year of its plan and the
    /// date it is judged on, or None for a commune that will not be consolidated.
    fn known(&mut self, communes: &[Option<(i32, NaiveDate)>]);
    /// Each commune, in folder order, as soon as its outcome is known.
    fn commune(&mut self, index: usize, commune: &Commune);
}

/// Hears nothing.
impl CommuneSink for () {
    fn known(&mut self, _: &[Option<(i32, NaiveDate)>]) {}
    fn commune(&mut self, _: usize, _: &Commune) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(subs: &[(&str, &[&str])]) -> Plan {
        let mut p = Plan::embedded();
        p.subcommittees = subs
            .iter()
            .enumerate()
            .map(|(i, (name, aliases))| crate::plan::SubCommittee {
                id: format!("s{i}"),
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                target: crate::plan::Target {
                    classes: 1,
                    learners: 1,
                },
            })
            .collect();
        p
    }

    #[test]
    fn communes_sub_committees_meet_by_name_and_other_names() {
        let a = plan(&[
            ("Tiểu ban phát triển kinh tế", &["Kinh tế"]),
            ("Pháp luật", &[]),
        ]);
        let b = plan(&[("Kinh tế", &[]), ("Tin học", &["CNTT"]), ("PHÁP LUẬT", &[])]);
        let c = plan(&[("Kinh tế", &["KT"]), ("Công nghệ thông tin", &["CNTT"])]);
        let groups = sub_groups(&[(0, &a), (1, &b), (2, &c)]);
        let shown: Vec<_> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.members.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                // "kinh te" is a's other name and b's and c's name: "Kinh tế" twice.
                ("Kinh tế", vec![(0, 0), (1, 0), (2, 0)]),
                // Case and marks aside, one name.
                ("Pháp luật", vec![(0, 1), (1, 2)]),
                // "cntt" joins b's Tin học and c's Công nghệ thông tin; a tie: the first.
                ("Tin học", vec![(1, 1), (2, 1)]),
            ]
        );
    }

    #[test]
    fn a_name_no_other_commune_has_keeps_a_column_of_its_own() {
        let a = plan(&[("Kinh tế", &[]), ("Môi trường", &[])]);
        let b = plan(&[("Kinh tế", &["Môi trường"])]);
        let groups = sub_groups(&[(0, &a), (3, &b)]);
        let members: Vec<_> = groups.iter().map(|g| g.members.clone()).collect();
        // b's one sub-committee joins a's first; a's Môi trường stays alone, as one
        // commune's two sub-committees never share a column.
        assert_eq!(members, [vec![(0, 0), (3, 0)], vec![(0, 1)]]);
    }
}
