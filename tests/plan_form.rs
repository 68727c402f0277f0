//! `tthtcd plan template` and `tthtcd template` write the plan form (ke-hoach.xlsx):
//! the embedded plan's figures, the year asked for, and never over a file that may
//! have been filled in unless --force.

use std::path::Path;
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .unwrap()
}

/// The cell at an A1-style (row, column) of `sheet`, both counted from 1.
fn cell(path: &Path, sheet: &str, (row, col): (u32, u32)) -> Data {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .get_value((row - 1, col - 1))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn plan_template_writes_the_embedded_plan_for_the_year_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ke-hoach.xlsx");
    ok(&tthtcd(&[
        "plan",
        "template",
        "-o",
        out.to_str().unwrap(),
        "--year",
        "2024",
    ]));
    // Năm is row 4 of Kế hoạch; Dân số (5550) row 5; the rest is the 2019 plan's.
    assert_eq!(cell(&out, "Kế hoạch", (4, 1)), Data::String("Năm".into()));
    assert_eq!(cell(&out, "Kế hoạch", (4, 2)), Data::Float(2024.0));
    assert_eq!(cell(&out, "Kế hoạch", (5, 2)), Data::Float(5550.0));
    // Kinh tế: 8 classes, 800 learners.
    assert_eq!(cell(&out, "Tiểu ban", (2, 4)), Data::Float(8.0));
    assert_eq!(cell(&out, "Tiểu ban", (2, 5)), Data::Float(800.0));
}

#[test]
fn plan_template_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ke-hoach.xlsx");
    std::fs::write(&out, b"filled in by hand").unwrap();
    let path = out.to_str().unwrap();
    let refused = tthtcd(&["plan", "template", "-o", path]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), b"filled in by hand");
    ok(&tthtcd(&["plan", "template", "-o", path, "--force"]));
    assert_eq!(cell(&out, "Kế hoạch", (4, 2)), Data::Float(2019.0));
}

#[test]
fn plan_template_refuses_a_year_the_form_does_not_accept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ke-hoach.xlsx");
    let path = out.to_str().unwrap();
    for year in ["1999", "2101", "năm"] {
        let o = tthtcd(&["plan", "template", "-o", path, "--year", year]);
        assert_eq!(o.status.code(), Some(3), "{year}");
    }
    assert!(!out.exists());
}

#[test]
fn template_writes_the_plan_form_beside_the_other_forms() {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("bieu-mau");
    let folder = forms.to_str().unwrap();
    ok(&tthtcd(&["template", "-o", folder]));
    let form = forms.join("ke-hoach.xlsx");
    assert_eq!(cell(&form, "Kế hoạch", (4, 2)), Data::Float(2019.0));
    // The totals beside Tiểu ban: 54 classes by sub-committee, 53 by quarter.
    assert_eq!(cell(&form, "Tiểu ban", (2, 8)), Data::Float(54.0));
    assert_eq!(cell(&form, "Tiểu ban", (3, 8)), Data::Float(53.0));
    // The plan form too may have been filled in: a second run is refused.
    std::fs::remove_dir_all(&forms).unwrap();
    std::fs::create_dir_all(&forms).unwrap();
    std::fs::write(&form, b"filled in").unwrap();
    assert_eq!(tthtcd(&["template", "-o", folder]).status.code(), Some(3));
    assert_eq!(std::fs::read(&form).unwrap(), b"filled in");
}
