//! The command line as a user meets it: exit codes, messages for a bad plan or a
//! protected output, JSON on standard output, and repeat runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .expect("run tthtcd")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A class report: header in row 1, then (topic, day of March 2019, learners as typed).
fn report(path: &Path, rows: &[(&str, u32, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in ["STT", "Tên chuyên đề", "Ngày mở lớp", "Thôn", "Số học viên"]
        .iter()
        .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    for (i, (topic, day, learners)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write(r, 0, r).unwrap();
        ws.write(r, 1, *topic).unwrap();
        ws.write_datetime_with_format(
            r,
            2,
            ExcelDateTime::from_ymd(2019, 3, *day as u8).unwrap(),
            &date,
        )
        .unwrap();
        ws.write(r, 3, "Thôn Đông").unwrap();
        match learners.parse::<f64>() {
            Ok(n) => ws.write(r, 4, n).unwrap(),
            Err(_) => ws.write(r, 4, *learners).unwrap(),
        };
    }
    wb.save(path).unwrap();
}

struct Dir {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Dir {
    fn new() -> Dir {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir(root.join("in")).unwrap();
        Dir { _tmp: tmp, root }
    }
    fn input(&self) -> PathBuf {
        self.root.join("in")
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

/// A plan of one class of 10 learners for each of the six sub-committees.
fn small_plan(dir: &Dir) -> PathBuf {
    let text = tthtcd::plan::DEFAULT_PLAN_TOML
        .lines()
        .map(|l| {
            if l.starts_with("classes = ") {
                "classes = 1"
            } else if l.starts_with("learners = ") {
                "learners = 10"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let p = dir.path("plan.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn six_files(dir: &Dir, kinh_te_learners: &str) {
    report(
        &dir.input().join("kinh-te.xlsx"),
        &[("Trồng lúa", 5, kinh_te_learners)],
    );
    for id in [
        "phap-luat",
        "van-hoa-xa-hoi",
        "suc-khoe",
        "moi-truong",
        "khac",
    ] {
        // Topics differ so that no two files are byte-identical copies.
        report(
            &dir.input().join(format!("{id}.xlsx")),
            &[(&format!("Chuyên đề {id}"), 6, "12")],
        );
    }
}

#[test]
fn check_exits_0_when_every_subcommittee_meets_a_small_plan() {
    let dir = Dir::new();
    six_files(&dir, "10");
    let plan = small_plan(&dir);
    let out = tthtcd(&["check", s(&dir.input()), "--plan", s(&plan)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn check_exits_1_when_a_subcommittee_falls_short() {
    let dir = Dir::new();
    // kinh-te: 9 learners < 10 planned → short at year end.
    six_files(&dir, "9");
    let plan = small_plan(&dir);
    let out = tthtcd(&["check", s(&dir.input()), "--plan", s(&plan)]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn check_exits_2_when_a_row_is_rejected_and_names_the_cell() {
    let dir = Dir::new();
    six_files(&dir, "bốn mươi");
    let plan = small_plan(&dir);
    let out = tthtcd(&["check", s(&dir.input()), "--plan", s(&plan)]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    // The learners of the first class are in E2.
    assert!(
        text.contains("Ô E2: số học viên 'bốn mươi' không phải là số"),
        "{text}"
    );
}

#[test]
fn a_bad_plan_is_refused_with_field_and_line() {
    let dir = Dir::new();
    six_files(&dir, "10");
    let text = tthtcd::plan::DEFAULT_PLAN_TOML.replacen("learners = 750", "learners = -750", 1);
    let line = text.lines().position(|l| l == "learners = -750").unwrap() + 1;
    let plan = dir.path("bad.toml");
    std::fs::write(&plan, text).unwrap();
    let out = tthtcd(&[
        "consolidate",
        s(&dir.input()),
        "--plan",
        s(&plan),
        "-o",
        s(&dir.path("o.xlsx")),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("dòng {line}")) && err.contains("-750"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!dir.path("o.xlsx").exists());
}

#[test]
fn an_input_file_is_never_overwritten() {
    let dir = Dir::new();
    six_files(&dir, "10");
    let input = dir.input().join("kinh-te.xlsx");
    let before = std::fs::read(&input).unwrap();
    let out = tthtcd(&["consolidate", s(&dir.input()), "-o", s(&input)]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải tệp do tthtcd tạo ra"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

fn totals(json: &serde_json::Value) -> (u64, u64, u64) {
    let t = &json["totals"];
    (
        t["classes"].as_u64().unwrap(),
        t["learners"].as_u64().unwrap(),
        t["rows_read"].as_u64().unwrap(),
    )
}

#[test]
fn json_on_stdout_and_repeat_runs_with_the_output_inside_the_folder() {
    let dir = Dir::new();
    six_files(&dir, "10");
    let out_path = dir.input().join("tong-hop.xlsx");
    let run = || {
        let out = tthtcd(&[
            "consolidate",
            s(&dir.input()),
            "-o",
            s(&out_path),
            "--json",
            "-",
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("stdout is JSON only");
        (json, std::fs::read(&out_path).unwrap())
    };
    let (first, bytes1) = run();
    let (second, bytes2) = run();
    // 6 files × 1 class: 10 + 5 × 12 = 70 learners.
    assert_eq!(totals(&first), (6, 70, 6));
    assert_eq!(totals(&second), (6, 70, 6));
    assert_eq!(first["schema"], 1);
    // The output being written is not an input: the second run does not list it, and
    // writes the same bytes.
    assert!(
        !second["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "tong-hop.xlsx")
    );
    assert_eq!(bytes1, bytes2);
    // Last month's output under another name is recognised by its mark and skipped.
    std::fs::copy(&out_path, dir.input().join("tong-hop-thang-truoc.xlsx")).unwrap();
    let (third, _) = run();
    assert_eq!(totals(&third), (6, 70, 6));
    let old = third["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "tong-hop-thang-truoc.xlsx")
        .unwrap();
    assert_eq!(old["status"], "skipped");
}

#[test]
fn plan_check_reports_53_against_54_and_passes_a_consistent_plan() {
    let out = tthtcd(&["plan", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("theo tiểu ban cộng lại 54 lớp, theo quý cộng lại 53 lớp"),
        "{text}"
    );
    // The same plan with a second quarter of 15 classes adds up: 13 + 15 + 13 + 13 = 54.
    let dir = Dir::new();
    let fixed = tthtcd::plan::DEFAULT_PLAN_TOML.replacen(
        "quarter = 2\nclasses = 14",
        "quarter = 2\nclasses = 15",
        1,
    );
    let plan = dir.path("plan.toml");
    std::fs::write(&plan, fixed).unwrap();
    let ok = tthtcd(&["plan", "check", "--plan", s(&plan)]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
}

#[test]
fn help_and_version_go_to_stdout_with_0_a_refused_argument_to_stderr_with_3() {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let out = tthtcd(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let version = format!("tthtcd {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(text(&out.stdout), version);
    // clap's help command, down to a subcommand's subcommand.
    let out = tthtcd(&["help", "plan", "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    assert!(text(&out.stdout).starts_with("Kiểm tra kế hoạch có khớp không"));
    // A command that needs a subcommand: its help, as an error.
    let out = tthtcd(&["plan"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("\nCách dùng: tthtcd plan <LỆNH>\n"));
    let out = tthtcd(&["check", "thu-muc", "--max-seconds", "0"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr).lines().next(),
        Some("Lỗi: giá trị '0' không hợp lệ cho '--max-seconds <GIÂY>': phải từ 1 trở lên")
    );
}

/// `tthtcd consolidate … | head -1`: the reader goes away before the table is printed.
/// The workbook is written and the run ends as usual, without a panic about the pipe.
#[test]
fn a_closed_standard_output_is_no_crash() {
    use std::process::Stdio;
    let dir = Dir::new();
    six_files(&dir, "50");
    let out = dir.path("out.xlsx");
    let plan = small_plan(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args([
            "consolidate",
            s(&dir.input()),
            "--plan",
            s(&plan),
            "-o",
            s(&out),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tthtcd");
    // Closed before the run has read a single file, so every line it prints meets a
    // closed pipe.
    drop(child.stdout.take());
    let done = child.wait_with_output().expect("wait for tthtcd");
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(done.status.code(), Some(0), "{stderr}");
    assert!(out.is_file());
}
