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
    // (6 sub-committees + the shared form) × (report, registration), the criteria form
    // and the plan form.
    assert_eq!(std::fs::read_dir(&forms).unwrap().count(), 16);
    assert!(forms.join("ke-hoach.xlsx").is_file());
    // A second run would overwrite forms that may have been filled in: refused.
    let again = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["template", "-o", forms.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(3));
    // The plan form stays in the folder: a run lists it as a plan form, not a report
    // (info when it is the run's plan, tests/plan_in_folder.rs; a warning otherwise).

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
        // As the command takes it: the plan form in the folder is the plan.
        plan_source: tthtcd::plan::PlanSource::InFolder("ke-hoach.xlsx".into()),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
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

    // The criteria form, filled for five indicators.
    use tthtcd::check::criteria::{CriterionStatus, IndicatorStatus, margin_text};
    let cr = |n: u32| c.criteria.iter().find(|k| k.number == n).unwrap();
    // Criterion 1: "Có" → met.
    assert_eq!(cr(1).status, CriterionStatus::Met);
    // Criterion 5: 48 % ≥ 47 % met; the three other indicators blank → incomplete.
    let under3 = &cr(5).indicators[0];
    assert_eq!(
        margin_text(under3, tthtcd::labels::Lang::Vi),
        "48 % ≥ 47 %: đạt, vượt 1 điểm"
    );
    assert_eq!(under3.evidence, Some(true));
    assert_eq!(cr(5).status, CriterionStatus::Incomplete);
    // Criterion 9: 1530 / 1760 = 86.9 % > 85 % met; 12 / 30 = 40 %, not > 40 % → not met.
    assert_eq!(cr(9).indicators[0].status, IndicatorStatus::Met);
    assert_eq!(cr(9).indicators[0].evidence, Some(false));
    assert_eq!(cr(9).indicators[1].status, IndicatorStatus::NotMet);
    assert_eq!(cr(9).status, CriterionStatus::NotMet);
    // Criterion 14: stunting "15%" < 20 % met; the two yes/no facts blank → incomplete.
    assert_eq!(
        margin_text(&cr(14).indicators[1], tthtcd::labels::Lang::Vi),
        "15 % < 20 %: đạt, dưới ngưỡng 5 điểm"
    );
    assert_eq!(cr(14).status, CriterionStatus::Incomplete);
}
