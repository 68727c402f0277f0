//! The plan as a workbook in a run: a plan form in the folder is the run's plan, listed
//! as the plan and not read as a report; two are refused; `plan check` names a form's
//! faults at their cells. The forms are built by code here; tests/other_commune.rs
//! fills the tool's own form with openpyxl.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::V::{N, T};
use tthtcd::PlanForms;

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .unwrap()
}

/// Xã Tân Lập's 2024 plan: Nông nghiệp (code nn) 4 classes / 200 learners, Tin học (no
/// code: made from the name, tin-hoc) 2 / 100; quarters 2/80, 2/80, 1/70, 1/70.
/// `learners_nn` is Nông nghiệp's learners cell, to plant a fault in.
fn plan_form(path: &Path, learners_nn: common::V) {
    common::book(
        path,
        &[
            (
                "Kế hoạch",
                vec![
                    vec![T("Mục"), T("Giá trị")],
                    vec![T("Đơn vị"), T("Xã Tân Lập")],
                    vec![T("Trung tâm"), T("Trung tâm học tập cộng đồng xã Tân Lập")],
                    vec![T("Năm"), N(2024.0)],
                    vec![T("Dân số từ 15 tuổi trở lên"), N(2000.0)],
                    vec![T("Tỷ lệ người học / dân số từ 15 tuổi (kế hoạch)"), N(0.15)],
                ],
            ),
            (
                "Tiểu ban",
                vec![
                    vec![
                        T("Mã"),
                        T("Tên tiểu ban"),
                        T("Tên gọi khác"),
                        T("Số lớp"),
                        T("Số học viên"),
                    ],
                    vec![
                        T("nn"),
                        T("Nông nghiệp"),
                        T("Trồng trọt"),
                        N(4.0),
                        learners_nn,
                    ],
                    vec![T(""), T("Tin học"), T(""), N(2.0), N(100.0)],
                ],
            ),
            (
                "Theo quý",
                vec![
                    vec![T("Quý"), T("Số lớp"), T("Số học viên")],
                    vec![N(1.0), N(2.0), N(80.0)],
                    vec![N(2.0), N(2.0), N(80.0)],
                    vec![N(3.0), N(1.0), N(70.0)],
                    vec![N(4.0), N(1.0), N(70.0)],
                ],
            ),
        ],
    );
}

/// The commune's folder: its plan form and two reports.
fn folder(dir: &Path) {
    plan_form(&dir.join("ke-hoach.xlsx"), N(200.0));
    common::month_report(
        &dir.join("nong-nghiep.xlsx"),
        &[
            ("Trồng lúa", "05/03/2024", 30.0),
            ("Nuôi gà", "20/03/2024", 25.0),
        ],
    );
    common::month_report(
        &dir.join("tin-hoc.xlsx"),
        &[("Tin học văn phòng", "10/04/2024", 40.0)],
    );
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_plan_form_in_the_folder_is_the_runs_plan() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bao-cao");
    std::fs::create_dir(&input).unwrap();
    folder(&input);
    let (out, js) = (dir.path().join("tong-hop.xlsx"), dir.path().join("t.json"));
    let run = tthtcd(&[
        "consolidate",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--json",
        js.to_str().unwrap(),
    ]);
    assert!(out.exists(), "{}", String::from_utf8_lossy(&run.stderr));
    let j = json(&js);
    assert_eq!(j["plan"]["source"], "ke-hoach.xlsx");
    assert_eq!(
        (j["plan"]["unit"].as_str(), j["plan"]["year"].as_i64()),
        (Some("Xã Tân Lập"), Some(2024))
    );
    // Listed as the plan, not read as a report.
    let form = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "ke-hoach.xlsx")
        .unwrap();
    assert_eq!(form["status"], "skipped");
    assert!(
        form["reason"]
            .as_str()
            .unwrap()
            .contains("kế hoạch của lần chạy này"),
        "{form}"
    );
    // Nông nghiệp: 2 classes, 30 + 25 = 55 learners, against 4 / 200; Tin học 1 / 40
    // against 2 / 100. Totals 3 classes, 95 learners.
    let subs: Vec<_> = j["subcommittees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["classes"]["actual"].as_u64(),
                s["learners"]["actual"].as_u64(),
                s["classes"]["target"].as_u64(),
                s["learners"]["target"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        subs,
        [
            ("nn".to_string(), Some(2), Some(55), Some(4), Some(200)),
            ("tin-hoc".to_string(), Some(1), Some(40), Some(2), Some(100)),
        ]
    );
    assert_eq!(
        (
            j["totals"]["classes"].as_u64(),
            j["totals"]["learners"].as_u64()
        ),
        (Some(3), Some(95))
    );
    // Quarter 1: the two March classes, 55 learners; quarter 2: April's, 40.
    let q: Vec<_> = j["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["classes"]["actual"].as_u64(),
                q["learners"]["actual"].as_u64(),
            )
        })
        .collect();
    assert_eq!(q[..2], [(Some(2), Some(55)), (Some(1), Some(40))]);
    // Nguồn lists it as the plan.
    let sources = sheet_rows(&out, "Nguồn");
    let row = sources
        .iter()
        .find(|r| r.get(1).map(String::as_str) == Some("ke-hoach.xlsx"));
    assert_eq!(
        row.and_then(|r| r.get(2)).map(String::as_str),
        Some("Kế hoạch"),
        "{sources:?}"
    );
    // Named with --plan from inside the folder: the same, listed relative to it.
    let js2 = dir.path().join("t2.json");
    tthtcd(&[
        "check",
        input.to_str().unwrap(),
        "--plan",
        input.join("ke-hoach.xlsx").to_str().unwrap(),
        "--json",
        js2.to_str().unwrap(),
    ]);
    assert_eq!(json(&js2)["plan"]["source"], "ke-hoach.xlsx");
}

#[test]
fn a_plan_form_not_taken_as_the_plan_is_listed_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bao-cao");
    std::fs::create_dir(&input).unwrap();
    folder(&input);
    // The same plan as TOML, outside the folder, named with --plan.
    let toml = dir.path().join("plan.toml");
    let form = input.join("ke-hoach.xlsx");
    assert!(
        tthtcd(&[
            "plan",
            "export",
            form.to_str().unwrap(),
            "-o",
            toml.to_str().unwrap()
        ])
        .status
        .success()
    );
    let js = dir.path().join("t.json");
    tthtcd(&[
        "check",
        input.to_str().unwrap(),
        "--plan",
        toml.to_str().unwrap(),
        "--json",
        js.to_str().unwrap(),
    ]);
    let j = json(&js);
    assert_eq!(j["plan"]["source"], toml.to_str().unwrap());
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "ke-hoach.xlsx")
        .unwrap();
    assert_eq!(f["status"], "skipped");
    assert!(
        f["reason"]
            .as_str()
            .unwrap()
            .contains("lần chạy này dùng kế hoạch khác"),
        "{f}"
    );
    let codes: Vec<_> = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["code"].as_str().unwrap(), i["severity"].as_str().unwrap()))
        .collect();
    assert!(
        codes.contains(&("plan-form-not-used", "warning")),
        "{codes:?}"
    );
    // The figures are the form's plan's all the same: 3 classes, 95 learners.
    assert_eq!(
        (
            j["totals"]["classes"].as_u64(),
            j["totals"]["learners"].as_u64()
        ),
        (Some(3), Some(95))
    );
}

#[test]
fn two_plan_forms_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    std::fs::copy(
        dir.path().join("ke-hoach.xlsx"),
        dir.path().join("Kế hoạch 2024.xlsx"),
    )
    .unwrap();
    let run = tthtcd(&["check", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{err}");
    assert!(
        err.contains("'Kế hoạch 2024.xlsx'") && err.contains("'ke-hoach.xlsx'"),
        "{err}"
    );
}

#[test]
fn a_class_registration_named_ke_hoach_stays_a_report() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    std::fs::remove_file(dir.path().join("ke-hoach.xlsx")).unwrap();
    // "Kế hoạch mở lớp" of Kinh tế (the embedded plan's): a list of classes, not the plan form.
    common::month_report(
        &dir.path().join("ke-hoach-mo-lop-kinh-te.xlsx"),
        &[("Trồng rau", "02/05/2019", 20.0)],
    );
    let js = dir.path().join("t.json");
    tthtcd(&[
        "check",
        dir.path().to_str().unwrap(),
        "--json",
        js.to_str().unwrap(),
    ]);
    let j = json(&js);
    assert_eq!(j["plan"]["source"], "embedded");
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "ke-hoach-mo-lop-kinh-te.xlsx")
        .unwrap();
    // Read as a report: its one class row.
    assert_eq!(f["rows"]["read"], 1, "{f}");
    assert!(
        !f["reason"]
            .as_str()
            .unwrap_or("")
            .contains("kế hoạch của lần chạy này"),
        "{f}"
    );
}

#[test]
fn plan_check_names_a_forms_faults_at_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ke-hoach.xlsx");
    plan_form(&path, T("8OO"));
    let run = tthtcd(&["plan", "check", path.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{out}");
    assert!(
        out.contains("- Tiểu ban!E2: số học viên '8OO' không phải là số"),
        "{out}"
    );
    // In a folder, the run refuses it with the fault at its cell: nothing is counted
    // against a plan that is not what the secretary meant.
    let run = tthtcd(&["check", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{err}");
    assert!(
        err.contains("Tiểu ban!E2: số học viên '8OO' không phải là số"),
        "{err}"
    );
    // A sound form: its plan's own findings. Sub-committees 4 + 2 = 6 classes, 200 + 100
    // = 300 learners; quarters 2 + 2 + 1 + 1 = 6, 80 + 80 + 70 + 70 = 300: they agree,
    // but 300 / 2000 = 15 % is the participation planned, which agrees too.
    plan_form(&path, N(200.0));
    let run = tthtcd(&["plan", "check", path.to_str().unwrap()]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

#[test]
fn given_a_sandbox_the_library_reads_the_plan_form_in_workers() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    match tthtcd::find_plan_form(dir.path(), Some(&common::sandbox())).unwrap() {
        PlanForms::One { rel, plan, .. } => {
            let plan = plan.unwrap();
            assert_eq!(rel, "ke-hoach.xlsx");
            assert_eq!((plan.unit.as_str(), plan.year), ("Xã Tân Lập", 2024));
        }
        other => panic!("{other:?}"),
    }
    // Workers that cannot start: the form is not read in this process instead.
    let nowhere = tthtcd::sandbox::Sandbox {
        exe: dir.path().join("no-such-program"),
        ..common::sandbox()
    };
    assert!(tthtcd::find_plan_form(dir.path(), Some(&nowhere)).is_err());
}

#[test]
fn without_a_file_named_like_a_plan_form_no_worker_is_started() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    std::fs::remove_file(dir.path().join("ke-hoach.xlsx")).unwrap();
    // No worker could start from here: none was asked to.
    let nowhere = tthtcd::sandbox::Sandbox {
        exe: dir.path().join("no-such-program"),
        ..common::sandbox()
    };
    let found = tthtcd::find_plan_form(dir.path(), Some(&nowhere)).unwrap();
    assert!(matches!(found, PlanForms::None), "{found:?}");
}

/// A sheet's cells as text, row by row.
fn sheet_rows(path: &Path, name: &str) -> Vec<Vec<String>> {
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}
