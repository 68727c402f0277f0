//! The same reports saved as .xlsx, .xls (Excel 97-2003), .ods and .xlsm give the same
//! classes. The non-xlsx fixtures are samples/ workbooks saved by LibreOffice
//! (tests/fixtures/formats/make.sh).

use std::path::{Path, PathBuf};

use tthtcd::input::discover::Format;
use tthtcd::input::grid::CellValue;
use tthtcd::input::workbook::{Outcome, read};
use tthtcd::{Config, Plan};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// (sub-committee, topic, date, learners) of every class, sorted.
fn classes(dir: &Path) -> Vec<(usize, String, String, u32)> {
    let c = tthtcd::run(&Config {
        folder: dir.to_path_buf(),
        plan: Plan::embedded(),
        plan_source: Default::default(),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap();
    assert!(c.totals().reconciles());
    assert!(!c.has_losses(), "{:?}", c.diagnostics);
    let mut v: Vec<_> = c
        .classes
        .iter()
        .map(|k| {
            (
                k.subcommittee,
                k.topic.clone(),
                k.date.to_string(),
                k.learners,
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_format_gives_the_same_classes() {
    let xlsx = tempfile::tempdir().unwrap();
    for f in [
        "phap-luat/thang-03",
        "van-hoa-xa-hoi/bao-cao-nam-2019",
        "khac/thang-02",
    ] {
        let to = xlsx.path().join(format!("{}.xlsx", f.replace('/', "-")));
        std::fs::copy(root().join("samples").join(format!("{f}.xlsx")), to).unwrap();
    }
    let want = classes(xlsx.path());
    // From the samples table: phap-luat in March 64 + 58; van-hoa-xa-hoi's year
    // workbook 45 + 60 + 52 + 66 + 38 = 261; khac in February 20 + 25 = 45.
    let learners: u32 = want.iter().map(|c| c.3).sum();
    assert_eq!((want.len(), learners), (8, 122 + 261 + 45));
    for format in ["xls", "ods", "xlsm"] {
        let got = classes(&root().join("tests/fixtures/formats").join(format));
        assert_eq!(got, want, "{format}");
    }
}

fn dates(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let Outcome::Sheets(sheets) = read(&bytes, Format::Xlsx) else {
        panic!("{} not read", path.display())
    };
    sheets
        .iter()
        .flat_map(|s| s.grid.rows.iter().flatten())
        .filter_map(|c| match c {
            CellValue::Date(d) => Some(d.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn dates_of_the_1904_system_read_as_the_same_days() {
    // calamine's own fixtures: the same dates saved in the 1900 and the 1904 systems.
    // Both hold 1 and 2 January 2021 in A1:A2 (as LibreOffice and openpyxl show them;
    // A3 is a duration, 10 days 15:10:10, not a date); their serials differ by 1,462.
    let dir = root().join("../shared/foreign-workbooks/calamine");
    let (d1900, d1904) = (
        dates(&dir.join("date.xlsx")),
        dates(&dir.join("date_1904.xlsx")),
    );
    assert_eq!(d1900, ["2021-01-01", "2021-01-02"]);
    assert_eq!(d1904, ["2021-01-01", "2021-01-02"]);
}

fn grid_of(path: &Path, format: Format) -> Vec<Vec<CellValue>> {
    let bytes = std::fs::read(path).unwrap();
    let Outcome::Sheets(sheets) = read(&bytes, format) else {
        panic!("{} not read", path.display())
    };
    sheets.into_iter().flat_map(|s| s.grid.rows).collect()
}

#[test]
fn xlsb_gives_the_same_cells_as_xlsx() {
    // calamine's fixture "date" saved as .xlsx and .xlsb by Excel: two dates, a time and
    // three numbers; the .xlsb (streamed) must read cell for cell as the .xlsx.
    let dir = root().join("../shared/foreign-workbooks/calamine");
    let (x, b) = (
        grid_of(&dir.join("date.xlsx"), Format::Xlsx),
        grid_of(&dir.join("date.xlsb"), Format::Xlsb),
    );
    assert_eq!(x, b);
    assert_eq!(
        x[0][0],
        CellValue::Date(chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap())
    );
    assert_eq!(x[0][1], CellValue::Number(15.0));
}

#[test]
fn biff5_xls_is_read() {
    // SheetJS's BIFF5 (Excel 5/95) test file: 1 2 3 / TRUE FALSE · sheetjs / foo bar
    // 19/02/2014 "0.3".
    let g = grid_of(
        &root().join("../shared/foreign-workbooks/calamine/biff5_write.xls"),
        Format::Xls,
    );
    let t = |s: &str| CellValue::Text(s.to_string());
    assert_eq!(
        g[0][..3],
        [
            CellValue::Number(1.0),
            CellValue::Number(2.0),
            CellValue::Number(3.0)
        ]
    );
    assert_eq!(g[1][3], t("sheetjs"));
    assert_eq!(
        g[2][..4],
        [
            t("foo"),
            t("bar"),
            CellValue::Date(chrono::NaiveDate::from_ymd_opt(2014, 2, 19).unwrap()),
            t("0.3")
        ]
    );
}
