//! A second commune, end to end, as its secretary would run it (issue 15): the plan form
//! `plan template` writes (the embedded 2019 plan of six sub-committees) is filled with
//! openpyxl as Xã Yên Bình's 2024 plan of five; `plan check` reads it; `template
//! --plan ke-hoach.xlsx` writes that plan's forms; openpyxl fills some of them; and a
//! folder of those reports beside the plan form goes through `consolidate` (no --plan),
//! `appendix` and `criteria`. Every figure checked is worked out by hand from the
//! fixture in tests/scripts/fill_other_commune.py.
//!
//! The plan (Kế hoạch): Xã Yên Bình, 2024 (a leap year, 366 days), population aged 15+
//! 4100, participation 23.2 %, 4 villages, reports due on the 10th, at most 150 a class.
//!
//! | Mã (blank: from the name) | Tên tiểu ban        | Tên gọi khác            | lớp | học viên |
//! |---------------------------|---------------------|-------------------------|----:|---------:|
//! | (nong-nghiep)             | Nông nghiệp         | NN; Trồng trọt          |   6 |      240 |
//! | tin-hoc                   | Tin học             | TH; Công nghệ thông tin |   4 |      120 |
//! | (ngoai-ngu)               | Ngoại ngữ           | Tiếng Anh               |   3 |       90 |
//! | skcd                      | Sức khỏe cộng đồng  | Y tế; CSSK              |   5 |      300 |
//! | (ky-nang-song)            | Kỹ năng sống        | KNS                     |   4 |      200 |
//!
//! 6 + 4 + 3 + 5 + 4 = 22 classes, 240 + 120 + 90 + 300 + 200 = 950 learners. Quarters
//! 5/200, 6/250, 6/280, 5/220: 5 + 6 + 6 + 5 = 22 and 200 + 250 + 280 + 220 = 950.
//! 950 / 4100 = 0.23171, within 0.001 of the 0.232 written.
//!
//! The classes (all 2024), by sub-committee:
//! - Nông nghiệp: 5/3 Kỹ thuật trồng lúa 55, 19/3 Phòng trừ sâu bệnh 45 (March report,
//!   signed 2/4); 14/5 Nuôi gà thả vườn 30 (May report, signed 15/6: late).
//! - Tin học: 10/4 Tin học văn phòng 25 (signed 8/5); 12/9 Sử dụng điện thoại thông
//!   minh 45 (signed 5/10).
//! - Ngoại ngữ: February report with no class (signed 5/3); 8/8 Tiếng Trung cơ bản 28
//!   (signed 9/9); 15/11 Tiếng Anh giao tiếp 30, 22/11 Tiếng Anh cho trẻ em 35 (signed
//!   6/12).
//! - The shared form for June (signed 5/7): 20/6 Sơ cứu ban đầu 60 ("Y tế" → Sức khỏe
//!   cộng đồng), 25/6 Phòng chống đuối nước 50 ("KNS" → Kỹ năng sống).
//!
//! Registrations: Nông nghiệp — Kỹ thuật trồng lúa, Tháng 3, 50; Trồng nấm rơm, Tháng
//! 7, 30. Tin học — Tin học văn phòng, Tháng 4, 25.

#![warn(clippy::too_many_lines)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use serde_json::Value;

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs the tool and checks its exit code; returns what it printed (both streams).
fn run(args: &[&str], code: i32) -> String {
    let o = tthtcd(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(code), "tthtcd {args:?}: {text}");
    text
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs tests/scripts/fill_other_commune.py, as a secretary's script would fill the forms.
fn fill(args: &[&str]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/fill_other_commune.py");
    let filled = Command::new("python3")
        .arg(&script)
        .args(args)
        .output()
        .expect("python3 is needed for this test (.ci/run installs openpyxl for it)");
    assert!(
        filled.status.success(),
        "filling the forms with openpyxl failed (is it installed? .ci/run installs it): {}",
        String::from_utf8_lossy(&filled.stderr)
    );
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The commune's work: its filled plan form, the forms written from it, and the folder
/// of filled reports with the plan form in it.
struct Commune {
    dir: tempfile::TempDir,
    forms: PathBuf,
    folder: PathBuf,
}

impl Commune {
    fn new() -> Commune {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("ke-hoach.xlsx");
        run(&["plan", "template", "-o", s(&plan)], 0);
        fill(&["plan", s(&plan)]);
        let forms = dir.path().join("bieu-mau");
        run(&["template", "-o", s(&forms), "--plan", s(&plan)], 0);
        let folder = dir.path().join("bao-cao");
        fill(&["forms", s(&forms), s(&folder)]);
        std::fs::copy(&plan, folder.join("ke-hoach.xlsx")).unwrap();
        Commune { dir, forms, folder }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `consolidate` on the folder with no --plan (and `extra`); the JSON it wrote.
    fn consolidate(&self, name: &str, extra: &[&str]) -> Value {
        let (xlsx, js) = (
            self.path(&format!("{name}.xlsx")),
            self.path(&format!("{name}.json")),
        );
        let mut args = vec![
            "consolidate",
            s(&self.folder),
            "-o",
            s(&xlsx),
            "--json",
            s(&js),
        ];
        args.extend(extra);
        run(&args, 0);
        json(&js)
    }
}

#[test]
fn the_filled_plan_form_adds_up_and_a_slip_is_named_alone() {
    let c = Commune::new();
    let plan = c.path("ke-hoach.xlsx");
    // 22 classes and 950 learners both ways; 950 / 4100 = 0.2317 against 0.232: a
    // difference of 0.0003, inside the 0.001 rounding allowed. Thresholds 40 and 15.
    let ok = run(&["plan", "check", s(&plan)], 0);
    assert!(ok.contains("không có điểm nào chưa khớp"), "{ok}");
    // Quarter 4 typed 4 classes instead of 5: quarters 5 + 6 + 6 + 4 = 21 against the
    // sub-committees' 22. Learners still 950 both ways: that is the only finding.
    let slip = c.path("ke-hoach-sai.xlsx");
    fill(&["slip", s(&plan), s(&slip)]);
    let found = run(&["plan", "check", s(&slip)], 1);
    assert!(found.contains("chưa khớp (1)"), "{found}");
    assert!(
        found.contains(
            "Chỉ tiêu theo tiểu ban cộng lại 22 lớp, theo quý cộng lại 21 lớp: hai con số \
             phải bằng nhau"
        ),
        "{found}"
    );
}

#[test]
fn the_plan_form_gives_one_pair_of_forms_per_sub_committee() {
    let c = Commune::new();
    let mut names: Vec<String> = std::fs::read_dir(&c.forms)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // Ids: the Mã written (tin-hoc, skcd) or made from the name (nong-nghiep, ngoai-ngu,
    // ky-nang-song). 5 × (report, registration) + the shared pair + the criteria form +
    // the plan form = 10 + 2 + 1 + 1 = 14.
    let mut want = vec!["ke-hoach.xlsx".to_string(), "tieu-chi.xlsx".to_string()];
    for id in [
        "nong-nghiep",
        "tin-hoc",
        "ngoai-ngu",
        "skcd",
        "ky-nang-song",
        "chung",
    ] {
        want.push(format!("bao-cao-thang-{id}.xlsx"));
        want.push(format!("dang-ky-{id}.xlsx"));
    }
    want.sort();
    assert_eq!(names, want);
    // The plan form written from the plan reads back as a plan that adds up.
    run(&["plan", "check", s(&c.forms.join("ke-hoach.xlsx"))], 0);
    // The forms tell the plan's year and its deadline, the 10th (not the 2019 plan's 5th).
    let help = cells(&c.forms.join("bao-cao-thang-tin-hoc.xlsx"), "Hướng dẫn");
    let help = text(&help);
    assert!(help.contains("phải thuộc năm 2024"), "{help}");
    assert!(help.contains("trước ngày 10 tháng sau"), "{help}");
    let title = text(&cells(
        &c.forms.join("bao-cao-thang-tin-hoc.xlsx"),
        "Báo cáo tháng",
    ));
    assert!(
        title.contains("NĂM 2024") && title.contains("Tin học"),
        "{title}"
    );
}

/// The cells of a sheet, row by row (values as stored: a formula's is its result).
fn cells(xlsx: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A sheet's text, every cell joined by "|".
fn text(rows: &[Vec<Data>]) -> String {
    rows.iter()
        .flatten()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("|")
}

/// (id, classes actual, target, learners actual, target, status) of each sub-committee.
fn subcommittees(j: &Value) -> Vec<SubRow> {
    let list = j["subcommittees"].as_array().unwrap();
    list.iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["classes"]["actual"].as_u64().unwrap(),
                e["classes"]["target"].as_u64().unwrap(),
                e["learners"]["actual"].as_u64().unwrap(),
                e["learners"]["target"].as_u64().unwrap(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// (classes actual, expected, learners actual, expected, status) of a list's entries.
fn due(j: &Value, list: &str) -> Vec<(u64, u64, u64, u64, String)> {
    let list = j[list].as_array().unwrap();
    list.iter()
        .map(|e| {
            (
                e["classes"]["actual"].as_u64().unwrap(),
                e["classes"]["expected"].as_u64().unwrap(),
                e["learners"]["actual"].as_u64().unwrap(),
                e["learners"]["expected"].as_u64().unwrap(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn row(id: &str, classes: (u64, u64), learners: (u64, u64), status: &str) -> SubRow {
    (
        id.to_string(),
        classes.0,
        classes.1,
        learners.0,
        learners.1,
        status.to_string(),
    )
}

type SubRow = (String, u64, u64, u64, u64, String);

/// Severity of every issue that is not `info`.
fn problems(j: &Value) -> Vec<String> {
    let list = j["issues"].as_array().unwrap();
    list.iter()
        .filter(|i| i["severity"] != "info")
        .map(|i| i.to_string())
        .collect()
}

#[test]
fn the_year_consolidates_with_the_plan_form_in_the_folder() {
    let c = Commune::new();
    let j = c.consolidate("tong-hop", &[]);
    assert_eq!(j["plan"]["source"], "ke-hoach.xlsx");
    assert_eq!(j["plan"]["unit"], "Xã Yên Bình");
    assert_eq!(
        (j["plan"]["year"].as_i64(), j["plan"]["as_of"].as_str()),
        (Some(2024), Some("2024-12-31"))
    );
    let files = j["files"].as_array().unwrap();
    let form = files.iter().find(|f| f["path"] == "ke-hoach.xlsx").unwrap();
    assert_eq!(form["status"], "skipped");
    assert!(
        form["reason"]
            .as_str()
            .unwrap()
            .contains("kế hoạch của lần chạy này"),
        "{form}"
    );
    // 7 monthly reports + the shared one + 2 registrations + the criteria form + the plan.
    assert_eq!(files.len(), 12);
    assert!(problems(&j).is_empty(), "{:?}", problems(&j));
    year_end_subcommittees(&j);
    year_end_quarters_and_totals(&j);
    year_end_completeness(&j);
    summary_sheet(&c.path("tong-hop.xlsx"));
}

fn year_end_subcommittees(j: &Value) {
    assert_eq!(
        subcommittees(j),
        [
            // 3 classes (5/3, 19/3, 14/5), 55 + 45 + 30 = 130 learners; 3 < 6: short.
            row("nong-nghiep", (3, 6), (130, 240), "short"),
            // 2 classes (10/4, 12/9), 25 + 45 = 70; 2 < 4: short.
            row("tin-hoc", (2, 4), (70, 120), "short"),
            // 3 classes (8/8, 15/11, 22/11), 28 + 30 + 35 = 93; 3 ≥ 3 and 93 ≥ 90: met.
            row("ngoai-ngu", (3, 3), (93, 90), "met"),
            // The shared form's "Y tế" row: 1 class of 60; 1 < 5: short.
            row("skcd", (1, 5), (60, 300), "short"),
            // Its "KNS" row: 1 class of 50; 1 < 4: short.
            row("ky-nang-song", (1, 4), (50, 200), "short"),
        ]
    );
    let names: Vec<&str> = j["subcommittees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Nông nghiệp",
            "Tin học",
            "Ngoại ngữ",
            "Sức khỏe cộng đồng",
            "Kỹ năng sống"
        ]
    );
}

fn year_end_quarters_and_totals(j: &Value) {
    let short = |c, ct, l, lt| (c, ct, l, lt, "short".to_string());
    // At year end every quarter has ended: expected = target, and each falls short.
    assert_eq!(
        due(j, "quarters"),
        [
            // Q1: 5/3, 19/3 → 2 classes, 55 + 45 = 100, against 5 / 200.
            short(2, 5, 100, 200),
            // Q2: 10/4, 14/5, 20/6, 25/6 → 4 classes, 25 + 30 + 60 + 50 = 165, against 6 / 250.
            short(4, 6, 165, 250),
            // Q3: 8/8, 12/9 → 2 classes, 28 + 45 = 73, against 6 / 280.
            short(2, 6, 73, 280),
            // Q4: 15/11, 22/11 → 2 classes, 30 + 35 = 65, against 5 / 220.
            short(2, 5, 65, 220),
        ]
    );
    // 3 + 2 + 3 + 1 + 1 = 10 classes (= 2 + 4 + 2 + 2); 130 + 70 + 93 + 60 + 50 = 403
    // learners (= 100 + 165 + 73 + 65). Rows: 10 class rows, 3 registrations and 4
    // criteria entries, all accepted.
    let t = &j["totals"];
    let got: Vec<u64> = [
        "classes",
        "learners",
        "rows_read",
        "rows_accepted",
        "rows_rejected",
        "duplicates",
    ]
    .iter()
    .map(|k| t[k].as_u64().unwrap())
    .collect();
    assert_eq!(got, [10, 403, 17, 17, 0, 0]);
    let p = &j["participation"];
    assert_eq!(
        (p["learners"].as_u64(), p["population_15_plus"].as_u64()),
        (Some(403), Some(4100))
    );
    // 403 / 4100 = 0.098293 (9.8 %), against the 23.2 % planned.
    assert!((p["rate"].as_f64().unwrap() - 403.0 / 4100.0).abs() < 1e-12);
    assert_eq!(p["target_rate"].as_f64(), Some(0.232));
}

fn year_end_completeness(j: &Value) {
    let c = &j["completeness"];
    // Due by 31/12 on the 10th of the next month: January to November (December's is
    // due on 10/1/2025) for 5 sub-committees: 5 × 11 = 55. Received: nong-nghiep 3
    // and 5, tin-hoc 4 and 9, ngoai-ngu 2 (no class, named in its title), 8 and 11,
    // skcd 6 and ky-nang-song 6 (the shared form's rows) = 9. On time: all but
    // nong-nghiep May, signed 15/6 after the 10th: 8. Missing: 55 − 9 = 46.
    let got = (
        c["expected"].as_u64(),
        c["received"].as_u64(),
        c["on_time"].as_u64(),
    );
    assert_eq!(got, (Some(55), Some(9), Some(8)));
    let missing = c["missing"].as_array().unwrap();
    assert_eq!(missing.len(), 46);
    let missed = |id: &str| -> Vec<u64> {
        missing
            .iter()
            .filter(|m| m["subcommittee"] == id)
            .map(|m| m["month"].as_u64().unwrap())
            .collect()
    };
    // Ngoại ngữ: the 11 months but 2, 8 and 11.
    assert_eq!(missed("ngoai-ngu"), [1, 3, 4, 5, 6, 7, 9, 10]);
    // Sức khỏe cộng đồng: all but June.
    assert_eq!(missed("skcd"), [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
}

/// Tổng hợp: the heading row ("STT"), its second row, 5 sub-committee rows, the total.
fn summary_sheet(xlsx: &Path) {
    let rows = cells(xlsx, "Tổng hợp");
    let title = text(&rows[..6]);
    assert!(
        title.contains("NĂM 2024") && title.contains("XÃ YÊN BÌNH"),
        "{title}"
    );
    let head = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("STT".into())))
        .unwrap();
    let body = &rows[head + 2..];
    let subs = body
        .iter()
        .take_while(|r| matches!(r[0], Data::Float(_) | Data::Int(_)))
        .count();
    assert_eq!(subs, 5);
    assert_eq!(body[5][0], Data::String("Tổng cộng".into()));
    // Columns: STT, Tiểu ban, then classes (target, due, done, rate), learners (the
    // same four), status. At year end due = target.
    let figures = |r: &[Data]| -> Vec<f64> {
        [2, 3, 4, 6, 7, 8]
            .iter()
            .map(|&c| r[c].as_f64().unwrap())
            .collect()
    };
    let want: [(&str, [f64; 6], &str); 5] = [
        (
            "Nông nghiệp",
            [6.0, 6.0, 3.0, 240.0, 240.0, 130.0],
            "Không đạt",
        ),
        ("Tin học", [4.0, 4.0, 2.0, 120.0, 120.0, 70.0], "Không đạt"),
        ("Ngoại ngữ", [3.0, 3.0, 3.0, 90.0, 90.0, 93.0], "Đạt"),
        (
            "Sức khỏe cộng đồng",
            [5.0, 5.0, 1.0, 300.0, 300.0, 60.0],
            "Không đạt",
        ),
        (
            "Kỹ năng sống",
            [4.0, 4.0, 1.0, 200.0, 200.0, 50.0],
            "Không đạt",
        ),
    ];
    for (r, (name, numbers, status)) in body.iter().zip(want) {
        assert_eq!(r[1], Data::String(name.into()));
        assert_eq!(figures(r), numbers, "{name}");
        assert_eq!(r[10], Data::String(status.into()), "{name}");
    }
    // Nông nghiệp's classes done / target: 3 / 6 = 0.5; Ngoại ngữ's learners 93 / 90.
    assert_eq!(body[0][5].as_f64(), Some(0.5));
    assert!((body[2][9].as_f64().unwrap() - 93.0 / 90.0).abs() < 1e-12);
    // Total: 22 classes due and planned, 10 done; 950 learners planned and due, 403 done.
    assert_eq!(figures(&body[5]), [22.0, 22.0, 10.0, 950.0, 950.0, 403.0]);
}

#[test]
fn as_of_30_june_judges_what_is_due_by_then() {
    let c = Commune::new();
    let j = c.consolidate("tong-hop-6", &["--as-of", "2024-06-30"]);
    assert_eq!(j["plan"]["as_of"], "2024-06-30");
    assert_eq!(j["plan"]["source"], "ke-hoach.xlsx");
    assert!(problems(&j).is_empty(), "{:?}", problems(&j));
    // 30 June 2024 is day 31 + 29 + 31 + 30 + 31 + 30 = 182 of 366: each target × 182/366
    // (= 0.49727), rounded. Only classes opened by 30 June count.
    let due_by = |c, ce, l, le, s: &str| (c, ce, l, le, s.to_string());
    assert_eq!(
        due(&j, "subcommittees"),
        [
            // 6 × 0.49727 = 2.98 → 3; 240 × 0.49727 = 119.3 → 119. Done 3 (5/3, 19/3,
            // 14/5), 130: both at least what is due → on track.
            due_by(3, 3, 130, 119, "on-track"),
            // 4 → 1.99 → 2; 120 → 59.7 → 60. Done 1 (10/4), 25: behind.
            due_by(1, 2, 25, 60, "behind"),
            // 3 → 1.49 → 1; 90 → 44.8 → 45. Nothing before August: behind.
            due_by(0, 1, 0, 45, "behind"),
            // 5 → 2.49 → 2; 300 → 149.2 → 149. Done 1 (20/6), 60: behind.
            due_by(1, 2, 60, 149, "behind"),
            // 4 → 2; 200 → 99.5 → 99 (99.45). Done 1 (25/6), 50: behind.
            due_by(1, 2, 50, 99, "behind"),
        ]
    );
    assert_eq!(
        due(&j, "quarters"),
        [
            // Q1 and Q2 have ended by 30 June (Q2 on that day): their whole targets.
            due_by(2, 5, 100, 200, "short"),
            due_by(4, 6, 165, 250, "short"),
            // Q3 and Q4 have not started: nothing due.
            due_by(0, 0, 0, 0, "upcoming"),
            due_by(0, 0, 0, 0, "upcoming"),
        ]
    );
    // Classes 3 + 1 + 0 + 1 + 1 = 6, learners 130 + 25 + 60 + 50 = 265; what is due is
    // the sum of each sub-committee's share: 3 + 2 + 1 + 2 + 2 = 10 classes and
    // 119 + 60 + 45 + 149 + 99 = 472 learners.
    let t = (
        j["totals"]["classes"].as_u64(),
        j["totals"]["learners"].as_u64(),
    );
    assert_eq!(t, (Some(6), Some(265)));
    assert!((j["participation"]["rate"].as_f64().unwrap() - 265.0 / 4100.0).abs() < 1e-12);
    // Due by 30 June: January to May (June's on 10 July), 5 × 5 = 25. Received:
    // nong-nghiep 3 and 5, tin-hoc 4, ngoai-ngu 2 = 4; on time all but nong-nghiep May.
    let c = &j["completeness"];
    let got = (
        c["expected"].as_u64(),
        c["received"].as_u64(),
        c["on_time"].as_u64(),
    );
    assert_eq!(got, (Some(25), Some(4), Some(3)));
    assert_eq!(c["missing"].as_array().unwrap().len(), 25 - 4);
    // The four classes after 30 June (8/8, 12/9, 15/11, 22/11) are each a note.
    let after = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "after-as-of")
        .count();
    assert_eq!(after, 4);
}

#[test]
fn the_appendix_lists_the_registrations_against_the_plan() {
    let c = Commune::new();
    let out = c.path("phu-luc.xlsx");
    run(&["appendix", s(&c.folder), "-o", s(&out)], 0);
    let rows = cells(&out, "Theo tiểu ban");
    let all = text(&rows);
    assert!(
        all.contains("PHỤ LỤC: KẾ HOẠCH MỞ LỚP CHI TIẾT NĂM 2024"),
        "{all}"
    );
    assert!(all.contains("UBND XÃ YÊN BÌNH"), "{all}");
    assert!(
        all.contains("năm 2024 của Trung tâm học tập cộng đồng xã Yên Bình"),
        "{all}"
    );
    assert!(!all.contains("2019") && !all.contains("Hồng Thái"), "{all}");
    // Each registered class: topic, planned month, place, learners.
    let class = |topic: &str| -> (String, String, f64) {
        let r = rows
            .iter()
            .find(|r| r[1] == Data::String(topic.into()))
            .unwrap();
        (r[2].to_string(), r[3].to_string(), r[4].as_f64().unwrap())
    };
    let got = [
        class("Kỹ thuật trồng lúa"),
        class("Trồng nấm rơm"),
        class("Tin học văn phòng"),
    ];
    let want = |m: &str, v: &str, l| (m.to_string(), v.to_string(), l);
    assert_eq!(
        got,
        [
            want("Tháng 3", "Thôn Bình An", 50.0),
            want("Tháng 7", "Thôn Bình An", 30.0),
            want("Tháng 4", "Thôn Yên Thượng", 25.0)
        ]
    );
    // Subtotals with the plan's targets: Nông nghiệp 2 classes, 50 + 30 = 80 learners;
    // Tin học 1, 25; the others none; in all 3 classes, 80 + 25 = 105 learners.
    let total = |label: &str| -> f64 {
        let r = rows
            .iter()
            .find(|r| r[0] == Data::String(label.into()))
            .unwrap();
        r[4].as_f64().unwrap()
    };
    assert_eq!(total("Cộng 2 lớp — kế hoạch 6 lớp, 240 học viên"), 80.0);
    assert_eq!(total("Cộng 1 lớp — kế hoạch 4 lớp, 120 học viên"), 25.0);
    assert_eq!(total("Cộng 0 lớp — kế hoạch 3 lớp, 90 học viên"), 0.0);
    assert_eq!(
        total("Tổng cộng 3 lớp — kế hoạch 22 lớp, 950 học viên"),
        105.0
    );
    for gap in [
        "- Nông nghiệp đăng ký 2 lớp, kế hoạch 6 lớp",
        "- Nông nghiệp đăng ký 80 học viên, kế hoạch 240 học viên",
        "- Tin học đăng ký 25 học viên, kế hoạch 120 học viên",
        "- Kỹ năng sống đăng ký 0 lớp, kế hoạch 4 lớp",
    ] {
        assert!(all.contains(gap), "{gap}: {all}");
    }
    appendix_by_quarter(&out);
}

/// Theo quý: Kỹ thuật trồng lúa (March) in Q1, Tin học văn phòng (April) in Q2, Trồng
/// nấm rơm (July) in Q3, nothing in Q4.
fn appendix_by_quarter(out: &Path) {
    let rows = cells(out, "Theo quý");
    let total = |label: &str| -> f64 {
        let r = rows
            .iter()
            .find(|r| r[0] == Data::String(label.into()))
            .unwrap();
        r[4].as_f64().unwrap()
    };
    assert_eq!(total("Cộng 1 lớp — kế hoạch 5 lớp, 200 học viên"), 50.0);
    assert_eq!(total("Cộng 1 lớp — kế hoạch 6 lớp, 250 học viên"), 25.0);
    assert_eq!(total("Cộng 1 lớp — kế hoạch 6 lớp, 280 học viên"), 30.0);
    assert_eq!(total("Cộng 0 lớp — kế hoạch 5 lớp, 220 học viên"), 0.0);
    assert!(text(&rows).contains("- Quý IV đăng ký 0 lớp, kế hoạch 5 lớp"));
}

/// A criterion's number and status, and each indicator's value and status.
type Reviewed = (u64, String, Vec<(String, String)>);

#[test]
fn the_criteria_of_the_communes_own_plan_are_reviewed() {
    let c = Commune::new();
    let js = c.path("c.json");
    // Two of the three criteria met: exit 1.
    let out = run(&["criteria", s(&c.folder), "--json", s(&js)], 1);
    // 1722 / 4100 = 0.42 = 42 %; 42 − 40 = 2 points above.
    assert!(out.contains("42 % ≥ 40 %: đạt, vượt 2 điểm"), "{out}");
    // 12 % < 15 %: 3 points below.
    assert!(
        out.contains("12 % < 15 %: đạt, dưới ngưỡng 3 điểm"),
        "{out}"
    );
    assert!(out.contains("Đạt: 2 / 3"), "{out}");
    let j = json(&js);
    assert_eq!(j["plan"]["source"], "ke-hoach.xlsx");
    let got: Vec<Reviewed> = j["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cr| {
            let indicators = cr["indicators"].as_array().unwrap().iter();
            (
                cr["number"].as_u64().unwrap(),
                cr["status"].as_str().unwrap().to_string(),
                indicators
                    .map(|i| {
                        (
                            i["value"].to_string(),
                            i["status"].as_str().unwrap().to_string(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let ind = |v: &str, s: &str| (v.to_string(), s.to_string());
    assert_eq!(
        got,
        [
            // 42 ≥ 40: met.
            (1, "met".to_string(), vec![ind("42.0", "met")]),
            // 12 < 15 met, but the health station is "Không": not met.
            (
                2,
                "not-met".to_string(),
                vec![ind("12.0", "met"), ind("false", "not-met")]
            ),
            // "Có": met.
            (3, "met".to_string(), vec![ind("true", "met")]),
        ]
    );
}
