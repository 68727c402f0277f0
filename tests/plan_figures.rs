//! Plan figures never wrap: a target past what a plan holds is refused with its field
//! and line, through the command a secretary runs first.

use std::process::Command;

#[test]
fn a_target_past_u32_is_refused_by_plan_check_with_exit_3() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = tmp.path().join("ke-hoach.toml");
    // 4,294,967,296 learners for phap-luat: u32::MAX + 1, which a u32 would wrap to 0.
    let text =
        tthtcd::plan::DEFAULT_PLAN_TOML.replacen("learners = 750", "learners = 4294967296", 1);
    let line = text
        .lines()
        .position(|l| l == "learners = 4294967296")
        .unwrap()
        + 1;
    std::fs::write(&plan, &text).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["plan", "check", "--plan", plan.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains(&format!(
            "dòng {line}: mục learners: giá trị 4294967296 quá lớn: lớn nhất là 4294967295"
        )),
        "{err}"
    );
}
