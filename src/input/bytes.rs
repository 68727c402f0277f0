//! A file's bytes, read once they have settled: a report still being copied or saved
//! is told apart from a damaged one.

use std::path::Path;

use crate::diagnostics::{Problem, ReadProblem};

/// How recently a file must have changed for a failure to be put down to copying.
pub const RECENT: std::time::Duration = std::time::Duration::from_secs(2);

pub fn modified_within(path: &Path, d: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age < d)
}

/// The file's bytes, refusing a file that grows or changes while it is read (still
/// being copied or saved) and one over the size limit, before reading it.
pub fn read_settled(path: &Path) -> Result<Vec<u8>, Problem> {
    let stamp = |m: &std::fs::Metadata| (m.len(), m.modified().ok());
    let io = |e: std::io::Error| {
        Problem::Unread(if super::held::when_reading(&e) {
            ReadProblem::HeldOpen
        } else {
            ReadProblem::UnreadableFile { kind: e.kind() }
        })
    };
    let before = std::fs::metadata(path).map_err(io)?;
    let limit = super::workbook::MAX_FILE_BYTES;
    if before.len() > limit {
        return Err(Problem::Unread(ReadProblem::FileTooLarge {
            bytes: before.len(),
            limit,
        }));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let after = std::fs::metadata(path).map_err(io)?;
    if stamp(&before) != stamp(&after) || bytes.len() as u64 != after.len() {
        return Err(Problem::Unread(ReadProblem::StillBeingWritten));
    }
    Ok(bytes)
}

/// Bytes as lower-case hexadecimal (a SHA-256 as the JSON gives it).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
