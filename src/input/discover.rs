//! Which files are in the folder and which of them to open. The walk is recursive and
//! sorted, so two runs over the same folder read the same files in the same order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{FoundProblem, Problem, ReadProblem, SpecialKind};

/// Spreadsheet formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Xlsx,
    Xlsm,
    Xlsb,
    Xls,
    Ods,
}

impl Format {
    /// The format a file name claims, by extension (any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "xlsx" => Format::Xlsx,
            "xlsm" => Format::Xlsm,
            "xlsb" => Format::Xlsb,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            _ => return None,
        })
    }
}

/// An entry found in the folder: a file, or a folder or link that stands for what
/// could not be listed inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    /// Relative to the folder, `/`-separated; a folder's ends with `/`.
    pub rel: String,
    pub size: u64,
    /// What to do with it: read it as this format, or skip it for this reason.
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Read(Format),
    Skip(Problem),
    /// Listed as failed without being opened: something in it may not be counted
    /// (an unreadable folder, a broken link with a spreadsheet's name).
    Fail(Problem),
}

/// The reports sub-folder of `dir`, when it has one: the first, by name, whose name
/// folds to "bao cao" ("Báo cáo", "BAO CAO", "Bao cao"), where a secretary who keeps
/// tthtcd beside the folder puts the reports.
pub fn reports_subfolder(dir: &Path) -> Option<PathBuf> {
    let mut named: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| {
            crate::text::fold(&e.file_name().to_string_lossy())
                == crate::labels::double_click::REPORTS_FOLDER
        })
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    named.sort();
    named.into_iter().next()
}

/// The path with every link resolved, as people write it (`C:\x`, not `\\?\C:\x`).
/// Where the system cannot resolve a path that is there — some network drives, and
/// Wine past 260 characters, fail `GetFinalPathNameByHandle` — the absolute path: a
/// folder that can be read is never refused for want of its final name. Err when
/// nothing is at the path.
pub fn canonical(path: &Path) -> std::io::Result<PathBuf> {
    match dunce::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(e),
        Err(e) => {
            std::fs::metadata(path).map_err(|_| e)?;
            std::path::absolute(path).map(|p| dunce::simplified(&p).to_path_buf())
        }
    }
}

/// Lists every entry below `folder`, sorted by relative path, each once: the files to
/// read, and with its reason every entry that is not read — hidden folders (".git"),
/// folders that cannot be opened, broken and looping links, pipes, sockets and devices
/// (never opened: reading a pipe would wait for ever). A link to a folder outside
/// `folder` is followed, once; one to a folder inside it (read there already), to
/// `folder` itself or above it, or to a folder already followed is listed, not
/// followed, so no link can make the walk loop. `exclude` (the output being written)
/// is left out.
pub fn discover(folder: &Path, exclude: Option<&Path>) -> std::io::Result<Vec<Found>> {
    let exclude = exclude.and_then(|p| canonical(p).ok());
    let root_canon = canonical(folder)?;
    let mut walk = Walk {
        root: folder,
        root_canon,
        exclude: exclude.as_deref(),
        visited: HashSet::new(),
        out: Vec::new(),
    };
    let entries = list(folder)?;
    walk.entries(folder, entries);
    let mut out = walk.out;
    // A copy ("X (1).xlsx", "X - Copy.xlsx") is read after its original, so that of two
    // identical files it is the copy that is listed as the duplicate.
    out.sort_by_cached_key(|f| sort_key(&f.rel));
    Ok(out)
}

struct Walk<'a> {
    root: &'a Path,
    root_canon: PathBuf,
    exclude: Option<&'a Path>,
    /// Every folder walked, canonical: a link to one of them is not followed again.
    visited: HashSet<PathBuf>,
    out: Vec<Found>,
}

/// A folder's entries, sorted by name; an entry that cannot be read is an error.
fn list(dir: &Path) -> std::io::Result<Vec<std::fs::DirEntry>> {
    let mut entries = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

/// The OS error code of "too many levels of symbolic links".
const ELOOP: i32 = if cfg!(windows) {
    1921
} else if cfg!(any(target_os = "linux", target_os = "android")) {
    40
} else {
    62
};

impl Walk<'_> {
    fn rel(&self, path: &Path) -> String {
        path.strip_prefix(self.root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    fn push(&mut self, path: &Path, folder: bool, size: u64, action: Action) {
        let mut rel = self.rel(path);
        if folder {
            rel.push('/');
        }
        self.out.push(Found {
            path: path.to_path_buf(),
            rel,
            size,
            action,
        });
    }

    /// Walks a folder below the root; one that cannot be listed is one failed line.
    fn folder(&mut self, dir: &Path) {
        match list(dir) {
            Ok(entries) => self.entries(dir, entries),
            Err(e) => self.push(
                dir,
                true,
                0,
                Action::Fail(Problem::Found(FoundProblem::UnreadableFolder {
                    kind: e.kind(),
                })),
            ),
        }
    }

    fn entries(&mut self, dir: &Path, entries: Vec<std::fs::DirEntry>) {
        if let Ok(canon) = canonical(dir) {
            self.visited.insert(canon);
        }
        for entry in entries {
            self.entry(&entry);
        }
    }

    fn entry(&mut self, entry: &std::fs::DirEntry) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let unreadable = |e: std::io::Error| {
            Action::Fail(Problem::Unread(ReadProblem::UnreadableFile {
                kind: e.kind(),
            }))
        };
        let file_type = match entry.file_type() {
            Ok(t) => t,
            Err(e) => return self.push(&path, false, 0, unreadable(e)),
        };
        if file_type.is_symlink() {
            return self.link(&path, &name);
        }
        if file_type.is_dir() {
            if name.starts_with('.') {
                return self.push(
                    &path,
                    true,
                    0,
                    Action::Skip(Problem::Found(FoundProblem::HiddenFolder)),
                );
            }
            return self.folder(&path);
        }
        // Not followed: the entry itself (a file, a pipe, a socket, a device).
        match std::fs::symlink_metadata(&path) {
            Ok(meta) => self.file(&path, &name, &meta),
            // Gone since the folder was listed: no longer an entry of it.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => self.push(&path, false, 0, unreadable(e)),
        }
    }

    /// A symbolic link: what it points to decides, the link's own name is listed.
    fn link(&mut self, path: &Path, name: &str) {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        // A broken link with a spreadsheet's name may be a report that is missing.
        let judged = |p: Problem| {
            if Format::from_path(Path::new(name)).is_some() {
                Action::Fail(p)
            } else {
                Action::Skip(p)
            }
        };
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.folder_link(path),
            Ok(meta) => self.file(path, name, &meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => self.push(
                path,
                false,
                0,
                judged(Problem::Found(FoundProblem::DanglingLink { target })),
            ),
            Err(e) if e.raw_os_error() == Some(ELOOP) => self.push(
                path,
                false,
                0,
                judged(Problem::Found(FoundProblem::LinkLoop { target })),
            ),
            Err(e) => self.push(
                path,
                false,
                0,
                Action::Fail(Problem::Unread(ReadProblem::UnreadableFile {
                    kind: e.kind(),
                })),
            ),
        }
    }

    /// A link to a folder: followed when it leads outside the root to a folder not
    /// walked yet; otherwise listed with where it leads.
    fn folder_link(&mut self, path: &Path) {
        let target = match dunce::canonicalize(path) {
            Ok(t) => t,
            Err(e) => {
                return self.push(
                    path,
                    true,
                    0,
                    Action::Fail(Problem::Found(FoundProblem::UnreadableFolder {
                        kind: e.kind(),
                    })),
                );
            }
        };
        let shown = match target.strip_prefix(&self.root_canon) {
            Ok(inside) if inside.as_os_str().is_empty() => ".".to_string(),
            Ok(inside) => inside.to_string_lossy().replace('\\', "/"),
            Err(_) => target.display().to_string(),
        };
        if self.root_canon.starts_with(&target) {
            // The root itself or a folder above it: following would read it again.
            self.push(
                path,
                true,
                0,
                Action::Skip(Problem::Found(FoundProblem::LinkLoop { target: shown })),
            );
        } else if target.starts_with(&self.root_canon) || self.visited.contains(&target) {
            self.push(
                path,
                true,
                0,
                Action::Skip(Problem::Found(FoundProblem::LinkedFolderSeen {
                    target: shown,
                })),
            );
        } else {
            self.folder(path);
        }
    }

    /// A regular file is classified by its name; anything else is listed, unopened.
    fn file(&mut self, path: &Path, name: &str, meta: &std::fs::Metadata) {
        if !meta.is_file() {
            let kind = special_kind(meta);
            return self.push(
                path,
                false,
                0,
                Action::Skip(Problem::Found(FoundProblem::SpecialFile { kind })),
            );
        }
        // The file this run is about to write is not an input: leaving it out keeps the
        // output the same whether or not an earlier run left it in the folder.
        let is_output = self.exclude.is_some_and(|x| {
            x.file_name() == path.file_name() && canonical(path).is_ok_and(|p| p == x)
        });
        if is_output {
            return;
        }
        let action = classify(path, name);
        self.push(path, false, meta.len(), action);
    }
}

fn special_kind(meta: &std::fs::Metadata) -> SpecialKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return SpecialKind::Fifo;
        }
        if t.is_socket() {
            return SpecialKind::Socket;
        }
        if t.is_block_device() || t.is_char_device() {
            return SpecialKind::Device;
        }
    }
    let _ = meta;
    SpecialKind::Other
}

/// Sorts by the original's name, the original before its copies, then by name.
fn sort_key(rel: &str) -> (String, bool, String) {
    let base = copy_base(rel);
    let is_copy = base != rel;
    (base, is_copy, rel.to_string())
}

/// The path with a copy marker removed from the file name: "a/X (1).xlsx" → "a/X.xlsx".
fn copy_base(rel: &str) -> String {
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let mut base = stem.trim_end();
    for marker in [" - Copy", " - Bản sao", " - Sao chép", " copy", " Copy"] {
        base = base.strip_suffix(marker).unwrap_or(base);
    }
    if let Some(open) = base.rfind(" (")
        && base.ends_with(')')
        && base[open + 2..base.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        base = &base[..open];
    }
    let file = if ext.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{ext}")
    };
    if dir.is_empty() {
        file
    } else {
        format!("{dir}/{file}")
    }
}

fn classify(path: &Path, name: &str) -> Action {
    if name.starts_with("~$") || name.starts_with(".~lock.") {
        return Action::Skip(Problem::Found(FoundProblem::LockFile));
    }
    if name.starts_with('.') {
        return Action::Skip(Problem::Found(FoundProblem::HiddenFile));
    }
    match Format::from_path(path) {
        Some(f) => Action::Read(f),
        None => Action::Skip(Problem::Found(FoundProblem::NotSpreadsheet {
            extension: path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default(),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_sort_after_their_original() {
        assert_eq!(
            copy_base("kinh-te/thang-04 (1).xlsx"),
            "kinh-te/thang-04.xlsx"
        );
        assert_eq!(copy_base("Bao cao - Copy.xls"), "Bao cao.xls");
        assert_eq!(copy_base("Quy (II).xlsx"), "Quy (II).xlsx");
        let mut v = vec!["a/X (1).xlsx", "a/X.xlsx", "a/W.xlsx"];
        v.sort_by_key(|r| sort_key(r));
        assert_eq!(v, ["a/W.xlsx", "a/X.xlsx", "a/X (1).xlsx"]);
    }

    #[test]
    fn walk_is_sorted_recursive_and_classifies() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b-sub")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "z.xlsx",
            "a.XLS",
            "~$z.xlsx",
            "b-sub/c.ods",
            "note.docx",
            ".hidden.xlsx",
            ".git/x.xlsx",
        ] {
            std::fs::write(root.join(f), b"x").unwrap();
        }
        let found = discover(root, Some(&root.join("z.xlsx"))).unwrap();
        let got: Vec<(&str, &Action)> = found.iter().map(|f| (f.rel.as_str(), &f.action)).collect();
        assert_eq!(
            got,
            vec![
                (
                    ".git/",
                    &Action::Skip(Problem::Found(FoundProblem::HiddenFolder))
                ),
                (
                    ".hidden.xlsx",
                    &Action::Skip(Problem::Found(FoundProblem::HiddenFile))
                ),
                ("a.XLS", &Action::Read(Format::Xls)),
                ("b-sub/c.ods", &Action::Read(Format::Ods)),
                (
                    "note.docx",
                    &Action::Skip(Problem::Found(FoundProblem::NotSpreadsheet {
                        extension: "docx".into()
                    }))
                ),
                (
                    "~$z.xlsx",
                    &Action::Skip(Problem::Found(FoundProblem::LockFile))
                ),
            ]
        );
    }

    /// A folder "in" under `tmp` holding every odd kind of entry, beside a folder
    /// "chia-se" it links to: (the folder, the one outside, the socket's listener, kept
    /// open while the test runs).
    #[cfg(unix)]
    fn odd_folder(tmp: &Path) -> (PathBuf, PathBuf, std::os::unix::net::UnixListener) {
        use std::os::unix::fs::symlink;
        let root = tmp.join("in");
        let outside = tmp.join("chia-se");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("a.xlsx"), b"x").unwrap();
        std::fs::write(root.join("sub/c.xlsx"), b"x").unwrap();
        std::fs::write(outside.join("b.xlsx"), b"x").unwrap();
        // Broken links: with a spreadsheet's name (a report may be missing) and without.
        symlink("khong-co.xlsx", root.join("mat.xlsx")).unwrap();
        symlink("khong-co", root.join("ghi-chu")).unwrap();
        // A link to itself.
        symlink("vong.xlsx", root.join("vong.xlsx")).unwrap();
        // Links to the folder itself, to its parent, to a folder inside it.
        symlink(".", root.join("len")).unwrap();
        symlink("..", root.join("cha")).unwrap();
        symlink("sub", root.join("trong")).unwrap();
        // Two links to one folder outside: followed once. Inside it, a link back.
        symlink(&outside, root.join("ngoai")).unwrap();
        symlink(&outside, root.join("ngoai2")).unwrap();
        symlink(&root, outside.join("ve")).unwrap();
        // A pipe, a socket, and (through a link) a device.
        let fifo = std::ffi::CString::new(root.join("ong.xlsx").to_str().unwrap()).unwrap();
        // SAFETY: a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        let socket = std::os::unix::net::UnixListener::bind(root.join("socket")).unwrap();
        symlink("/dev/null", root.join("null.xlsx")).unwrap();
        (root, outside, socket)
    }

    #[cfg(unix)]
    #[test]
    fn every_odd_entry_has_a_line_and_no_link_loops_the_walk() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, outside, _socket) = odd_folder(tmp.path());
        let found = discover(&root, None).unwrap();
        let got: Vec<(&str, &Action)> = found.iter().map(|f| (f.rel.as_str(), &f.action)).collect();
        let shown = |p: &Path| std::fs::canonicalize(p).unwrap().display().to_string();
        let xlsx = || Action::Read(Format::Xlsx);
        let skip = Action::Skip;
        let link_loop = |target: &str| {
            Problem::Found(FoundProblem::LinkLoop {
                target: target.into(),
            })
        };
        let dangling = |target: &str| {
            Problem::Found(FoundProblem::DanglingLink {
                target: target.into(),
            })
        };
        let seen = |target: String| skip(Problem::Found(FoundProblem::LinkedFolderSeen { target }));
        let special = |kind| skip(Problem::Found(FoundProblem::SpecialFile { kind }));
        let want = [
            ("a.xlsx", xlsx()),
            ("cha/", skip(link_loop(&shown(tmp.path())))),
            ("ghi-chu", skip(dangling("khong-co"))),
            ("len/", skip(link_loop("."))),
            ("mat.xlsx", Action::Fail(dangling("khong-co.xlsx"))),
            ("ngoai/b.xlsx", xlsx()),
            ("ngoai/ve/", skip(link_loop("."))),
            ("ngoai2/", seen(shown(&outside))),
            ("null.xlsx", special(SpecialKind::Device)),
            ("ong.xlsx", special(SpecialKind::Fifo)),
            ("socket", special(SpecialKind::Socket)),
            ("sub/c.xlsx", xlsx()),
            ("trong/", seen("sub".into())),
            ("vong.xlsx", Action::Fail(link_loop("vong.xlsx"))),
        ];
        let want: Vec<(&str, &Action)> = want.iter().map(|(rel, a)| (*rel, a)).collect();
        assert_eq!(got, want);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_cannot_be_opened_is_one_failed_line() {
        use std::os::unix::fs::PermissionsExt;
        // Root reads any folder whatever its mode: the whole-run test covers root by
        // running the binary as another user; here the mode is enough when not root.
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("khoa");
        std::fs::create_dir(&locked).unwrap();
        std::fs::write(locked.join("x.xlsx"), b"x").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let found = discover(dir.path(), None);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        let found = found.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rel, "khoa/");
        assert_eq!(
            found[0].action,
            Action::Fail(Problem::Found(FoundProblem::UnreadableFolder {
                kind: std::io::ErrorKind::PermissionDenied
            }))
        );
    }
}
