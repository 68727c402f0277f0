//! Writing the output file safely: never over a file the tool did not write itself,
//! always through a temporary file in the same folder renamed into place, so a crash or
//! a full disk never leaves half a workbook where last month's was.

use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::input::discover::Format;
use crate::input::workbook::{self, Outcome};

#[derive(Debug, Error)]
pub enum OutputError {
    #[error(
        "'{0}' đã tồn tại và không phải tệp do tthtcd tạo ra (có thể là một báo cáo đầu vào); chọn tên tệp khác"
    )]
    WouldOverwrite(PathBuf),
    #[error("không ghi được vào thư mục '{dir}': {}", crate::labels::io_reason(.err))]
    Unwritable { dir: PathBuf, err: std::io::Error },
    #[error("không ghi được '{path}': {} (tệp có đang mở trong Excel/LibreOffice không?)", crate::labels::io_reason(.err))]
    Write { path: PathBuf, err: std::io::Error },
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Checks, before any work is done, that `path` may be written: its folder is
/// writable, and whatever is there now is a workbook this tool wrote.
pub fn preflight(path: &Path) -> Result<(), OutputError> {
    if path.exists() {
        let ours = std::fs::read(path).ok().is_some_and(|bytes| {
            matches!(
                workbook::read(&bytes, Format::from_path(path).unwrap_or(Format::Xlsx)),
                Outcome::OwnOutput
            )
        });
        if !ours {
            return Err(OutputError::WouldOverwrite(path.to_path_buf()));
        }
    }
    let dir = parent(path);
    tempfile::Builder::new()
        .prefix(".tthtcd-")
        .tempfile_in(&dir)
        .map(drop)
        .map_err(|err| OutputError::Unwritable { dir, err })
}

/// Writes `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let dir = parent(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".tthtcd-")
        .tempfile_in(&dir)
        .map_err(|err| OutputError::Unwritable {
            dir: dir.clone(),
            err,
        })?;
    let werr = |err| OutputError::Write {
        path: path.to_path_buf(),
        err,
    };
    tmp.write_all(bytes).map_err(werr)?;
    tmp.as_file().sync_all().map_err(werr)?;
    tmp.persist(path).map_err(|e| werr(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_a_file_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("kinh-te.xlsx");
        std::fs::write(&input, b"not ours").unwrap();
        assert!(matches!(
            preflight(&input),
            Err(OutputError::WouldOverwrite(_))
        ));
        assert_eq!(std::fs::read(&input).unwrap(), b"not ours");
    }

    #[test]
    fn writes_atomically_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("tong-hop.json");
        preflight(&out).unwrap();
        write_atomic(&out, b"{}").unwrap();
        write_atomic(&out, b"[1]").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"[1]");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
