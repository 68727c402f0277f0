//! A file another program holds open. On Windows, Excel keeps the workbook it has
//! open locked: another program may not replace it, and — as Excel opens some files,
//! and as other programs do — may not even read it. The secretary's remedy is the same
//! either way (close it, run again), so the tool tells these failures apart from a
//! file it has no right to read or write. Unix systems have no such locks: there
//! nothing is ever held.

use std::path::Path;

/// Windows error codes (winerror.h) that mean "in use by another program".
mod code {
    /// Replacing or deleting a file another process has open without sharing that.
    pub const ACCESS_DENIED: i32 = 5;
    pub const SHARING_VIOLATION: i32 = 32;
    /// Part of the file locked (`LockFileEx`), as Excel does with some workbooks.
    pub const LOCK_VIOLATION: i32 = 33;
    /// Replacing a file another process has mapped into memory.
    pub const USER_MAPPED_FILE: i32 = 1224;
}

/// Whether opening a file to read it failed because another program holds it open.
pub fn when_reading(e: &std::io::Error) -> bool {
    cfg!(windows) && reading_code(e.raw_os_error())
}

/// Whether replacing (or moving aside) the file at `path` failed because another
/// program holds it open. "Access denied" is that too, unless the file is read-only
/// (then it is the file's own setting, and the words for a refusal say so).
pub fn when_replacing(e: &std::io::Error, path: &Path) -> bool {
    cfg!(windows) && replacing_code(e.raw_os_error(), || read_only(path))
}

fn reading_code(code: Option<i32>) -> bool {
    matches!(code, Some(code::SHARING_VIOLATION | code::LOCK_VIOLATION))
}

fn replacing_code(code: Option<i32>, read_only: impl FnOnce() -> bool) -> bool {
    match code {
        Some(code::ACCESS_DENIED) => !read_only(),
        Some(code::USER_MAPPED_FILE) => true,
        other => reading_code(other),
    }
}

fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The Windows codes themselves; the errors are proved under Wine by tests/windows.rs.
    #[test]
    fn a_sharing_or_lock_violation_is_a_file_held_open() {
        assert!(reading_code(Some(32)));
        assert!(reading_code(Some(33)));
        // Access denied on reading is a right the user lacks, not a lock.
        assert!(!reading_code(Some(5)));
        assert!(!reading_code(Some(2)));
        assert!(!reading_code(None));
    }

    #[test]
    fn access_denied_on_replacing_is_a_lock_unless_the_file_is_read_only() {
        assert!(replacing_code(Some(5), || false));
        assert!(!replacing_code(Some(5), || true));
        assert!(replacing_code(Some(32), || true));
        assert!(replacing_code(Some(1224), || false));
        assert!(!replacing_code(Some(3), || false));
    }

    #[test]
    fn nothing_is_held_where_the_system_has_no_locks() {
        // The same numbers are other errors on Unix (32 is EPIPE there).
        let e = std::io::Error::from_raw_os_error(32);
        assert_eq!(when_reading(&e), cfg!(windows));
        assert_eq!(when_replacing(&e, Path::new("x")), cfg!(windows));
    }
}
