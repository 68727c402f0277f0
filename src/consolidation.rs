//! The result of a run: every file with what became of it, every accepted class, every
//! diagnostic, and the summary against the plan. The report writers read only this.

use std::path::PathBuf;

use serde::Serialize;

use crate::check::Summary;
use crate::check::completeness::Completeness;
use crate::check::completeness::Received;
use crate::check::criteria::{Computed, CriterionResult};
use crate::check::plan_vs_held::PlanVsHeld;
use crate::check::registration::RegistrationCheck;
use crate::classes::{ClassRow, CriterionEntry, PlannedClass};
use crate::diagnostics::{Diagnostic, Ledger, Problem, Severity};
use crate::plan::Plan;

/// What became of one file of the folder (docs/json-summary.md: `files[].status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Read,
    Failed,
    Skipped,
    Duplicate,
}

impl FileStatus {
    /// The word for the status, in `labels`.
    pub fn label(self) -> crate::labels::Label {
        use crate::labels::l;
        match self {
            FileStatus::Read => l::FILE_READ,
            FileStatus::Failed => l::FILE_FAILED,
            FileStatus::Skipped => l::FILE_SKIPPED,
            FileStatus::Duplicate => l::FILE_DUPLICATE,
        }
    }
}

/// One file of the folder.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileReport {
    /// Relative to the folder, `/`-separated.
    pub path: String,
    pub status: FileStatus,
    /// Why it failed or was skipped, or which file it duplicates.
    pub reason: Option<Problem>,
    /// Hex SHA-256 of the bytes read; None for files not opened.
    pub sha256: Option<String>,
    pub size: u64,
    pub ledger: Ledger,
}

/// Everything one consolidation found.
#[derive(Debug, Clone)]
pub struct Consolidation {
    pub plan: Plan,
    /// Where the plan came from.
    pub plan_source: crate::plan::PlanSource,
    pub folder: PathBuf,
    /// In the order read (sorted by path).
    pub files: Vec<FileReport>,
    /// Accepted classes opened on or before the as-of date, in the order read: every
    /// figure counts these.
    pub classes: Vec<ClassRow>,
    /// Accepted classes opened after the as-of date, in the order read: valid rows
    /// (accepted in the ledger, listed as `after-as-of` notes), not counted yet.
    pub later: Vec<ClassRow>,
    /// Classes registered for the plan (registration forms), in the order read.
    pub planned: Vec<PlannedClass>,
    /// In the order found.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Registrations against the plan's targets.
    pub registration: RegistrationCheck,
    /// Each registration matched to a held class, or not.
    pub plan_vs_held: PlanVsHeld,
    /// Every criterion of the plan, evaluated with the criteria forms in the folder.
    pub criteria: Vec<CriterionResult>,
    /// Indicators worked out from the classes (participation, women, villages).
    pub computed: Computed,
    /// Which monthly reports arrived, and on time.
    pub completeness: Completeness,
    /// The criteria figures of the folder, the first for each indicator, in the order
    /// read (what `criteria` evaluates).
    pub entries: Vec<CriterionEntry>,
    /// The monthly reports found (what `completeness` is worked out from).
    pub received: Vec<Received>,
    /// How `classes` and `later` were read and where their notes go: with the above,
    /// the run's [`Inputs`] again (see [`Consolidation::inputs`]).
    pub order: ReadOrder,
}

/// How the classes of a run were read: enough to give back, from `classes` and
/// `later`, the classes in the order read and the diagnostics of no date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOrder {
    /// For each class in the order read: see [`Inputs::note_at`].
    pub note_at: Vec<u32>,
    /// The places, in the order read, of the classes in `later`, ascending.
    pub later_at: Vec<u32>,
}

/// Everything a run merged from its files, before any date is applied: what the check
/// judges against the plan. The consolidated workbook carries it (with the plan), so a
/// commune that sends only its workbook can be judged again, at any date, exactly as
/// its reports would be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Inputs {
    pub files: Vec<FileReport>,
    /// Every accepted class, in the order read, whatever its date.
    pub classes: Vec<ClassRow>,
    /// For each class, its note's place among `diagnostics` should it be opened after
    /// the as-of date: how many of them come before it (its sheet's problems on its
    /// row and above, and everything read before its sheet). Ascending.
    pub note_at: Vec<u32>,
    pub planned: Vec<PlannedClass>,
    pub entries: Vec<CriterionEntry>,
    pub received: Vec<Received>,
    /// Every diagnostic of the reading and the merge, without the notes that depend on
    /// the as-of date.
    pub diagnostics: Vec<Diagnostic>,
}

/// The version of what the consolidated workbook stores (its data sheet's JSON): a
/// reader refuses a version it does not know rather than misread it.
pub const STORED_SCHEMA: u32 = 1;

/// [`Inputs`] borrowed from a consolidation, serialised as [`Inputs`] is: what the
/// workbook stores, without copying a province's classes.
#[derive(Serialize)]
pub struct InputsView<'a> {
    files: &'a [FileReport],
    classes: InReadOrder<'a>,
    note_at: &'a [u32],
    planned: &'a [PlannedClass],
    entries: &'a [CriterionEntry],
    received: &'a [Received],
    diagnostics: OfTheRun<'a>,
}

/// `classes` and `later` interleaved back into the order read.
struct InReadOrder<'a>(&'a Consolidation);

impl InReadOrder<'_> {
    fn iter(&self) -> impl Iterator<Item = &ClassRow> {
        let c = self.0;
        let (mut counted, mut later) = (c.classes.iter(), c.later.iter());
        let mut later_at = c.order.later_at.iter().peekable();
        (0..c.classes.len() + c.later.len()).filter_map(move |i| {
            if later_at.next_if(|&&at| at as usize == i).is_some() {
                later.next()
            } else {
                counted.next()
            }
        })
    }
}

impl Serialize for InReadOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// The diagnostics of the reading and the merge: without the notes of the as-of date
/// (worked out again when judged) and the lines about the files written or read back.
struct OfTheRun<'a>(&'a [Diagnostic]);

impl OfTheRun<'_> {
    fn belongs(d: &Diagnostic) -> bool {
        use crate::diagnostics::{FoundProblem, RowProblem};
        !matches!(
            d.problem,
            Problem::Row(RowProblem::DateAfterAsOf { .. })
                | Problem::Found(FoundProblem::CorrectedOutputKept { .. })
                | Problem::Found(FoundProblem::ReadBackEdited)
        )
    }
}

impl Serialize for OfTheRun<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().filter(|d| Self::belongs(d)))
    }
}

impl Consolidation {
    /// What the run merged, borrowed, for storing: [`Inputs`] once serialised.
    pub fn inputs(&self) -> InputsView<'_> {
        InputsView {
            files: &self.files,
            classes: InReadOrder(self),
            note_at: &self.order.note_at,
            planned: &self.planned,
            entries: &self.entries,
            received: &self.received,
            diagnostics: OfTheRun(&self.diagnostics),
        }
    }

    /// The ledger over all files.
    pub fn totals(&self) -> Ledger {
        let mut t = Ledger::default();
        for f in &self.files {
            t.add(&f.ledger);
        }
        t
    }

    /// True when a file could not be read or a row was rejected: something was not counted.
    pub fn has_losses(&self) -> bool {
        self.files.iter().any(|f| f.status == FileStatus::Failed)
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity() == Severity::Error)
    }

    /// True when some sub-committee is behind or short.
    pub fn falls_short(&self) -> bool {
        self.summary
            .subcommittees
            .iter()
            .any(|s| s.status.falls_short())
    }
}
