//! `tthtcd plan export` as a user meets it: a plan file in, a plan file out that
//! `plan check --plan` accepts with the same figures, and no file replaced unasked.

use std::path::Path;
use std::process::{Command, Output};

use tthtcd::Plan;

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .expect("run tthtcd")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A plan of two sub-committees that adds up: 3 + 2 = 5 classes and 60 + 40 = 100
/// learners; the quarters 1 + 2 + 1 + 1 = 5 classes, 20 + 30 + 25 + 25 = 100 learners;
/// 100 learners / 200 people = 0.5. Keys in another order than the seed's, a name with
/// quotes, a village list, and criteria with a fractional threshold.
const SMALL_PLAN: &str = r#"
year = 2020
unit = "Xã \"Thử\""
centre = 'Trung tâm học tập cộng đồng xã Thử \ Một'
population_15_plus = 200
participation_target = 0.5
villages = ["Thôn Đông", "Thôn Tây"]
max_learners_per_class = 120

[[quarter]]
quarter = 4
classes = 1
learners = 25

[[subcommittee]]
id = "kinh-te"
name = "Tiểu ban kinh tế"
aliases = ["Kinh tế", "KT"]
learners = 60
classes = 3

[[subcommittee]]
id = "khac"
name = "Các chương trình # khác"
classes = 2
learners = 40

[[quarter]]
quarter = 1
classes = 1
learners = 20

[[quarter]]
quarter = 2
classes = 2
learners = 30

[[quarter]]
quarter = 3
classes = 1
learners = 25

[[criterion]]
number = 1
name = "Phổ cập giáo dục"
indicator = [
  { name = "Trẻ đến lớp", kind = "percent", op = ">=", threshold = 47.5 },
  { name = "Có kế hoạch", kind = "yes-no" },
]
"#;

#[test]
fn an_exported_plan_passes_plan_check_with_the_figures_of_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("nguon.toml");
    std::fs::write(&source, SMALL_PLAN).unwrap();
    let out = dir.path().join("ke-hoach.toml");
    let run = tthtcd(&["plan", "export", s(&source), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let said = String::from_utf8_lossy(&run.stdout);
    assert_eq!(said.trim_end(), format!("Đã ghi {}", out.display()));

    let check = tthtcd(&["plan", "check", "--plan", s(&out)]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");

    let written = std::fs::read_to_string(&out).unwrap();
    let plan = Plan::from_toml(&written).unwrap();
    assert_eq!(plan, Plan::from_toml(SMALL_PLAN).unwrap());
    // The figures by hand: 3/60 and 2/40, quarters 1/20, 2/30, 1/25, 1/25, 0.5.
    let targets: Vec<_> = plan
        .subcommittees
        .iter()
        .map(|s| (s.target.classes, s.target.learners))
        .collect();
    assert_eq!(targets, [(3, 60), (2, 40)]);
    let quarters: Vec<_> = plan
        .quarters
        .iter()
        .map(|q| (q.classes, q.learners))
        .collect();
    assert_eq!(quarters, [(1, 20), (2, 30), (1, 25), (1, 25)]);
    assert_eq!(plan.participation_target, 0.5);
    // Written in the seed's order: the kinh-te block with classes before learners,
    // quarter 1 first, the default deadline spelled out.
    assert!(written.contains("id = \"kinh-te\"\nname = \"Tiểu ban kinh tế\"\naliases = [\"Kinh tế\", \"KT\"]\nclasses = 3\nlearners = 60\n"));
    assert!(written.contains("[[quarter]]\nquarter = 1\nclasses = 1\nlearners = 20\n"));
    assert!(written.contains("report_deadline_day = 5\n"));
    assert!(written.contains("threshold = 47.5 }"));
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("nguon.toml");
    std::fs::write(&source, SMALL_PLAN).unwrap();
    let out = dir.path().join("ke-hoach.toml");
    std::fs::write(&out, "# kế hoạch đã sửa tay\n").unwrap();

    let run = tthtcd(&["plan", "export", s(&source), "-o", s(&out), "--lang", "en"]);
    assert_eq!(run.status.code(), Some(3));
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("exists; it may be a plan someone edited"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "# kế hoạch đã sửa tay\n"
    );

    let run = tthtcd(&[
        "plan",
        "export",
        s(&source),
        "-o",
        s(&out),
        "--force",
        "--lang",
        "en",
    ]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let written = std::fs::read_to_string(&out).unwrap();
    // The comments follow --lang; the plan is the same.
    assert!(
        written.starts_with("# The plan for 2020 — Xã \"Thử\".\n"),
        "{written}"
    );
    assert_eq!(
        Plan::from_toml(&written).unwrap(),
        Plan::from_toml(SMALL_PLAN).unwrap()
    );
}

#[test]
fn a_bad_plan_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("nguon.toml");
    std::fs::write(&source, SMALL_PLAN.replace("year = 2020", "year = 1999")).unwrap();
    let out = dir.path().join("ke-hoach.toml");
    let run = tthtcd(&["plan", "export", s(&source), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(3));
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("năm kế hoạch (year) 1999 không hợp lệ"),
        "{said}"
    );
    assert!(!out.exists());
}

/// The plan form at `path`, read back as a run reads it.
fn form_plan(path: &Path) -> Plan {
    let sheets = tthtcd::read_workbook(path).expect("plan form readable");
    tthtcd::plan_form::from_sheets(&sheets).expect("plan form valid")
}

#[test]
fn plan_new_keeps_the_plan_for_another_year_or_raises_what_was_outdone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // This year's form, then next year's from it without results: the same plan, 2020.
    let this_year = d.join("ke-hoach-2019.xlsx");
    assert!(
        tthtcd(&["plan", "template", "-o", s(&this_year)])
            .status
            .success()
    );
    let next = d.join("ke-hoach-2020.xlsx");
    let run = tthtcd(&[
        "plan",
        "new",
        "--year",
        "2020",
        "--from",
        s(&this_year),
        "-o",
        s(&next),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut expected = Plan::embedded();
    expected.year = 2020;
    assert_eq!(form_plan(&next), expected);
    // Refused without --force: the secretary may have filled it in already.
    let again = tthtcd(&[
        "plan",
        "new",
        "--year",
        "2020",
        "--from",
        s(&this_year),
        "-o",
        s(&next),
    ]);
    assert_eq!(again.status.code(), Some(3));
    // With the year's reports: Các chương trình khác (khac, 7 classes / 450 learners)
    // held one class of 460 learners, more than its target; kinh-te's is not reached.
    let results = d.join("bao-cao-2019");
    std::fs::create_dir(&results).unwrap();
    std::fs::copy(&this_year, results.join("ke-hoach.xlsx")).unwrap();
    write_one_class(&results.join("khac.xlsx"), 460.0);
    write_one_class(&results.join("kinh-te.xlsx"), 25.0);
    let raised = d.join("raised.xlsx");
    let run = tthtcd(&[
        "plan",
        "new",
        "--year",
        "2020",
        "--results",
        s(&results),
        "-o",
        s(&raised),
    ]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{out}");
    assert!(
        out.contains(
            "Các chương trình khác: chỉ tiêu 7 lớp, 450 học viên nâng lên 7 lớp, 460 học viên"
        ),
        "{out}"
    );
    let plan = form_plan(&raised);
    // khac (7, max(450, 460) = 460); kinh-te keeps (8, 800) over (1, 25).
    expected.subcommittees[5].target.learners = 460;
    // Learners 4350 + 10 = 4360; 4360 / 5550 = 0.78558… → 0.785, cut to 3 decimals as
    // the seed plan writes its rate.
    expected.participation_target = 0.785;
    assert_eq!(plan, expected);
}

/// One class on 5 March 2019 with `learners`, the sub-committee named by the file.
fn write_one_class(path: &Path, learners: f64) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("T3").unwrap();
    for (c, h) in ["STT", "Tên lớp", "Ngày mở lớp", "Số học viên"]
        .iter()
        .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    ws.write(1, 0, 1).unwrap();
    ws.write(1, 1, "Lớp chung").unwrap();
    ws.write(1, 2, "05/03/2019").unwrap();
    ws.write(1, 3, learners).unwrap();
    wb.save(path).unwrap();
}
