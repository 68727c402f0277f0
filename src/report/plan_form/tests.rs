//! The form read back with calamine; the figures worked out by hand from
//! templates/plan-2019.toml.

use std::io::{Cursor, Read};

use calamine::{Data, Range, Reader, Xlsx};

use super::*;
use crate::plan::{IndicatorKind, Plan};

fn workbook(plan: &Plan, lang: Lang) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = form_bytes(plan, lang).expect("the form is written");
    Xlsx::new(Cursor::new(bytes)).expect("the form opens")
}

fn sheet(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Range<Data> {
    wb.worksheet_range(name).expect("the sheet is there")
}

/// The value at an A1-style (row, column), both from 1 as a spreadsheet counts them.
fn at(range: &Range<Data>, row: u32, col: u32) -> Data {
    range
        .get_value((row - 1, col - 1))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn text(s: &str) -> Data {
    Data::String(s.to_string())
}

/// A part of the xlsx package as text (a worksheet's XML, the notes).
fn part(plan: &Plan, lang: Lang, name: &str) -> String {
    let bytes = form_bytes(plan, lang).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_sheets_come_in_the_contract_s_order_with_the_instructions_last() {
    let wb = workbook(&Plan::embedded(), Lang::Vi);
    assert_eq!(
        wb.sheet_names(),
        [
            "Kế hoạch",
            "Tiểu ban",
            "Theo quý",
            "Tiêu chí",
            "Thôn",
            "Hướng dẫn"
        ]
    );
}

#[test]
fn the_count_columns_are_where_the_contract_puts_their_headings() {
    use pf::{quarter as q, subcommittee as k};
    assert_eq!(k::HEADINGS[SUB_CLASSES as usize], k::CLASSES);
    assert_eq!(k::HEADINGS[SUB_LEARNERS as usize], k::LEARNERS);
    assert_eq!(q::HEADINGS[QUARTER_CLASSES as usize], q::CLASSES);
    assert_eq!(q::HEADINGS[QUARTER_LEARNERS as usize], q::LEARNERS);
}

#[test]
fn ke_hoach_holds_each_item_s_exact_value() {
    let mut wb = workbook(&Plan::embedded(), Lang::Vi);
    let r = sheet(&mut wb, "Kế hoạch");
    assert_eq!((at(&r, 1, 1), at(&r, 1, 2)), (text("Mục"), text("Giá trị")));
    assert_eq!(at(&r, 2, 1), text("Đơn vị"));
    assert_eq!(at(&r, 2, 2), text("Xã Hồng Thái Tây"));
    assert_eq!(
        at(&r, 3, 2),
        text("Trung tâm học tập cộng đồng xã Hồng Thái Tây")
    );
    // Năm, Dân số, the rate as the fraction, Số thôn, Hạn nộp, Số học viên tối đa.
    let figures: Vec<Data> = (4..=9).map(|row| at(&r, row, 2)).collect();
    let expected = [2019.0, 5550.0, 0.783, 8.0, 5.0, 300.0].map(Data::Float);
    assert_eq!(figures, expected);
    assert_eq!(at(&r, 9, 1), text("Số học viên tối đa một lớp"));
}

#[test]
fn beside_the_rate_stands_the_rate_the_sub_committees_make() {
    let mut wb = workbook(&Plan::embedded(), Lang::Vi);
    let r = sheet(&mut wb, "Kế hoạch");
    // 800 + 750 + 700 + 850 + 800 + 450 = 4350 learners; 4350 / 5550 = 0.7837…,
    // 78,4 % where the plan writes 78,3 %.
    assert_eq!(at(&r, 5, 5), Data::Float(4350.0));
    assert_eq!(at(&r, 6, 5), Data::Float(4350.0 / 5550.0));
    let f = wb.worksheet_formula("Kế hoạch").unwrap();
    assert_eq!(
        f.get_value((4, 4)).map(String::as_str),
        Some("SUM('Tiểu ban'!E2:E21)")
    );
    assert_eq!(
        f.get_value((5, 4)).map(String::as_str),
        Some("IF(B5>0,E5/B5,\"\")")
    );
}

#[test]
fn no_village_count_is_a_blank_value() {
    let plan = Plan {
        village_count: None,
        ..Plan::embedded()
    };
    let mut wb = workbook(&plan, Lang::Vi);
    let r = sheet(&mut wb, "Kế hoạch");
    assert_eq!(at(&r, 7, 1), text("Số thôn"));
    assert_eq!(at(&r, 7, 2), Data::Empty);
}

#[test]
fn tieu_ban_holds_each_sub_committee_and_the_two_totals_side_by_side() {
    let mut wb = workbook(&Plan::embedded(), Lang::Vi);
    let r = sheet(&mut wb, "Tiểu ban");
    let heads: Vec<Data> = (1..=5).map(|c| at(&r, 1, c)).collect();
    assert_eq!(heads, pf::subcommittee::HEADINGS.map(text));
    assert_eq!(at(&r, 2, 1), text("kinh-te"));
    assert_eq!(at(&r, 2, 2), text("Tiểu ban phát triển kinh tế"));
    assert_eq!(at(&r, 2, 3), text("Phát triển kinh tế; Kinh tế; PTKT"));
    assert_eq!(
        (at(&r, 2, 4), at(&r, 2, 5)),
        (Data::Float(8.0), Data::Float(800.0))
    );
    // The last: các chương trình khác, 7 classes, 450 learners, on row 7.
    assert_eq!(at(&r, 7, 1), text("khac"));
    assert_eq!(
        (at(&r, 7, 4), at(&r, 7, 5)),
        (Data::Float(7.0), Data::Float(450.0))
    );
    assert_eq!(at(&r, 8, 1), Data::Empty);
    // Beside, from G: 8+8+11+13+7+7 = 54 classes and 4350 learners by sub-committee,
    // 13+14+13+13 = 53 and 1000+1200+1100+1050 = 4350 by quarter: 1 class apart.
    assert_eq!(at(&r, 2, 7), text("Cộng theo tiểu ban"));
    assert_eq!(at(&r, 3, 7), text("Cộng theo quý"));
    let totals: Vec<Data> = (2..=4)
        .flat_map(|row| [at(&r, row, 8), at(&r, row, 9)])
        .collect();
    let expected = [54.0, 4350.0, 53.0, 4350.0, 1.0, 0.0].map(Data::Float);
    assert_eq!(totals, expected);
    let f = wb.worksheet_formula("Tiểu ban").unwrap();
    let formula = |row: u32, col: u32| f.get_value((row - 1, col - 1)).cloned();
    assert_eq!(formula(2, 8).as_deref(), Some("SUM('Tiểu ban'!D2:D21)"));
    assert_eq!(formula(3, 9).as_deref(), Some("SUM('Theo quý'!C2:C5)"));
    assert_eq!(formula(4, 8).as_deref(), Some("H2-H3"));
}

#[test]
fn theo_quy_holds_the_quarters_and_the_same_totals() {
    let mut wb = workbook(&Plan::embedded(), Lang::Vi);
    let r = sheet(&mut wb, "Theo quý");
    let rows: Vec<[Data; 3]> = (2..=5)
        .map(|row| [at(&r, row, 1), at(&r, row, 2), at(&r, row, 3)])
        .collect();
    let expected = [
        [1.0, 13.0, 1000.0],
        [2.0, 14.0, 1200.0],
        [3.0, 13.0, 1100.0],
        [4.0, 13.0, 1050.0],
    ]
    .map(|row| row.map(Data::Float));
    assert_eq!(rows, expected);
    // Beside, from E (a gap in D): the same 54 / 53 classes, 4350 / 4350 learners.
    let totals: Vec<Data> = (2..=4)
        .flat_map(|row| [at(&r, row, 6), at(&r, row, 7)])
        .collect();
    let expected = [54.0, 4350.0, 53.0, 4350.0, 1.0, 0.0].map(Data::Float);
    assert_eq!(totals, expected);
}

#[test]
fn tieu_chi_names_a_criterion_on_its_first_indicator_only() {
    let mut wb = workbook(&Plan::embedded(), Lang::Vi);
    let r = sheet(&mut wb, "Tiêu chí");
    let row = |n: u32| [1, 2, 3, 4].map(|c| at(&r, n, c));
    // Criterion 1: one yes/no indicator, no threshold.
    assert_eq!(
        row(2),
        [
            text("1. Sự lãnh đạo, chỉ đạo của cấp ủy đảng và chính quyền cấp xã"),
            text("Có nghị quyết, kế hoạch của Đảng ủy, UBND về xây dựng xã hội học tập"),
            text("Có/Không"),
            Data::Empty,
        ]
    );
    // Criteria 1–4 take 1 + 1 + 1 + 2 = 5 rows (2 to 6): criterion 5 starts on row 7.
    assert_eq!(
        row(7),
        [
            text("5. Kết quả phổ cập giáo dục, xóa mù chữ"),
            text("Trẻ dưới 3 tuổi đến nhà trẻ"),
            text("≥"),
            Data::Float(47.0),
        ]
    );
    assert_eq!(
        row(8),
        [
            Data::Empty,
            text("Trẻ 3–5 tuổi đến lớp mẫu giáo"),
            text("≥"),
            Data::Float(86.0),
        ]
    );
    // 24 indicators in all (1+1+1+2+4+1+2+1+3+1+1+1+1+3+1): the last on row 25,
    // criterion 15's only one.
    assert_eq!(
        at(&r, 25, 1),
        text("15. Đảm bảo an ninh trật tự, an toàn xã hội")
    );
    assert_eq!(at(&r, 26, 2), Data::Empty);
}

#[test]
fn thon_counts_the_villages_listed_beside_the_plan_s_count() {
    let plan = Plan {
        villages: vec!["Thôn Đông".into(), "Thôn Tây".into()],
        ..Plan::embedded()
    };
    let mut wb = workbook(&plan, Lang::Vi);
    let r = sheet(&mut wb, "Thôn");
    assert_eq!(at(&r, 1, 1), text("Tên thôn"));
    assert_eq!(at(&r, 3, 1), text("Thôn Tây"));
    // 2 listed; Kế hoạch says 8.
    assert_eq!(
        (at(&r, 2, 4), at(&r, 3, 4)),
        (Data::Float(2.0), Data::Float(8.0))
    );
}

#[test]
fn figures_are_written_exactly_as_the_plan_holds_them() {
    let mut plan = Plan::embedded();
    plan.participation_target = 0.1 + 0.2;
    plan.subcommittees[0].aliases = vec![];
    if let Some(ind) = plan.criteria[4].indicators.first_mut() {
        ind.kind = IndicatorKind::Percent {
            op: crate::plan::Comparison::MoreThan,
            threshold: 47.25,
        };
    }
    let mut wb = workbook(&plan, Lang::Vi);
    assert_eq!(
        at(&sheet(&mut wb, "Kế hoạch"), 6, 2),
        Data::Float(0.30000000000000004)
    );
    assert_eq!(at(&sheet(&mut wb, "Tiểu ban"), 2, 3), Data::Empty);
    let r = sheet(&mut wb, "Tiêu chí");
    assert_eq!(
        (at(&r, 7, 3), at(&r, 7, 4)),
        (text(">"), Data::Float(47.25))
    );
}

#[test]
fn input_cells_are_checked_on_the_rows_offered_and_the_sheets_protected() {
    let plan = Plan::embedded();
    let sub = part(&plan, Lang::Vi, "xl/worksheets/sheet2.xml");
    // Whole numbers ≥ 0 on Số lớp and Số học viên, rows 2 to 21.
    assert!(
        sub.contains(r#"type="whole" operator="greaterThanOrEqual""#),
        "{sub}"
    );
    assert!(sub.contains(r#"sqref="D2:D21""#) && sub.contains(r#"sqref="E2:E21""#));
    // Protected, rows may be inserted.
    assert!(sub.contains("<sheetProtection") && sub.contains(r#"insertRows="0""#));
    let criteria = part(&plan, Lang::Vi, "xl/worksheets/sheet4.xml");
    assert!(criteria.contains(r#"type="list""#) && criteria.contains(r#"sqref="C2:C81""#));
    assert!(criteria.contains(r#"type="decimal""#) && criteria.contains(r#"sqref="D2:D81""#));
    let ke_hoach = part(&plan, Lang::Vi, "xl/worksheets/sheet1.xml");
    // Năm from 2000 to 2100 ("between" is the default operator, not written).
    assert!(ke_hoach.contains(r#"sqref="B4"><formula1>2000</formula1><formula2>2100<"#));
}

#[test]
fn notes_and_hints_follow_the_language_and_the_headings_do_not() {
    let plan = Plan::embedded();
    let notes = part(&plan, Lang::En, "xl/comments2.xml");
    assert!(notes.contains("separated by semicolons"), "{notes}");
    let sub = part(&plan, Lang::En, "xl/worksheets/sheet2.xml");
    assert!(sub.contains("Write a whole number, not negative."));
    let mut wb = workbook(&plan, Lang::En);
    let r = sheet(&mut wb, "Tiểu ban");
    assert_eq!(at(&r, 1, 2), text("Tên tiểu ban"));
    assert_eq!(at(&r, 2, 7), text("Total by sub-committee"));
    let vi = part(&plan, Lang::Vi, "xl/comments2.xml");
    assert!(vi.contains("cách nhau bằng dấu chấm phẩy"), "{vi}");
}
