//! Nothing assumes the embedded 2019 plan's shape: a plan of 4 sub-committees for 2024
//! (two criteria) and one of 8 for 2023 (no criteria, a comma in a name), each written
//! as TOML here, go through `template`, `consolidate`, `appendix` and `criteria`, and
//! every figure checked is worked out by hand from the fixtures below.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

/// 4 sub-committees, 2024 (a leap year: 366 days). Targets 6 + 4 + 3 + 5 = 18 classes
/// and 300 + 120 + 90 + 250 = 760 learners; quarters 4 + 5 + 5 + 4 = 18 and
/// 180 + 200 + 190 + 190 = 760; participation 760 / 3200 = 0.2375.
const PLAN_4: &str = r#"
unit = "Xã Yên Đức"
centre = "Trung tâm học tập cộng đồng xã Yên Đức"
year = 2024
population_15_plus = 3200
participation_target = 0.2375
village_count = 5
report_deadline_day = 10
max_learners_per_class = 200

[[subcommittee]]
id = "nong-nghiep"
name = "Nông nghiệp"
aliases = ["NN"]
classes = 6
learners = 300

[[subcommittee]]
id = "tin-hoc"
name = "Tin học"
aliases = ["TH"]
classes = 4
learners = 120

[[subcommittee]]
id = "ngoai-ngu"
name = "Ngoại ngữ"
aliases = ["Tiếng Anh"]
classes = 3
learners = 90

[[subcommittee]]
id = "ky-nang-song"
name = "Kỹ năng sống"
aliases = ["KNS"]
classes = 5
learners = 250

[[quarter]]
quarter = 1
classes = 4
learners = 180

[[quarter]]
quarter = 2
classes = 5
learners = 200

[[quarter]]
quarter = 3
classes = 5
learners = 190

[[quarter]]
quarter = 4
classes = 4
learners = 190

[[criterion]]
number = 1
name = "Người lớn biết dùng máy tính"
indicator = [{ name = "Người từ 15 tuổi biết dùng máy tính", kind = "percent", op = ">=", threshold = 40 }]

[[criterion]]
number = 2
name = "Có kế hoạch học tập"
indicator = [{ name = "Xã có kế hoạch xây dựng xã hội học tập", kind = "yes-no" }]
"#;

/// The 8 sub-committees of [`plan_8`]: id, name, alias. The sixth holds a comma, which
/// no drop-down may split.
const SUBS_8: [(&str, &str, &str); 8] = [
    ("trong-trot", "Trồng trọt", "TT"),
    ("chan-nuoi", "Chăn nuôi", "CN"),
    ("thuy-san", "Thủy sản", "TS"),
    ("nghe-thu-cong", "Nghề thủ công", "NTC"),
    ("an-toan-giao-thong", "An toàn giao thông", "ATGT"),
    ("dan-so", "Dân số, kế hoạch hóa gia đình", "DS"),
    ("the-duc", "Thể dục thể thao", "TDTT"),
    ("phong-chay", "Phòng cháy chữa cháy", "PCCC"),
];

/// 8 sub-committees, 2023, no criteria. Sub-committee i (from 0) has i + 2 classes and
/// 40 × (i + 2) learners: 2 + 3 + … + 9 = 44 classes, 40 × 44 = 1760 learners; each
/// quarter 11 classes and 440 learners; participation 1760 / 8800 = 0.2.
fn plan_8() -> String {
    let mut toml = String::from(
        "unit = \"Phường Minh Khai\"\n\
         centre = \"Trung tâm học tập cộng đồng phường Minh Khai\"\n\
         year = 2023\npopulation_15_plus = 8800\nparticipation_target = 0.2\n\
         village_count = 12\nreport_deadline_day = 5\nmax_learners_per_class = 300\n",
    );
    for (i, (id, name, alias)) in SUBS_8.iter().enumerate() {
        let classes = i + 2;
        toml.push_str(&format!(
            "\n[[subcommittee]]\nid = \"{id}\"\nname = \"{name}\"\naliases = [\"{alias}\"]\n\
             classes = {classes}\nlearners = {}\n",
            40 * classes
        ));
    }
    for q in 1..=4 {
        toml.push_str(&format!(
            "\n[[quarter]]\nquarter = {q}\nclasses = 11\nlearners = 440\n"
        ));
    }
    toml
}

/// A class of a report: topic, sub-committee, (day, month, year), learners.
type Class = (&'static str, &'static str, (u8, u8, u16), u32);

/// A monthly report with a Tiểu ban column, one row a class.
fn report(path: &Path, classes: &[Class]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Báo cáo").unwrap();
    let headings = [
        "STT",
        "Tên chuyên đề",
        "Tiểu ban",
        "Ngày mở lớp",
        "Số học viên",
    ];
    ws.write_row(0, 0, headings).unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, (topic, sub, (d, m, y), learners)) in classes.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write(r, 0, r).unwrap();
        ws.write(r, 1, *topic).unwrap();
        ws.write(r, 2, *sub).unwrap();
        let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        ws.write_datetime_with_format(r, 3, day, &date).unwrap();
        ws.write(r, 4, *learners).unwrap();
    }
    wb.save(path).unwrap();
}

/// A registration form: topic, sub-committee, planned month, place, expected learners.
fn registration(path: &Path, rows: &[(&str, &str, u8, u32)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Đăng ký").unwrap();
    let headings = [
        "STT",
        "Tên lớp / chuyên đề",
        "Tiểu ban",
        "Tháng dự kiến",
        "Địa điểm",
        "Số học viên dự kiến",
    ];
    ws.write_row(0, 0, headings).unwrap();
    for (i, (topic, sub, month, learners)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write(r, 0, r).unwrap();
        ws.write(r, 1, *topic).unwrap();
        ws.write(r, 2, *sub).unwrap();
        ws.write(r, 3, format!("Tháng {month}")).unwrap();
        ws.write(r, 4, format!("Thôn {r}")).unwrap();
        ws.write(r, 5, *learners).unwrap();
    }
    wb.save(path).unwrap();
}

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A temporary folder holding the plan as `plan.toml`.
fn with_plan(toml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, toml).unwrap();
    (dir, plan)
}

/// A part of an xlsx file, as text.
fn part(xlsx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The cells of a sheet as text ("" for empty), row by row.
fn cells(xlsx: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// Runs `template` for the plan and returns the forms' folder.
fn forms(dir: &Path, plan: &Path) -> PathBuf {
    let out = dir.join("bieu-mau");
    ok(&tthtcd(&["template", "-o", s(&out), "--plan", s(plan)]));
    out
}

#[test]
fn four_subcommittee_plan_has_one_form_each_and_lists_its_names() {
    let (dir, plan) = with_plan(PLAN_4);
    let out = forms(dir.path(), &plan);
    // (4 sub-committees + the shared form) × (report, registration) + the criteria form
    // + the plan form: 5 × 2 + 1 + 1 = 12.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 12);
    for id in ["nong-nghiep", "tin-hoc", "ngoai-ngu", "ky-nang-song"] {
        assert!(
            out.join(format!("bao-cao-thang-{id}.xlsx")).is_file(),
            "{id}"
        );
        assert!(out.join(format!("dang-ky-{id}.xlsx")).is_file(), "{id}");
    }
    // The shared form's Tiểu ban drop-down: the four names, written in the rule.
    let sheet = part(
        &out.join("bao-cao-thang-chung.xlsx"),
        "xl/worksheets/sheet1.xml",
    );
    assert!(
        sheet.contains("<formula1>\"Nông nghiệp,Tin học,Ngoại ngữ,Kỹ năng sống\"</formula1>"),
        "{sheet}"
    );
    // Dates limited to 2024: 1 Jan 2024 is serial 45292, 31 Dec 2024 is 45292 + 365.
    assert!(sheet.contains("<formula1>45292</formula1><formula2>45657</formula2>"));
    assert!(sheet.contains("15/03/2024") && !sheet.contains("2019"));
    // The form of one sub-committee names it, and the year, in its heading.
    let form = cells(&out.join("bao-cao-thang-tin-hoc.xlsx"), "Báo cáo tháng");
    let text = form.concat().join(" ");
    assert!(text.contains("Tin học") && text.contains("2024"), "{text}");
    // The criteria form: the plan's two criteria.
    let criteria = cells(&out.join("tieu-chi.xlsx"), "Tiêu chí")
        .concat()
        .join("|");
    assert!(criteria.contains("Tiêu chí 1: Người lớn biết dùng máy tính"));
    assert!(criteria.contains("Tiêu chí 2: Có kế hoạch học tập"));
    assert!(!criteria.contains("Tiêu chí 3"));
}

#[test]
fn eight_subcommittee_plan_lists_its_names_on_the_help_sheet_when_a_comma_forbids_the_rule() {
    let (dir, plan) = with_plan(&plan_8());
    let out = forms(dir.path(), &plan);
    // (8 + 1) × 2 + the criteria form + the plan form.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 20);
    for (id, _, _) in SUBS_8 {
        assert!(
            out.join(format!("bao-cao-thang-{id}.xlsx")).is_file(),
            "{id}"
        );
        assert!(out.join(format!("dang-ky-{id}.xlsx")).is_file(), "{id}");
    }
    let form = out.join("dang-ky-chung.xlsx");
    // The help sheet of a registration form: title (row 1), a blank row, four lines
    // (rows 3 to 6), a blank row, the list's heading (row 8), the 8 names (rows 9 to 16).
    let sheet = part(&form, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<formula1>'Hướng dẫn'!$A$9:$A$16</formula1>"),
        "{sheet}"
    );
    let help = cells(&form, "Hướng dẫn");
    let names: Vec<&str> = help[8..16].iter().map(|r| r[0].as_str()).collect();
    let want: Vec<&str> = SUBS_8.iter().map(|(_, n, _)| *n).collect();
    assert_eq!(names, want);
    // No criteria: the criteria form says so rather than failing.
    let criteria = cells(&out.join("tieu-chi.xlsx"), "Tiêu chí")
        .concat()
        .join("|");
    assert!(
        criteria.contains("Kế hoạch không nêu tiêu chí nào."),
        "{criteria}"
    );
    assert!(criteria.contains("2023"));
}

/// The 2024 reports: two workbooks, eight classes (row 5 names its sub-committee by an
/// alias, KNS).
fn reports_4(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    report(
        &folder.join("a.xlsx"),
        &[
            ("Trồng rau sạch", "Nông nghiệp", (5, 2, 2024), 30),
            ("Nuôi gà thả vườn", "Nông nghiệp", (14, 5, 2024), 45),
            ("Tin học văn phòng", "Tin học", (12, 3, 2024), 25),
            ("Tiếng Anh giao tiếp", "Ngoại ngữ", (20, 5, 2024), 50),
        ],
    );
    report(
        &folder.join("b.xlsx"),
        &[
            ("Phòng chống đuối nước", "KNS", (1, 7, 2024), 40),
            (
                "Sử dụng điện thoại thông minh",
                "Tin học",
                (9, 10, 2024),
                35,
            ),
            ("Tiếng Anh cho trẻ em", "Ngoại ngữ", (3, 9, 2024), 35),
            ("Tiếng Trung cơ bản", "Ngoại ngữ", (15, 11, 2024), 25),
        ],
    );
}

/// Runs `consolidate` on `folder` (with `extra` arguments) into `out`.xlsx and .json;
/// returns the JSON.
fn consolidate(folder: &Path, plan: &Path, out: &Path, extra: &[&str]) -> Value {
    let (xlsx, json) = (out.with_extension("xlsx"), out.with_extension("json"));
    let mut args = vec!["consolidate", s(folder), "-o", s(&xlsx), "--json", s(&json)];
    args.extend(["--plan", s(plan)]);
    args.extend(extra);
    ok(&tthtcd(&args));
    serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap()
}

/// (classes, learners, status) of each entry of a JSON list ("subcommittees", "quarters").
fn figures(json: &Value, list: &str) -> Vec<(u64, u64, String)> {
    json[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["classes"]["actual"].as_u64().unwrap(),
                e["learners"]["actual"].as_u64().unwrap(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn st(x: &str) -> String {
    x.to_string()
}

#[test]
fn four_subcommittee_plan_consolidates_to_hand_worked_figures() {
    let (dir, plan) = with_plan(PLAN_4);
    let folder = dir.path().join("bao-cao");
    reports_4(&folder);
    let json = consolidate(&folder, &plan, &dir.path().join("tong-hop"), &[]);
    assert_eq!(json["plan"]["year"], 2024);
    assert_eq!(json["plan"]["as_of"], "2024-12-31");
    let ids: Vec<&str> = json["subcommittees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["nong-nghiep", "tin-hoc", "ngoai-ngu", "ky-nang-song"]);
    let short = st("short");
    assert_eq!(
        figures(&json, "subcommittees"),
        vec![
            // Nông nghiệp: 2 classes (5/2, 14/5), 30 + 45 = 75 < 300: short.
            (2, 75, short.clone()),
            // Tin học: 2 classes (12/3, 9/10), 25 + 35 = 60; 2 < 4: short.
            (2, 60, short.clone()),
            // Ngoại ngữ: 3 classes (20/5, 3/9, 15/11), 50 + 35 + 25 = 110 ≥ 90, 3 ≥ 3: met.
            (3, 110, st("met")),
            // Kỹ năng sống (the KNS row): 1 class, 40; 1 < 5: short.
            (1, 40, short.clone()),
        ]
    );
    assert_eq!(
        figures(&json, "quarters"),
        vec![
            // Q1: 5/2 (30) and 12/3 (25) → 2 classes, 55 < 180.
            (2, 55, short.clone()),
            // Q2: 14/5 (45) and 20/5 (50) → 2, 95.
            (2, 95, short.clone()),
            // Q3: 1/7 (40) and 3/9 (35) → 2, 75.
            (2, 75, short.clone()),
            // Q4: 9/10 (35) and 15/11 (25) → 2, 60.
            (2, 60, short),
        ]
    );
    // 2 + 2 + 3 + 1 = 8 classes; 75 + 60 + 110 + 40 = 285 learners.
    assert_eq!(json["totals"]["classes"], 8);
    assert_eq!(json["totals"]["learners"], 285);
    assert_eq!(json["participation"]["population_15_plus"], 3200);
    // Reports due by 31/12 are January to November's: 4 sub-committees × 11 = 44.
    assert_eq!(json["completeness"]["expected"], 44);
    let criteria: Vec<&str> = json["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        criteria,
        ["Người lớn biết dùng máy tính", "Có kế hoạch học tập"]
    );
    summary_sheet_4(&dir.path().join("tong-hop.xlsx"));
}

/// Tổng hợp of the 4-plan: the four names, then the totals row, with the done figures
/// stored; both charts' series run over exactly those four rows.
fn summary_sheet_4(xlsx: &Path) {
    let rows = cells(xlsx, "Tổng hợp");
    let first = rows
        .iter()
        .position(|r| r.get(1).map(String::as_str) == Some("Nông nghiệp"));
    let first = first.expect("the first sub-committee's row");
    let names: Vec<&str> = rows[first..first + 5]
        .iter()
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(
        names,
        ["Nông nghiệp", "Tin học", "Ngoại ngữ", "Kỹ năng sống", ""]
    );
    assert_eq!(rows[first + 4][0], "Tổng cộng");
    // Column E (done, classes) and I (done, learners): 2, 2, 3, 1 → 8; 75, 60, 110, 40 → 285.
    let done: Vec<(&str, &str)> = rows[first..first + 5]
        .iter()
        .map(|r| (r[4].as_str(), r[8].as_str()))
        .collect();
    assert_eq!(
        done,
        [
            ("2", "75"),
            ("2", "60"),
            ("3", "110"),
            ("1", "40"),
            ("8", "285")
        ]
    );
    // calamine's rows start at the sheet's first used row, which is row 1 here: the
    // sub-committees are on spreadsheet rows first + 1 to first + 4.
    let (top, bottom) = (first + 1, first + 4);
    let formulas = formulas(xlsx, "Tổng hợp");
    assert!(
        formulas.contains(&format!("SUM(E{top}:E{bottom})")),
        "{formulas:?}"
    );
    let chart = part(xlsx, "xl/charts/chart1.xml");
    assert!(
        chart.contains(&format!("'Tổng hợp'!$B${top}:$B${bottom}")),
        "{chart}"
    );
    assert!(
        chart.contains(&format!("'Tổng hợp'!$E${top}:$E${bottom}")),
        "{chart}"
    );
    let chart = part(xlsx, "xl/charts/chart2.xml");
    assert!(
        chart.contains(&format!("'Tổng hợp'!$I${top}:$I${bottom}")),
        "{chart}"
    );
}

/// The formulas of a sheet, as calamine reads them (no leading "=").
fn formulas(xlsx: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let range = wb.worksheet_formula(sheet).unwrap();
    range.used_cells().map(|(_, _, f)| f.clone()).collect()
}

#[test]
fn as_of_inside_the_plan_year_prorates_and_another_year_is_refused() {
    let (dir, plan) = with_plan(PLAN_4);
    let folder = dir.path().join("bao-cao");
    reports_4(&folder);
    let out = dir.path().join("giua-nam");
    let json = consolidate(&folder, &plan, &out, &["--as-of", "2024-06-30"]);
    // 30 June 2024 is day 31 + 29 + 31 + 30 + 31 + 30 = 182 of 366.
    let subs = figures(&json, "subcommittees");
    // Nông nghiệp: 2 classes, 75; due round(6 × 182/366 = 2.98) = 3 classes: behind.
    assert_eq!(subs[0], (2, 75, st("behind")));
    // Ngoại ngữ: 1 class (20/5), 50; due round(3 × 182/366 = 1.49) = 1 class and
    // round(90 × 182/366 = 44.75) = 45 learners: on track.
    assert_eq!(subs[2], (1, 50, st("on-track")));
    assert_eq!(json["subcommittees"][2]["learners"]["expected"], 45);
    // Kỹ năng sống: its class is on 1/7, after the date: 0 of round(2.49) = 2 due.
    assert_eq!(subs[3], (0, 0, st("behind")));
    // Counted: the four classes of January to June, 30 + 45 + 25 + 50 = 150 learners.
    assert_eq!(json["totals"]["classes"], 4);
    assert_eq!(json["totals"]["learners"], 150);
    // A date in another year (2019, the embedded plan's) is refused, naming 2024.
    let o = tthtcd(&[
        "consolidate",
        s(&folder),
        "-o",
        s(&dir.path().join("x.xlsx")),
        "--plan",
        s(&plan),
        "--as-of",
        "2019-06-30",
    ]);
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2024"), "{err}");
}

#[test]
fn a_class_dated_outside_the_plan_year_is_rejected_in_another_year_too() {
    let (dir, plan) = with_plan(PLAN_4);
    let folder = dir.path().join("bao-cao");
    std::fs::create_dir_all(&folder).unwrap();
    report(
        &folder.join("c.xlsx"),
        &[
            ("Tin học cơ bản", "Tin học", (12, 3, 2024), 25),
            // 2023 is the year before this plan's.
            ("Tin học năm trước", "Tin học", (12, 12, 2023), 20),
        ],
    );
    let json = consolidate(&folder, &plan, &dir.path().join("t"), &[]);
    // One class of 25 counted, the 2023 row rejected.
    assert_eq!(
        (
            json["totals"]["classes"].clone(),
            json["totals"]["learners"].clone()
        ),
        (1.into(), 25.into())
    );
    assert_eq!(json["totals"]["rows_rejected"], 1);
    let codes: Vec<&str> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"date-out-of-year"), "{codes:?}");
}

/// The 2023 reports: class i (from 0) of sub-committee i, on the 10th of month i + 1,
/// with 20 + i learners; the sixth by its alias DS.
fn reports_8(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    let topics = [
        "Lớp 1", "Lớp 2", "Lớp 3", "Lớp 4", "Lớp 5", "Lớp 6", "Lớp 7", "Lớp 8",
    ];
    let classes: Vec<Class> = SUBS_8
        .iter()
        .zip(topics)
        .enumerate()
        .map(|(i, ((_, name, alias), topic))| {
            let who = if i == 5 { *alias } else { *name };
            (topic, who, (10, i as u8 + 1, 2023), 20 + i as u32)
        })
        .collect();
    report(&folder.join("bao-cao.xlsx"), &classes);
}

#[test]
fn eight_subcommittee_plan_consolidates_with_every_row_in_the_summary_and_charts() {
    let (dir, plan) = with_plan(&plan_8());
    let folder = dir.path().join("bao-cao");
    reports_8(&folder);
    let json = consolidate(&folder, &plan, &dir.path().join("tong-hop"), &[]);
    assert_eq!(json["plan"]["year"], 2023);
    // Each sub-committee: 1 class of 20 + i learners, below its i + 2 classes: short.
    let want: Vec<(u64, u64, String)> = (0..8).map(|i| (1, 20 + i, st("short"))).collect();
    assert_eq!(figures(&json, "subcommittees"), want);
    // Q1: months 1–3 → 20 + 21 + 22 = 63; Q2: 23 + 24 + 25 = 72; Q3: months 7–8 →
    // 26 + 27 = 53; Q4: none.
    let quarters: Vec<(u64, u64)> = figures(&json, "quarters")
        .into_iter()
        .map(|(c, l, _)| (c, l))
        .collect();
    assert_eq!(quarters, [(3, 63), (3, 72), (2, 53), (0, 0)]);
    // 8 classes; 20 + 21 + … + 27 = 8 × 20 + 28 = 188 learners.
    assert_eq!(json["totals"]["classes"], 8);
    assert_eq!(json["totals"]["learners"], 188);
    // 8 sub-committees × 11 months due by 31/12.
    assert_eq!(json["completeness"]["expected"], 88);
    assert_eq!(json["criteria"], Value::Array(vec![]));
    let xlsx = dir.path().join("tong-hop.xlsx");
    let rows = cells(&xlsx, "Tổng hợp");
    let first = rows
        .iter()
        .position(|r| r.get(1).map(String::as_str) == Some("Trồng trọt"));
    let first = first.expect("the first sub-committee's row");
    let names: Vec<&str> = rows[first..first + 8]
        .iter()
        .map(|r| r[1].as_str())
        .collect();
    let want: Vec<&str> = SUBS_8.iter().map(|(_, n, _)| *n).collect();
    assert_eq!(names, want);
    assert_eq!(rows[first + 8][0], "Tổng cộng");
    // Done (E, I) of the totals row: 8 classes, 188 learners.
    assert_eq!(
        (rows[first + 8][4].as_str(), rows[first + 8][8].as_str()),
        ("8", "188")
    );
    // The charts cover all eight rows (spreadsheet rows first + 1 to first + 8).
    let (top, bottom) = (first + 1, first + 8);
    for (n, col) in [(1, "E"), (2, "I")] {
        let chart = part(&xlsx, &format!("xl/charts/chart{n}.xml"));
        let range = format!("'Tổng hợp'!${col}${top}:${col}${bottom}");
        assert!(chart.contains(&range), "{range} in {chart}");
    }
    let grid = cells(&xlsx, "Tình hình nộp báo cáo").concat().join("|");
    assert!(grid.contains("Phòng cháy chữa cháy") && grid.contains("2023"));
}

#[test]
fn appendix_and_criteria_name_the_plan_s_year_and_sub_committees() {
    let (dir, plan) = with_plan(&plan_8());
    let regs = dir.path().join("dang-ky");
    std::fs::create_dir_all(&regs).unwrap();
    registration(
        &regs.join("dang-ky.xlsx"),
        &[
            ("Trồng lúa", "Trồng trọt", 2, 30),
            ("Phòng cháy tại gia đình", "PCCC", 9, 45),
        ],
    );
    let out = dir.path().join("phu-luc.xlsx");
    let text = ok(&tthtcd(&[
        "appendix",
        s(&regs),
        "-o",
        s(&out),
        "--plan",
        s(&plan),
    ]));
    // 2 classes, 30 + 45 = 75 learners registered.
    assert!(text.contains("2 lớp / 75 học viên"), "{text}");
    let sheet = cells(&out, "Theo tiểu ban").concat().join("|");
    assert!(sheet.contains("2023"), "{sheet}");
    // The eighth group is numbered VIII, not "?".
    assert!(sheet.contains("VIII. Phòng cháy chữa cháy"), "{sheet}");
    assert!(
        sheet.contains("VI. Dân số, kế hoạch hóa gia đình"),
        "{sheet}"
    );
    let text = ok(&tthtcd(&["criteria", s(&regs), "--plan", s(&plan)]));
    assert!(text.contains("Kế hoạch không nêu tiêu chí nào."), "{text}");
    let (dir4, plan4) = with_plan(PLAN_4);
    let o = tthtcd(&["criteria", s(dir4.path()), "--plan", s(&plan4)]);
    // Two criteria, no criteria form: neither met, exit 1.
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("1. Người lớn biết dùng máy tính"), "{text}");
    assert!(
        text.contains("2. Có kế hoạch học tập") && text.contains("0 / 2"),
        "{text}"
    );
}
