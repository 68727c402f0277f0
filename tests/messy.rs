//! Real-world input: legacy fonts, Unicode forms, old tone placement, hidden and
//! instruction sheets, dates and counts typed every way, ambiguous sub-committees,
//! inline strings. Every expected figure is worked out by hand in the comments.

mod common;

use std::path::Path;

use common::V::{self, D, Dt, E, N, S, T};
use common::{book, book_with, p, per_quarter, per_sub, problems, run, sheet};
use tthtcd::normalise::legacy::{Legacy, encode};
use unicode_normalization::UnicodeNormalization;

fn tcvn3(s: &str) -> V {
    S(encode(s, Legacy::Tcvn3))
}
fn vni(s: &str) -> V {
    S(encode(s, Legacy::Vni))
}
fn nfd(s: &str) -> V {
    S(s.nfd().collect())
}

/// Pháp luật, March, typed with .VnTime/.VnTimeH: 2 classes, 45 + 38 = 83 learners.
fn tcvn3_file(dir: &Path) {
    book(
        &dir.join("tcvn3.xlsx"),
        &[(
            "T3",
            vec![
                vec![tcvn3("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019")],
                vec![tcvn3("Tiểu ban: Pháp luật")],
                vec![],
                vec![
                    T("STT"),
                    tcvn3("Tên chuyên đề"),
                    tcvn3("Ngày mở lớp"),
                    tcvn3("Địa điểm"),
                    tcvn3("Số học viên"),
                ],
                vec![
                    N(1.0),
                    tcvn3("Luật Giao thông đường bộ"),
                    D(5, 3),
                    tcvn3("Thôn Đông"),
                    N(45.0),
                ],
                vec![
                    N(2.0),
                    tcvn3("Luật Hôn nhân và gia đình"),
                    D(12, 3),
                    tcvn3("Thôn Tây"),
                    N(38.0),
                ],
            ],
        )],
    );
}

/// Sức khỏe, April, typed with VNI-Times: 2 classes, 60 + 55 = 115 learners.
fn vni_file(dir: &Path) {
    book(
        &dir.join("vni.xlsx"),
        &[(
            "Thang 4",
            vec![
                vec![vni("Tiểu ban: Chăm sóc sức khỏe")],
                vec![
                    T("STT"),
                    vni("Tên chuyên đề"),
                    vni("Ngày mở lớp"),
                    vni("Địa điểm"),
                    vni("Số học viên"),
                ],
                vec![
                    N(1.0),
                    vni("Phòng chống sốt xuất huyết"),
                    D(9, 4),
                    vni("Thôn Nam"),
                    N(60.0),
                ],
                vec![
                    N(2.0),
                    vni("An toàn vệ sinh thực phẩm"),
                    D(23, 4),
                    vni("Thôn Bắc"),
                    N(55.0),
                ],
            ],
        )],
    );
}

/// Văn hóa xã hội, May, in two files: NFC with the new tone placement, and NFD with the
/// old one, repeating one class. 3 classes: 50 + 30 + 40 = 120 learners, 1 duplicate.
fn vhxh_files(dir: &Path) {
    let header = || {
        vec![
            T("STT"),
            T("Tên chuyên đề"),
            T("Ngày mở lớp"),
            T("Thôn"),
            T("Số học viên"),
        ]
    };
    book(
        &dir.join("vhxh-nfc.xlsx"),
        &[(
            "T5",
            vec![
                vec![T("Tiểu ban: VHXH")],
                vec![],
                header(),
                vec![
                    N(1.0),
                    T("Xây dựng gia đình văn hóa"),
                    D(10, 5),
                    T("thôn đông"),
                    N(50.0),
                ],
                vec![N(2.0), T("Hát dân ca"), D(20, 5), T("Thôn Tây"), N(30.0)],
            ],
        )],
    );
    book(
        &dir.join("vhxh-nfd.xlsx"),
        &[(
            "T5",
            vec![
                vec![nfd("Tiểu ban văn hoá xã hội")],
                vec![],
                header(),
                vec![
                    N(1.0),
                    nfd("Xây dựng gia đình văn hoá"),
                    D(10, 5),
                    nfd("Thôn Đông"),
                    N(50.0),
                ],
                vec![
                    N(2.0),
                    nfd("Giữ gìn bản sắc văn hoá"),
                    D(15, 5),
                    nfd("Thôn Bắc"),
                    N(40.0),
                ],
            ],
        )],
    );
}

/// Kinh tế (by file name), June, with an instruction sheet, a hidden old sheet and
/// every way of typing dates and counts.
fn kinh_te_file(dir: &Path) {
    let sheets = [
        sheet(
            "Hướng dẫn",
            vec![
                vec![T("Hướng dẫn điền biểu mẫu")],
                vec![T("Ghi số học viên bằng chữ số.")],
            ],
        ),
        common::Sheet {
            name: "Cũ",
            hidden: true,
            rows: vec![
                vec![T("Tên lớp"), T("Ngày mở lớp"), T("Số học viên")],
                vec![T("Lớp cũ"), D(2, 1), N(99.0)],
            ],
        },
        sheet(
            "T6",
            vec![
                vec![
                    T("TT"),
                    T("Tên lớp"),
                    T("Thời gian mở lớp"),
                    T("Thôn"),
                    T("SL học viên"),
                    T("Nam"),
                    T("Nữ"),
                    T("Tiểu ban"),
                ],
                vec![
                    N(1.0),
                    T("Trồng lúa"),
                    T("5-6-2019"),
                    T("Thôn Đông"),
                    N(40.0),
                    N(20.0),
                    N(20.0),
                ],
                vec![
                    N(2.0),
                    T("Nuôi ong"),
                    T("05.06.2019"),
                    T("Thôn Tây"),
                    T("45 HV"),
                    N(25.0),
                    N(20.0),
                ],
                vec![
                    N(3.0),
                    T("Trồng cam"),
                    T("15/6/19"),
                    T("Thôn Nam"),
                    T("1.200"),
                    N(600.0),
                    N(500.0),
                ],
                vec![
                    N(4.0),
                    T("Chăn nuôi bò"),
                    Dt(20, 6, 8, 30),
                    T("Thôn Bắc"),
                    N(30.0),
                ],
                // 43636 = 43466 (1 January 2019) + 170 days = 20 June 2019.
                vec![N(5.0), T("Nuôi cá"), N(43636.0), T("Thôn Bắc"), N(25.0)],
                vec![N(6.0), T("Nuôi gà"), D(25, 6), T("Thôn Đông"), T("12,5")],
                vec![N(7.0), T("Trồng rau"), D(26, 6), T("Thôn Đông"), T("-3")],
                vec![
                    N(8.0),
                    T("Luật đất đai"),
                    D(27, 6),
                    T("Thôn Tây"),
                    N(30.0),
                    E,
                    E,
                    T("Kinh tế - Pháp luật"),
                ],
                vec![
                    N(9.0),
                    T("Tin học"),
                    D(28, 6),
                    T("Thôn Tây"),
                    N(20.0),
                    E,
                    E,
                    T("Khác"),
                ],
            ],
        ),
    ];
    book_with(&dir.join("kinh-te-2019.xlsx"), &sheets, false);
}

#[test]
fn messy_folder_gives_what_a_careful_person_counts() {
    let dir = tempfile::tempdir().unwrap();
    tcvn3_file(dir.path());
    vni_file(dir.path());
    vhxh_files(dir.path());
    kinh_te_file(dir.path());
    let c = run(dir.path());
    // kinh-te: 40 + 45 + 1200 + 30 + 25 = 1340 in 5 classes (12,5 and -3 rejected, the
    // ambiguous row rejected, the Khác row goes to khac, the hidden sheet is not read).
    assert_eq!(
        per_sub(&c),
        vec![(5, 1340), (2, 83), (3, 120), (2, 115), (0, 0), (1, 20)]
    );
    // Quarter I: the March pháp luật classes; quarter II: everything else.
    // 5 + 1 + 2 + 3 = 11 classes; 1340 + 20 + 115 + 120 = 1595 learners.
    assert_eq!(per_quarter(&c), vec![(2, 83), (11, 1595), (0, 0), (0, 0)]);
    let t = c.totals();
    // Rows: 9 (T6) + 2 + 2 (vhxh-nfc) + 2 (vhxh-nfd) + 2 = 17 = 13 + 3 rejected + 1 duplicate.
    assert_eq!(
        (t.read, t.accepted, t.rejected, t.duplicate),
        (17, 13, 3, 1)
    );
    // The 1200-learner class (E4) is counted: under the 5,550 people aged 15+, but over
    // the plan's 300 a class, so it is flagged.
    assert_eq!(
        problems(&c),
        vec![
            p("learners-mismatch", "T6", "E4"),
            p("learners-unusual", "T6", "E4"),
            p("learners-invalid", "T6", "E7"),
            p("learners-invalid", "T6", "E8"),
            p("subcommittee-ambiguous", "T6", "H9"),
            p("duplicate-row", "T5", "B4"),
        ]
    );
    let dup = c
        .diagnostics
        .iter()
        .find(|d| d.code() == "duplicate-row")
        .unwrap();
    assert_eq!(dup.file.as_deref(), Some("vhxh-nfd.xlsx"));
    // Legacy text comes out as Unicode NFC, and so does NFD text.
    let topics: Vec<&str> = c.classes.iter().map(|k| k.topic.as_str()).collect();
    for want in [
        "Luật Giao thông đường bộ",
        "Phòng chống sốt xuất huyết",
        "Giữ gìn bản sắc văn hoá",
    ] {
        let want: String = want.nfc().collect();
        assert!(topics.contains(&want.as_str()), "{want} in {topics:?}");
    }
    let village = &c
        .classes
        .iter()
        .find(|k| k.topic == "Luật Giao thông đường bộ")
        .unwrap()
        .village;
    assert_eq!(village, "Thôn Đông");
    // One note per legacy file: TCVN3 title 2 + headings 4 + topics 2 + villages 2 = 10
    // cells ("STT" is plain ASCII); VNI title 1 + headings 4 + topics 2 + villages 2 = 9.
    let notes: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.code() == "legacy-encoding-converted")
        .map(|d| {
            format!(
                "{}: {}",
                d.file.as_deref().unwrap(),
                d.message(tthtcd::labels::Lang::Vi)
            )
        })
        .collect();
    assert_eq!(
        notes,
        vec![
            "tcvn3.xlsx: 10 ô được gõ bằng phông chữ cũ TCVN3 (ABC, .VnTime) đã được chuyển sang Unicode",
            "vni.xlsx: 9 ô được gõ bằng phông chữ cũ VNI (VNI-Times) đã được chuyển sang Unicode",
        ]
    );
    // The instruction sheet and the hidden one of kinh-te-2019.xlsx: one line for the file,
    // naming both, not one per sheet.
    let sheet_notes: Vec<(&str, String)> = c
        .diagnostics
        .iter()
        .filter(|d| d.code() == "sheets-skipped")
        .map(|d| {
            (
                d.file.as_deref().unwrap(),
                d.message(tthtcd::labels::Lang::Vi),
            )
        })
        .collect();
    assert_eq!(
        sheet_notes,
        vec![(
            "kinh-te-2019.xlsx",
            "bỏ qua các trang không có bảng danh sách lớp: Hướng dẫn; các trang ẩn: Cũ".to_string()
        )]
    );
}

#[test]
fn the_same_content_with_inline_strings_gives_the_same_figures() {
    let shared = tempfile::tempdir().unwrap();
    let inline = tempfile::tempdir().unwrap();
    let rows = || {
        vec![
            vec![T("Tiểu ban: Môi trường")],
            vec![
                T("STT"),
                T("Tên chuyên đề"),
                T("Ngày mở lớp"),
                T("Thôn"),
                T("Số học viên"),
            ],
            vec![
                N(1.0),
                T("Phân loại rác tại nguồn"),
                D(3, 7),
                T("Thôn Đông"),
                N(70.0),
            ],
            vec![
                N(2.0),
                T("Nước sạch"),
                T("17/07/2019"),
                T("Thôn Tây"),
                T("65 người"),
            ],
        ]
    };
    book_with(
        &shared.path().join("bvmt.xlsx"),
        &[sheet("T7", rows())],
        false,
    );
    book_with(
        &inline.path().join("bvmt.xlsx"),
        &[sheet("T7", rows())],
        true,
    );
    let bytes = std::fs::read(inline.path().join("bvmt.xlsx")).unwrap();
    assert!(bytes.windows(4).any(|w| w == b"PK\x03\x04"));
    // moi-truong: 70 + 65 = 135 in 2 classes, both ways.
    for dir in [shared.path(), inline.path()] {
        let c = run(dir);
        assert_eq!(per_sub(&c)[4], (2, 135));
        assert!(problems(&c).is_empty(), "{:?}", problems(&c));
    }
}

#[test]
fn thousands_of_formatted_empty_rows_after_the_table_cost_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let border = rust_xlsxwriter::Format::new().set_border(rust_xlsxwriter::FormatBorder::Thin);
    for (c, h) in ["STT", "Tên lớp", "Ngày mở lớp", "Số học viên"]
        .iter()
        .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    ws.write(1, 0, 1).unwrap();
    ws.write(1, 1, "Luật Trẻ em").unwrap();
    ws.write(1, 2, "27/08/2019").unwrap();
    ws.write(1, 3, 42).unwrap();
    for r in 2..5000 {
        for c in 0..4 {
            ws.write_blank(r, c, &border).unwrap();
        }
    }
    wb.save(dir.path().join("phap-luat.xlsx")).unwrap();
    let c = run(dir.path());
    // One class of 42 learners; the 4998 bordered rows are blank, not candidates.
    assert_eq!(per_sub(&c)[1], (1, 42));
    assert_eq!(c.totals().read, 1);
}
