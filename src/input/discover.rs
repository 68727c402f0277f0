//! Which files are in the folder and which of them to open. The walk is recursive and
//! sorted, so two runs over the same folder read the same files in the same order.

use std::path::{Path, PathBuf};

use crate::diagnostics::Problem;

/// Spreadsheet formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
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
