//! Writing the output files safely. A file is written to a temporary file beside its
//! destination (`.tthtcd-<pid>-<random>`, with the user's normal permissions) and
//! renamed into place only when whole, so a crash or a full disk never leaves half a
//! workbook where last month's was. Nothing at the destination is replaced unless the
//! tool wrote it and nobody has changed it since:
//!
//! - a workbook is the tool's own, unchanged, when it still carries the **seal** the
//!   tool put in the zip's archive comment: the SHA-256 of every byte before it. Excel,
//!   LibreOffice, WPS and openpyxl rewrite the whole file on save and drop the comment,
//!   and any change of a byte breaks the hash, so the seal tells "as the tool wrote it"
//!   exactly, by hashing the file (no parsing);
//! - a workbook of the tool's that a person has corrected keeps the tool's custom
//!   document property (`tthtcd-output`, which office programs preserve) but not the
//!   seal: it is kept under a new name ("tong-hop (sửa tay 03-05-2019).xlsx", the date
//!   it was last changed) before the new output takes its place. The property is found
//!   by a bounded look at one zip entry (`docProps/custom.xml`, at most 64 KiB), never
//!   by the workbook reader: the main process does not parse untrusted files;
//! - a JSON summary is the tool's own when its first 4 KiB open with
//!   `{"schema": N, "tool": {"name": "tthtcd"` (whitespace aside), as every summary
//!   the tool writes does;
//! - anything else (an input report, the plan, a text file, a folder, a link, a pipe)
//!   is refused before any work is done, and again just before the rename.
//!
//! The final rename never replaces a file that appeared during the run: it is a
//! rename-without-replace (`renameat2(RENAME_NOREPLACE)` on Linux; a hard link and an
//! unlink elsewhere, which fails when the name is taken; a check just before a plain
//! rename where the file system has neither). Temporary files are removed on every
//! exit path: on errors by their guard, on Ctrl-C by [`remove_temporaries`], and after
//! a `kill -9` by the next run writing into the same folder ([`remove_stale`]).

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::input::workbook::OWN_OUTPUT_PROPERTY;
use crate::labels::Lang;

/// Why an output could not be written; the words are in `labels::output`.
#[derive(Debug, Error)]
pub enum OutputError {
    /// A file the tool did not write is at the output path.
    #[error("{}", self.message(Lang::Vi))]
    WouldOverwrite(PathBuf),
    #[error("{}", self.message(Lang::Vi))]
    Unwritable { dir: PathBuf, err: std::io::Error },
    #[error("{}", self.message(Lang::Vi))]
    Write { path: PathBuf, err: std::io::Error },
    /// The `--json` path holds a file that is not a summary the tool wrote.
    #[error("{}", self.message(Lang::Vi))]
    NotOwnJson(PathBuf),
    /// The output path is a folder, a link, a pipe or a device.
    #[error("{}", self.message(Lang::Vi))]
    NotAFile(PathBuf),
    /// A file not written by the tool appeared at the output path during the run.
    #[error("{}", self.message(Lang::Vi))]
    Appeared(PathBuf),
    /// A corrected workbook could not be moved aside, so nothing was written.
    #[error("{}", self.message(Lang::Vi))]
    Keep { path: PathBuf, err: std::io::Error },
    /// Another program (Excel) holds the file at the output path open, and no other
    /// name was free (a workbook) or may be taken (a JSON summary scripts look for).
    #[error("{}", self.message(Lang::Vi))]
    HeldOpen(PathBuf),
}

impl OutputError {
    /// The sentence in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use crate::labels::output as w;
        match self {
            OutputError::WouldOverwrite(p) => w::would_overwrite(p, lang),
            OutputError::Unwritable { dir, err } => w::unwritable(dir, err, lang),
            OutputError::Write { path, err } => w::write(path, err, lang),
            OutputError::NotOwnJson(p) => w::not_own_json(p, lang),
            OutputError::NotAFile(p) => w::not_a_file(p, lang),
            OutputError::Appeared(p) => w::appeared(p, lang),
            OutputError::Keep { path, err } => w::keep(path, err, lang),
            OutputError::HeldOpen(p) => w::held_open(p, lang),
        }
    }
}

/// What kind of file an output is: decides how the tool knows its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A workbook of the tool's: sealed when written; kept aside when corrected.
    Workbook,
    /// The JSON summary.
    Json,
}

/// What is at an output path now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    Absent,
    /// Written by the tool and unchanged since.
    Own,
    /// A workbook of the tool's changed after it was written; last modified then.
    Corrected {
        modified: Option<SystemTime>,
    },
    /// A regular file the tool did not write.
    Foreign,
    /// A folder, link, pipe, socket or device.
    NotAFile,
    /// A file another program (Excel) holds open so that it cannot even be read: not
    /// known to be the tool's, and not to be replaced either way.
    Held,
}

/// What writing did besides writing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Written {
    /// Where a corrected workbook of the tool's that stood at the path was kept.
    pub kept: Option<PathBuf>,
    /// Where the workbook was written instead, the file at the path being held open
    /// by another program (Excel): "tong-hop (2).xlsx".
    pub instead: Option<PathBuf>,
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Checks, before any work is done, that `path` may be written: its folder is
/// writable, stale temporary files of killed runs are removed from it, and whatever is
/// at the path now is the tool's own (or a corrected workbook of the tool's, which
/// will be kept). Returns what is there.
pub fn preflight(path: &Path, kind: Kind) -> Result<Existing, OutputError> {
    let existing = examine(path, kind);
    refuse_foreign(path, &existing, kind)?;
    let dir = parent(path);
    remove_stale(&dir);
    // Proves the folder writable, with the very call that will make the real file.
    Temp::create(&dir)
        .map(drop)
        .map_err(|err| OutputError::Unwritable { dir, err })?;
    Ok(existing)
}

fn refuse_foreign(path: &Path, existing: &Existing, kind: Kind) -> Result<(), OutputError> {
    match existing {
        Existing::NotAFile => Err(OutputError::NotAFile(path.to_path_buf())),
        // Scripts look for the summary at the path they gave: no other name will do.
        Existing::Held if kind == Kind::Json => Err(OutputError::HeldOpen(path.to_path_buf())),
        Existing::Foreign => Err(match kind {
            Kind::Json => OutputError::NotOwnJson(path.to_path_buf()),
            Kind::Workbook => OutputError::WouldOverwrite(path.to_path_buf()),
        }),
        _ => Ok(()),
    }
}

/// What is at `path`, by a cheap, bounded look that never opens anything but a
/// regular file and never parses a workbook.
pub fn examine(path: &Path, kind: Kind) -> Existing {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Existing::Absent,
        // Cannot even be looked at: certainly not known to be ours.
        Err(_) => return Existing::Foreign,
    };
    if !meta.file_type().is_file() {
        return Existing::NotAFile;
    }
    // Only Windows locks a file against reading: elsewhere the file is not opened twice.
    if cfg!(windows)
        && let Err(e) = File::open(path)
        && crate::input::held::when_reading(&e)
    {
        return Existing::Held;
    }
    match kind {
        Kind::Json if json_is_own(path) => Existing::Own,
        Kind::Json => Existing::Foreign,
        Kind::Workbook if seal_holds(path) => Existing::Own,
        Kind::Workbook if carries_own_property(path) => Existing::Corrected {
            modified: meta.modified().ok(),
        },
        Kind::Workbook => Existing::Foreign,
    }
}

/// Writes `bytes` to `path` through a temporary file, replacing only a file the tool
/// wrote; a corrected workbook of the tool's is first kept under a new name. A workbook
/// whose path another program holds open (Excel, on Windows) is written under the first
/// free name of "<name> (2).xlsx" … "<name> (99).xlsx" instead, and [`Written`] says so.
pub fn write(path: &Path, bytes: &[u8], kind: Kind, lang: Lang) -> Result<Written, OutputError> {
    let sealed;
    let bytes = match kind {
        Kind::Workbook => {
            sealed = seal(bytes.to_vec());
            &sealed[..]
        }
        Kind::Json => bytes,
    };
    let temp = Temp::write(path, bytes)?;
    let mut written = Written::default();
    match place(temp.path(), path, kind, lang, &mut written) {
        Ok(()) => {}
        Err(OutputError::HeldOpen(_)) if kind == Kind::Workbook => {
            written.instead = Some(place_instead(temp.path(), path)?);
        }
        Err(e) => return Err(e),
    }
    temp.disarm();
    Ok(written)
}

/// Renames the temporary file `temp` to `path`, as [`write`] says.
fn place(
    temp: &Path,
    path: &Path,
    kind: Kind,
    lang: Lang,
    written: &mut Written,
) -> Result<(), OutputError> {
    let held = || OutputError::HeldOpen(path.to_path_buf());
    // A file may appear, or be changed, between the look and the rename: look again
    // after a refused rename, a few times, then give up rather than replace it.
    for _ in 0..3 {
        let moved = match examine(path, kind) {
            Existing::Absent => rename_noreplace(temp, path),
            Existing::Own => std::fs::rename(temp, path),
            Existing::Corrected { modified } => {
                written.kept = Some(keep_aside(path, modified, lang)?);
                rename_noreplace(temp, path)
            }
            Existing::Held => return Err(held()),
            // Not there, or the tool's own, when the run began (preflight): it
            // appeared or was replaced meanwhile.
            Existing::Foreign => return Err(OutputError::Appeared(path.to_path_buf())),
            Existing::NotAFile => return Err(OutputError::NotAFile(path.to_path_buf())),
        };
        match moved {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) if crate::input::held::when_replacing(&e, path) => return Err(held()),
            Err(err) => {
                return Err(OutputError::Write {
                    path: path.to_path_buf(),
                    err,
                });
            }
        }
    }
    Err(OutputError::Appeared(path.to_path_buf()))
}

/// The names a workbook is written under when its own is held open: "<name> (2).xlsx"
/// to "<name> (99).xlsx", as Windows names a second copy.
fn instead_names(path: &Path) -> impl Iterator<Item = PathBuf> {
    let (stem, ext) = stem_and_extension(path);
    let dir = parent(path);
    (2..=99).map(move |n| dir.join(format!("{stem} ({n}){ext}")))
}

/// Renames `temp` to the first of [`instead_names`] that is free or holds a workbook of
/// the tool's, unchanged and not held open itself; the name taken. Nothing else there
/// is replaced or moved.
fn place_instead(temp: &Path, path: &Path) -> Result<PathBuf, OutputError> {
    for other in instead_names(path) {
        let moved = match examine(&other, Kind::Workbook) {
            Existing::Absent => rename_noreplace(temp, &other),
            Existing::Own => std::fs::rename(temp, &other),
            _ => continue,
        };
        match moved {
            Ok(()) => return Ok(other),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) if crate::input::held::when_replacing(&e, &other) => continue,
            Err(err) => return Err(OutputError::Write { path: other, err }),
        }
    }
    Err(OutputError::HeldOpen(path.to_path_buf()))
}

/// Writes `bytes` to `path` through a temporary file: `replace` true replaces whatever
/// is there (`template --force`), false never replaces anything.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<(), OutputError> {
    let temp = Temp::write(path, bytes)?;
    let moved = if replace {
        std::fs::rename(temp.path(), path)
    } else {
        rename_noreplace(temp.path(), path)
    };
    match moved {
        Ok(()) => {
            temp.disarm();
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(OutputError::Appeared(path.to_path_buf()))
        }
        Err(err) => Err(OutputError::Write {
            path: path.to_path_buf(),
            err,
        }),
    }
}

/// The names a corrected workbook is kept under, in order: `<name> (sửa tay
/// dd-mm-yyyy).xlsx` (the day it was last changed), then ", 2", ", 3" … .
fn kept_names(
    path: &Path,
    modified: Option<SystemTime>,
    lang: Lang,
) -> impl Iterator<Item = PathBuf> {
    let day = modified
        .map(|t| {
            chrono::DateTime::<chrono::Local>::from(t)
                .format("%d-%m-%Y")
                .to_string()
        })
        .unwrap_or_default();
    let (stem, ext) = stem_and_extension(path);
    let word = crate::labels::cli::CORRECTED_BY_HAND.get(lang);
    let dir = parent(path);
    (1..=99).map(move |n| {
        let extra = if n == 1 {
            String::new()
        } else {
            format!(", {n}")
        };
        dir.join(format!("{stem} ({word} {day}{extra}){ext}"))
    })
}

/// A file name's stem and its extension with the dot (".xlsx"; empty when none).
fn stem_and_extension(path: &Path) -> (String, String) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (stem, ext)
}

/// Where a corrected workbook at `path` would be kept now: the first free name.
pub fn kept_name(path: &Path, modified: Option<SystemTime>, lang: Lang) -> PathBuf {
    let mut names = kept_names(path, modified, lang);
    let first = names.next().unwrap_or_else(|| path.to_path_buf());
    std::iter::once(first.clone())
        .chain(names)
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

/// Moves a corrected workbook aside under the first free of its kept names. Never
/// replaces a file.
fn keep_aside(
    path: &Path,
    modified: Option<SystemTime>,
    lang: Lang,
) -> Result<PathBuf, OutputError> {
    let mut last = None;
    for kept in kept_names(path, modified, lang) {
        match rename_noreplace(path, &kept) {
            Ok(()) => return Ok(kept),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            // Open in Excel: left where it is, untouched; the new one goes elsewhere.
            Err(e) if crate::input::held::when_replacing(&e, path) => {
                return Err(OutputError::HeldOpen(path.to_path_buf()));
            }
            Err(err) => {
                return Err(OutputError::Keep {
                    path: path.to_path_buf(),
                    err,
                });
            }
        }
    }
    Err(OutputError::Keep {
        path: path.to_path_buf(),
        err: last.unwrap_or_else(|| std::io::ErrorKind::AlreadyExists.into()),
    })
}

// ---------------------------------------------------------------------------------
// Renaming without replacing.

/// Renames `from` to `to`, failing with `AlreadyExists` when `to` exists — atomically
/// where the system can: a file appearing at `to` meanwhile is never replaced.
pub fn rename_noreplace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    match renameat2_noreplace(from, to) {
        Ok(()) => return Ok(()),
        // Not supported by this file system or kernel: the next best way.
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
            ) => {}
        Err(e) => return Err(e),
    }
    match std::fs::hard_link(from, to) {
        Ok(()) => {
            // Both names are the file now; dropping the temporary one cannot lose it.
            let _ = std::fs::remove_file(from);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // No hard links here (FAT, exFAT USB sticks): look, then rename. The window
        // between the two is the only one left, and it is a system call wide.
        Err(_) => {
            if std::fs::symlink_metadata(to).is_ok() {
                return Err(std::io::ErrorKind::AlreadyExists.into());
            }
            std::fs::rename(from, to)
        }
    }
}

#[cfg(target_os = "linux")]
fn renameat2_noreplace(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: both pointers are NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

// ---------------------------------------------------------------------------------
// Temporary files.

/// Prefix of every temporary file the tool makes beside an output.
pub const TEMP_PREFIX: &str = ".tthtcd-";

/// Temporary files alive now, removed by [`remove_temporaries`] on Ctrl-C.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file beside an output, removed when dropped unless renamed into place.
struct Temp {
    path: PathBuf,
    armed: bool,
}

impl Temp {
    /// Creates `.tthtcd-<pid>-<random>` in `dir`, new, readable as the user's umask
    /// allows (0644 under the usual 022), like any file the user saves.
    fn create(dir: &Path) -> std::io::Result<(Temp, File)> {
        let pid = std::process::id();
        let mut last = None;
        for attempt in 0..16u32 {
            let path = dir.join(format!("{TEMP_PREFIX}{pid}-{:08x}", random(attempt)));
            // Registered and created under one lock, so that Ctrl-C (which takes the
            // lock and exits) either comes before the file exists or removes it.
            let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
            match options.open(&path) {
                Ok(file) => {
                    live.push(path.clone());
                    return Ok((Temp { path, armed: true }, file));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::ErrorKind::AlreadyExists.into()))
    }

    /// A temporary file beside `path` holding `bytes`, flushed to the disk.
    fn write(path: &Path, bytes: &[u8]) -> Result<Temp, OutputError> {
        let dir = parent(path);
        let (temp, mut file) = Temp::create(&dir).map_err(|err| OutputError::Unwritable {
            dir: dir.clone(),
            err,
        })?;
        let werr = |err| OutputError::Write {
            path: path.to_path_buf(),
            err,
        };
        file.write_all(bytes).map_err(werr)?;
        file.sync_all().map_err(werr)?;
        Ok(temp)
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// Renamed into place: nothing left to remove.
    fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
        }
        live.retain(|p| p != &self.path);
    }
}

/// Enough randomness to keep two runs' names apart; `create_new` settles the rest.
fn random(attempt: u32) -> u32 {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32).rotate_left(7))
        .unwrap_or(0);
    nanos ^ attempt.wrapping_mul(0x9E37_79B9) ^ std::process::id().rotate_left(16)
}

/// Removes every temporary file this process has open, and stops any more being made
/// (for Ctrl-C: the caller exits right after).
pub fn remove_temporaries() {
    let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for p in live.iter() {
        let _ = std::fs::remove_file(p);
    }
    // The lock is left held on purpose: the process is about to exit.
    std::mem::forget(live);
}

/// A temporary file of a run whose process is gone is removed when older than this
/// (two minutes: a run writes its file in seconds; the margin covers a clock skew
/// between machines sharing a folder).
const STALE_DEAD: Duration = Duration::from_secs(120);
/// Any file with the prefix older than this is stale, whoever made it (older versions
/// named them `.tthtcd-XXXXXX`, without the process id).
const STALE_ANY: Duration = Duration::from_secs(3600);

/// Removes the temporary files that killed runs (`kill -9`, a power cut) left in `dir`:
/// only regular files named with the tool's prefix, and only once their process is gone
/// (Linux) and they are two minutes old, or, whoever made them, an hour old.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let age = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .unwrap_or_default();
        let pid = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        let dead = pid.is_some_and(|p| p != me && !process_alive(p));
        if (dead && age >= STALE_DEAD) || age >= STALE_ANY {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process of this id runs on this machine; true where it cannot be told.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

// ---------------------------------------------------------------------------------
// Knowing the tool's own files.

/// What the seal's archive comment starts with; 64 hexadecimal digits follow.
const SEAL_PREFIX: &[u8] = b"tthtcd sha256=";
const SEAL_LEN: usize = SEAL_PREFIX.len() + 64;
/// The end-of-central-directory record: signature, then 18 bytes, the last two being
/// the length of the archive comment that follows.
const EOCD_SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
const EOCD_LEN: usize = 22;

/// Seals a workbook: sets the zip's archive comment to the SHA-256 of every byte
/// before the comment's length field. Deterministic, so the same inputs still give
/// the same bytes. A buffer that does not end with a comment-less end record (never
/// from rust_xlsxwriter) is returned as it is.
pub fn seal(mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len();
    let Some(start) = n.checked_sub(EOCD_LEN) else {
        return bytes;
    };
    if bytes[start..start + 4] != EOCD_SIGNATURE || bytes[n - 2..] != [0, 0] {
        return bytes;
    }
    let digest = Sha256::digest(&bytes[..n - 2]);
    bytes.truncate(n - 2);
    bytes.extend_from_slice(&(SEAL_LEN as u16).to_le_bytes());
    bytes.extend_from_slice(SEAL_PREFIX);
    bytes.extend_from_slice(hex(&digest).as_bytes());
    bytes
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// [`seal_holds`] on a workbook's bytes already read.
pub fn seal_holds_bytes(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let Some(start) = n.checked_sub(EOCD_LEN + SEAL_LEN) else {
        return false;
    };
    let (record, comment) = bytes[start..].split_at(EOCD_LEN);
    record[..4] == EOCD_SIGNATURE
        && record[EOCD_LEN - 2..] == (SEAL_LEN as u16).to_le_bytes()
        && comment.starts_with(SEAL_PREFIX)
        && hex(&Sha256::digest(&bytes[..n - SEAL_LEN - 2])).as_bytes()
            == &comment[SEAL_PREFIX.len()..]
}

/// True when the file at `path` ends with the tool's seal and the hash in it is the
/// hash of the bytes before it: a workbook exactly as the tool wrote it.
pub fn seal_holds(path: &Path) -> bool {
    seal_holds_in(path).unwrap_or(false)
}

fn seal_holds_in(path: &Path) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(path)?;
    let n = file.metadata()?.len();
    let tail = (EOCD_LEN + SEAL_LEN) as u64;
    if n < tail {
        return Ok(false);
    }
    let mut end = vec![0u8; EOCD_LEN + SEAL_LEN];
    file.seek(SeekFrom::Start(n - tail))?;
    file.read_exact(&mut end)?;
    let (record, comment) = end.split_at(EOCD_LEN);
    if record[..4] != EOCD_SIGNATURE
        || record[EOCD_LEN - 2..] != (SEAL_LEN as u16).to_le_bytes()
        || !comment.starts_with(SEAL_PREFIX)
    {
        return Ok(false);
    }
    let claimed = &comment[SEAL_PREFIX.len()..];
    // Hashed as it streams: a province's output of tens of MB costs no memory.
    let hashed = n - SEAL_LEN as u64 - 2;
    file.seek(SeekFrom::Start(0))?;
    let mut hasher = Sha256::new();
    let mut left = hashed;
    let mut buf = vec![0u8; 1 << 16];
    while left > 0 {
        let want = buf.len().min(usize::try_from(left).unwrap_or(buf.len()));
        let got = file.read(&mut buf[..want])?;
        if got == 0 {
            return Ok(false);
        }
        hasher.update(&buf[..got]);
        left -= got as u64;
    }
    Ok(hex(&hasher.finalize()).as_bytes() == claimed)
}

/// Largest workbook whose custom properties are looked at (a province's output is
/// tens of MB); the properties part itself is read up to 64 KiB.
const LOOK_FILE_LIMIT: u64 = 512 * 1024 * 1024;
const LOOK_PART_LIMIT: u64 = 64 * 1024;

/// True when the workbook's `docProps/custom.xml` names the tool's property. Only
/// the zip's directory and that one entry are touched, size-limited.
pub fn carries_own_property(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    if len > LOOK_FILE_LIMIT || !directory_is_small(&file, len).unwrap_or(false) {
        return false;
    }
    let look = move || -> Option<bool> {
        let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
        let entry = zip.by_name("docProps/custom.xml").ok()?;
        if entry.size() > LOOK_PART_LIMIT {
            return Some(false);
        }
        let mut xml = Vec::new();
        entry.take(LOOK_PART_LIMIT).read_to_end(&mut xml).ok()?;
        Some(
            memchr::memmem::find(&xml, format!("\"{OWN_OUTPUT_PROPERTY}\"").as_bytes())
                .or_else(|| {
                    memchr::memmem::find(&xml, format!("'{OWN_OUTPUT_PROPERTY}'").as_bytes())
                })
                .is_some(),
        )
    };
    // A damaged directory must not take the run down: it is simply not ours.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(look))
        .ok()
        .flatten()
        .unwrap_or(false)
}

/// Most entries a workbook of the tool's holds, corrected or not (it writes about 20).
const MAX_OWN_ENTRIES: u16 = 1000;

/// Whether the zip's end record declares a directory small enough to be one of the
/// tool's workbooks: at most [`MAX_OWN_ENTRIES`] entries and no zip64 markers. Looked
/// at before the zip reader parses the directory, which reserves room for every
/// entry declared: a file put at the output's path must not make the run's own
/// process (which never parses an untrusted workbook) ask for gigabytes.
fn directory_is_small(mut file: &File, len: u64) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    let tail = len.min(EOCD_LEN as u64 + u64::from(u16::MAX));
    let mut end = vec![0u8; tail as usize];
    file.seek(SeekFrom::Start(len - tail))?;
    file.read_exact(&mut end)?;
    file.seek(SeekFrom::Start(0))?;
    let Some(at) = crate::input::zip_guard::end_record(&end) else {
        return Ok(false);
    };
    let field = |off: usize, n: usize| end.get(at + off..at + off + n);
    let (Some(entries), Some(total), Some(size), Some(offset)) =
        (field(8, 2), field(10, 2), field(12, 4), field(16, 4))
    else {
        return Ok(false);
    };
    let u16_of = |b: &[u8]| u16::from_le_bytes([b[0], b[1]]);
    let zip64 = size == [0xFF; 4] || offset == [0xFF; 4];
    Ok(!zip64 && u16_of(entries) <= MAX_OWN_ENTRIES && u16_of(total) <= MAX_OWN_ENTRIES)
}

/// How much of a JSON file is looked at to tell whether the tool wrote it.
const JSON_LOOK: u64 = 4096;

/// True when the file opens like every summary the tool writes:
/// `{"schema": N, "tool": {"name": "tthtcd"`, whitespace aside.
pub fn json_is_own(path: &Path) -> bool {
    let mut head = Vec::new();
    let read = File::open(path).and_then(|f| f.take(JSON_LOOK).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    let squeezed: Vec<u8> = head
        .into_iter()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let Some(rest) = squeezed.strip_prefix(b"{\"schema\":") else {
        return false;
    };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && rest[digits..].starts_with(b",\"tool\":{\"name\":\"tthtcd\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// A workbook with the tool's custom property, as rust_xlsxwriter writes it.
    fn own_workbook() -> Vec<u8> {
        own_workbook_with("Tổng hợp")
    }

    fn own_workbook_with(text: &str) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().write(0, 0, text).unwrap();
        wb.set_properties(
            &rust_xlsxwriter::DocProperties::new()
                .set_custom_property(OWN_OUTPUT_PROPERTY, "0.1.0"),
        );
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn refuses_to_overwrite_a_file_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("kinh-te.xlsx");
        std::fs::write(&input, b"not ours").unwrap();
        assert!(matches!(
            preflight(&input, Kind::Workbook),
            Err(OutputError::WouldOverwrite(_))
        ));
        assert_eq!(std::fs::read(&input).unwrap(), b"not ours");
    }

    #[test]
    fn writes_through_a_temporary_file_and_leaves_none() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("tong-hop.json");
        preflight(&out, Kind::Json).unwrap();
        let a = b"{\"schema\": 1, \"tool\": {\"name\": \"tthtcd\"}, \"n\": 1}";
        let b = b"{\"schema\": 1, \"tool\": {\"name\": \"tthtcd\"}, \"n\": 2}";
        write(&out, a, Kind::Json, Lang::Vi).unwrap();
        // The first summary is the tool's own, so the second replaces it.
        write(&out, b, Kind::Json, Lang::Vi).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b);
        assert_eq!(names(dir.path()), ["tong-hop.json"]);
    }

    /// The names taken when the output is open in Excel (the opening itself is
    /// Windows', proved under Wine by tests/windows.rs): the first free one, or one
    /// holding an unchanged workbook of the tool's; nothing else is replaced.
    #[test]
    fn a_workbook_held_open_goes_to_the_first_name_free_or_the_tools() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("tong-hop.xlsx");
        let temp = |bytes: &[u8]| {
            let t = dir.path().join(".tthtcd-temp");
            std::fs::write(&t, bytes).unwrap();
            t
        };
        let second = dir.path().join("tong-hop (2).xlsx");
        let third = dir.path().join("tong-hop (3).xlsx");
        // Free: "(2)".
        let first = seal(own_workbook());
        assert_eq!(place_instead(&temp(&first), &out).unwrap(), second);
        assert_eq!(std::fs::read(&second).unwrap(), first);
        // "(2)" the tool's, unchanged: replaced.
        let again = seal(own_workbook_with("Lần sau"));
        assert_ne!(again, first);
        assert_eq!(place_instead(&temp(&again), &out).unwrap(), second);
        assert_eq!(std::fs::read(&second).unwrap(), again);
        // "(2)" someone's list, and a corrected workbook of the tool's: both left as
        // they are, "(3)" taken.
        std::fs::write(&second, b"danh sach").unwrap();
        assert_eq!(place_instead(&temp(&first), &out).unwrap(), third);
        assert_eq!(std::fs::read(&second).unwrap(), b"danh sach");
        std::fs::write(&second, own_workbook()).unwrap();
        std::fs::remove_file(&third).unwrap();
        assert_eq!(place_instead(&temp(&first), &out).unwrap(), third);
        assert_eq!(std::fs::read(&second).unwrap(), own_workbook());
        assert_eq!(
            names(dir.path()),
            ["tong-hop (2).xlsx", "tong-hop (3).xlsx"]
        );
    }

    #[test]
    fn the_names_instead_are_numbered_as_windows_numbers_copies() {
        let names: Vec<_> = instead_names(Path::new("bao cao/tong-hop.xlsx")).collect();
        assert_eq!(names.len(), 98);
        assert_eq!(names[0], Path::new("bao cao/tong-hop (2).xlsx"));
        assert_eq!(names[97], Path::new("bao cao/tong-hop (99).xlsx"));
        // A name without an extension keeps none.
        let bare: Vec<_> = instead_names(Path::new("out")).take(1).collect();
        assert_eq!(bare, [Path::new("./out (2)")]);
    }

    #[test]
    fn a_json_file_is_the_tools_only_when_it_opens_like_a_summary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        let cases: [(&[u8], bool); 6] = [
            (
                b"{\n  \"schema\": 1,\n  \"tool\": {\n    \"name\": \"tthtcd\",\n",
                true,
            ),
            (b"{\"schema\":12,\"tool\":{\"name\":\"tthtcd\"}}", true),
            // Another tool's summary, a plan, a schema without a number, nothing.
            (b"{\"schema\": 1, \"tool\": {\"name\": \"other\"}}", false),
            (b"unit = \"X\"\n# \"tool\": {\"name\": \"tthtcd\"", false),
            (b"{\"schema\": , \"tool\": {\"name\": \"tthtcd\"", false),
            (b"", false),
        ];
        for (bytes, own) in cases {
            std::fs::write(&p, bytes).unwrap();
            assert_eq!(json_is_own(&p), own, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_sealed_workbook_is_own_and_any_changed_byte_breaks_the_seal() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tong-hop.xlsx");
        let plain = own_workbook();
        let sealed = seal(plain.clone());
        // The comment adds its 14 + 64 = 78 bytes; everything before the length field
        // is untouched.
        assert_eq!(sealed.len(), plain.len() + 78);
        assert_eq!(sealed[..plain.len() - 2], plain[..plain.len() - 2]);
        assert_eq!(seal(plain.clone()), sealed, "deterministic");
        std::fs::write(&p, &sealed).unwrap();
        assert_eq!(examine(&p, Kind::Workbook), Existing::Own);
        // Still a workbook every reader opens, with its property.
        assert!(carries_own_property(&p));
        // One byte of the stored parts changed (as a zip-level edit would): not own
        // any more, but still carrying the property, so a corrected workbook.
        let mut edited = sealed.clone();
        edited[40] ^= 1;
        std::fs::write(&p, &edited).unwrap();
        assert!(!seal_holds(&p));
        assert!(seal_holds_bytes(&sealed) && !seal_holds_bytes(&edited));
        // The unsealed original: the property without the seal.
        std::fs::write(&p, &plain).unwrap();
        assert!(matches!(
            examine(&p, Kind::Workbook),
            Existing::Corrected { .. }
        ));
    }

    #[test]
    fn only_a_small_zip_directory_is_parsed_by_the_run() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tong-hop.xlsx");
        let small = |bytes: &[u8]| {
            std::fs::write(&p, bytes).unwrap();
            let f = File::open(&p).unwrap();
            directory_is_small(&f, bytes.len() as u64).unwrap()
        };
        let own = own_workbook();
        assert!(small(&own));
        // The end record's entry counts (this disk, all disks) at +8 and +10.
        let at = own.len() - EOCD_LEN;
        for (count, expected) in [(1000u16, true), (1001, false), (0xFFFF, false)] {
            let mut b = own.clone();
            b[at + 8..at + 10].copy_from_slice(&count.to_le_bytes());
            b[at + 10..at + 12].copy_from_slice(&count.to_le_bytes());
            assert_eq!(small(&b), expected, "{count} entries");
        }
        // A zip64 directory offset.
        let mut b = own.clone();
        b[at + 16..at + 20].copy_from_slice(&[0xFF; 4]);
        assert!(!small(&b));
        assert!(!small(b"not a zip at all"));
    }

    #[test]
    fn a_corrected_workbook_is_kept_under_a_dated_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tong-hop.xlsx");
        let corrected = own_workbook();
        // Last changed on 3 May 2019, noon local time.
        let may3 = chrono::NaiveDate::from_ymd_opt(2019, 5, 3)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_local_timezone(chrono::Local)
            .unwrap();
        let t = SystemTime::from(may3);
        // A person saves a corrected copy over the output on 3 May.
        let correct_by_hand = || {
            std::fs::write(&p, &corrected).unwrap();
            File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(t)
                .unwrap();
        };
        correct_by_hand();
        let new = own_workbook();
        let w = write(&p, &new, Kind::Workbook, Lang::Vi).unwrap();
        let kept = dir.path().join("tong-hop (sửa tay 03-05-2019).xlsx");
        assert_eq!(w.kept.as_deref(), Some(kept.as_path()));
        assert_eq!(std::fs::read(&kept).unwrap(), corrected);
        assert_eq!(std::fs::read(&p).unwrap(), seal(new.clone()));
        // A second corrected copy of the same day takes the next name.
        correct_by_hand();
        let w = write(&p, &new, Kind::Workbook, Lang::Vi).unwrap();
        assert_eq!(
            w.kept.unwrap(),
            dir.path().join("tong-hop (sửa tay 03-05-2019, 2).xlsx")
        );
        // The sealed output is replaced without keeping anything.
        let w = write(&p, &new, Kind::Workbook, Lang::Vi).unwrap();
        assert_eq!(w.kept, None);
        // In English, the kept name says so in English.
        correct_by_hand();
        let w = write(&p, &new, Kind::Workbook, Lang::En).unwrap();
        assert_eq!(
            w.kept.unwrap(),
            dir.path().join("tong-hop (edited by hand 03-05-2019).xlsx")
        );
        assert_eq!(names(dir.path()).len(), 4);
    }

    #[test]
    fn rename_without_replace_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, b"new").unwrap();
        std::fs::write(&b, b"appeared meanwhile").unwrap();
        let e = rename_noreplace(&a, &b).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&b).unwrap(), b"appeared meanwhile");
        assert_eq!(std::fs::read(&a).unwrap(), b"new");
        std::fs::remove_file(&b).unwrap();
        rename_noreplace(&a, &b).unwrap();
        assert_eq!(std::fs::read(&b).unwrap(), b"new");
        assert!(!a.exists());
    }

    #[test]
    fn stale_temporary_files_of_dead_runs_are_removed_and_only_those() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let old = SystemTime::now() - Duration::from_secs(600);
        let ancient = SystemTime::now() - Duration::from_secs(7200);
        // No process has id 4,000,000,000 (Linux caps ids at 2^22).
        let dead = format!("{TEMP_PREFIX}4000000000-0badcafe");
        let dead_fresh = format!("{TEMP_PREFIX}4000000001-0badcafe");
        let mine = format!("{TEMP_PREFIX}{}-00000001", std::process::id());
        let legacy_old = format!("{TEMP_PREFIX}a1B2c3");
        let legacy_new = format!("{TEMP_PREFIX}d4E5f6");
        for (name, t) in [
            (&dead, old),
            (&dead_fresh, SystemTime::now()),
            (&mine, old),
            (&legacy_old, ancient),
            (&legacy_new, old),
            (&"bao-cao.xlsx".to_string(), ancient),
        ] {
            let f = File::create(d.join(name)).unwrap();
            f.set_modified(t).unwrap();
        }
        remove_stale(d);
        let mut expected = vec![
            "bao-cao.xlsx".to_string(),
            dead_fresh.clone(),
            legacy_new.clone(),
            mine.clone(),
        ];
        if !cfg!(target_os = "linux") {
            // Where a process cannot be looked up, only the hour-old file goes.
            expected.push(dead.clone());
        }
        expected.sort();
        assert_eq!(names(d), expected);
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_file_is_made_with_the_umask_not_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (t, _f) = Temp::create(dir.path()).unwrap();
        let mode = std::fs::metadata(t.path()).unwrap().permissions().mode() & 0o777;
        // 0666 less the process's umask, whatever it is here: never the 0600 of a
        // private temporary file unless the umask asks for it.
        let umask = read_umask();
        assert_eq!(mode, 0o666 & !umask);
        drop(t);
        assert!(names(dir.path()).is_empty());
    }

    #[cfg(unix)]
    fn read_umask() -> u32 {
        // Linux reports it in /proc/self/status; elsewhere assume the usual 022.
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .unwrap_or(0o022)
    }

    #[test]
    fn folders_pipes_and_links_at_the_output_path_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("tong-hop.xlsx");
        std::fs::create_dir(&sub).unwrap();
        assert!(matches!(
            preflight(&sub, Kind::Workbook),
            Err(OutputError::NotAFile(_))
        ));
        #[cfg(unix)]
        {
            // A pipe at the JSON path is refused without being opened (opening it
            // would wait for a writer: this test would hang).
            let pipe = dir.path().join("tom-tat.json");
            let c = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
            // SAFETY: a NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
            assert!(matches!(
                preflight(&pipe, Kind::Json),
                Err(OutputError::NotAFile(_))
            ));
            // A link, even to a file of the tool's, is not replaced by a file.
            let link = dir.path().join("lien-ket.json");
            std::os::unix::fs::symlink(&pipe, &link).unwrap();
            assert_eq!(examine(&link, Kind::Json), Existing::NotAFile);
        }
    }
}
