//! What becomes of whole files: empty monthly reports counted for the month their name
//! or title gives.
//! Every expected figure is worked out by hand in the comments.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::V::{E, T};
use common::book;
use tthtcd::{Config, Consolidation, FileStatus, Plan};

fn run_as_of(dir: &Path, as_of: &str) -> Consolidation {
    tthtcd::run(&Config {
        folder: dir.to_path_buf(),
        plan: Plan::embedded(),
        as_of: Some(NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap()),
        output: None,
        progress: None,
    })
    .unwrap()
}

/// Sets a file's modification time to noon of a 2019 day, so "arrived on" is fixed.
fn modified_on(path: &Path, month: u32, day: u32) {
    let t = NaiveDate::from_ymd_opt(2019, month, day)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp() as u64;
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(t))
        .unwrap();
}

/// (sub-committee index, month) of every report due and missing.
fn missing(c: &Consolidation) -> Vec<(usize, u32)> {
    c.completeness.missing.clone()
}

#[test]
fn an_empty_report_named_2019_02_counts_as_february_s() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("2019-02_phap-luat.xlsx");
    // A title that names no month, the header row, and no class rows.
    book(
        &path,
        &[(
            "Sheet1",
            vec![
                vec![T("BÁO CÁO CÁC LỚP ĐÃ MỞ")],
                vec![],
                vec![
                    T("STT"),
                    T("Tên lớp"),
                    T("Ngày mở lớp"),
                    T("Thôn"),
                    T("Số học viên"),
                ],
            ],
        )],
    );
    modified_on(&path, 3, 1);
    let c = run_as_of(tmp.path(), "2019-03-31");
    // As of 31 March, January (due 5 Feb) and February (due 5 Mar) are due; March's is
    // due on 5 April. 6 sub-committees × 2 months = 12 due. The file names February and
    // Pháp luật (the plan's second sub-committee, index 1), and was saved on 1 March:
    // received and on time. The other 11 are missing; Pháp luật's January among them.
    assert_eq!(
        (
            c.completeness.expected,
            c.completeness.received,
            c.completeness.on_time
        ),
        (12, 1, 1)
    );
    let m = missing(&c);
    assert_eq!(m.len(), 11);
    assert!(m.contains(&(1, 1)));
    assert!(!m.contains(&(1, 2)), "February of Pháp luật is not missing");
    // A report of no classes is a report: read, with nothing counted.
    assert_eq!(c.files.len(), 1);
    assert_eq!(c.files[0].status, FileStatus::Read);
    assert_eq!(c.files[0].ledger.read, 0);
    assert_eq!(c.classes.len(), 0);
}

#[test]
fn an_empty_report_counts_for_the_month_its_title_names_not_its_signing_date() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bao-cao-phap-luat.xlsx");
    // The title says January; the place-and-date line above it says 5 February (when
    // it was written). Neither the file nor the sheet names a month.
    book(
        &path,
        &[(
            "Báo cáo",
            vec![
                vec![
                    T("UBND XÃ HỒNG THÁI TÂY"),
                    E,
                    E,
                    T("Hồng Thái Tây, ngày 05 tháng 02 năm 2019"),
                ],
                vec![T("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 01 NĂM 2019")],
                vec![],
                vec![
                    T("STT"),
                    T("Tên lớp"),
                    T("Ngày mở lớp"),
                    T("Thôn"),
                    T("Số học viên"),
                ],
            ],
        )],
    );
    modified_on(&path, 2, 5);
    let c = run_as_of(tmp.path(), "2019-03-31");
    // Due as above: 12. Received: Pháp luật's January only, saved 5 February, the day
    // it was due: on time. February's is missing for Pháp luật too.
    assert_eq!(
        (
            c.completeness.expected,
            c.completeness.received,
            c.completeness.on_time
        ),
        (12, 1, 1)
    );
    let m = missing(&c);
    assert!(!m.contains(&(1, 1)), "January of Pháp luật is not missing");
    assert!(m.contains(&(1, 2)));
}
