//! What is counted, end to end: only the classes opened by the as-of date, and each row
//! as many classes as its "Số lớp" says. Every figure is worked out by hand from the
//! fixture beside it.

mod common;

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::V::{D, N, T};
use common::{as_the_reader_will, so_lop};

/// Runs `tthtcd consolidate` on `dir` into `out` with `--json -`: the JSON, and the
/// table printed on standard error.
fn consolidate_printing(
    dir: &Path,
    out: &Path,
    as_of: Option<&str>,
) -> (serde_json::Value, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    cmd.arg("consolidate")
        .arg(dir)
        .arg("-o")
        .arg(out)
        .args(["--json", "-"]);
    if let Some(d) = as_of {
        cmd.args(["--as-of", d]);
    }
    let o = cmd.output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (
        serde_json::from_slice(&o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn consolidate(dir: &Path, out: &Path, as_of: Option<&str>) -> serde_json::Value {
    consolidate_printing(dir, out, as_of).0
}

/// kinh-te's report of April, with a class of May in it: header in row 1, classes in
/// rows 2–4 (topics in column B).
fn april_and_may(dir: &Path) {
    std::fs::create_dir_all(dir.join("kinh-te")).unwrap();
    common::book(
        &dir.join("kinh-te/bao-cao.xlsx"),
        &[(
            "Báo cáo",
            vec![
                vec![
                    T("STT"),
                    T("Tên chuyên đề"),
                    T("Ngày mở lớp"),
                    T("Thôn"),
                    T("Số học viên"),
                ],
                vec![
                    N(1.0),
                    T("Trồng lúa lai"),
                    D(10, 4),
                    T("Thôn Đông"),
                    N(40.0),
                ],
                // On the as-of day itself: counted.
                vec![
                    N(2.0),
                    T("Nuôi cá rô phi"),
                    D(30, 4),
                    T("Thôn Tây"),
                    N(25.0),
                ],
                vec![
                    N(3.0),
                    T("Trồng rau sạch"),
                    D(15, 5),
                    T("Thôn Đông"),
                    N(60.0),
                ],
            ],
        )],
    );
}

fn cell(range: &calamine::Range<Data>, r: u32, c: u32) -> Data {
    range.get_value((r, c)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn a_class_opened_after_the_as_of_date_is_listed_not_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    april_and_may(&dir);
    let out = tmp.path().join("tong-hop.xlsx");
    let (j, table) = consolidate_printing(&dir, &out, Some("2019-04-30"));

    // Counted: 10/04 (40) and 30/04 (25) → 2 classes, 65 learners; 15/05 (60) is not.
    let t = &j["totals"];
    assert_eq!((&t["classes"], &t["learners"]), (&2.into(), &65.into()));
    // The May row is a valid row: accepted in the ledger, 3 = 3 + 0 + 0.
    assert_eq!(
        (&t["rows_read"], &t["rows_accepted"], &t["rows_rejected"]),
        (&3.into(), &3.into(), &0.into())
    );
    let kt = &j["subcommittees"][0];
    assert_eq!(kt["id"], "kinh-te");
    assert_eq!(
        (&kt["classes"]["actual"], &kt["learners"]["actual"]),
        (&2.into(), &65.into())
    );
    // Both counted classes are in quarter II; nothing is counted in May's quarter twice.
    let q2 = &j["quarters"][1];
    assert_eq!(
        (&q2["classes"]["actual"], &q2["learners"]["actual"]),
        (&2.into(), &65.into())
    );
    // One note, info, at the May row's topic cell B4, saying it is not counted yet.
    let later: Vec<&serde_json::Value> = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "after-as-of")
        .collect();
    assert_eq!(later.len(), 1, "{:#?}", j["issues"]);
    assert_eq!(later[0]["severity"], "info");
    assert_eq!(later[0]["cell"], "B4");
    let message = later[0]["message"].as_str().unwrap();
    assert!(
        message.contains("15/05/2019") && message.contains("chưa tính"),
        "{message}"
    );

    // The table says so beside the rows accepted.
    assert!(
        table.contains("3 được tính (trong đó 1 dòng là lớp mở sau ngày báo cáo, chưa tính)"),
        "{table}"
    );

    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let summary = wb.worksheet_range("Tổng hợp").unwrap();
    // The subtitle under the title (row 5): the date the figures are as of.
    assert_eq!(
        cell(&summary, 4, 0),
        Data::String("(Tính đến ngày 30/04/2019)".into())
    );
    // Danh sách lớp: the two counted classes only (heading in row 4, classes from 5).
    let list = wb.worksheet_range("Danh sách lớp").unwrap();
    let topics: Vec<Data> = (4..7).map(|r| cell(&list, r, 2)).collect();
    assert_eq!(
        topics,
        [
            Data::String("Trồng lúa lai".into()),
            Data::String("Nuôi cá rô phi".into()),
            Data::Empty
        ]
    );
    // Theo tháng: the classes block has kinh-te in row 6 (0-based 5), January in column
    // C (2); April (F) holds 2, May (G) to December (N) hold nothing at all, in the
    // sub-committee's row, the total row (0-based 11) and the running total (12). The
    // learners block starts 12 rows lower: April 65, May onwards empty.
    let months = wb.worksheet_range("Theo tháng").unwrap();
    assert_eq!(cell(&months, 5, 5), Data::Float(2.0));
    assert_eq!(cell(&months, 17, 5), Data::Float(65.0));
    for r in [5, 11, 12, 17, 23, 24] {
        for c in 6..=13 {
            assert_eq!(cell(&months, r, c), Data::Empty, "row {r} column {c}");
        }
    }
    // Running total at April: 2 classes, 65 learners.
    assert_eq!(cell(&months, 12, 5), Data::Float(2.0));
    assert_eq!(cell(&months, 24, 5), Data::Float(65.0));
}

#[test]
fn at_year_end_the_same_folder_counts_the_may_class() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    april_and_may(&dir);
    let j = consolidate(&dir, &tmp.path().join("tong-hop.xlsx"), None);
    // 40 + 25 + 60 = 125 learners in 3 classes; no note about the as-of date.
    let t = &j["totals"];
    assert_eq!((&t["classes"], &t["learners"]), (&3.into(), &125.into()));
    assert!(
        !j["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["code"] == "after-as-of")
    );
}

/// The row of `range` whose column B reads `name` (0-based).
fn row_named(range: &calamine::Range<Data>, name: &str) -> u32 {
    (0..range.end().map_or(0, |e| e.0 + 1))
        .find(|r| cell(range, *r, 1) == Data::String(name.into()))
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[test]
fn so_lop_is_a_column_of_the_class_list_and_the_summaries_sum_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    so_lop(&dir);
    let mut c = common::run(&dir);
    as_the_reader_will(&mut c);
    // The figures of so_lop's table.
    assert_eq!(common::per_sub(&c)[..2], [(6, 170), (5, 155)]);
    let out = tmp.path().join("tong-hop.xlsx");
    let bytes = tthtcd::report::workbook::workbook_bytes(&c, tthtcd::labels::Lang::Vi).unwrap();
    std::fs::write(&out, bytes).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();

    // Danh sách lớp: heading in row 4, "Số lớp" in column G; each row once, in plan
    // order then by date: kinh-te 10/03 (3), 12/03 (1), 15/04 (2); phap-luat 05/02 (4),
    // 20/05 (1).
    let list = wb.worksheet_range("Danh sách lớp").unwrap();
    assert_eq!(cell(&list, 3, 6), Data::String("Số lớp".into()));
    assert_eq!(cell(&list, 3, 7), Data::String("Số lượt học viên".into()));
    let rows: Vec<(Data, Data, Data)> = (4..10)
        .map(|r| (cell(&list, r, 2), cell(&list, r, 6), cell(&list, r, 7)))
        .collect();
    let f = |n: f64| Data::Float(n);
    let t = |s: &str| Data::String(s.into());
    assert_eq!(
        rows,
        [
            (t("Trồng lúa lai"), f(3.0), f(90.0)),
            (t("Nuôi cá rô phi"), f(1.0), f(30.0)),
            (t("Trồng rau sạch"), f(2.0), f(50.0)),
            (t("Luật Giao thông"), f(4.0), f(120.0)),
            (t("Luật Đất đai"), f(1.0), f(35.0)),
            (Data::Empty, Data::Empty, Data::Empty),
        ]
    );

    // Tổng hợp: done (column E) is a SUMIFS over Số lớp with its value stored: 6 and 5;
    // learners (column I) 170 and 155; the total row 11 and 325.
    let summary = wb.worksheet_range("Tổng hợp").unwrap();
    let formulas = wb.worksheet_formula("Tổng hợp").unwrap();
    let kt = row_named(&summary, "Tiểu ban phát triển kinh tế");
    assert_eq!(
        (cell(&summary, kt, 4), cell(&summary, kt, 8)),
        (f(6.0), f(170.0))
    );
    assert_eq!(
        (cell(&summary, kt + 1, 4), cell(&summary, kt + 1, 8)),
        (f(5.0), f(155.0))
    );
    assert_eq!(
        (cell(&summary, kt + 6, 4), cell(&summary, kt + 6, 8)),
        (f(11.0), f(325.0))
    );
    let formula = formulas.get_value((kt, 4)).cloned().unwrap_or_default();
    assert_eq!(
        formula,
        format!(
            "SUMIFS('Danh sách lớp'!$G$5:$G$9,'Danh sách lớp'!$B$5:$B$9,$B{})",
            kt + 1
        )
    );

    // Theo quý: quarter I 8 classes / 240, quarter II 3 / 85 (rows 6 and 7, 0-based 5, 6).
    let quarters = wb.worksheet_range("Theo quý").unwrap();
    assert_eq!(
        (cell(&quarters, 5, 4), cell(&quarters, 5, 8)),
        (f(8.0), f(240.0))
    );
    assert_eq!(
        (cell(&quarters, 6, 4), cell(&quarters, 6, 8)),
        (f(3.0), f(85.0))
    );

    // Theo tháng: kinh-te (0-based row 5) in March (column E) 3 + 1 = 4 classes, April
    // 2; phap-luat (row 6) in February 4, May 1. Learners block 12 rows lower.
    let months = wb.worksheet_range("Theo tháng").unwrap();
    assert_eq!(
        [(5, 4), (5, 5), (6, 3), (6, 6)].map(|(r, c)| cell(&months, r, c)),
        [f(4.0), f(2.0), f(4.0), f(1.0)]
    );
    assert_eq!(
        [(17, 4), (17, 5), (18, 3), (18, 6)].map(|(r, c)| cell(&months, r, c)),
        [f(120.0), f(50.0), f(120.0), f(35.0)]
    );
}

#[test]
fn english_labels_name_the_class_count_column() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    so_lop(&dir);
    let mut c = common::run(&dir);
    as_the_reader_will(&mut c);
    let out = tmp.path().join("summary.xlsx");
    let bytes = tthtcd::report::workbook::workbook_bytes(&c, tthtcd::labels::Lang::En).unwrap();
    std::fs::write(&out, bytes).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let name = tthtcd::labels::l::SHEET_CLASSES.get(tthtcd::labels::Lang::En);
    let list = wb.worksheet_range(name).unwrap();
    assert_eq!(cell(&list, 3, 6), Data::String("Classes".into()));
    // kinh-te's first row (10/03) stands for 3 classes.
    assert_eq!(cell(&list, 4, 6), Data::Float(3.0));
}

#[test]
fn so_lop_rows_count_as_their_classes_in_a_whole_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    so_lop(&dir);
    let out = tmp.path().join("tong-hop.xlsx");
    let j = consolidate(&dir, &out, None);
    // so_lop's table: 11 classes, 325 learners from 5 rows, all accepted.
    let t = &j["totals"];
    assert_eq!((&t["classes"], &t["learners"]), (&11.into(), &325.into()));
    assert_eq!(
        (&t["rows_read"], &t["rows_accepted"]),
        (&5.into(), &5.into())
    );
    let per_sub: Vec<(u64, u64)> = j["subcommittees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["classes"]["actual"].as_u64().unwrap(),
                s["learners"]["actual"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        per_sub,
        [(6, 170), (5, 155), (0, 0), (0, 0), (0, 0), (0, 0)]
    );
    let q: Vec<u64> = j["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["classes"]["actual"].as_u64().unwrap())
        .collect();
    assert_eq!(q, [8, 3, 0, 0]);
    // Danh sách lớp shows each row once, with its Số lớp: 3, 1, 2, 4, 1.
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let list = wb.worksheet_range("Danh sách lớp").unwrap();
    let so_lop: Vec<Data> = (4..10).map(|r| cell(&list, r, 6)).collect();
    assert_eq!(
        so_lop,
        [3.0, 1.0, 2.0, 4.0, 1.0]
            .map(Data::Float)
            .into_iter()
            .chain([Data::Empty])
            .collect::<Vec<_>>()
    );
}
