//! One file found → its sheets as grids: the bytes read once they have settled, their
//! SHA-256 (a later copy of the same bytes is told apart by it), and the workbook read
//! from them. The pure reading of a file; what its grids hold is for later stages.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::bytes;
use super::discover::Format;
use super::workbook::{self, Outcome};
use crate::diagnostics::{Problem, ReadProblem};
use crate::profile::{self, Stage};

/// A file's bytes read as a workbook.
pub struct Grids {
    /// The SHA-256 of the bytes, in lower-case hexadecimal.
    pub sha256: String,
    pub outcome: Outcome,
}

/// Reads the file at `path` as a workbook of the `format` its name claims. Err when its
/// bytes could not be read at all (there is then nothing to hash); a workbook that
/// could not be read from its bytes is an [`Outcome::Failed`].
pub fn read(path: &Path, format: Format) -> Result<Grids, Problem> {
    let bytes = profile::time(Stage::Bytes, || bytes::read_settled(path))?;
    let sha256 = profile::time(Stage::Bytes, || bytes::hex(&Sha256::digest(&bytes)));
    let outcome = match profile::time(Stage::Parse, || workbook::read(&bytes, format)) {
        // A half-copied workbook looks damaged; if it changed moments ago, say so.
        Outcome::Failed(Problem::Unread(ReadProblem::DamagedFile { .. }))
            if bytes::modified_within(path, bytes::RECENT) =>
        {
            Outcome::Failed(Problem::Unread(ReadProblem::StillBeingWritten))
        }
        outcome => outcome,
    };
    Ok(Grids { sha256, outcome })
}
