//! Workbooks laid out the way other people lay them out, consolidated through the
//! library. Each expected figure is worked out by hand from the fixture in the test.

mod common;

use std::path::Path;

use common::V::{D, E, F, N, T};
use common::{book, p, per_quarter, per_sub, problems, run};
use tthtcd::FileStatus;

/// Pháp luật, March: title block, "Số học viên" over "Tổng số | Nữ", column numbers,
/// a "Cộng" row with SUM formulas, and a signature block.
fn phap_luat(dir: &Path) {
    book(
        &dir.join("phap-luat-thang-3.xlsx"),
        &[(
            "Tháng 3",
            vec![
                vec![
                    T("UBND XÃ HỒNG THÁI TÂY"),
                    E,
                    E,
                    E,
                    T("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ],
                vec![
                    T("TRUNG TÂM HỌC TẬP CỘNG ĐỒNG"),
                    E,
                    E,
                    E,
                    T("Độc lập - Tự do - Hạnh phúc"),
                ],
                vec![],
                vec![E, T("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019")],
                vec![E, T("Tiểu ban: Pháp luật")],
                vec![],
                vec![
                    T("STT"),
                    T("Tên chuyên đề"),
                    T("Ngày mở lớp"),
                    T("Địa điểm"),
                    T("Số học viên"),
                    E,
                    T("Báo cáo viên"),
                    T("Ghi chú"),
                ],
                vec![E, E, E, E, T("Tổng số"), T("Nữ")],
                vec![
                    T("(1)"),
                    T("(2)"),
                    T("(3)"),
                    T("(4)"),
                    T("(5)"),
                    T("(6)"),
                    T("(7)"),
                    T("(8)"),
                ],
                vec![
                    N(1.0),
                    T("Luật Giao thông đường bộ"),
                    D(5, 3),
                    T("Thôn Đông"),
                    N(45.0),
                    N(20.0),
                    T("Nguyễn Văn A"),
                ],
                vec![
                    N(2.0),
                    T("Luật Hôn nhân và gia đình"),
                    D(12, 3),
                    T("Thôn Tây"),
                    N(38.0),
                    N(25.0),
                    T("Trần Thị B"),
                ],
                vec![],
                vec![
                    N(3.0),
                    T("Luật Đất đai"),
                    D(26, 3),
                    T("Thôn Bắc"),
                    N(52.0),
                    N(18.0),
                    T("Nguyễn Văn A"),
                ],
                vec![
                    E,
                    T("Cộng"),
                    E,
                    E,
                    F("=SUM(E10:E13)", 135.0),
                    F("=SUM(F10:F13)", 63.0),
                ],
                vec![],
                vec![E, E, E, E, T("Hồng Thái Tây, ngày 30 tháng 3 năm 2019")],
                vec![E, T("NGƯỜI LẬP BIỂU"), E, E, E, T("GIÁM ĐỐC")],
                vec![E, T("Trần Thị B"), E, E, E, T("Lê Văn C")],
            ],
        )],
    );
}

/// Kinh tế (named only by the file), two month sheets, header in row 1, headings in
/// other words, text dates and counts typed as text.
fn kinh_te(dir: &Path) {
    book(
        &dir.join("Kinh te.xlsx"),
        &[
            (
                "T1",
                vec![
                    vec![
                        T("TT"),
                        T("Nội dung"),
                        T("Thời gian"),
                        T("Thôn"),
                        T("So HV"),
                        T("Giáo viên"),
                    ],
                    vec![
                        N(1.0),
                        T("Kỹ thuật trồng lúa lai"),
                        T("08/01/2019"),
                        T("Thôn Đông"),
                        T("60"),
                        T("Lê Văn C"),
                    ],
                    vec![
                        N(2.0),
                        T("Chăn nuôi lợn an toàn sinh học"),
                        T("22/1/2019"),
                        T("Thôn Nam"),
                        T("1.200 người"),
                    ],
                    vec![],
                    vec![E, T("Tổng cộng"), E, E, F("=E2+E3", 1260.0)],
                ],
            ),
            (
                "T2",
                vec![
                    vec![
                        T("TT"),
                        T("Nội dung"),
                        T("Thời gian"),
                        T("Thôn"),
                        T("So HV"),
                        T("Giáo viên"),
                    ],
                    vec![
                        N(1.0),
                        T("Trồng nấm rơm"),
                        T("ngày 5 tháng 2 năm 2019"),
                        T("Thôn Bắc"),
                        N(35.0),
                    ],
                    vec![
                        N(2.0),
                        T("Nuôi cá nước ngọt"),
                        T("31/02/2019"),
                        T("Thôn Bắc"),
                        N(40.0),
                    ],
                    vec![
                        N(3.0),
                        T("Phòng bệnh cho gà"),
                        T("15/02/2019"),
                        T("Thôn Đông"),
                        T("bốn mươi"),
                    ],
                ],
            ),
        ],
    );
}

/// Several sub-committees in a column, Nam and Nữ without a total, columns reordered.
fn quy_2(dir: &Path) {
    book(
        &dir.join("tong-hop-quy-2.xlsx"),
        &[(
            "Quý II",
            vec![
                vec![T("Tổng hợp các lớp quý II")],
                vec![],
                vec![
                    T("Tiểu ban"),
                    T("Ngày"),
                    T("Tên lớp"),
                    T("Nam"),
                    T("Nữ"),
                    T("Thôn"),
                    T("Ghi chú"),
                ],
                vec![
                    T("VHXH"),
                    D(3, 4),
                    T("Dân ca quan họ"),
                    N(10.0),
                    N(30.0),
                    T("Thôn Tây"),
                ],
                vec![
                    T("Sức khỏe"),
                    D(14, 5),
                    T("Phòng chống sốt xuất huyết"),
                    N(20.0),
                    N(35.0),
                    T("Thôn Nam"),
                ],
                vec![
                    T("Môi trường"),
                    D(20, 6),
                    T("Phân loại rác tại nguồn"),
                    N(25.0),
                    N(25.0),
                    T("Thôn Đông"),
                ],
                vec![
                    T("Quốc phòng"),
                    D(21, 6),
                    T("Giáo dục quốc phòng"),
                    N(30.0),
                    N(5.0),
                    T("Thôn Đông"),
                ],
                vec![
                    T("Sức khỏe"),
                    D(14, 5),
                    T("Phòng chống  sốt xuất huyết"),
                    N(20.0),
                    N(35.0),
                    T("Thôn Nam"),
                    T("báo lại"),
                ],
                vec![
                    T("Khác"),
                    D(20, 12),
                    T("Tin học cơ bản"),
                    N(12.0),
                    N(8.0),
                    T("Thôn Tây"),
                ],
            ],
        )],
    );
}

#[test]
fn workbooks_laid_out_by_others_give_the_hand_counted_figures() {
    let dir = tempfile::tempdir().unwrap();
    phap_luat(dir.path());
    kinh_te(dir.path());
    quy_2(dir.path());
    let c = run(dir.path());
    // kinh-te: 60 + 1200 (T1) + 35 (T2; 31/02 and "bốn mươi" rejected) = 1295, 3 classes.
    // phap-luat: 45 + 38 + 52 = 135 (the "Cộng" row and the signature are not classes).
    // From the column: VHXH 10+30 = 40; Sức khỏe 20+35 = 55 (its repeat, with the
    // topic's double space, is a duplicate); Môi trường 25+25 = 50; "Quốc phòng" is not
    // in the plan; the Khác class is dated 2018: rejected.
    assert_eq!(
        per_sub(&c),
        vec![(3, 1295), (3, 135), (1, 40), (1, 55), (1, 50), (0, 0)]
    );
    // Quarter I: kinh-te 3 / 1295 and phap-luat 3 / 135 → 6 / 1430; quarter II: 3 / 145.
    assert_eq!(per_quarter(&c), vec![(6, 1430), (3, 145), (0, 0), (0, 0)]);
    let t = c.totals();
    // Rows: 5 (Kinh te) + 3 (phap-luat) + 6 (quy-2) = 14 = 9 accepted + 4 rejected + 1 duplicate.
    assert_eq!((t.read, t.accepted, t.rejected, t.duplicate), (14, 9, 4, 1));
    let problems: Vec<(&str, &str, &str, &str)> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity() != tthtcd::diagnostics::Severity::Info)
        .map(|d| {
            (
                d.code(),
                d.file.as_deref().unwrap(),
                d.sheet.as_deref().unwrap(),
                d.cell.as_deref().unwrap(),
            )
        })
        .collect();
    // "1.200 người" is twelve hundred: fewer than the 5,550 people aged 15+, so it is
    // counted, but above the plan's 300 a class, so a person is asked to look.
    assert_eq!(
        problems,
        vec![
            ("learners-unusual", "Kinh te.xlsx", "T1", "E3"),
            ("date-impossible", "Kinh te.xlsx", "T2", "C3"),
            ("learners-invalid", "Kinh te.xlsx", "T2", "E4"),
            (
                "subcommittee-unknown",
                "tong-hop-quy-2.xlsx",
                "Quý II",
                "A7"
            ),
            ("duplicate-row", "tong-hop-quy-2.xlsx", "Quý II", "C8"),
            ("date-out-of-year", "tong-hop-quy-2.xlsx", "Quý II", "B9"),
        ]
    );
    let msg = c
        .diagnostics
        .iter()
        .find(|d| d.code() == "learners-invalid")
        .unwrap()
        .message(tthtcd::labels::Lang::Vi);
    assert_eq!(msg, "Ô E4: số học viên 'bốn mươi' không phải là số");
}

#[test]
fn unreadable_and_foreign_files_are_listed_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    phap_luat(dir.path());
    std::fs::write(dir.path().join("rong.xlsx"), b"").unwrap();
    std::fs::write(
        dir.path().join("bao-cao.xlsx"),
        "STT,Tên lớp,Số học viên\n1,Luật,40\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "xin chào").unwrap();
    std::fs::write(dir.path().join("~$phap-luat-thang-3.xlsx"), b"lock").unwrap();
    std::fs::copy(
        dir.path().join("phap-luat-thang-3.xlsx"),
        dir.path().join("phap-luat-thang-3 (1).xlsx"),
    )
    .unwrap();
    let c = run(dir.path());
    let files: Vec<(&str, FileStatus, String)> = c
        .files
        .iter()
        .map(|f| {
            let reason = f
                .reason
                .as_ref()
                .map(|p| p.message(tthtcd::labels::Lang::Vi));
            (f.path.as_str(), f.status, reason.unwrap_or_default())
        })
        .collect();
    assert_eq!(
        files,
        vec![
            ("bao-cao.xlsx", FileStatus::Failed, "tệp mang đuôi bảng tính nhưng thực chất là một tệp CSV (văn bản phân cách bằng dấu phẩy)".into()),
            ("ghi-chu.txt", FileStatus::Skipped, "không phải bảng tính (tệp .txt)".into()),
            // The copy is read after its original, so the copy is the duplicate.
            ("phap-luat-thang-3.xlsx", FileStatus::Read, String::new()),
            ("phap-luat-thang-3 (1).xlsx", FileStatus::Duplicate, "giống hệt tệp 'phap-luat-thang-3.xlsx', chỉ tính một lần".into()),
            ("rong.xlsx", FileStatus::Failed, "tệp rỗng (0 byte)".into()),
            ("~$phap-luat-thang-3.xlsx", FileStatus::Skipped, "tệp khóa tạm của Excel/LibreOffice, không phải báo cáo".into()),
        ]
    );
    // The same 3 classes, 135 learners, as the good file alone.
    assert_eq!(per_sub(&c)[1], (3, 135));
    assert_eq!(c.summary.classes.actual, 3);
    assert!(c.has_losses());
}

/// Sức khỏe, May: a three-row heading — "Số học viên" over "Tổng số | Trong đó", and
/// "Trong đó" over "Nam | Nữ | Dân tộc thiểu số" — as many district forms have it.
fn suc_khoe_three_row_heading(dir: &Path) {
    book(
        &dir.join("suc-khoe-thang-5.xlsx"),
        &[(
            "T5",
            vec![
                vec![T("TRUNG TÂM HỌC TẬP CỘNG ĐỒNG XÃ HỒNG THÁI TÂY")],
                vec![E, T("Tiểu ban chăm sóc sức khỏe")],
                vec![
                    T("STT"),
                    T("Tên lớp"),
                    T("Ngày mở lớp"),
                    T("Địa điểm"),
                    T("Số học viên"),
                    E,
                    E,
                    E,
                    T("Báo cáo viên"),
                ],
                vec![E, E, E, E, T("Tổng số"), T("Trong đó"), E, E, E],
                vec![E, E, E, E, E, T("Nam"), T("Nữ"), T("Dân tộc thiểu số"), E],
                vec![
                    N(1.0),
                    T("Phòng chống sốt xuất huyết"),
                    D(6, 5),
                    T("Thôn Đông"),
                    N(60.0),
                    N(25.0),
                    N(35.0),
                    N(4.0),
                    T("BS. A"),
                ],
                vec![
                    N(2.0),
                    T("Dinh dưỡng cho trẻ em"),
                    D(15, 5),
                    T("Thôn Tây"),
                    N(48.0),
                    N(10.0),
                    N(38.0),
                    N(0.0),
                    T("BS. B"),
                ],
                vec![
                    N(3.0),
                    T("Sơ cứu ban đầu"),
                    D(22, 5),
                    T("Thôn Bắc"),
                    N(50.0),
                    N(20.0),
                    N(28.0),
                    N(2.0),
                    T("YS. C"),
                ],
                vec![
                    E,
                    T("Cộng"),
                    E,
                    E,
                    F("=SUM(E6:E8)", 158.0),
                    F("=SUM(F6:F8)", 55.0),
                    F("=SUM(G6:G8)", 101.0),
                ],
            ],
        )],
    );
}

#[test]
fn a_three_row_heading_reads_total_men_and_women_from_the_right_columns() {
    let dir = tempfile::tempdir().unwrap();
    suc_khoe_three_row_heading(dir.path());
    let c = run(dir.path());
    // Sức khỏe: 3 classes, 60 + 48 + 50 = 158 learners; nothing else.
    assert_eq!(
        per_sub(&c),
        vec![(0, 0), (0, 0), (0, 0), (3, 158), (0, 0), (0, 0)]
    );
    // Men 25, 10, 20 and women 35, 38, 28 come from the third heading row's columns.
    let split: Vec<(Option<u32>, Option<u32>)> =
        c.classes.iter().map(|k| (k.male, k.female)).collect();
    assert_eq!(
        split,
        vec![
            (Some(25), Some(35)),
            (Some(10), Some(38)),
            (Some(20), Some(28))
        ]
    );
    // The heading rows are not read as classes: 3 rows read, all accepted. The third
    // class's 20 + 28 = 48 is not its total of 50 (cell E8), and the ethnic-minority
    // column is listed as not used.
    let t = c.totals();
    assert_eq!((t.read, t.accepted, t.rejected, t.duplicate), (3, 3, 0, 0));
    assert_eq!(problems(&c), vec![p("learners-mismatch", "T5", "E8")]);
    let ignored = c.diagnostics.iter().find_map(|d| match &d.problem {
        tthtcd::diagnostics::Problem::Table(
            tthtcd::diagnostics::TableProblem::ColumnsIgnored { names },
        ) => Some(names.clone()),
        _ => None,
    });
    assert_eq!(ignored, Some(vec!["Dân tộc thiểu số".to_string()]));
}
