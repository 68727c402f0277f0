//! Workbooks are read in worker processes under a memory and a time limit: a workbook
//! that costs more than the limits allow is listed as failed, alone, and the run — and
//! `watch` — goes on with the other files' figures unchanged. So is a workbook named
//! like a plan form, read before the run knows its plan.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rust_xlsxwriter::Workbook;

/// A kinh-te report of `rows` classes, each with a long topic and note: a real table,
/// costly to hold only by its size (each row 4 cells, two of them 35–45 characters).
fn big_report(path: &Path, rows: u32) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.write_row(0, 0, ["Tên lớp", "Ngày", "Số HV", "Ghi chú"])
        .unwrap();
    for r in 1..=rows {
        ws.write(r, 0, format!("Lớp số {r} của tiểu ban kinh tế"))
            .unwrap();
        ws.write(r, 1, "05/01/2019").unwrap();
        ws.write(r, 2, 30).unwrap();
        ws.write(r, 3, format!("ghi chú dài dòng để tốn bộ nhớ {r}"))
            .unwrap();
    }
    wb.save(path).unwrap();
}

/// pháp luật January from samples/: 1 class of 85 learners (the table in the doc
/// comment of examples/make_samples.rs: 85+70+64+58+76 for January to May).
fn good_report(dir: &Path) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    std::fs::copy(
        samples.join("phap-luat/thang-01.xlsx"),
        dir.join("phap-luat-01.xlsx"),
    )
    .unwrap();
}

fn check(dir: &Path, limits: &[&str]) -> (Option<i32>, serde_json::Value) {
    let json = dir.join("out.json");
    let out = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .arg("check")
        .arg(dir.join("in"))
        .arg("--json")
        .arg(&json)
        .args(limits)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&json).unwrap();
    (out.status.code(), serde_json::from_str(&text).unwrap())
}

fn status_of<'a>(j: &'a serde_json::Value, path: &str) -> (&'a str, &'a str) {
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap();
    (
        f["status"].as_str().unwrap(),
        f["reason"].as_str().unwrap_or(""),
    )
}

fn folder_with_a_big_report() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    big_report(&input.join("kinh-te-lon.xlsx"), 20_000);
    good_report(&input);
    dir
}

#[test]
fn a_workbook_past_the_memory_limit_fails_alone() {
    let dir = folder_with_a_big_report();
    // 32 MB: one worker, more than a monthly report needs and less than 20,000 rows of
    // text do. The pháp luật report waits in that worker's pipe behind the big one (a
    // worker is kept one file ahead) and goes to the fresh worker that replaces it.
    let (code, j) = check(dir.path(), &["--max-memory", "32"]);
    assert_eq!(code, Some(2), "a file failed: something was not counted");
    let (status, reason) = status_of(&j, "kinh-te-lon.xlsx");
    assert_eq!(status, "failed");
    assert!(reason.contains("vượt giới hạn bộ nhớ"), "{reason}");
    assert_eq!(status_of(&j, "phap-luat-01.xlsx").0, "read");
    // Only the pháp luật report is counted: 1 class, 85 learners.
    assert_eq!(j["totals"]["classes"], 1);
    assert_eq!(j["totals"]["learners"], 85);
    let codes: Vec<&str> = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert!(codes.contains(&"reader-out-of-memory"), "{codes:?}");
}

#[test]
fn a_workbook_past_the_time_limit_fails_alone() {
    let dir = folder_with_a_big_report();
    // 20,000 rows take a worker of this test build seconds; one second is allowed.
    let (code, j) = check(dir.path(), &["--max-seconds", "1", "--max-memory", "4096"]);
    assert_eq!(code, Some(2));
    let (status, reason) = status_of(&j, "kinh-te-lon.xlsx");
    assert_eq!(status, "failed");
    assert!(reason.contains("quá 1 giây"), "{reason}");
    assert_eq!(j["totals"]["classes"], 1);
    assert_eq!(j["totals"]["learners"], 85);
}

#[test]
fn within_the_limits_the_big_workbook_is_read() {
    let dir = folder_with_a_big_report();
    let (_, j) = check(
        dir.path(),
        &["--max-memory", "4096", "--max-seconds", "600"],
    );
    // 20,000 kinh-te classes of 30 learners (600,000) and pháp luật's 1 / 85.
    assert_eq!(status_of(&j, "kinh-te-lon.xlsx").0, "read");
    assert_eq!(j["totals"]["classes"], 20_001);
    assert_eq!(j["totals"]["learners"], 600_085);
}

#[test]
fn limits_below_what_a_worker_can_run_in_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["check", ".", "--max-memory", "8"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}

/// The JSON's (classes, learners), once it exists.
fn totals(json: &Path) -> Option<(u64, u64)> {
    let j: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(json).ok()?).ok()?;
    Some((
        j["totals"]["classes"].as_u64()?,
        j["totals"]["learners"].as_u64()?,
    ))
}

#[test]
fn watch_survives_a_workbook_past_the_limits_dropped_into_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    good_report(&input);
    let json = dir.path().join("out.json");
    // Stopped however the test ends.
    let mut child = common::Reaped(
        Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .arg("watch")
            .arg(&input)
            .arg("-o")
            .arg(dir.path().join("out.xlsx"))
            .arg("--json")
            .arg(&json)
            .args(["--as-of", "2019-12-31", "--max-memory", "64"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let wait_for = |want: (u64, u64), why: &str| {
        let start = Instant::now();
        while totals(&json) != Some(want) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{why}: last {:?}",
                totals(&json)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    wait_for((1, 85), "the first run");
    // Written elsewhere and moved in, as a finished copy arrives.
    big_report(&dir.path().join("lon.xlsx"), 20_000);
    std::fs::rename(dir.path().join("lon.xlsx"), input.join("kinh-te-lon.xlsx")).unwrap();
    // Then pháp luật's February report: 1 class of 70 learners more.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    std::fs::copy(
        samples.join("phap-luat/thang-02.xlsx"),
        input.join("phap-luat-02.xlsx"),
    )
    .unwrap();
    wait_for((2, 155), "after the big workbook and February");
    assert!(
        child.try_wait().unwrap().is_none(),
        "watch must still be running"
    );
    // SAFETY: sending SIGINT to our own child process.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "watch did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_compound_file_whose_chain_grows_for_ever_fails_alone() {
    // Found by the `workbook` fuzz target: a 5 KB .xls whose sector chain calamine
    // follows into a 2 GB buffer. It first reached the reader, and the worker's memory
    // limit stopped it; the compound-file guard now sees the loop and refuses the file
    // as damaged before the reader is called. Either way only this file is lost.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/cfb-chain-grows.xls");
    let copy = input.join("kinh-te.xls");
    std::fs::copy(fixture, &copy).unwrap();
    // An hour old: a damaged file changed moments ago is reported as still being copied.
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&copy)
        .unwrap()
        .set_modified(old)
        .unwrap();
    good_report(&input);
    let (code, j) = check(dir.path(), &[]);
    assert_eq!(code, Some(2));
    let (status, reason) = status_of(&j, "kinh-te.xls");
    assert_eq!(status, "failed");
    assert!(
        reason.contains("các chuỗi dữ liệu trong tệp .xls quay vòng"),
        "{reason}"
    );
    // pháp luật January alone: 1 class, 85 learners.
    assert_eq!(j["totals"]["classes"], 1);
    assert_eq!(j["totals"]["learners"], 85);
}

/// Six sheets of a million cells each (`<c><v>1</v></c>`, a thousand rows of a
/// thousand): each sheet part stays under the size past which its packing ratio is
/// judged, so the file is half a megabyte and passes every look taken before the
/// reader, which then has six million cells to read and hold. Read in the run's own
/// process (a debug build, as the tests run it) it took 70 s and 261 MB.
fn six_million_cells(path: &Path) {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let names = ["A", "B", "C", "D", "E", "F"];
    common::book(&tmp.path().join("base.xlsx"), &names.map(|n| (n, vec![])));
    let row = format!("<row>{}</row>", "<c><v>1</v></c>".repeat(1000));
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <sheetData>{}</sheetData></worksheet>",
        row.repeat(1000)
    );
    // The sheet packed once; its packed bytes stand in for each of the six.
    let packed = tmp.path().join("sheet.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&packed).unwrap());
    zip.start_file("sheet.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(sheet.as_bytes()).unwrap();
    zip.finish().unwrap();
    let open = |p: &Path| zip::ZipArchive::new(std::fs::File::open(p).unwrap()).unwrap();
    let (mut packed, mut base) = (open(&packed), open(&tmp.path().join("base.xlsx")));
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..base.len() {
        let part = base.by_index_raw(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/sheet") {
            drop(part);
            out.raw_copy_file_rename(packed.by_index_raw(0).unwrap(), name)
                .unwrap();
        } else {
            out.raw_copy_file(part).unwrap();
        }
    }
    out.finish().unwrap();
}

/// `tthtcd check` on a folder holding that workbook as ke-hoach.xlsx — a plan form's
/// name, so the run reads it before its plan is known — and the pháp luật report:
/// (exit code, the JSON, peak memory in KiB). Within 30 s, or the test fails.
fn check_with_a_costly_plan_form_name(limits: &[&str]) -> (Option<i32>, serde_json::Value, i64) {
    let dir = tempfile::tempdir().unwrap();
    six_million_cells(&dir.path().join("ke-hoach.xlsx"));
    good_report(dir.path());
    let mut command = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    command
        .arg("check")
        .arg(dir.path())
        .args(["--json", "-"])
        .args(limits);
    let run = common::run_bounded(command, Duration::from_secs(30));
    let json = serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|_| panic!("no JSON (exit {:?}): the run did not finish", run.code));
    (run.code, json, run.peak_kib)
}

/// What every costly candidate's run shows: the plan is the embedded one, the
/// candidate failed for `why`, and the pháp luật report counts (1 class, 85 learners).
fn only_the_candidate_is_lost(code: Option<i32>, j: &serde_json::Value, why: &str) {
    assert_eq!(code, Some(2), "a file failed: something was not counted");
    assert_eq!(j["plan"]["source"], "embedded");
    let (status, reason) = status_of(j, "ke-hoach.xlsx");
    assert_eq!(status, "failed");
    assert!(reason.contains(why), "{reason}");
    assert_eq!(status_of(j, "phap-luat-01.xlsx").0, "read");
    assert_eq!(j["totals"]["classes"], 1);
    assert_eq!(j["totals"]["learners"], 85);
}

#[test]
fn a_plan_form_candidate_past_the_memory_limit_is_read_in_a_worker_and_fails_alone() {
    // 64 MB: two workers of 32 MB, which six million cells overrun at once — while
    // looking for the plan form, and again when the run reads the file as a report.
    let (code, j, peak_kib) = check_with_a_costly_plan_form_name(&["--max-memory", "64"]);
    only_the_candidate_is_lost(code, &j, "vượt giới hạn bộ nhớ");
    // Neither the run nor any of its workers held the cells.
    assert!(peak_kib < 128 << 10, "peak {peak_kib} KiB");
}

#[test]
fn a_plan_form_candidate_past_the_time_limit_is_read_in_a_worker_and_fails_alone() {
    // Memory enough to read on; one second a file, while looking for the plan form and
    // again in the run.
    let (code, j, _) =
        check_with_a_costly_plan_form_name(&["--max-memory", "4096", "--max-seconds", "1"]);
    only_the_candidate_is_lost(code, &j, "quá 1 giây");
}
