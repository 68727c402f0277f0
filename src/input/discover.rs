//! Which files are in the folder and which of them to open. The walk is recursive and
//! sorted, so two runs over the same folder read the same files in the same order.

use std::path::{Path, PathBuf};

use crate::diagnostics::Problem;

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

/// A file found in the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    /// Relative to the folder, `/`-separated.
    pub rel: String,
    pub size: u64,
    /// What to do with it: read it as this format, or skip it for this reason.
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Read(Format),
    Skip(Problem),
}

/// Lists every file below `folder`, sorted by relative path. Hidden folders (".git")
/// are not entered; symbolic links to folders are not followed, so a link loop cannot
/// hang the walk. `exclude` (the output being written) is left out.
pub fn discover(folder: &Path, exclude: Option<&Path>) -> std::io::Result<Vec<Found>> {
    let mut out = Vec::new();
    let exclude = exclude.and_then(|p| std::fs::canonicalize(p).ok());
    walk(folder, folder, exclude.as_deref(), &mut out)?;
    // A copy ("X (1).xlsx", "X - Copy.xlsx") is read after its original, so that of two
    // identical files it is the copy that is listed as the duplicate.
    out.sort_by_cached_key(|f| sort_key(&f.rel));
    Ok(out)
}

fn walk(
    root: &Path,
    dir: &Path,
    exclude: Option<&Path>,
    out: &mut Vec<Found>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let is_link = entry.file_type().map(|t| t.is_symlink()).unwrap_or(false);
        if meta.is_dir() {
            if !name.starts_with('.') && !is_link {
                // A folder we cannot list is not worth stopping the month's run for.
                let _ = walk(root, &path, exclude, out);
            }
            continue;
        }
        if !meta.is_file() {
            continue;
        }
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        // The file this run is about to write is not an input: leaving it out keeps the
        // output the same whether or not an earlier run left it in the folder.
        let is_output = exclude.is_some_and(|x| {
            x.file_name() == path.file_name() && std::fs::canonicalize(&path).is_ok_and(|p| p == x)
        });
        if is_output {
            continue;
        }
        let action = classify(&path, &name);
        out.push(Found {
            path,
            rel,
            size: meta.len(),
            action,
        });
    }
    Ok(())
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
        return Action::Skip(Problem::LockFile);
    }
    if name.starts_with('.') {
        return Action::Skip(Problem::HiddenFile);
    }
    match Format::from_path(path) {
        Some(f) => Action::Read(f),
        None => Action::Skip(Problem::NotSpreadsheet {
            extension: path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default(),
        }),
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
                (".hidden.xlsx", &Action::Skip(Problem::HiddenFile)),
                ("a.XLS", &Action::Read(Format::Xls)),
                ("b-sub/c.ods", &Action::Read(Format::Ods)),
                (
                    "note.docx",
                    &Action::Skip(Problem::NotSpreadsheet {
                        extension: "docx".into()
                    })
                ),
                ("~$z.xlsx", &Action::Skip(Problem::LockFile)),
            ]
        );
    }
}
