//! `tthtcd` started with no arguments, as a double-click on the program in the reports
//! folder starts it (issue 17): it consolidates the folder it stands in, or its "Báo
//! cáo" sub-folder, writes tong-hop.xlsx beside itself and says which plan it used.
//! Not in a console (standard input here is no terminal), it neither opens the workbook
//! nor waits. Figures worked out by hand from the fixtures.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The program placed in `dir`, as a secretary places tthtcd.exe: a link to the built
/// binary (a copy where links cannot be made).
fn program_in(dir: &Path) -> PathBuf {
    let at = dir.join("tthtcd");
    let built = env!("CARGO_BIN_EXE_tthtcd");
    if std::fs::hard_link(built, &at).is_err() {
        std::fs::copy(built, &at).unwrap();
    }
    at
}

/// Started with no argument from another folder, nothing on its input.
fn double_click(program: &Path) -> Output {
    Command::new(program)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Two reports: kinh-te.xlsx, Trồng lúa 05/03/2019 with 25 learners; phap-luat.xlsx,
/// Luật đất đai 10/04/2019 with 30. Against the embedded plan (2019): 2 classes, 55
/// learners.
fn reports(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    common::month_report(
        &folder.join("kinh-te.xlsx"),
        &[("Trồng lúa", "05/03/2019", 25.0)],
    );
    common::month_report(
        &folder.join("phap-luat.xlsx"),
        &[("Luật đất đai", "10/04/2019", 30.0)],
    );
}

/// The classes and learners tong-hop.xlsx in `dir` holds, read back.
fn figures(dir: &Path) -> (u64, u64) {
    let c = tthtcd::readback::read_back(dir, "tong-hop.xlsx", None, None).unwrap();
    (c.summary.classes.actual, c.summary.learners.actual)
}

fn plan_form(path: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["plan", "template", "-o"])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn the_bao_cao_folder_beside_the_program_is_read_against_the_built_in_plan() {
    let dir = tempfile::tempdir().unwrap();
    reports(&dir.path().join("Báo cáo"));
    let out = double_click(&program_in(dir.path()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = dir.path().join("Báo cáo");
    assert!(
        stdout.starts_with(&format!(
            "Tổng hợp các báo cáo trong thư mục: {}",
            folder.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("Kế hoạch: kế hoạch có sẵn trong công cụ (Xã Hồng Thái Tây, năm 2019)")
    );
    // Written beside the program, not in the reports folder; and no waiting for Enter.
    assert!(!folder.join("tong-hop.xlsx").exists());
    assert!(!stdout.contains("Nhấn Enter"));
    assert_eq!(figures(dir.path()), (2, 55));
}

#[test]
fn without_a_bao_cao_folder_the_program_s_own_folder_is_read_with_its_plan_form() {
    let dir = tempfile::tempdir().unwrap();
    reports(dir.path());
    plan_form(&dir.path().join("ke-hoach.xlsx"));
    let out = double_click(&program_in(dir.path()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Kế hoạch: ke-hoach.xlsx (Xã Hồng Thái Tây, năm 2019)"),
        "{stdout}"
    );
    assert_eq!(figures(dir.path()), (2, 55));
    // A second double-click replaces the workbook the first one wrote, whose own
    // classes are not read as reports.
    let again = double_click(&dir.path().join("tthtcd"));
    assert!(again.status.success());
    assert_eq!(figures(dir.path()), (2, 55));
}

#[test]
fn a_plan_form_beside_the_program_serves_a_bao_cao_folder_without_one() {
    let dir = tempfile::tempdir().unwrap();
    reports(&dir.path().join("BAO CAO"));
    plan_form(&dir.path().join("ke-hoach.xlsx"));
    let out = double_click(&program_in(dir.path()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let plan = dir.path().join("ke-hoach.xlsx");
    assert!(
        stdout.contains(&format!("Kế hoạch: {} (Xã Hồng Thái Tây", plan.display())),
        "{stdout}"
    );
    assert_eq!(figures(dir.path()), (2, 55));
}

#[test]
fn started_where_there_is_no_workbook_it_says_where_it_belongs_and_writes_nothing() {
    // As if double-clicked in the Downloads folder: a text file and a picture beside it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "họp ngày 5/3").unwrap();
    std::fs::write(dir.path().join("anh.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    let out = double_click(&program_in(dir.path()));
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "Lỗi: không thấy bảng tính nào trong thư mục {}: hãy chép tthtcd vào thư mục chứa \
             các báo cáo tháng",
            dir.path().display()
        )),
        "{stderr}"
    );
    assert!(!dir.path().join("tong-hop.xlsx").exists());
}
