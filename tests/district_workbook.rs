//! The district workbook (`report::district`) of [`common::district`]'s four commune
//! folders (binh-duong, dong-lam that failed, hong-thai-tay, yen-duc), read back with
//! calamine; every figure worked out by hand from the fixture's table. All at year end
//! (31/12/2019): what is due is the target.

mod common;

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use tthtcd::Lang;
use tthtcd::report::district::district_bytes;

/// The workbook of the fixture's district, named Đông Triều, in Vietnamese.
fn workbook() -> Xlsx<Cursor<Vec<u8>>> {
    let dir = tempfile::tempdir().unwrap();
    let d = common::district::district(dir.path(), Some("Đông Triều"));
    let bytes = district_bytes(&d, Lang::Vi).unwrap();
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

/// The cells of the row whose column `col` holds `label`, as text ("5", "0.8", "Đạt";
/// an empty cell "").
fn row(range: &Range<Data>, col: u32, label: &str) -> Vec<String> {
    let (h, w) = range.end().unwrap();
    let r = (0..=h)
        .find(|r| range.get_value((*r, col)) == Some(&Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row {label}"));
    (0..=w)
        .map(|c| match range.get_value((r, c)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(x)) => format!("{}", (x * 10_000.0).round() / 10_000.0),
            Some(Data::Int(x)) => x.to_string(),
            Some(Data::Empty) | None => String::new(),
            Some(other) => format!("{other:?}"),
        })
        .collect()
}

/// `x / y` to four places, as [`row`] shows a share.
fn share(x: f64, y: f64) -> String {
    format!("{}", (x / y * 10_000.0).round() / 10_000.0)
}

#[test]
fn the_district_summary_has_each_commune_s_figures_and_their_totals() {
    let mut wb = workbook();
    let sheet = wb.worksheet_range("Tổng hợp huyện").unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&Data::String("UBND HUYỆN ĐÔNG TRIỀU".into()))
    );
    // Columns: STT, commune, classes target / due / done / share, learners the same,
    // status, population 15+, participation done / planned, reports received / due,
    // errors, folder.
    // binh-duong: targets 3 + 2 = 5 classes, 120 + 80 = 200 learners, all due at year
    // end; done 2 + 1 + 1 = 4 classes (Trồng ngô counts its Số lớp, 2), 70 + 30 + 40
    // = 140 learners; kinh-te (3 classes, 100 learners < 120) and moi-truong (1 < 2)
    // both short; 140 / 800 = 17.5 % against 25 %; reports due 2 sub-committees × 11
    // months (January to November) = 22, received 3 (kinh-te March and July,
    // moi-truong April); no error.
    assert_eq!(
        row(&sheet, 1, "Xã Bình Dương")[2..],
        [
            "5",
            "5",
            "4",
            "0.8",
            "200",
            "200",
            "140",
            "0.7",
            "Không đạt",
            "800",
            "0.175",
            "0.25",
            "3",
            "22",
            "0",
            "binh-duong"
        ]
    );
    // hong-thai-tay: targets 4 + 3 = 7 and 200 + 150 = 350; done 4 + 1 = 5 classes,
    // 40 + 60 + 110 + 50 + 30 = 290 learners (Luật Hôn nhân, with no date, rejected:
    // the one error); kinh-te met (4 classes, 260 learners), phap-luat short: short;
    // 290 / 1,000 = 29 % against 30 %; reports 22 due, received 5 (kinh-te March,
    // April, September, November; phap-luat February).
    assert_eq!(
        row(&sheet, 1, "Xã Hồng Thái Tây")[2..],
        [
            "7",
            "7",
            "5",
            &share(5.0, 7.0),
            "350",
            "350",
            "290",
            &share(290.0, 350.0),
            "Không đạt",
            "1000",
            "0.29",
            "0.3",
            "5",
            "22",
            "1",
            "hong-thai-tay"
        ]
    );
    // yen-duc: targets 2 + 1 + 1 + 1 + 1 = 6 and 100 + 40 + 30 + 30 + 20 = 220; done
    // 6 classes, 105 + 40 + 30 + 35 + 25 = 235 learners, every sub-committee met: met;
    // 235 / 500 = 47 % against 40 %; reports 5 × 11 = 55 due, 6 received.
    assert_eq!(
        row(&sheet, 1, "Xã Yên Đức")[2..],
        [
            "6",
            "6",
            "6",
            "1",
            "220",
            "220",
            "235",
            &share(235.0, 220.0),
            "Đạt",
            "500",
            "0.47",
            "0.4",
            "6",
            "55",
            "0",
            "yen-duc"
        ]
    );
    // dong-lam: its reason, no figures.
    let failed = row(&sheet, 1, "dong-lam");
    assert_eq!(
        failed[2],
        "Không tổng hợp được: không tìm thấy kế hoạch của xã"
    );
    assert!(failed[3..17].iter().all(String::is_empty), "{failed:?}");
    assert_eq!(failed[17], "dong-lam");
    // Totals: 5 + 7 + 6 = 18 classes due and planned, 4 + 5 + 6 = 15 done (15 / 18);
    // 200 + 350 + 220 = 770 learners, 140 + 290 + 235 = 665 done (665 / 770);
    // population 800 + 1,000 + 500 = 2,300, 665 / 2,300 done; planned (0.25 × 800 +
    // 0.3 × 1,000 + 0.4 × 500) / 2,300 = 700 / 2,300; reports 3 + 5 + 6 = 14 of
    // 22 + 22 + 55 = 99; 1 error.
    assert_eq!(
        row(&sheet, 0, "Tổng cộng")[2..17],
        [
            "18",
            "18",
            "15",
            &share(15.0, 18.0),
            "770",
            "770",
            "665",
            &share(665.0, 770.0),
            "",
            "2300",
            &share(665.0, 2300.0),
            &share(700.0, 2300.0),
            "14",
            "99",
            "1"
        ]
    );
}

#[test]
fn sub_committees_meet_in_columns_by_name_and_other_names() {
    let mut wb = workbook();
    let sheet = wb.worksheet_range("Theo tiểu ban").unwrap();
    // Columns in the order their first member appears. "Kinh tế" is binh-duong's other
    // name, hong-thai-tay's other name and yen-duc's name: one column, named after
    // its first member (three names, once each). "Pháp luật" joins hong-thai-tay's and
    // yen-duc's; Môi trường, Văn hóa xã hội, Chăm sóc sức khỏe and Tin học are one
    // commune's each, each a column of its own.
    let header = row(&sheet, 0, "STT");
    assert_eq!(
        header[1..],
        [
            "Xã, phường, thị trấn",
            "Tiểu ban kinh tế",
            "",
            "Môi trường",
            "",
            "Tiểu ban pháp luật",
            "",
            "Văn hóa xã hội",
            "",
            "Chăm sóc sức khỏe",
            "",
            "Tin học",
            "",
            "Thư mục"
        ]
    );
    // Classes and learners done, two columns a sub-committee.
    assert_eq!(
        row(&sheet, 1, "Xã Bình Dương")[2..14],
        ["3", "100", "1", "40", "", "", "", "", "", "", "", ""]
    );
    assert_eq!(
        row(&sheet, 1, "Xã Hồng Thái Tây")[2..14],
        ["4", "260", "", "", "1", "30", "", "", "", "", "", ""]
    );
    assert_eq!(
        row(&sheet, 1, "Xã Yên Đức")[2..14],
        [
            "2", "105", "", "", "1", "40", "1", "30", "1", "35", "1", "25"
        ]
    );
    // kinh tế 3 + 4 + 2 = 9 classes, 100 + 260 + 105 = 465; pháp luật 1 + 1 = 2, 30 + 40
    // = 70; the others one commune's. In all 15 classes, 665 learners, as Tổng hợp.
    assert_eq!(
        row(&sheet, 0, "Tổng cộng")[2..14],
        [
            "9", "465", "1", "40", "2", "70", "1", "30", "1", "35", "1", "25"
        ]
    );
}

#[test]
fn quarters_and_reports_are_set_out_commune_by_commune() {
    let mut wb = workbook();
    let quarters = wb.worksheet_range("Theo quý").unwrap();
    // A quarter: classes target, done, learners target, done. yen-duc: quarter I
    // 2 / 80 planned, held January 50, February 55, March 40: 3 / 145; II 2 / 60, May
    // 30 and June 35: 2 / 65; III 1 / 40, August 25; IV 1 / 40, nothing.
    assert_eq!(
        row(&quarters, 1, "Xã Yên Đức")[2..18],
        [
            "2", "3", "80", "145", "2", "2", "60", "65", "1", "1", "40", "25", "1", "0", "40", "0"
        ]
    );
    // Totals: I 2 + 2 + 2 = 6 planned, 2 + 2 + 3 = 7 held, 50 + 100 + 80 = 230 and
    // 70 + 70 + 145 = 285; II 5, 1 + 1 + 2 = 4, 210, 40 + 60 + 65 = 165; III 4, 3,
    // 190, 30 + 110 + 25 = 165; IV 3, 0 + 1 + 0 = 1, 140, 50.
    assert_eq!(
        row(&quarters, 0, "Tổng cộng")[2..18],
        [
            "6", "7", "230", "285", "5", "4", "210", "165", "4", "3", "190", "165", "3", "1",
            "140", "50"
        ]
    );
    let reports = wb.worksheet_range("Nộp báo cáo").unwrap();
    // hong-thai-tay, received / due a month (2 sub-committees, January to November
    // due): February phap-luat, March, April, September, November kinh-te; then due
    // 22, received 5, on time 2 (September's and November's: the files arrived on
    // 1 June, after 5 March, 5 April and 5 May), 5 / 22.
    assert_eq!(
        row(&reports, 1, "Xã Hồng Thái Tây")[2..18],
        [
            "0/2",
            "1/2",
            "1/2",
            "1/2",
            "0/2",
            "0/2",
            "0/2",
            "0/2",
            "1/2",
            "0/2",
            "1/2",
            "",
            "22",
            "5",
            "2",
            &share(5.0, 22.0)
        ]
    );
    // On time: binh-duong 1 (July), hong-thai-tay 2, yen-duc 3 (May, June, August):
    // 6; 14 of 99 received.
    assert_eq!(
        row(&reports, 0, "Tổng cộng")[14..18],
        ["99", "14", "6", &share(14.0, 99.0)]
    );
}

#[test]
fn every_class_problem_and_file_names_its_commune() {
    let mut wb = workbook();
    let list = wb.worksheet_range("Danh sách lớp").unwrap();
    // STT, commune, folder, then the commune list's columns from Tiểu ban.
    let law = row(&list, 4, "Luật Giao thông");
    assert_eq!(
        law[1..4],
        ["Xã Hồng Thái Tây", "hong-thai-tay", "Tiểu ban pháp luật"]
    );
    assert_eq!(law[14], "phap-luat/bao-cao.xlsx");
    // binh-duong's first: Trồng ngô, 2 classes, 70 learners, row 1 of the list.
    let corn = row(&list, 4, "Trồng ngô");
    assert_eq!(
        corn[..4],
        ["1", "Xã Bình Dương", "binh-duong", "Tiểu ban kinh tế"]
    );
    assert_eq!((corn[8].as_str(), corn[9].as_str()), ("2", "70"));
    // 3 + 5 + 6 = 14 classes listed under the heading row.
    let (height, _) = list.end().unwrap();
    let heading = (0..=height)
        .find(|r| list.get_value((*r, 0)) == Some(&Data::String("STT".into())))
        .unwrap();
    assert_eq!(height - heading, 14);

    let warnings = wb.worksheet_range("Cảnh báo").unwrap();
    let failed = row(&warnings, 4, "commune-failed");
    assert_eq!(failed[2..4], ["dong-lam", "Lỗi"]);
    let date = row(&warnings, 4, "date-unreadable");
    assert_eq!(
        date[1..6],
        [
            "Xã Hồng Thái Tây",
            "hong-thai-tay",
            "Lỗi",
            "date-unreadable",
            "phap-luat/bao-cao.xlsx"
        ]
    );

    let sources = wb.worksheet_range("Nguồn").unwrap();
    let tin_hoc = row(&sources, 3, "tin-hoc/bao-cao.xlsx");
    assert_eq!(tin_hoc[1..3], ["Xã Yên Đức", "yen-duc"]);
    // 2 + 2 + 5 = 9 files; rows accepted 14, rejected 1.
    let total = row(&sources, 0, "Tổng cộng");
    assert_eq!(total[7..9], ["14", "1"]);
}

#[test]
fn the_same_district_gives_the_same_bytes_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = common::district::district(dir.path(), Some("Đông Triều"));
    for lang in [Lang::Vi, Lang::En] {
        let (first, again) = (district_bytes(&d, lang), district_bytes(&d, lang));
        assert!(first.unwrap() == again.unwrap(), "two writes differ");
    }
    let wb = Xlsx::new(Cursor::new(district_bytes(&d, Lang::En).unwrap())).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "District summary",
            "By sub-committee",
            "By quarter",
            "Reporting",
            "Classes",
            "Warnings",
            "Sources"
        ]
    );
}

#[test]
fn a_district_without_a_name_leaves_a_line_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = common::district::district(dir.path(), None);
    let bytes = district_bytes(&d, Lang::Vi).unwrap();
    let mut wb = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = wb.worksheet_range("Tổng hợp huyện").unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&Data::String("UBND HUYỆN …………………".into()))
    );
}
