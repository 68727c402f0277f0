//! `tthtcd watch`: a real watch process, report files copied into the folder, the
//! output read back after each change, and Ctrl-C ending it cleanly.

mod common;

use std::path::Path;
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

#[test]
fn copying_a_month_s_files_updates_the_output_and_ctrl_c_stops_cleanly() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bao-cao");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(
        samples.join("kinh-te/thang-01.xlsx"),
        input.join("kinh-te-01.xlsx"),
    )
    .unwrap();
    let json = dir.path().join("tong-hop.json");
    let out = dir.path().join("tong-hop.xlsx");
    // Stopped however the test ends.
    let mut child = common::Reaped(
        Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .args([
                "watch",
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--json",
                json.to_str().unwrap(),
            ])
            .args(["--as-of", "2019-12-31"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // kinh-te January: 110 + 95 = 205 learners in 2 classes.
    wait_for(&json, (2, 205));
    // The month's reports of two sub-committees arrive together.
    std::fs::copy(
        samples.join("kinh-te/thang-02.xlsx"),
        input.join("kinh-te-02.xlsx"),
    )
    .unwrap();
    std::fs::copy(
        samples.join("phap-luat/thang-02.xlsx"),
        input.join("phap-luat-02.xlsx"),
    )
    .unwrap();
    // + kinh-te February 105 + 90, pháp luật February 70: 5 classes, 470 learners.
    wait_for(&json, (5, 470));
    // A removed file is a change too: back to January alone plus pháp luật, 3 / 275.
    std::fs::remove_file(input.join("kinh-te-02.xlsx")).unwrap();
    wait_for(&json, (3, 275));
    assert!(out.exists());

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
    // Every run's temporary file was renamed into place or removed: none is left
    // beside the outputs after Ctrl-C.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tthtcd-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut log).unwrap();
    assert!(log.contains("Đã dừng theo dõi."), "{log}");
    // One line per run: the first, and at least one per change.
    assert!(
        log.lines().filter(|l| l.contains(" lớp, ")).count() >= 3,
        "{log}"
    );
}
