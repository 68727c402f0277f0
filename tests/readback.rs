//! A commune that sends only its consolidated workbook (issue 16): the district reads
//! the plan and the inputs the workbook carries and judges them at its own date, with
//! the figures its reports would give. Figures worked out by hand from the fixture.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use tthtcd::Consolidation;
use tthtcd::district::{CommuneOutcome, District};
use tthtcd::district_run::{DistrictConfig, run_district};
use tthtcd::labels::Lang;
use tthtcd::plan::PlanSource;

const PLAN: &str = "unit = \"Xã An Phú\"\ncentre = \"Trung tâm học tập cộng đồng xã An Phú\"\n\
    year = 2019\npopulation_15_plus = 1000\nparticipation_target = 0.3\n\
    [[subcommittee]]\nid = \"kinh-te\"\nname = \"Kinh tế\"\nclasses = 4\nlearners = 200\n\
    [[subcommittee]]\nid = \"tin-hoc\"\nname = \"Tin học\"\nclasses = 2\nlearners = 100\n\
    [[quarter]]\nquarter = 1\nclasses = 1\nlearners = 50\n\
    [[quarter]]\nquarter = 2\nclasses = 2\nlearners = 100\n\
    [[quarter]]\nquarter = 3\nclasses = 2\nlearners = 100\n\
    [[quarter]]\nquarter = 4\nclasses = 1\nlearners = 50\n";

/// The commune's own folder, with its plan and reports:
///
/// | file         | row | topic                     | date  | learners |
/// |--------------|-----|---------------------------|-------|---------:|
/// | kinh-te.xlsx | 2   | Trồng lúa                 | 05/03 | 30       |
/// | kinh-te.xlsx | 3   | Trồng rau                 | 20/08 | 35       |
/// | kinh-te.xlsx | 4   | Trồng lúa (row 2 again)   | 05/03 | 30       |
/// | kinh-te.xlsx | 5   | Nuôi cá                   | 12/04 | 25       |
/// | tin-hoc.xlsx | 2   | Tin học _x0041_ văn phòng | 10/04 | 40       |
/// | tin-hoc.xlsx | 3   | Tin học cơ bản            | 15/10 | 20       |
///
/// Row 4 is a duplicate (a warning at B4, after Trồng rau's row). The topic with
/// "_x0041_" is what the xlsx writer escapes: it must come back as it was.
fn commune(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::write(folder.join("ke-hoach.toml"), PLAN).unwrap();
    common::month_report(
        &folder.join("kinh-te.xlsx"),
        &[
            ("Trồng lúa", "05/03/2019", 30.0),
            ("Trồng rau", "20/08/2019", 35.0),
            ("Trồng lúa", "05/03/2019", 30.0),
            ("Nuôi cá", "12/04/2019", 25.0),
        ],
    );
    common::month_report(
        &folder.join("tin-hoc.xlsx"),
        &[
            ("Tin học _x0041_ văn phòng", "10/04/2019", 40.0),
            ("Tin học cơ bản", "15/10/2019", 20.0),
        ],
    );
}

/// The commune consolidated as the consolidate command does, as of `as_of`.
fn consolidated(folder: &Path, as_of: Option<NaiveDate>) -> Consolidation {
    tthtcd::run(&tthtcd::Config {
        folder: folder.to_path_buf(),
        plan: tthtcd::Plan::from_toml(PLAN).unwrap(),
        plan_source: PlanSource::InFolder("ke-hoach.toml".into()),
        as_of,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap()
}

/// Writes the commune's tong-hop.xlsx (sealed, as the command writes it) at `path`.
fn write_tong_hop(c: &Consolidation, path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bytes = tthtcd::report::workbook::workbook_bytes(c, Lang::Vi).unwrap();
    tthtcd::report::output::write(
        path,
        &bytes,
        tthtcd::report::output::Kind::Workbook,
        Lang::Vi,
    )
    .unwrap();
}

/// A district of two communes: xa-an-phu with its reports and plan, xa-an-phu-gui with
/// only the tong-hop.xlsx written from them as of `written_as_of`.
fn district(dir: &Path, written_as_of: Option<NaiveDate>) -> PathBuf {
    let own = dir.join("xa-an-phu");
    commune(&own);
    let sent = dir.join("xa-an-phu-gui").join("tong-hop.xlsx");
    write_tong_hop(&consolidated(&own, written_as_of), &sent);
    sent
}

fn run(dir: &Path, as_of: Option<NaiveDate>, sandbox: bool) -> District {
    let sandbox = sandbox.then(common::sandbox);
    let config = DistrictConfig {
        folder: dir.to_path_buf(),
        name: None,
        as_of,
        output: None,
        progress: None,
        sandbox,
    };
    run_district(&config, Lang::Vi).unwrap()
}

fn done(d: &District, i: usize) -> &Consolidation {
    match &d.communes[i].outcome {
        CommuneOutcome::Done(c) => c,
        CommuneOutcome::Failed(reason) => panic!("{}: {reason}", d.communes[i].folder),
    }
}

fn failed(d: &District, i: usize) -> &str {
    match &d.communes[i].outcome {
        CommuneOutcome::Failed(reason) => reason,
        CommuneOutcome::Done(_) => panic!("{} was consolidated", d.communes[i].folder),
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

/// Everything a consolidation found, but where its plan came from and its folder.
fn same(fresh: &Consolidation, back: &Consolidation) {
    let all = |c: &Consolidation| {
        [
            format!("{:?}", c.plan),
            format!("{:?}", c.files),
            format!("{:?}", c.classes),
            format!("{:?}", c.later),
            format!("{:?}", c.planned),
            format!("{:?}", c.diagnostics),
            format!("{:?}", c.summary),
            format!("{:?}", c.registration),
            format!("{:?}", c.plan_vs_held),
            format!("{:?}", c.criteria),
            format!("{:?}", c.computed),
            format!("{:?}", c.completeness),
            format!("{:?}", c.entries),
            format!("{:?}", c.received),
            format!("{:?}", c.order),
        ]
    };
    for (a, b) in all(fresh).iter().zip(all(back).iter()) {
        assert_eq!(a, b);
    }
}

/// Per sub-committee, per quarter, in all (classes, learners); and the classes listed.
type Figures = (Vec<(u64, u64)>, Vec<(u64, u64)>, (u64, u64), usize);

fn figures(c: &Consolidation) -> Figures {
    (
        common::per_sub(c),
        common::per_quarter(c),
        (c.summary.classes.actual, c.summary.learners.actual),
        c.classes.len(),
    )
}

#[test]
fn a_commune_that_sends_only_its_tong_hop_gives_the_figures_of_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path(), None);
    let d = run(dir.path(), None, false);
    let (fresh, back) = (done(&d, 0), done(&d, 1));
    // Kinh tế: Trồng lúa 30 + Trồng rau 35 + Nuôi cá 25 = 3 classes, 90 (row 4 repeats
    // row 2); Tin học: 40 + 20 = 2 classes, 60; in all 5 classes, 150. Quarter I:
    // Trồng lúa 30; II: Nuôi cá 25 + Tin học văn phòng 40 = 65; III: Trồng rau 35; IV:
    // Tin học cơ bản 20.
    let expected = (
        vec![(3, 90), (2, 60)],
        vec![(1, 30), (2, 65), (1, 35), (1, 20)],
        (5, 150),
        5,
    );
    assert_eq!(figures(fresh), expected);
    assert_eq!(figures(back), expected);
    same(fresh, back);
    assert_eq!(
        back.plan_source,
        PlanSource::InFolder("tong-hop.xlsx".into())
    );
    assert_eq!(back.folder, dir.path().join("xa-an-phu-gui"));
    assert!(
        back.classes
            .iter()
            .any(|c| c.topic == "Tin học _x0041_ văn phòng")
    );
    // Reports months by sub-committee (kinh-te: 3, 4, 8; tin-hoc: 4, 10), as read.
    assert_eq!(back.received.len(), 5);
    assert_eq!(fresh.completeness, back.completeness);
}

#[test]
fn a_tong_hop_written_at_year_end_is_judged_at_the_district_s_date_and_back() {
    let june = day("2019-06-30");
    // Written at year end, judged as of 30 June; then written as of June, judged at
    // year end: either way what the reports give at the district's date.
    for (written, judged) in [(None, june), (june, None)] {
        let dir = tempfile::tempdir().unwrap();
        district(dir.path(), written);
        let d = run(dir.path(), judged, false);
        let (fresh, back) = (done(&d, 0), done(&d, 1));
        same(fresh, back);
        if judged == june {
            // Counted by 30 June: Trồng lúa 30, Nuôi cá 25 (Kinh tế 2, 55), Tin học văn
            // phòng 40 (Tin học 1, 40): 3 classes, 95; Trồng rau (20/08) and Tin học
            // cơ bản (15/10) held apart as notes.
            let expected = (
                vec![(2, 55), (1, 40)],
                vec![(1, 30), (2, 65), (0, 0), (0, 0)],
                (3, 95),
                3,
            );
            assert_eq!(figures(back), expected);
            assert_eq!(back.later.len(), 2);
            // The note on Trồng rau (row 3) comes before the duplicate at row 4, as
            // the merge orders a sheet's problems.
            let kinh_te: Vec<(&str, &str)> = back
                .diagnostics
                .iter()
                .filter(|d| d.file.as_deref() == Some("kinh-te.xlsx"))
                .map(|d| (d.code(), d.cell.as_deref().unwrap_or("")))
                .collect();
            assert_eq!(kinh_te, [("after-as-of", "B3"), ("duplicate-row", "B4")]);
        } else {
            assert_eq!(figures(back).2, (5, 150));
            assert!(back.later.is_empty());
        }
    }
}

#[test]
fn the_tong_hop_is_read_back_in_a_worker_when_sandboxed() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path(), None);
    let d = run(dir.path(), day("2019-06-30"), true);
    same(done(&d, 0), done(&d, 1));
    assert_eq!(figures(done(&d, 1)).2, (3, 95));
}

/// Runs a Python snippet on the workbook at `path` with openpyxl (`wb` loaded; saved after).
fn openpyxl(path: &Path, code: &str) {
    let script = format!(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n{code}\nwb.save(sys.argv[1])\n"
    );
    let out = Command::new("python3")
        .args(["-c", &script, path.to_str().unwrap()])
        .output()
        .expect("python3 is needed for this test");
    assert!(
        out.status.success(),
        "openpyxl failed (is it installed? .ci/run installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_tong_hop_edited_by_hand_is_read_as_the_tool_stored_it_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let sent = district(dir.path(), None);
    // Someone corrects a learner count in Danh sách lớp and saves.
    openpyxl(&sent, "wb['Danh sách lớp']['H5'] = 999");
    let d = run(dir.path(), None, false);
    let (fresh, back) = (done(&d, 0), done(&d, 1));
    let first = &back.diagnostics[0];
    assert_eq!(first.code(), "read-back-edited");
    assert_eq!(first.file.as_deref(), Some("tong-hop.xlsx"));
    assert!(first.message(Lang::Vi).contains("sửa tay"));
    assert!(first.message(Lang::En).contains("edited by hand"));
    assert_eq!(back.diagnostics[1..], fresh.diagnostics[..]);
    assert_eq!(figures(back), figures(fresh));
}

#[test]
fn a_damaged_data_sheet_fails_its_commune_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let sent = district(dir.path(), None);
    // The JSON cut in half.
    openpyxl(
        &sent,
        "ws = wb['tthtcd-data']\nws['A2'] = ws['A2'].value[: len(ws['A2'].value) // 2]",
    );
    let d = run(dir.path(), None, false);
    done(&d, 0);
    let reason = failed(&d, 1);
    assert!(reason.contains("'tong-hop.xlsx'"), "{reason}");
    assert!(reason.contains("tthtcd-data"), "{reason}");
    assert!(reason.contains("bị hỏng"), "{reason}");

    // The file itself cut short: its zip directory gone, nothing says it is the tool's;
    // the commune has no plan, and the reason says what to send.
    let bytes = std::fs::read(&sent).unwrap();
    std::fs::write(&sent, &bytes[..bytes.len() / 2]).unwrap();
    let d = run(dir.path(), None, false);
    let reason = failed(&d, 1);
    assert!(reason.contains("tong-hop.xlsx nguyên vẹn"), "{reason}");
}

#[test]
fn two_tong_hop_and_no_plan_fail_naming_both_and_a_plan_keeps_the_tong_hop_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let sent = district(dir.path(), None);
    std::fs::copy(&sent, sent.with_file_name("tong-hop-cu.xlsx")).unwrap();
    // The commune with reports and plan holds its tong-hop too: skipped, as ever.
    std::fs::copy(&sent, dir.path().join("xa-an-phu").join("tong-hop.xlsx")).unwrap();
    let d = run(dir.path(), None, false);
    let reason = failed(&d, 1);
    assert!(
        reason.contains("'tong-hop-cu.xlsx'") && reason.contains("'tong-hop.xlsx'"),
        "{reason}"
    );
    let own = done(&d, 0);
    assert_eq!(figures(own).2, (5, 150));
    let skipped = own
        .files
        .iter()
        .find(|f| f.path == "tong-hop.xlsx")
        .unwrap();
    assert_eq!(skipped.reason.as_ref().unwrap().code(), "own-output");
}

#[test]
fn the_samples_read_back_exactly_registrations_and_criteria_included() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let fresh = common::run(&samples);
    let dir = tempfile::tempdir().unwrap();
    write_tong_hop(&fresh, &dir.path().join("tong-hop.xlsx"));
    let back = tthtcd::readback::read_back(dir.path(), "tong-hop.xlsx", None, None).unwrap();
    assert!(!back.entries.is_empty() && !back.planned.is_empty());
    same(&fresh, &back);
}

#[test]
fn reports_beside_a_tong_hop_without_a_plan_are_listed_unread_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path(), None);
    let sent = dir.path().join("xa-an-phu-gui");
    // A report the tong-hop lacks (Lớp mới, 33 learners), and a note that is no
    // workbook.
    common::month_report(
        &sent.join("bao-cao-moi.xlsx"),
        &[("Lớp mới", "01/06/2019", 33.0)],
    );
    std::fs::write(sent.join("ghi-chu.txt"), "gửi kèm").unwrap();
    let d = run(dir.path(), None, true);
    let back = done(&d, 1);
    // The figures are the tong-hop's: 5 classes, 150 learners; Lớp mới is not counted.
    assert_eq!(figures(back).2, (5, 150));
    let unread: Vec<_> = back
        .files
        .iter()
        .filter(|f| f.reason.as_ref().map(|r| r.code()) == Some("beside-read-back"))
        .map(|f| (f.path.as_str(), f.status))
        .collect();
    assert_eq!(unread, [("bao-cao-moi.xlsx", tthtcd::FileStatus::Skipped)]);
    let warnings: Vec<_> = back
        .diagnostics
        .iter()
        .filter(|d| d.problem.code() == "beside-read-back")
        .map(|d| (d.file.as_deref(), d.message(Lang::Vi)))
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].0, Some("bao-cao-moi.xlsx"));
    assert!(
        warnings[0].1.contains("'tong-hop.xlsx'"),
        "{}",
        warnings[0].1
    );
    // The commune with its plan lists its ke-hoach.toml as its plan, not as a file
    // that is no spreadsheet.
    let plan: Vec<_> = done(&d, 0)
        .files
        .iter()
        .filter(|f| f.path == "ke-hoach.toml")
        .map(|f| f.reason.as_ref().map(|r| r.code()))
        .collect();
    assert_eq!(plan, [Some("plan-form")]);
    // The commune's own reports folder is untouched by it.
    assert!(
        done(&d, 0)
            .files
            .iter()
            .all(|f| f.reason.as_ref().map(|r| r.code()) != Some("beside-read-back"))
    );
}
