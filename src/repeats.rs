//! Repeats: the same class reported twice (same sub-committee, topic, date and village
//! once normalised), the same registration twice, or a second figure for the same
//! indicator, counts once; each repeat is a duplicate pointing at the first report of it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::classes::{ClassRow, CriterionEntry, PlannedClass, Source};
use crate::diagnostics::{Diagnostic, Ledger, Problem, RowProblem};
use crate::recognise::RowOutcome;
use crate::text::match_key;

/// What makes two rows the same class (or the same registration) once normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(crate) enum RowKey {
    /// Sub-committee, topic, date, village.
    Class(
        usize,
        String,
        #[serde(with = "crate::classes::day")] NaiveDate,
        String,
    ),
    /// Sub-committee, topic, quarter, month, village.
    Planned(usize, String, u32, Option<u32>, String),
    /// A criteria figure: the criterion and its indicator.
    Indicator(usize, usize),
    /// Rejected rows are not keyed.
    None,
}

impl RowKey {
    pub(crate) fn of(row: &RowOutcome) -> RowKey {
        match row {
            RowOutcome::Accepted(c) => RowKey::class(c),
            RowOutcome::Planned(p) => RowKey::planned(p),
            RowOutcome::Criterion(e) => RowKey::Indicator(e.criterion, e.indicator),
            RowOutcome::Rejected => RowKey::None,
        }
    }

    fn class(c: &ClassRow) -> RowKey {
        RowKey::Class(
            c.subcommittee,
            match_key(&c.topic),
            c.date,
            match_key(&c.village),
        )
    }

    fn planned(p: &PlannedClass) -> RowKey {
        RowKey::Planned(
            p.subcommittee,
            match_key(&p.topic),
            p.quarter,
            p.month,
            match_key(&p.village),
        )
    }
}

/// The first of each set of rows that are one class, found by the 64-bit hash of
/// their key and confirmed on the whole key, worked out again from the first row: a
/// map of whole keys would hold two normalised strings for each of a province's
/// 270,000 classes, a third of the run's memory.
#[derive(Default)]
struct FirstSeen {
    /// Key hash → index of the first row with that hash.
    by_hash: HashMap<u64, usize, foldhash::fast::RandomState>,
    /// Rows whose key hash is an earlier, different row's (all but never): by whole key.
    collided: HashMap<RowKey, usize, foldhash::fast::RandomState>,
}

impl FirstSeen {
    /// The index of the earlier row with `key`; None after noting `index` as its first.
    /// `key_at` gives the key of an earlier row.
    fn first_or_note(
        &mut self,
        key: RowKey,
        index: usize,
        key_at: impl Fn(usize) -> Option<RowKey>,
    ) -> Option<usize> {
        use std::hash::BuildHasher;
        let hash = foldhash::fast::FixedState::default().hash_one(&key);
        match self.by_hash.get(&hash) {
            None => {
                self.by_hash.insert(hash, index);
                None
            }
            Some(&first) if key_at(first).as_ref() == Some(&key) => Some(first),
            Some(_) => match self.collided.get(&key) {
                Some(&first) => Some(first),
                None => {
                    self.collided.insert(key, index);
                    None
                }
            },
        }
    }
}

/// A row that can repeat an earlier one: classes and registrations.
pub(crate) trait Keyed {
    fn key(&self) -> RowKey;
    fn source(&self) -> &Source;
}

impl Keyed for ClassRow {
    fn key(&self) -> RowKey {
        RowKey::class(self)
    }
    fn source(&self) -> &Source {
        &self.source
    }
}

impl Keyed for PlannedClass {
    fn key(&self) -> RowKey {
        RowKey::planned(self)
    }
    fn source(&self) -> &Source {
        &self.source
    }
}

impl Keyed for CriterionEntry {
    fn key(&self) -> RowKey {
        RowKey::Indicator(self.criterion, self.indicator)
    }
    fn source(&self) -> &Source {
        &self.source
    }
}

/// The rows of one kind taken so far, each the first of its key.
pub(crate) struct Firsts<T> {
    rows: Vec<T>,
    seen: FirstSeen,
}

impl<T> Default for Firsts<T> {
    fn default() -> Self {
        Firsts {
            rows: Vec::new(),
            seen: FirstSeen::default(),
        }
    }
}

impl<T: Keyed> Firsts<T> {
    /// Takes `row`, whose key `key` was worked out where it was read: None when it is
    /// the first of its key (it joins the rows), else the duplicate warning pointing
    /// at the earlier row (it does not).
    pub(crate) fn take(&mut self, row: T, key: RowKey) -> Option<Diagnostic> {
        let rows = &self.rows;
        let earlier = self
            .seen
            .first_or_note(key, rows.len(), |i| rows.get(i).map(Keyed::key))
            .and_then(|i| rows.get(i));
        match earlier {
            Some(first) => Some(duplicate_of(first.source(), row.source())),
            None => {
                self.rows.push(row);
                None
            }
        }
    }

    /// Takes a row among the first of their key and counts it in the file's ledger:
    /// true when accepted, else a duplicate with its warning added to `diagnostics`.
    /// Classes, registrations and criteria figures alike.
    pub(crate) fn accept(
        &mut self,
        row: T,
        key: RowKey,
        ledger: &mut Ledger,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        match self.take(row, key) {
            Some(repeat) => {
                ledger.duplicate += 1;
                diagnostics.push(repeat);
                false
            }
            None => {
                ledger.accepted += 1;
                true
            }
        }
    }

    pub(crate) fn rows(&self) -> &[T] {
        &self.rows
    }

    pub(crate) fn into_rows(self) -> Vec<T> {
        self.rows
    }
}

/// The warning on a repeated row, pointing at the first report of it.
pub(crate) fn duplicate_of(first: &Source, repeat: &Source) -> Diagnostic {
    Diagnostic {
        problem: Problem::Row(RowProblem::DuplicateRow {
            first: first.clone(),
        }),
        file: Some(repeat.file.clone()),
        sheet: Some(repeat.sheet.clone()),
        cell: Some(repeat.cell.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(topic: &str) -> RowKey {
        let date = NaiveDate::from_ymd_opt(2019, 3, 5).unwrap();
        RowKey::Class(1, topic.into(), date, "thôn đông".into())
    }

    #[test]
    fn a_repeated_key_finds_its_first_row() {
        let rows = [key("luật đất đai"), key("luật trẻ em")];
        let at = |i: usize| rows.get(i).cloned();
        let mut seen = FirstSeen::default();
        assert_eq!(seen.first_or_note(key("luật đất đai"), 0, at), None);
        assert_eq!(seen.first_or_note(key("luật trẻ em"), 1, at), None);
        assert_eq!(seen.first_or_note(key("luật đất đai"), 2, at), Some(0));
        assert_eq!(seen.first_or_note(key("luật trẻ em"), 3, at), Some(1));
    }

    #[test]
    fn rows_whose_hashes_collide_stay_apart() {
        use std::hash::BuildHasher;
        // Row 0 holds "a"; the map is made to say that "b" hashes like it.
        let rows = [key("a"), key("b")];
        let at = |i: usize| rows.get(i).cloned();
        let mut seen = FirstSeen::default();
        let hash_b = foldhash::fast::FixedState::default().hash_one(key("b"));
        seen.by_hash.insert(hash_b, 0);
        // "b" is not row 0's class: a first row of its own, kept by its whole key.
        assert_eq!(seen.first_or_note(key("b"), 1, at), None);
        assert_eq!(seen.first_or_note(key("b"), 2, at), Some(1));
    }

    fn figure(criterion: usize, indicator: usize, row: u32) -> CriterionEntry {
        CriterionEntry {
            criterion,
            indicator,
            value: None,
            figure_source: String::new(),
            evidence: None,
            source: Source {
                file: "tieu-chi.xlsx".into(),
                sheet: "TC".into(),
                row,
                cell: format!("C{row}"),
            },
        }
    }

    #[test]
    fn a_second_figure_for_one_indicator_is_a_duplicate_of_the_first() {
        let mut firsts = Firsts::default();
        let (mut ledger, mut diagnostics) = (Ledger::default(), Vec::new());
        // Rows 4 and 5: criterion 2's indicators 0 and 1; row 6 repeats indicator 0.
        for (indicator, row) in [(0, 4), (1, 5), (0, 6)] {
            let entry = figure(2, indicator, row);
            let key = entry.key();
            firsts.accept(entry, key, &mut ledger, &mut diagnostics);
        }
        assert_eq!((ledger.accepted, ledger.duplicate), (2, 1));
        let rows: Vec<u32> = firsts.rows().iter().map(|e| e.source.row).collect();
        assert_eq!(rows, [4, 5]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].cell.as_deref(), Some("C6"));
        assert!(matches!(
            &diagnostics[0].problem,
            Problem::Row(RowProblem::DuplicateRow { first }) if first.row == 4
        ));
    }
}
