//! The fill-in forms round-trip: written by `tthtcd template`, filled in by another
//! program (openpyxl, as a new user's script would), read back with no warning and the
//! exact figures.

use std::path::Path;
use std::process::Command;

use tthtcd::diagnostics::Severity;
use tthtcd::{Config, Plan};

#[test]
fn forms_filled_by_another_program_read_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("bieu-mau");
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["template", "-o", forms.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // (6 sub-committees + the shared form) × (report, registration).
    assert_eq!(std::fs::read_dir(&forms).unwrap().count(), 14);
    // A second run would overwrite forms that may have been filled in: refused.
    let again = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["template", "-o", forms.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(3));

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/fill_templates.py");
    let filled = Command::new("python3")
        .arg(&script)
        .arg(&forms)
        .output()
        .expect("python3 is needed for this test");
    assert!(
        filled.status.success(),
        "filling the forms with openpyxl failed (is it installed? .ci/run installs it): {}",
        String::from_utf8_lossy(&filled.stderr)
    );

    let c = tthtcd::run(&Config {
        folder: forms.clone(),
        plan: Plan::embedded(),
        as_of: None,
        output: None,
        progress: None,
    })
    .unwrap();
    let problems: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity() != Severity::Info)
        .map(|d| d.message(tthtcd::labels::Lang::Vi))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    // pháp luật: 45 + 38 = 83 learners in 2 classes, both in March (quarter I).
    assert_eq!(
        (
            c.summary.subcommittees[1].classes.actual,
            c.summary.subcommittees[1].learners.actual
        ),
        (2, 83)
    );
    // The shared form names its sub-committee in its Tiểu ban column: sức khỏe, 50.
    assert_eq!(
        (
            c.summary.subcommittees[3].classes.actual,
            c.summary.subcommittees[3].learners.actual
        ),
        (1, 50)
    );
    assert_eq!(c.summary.classes.actual, 3);
    let traffic = c
        .classes
        .iter()
        .find(|k| k.topic == "Luật Giao thông đường bộ")
        .unwrap();
    assert_eq!(traffic.female, Some(20));
    // khac registered 2 classes, 30 + 25 = 55 learners, in March (Q1) and September (Q3).
    let planned: Vec<(usize, &str, Option<u32>, u32, u32)> = c
        .planned
        .iter()
        .map(|p| {
            (
                p.subcommittee,
                p.topic.as_str(),
                p.month,
                p.quarter,
                p.learners,
            )
        })
        .collect();
    assert_eq!(
        planned,
        vec![
            (5, "Tin học cơ bản", Some(3), 1, 30),
            (5, "Tiếng Anh giao tiếp", Some(9), 3, 25)
        ]
    );
    assert!(c.totals().reconciles());
}
