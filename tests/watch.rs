//! `tthtcd watch`: a real watch process, report files copied into the folder, the
//! output read back after each change, and Ctrl-C ending it cleanly.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn classes(json: &Path) -> Option<(u64, u64)> {
    let text = std::fs::read_to_string(json).ok()?;
    let j: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some((
        j["totals"]["classes"].as_u64()?,
        j["totals"]["learners"].as_u64()?,
    ))
}

/// Waits until the JSON shows `want`, or fails after 30 s.
fn wait_for(json: &Path, want: (u64, u64)) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if classes(json) == Some(want) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "the watched output never showed {want:?} (last: {:?})",
        classes(json)
    );
}

/// A `watch` of `input` writing `out` and `json`, as of the end of 2019; stopped however
/// the test ends.
fn watch(input: &Path, out: &Path, json: &Path) -> common::Reaped {
    common::Reaped(
        Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .arg("watch")
            .arg(input)
            .arg("-o")
            .arg(out)
            .arg("--json")
            .arg(json)
            .args(["--as-of", "2019-12-31"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Ctrl-C: the watch ends within 10 s with exit code 0. What it printed.
fn stop(mut child: common::Reaped) -> String {
    // SAFETY: sending SIGINT to our own child process.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "watch did not stop on Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut log).unwrap();
    assert!(log.contains("Đã dừng theo dõi."), "{log}");
    log
}

/// The lines of the runs: one a run.
fn runs(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(" lớp, ")).collect()
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// A folder bao-cao/ holding kinh-te's January report, beside where the outputs go.
fn january() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bao-cao");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(
        samples().join("kinh-te/thang-01.xlsx"),
        input.join("kinh-te-01.xlsx"),
    )
    .unwrap();
    (dir, input)
}

#[test]
fn copying_a_month_s_files_updates_the_output_and_ctrl_c_stops_cleanly() {
    let (dir, input) = january();
    let json = dir.path().join("tong-hop.json");
    let out = dir.path().join("tong-hop.xlsx");
    let child = watch(&input, &out, &json);
    // kinh-te January: 110 + 95 = 205 learners in 2 classes.
    wait_for(&json, (2, 205));
    // The month's reports of two sub-committees arrive together.
    std::fs::copy(
        samples().join("kinh-te/thang-02.xlsx"),
        input.join("kinh-te-02.xlsx"),
    )
    .unwrap();
    std::fs::copy(
        samples().join("phap-luat/thang-02.xlsx"),
        input.join("phap-luat-02.xlsx"),
    )
    .unwrap();
    // + kinh-te February 105 + 90, pháp luật February 70: 5 classes, 470 learners.
    wait_for(&json, (5, 470));
    // A removed file is a change too: back to January alone plus pháp luật, 3 / 275.
    std::fs::remove_file(input.join("kinh-te-02.xlsx")).unwrap();
    wait_for(&json, (3, 275));
    assert!(out.exists());

    let log = stop(child);
    // Every run's temporary file was renamed into place or removed: none is left
    // beside the outputs after Ctrl-C.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tthtcd-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // One line per run: the first, and at least one per change.
    assert!(runs(&log).len() >= 3, "{log}");
}

#[test]
fn a_file_still_being_written_is_read_once_it_is_whole() {
    let (dir, input) = january();
    let json = dir.path().join("tong-hop.json");
    let child = watch(&input, &dir.path().join("tong-hop.xlsx"), &json);
    wait_for(&json, (2, 205));
    // kinh-te's February report arrives slowly: 8 pieces a quarter of a second apart,
    // 2 s in all, far longer than the debouncer holds a new file's first event.
    let bytes = std::fs::read(samples().join("kinh-te/thang-02.xlsx")).unwrap();
    let mut file = std::fs::File::create(input.join("kinh-te-02.xlsx")).unwrap();
    for piece in bytes.chunks(bytes.len().div_ceil(8)) {
        std::io::Write::write_all(&mut file, piece).unwrap();
        std::thread::sleep(Duration::from_millis(250));
    }
    drop(file);
    // January 205 + February 105 + 90 = 400 learners in 4 classes.
    wait_for(&json, (4, 400));
    // Give a run that should not happen the time to happen.
    std::thread::sleep(Duration::from_secs(2));
    let log = stop(child);
    // Two runs: the first, and one when the file was whole. A run while it was being
    // written would have been a third, with the file unreadable.
    let lines = runs(&log);
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[1].contains(" 2 tệp, 4 lớp, 400 học viên, "), "{log}");
}

#[test]
fn outputs_written_inside_the_watched_folder_start_no_run() {
    let (_dir, input) = january();
    // Neither output is there yet when the watch starts.
    let json = input.join("tong-hop.json");
    let child = watch(&input, &input.join("tong-hop.xlsx"), &json);
    wait_for(&json, (2, 205));
    // Time for a few runs, were writing the outputs a change (a run waits 1 s of quiet).
    std::thread::sleep(Duration::from_secs(4));
    let log = stop(child);
    assert_eq!(runs(&log).len(), 1, "{log}");
}
