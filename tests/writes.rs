//! Every write is safe: `--json` and `-o` never replace a file the tool did not write,
//! a workbook corrected by hand is kept, a file appearing during the run is not
//! replaced, stale temporary files of killed runs are removed, and outputs get the
//! user's normal permissions.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};
use tthtcd::labels::Lang;
use tthtcd::report::output::{self, Existing, Kind, OutputError};

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn tthtcd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .expect("run tthtcd")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn hash(p: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(p).expect("read")).to_vec()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A folder `in/` with one report of kinh-te: one class of 40 learners on 5 March.
fn folder(root: &Path) -> PathBuf {
    let input = root.join("in");
    std::fs::create_dir_all(&input).unwrap();
    common::one_class_report(&input.join("kinh-te.xlsx"), 40.0);
    input
}

#[test]
fn json_onto_an_input_or_the_plan_is_refused_and_both_stay_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(tmp.path());
    let note = input.join("ghi-chu.txt");
    std::fs::write(&note, "Ghi chú của thư ký: tháng 3 có 1 lớp\n").unwrap();
    let plan = tmp.path().join("p.toml");
    std::fs::write(&plan, tthtcd::plan::DEFAULT_PLAN_TOML).unwrap();
    let (note_before, plan_before) = (hash(&note), hash(&plan));
    let out = tmp.path().join("tong-hop.xlsx");

    // --plan p.toml --json p.toml: the plan is not a summary of the tool's.
    let o = tthtcd(&[
        "consolidate",
        s(&input),
        "-o",
        s(&out),
        "--plan",
        s(&plan),
        "--json",
        s(&plan),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("không phải bản tóm tắt JSON do tthtcd ghi"),
        "{}",
        stderr(&o)
    );
    // Refused before any work: no workbook either.
    assert!(!out.exists());
    // An input text file, through check, in English.
    let o = tthtcd(&["check", s(&input), "--json", s(&note), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not a JSON summary written by tthtcd"),
        "{}",
        stderr(&o)
    );
    assert_eq!(hash(&plan), plan_before);
    assert_eq!(hash(&note), note_before);

    // The tool's own summary is replaced run after run.
    let json = tmp.path().join("tom-tat.json");
    for _ in 0..2 {
        let o = tthtcd(&["consolidate", s(&input), "-o", s(&out), "--json", s(&json)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["tool"]["name"], "tthtcd");
    // One class of 40 learners.
    assert_eq!(v["totals"]["classes"], 1);
    assert_eq!(v["totals"]["learners"], 40);
}

#[test]
fn a_workbook_corrected_by_hand_is_kept_under_a_dated_name() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(tmp.path());
    let out = tmp.path().join("tong-hop.xlsx");
    let run = || tthtcd(&["consolidate", s(&input), "-o", s(&out)]);
    let o = run();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = std::fs::read(&out).unwrap();

    // A person corrects the class's learners (40 → 45) in Danh sách lớp with another
    // program and saves on 3 May 2019 at noon (the date is set on the file).
    let script = r#"
import sys, time, os, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
ws = wb["Danh sách lớp"]
hits = [c for row in ws.iter_rows() for c in row if c.value == 40]
assert len(hits) == 1, hits
hits[0].value = 45
wb.save(path)
t = time.mktime((2019, 5, 3, 12, 0, 0, 0, 0, -1))
os.utime(path, (t, t))
"#;
    let py = Command::new("python3")
        .args(["-c", script, s(&out)])
        .output()
        .expect("python3 with openpyxl is needed for this test");
    assert!(py.status.success(), "{}", stderr(&py));
    let corrected = hash(&out);
    assert_ne!(corrected, Sha256::digest(&first).to_vec());

    let json = tmp.path().join("tom-tat.json");
    let o = tthtcd(&["consolidate", s(&input), "-o", s(&out), "--json", s(&json)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let kept_name = "tong-hop (sửa tay 03-05-2019).xlsx";
    let kept = tmp.path().join(kept_name);
    // Said on the terminal, in Cảnh báo and in the JSON.
    assert!(stderr(&o).contains(kept_name), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let issue = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "corrected-output-kept")
        .expect("an issue for the kept workbook");
    assert_eq!(issue["severity"], "warning");
    assert!(issue["message"].as_str().unwrap().contains(kept_name));
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&out).unwrap();
    let warnings = wb.worksheet_range("Cảnh báo").unwrap();
    assert!(
        warnings
            .cells()
            .any(|(_, _, c)| c.to_string().contains(kept_name)),
        "Cảnh báo names the kept workbook"
    );
    // The correction is kept byte for byte.
    assert_eq!(hash(&kept), corrected);
    // The new output is the tool's, unchanged: the next run replaces it, keeping
    // nothing more, and writes what the first run wrote (same inputs, same bytes).
    let o = run();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("sửa tay"), "{}", stderr(&o));
    assert!(
        std::fs::read(&out).unwrap() == first,
        "same bytes as the first run"
    );
    assert_eq!(
        names(tmp.path()),
        ["in", "tom-tat.json", kept_name, "tong-hop.xlsx"]
    );
}

#[test]
fn a_file_appearing_at_the_output_during_the_run_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("tong-hop.xlsx");
    // Checked at the start: nothing there.
    assert_eq!(
        output::preflight(&out, Kind::Workbook).unwrap(),
        Existing::Absent
    );
    // Meanwhile someone saves a report under that name.
    std::fs::write(&out, b"bao cao cua tieu ban").unwrap();
    let e = output::write(&out, b"PK new workbook", Kind::Workbook, Lang::Vi).unwrap_err();
    assert!(matches!(e, OutputError::Appeared(_)), "{e:?}");
    assert!(e.message(Lang::Vi).contains("không ghi đè"), "{e}");
    assert_eq!(std::fs::read(&out).unwrap(), b"bao cao cua tieu ban");
    // The same for the JSON summary; and the refused runs leave no temporary file.
    let json = tmp.path().join("tom-tat.json");
    assert_eq!(
        output::preflight(&json, Kind::Json).unwrap(),
        Existing::Absent
    );
    std::fs::write(&json, b"[1, 2, 3]").unwrap();
    let e = output::write(&json, b"{}", Kind::Json, Lang::En).unwrap_err();
    assert!(e.message(Lang::En).contains("appeared"), "{e:?}");
    assert_eq!(std::fs::read(&json).unwrap(), b"[1, 2, 3]");
    assert_eq!(names(tmp.path()), ["tom-tat.json", "tong-hop.xlsx"]);
}

#[test]
fn stale_temporary_files_of_killed_runs_are_removed_by_the_next_run() {
    use std::time::{Duration, SystemTime};
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(tmp.path());
    let out_dir = tmp.path().join("ket-qua");
    std::fs::create_dir(&out_dir).unwrap();
    // What `kill -9` during the write leaves: a partial temporary file. Its process
    // (id 4,000,000,000: above Linux's 2^22 cap, so never alive) is gone and it is ten
    // minutes old. One from an older version (no process id) two hours old. And one of
    // a run still going (process 1, always alive), ten minutes old: not touched.
    let ten_min = SystemTime::now() - Duration::from_secs(600);
    let two_hours = SystemTime::now() - Duration::from_secs(7200);
    for (name, t) in [
        (".tthtcd-4000000000-0badcafe", ten_min),
        (".tthtcd-Xy12Ab", two_hours),
        (".tthtcd-1-00000001", ten_min),
    ] {
        let f = std::fs::File::create(out_dir.join(name)).unwrap();
        f.set_modified(t).unwrap();
    }
    let out = out_dir.join("tong-hop.xlsx");
    let o = tthtcd(&["consolidate", s(&input), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(names(&out_dir), [".tthtcd-1-00000001", "tong-hop.xlsx"]);
}

#[cfg(unix)]
fn with_umask(umask: u32, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    cmd.args(args);
    // SAFETY: umask is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(umask as libc::mode_t);
            Ok(())
        });
    }
    cmd.output().expect("run tthtcd")
}

#[cfg(unix)]
#[test]
fn outputs_get_the_users_normal_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(tmp.path());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // umask 022: 0666 less 0022 = 0644 (rw-r--r--), as any program saving a file
    // gives; umask 027: 0640. A private temporary file would be 0600 either way.
    for (umask, expected) in [(0o022, 0o644), (0o027, 0o640)] {
        let out = tmp.path().join(format!("tong-hop-{umask:o}.xlsx"));
        let json = tmp.path().join(format!("tom-tat-{umask:o}.json"));
        let o = with_umask(
            umask,
            &["consolidate", s(&input), "-o", s(&out), "--json", s(&json)],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(mode(&out), expected, "umask {umask:o}");
        assert_eq!(mode(&json), expected, "umask {umask:o}");
    }
}

/// How an interrupted run ended.
#[cfg(unix)]
#[derive(Debug, PartialEq)]
enum Ended {
    /// By its handler (130), or by the signal itself when it came before the handler
    /// was set, at the very start.
    Interrupted,
    /// It had finished.
    Finished,
}

#[cfg(unix)]
#[test]
fn ctrl_c_at_any_moment_leaves_no_temporary_file_and_no_partial_output() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    use std::time::Instant;
    let tmp = tempfile::tempdir().unwrap();
    // samples/ for the run to read and a workbook to write, so that Ctrl-C lands in
    // the reading, in the filling and in the writing.
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let out_dir = tmp.path().join("ket-qua");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("tong-hop.xlsx");
    let json = out_dir.join("tong-hop.json");
    let start = || {
        for f in [&out, &json] {
            let _ = std::fs::remove_file(f);
        }
        Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .args(["consolidate", s(&input), "-o", s(&out), "--json", s(&json)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let temporaries = || -> Vec<String> {
        names(&out_dir)
            .into_iter()
            .filter(|n| n.starts_with(".tthtcd-"))
            .collect()
    };
    // Interrupts, then checks what is left whatever the moment: no temporary file,
    // and an output, if there is one, whole (the workbook sealed, the JSON parsed).
    let interrupt = |mut child: std::process::Child, when: &str| -> Ended {
        // SAFETY: sending SIGINT to our own child process.
        unsafe {
            libc::kill(child.id() as libc::pid_t, libc::SIGINT);
        }
        let status = child.wait().unwrap();
        let ended = match (status.code(), status.signal()) {
            (Some(130), _) | (None, Some(libc::SIGINT)) => Ended::Interrupted,
            (Some(0), _) => Ended::Finished,
            other => panic!("{when}: {other:?}"),
        };
        assert_eq!(temporaries(), Vec::<String>::new(), "{when}: left behind");
        if out.exists() {
            assert!(output::seal_holds(&out), "{when}: a partial workbook");
        }
        if json.exists() {
            let text = std::fs::read_to_string(&json).unwrap();
            let parsed = serde_json::from_str::<serde_json::Value>(&text);
            assert!(parsed.is_ok(), "{when}: a partial JSON");
        }
        ended
    };
    // How long a whole run takes here.
    let began = Instant::now();
    assert_eq!(start().wait().unwrap().code(), Some(0));
    let span = began.elapsed();
    // Interrupts spread over the run and past its end, a fortieth apart.
    let mut ends = Vec::new();
    for step in 0..48u32 {
        let child = start();
        std::thread::sleep(span * step / 40);
        ends.push(interrupt(child, &format!("at {step}/40 of a run")));
    }
    assert!(ends.contains(&Ended::Interrupted) && ends.contains(&Ended::Finished));
    // And the moment a temporary file appears, when the polling sees it: the write
    // itself.
    for attempt in 0..10 {
        let mut child = start();
        while child.try_wait().unwrap().is_none() && temporaries().is_empty() {
            std::hint::spin_loop();
        }
        interrupt(child, &format!("during write attempt {attempt}"));
    }
}
