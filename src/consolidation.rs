//! The result of a run: every file with what became of it, every accepted class, every
//! diagnostic, and the summary against the plan. The report writers read only this.

use std::path::PathBuf;

use serde::Serialize;

use crate::check::Summary;
use crate::check::completeness::Completeness;
use crate::check::criteria::{Computed, CriterionResult};
use crate::check::plan_vs_held::PlanVsHeld;
use crate::check::registration::RegistrationCheck;
use crate::classes::{ClassRow, PlannedClass};
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
}

impl Consolidation {
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
