//! What becomes of whole files: empty monthly reports counted for the month their name
//! or title gives, workbooks that hold nothing to read listed as skipped with what they
//! look like (one Cảnh báo line each), and web pages saved as workbooks read as tables.
//! Every expected figure is worked out by hand in the comments.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::V::{E, N, T};
use common::{book, book_with, sheet};
use tthtcd::{Config, Consolidation, FileStatus, Plan};

fn run_as_of(dir: &Path, as_of: &str) -> Consolidation {
    tthtcd::run(&Config {
        folder: dir.to_path_buf(),
        plan: Plan::embedded(),
        plan_source: Default::default(),
        as_of: Some(NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap()),
        output: None,
        progress: None,
        sandbox: None,
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

/// Runs `tthtcd check DIR --json -`: (exit code, the JSON summary).
fn check_json(dir: &Path) -> (Option<i32>, serde_json::Value) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["check", dir.to_str().unwrap(), "--json", "-"])
        .output()
        .unwrap();
    (o.status.code(), serde_json::from_slice(&o.stdout).unwrap())
}

/// (path, status, reason) of every file of a JSON summary.
fn files_of(j: &serde_json::Value) -> Vec<(String, String, String)> {
    j["files"]
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
        .collect()
}

/// (code, message) of every issue about one file.
fn issues_of(j: &serde_json::Value, file: &str) -> Vec<(String, String)> {
    j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["file"] == file)
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_string(),
                i["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn workbooks_that_hold_nothing_to_read_are_skipped_saying_what_they_look_like() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // A list of the people who came to a class, not the class report.
    book(
        &d.join("a-danh-sach-hoc-vien.xlsx"),
        &[(
            "DS",
            vec![
                vec![T("DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN LUẬT ĐẤT ĐAI")],
                vec![T("STT"), T("Họ và tên"), T("Năm sinh"), T("Thôn")],
                vec![N(1.0), T("Nguyễn Văn An"), N(1968.0), T("Thôn Đông")],
                vec![N(2.0), T("Trần Thị Bình"), N(1975.0), T("Thôn Tây")],
            ],
        )],
    );
    // A statistics form: TT | Chỉ tiêu | Đơn vị tính | Mã số, lettered numbering.
    book(
        &d.join("b-bieu-thong-ke.xlsx"),
        &[(
            "Biểu 01",
            vec![
                vec![T("Biểu 01-TK")],
                vec![
                    T("TT"),
                    T("Chỉ tiêu"),
                    T("Đơn vị tính"),
                    T("Mã số"),
                    T("Tổng số"),
                ],
                vec![T("(A)"), T("(B)"), T("(C)"), T("(D)"), T("(1)")],
                vec![T("1"), T("Số lớp"), T("Lớp"), T("01"), N(4.0)],
            ],
        )],
    );
    // 30 sheets of notes, none a table: one line for the file, not 30.
    let notes: Vec<(&'static str, Vec<Vec<common::V>>)> = (1..=30)
        .map(|i| {
            let name: &'static str = Box::leak(format!("Ghi chú {i}").into_boxed_str());
            (name, vec![vec![T("Xem hướng dẫn ở trang đầu.")]])
        })
        .collect();
    book(&d.join("c-ghi-chu.xlsx"), &notes);
    // A blank workbook.
    book(&d.join("d-trong.xlsx"), &[("Sheet1", vec![])]);
    // A class report form with its header and nothing filled in, naming no month.
    book(
        &d.join("e-mau-bao-cao.xlsx"),
        &[(
            "Báo cáo",
            vec![vec![
                T("STT"),
                T("Tên lớp"),
                T("Ngày mở lớp"),
                T("Số học viên"),
            ]],
        )],
    );
    let (code, j) = check_json(d);
    // Nothing failed and no row was rejected; nothing is counted either, so every
    // sub-committee is behind: exit 1, not 2.
    assert_eq!(code, Some(1));
    assert_eq!(j["totals"]["classes"], 0);
    assert_eq!(j["totals"]["rows_read"], 0);
    let skipped = |reason: &str| ("skipped".to_string(), reason.to_string());
    let got: Vec<(String, String)> = files_of(&j)
        .into_iter()
        .map(|(_, status, reason)| (status, reason))
        .collect();
    assert_eq!(
        got,
        vec![
            skipped(
                "danh sách người (Họ và tên, Năm sinh): hãy gửi báo cáo lớp, hoặc ghi lớp này thành một dòng với số học viên"
            ),
            skipped("biểu thống kê, không phải báo cáo lớp"),
            skipped(
                "không tìm thấy bảng danh sách lớp (cần có dòng tiêu đề với cột Tên lớp/Tên chuyên đề và Số học viên)"
            ),
            skipped("bảng tính trống, không có dữ liệu"),
            skipped(
                "mẫu chưa điền: có dòng tiêu đề (STT, Tên lớp, Ngày mở lớp, Số học viên) nhưng không có dòng nào được điền"
            ),
        ]
    );
    // One Cảnh báo line per file, the reason again.
    for (path, _, reason) in files_of(&j) {
        assert_eq!(
            issues_of(&j, &path),
            vec![("no-class-table".to_string(), reason)],
            "{path}"
        );
    }
}

#[test]
fn a_read_file_notes_its_passed_over_sheets_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let mut sheets = vec![sheet(
        "T3",
        vec![
            vec![T("Tiểu ban: Pháp luật")],
            vec![
                T("STT"),
                T("Tên lớp"),
                T("Ngày mở lớp"),
                T("Thôn"),
                T("Số học viên"),
            ],
            vec![
                N(1.0),
                T("Luật Giao thông"),
                T("05/03/2019"),
                T("Thôn Đông"),
                N(45.0),
            ],
        ],
    )];
    // Eight instruction sheets and a hidden one.
    for name in ["HD1", "HD2", "HD3", "HD4", "HD5", "HD6", "HD7", "HD8"] {
        sheets.push(sheet(name, vec![vec![T("Hướng dẫn")]]));
    }
    sheets.push(common::Sheet {
        name: "Cũ",
        rows: vec![vec![T("Tên lớp"), T("Ngày mở lớp"), T("Số học viên")]],
        hidden: true,
    });
    book_with(&tmp.path().join("phap-luat.xlsx"), &sheets, false);
    let (_, j) = check_json(tmp.path());
    assert_eq!(j["totals"]["classes"], 1);
    assert_eq!(files_of(&j)[0].1, "read");
    // Five sheet names, then the three others counted; the hidden one named apart.
    let notes: Vec<(String, String)> = issues_of(&j, "phap-luat.xlsx")
        .into_iter()
        .filter(|(code, _)| code == "sheets-skipped")
        .collect();
    assert_eq!(
        notes,
        vec![(
            "sheets-skipped".to_string(),
            "bỏ qua các trang không có bảng danh sách lớp: HD1, HD2, HD3, HD4, HD5 … và 3 trang khác; các trang ẩn: Cũ".to_string()
        )]
    );
}

/// A class report as a portal exports it: title rows spanning the table, "Số học viên"
/// spanning "Tổng số | Nữ", the other headings spanning both header rows, figures and
/// dates as text, cells left unclosed as exported pages leave them.
const REPORT_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Xuất Excel</title></head><body>
<table border="1">
<tr><td colspan="6">BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019</td></tr>
<tr><td colspan="6">Tiểu ban: Pháp luật</td></tr>
<tr><th rowspan="2">STT</th><th rowspan="2">Tên chuyên đề</th><th rowspan="2">Ngày mở lớp</th>
    <th rowspan="2">Thôn</th><th colspan="2">Số học viên</th></tr>
<tr><th>Tổng số</th><th>Nữ</th></tr>
<tr><td>1<td>Luật Giao thông đường bộ<td>05/03/2019<td>Thôn Đông<td>45<td>20
<tr><td>2<td>Luật Hôn nhân và gia đình<td>12/03/2019<td>Thôn Tây<td>38<td>25
<tr><td>3<td>Luật Đất đai<td>20/03/2019<td>Thôn Nam<td>52<td>30
</table></body></html>"#;

#[test]
fn a_web_page_saved_as_xls_is_read_as_a_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bao-cao-t3.xls"), REPORT_PAGE).unwrap();
    let (code, j) = check_json(tmp.path());
    // Three classes of Pháp luật in March: 45 + 38 + 52 = 135 learners. Nothing is
    // lost (no exit 2); the plan is not met, so check exits 1.
    assert_eq!(code, Some(1));
    assert_eq!(
        (
            j["totals"]["classes"].as_u64(),
            j["totals"]["learners"].as_u64()
        ),
        (Some(3), Some(135))
    );
    let pl = &j["subcommittees"][1];
    assert_eq!(pl["id"], "phap-luat");
    assert_eq!(pl["classes"]["actual"], 3);
    assert_eq!(files_of(&j)[0].1, "read");
    // The page's one table, read as a sheet: one info line says so.
    assert_eq!(
        issues_of(&j, "bao-cao-t3.xls"),
        vec![(
            "web-page".to_string(),
            "tệp là một trang web (HTML) lưu với đuôi bảng tính; đã đọc 1 bảng của trang như các trang tính".to_string()
        )]
    );
}

#[test]
fn a_web_page_in_utf16_reads_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    // UTF-16LE with its byte-order mark, as Windows tools save "Unicode" text.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(REPORT_PAGE.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(tmp.path().join("bao-cao-t3.xls"), bytes).unwrap();
    let (_, j) = check_json(tmp.path());
    // The same three classes and 135 learners as the UTF-8 page.
    assert_eq!(
        (
            j["totals"]["classes"].as_u64(),
            j["totals"]["learners"].as_u64()
        ),
        (Some(3), Some(135))
    );
}

#[test]
fn each_table_of_a_web_page_is_a_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    // Two tables: Pháp luật's (its sub-committee in a title row) and one captioned
    // "Kinh tế" (the caption names the sheet, and the sheet names the sub-committee).
    let page = r#"<html><body>
<table><tr><td colspan="4">Tiểu ban: Pháp luật</td></tr>
<tr><td>Tên lớp</td><td>Ngày mở lớp</td><td>Thôn</td><td>Số học viên</td></tr>
<tr><td>Luật Giao thông</td><td>05/04/2019</td><td>Thôn Đông</td><td>40</td></tr>
<tr><td>Luật Đất đai</td><td>15/04/2019</td><td>Thôn Tây</td><td>35</td></tr>
</table>
<p>Ghi chú</p>
<table><caption>Kinh tế</caption>
<tr><td>Tên lớp</td><td>Ngày mở lớp</td><td>Thôn</td><td>Số học viên</td></tr>
<tr><td>Trồng lúa</td><td>10/04/2019</td><td>Thôn Nam</td><td>1.200</td></tr>
</table></body></html>"#;
    std::fs::write(tmp.path().join("xuat-excel.xlsx"), page).unwrap();
    let (_, j) = check_json(tmp.path());
    // Pháp luật: 2 classes, 40 + 35 = 75; Kinh tế: 1 class of "1.200" = 1,200 (the dot
    // groups thousands). In all 3 classes, 1,275 learners.
    assert_eq!(j["subcommittees"][0]["id"], "kinh-te");
    assert_eq!(j["subcommittees"][0]["classes"]["actual"], 1);
    assert_eq!(j["subcommittees"][0]["learners"]["actual"], 1200);
    assert_eq!(j["subcommittees"][1]["classes"]["actual"], 2);
    assert_eq!(j["subcommittees"][1]["learners"]["actual"], 75);
    assert_eq!(j["totals"]["classes"], 3);
    assert_eq!(j["totals"]["learners"], 1275);
    let web: Vec<(String, String)> = issues_of(&j, "xuat-excel.xlsx")
        .into_iter()
        .filter(|(code, _)| code == "web-page")
        .collect();
    assert_eq!(web.len(), 1);
    assert!(web[0].1.contains("đã đọc 2 bảng"), "{}", web[0].1);
}

#[test]
fn json_under_a_spreadsheet_name_is_named_json() {
    let tmp = tempfile::tempdir().unwrap();
    // What a web API answered instead of the export, saved as .xlsx.
    std::fs::write(
        tmp.path().join("export.xlsx"),
        r#"{"rc":-10,"rd":"UNKNOWN"}"#,
    )
    .unwrap();
    let (code, j) = check_json(tmp.path());
    assert_eq!(code, Some(2));
    assert_eq!(
        files_of(&j),
        vec![(
            "export.xlsx".to_string(),
            "failed".to_string(),
            "tệp mang đuôi bảng tính nhưng thực chất là dữ liệu JSON của một phần mềm web (không phải bảng tính)".to_string()
        )]
    );
}
