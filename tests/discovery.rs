//! Every folder entry is listed: a whole run over a folder holding a pipe, link
//! loops, a broken link and a folder that cannot be opened finishes, lists each with
//! its reason, and counts only the report.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn odd_folder_entries_each_have_a_line_and_the_run_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    common::one_class_report(&input.join("kinh-te.xlsx"), 40.0);
    // A folder that cannot be opened, holding a report of 25 learners.
    let locked = input.join("khoa");
    std::fs::create_dir(&locked).unwrap();
    common::one_class_report(&locked.join("phap-luat.xlsx"), 25.0);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // A report that cannot be read (mode 000), of 15 learners.
    let closed = input.join("dong.xlsx");
    common::one_class_report(&closed, 15.0);
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    // A pipe with a report's name: opening it to read would wait for ever.
    let fifo = std::ffi::CString::new(input.join("ong.xlsx").to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    // A link to itself, one to the folder itself, one to nothing.
    symlink("vong.xlsx", input.join("vong.xlsx")).unwrap();
    symlink(".", input.join("len")).unwrap();
    symlink("da-xoa.xlsx", input.join("mat.xlsx")).unwrap();

    // Root opens any folder whatever its mode, so as root the run is made as the
    // unprivileged user "nobody" (65534), for whom the folder is closed; the temporary
    // folder is opened to it. Not root: the mode closes it already.
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    cmd.args([
        "check",
        input.to_str().unwrap(),
        "--json",
        "-",
        "--lang",
        "en",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    // SAFETY: geteuid, setgid and setuid are async-signal-safe; they touch only the child.
    if unsafe { libc::geteuid() } == 0 {
        unsafe {
            cmd.pre_exec(|| {
                if libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let mut child = cmd.spawn().expect("run tthtcd");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the run did not finish within a minute: something opened the pipe");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    // A folder not read and a broken report link: something was not counted.
    assert_eq!(out.status.code(), Some(2), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files: Vec<(String, String, String)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
                f["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let line = |p: &str, status: &str, reason: &str| {
        (p.to_string(), status.to_string(), reason.to_string())
    };
    assert_eq!(
        files,
        vec![
            line(
                "dong.xlsx",
                "failed",
                "the file cannot be read: permission denied"
            ),
            line(
                "khoa/",
                "failed",
                "the folder cannot be opened: permission denied; the files in it were not read"
            ),
            line("kinh-te.xlsx", "read", ""),
            line(
                "len/",
                "skipped",
                "a link loop (to '.', leading back to itself or to the folder being read); not read"
            ),
            line(
                "mat.xlsx",
                "failed",
                "a link to 'da-xoa.xlsx', which no longer exists"
            ),
            line(
                "ong.xlsx",
                "skipped",
                "a named pipe (FIFO), not a file; not opened"
            ),
            line(
                "vong.xlsx",
                "failed",
                "a link loop (to 'vong.xlsx', leading back to itself or to the folder being read); not read"
            ),
        ]
    );
    // Only kinh-te's class is counted: 1 class of 40 learners (khoa's 25 and dong's 15
    // were not read).
    assert_eq!(json["totals"]["classes"], 1);
    assert_eq!(json["totals"]["learners"], 40);
    // The failed entries are in the issues too, as errors.
    let codes: Vec<&str> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["severity"] == "error")
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "unreadable-file",
            "unreadable-folder",
            "dangling-link",
            "link-loop"
        ]
    );
}
