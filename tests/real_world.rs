//! The real workbooks in the project's shared material (../shared/real-world-workbooks,
//! taken unchanged from public repositories; see its README): statistics forms, staff
//! and people lists, timetables, templates, a data dictionary of 157 sheets, a JSON
//! error saved as .xlsx. None is a class report, so none may give a class; each is
//! listed as skipped (or failed, when it is no spreadsheet at all) with a reason, and
//! none fills Cảnh báo with more than three lines.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-world-workbooks")
}

/// The workbooks of the shared folder (its README is not one).
fn workbooks(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".xlsx") || n.ends_with(".xls"))
        .collect();
    names.sort();
    names
}

#[test]
fn real_workbooks_that_are_no_class_reports_give_no_class_and_one_reason_each() {
    let folder = shared();
    assert!(
        folder.is_dir(),
        "shared/real-world-workbooks is missing beside the checkout"
    );
    // A copy, so that nothing the run does can touch the shared files.
    let tmp = tempfile::tempdir().unwrap();
    let names = workbooks(&folder);
    // The README lists 19 workbooks.
    assert_eq!(names.len(), 19);
    for n in &names {
        std::fs::copy(folder.join(n), tmp.path().join(n)).unwrap();
    }
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        // What each file is, not how fast it reads: a debug build on a busy machine
        // took over the default 30 seconds for one of them.
        .args([
            "check",
            tmp.path().to_str().unwrap(),
            "--json",
            "-",
            "--max-seconds",
            "600",
        ])
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["totals"]["classes"], 0);
    assert_eq!(j["totals"]["learners"], 0);
    assert_eq!(j["totals"]["rows_read"], 0);
    let files = j["files"].as_array().unwrap();
    assert_eq!(files.len(), 19);
    let issues = j["issues"].as_array().unwrap();
    for f in files {
        let path = f["path"].as_str().unwrap();
        let status = f["status"].as_str().unwrap();
        let reason = f["reason"].as_str().unwrap_or("");
        // Only the JSON body can fail: every other file is a real workbook, read and
        // found to hold no class table.
        let expected = if path == "csdln-diem-danh-export-json-25byte.xlsx" {
            "failed"
        } else {
            "skipped"
        };
        assert_eq!(status, expected, "{path}: {reason}");
        assert!(!reason.is_empty(), "{path} has no reason");
        let lines = issues.iter().filter(|i| i["file"] == path).count();
        assert!(
            (1..=3).contains(&lines),
            "{path}: {lines} lines in Cảnh báo"
        );
    }
    // No row was read, so none can have been rejected.
    assert!(
        !issues
            .iter()
            .any(|i| i["severity"] == "error" && !i["cell"].is_null()),
        "a row was rejected"
    );
    // The ones whose kind is plain from their headings say so.
    let reason_of = |name: &str| {
        files
            .iter()
            .find(|f| f["path"] == name)
            .and_then(|f| f["reason"].as_str())
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        reason_of("csdln-bieu01-mam-non-dau-nam.xlsx"),
        "biểu thống kê, không phải báo cáo lớp"
    );
    assert_eq!(
        reason_of("csdln-bieu02-tieu-hoc-dau-nam.xlsx"),
        "biểu thống kê, không phải báo cáo lớp"
    );
    assert!(reason_of("fpt-ke-hoach-bao-ve-block1-fa18.xlsx").starts_with("lịch học"));
    assert!(reason_of("luong-bang-luong-mau-xlsx-named-xls.xls").starts_with("danh sách người"));
    assert!(reason_of("csdln-diem-danh-export-json-25byte.xlsx").contains("JSON"));
}
