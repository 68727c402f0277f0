//! What a workbook that holds nothing the tool reads looks like — a list of people, a
//! statistics form, a timetable, a blank form, an empty workbook — so that it is listed
//! as skipped with a reason the secretary can act on, rather than "read, 0 rows".
//! Cheap heuristics over the headings of the first rows of each sheet; nothing here
//! decides what is counted.

use super::grid::{CellValue, SheetGrid};
use crate::diagnostics::WorkbookLooks;
use crate::text::{clean, fold};

/// Rows looked at from the top of each sheet (title block and header).
const ROWS_LOOKED_AT: usize = 40;
/// Headings named in a reason, at most.
const HEADINGS_NAMED: usize = 6;
/// Characters of one heading named in a reason, at most.
const HEADING_CHARS: usize = 40;

/// Headings that say a row is a person's.
const PERSON_NAME: &[&str] = &["ho va ten", "ho ten", "ho va ten dem"];
const PERSON_DETAILS: &[&str] = &[
    "nam sinh",
    "ngay sinh",
    "ngay thang nam sinh",
    "gioi tinh",
    "que quan",
    "chuc vu",
    "dan toc",
    "dia chi",
    "so dien thoai",
    "dien thoai",
    "cmnd",
    "cccd",
    "so cmnd",
    "nghe nghiep",
    "trinh do",
];
/// Headings of a statistics form ("Biểu 01": Chỉ tiêu | Đơn vị tính | Mã số).
const FORM_HEADINGS: &[&str] = &["chi tieu", "ma so", "don vi tinh", "dvt"];
/// Headings of a timetable or schedule.
const SCHEDULE_HEADINGS: &[&str] = &["thu", "ca", "tiet", "phong", "buoi", "buoi hoc", "tuan"];
const SCHEDULE_TITLES: &[&str] = &["thoi khoa bieu", "lich hoc", "lich thi", "lich giang"];

/// What the workbook's sheets look like; hidden sheets only when all are hidden.
/// `empty_table` is (sheet, header row) of a table the recogniser found with no row
/// under it, if there is one: a blank form, unless its headings say more.
pub fn classify(sheets: &[SheetGrid], empty_table: Option<(usize, usize)>) -> WorkbookLooks {
    let visible: Vec<&SheetGrid> = sheets.iter().filter(|s| !s.hidden).collect();
    let looked_at: Vec<&SheetGrid> = if visible.is_empty() {
        sheets.iter().collect()
    } else {
        visible
    };
    let blank = |s: &&SheetGrid| s.grid.rows.iter().flatten().all(CellValue::is_blank);
    if looked_at.iter().all(blank) {
        return WorkbookLooks::Empty;
    }
    let rows: Vec<Vec<(String, String)>> = looked_at
        .iter()
        .flat_map(|s| s.grid.rows.iter().take(ROWS_LOOKED_AT))
        .map(|row| texts(row))
        .collect();
    if rows.iter().any(|r| statistics_form(r)) {
        return WorkbookLooks::StatisticsForm;
    }
    if let Some(headings) = rows.iter().find_map(|r| people(r)) {
        return WorkbookLooks::PeopleList { headings };
    }
    // Headings name a timetable better than its title does.
    let timetable = rows
        .iter()
        .find_map(|r| schedule_headings(r))
        .or_else(|| rows.iter().find_map(|r| schedule_title(r)));
    if let Some(headings) = timetable {
        return WorkbookLooks::Timetable { headings };
    }
    let recognised = empty_table.and_then(|(s, r)| sheets.get(s)?.grid.rows.get(r));
    if let Some(row) = recognised {
        let headings = texts(row)
            .iter()
            .map(|(raw, _)| short(raw))
            .take(HEADINGS_NAMED)
            .collect();
        return WorkbookLooks::BlankTemplate { headings };
    }
    let best = looked_at.iter().filter_map(|s| header_like(s)).max_by_key(
        // The most headings; on a tie the first (max_by_key keeps the last, so the
        // sheet order is reversed in the key).
        |(count, _, _, index)| (*count, std::cmp::Reverse(*index)),
    );
    match best {
        Some((_, headings, false, _)) => WorkbookLooks::BlankTemplate { headings },
        Some((_, headings, true, _)) => WorkbookLooks::Other { headings },
        None => WorkbookLooks::Other {
            headings: Vec::new(),
        },
    }
}

/// The text cells of a row: (as written, tidied; folded).
fn texts(row: &[CellValue]) -> Vec<(String, String)> {
    row.iter()
        .filter_map(CellValue::as_text)
        .map(|t| (clean(t), fold(t)))
        .filter(|(_, f)| !f.is_empty())
        .collect()
}

fn is_any(folded: &str, set: &[&str]) -> bool {
    set.contains(&folded)
}

/// True when the folded heading holds one of `set` as whole words ("Cấp bậc chức vụ"
/// holds "chức vụ").
fn holds_any(folded: &str, set: &[&str]) -> bool {
    let padded = format!(" {folded} ");
    set.iter().any(|w| padded.contains(&format!(" {w} ")))
}

/// "Biểu 01", "BIỂU SỐ 2"; or two of Chỉ tiêu, Mã số, Đơn vị tính; or a numbering row
/// with letters, (A) (B) (C).
fn statistics_form(row: &[(String, String)]) -> bool {
    let titled = row.iter().any(|(_, f)| {
        f == "bieu"
            || f.strip_prefix("bieu ").is_some_and(|rest| {
                rest.starts_with("so") || rest.starts_with(|c: char| c.is_ascii_digit())
            })
    });
    let headings = row.iter().filter(|(_, f)| is_any(f, FORM_HEADINGS)).count();
    let lettered = row
        .iter()
        .filter(|(raw, _)| {
            let t = raw.trim();
            t.len() == 3
                && t.starts_with('(')
                && t.ends_with(')')
                && t.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase())
        })
        .count();
    titled || headings >= 2 || lettered >= 2
}

/// Họ và tên with a detail of a person (Năm sinh, Giới tính …): the headings found.
fn people(row: &[(String, String)]) -> Option<Vec<String>> {
    let name = row.iter().find(|(_, f)| {
        PERSON_NAME
            .iter()
            .any(|n| f == n || f.starts_with(&format!("{n} ")))
    })?;
    let details: Vec<&(String, String)> = row
        .iter()
        .filter(|(_, f)| holds_any(f, PERSON_DETAILS))
        .collect();
    if details.is_empty() {
        return None;
    }
    Some(
        std::iter::once(name)
            .chain(details)
            .map(|(raw, _)| short(raw))
            .take(HEADINGS_NAMED)
            .collect(),
    )
}

/// Two different ones of Thứ, Ca, Tiết, Phòng, Buổi ….
fn schedule_headings(row: &[(String, String)]) -> Option<Vec<String>> {
    let mut kinds: Vec<&str> = Vec::new();
    let mut found: Vec<String> = Vec::new();
    for (raw, f) in row {
        if is_any(f, SCHEDULE_HEADINGS) && !kinds.contains(&f.as_str()) {
            kinds.push(f);
            found.push(short(raw));
        }
    }
    found.truncate(HEADINGS_NAMED);
    (found.len() >= 2).then_some(found)
}

/// A title starting "Thời khóa biểu", "Lịch học" ….
fn schedule_title(row: &[(String, String)]) -> Option<Vec<String>> {
    row.iter()
        .find(|(_, f)| SCHEDULE_TITLES.iter().any(|t| f.starts_with(t)))
        .map(|(raw, _)| vec![short(raw)])
}

/// The sheet's most table-like row among the first rows — the one with the most text
/// cells, at least three — as (headings counted, headings named, anything filled under
/// it, row index). "Filled" means a row below with two cells or more: a column of
/// pre-numbered STT alone is a blank form.
fn header_like(s: &SheetGrid) -> Option<(usize, Vec<String>, bool, usize)> {
    let (index, row) = s
        .grid
        .rows
        .iter()
        .take(ROWS_LOOKED_AT)
        .enumerate()
        .map(|(i, row)| (i, texts(row)))
        .filter(|(_, t)| t.len() >= 3)
        .max_by_key(|(i, t)| (t.len(), std::cmp::Reverse(*i)))?;
    let filled = s
        .grid
        .rows
        .iter()
        .skip(index + 1)
        .any(|r| r.iter().filter(|c| !c.is_blank()).count() >= 2);
    let headings = row
        .iter()
        .map(|(raw, _)| short(raw))
        .take(HEADINGS_NAMED)
        .collect();
    Some((row.len(), headings, filled, index))
}

/// A heading as named in a reason: one line, at most [`HEADING_CHARS`] characters.
fn short(raw: &str) -> String {
    let one_line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > HEADING_CHARS {
        let cut: String = one_line.chars().take(HEADING_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::grid::Grid;

    fn sheet(rows: &[&[&str]]) -> SheetGrid {
        let rows = rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| {
                        if t.is_empty() {
                            CellValue::Empty
                        } else {
                            CellValue::Text((*t).to_string())
                        }
                    })
                    .collect()
            })
            .collect();
        SheetGrid {
            name: "Sheet1".into(),
            hidden: false,
            grid: Grid {
                top: 0,
                left: 0,
                folds: Default::default(),
                rows,
            },
        }
    }

    fn classify_all(sheets: &[SheetGrid]) -> WorkbookLooks {
        classify(sheets, None)
    }

    #[test]
    fn a_table_found_with_no_row_is_a_blank_form_whatever_lies_below() {
        // The form's own total row under the header would make it look filled in.
        let s = sheet(&[
            &["BÁO CÁO THÁNG ...."],
            &["STT", "Tên lớp", "Số học viên"],
            &["", "Cộng", "0"],
        ]);
        assert_eq!(
            classify(&[s], Some((0, 1))),
            WorkbookLooks::BlankTemplate {
                headings: vec!["STT".into(), "Tên lớp".into(), "Số học viên".into()]
            }
        );
    }

    #[test]
    fn a_list_of_people_names_its_headings() {
        let s = sheet(&[
            &["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN"],
            &["STT", "Họ và tên", "Năm sinh", "Thôn", "Giới tính"],
            &["1", "Nguyễn Văn A", "1970", "Thôn Đông", "Nam"],
        ]);
        assert_eq!(
            classify_all(&[s]),
            WorkbookLooks::PeopleList {
                headings: vec!["Họ và tên".into(), "Năm sinh".into(), "Giới tính".into()]
            }
        );
    }

    #[test]
    fn a_statistics_form_by_its_title_headings_or_lettered_numbering() {
        let titled = sheet(&[&["Biểu 01-MN-ĐN"], &["TT", "Nội dung", "Tổng số"]]);
        assert_eq!(classify_all(&[titled]), WorkbookLooks::StatisticsForm);
        let headed = sheet(&[&["TT", "Chỉ tiêu", "Đơn vị tính", "Tổng số"]]);
        assert_eq!(classify_all(&[headed]), WorkbookLooks::StatisticsForm);
        let numbered = sheet(&[&["(A)", "(B)", "(1)", "(2)"]]);
        assert_eq!(classify_all(&[numbered]), WorkbookLooks::StatisticsForm);
        // A class report's "(1) (2) (3)" numbering row is no statistics form.
        let class_numbers = sheet(&[&["(1)", "(2)", "(3)"]]);
        assert_ne!(
            classify_all(&[class_numbers]),
            WorkbookLooks::StatisticsForm
        );
        // "Thời khóa biểu" holds "biểu" but is no form.
        let tkb = sheet(&[&["THỜI KHÓA BIỂU HỌC KỲ HÈ"]]);
        assert_ne!(classify_all(&[tkb]), WorkbookLooks::StatisticsForm);
    }

    #[test]
    fn a_payroll_is_a_list_of_people_too() {
        let s = sheet(&[&["STT", "Họ và tên", "Cấp bậc chức vụ", "Lương hệ số"]]);
        assert_eq!(
            classify_all(&[s]),
            WorkbookLooks::PeopleList {
                headings: vec!["Họ và tên".into(), "Cấp bậc chức vụ".into()]
            }
        );
        // "Họ và tên" alone, with nothing about a person beside it, is no list of people.
        let s = sheet(&[&["STT", "Họ và tên", "Đơn vị", "Ghi chú"], &["1", "A", "B"]]);
        assert!(matches!(classify_all(&[s]), WorkbookLooks::Other { .. }));
    }

    #[test]
    fn a_heading_written_twice_is_no_timetable() {
        // A data dictionary lists "Buổi học" and its field name BUOI_HOC: one kind.
        let s = sheet(&[
            &["STT", "Buổi học", "BUOI_HOC", "Kiểu dữ liệu"],
            &["1", "a", "b"],
        ]);
        assert!(matches!(classify_all(&[s]), WorkbookLooks::Other { .. }));
        // A sentence that mentions "lịch học" is no timetable's title.
        let s = sheet(&[&["Sinh viên phải theo lịch học của lớp"]]);
        assert!(matches!(classify_all(&[s]), WorkbookLooks::Other { .. }));
    }

    #[test]
    fn a_timetable_by_its_headings() {
        let s = sheet(&[
            &["Thứ", "Ngày tháng", "Ca", "Phòng", "Lớp"],
            &["2", "1/10", "1", "P101", "A"],
        ]);
        assert_eq!(
            classify_all(&[s]),
            WorkbookLooks::Timetable {
                headings: vec!["Thứ".into(), "Ca".into(), "Phòng".into()]
            }
        );
    }

    #[test]
    fn a_header_with_nothing_but_numbers_under_it_is_a_blank_form() {
        let s = sheet(&[
            &["STT", "Tên tài sản", "Địa điểm", "Số lượng"],
            &["1"],
            &["2"],
        ]);
        assert_eq!(
            classify_all(&[s]),
            WorkbookLooks::BlankTemplate {
                headings: vec![
                    "STT".into(),
                    "Tên tài sản".into(),
                    "Địa điểm".into(),
                    "Số lượng".into()
                ]
            }
        );
    }

    #[test]
    fn anything_else_names_its_most_table_like_row() {
        let s = sheet(&[
            &["BÁO CÁO"],
            &["Trường học", "Năm học", "Tên trường", "Tổng số"],
            &["T01", "2020", "Trường A", "12"],
        ]);
        assert_eq!(
            classify_all(&[s]),
            WorkbookLooks::Other {
                headings: vec![
                    "Trường học".into(),
                    "Năm học".into(),
                    "Tên trường".into(),
                    "Tổng số".into()
                ]
            }
        );
        let notes = sheet(&[&["Ghi chú"], &["Xem trang sau"]]);
        assert_eq!(
            classify_all(&[notes]),
            WorkbookLooks::Other { headings: vec![] }
        );
    }

    #[test]
    fn an_empty_workbook_is_empty() {
        assert_eq!(classify_all(&[sheet(&[])]), WorkbookLooks::Empty);
        assert_eq!(classify_all(&[]), WorkbookLooks::Empty);
        assert_eq!(classify_all(&[sheet(&[&["", " "]])]), WorkbookLooks::Empty);
    }
}
