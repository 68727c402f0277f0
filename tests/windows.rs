//! The Windows build on what a secretary's PC does to files (issue 17): Vietnamese
//! file and folder names, paths past the old 260-character limit, a report open in
//! Excel, the output open in Excel, and a drive letter of another disk. Windows only:
//! `.ci/windows` builds these tests for x86_64-pc-windows-gnu and runs them under Wine,
//! whose file locks are Windows' own (share modes, refused replacements). Excel is
//! played by a handle opened with the share mode Excel opens a workbook with. Figures
//! worked out by hand from the fixtures.
#![cfg(windows)]

mod common;

use std::fs::{File, OpenOptions};
use std::os::windows::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// `FILE_SHARE_READ`: others may read, not write or delete — a workbook open in Excel.
const SHARE_READ: u32 = 1;

/// The file held open as Excel holds a workbook it has open.
fn open_in_excel(path: &Path) -> File {
    OpenOptions::new()
        .read(true)
        .write(true)
        .share_mode(SHARE_READ)
        .open(path)
        .unwrap()
}

/// The file held open so that nobody else may even read it (share mode none), as some
/// programs, and Excel with some files, hold one.
fn open_to_nobody_else(path: &Path) -> File {
    OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(path)
        .unwrap()
}

/// Two reports: kinh-tế.xlsx, Trồng lúa 05/03/2019 with 25 learners; pháp-luật.xlsx,
/// Luật đất đai 10/04/2019 with 30. Against the embedded plan: 2 classes, 55 learners.
fn reports(folder: &Path) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(folder).unwrap();
    let (a, b) = (folder.join("kinh-tế.xlsx"), folder.join("pháp-luật.xlsx"));
    common::month_report(&a, &[("Trồng lúa", "05/03/2019", 25.0)]);
    common::month_report(&b, &[("Luật đất đai", "10/04/2019", 30.0)]);
    (a, b)
}

/// `tthtcd consolidate FOLDER -o OUT --json -`: the run's output and its summary.
fn consolidate(folder: &Path, out: &Path) -> (Output, Value) {
    let run = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .arg("consolidate")
        .arg(folder)
        .arg("-o")
        .arg(out)
        .args(["--json", "-"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
    });
    (run, json)
}

fn totals(json: &Value) -> (u64, u64) {
    let t = &json["totals"];
    (
        t["classes"].as_u64().unwrap(),
        t["learners"].as_u64().unwrap(),
    )
}

/// The classes and learners a workbook the tool wrote holds, read back.
fn figures(workbook: &Path) -> (u64, u64) {
    let dir = workbook.parent().unwrap();
    let name = workbook.file_name().unwrap().to_str().unwrap();
    let c = tthtcd::readback::read_back(dir, name, None, None).unwrap();
    (c.summary.classes.actual, c.summary.learners.actual)
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn a_report_open_in_excel_is_listed_and_the_others_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Báo cáo tháng 4");
    let (kinh_te, _) = reports(&folder);
    let held = open_to_nobody_else(&kinh_te);
    let (run, json) = consolidate(&folder, &dir.path().join("tổng-hợp.xlsx"));
    // Only pháp-luật.xlsx's class: 1 class, 30 learners.
    assert_eq!(totals(&json), (1, 30), "{}", stderr(&run));
    let file = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "kinh-tế.xlsx")
        .unwrap();
    assert_eq!(file["status"], "failed");
    let issue = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == "kinh-tế.xlsx")
        .unwrap();
    assert_eq!(issue["code"], "held-open");
    assert_eq!(
        issue["message"],
        "tệp đang mở trong Excel (hoặc chương trình khác), hãy đóng lại rồi chạy lại"
    );
    // Closed, it is read: both classes.
    drop(held);
    let (_, json) = consolidate(&folder, &dir.path().join("tổng-hợp.xlsx"));
    assert_eq!(totals(&json), (2, 55));
}

#[test]
fn a_report_open_in_excel_the_usual_way_is_read() {
    // Excel lets others read the workbook it has open: nothing to say then.
    let dir = tempfile::tempdir().unwrap();
    let (kinh_te, _) = reports(&dir.path().join("Báo cáo"));
    let _held = open_in_excel(&kinh_te);
    let (_, json) = consolidate(&dir.path().join("Báo cáo"), &dir.path().join("th.xlsx"));
    assert_eq!(totals(&json), (2, 55));
    assert_eq!(json["issues"].as_array().unwrap().len(), 0, "{json}");
}

#[test]
fn the_output_open_in_excel_is_left_and_the_new_one_written_under_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Báo cáo");
    let (kinh_te, _) = reports(&folder);
    let out = dir.path().join("tổng-hợp.xlsx");
    consolidate(&folder, &out);
    let before = std::fs::read(&out).unwrap();
    // The month's third report comes in while last run's workbook is open in Excel:
    // Vệ sinh môi trường, 12/04/2019, 20 learners → 3 classes, 75 learners.
    common::month_report(
        &folder.join("môi-trường.xlsx"),
        &[("Vệ sinh môi trường", "12/04/2019", 20.0)],
    );
    let held = open_in_excel(&out);
    let (run, json) = consolidate(&folder, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(totals(&json), (3, 75));
    let instead = dir.path().join("tổng-hợp (2).xlsx");
    assert!(
        stderr(&run).contains(
            "'tổng-hợp.xlsx' đang mở trong Excel (hoặc chương trình khác) nên không ghi đè được: \
             bảng tổng hợp mới được ghi vào 'tổng-hợp (2).xlsx'"
        ),
        "{}",
        stderr(&run)
    );
    assert!(
        stderr(&run).contains(&format!("Đã ghi {}", instead.display())),
        "{}",
        stderr(&run)
    );
    drop(held);
    // The one open is as it was; the new one holds the three classes.
    assert_eq!(std::fs::read(&out).unwrap(), before);
    assert_eq!(figures(&out), (2, 55));
    assert_eq!(figures(&instead), (3, 75));
    // Excel closed, the next run writes the output's own name again.
    let _ = std::fs::remove_file(&kinh_te);
    let (run, _) = consolidate(&folder, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(figures(&out), (2, 50));
}

#[test]
fn an_output_nobody_else_may_read_is_not_taken_for_someone_else_s_file() {
    // Held so that it cannot be read, it cannot be known to be the tool's: not
    // replaced, and not refused as a stranger's either — the new one goes beside it.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bc");
    reports(&folder);
    let out = dir.path().join("tong-hop.xlsx");
    consolidate(&folder, &out);
    let before = std::fs::read(&out).unwrap();
    let held = open_to_nobody_else(&out);
    let (run, json) = consolidate(&folder, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(totals(&json), (2, 55));
    drop(held);
    assert_eq!(std::fs::read(&out).unwrap(), before);
    assert_eq!(figures(&dir.path().join("tong-hop (2).xlsx")), (2, 55));
}

#[test]
fn a_json_summary_open_elsewhere_is_refused_before_any_work() {
    // Scripts look for the summary where they said: it is not written elsewhere.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bc");
    reports(&folder);
    let json = dir.path().join("tong-hop.json");
    let check = || {
        Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .arg("check")
            .arg(&folder)
            .arg("--json")
            .arg(&json)
            .output()
            .unwrap()
    };
    let run = check();
    assert!(json.exists(), "{}", stderr(&run));
    let _held = open_to_nobody_else(&json);
    let run = check();
    // Refused before any work, as every output path the tool may not write (exit 3).
    assert_eq!(run.status.code(), Some(3));
    assert!(
        stderr(&run).contains("tệp đang mở trong Excel (hoặc chương trình khác), hãy đóng lại"),
        "{}",
        stderr(&run)
    );
}

/// A folder path of more than 300 characters, in Vietnamese, under `root`.
fn deep_folder(root: &Path) -> PathBuf {
    let mut folder = root.to_path_buf();
    for part in [
        "Trung tâm học tập cộng đồng xã Hồng Thái Tây",
        "Kế hoạch và báo cáo năm 2019 của các tiểu ban",
        "Các báo cáo của tiểu ban, bản chép lại từ máy tính cũ",
        "Báo cáo hằng tháng đã nộp về trung tâm (bản chính)",
        "Quý II năm 2019 — tháng 4, tháng 5 và tháng 6",
        "Báo cáo",
    ] {
        folder.push(part);
    }
    assert!(folder.as_os_str().len() > 300);
    folder
}

#[test]
fn reports_and_output_past_the_260_character_limit_are_read_and_written() {
    let dir = tempfile::tempdir().unwrap();
    let folder = deep_folder(dir.path());
    reports(&folder);
    let out = folder.parent().unwrap().join("tổng-hợp.xlsx");
    let (run, json) = consolidate(&folder, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(totals(&json), (2, 55));
    assert_eq!(figures(&out), (2, 55));
}

#[test]
fn a_double_click_reads_reports_past_the_260_character_limit_in_the_bao_cao_folder() {
    // tthtcd.exe where Explorer can show it (Windows cannot start a program past the
    // limit), the reports in sub-folders of "Báo cáo" that go past it.
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("Trung tâm học tập cộng đồng");
    let deep = deep_folder(&home.join("Báo cáo"));
    reports(&deep);
    let built = Path::new(env!("CARGO_BIN_EXE_tthtcd"));
    let exe = home.join("tthtcd.exe");
    std::fs::copy(built, &exe).unwrap();
    // Wine's stand-in for bcryptprimitives.dll, where .ci/windows put one.
    let shim = built.with_file_name("bcryptprimitives.dll");
    if shim.exists() {
        std::fs::copy(&shim, home.join("bcryptprimitives.dll")).unwrap();
    }
    let run = Command::new(&exe)
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(deep.join("pháp-luật.xlsx").as_os_str().len() > 300);
    assert_eq!(figures(&home.join("tong-hop.xlsx")), (2, 55));
}

/// `GetDriveTypeW`'s answer for a network drive.
const DRIVE_REMOTE: u32 = 4;

fn drive_type(root: &Path) -> u32 {
    use std::os::windows::ffi::OsStrExt;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetDriveTypeW(root: *const u16) -> u32;
    }
    let wide: Vec<u16> = root.as_os_str().encode_wide().chain([0]).collect();
    // SAFETY: a NUL-terminated wide string that outlives the call.
    unsafe { GetDriveTypeW(wide.as_ptr()) }
}

#[test]
fn a_folder_on_a_network_drive_is_read_as_on_c() {
    // A mapped network drive is a drive letter to the program. `.ci/windows` maps one
    // (N:, marked a network drive in Wine's registry) and names it here.
    let drive = std::env::var("TTHTCD_NETWORK_DRIVE")
        .expect("TTHTCD_NETWORK_DRIVE: the letter of a mapped drive (.ci/windows maps N:)");
    let root = PathBuf::from(format!("{drive}\\"));
    assert_eq!(
        drive_type(&root),
        DRIVE_REMOTE,
        "{drive} is no network drive"
    );
    let dir = tempfile::tempdir_in(&root).unwrap();
    let folder = dir.path().join("Báo cáo");
    reports(&folder);
    let out = dir.path().join("tổng-hợp.xlsx");
    let (run, json) = consolidate(&folder, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(totals(&json), (2, 55));
    // Said as the secretary knows the place, not as a `\\?\` path.
    assert!(
        String::from_utf8_lossy(&run.stderr).contains(&format!("Đã ghi {}", out.display())),
        "{}",
        stderr(&run)
    );
    assert!(out.starts_with(&root));
    assert_eq!(figures(&out), (2, 55));
}

/// Run as a child by the job tests: waits for a line on its input, then commits
/// `TTHTCD_ALLOCATE_MB` megabytes and exits 0 if it could.
#[test]
#[ignore = "a child of the job tests"]
fn child_allocates_when_told() {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).unwrap();
    let mb: usize = std::env::var("TTHTCD_ALLOCATE_MB")
        .unwrap()
        .parse()
        .unwrap();
    let block = vec![1u8; mb << 20];
    assert_eq!(
        block.iter().map(|&b| u64::from(b)).sum::<u64>(),
        (mb as u64) << 20
    );
    println!("{ALLOCATED}");
}

/// What [`child_allocates_when_told`] says when it has its memory.
const ALLOCATED: &str = "tthtcd-test: allocated";

/// Whether the child said it had its memory.
fn allocated(child: std::process::Child) -> bool {
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).contains(ALLOCATED)
}

/// This test binary, running [`child_allocates_when_told`], in a job capped at 64 MB.
fn child_in_job(allocate_mb: u32) -> (std::process::Child, tthtcd::sandbox::job::Job) {
    use std::process::Stdio;
    let job = tthtcd::sandbox::job::Job::with_memory_limit(64 << 20).unwrap();
    let child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_allocates_when_told",
            "--ignored",
            "--nocapture",
        ])
        .env("TTHTCD_ALLOCATE_MB", allocate_mb.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    job.assign(&child).unwrap();
    (child, job)
}

#[test]
fn a_worker_s_job_ends_it_when_closed() {
    use std::io::Write;
    // Within its limit, a child in its job does its work.
    let (mut child, _job) = child_in_job(16);
    writeln!(child.stdin.as_mut().unwrap()).unwrap();
    assert!(allocated(child));
    // Closing the job ends a child still at work (here, waiting for its line, which
    // never comes: it would wait for ever): a run that ends, however it ends, leaves
    // no worker behind.
    let (mut waiting, job) = child_in_job(16);
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "the child did not wait"
    );
    drop(job);
    let start = std::time::Instant::now();
    while waiting.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed().as_secs() < 20,
            "still running 20 s after its job closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!allocated(waiting));
}

/// Windows' own: Wine (9 and before) stores a job's limits but neither enforces the
/// memory one nor gives any back (its query answers zeros). On Windows:
/// `cargo test --test windows -- --include-ignored`.
#[test]
#[ignore = "Windows only: Wine does not keep or enforce a job's memory limit"]
fn a_worker_s_job_caps_the_memory_it_may_commit() {
    use std::io::Write;
    let (mut child, job) = child_in_job(256);
    assert_eq!(
        job.limits().unwrap(),
        tthtcd::sandbox::job::JobLimits {
            process_memory: Some(64 << 20),
            kill_on_close: true,
            die_on_crash: true,
        }
    );
    writeln!(child.stdin.as_mut().unwrap()).unwrap();
    assert!(!allocated(child), "256 MB committed under a 64 MB limit");
}
