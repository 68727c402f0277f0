//! What is counted, end to end: only the classes opened by the as-of date, and each row
//! as many classes as its "Số lớp" says. Every figure is worked out by hand from the
//! fixture beside it.

mod common;

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::V::{D, N, T};

/// Runs `tthtcd consolidate` on `dir` into `out.xlsx` beside it, with `--json -`.
fn consolidate(dir: &Path, out: &Path, as_of: Option<&str>) -> serde_json::Value {
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
    serde_json::from_slice(&o.stdout).unwrap()
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
    let j = consolidate(&dir, &out, Some("2019-04-30"));

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
