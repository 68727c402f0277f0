//! Workbooks are read in worker processes under a memory and a time limit: a workbook
//! that costs more than the limits allow is listed as failed, alone, and the run — and
//! `watch` — goes on with the other files' figures unchanged.

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
