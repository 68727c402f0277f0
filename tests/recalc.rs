//! The summary sheets are formulas over Danh sách lớp, with their values stored: opened
//! in LibreOffice and recalculated, they give the tool's own figures, and a learners
//! figure corrected in Danh sách lớp moves the summary. Needs LibreOffice (`soffice`);
//! .ci/run installs libreoffice-calc-nogui when it is missing.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

/// Converts every sheet of `xlsx` to CSV with LibreOffice, recalculating all formulas on
/// load (a throw-away profile sets OOXMLRecalcMode to "always").
fn recalculated_csv(xlsx: &Path, work: &Path) -> Vec<(String, String)> {
    let profile = work.join("profile/user");
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::write(
        profile.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let out = work.join("csv");
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.join("profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        ])
        .arg("--outdir")
        .arg(&out)
        .arg(xlsx)
        .output()
        .expect(
            "LibreOffice (soffice) is needed for this test: apt-get install libreoffice-calc-nogui",
        );
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut sheets: Vec<(String, String)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    sheets.sort();
    sheets
}

fn sheet<'a>(sheets: &'a [(String, String)], name: &str) -> &'a str {
    &sheets
        .iter()
        .find(|(n, _)| n.ends_with(&format!("-{name}.csv")))
        .unwrap_or_else(|| panic!("no sheet {name}"))
        .1
}

/// The row of a CSV whose second field is `label`.
fn row<'a>(csv: &'a str, label: &str) -> Vec<&'a str> {
    csv.lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f.get(1) == Some(&label))
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// Rewrites one value of a worksheet part inside the xlsx (a secretary's correction).
fn patch(xlsx: &Path, part: &str, from: &str, to: &str) -> PathBuf {
    let patched = xlsx.with_file_name("patched.xlsx");
    let mut zin = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(&patched).unwrap());
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == part {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(from), "{from} not in {part}");
            bytes = text.replacen(from, to, 1).into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
    patched
}

#[test]
fn libreoffice_recalculates_the_tool_s_figures_and_follows_a_correction() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tong-hop.xlsx");
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args([
            "consolidate",
            samples.to_str().unwrap(),
            "-o",
            xlsx.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success());

    let sheets = recalculated_csv(&xlsx, &dir.path().join("a"));
    let summary = sheet(&sheets, "Tổng hợp");
    // Done (classes, learners) per sub-committee after recalculation: the figures of
    // tests/samples.rs — 8/820, 5/353, 5/261, 7/475, 3/293, 3/110; total 31/2312.
    let done = |name: &str| {
        let r = row(summary, name);
        (r[4].to_string(), r[8].to_string())
    };
    assert_eq!(
        done("Tiểu ban phát triển kinh tế"),
        ("8".into(), "820".into())
    );
    assert_eq!(
        done("Tiểu ban chăm sóc sức khỏe"),
        ("7".into(), "475".into())
    );
    assert_eq!(done("Các chương trình khác"), ("3".into(), "110".into()));
    let quarters = sheet(&sheets, "Theo quý");
    let q1 = row(quarters, "Quý I");
    assert_eq!((q1[4], q1[8]), ("21", "1609"));
    let months = sheet(&sheets, "Theo tháng");
    // kinh-te in January: 2 classes (110 + 95 learners).
    assert_eq!(row(months, "Tiểu ban phát triển kinh tế")[2], "2");

    // Correct the first class of Danh sách lớp (kinh-te, 10/01, 110 learners) to 1110:
    // the summary follows, 820 + 1000 = 1820; quarter I 1609 + 1000 = 2609.
    let patched = patch(
        &xlsx,
        "xl/worksheets/sheet4.xml",
        "<v>110</v>",
        "<v>1110</v>",
    );
    let sheets = recalculated_csv(&patched, &dir.path().join("b"));
    let r = row(sheet(&sheets, "Tổng hợp"), "Tiểu ban phát triển kinh tế");
    assert_eq!(r[8], "1820");
    assert_eq!(row(sheet(&sheets, "Theo quý"), "Quý I")[8], "2609");
}

/// The fields of a CSV as LibreOffice writes it: `,` between fields, `"` around a field
/// that holds a comma, a quote or a line break, `""` for a quote inside one.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted) = (vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The summary sheets, each a table of figures over Danh sách lớp.
const FIGURE_SHEETS: [&str; 3] = ["Tổng hợp", "Theo quý", "Theo tháng"];

/// A cell whose stored value differs from LibreOffice's recalculation.
#[derive(Debug, PartialEq)]
struct Drift {
    sheet: String,
    /// 0-based (row, column).
    at: (u32, u32),
    stored: String,
    recalculated: String,
}

/// Every figure cell of the summary sheets of `xlsx` — every number and every formula
/// — against its value after LibreOffice recalculated the workbook. Returns the cells
/// that differ and how many cells were compared.
fn drift(xlsx: &Path, work: &Path) -> (Vec<Drift>, usize) {
    drift_in(xlsx, work, &FIGURE_SHEETS)
}

/// [`drift`] over the given sheets of `xlsx`.
fn drift_in(xlsx: &Path, work: &Path, sheets: &[&str]) -> (Vec<Drift>, usize) {
    let csv = recalculated_csv(xlsx, work);
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let (mut drifts, mut compared) = (vec![], 0);
    for &name in sheets {
        let recalculated = parse_csv(sheet(&csv, name));
        let values = wb.worksheet_range(name).unwrap();
        let formulas = wb.worksheet_formula(name).unwrap();
        let absolute = |range_start: Option<(u32, u32)>, r: usize, c: usize| {
            let (r0, c0) = range_start.unwrap_or((0, 0));
            (r0 + r as u32, c0 + c as u32)
        };
        let mut cells: Vec<(u32, u32)> = values
            .cells()
            .filter(|(_, _, v)| matches!(v, Data::Float(_) | Data::Int(_)))
            .map(|(r, c, _)| absolute(values.start(), r, c))
            .chain(
                formulas
                    .cells()
                    .filter(|(_, _, f)| !f.is_empty())
                    .map(|(r, c, _)| absolute(formulas.start(), r, c)),
            )
            .collect();
        cells.sort_unstable();
        cells.dedup();
        for (r, c) in cells {
            compared += 1;
            let stored = values.get_value((r, c)).cloned().unwrap_or(Data::Empty);
            let got = recalculated
                .get(r as usize)
                .and_then(|row| row.get(c as usize))
                .cloned()
                .unwrap_or_default();
            let same = match &stored {
                Data::Float(x) => {
                    number(&got).is_some_and(|y| (x - y).abs() <= 1e-9 * x.abs().max(1.0))
                }
                Data::Int(x) => number(&got).is_some_and(|y| *x as f64 == y),
                Data::String(t) => *t == got,
                Data::Empty => got.is_empty(),
                _ => false,
            };
            if !same {
                drifts.push(Drift {
                    sheet: name.to_string(),
                    at: (r, c),
                    stored: format!("{stored:?}"),
                    recalculated: got,
                });
            }
        }
    }
    (drifts, compared)
}

/// A number of the CSV: LibreOffice writes a percentage-formatted cell with its sign
/// ("47.0666666666667%") even when not asked for values as shown.
fn number(field: &str) -> Option<f64> {
    match field.strip_suffix('%') {
        Some(p) => p.parse::<f64>().ok().map(|p| p / 100.0),
        None => field.parse().ok(),
    }
}

/// Runs `tthtcd consolidate FOLDER -o OUT` with `extra` arguments.
fn consolidate(folder: &Path, out: &Path, extra: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .arg("consolidate")
        .arg(folder)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The figure cells of the summary sheets of the 2019 plan (six sub-committees), by hand:
/// Tổng hợp 6 rows of STT + 8 figures (54), a total row of 8, and 4 participation cells
/// (learners, population, rate, planned rate): 66. Theo quý 4 rows of STT + 8 (36) and a
/// total of 8: 44. Theo tháng, per block (classes, learners), 6 rows of STT + one cell a
/// month shown + the year, the total row's months + year, and the running total's
/// months: at year end 6 × 14 + 13 + 12 = 109 a block, 218 in all; as of 30 April
/// (4 months shown) 6 × 6 + 5 + 4 = 45 a block, 90 in all.
const FIGURES_AT_YEAR_END: usize = 66 + 44 + 218;
const FIGURES_AS_OF_APRIL: usize = 66 + 44 + 90;

#[test]
fn every_figure_of_the_summary_sheets_is_what_libreoffice_recalculates_on_samples() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tong-hop.xlsx");
    consolidate(&samples, &xlsx, &[]);
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AT_YEAR_END);

    // The comparison does see a stored figure that is wrong: a learners figure of
    // Danh sách lớp changed by hand (110 → 1110) leaves Tổng hợp's stored 820 for
    // kinh-te, which LibreOffice recalculates to 1820.
    let patched = patch(
        &xlsx,
        "xl/worksheets/sheet4.xml",
        "<v>110</v>",
        "<v>1110</v>",
    );
    let (drifts, _) = drift(&patched, &dir.path().join("b"));
    assert!(
        drifts.iter().any(|d| d.sheet == "Tổng hợp"
            && d.stored == "Float(820.0)"
            && d.recalculated == "1820"),
        "{drifts:#?}"
    );
}

#[test]
fn every_figure_recalculates_as_of_the_end_of_april_on_samples() {
    // Mid-year: targets pro-rated, May's classes left out, May–December of Theo tháng
    // empty.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tong-hop.xlsx");
    consolidate(&samples, &xlsx, &["--as-of", "2019-04-30"]);
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AS_OF_APRIL);
}

#[test]
fn every_figure_recalculates_with_so_lop_rows_as_of_the_end_of_april() {
    // common::so_lop's reports, with the Số lớp the reader will give them set by hand,
    // as of 30 April: phap-luat's class of 20 May is left out. By hand: kinh-te
    // 3 + 1 + 2 = 6 classes, 170 learners; phap-luat 4 classes, 120; quarter I
    // 3 + 1 + 4 = 8 classes, quarter II 2.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    common::so_lop(&input);
    let mut c = tthtcd::run(&tthtcd::Config {
        folder: input,
        plan: tthtcd::Plan::embedded(),
        plan_source: Default::default(),
        as_of: chrono::NaiveDate::from_ymd_opt(2019, 4, 30),
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap();
    common::as_the_reader_will(&mut c);
    let xlsx = dir.path().join("tong-hop.xlsx");
    let bytes = tthtcd::report::workbook::workbook_bytes(&c, tthtcd::labels::Lang::Vi).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AS_OF_APRIL);
    let sheets = recalculated_csv(&xlsx, &dir.path().join("b"));
    let summary = sheet(&sheets, "Tổng hợp");
    let done = |name: &str| {
        let r = row(summary, name);
        (r[4].to_string(), r[8].to_string())
    };
    assert_eq!(
        done("Tiểu ban phát triển kinh tế"),
        ("6".into(), "170".into())
    );
    assert_eq!(done("Tiểu ban pháp luật"), ("4".into(), "120".into()));
    let quarters = sheet(&sheets, "Theo quý");
    assert_eq!(row(quarters, "Quý I")[4], "8");
    assert_eq!(row(quarters, "Quý II")[4], "2");
}

#[test]
fn every_figure_recalculates_with_so_lop_read_from_the_reports() {
    // The same reports read end to end, at year end: kinh-te 6 classes / 170 learners,
    // phap-luat 4 + 1 = 5 / 155 (common::so_lop's table).
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    common::so_lop(&input);
    let xlsx = dir.path().join("tong-hop.xlsx");
    consolidate(&input, &xlsx, &[]);
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AT_YEAR_END);
    let sheets = recalculated_csv(&xlsx, &dir.path().join("b"));
    let summary = sheet(&sheets, "Tổng hợp");
    let r = row(summary, "Tiểu ban phát triển kinh tế");
    assert_eq!((r[4], r[8]), ("6", "170"));
    let r = row(summary, "Tiểu ban pháp luật");
    assert_eq!((r[4], r[8]), ("5", "155"));
}

/// Two reports with classes on both sides of 30 June (headers in row 1, no Số lớp
/// column, so each row is one class):
///
/// | sub-committee | topic           | date  | learners |                              |
/// |---------------|-----------------|-------|---------:|------------------------------|
/// | kinh-te       | Trồng lúa       | 04/03 | 40       |                              |
/// | kinh-te       | Nuôi cá         | 18/03 | 35       |                              |
/// | kinh-te       | Trồng rau sạch  | 12/09 | 60       | after 30 June: not counted   |
/// | phap-luat     | Luật Giao thông | 05/02 | 30       |                              |
/// | phap-luat     | Luật Đất đai    | 30/06 | 45       | the as-of day itself: counted|
/// | phap-luat     | Luật Hôn nhân   | 01/07 | 50       | the day after: not counted   |
fn either_side_of_june(dir: &Path) {
    use common::V::{D, N, T};
    let header = || {
        vec![
            T("STT"),
            T("Tên chuyên đề"),
            T("Ngày mở lớp"),
            T("Số học viên"),
        ]
    };
    for (folder, rows) in [
        (
            "kinh-te",
            vec![
                vec![N(1.0), T("Trồng lúa"), D(4, 3), N(40.0)],
                vec![N(2.0), T("Nuôi cá"), D(18, 3), N(35.0)],
                vec![N(3.0), T("Trồng rau sạch"), D(12, 9), N(60.0)],
            ],
        ),
        (
            "phap-luat",
            vec![
                vec![N(1.0), T("Luật Giao thông"), D(5, 2), N(30.0)],
                vec![N(2.0), T("Luật Đất đai"), D(30, 6), N(45.0)],
                vec![N(3.0), T("Luật Hôn nhân"), D(1, 7), N(50.0)],
            ],
        ),
    ] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        let mut all = vec![header()];
        all.extend(rows);
        common::book(&dir.join(folder).join("bao-cao.xlsx"), &[("Báo cáo", all)]);
    }
}

/// The months (T1 … T12) and the year (Cả năm) of each row of Theo tháng labelled
/// `label` (the classes block's, then the learners block's), as written on the sheet
/// after recalculation, an empty cell as "-": "0 0 2 0 0 0 - - - - - - 2".
fn month_figures(csv: &str, label: &str) -> Vec<String> {
    parse_csv(csv)
        .into_iter()
        .filter(|f| f.iter().take(2).any(|x| x == label))
        .map(|f| {
            let cells = f.get(2..15).unwrap_or_default().iter();
            let cells: Vec<&str> = cells
                .map(|x| if x.is_empty() { "-" } else { x.as_str() })
                .collect();
            cells.join(" ")
        })
        .collect()
}

/// The figure cells as of 30 June (6 months shown): Tổng hợp 66 and Theo quý 44 as
/// ever; Theo tháng per block 6 rows of STT + 6 months + the year (48), the total row's
/// 6 months + year (7) and the running total's 6 months: 61 a block, 122 in all.
const FIGURES_AS_OF_JUNE: usize = 66 + 44 + 122;

#[test]
fn classes_after_the_as_of_date_are_in_no_stored_figure_nor_in_any_recalculated_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    either_side_of_june(&input);
    let xlsx = dir.path().join("tong-hop.xlsx");
    let json = dir.path().join("tong-hop.json");
    let as_of = ["--as-of", "2019-06-30", "--json", json.to_str().unwrap()];
    consolidate(&input, &xlsx, &as_of);
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AS_OF_JUNE);
    json_as_of_june(&json);
    let sheets = recalculated_csv(&xlsx, &dir.path().join("b"));
    summary_as_of_june(&sheets);
    months_as_of_june(sheet(&sheets, "Theo tháng"));
}

/// The JSON of [`either_side_of_june`] as of 30 June, by hand.
fn json_as_of_june(json: &Path) {
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let done =
        |s: &serde_json::Value| format!("{}/{}", s["classes"]["actual"], s["learners"]["actual"]);
    // kinh-te 4/03 and 18/03: 2 classes, 40 + 35 = 75 learners (12/09 not counted);
    // phap-luat 5/02 and 30/06: 2 classes, 30 + 45 = 75 (1/07 not counted).
    assert_eq!(done(&j["subcommittees"][0]), "2/75");
    assert_eq!(done(&j["subcommittees"][1]), "2/75");
    // In all 4 classes, 75 + 75 = 150 learners.
    assert_eq!(
        (&j["totals"]["classes"], &j["totals"]["learners"]),
        (&4.into(), &150.into())
    );
    // All six rows accepted; 12/09 and 1/07 noted as not counted yet.
    assert_eq!(j["totals"]["rows_accepted"], 6);
    let later = j["issues"].as_array().unwrap().iter();
    let later: Vec<_> = later.filter(|i| i["code"] == "after-as-of").collect();
    assert_eq!(later.len(), 2, "{later:#?}");
    // Quarter I: 5/02, 4/03, 18/03, 3 classes, 30 + 40 + 35 = 105; quarter II: 30/06,
    // 1 class, 45; quarters III and IV: none counted (1/07 and 12/09 are after).
    let quarters: Vec<String> = (0..4).map(|q| done(&j["quarters"][q])).collect();
    assert_eq!(quarters, ["3/105", "1/45", "0/0", "0/0"]);
}

/// Tổng hợp and Theo quý of [`either_side_of_june`] as of 30 June, recalculated: what
/// the JSON says.
fn summary_as_of_june(sheets: &[(String, String)]) {
    // Target, due by 30 June (day 181 of 365) and done, classes then learners:
    // kinh-te 8, 8 × 181/365 = 3.97 → 4, 2; 800, 800 × 181/365 = 396.7 → 397, 75.
    // phap-luat 8, 4, 2; 750, 750 × 181/365 = 371.9 → 372, 75.
    let summary = sheet(sheets, "Tổng hợp");
    let figures = |r: Vec<&str>| [2, 3, 4, 6, 7, 8].map(|i| r[i].to_string()).join(" ");
    let kinh_te = figures(row(summary, "Tiểu ban phát triển kinh tế"));
    assert_eq!(kinh_te, "8 4 2 800 397 75");
    assert_eq!(
        figures(row(summary, "Tiểu ban pháp luật")),
        "8 4 2 750 372 75"
    );
    // The total row (its label in the first column): done 4 classes, 150 learners.
    let total = parse_csv(summary)
        .into_iter()
        .find(|r| r[0] == "Tổng cộng")
        .unwrap();
    assert_eq!((total[4].as_str(), total[8].as_str()), ("4", "150"));
    // Quarters, done: I 3/105, II 1/45, III 0/0 (1/07 not counted), IV 0/0 (12/09).
    let quarters = sheet(sheets, "Theo quý");
    let done: Vec<String> = ["Quý I", "Quý II", "Quý III", "Quý IV"]
        .iter()
        .map(|q| format!("{}/{}", row(quarters, q)[4], row(quarters, q)[8]))
        .collect();
    assert_eq!(done, ["3/105", "1/45", "0/0", "0/0"]);
}

/// Theo tháng of [`either_side_of_june`] as of 30 June, recalculated: January to June
/// shown, July to December empty, and the year (Cả năm) the JSON's done figure —
/// September's and July's classes in neither.
fn months_as_of_june(months: &str) {
    // kinh-te: 2 classes in March, 40 + 35 = 75 learners.
    assert_eq!(
        month_figures(months, "Tiểu ban phát triển kinh tế"),
        ["0 0 2 0 0 0 - - - - - - 2", "0 0 75 0 0 0 - - - - - - 75"]
    );
    // phap-luat: 1 class in February (30 learners), 1 in June (45): 2 and 75.
    assert_eq!(
        month_figures(months, "Tiểu ban pháp luật"),
        ["0 1 0 0 0 1 - - - - - - 2", "0 30 0 0 0 45 - - - - - - 75"]
    );
    // The other four sub-committees: nothing.
    assert_eq!(
        month_figures(months, "Các chương trình khác"),
        ["0 0 0 0 0 0 - - - - - - 0"; 2]
    );
    // Totals down: February 1 (30), March 2 (75), June 1 (45); year 4 (150).
    assert_eq!(
        month_figures(months, "Tổng cộng"),
        [
            "0 1 2 0 0 1 - - - - - - 4",
            "0 30 75 0 0 45 - - - - - - 150"
        ]
    );
    // Running totals: 0, 1, 3, 3, 3, 4 classes and 0, 30, 105, 105, 105, 150 learners;
    // June's is the year's, no year cell of its own.
    assert_eq!(
        month_figures(months, "Lũy kế"),
        [
            "0 1 3 3 3 4 - - - - - - -",
            "0 30 105 105 105 150 - - - - - - -"
        ]
    );
}

/// Runs [`common::so_lop`]'s reports at year end against `plan`, and writes the
/// workbook to `xlsx`.
fn so_lop_against(dir: &Path, plan: tthtcd::Plan, xlsx: &Path) {
    let input = dir.join("in");
    common::so_lop(&input);
    let c = tthtcd::run(&tthtcd::Config {
        folder: input,
        plan,
        plan_source: Default::default(),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap();
    let bytes = tthtcd::report::workbook::workbook_bytes(&c, tthtcd::labels::Lang::Vi).unwrap();
    std::fs::write(xlsx, bytes).unwrap();
}

/// The 2019 plan with the sub-committees renamed `names` (plan order; None keeps the
/// plan's).
fn renamed(names: [Option<&str>; 6]) -> tthtcd::Plan {
    let mut plan = tthtcd::Plan::embedded();
    for (sc, name) in plan.subcommittees.iter_mut().zip(names) {
        if let Some(name) = name {
            sc.name = name.to_string();
        }
    }
    plan
}

#[test]
fn a_sub_committee_name_that_means_something_to_sumifs_counts_only_its_own_classes() {
    // Tổng hợp and Theo tháng count a sub-committee's classes with SUMIFS on its name,
    // and SUMIFS reads a criterion: `~` escapes, `*` and `?` are wildcards, a leading
    // `<>` or `=` compares, and case is ignored. Each of these names made LibreOffice
    // recalculate other figures than the tool's: "Tiểu ban ~ kinh tế" to 0 rather than
    // 6, "<>Sức khỏe" to every other sub-committee's 11, "Tiểu ban*" to the 11 classes
    // of every "Tiểu ban …", "TIỂU BAN PHÁP LUẬT" to phap-luat's 5.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tong-hop.xlsx");
    let names = [
        Some("Tiểu ban ~ kinh tế"),
        None,
        Some("TIỂU BAN PHÁP LUẬT"),
        Some("<>Sức khỏe"),
        None,
        Some("Tiểu ban*"),
    ];
    so_lop_against(dir.path(), renamed(names), &xlsx);
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AT_YEAR_END);
    // By hand (common::so_lop): kinh-te 6 classes / 170 learners, phap-luat 5 / 155,
    // the other four nothing; in all 11 / 325.
    let sheets = recalculated_csv(&xlsx, &dir.path().join("b"));
    let summary = sheet(&sheets, "Tổng hợp");
    let done = |name: &str| format!("{}/{}", row(summary, name)[4], row(summary, name)[8]);
    assert_eq!(done("Tiểu ban ~ kinh tế"), "6/170");
    assert_eq!(done("Tiểu ban pháp luật"), "5/155");
    assert_eq!(done("TIỂU BAN PHÁP LUẬT"), "0/0");
    assert_eq!(done("<>Sức khỏe"), "0/0");
    assert_eq!(done("Tiểu ban*"), "0/0");
    let total = parse_csv(summary)
        .into_iter()
        .find(|r| r[0] == "Tổng cộng")
        .unwrap();
    assert_eq!((total[4].as_str(), total[8].as_str()), ("11", "325"));
    // Theo tháng: kinh-te 3 + 1 = 4 classes in March, 2 in April (year 6);
    // phap-luat 4 in February, 1 in May (year 5).
    let months = sheet(&sheets, "Theo tháng");
    let kinh_te = &month_figures(months, "Tiểu ban ~ kinh tế")[0];
    assert_eq!(kinh_te, "0 0 4 2 0 0 0 0 0 0 0 0 6");
    let phap_luat = &month_figures(months, "Tiểu ban pháp luật")[0];
    assert_eq!(phap_luat, "0 4 0 0 1 0 0 0 0 0 0 0 5");
    for name in ["TIỂU BAN PHÁP LUẬT", "<>Sức khỏe", "Tiểu ban*"] {
        assert_eq!(month_figures(months, name)[0], "0 0 0 0 0 0 0 0 0 0 0 0 0");
    }
}

#[test]
fn a_share_of_a_target_of_zero_is_stored_empty_as_its_formula_gives_it() {
    // The share (done / target) is `=IF(target>0,done/target,"")`: empty for a target
    // of 0. It was stored as 0 %, which a reader that does not recalculate shows, and
    // which LibreOffice recalculates to empty.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tong-hop.xlsx");
    let mut plan = tthtcd::Plan::embedded();
    let none = tthtcd::plan::Target {
        classes: 0,
        learners: 0,
    };
    // phap-luat and quarter II plan nothing, yet hold classes.
    plan.subcommittees[1].target = none;
    plan.quarters[1] = none;
    so_lop_against(dir.path(), plan, &xlsx);
    let (drifts, compared) = drift(&xlsx, &dir.path().join("a"));
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, FIGURES_AT_YEAR_END);
    // By hand (common::so_lop): phap-luat target 0, due 0, done 5, share empty, for
    // 0, 0, 155 learners; quarter II (April, May) 0, 0, 2 + 1 = 3, and 0, 0, 50 + 35
    // = 85.
    let sheets = recalculated_csv(&xlsx, &dir.path().join("b"));
    let figures = |r: Vec<&str>| r[2..10].join(" ");
    let phap_luat = row(sheet(&sheets, "Tổng hợp"), "Tiểu ban pháp luật");
    assert_eq!(figures(phap_luat), "0 0 5  0 0 155 ");
    let q2 = row(sheet(&sheets, "Theo quý"), "Quý II");
    assert_eq!(figures(q2), "0 0 3  0 0 85 ");
}

/// The plan form's figures and totals, as `tthtcd plan template` writes them for the
/// 2019 plan, are what LibreOffice recalculates. By hand: Kế hoạch 6 figures (year,
/// population, rate, villages, deadline, class size) and 2 formulas beside (learners,
/// rate); Tiểu ban 6 × 2 targets and 3 × 2 totals; Theo quý 4 × 3 and 3 × 2; Tiêu chí
/// 16 thresholds (24 indicators, 8 of them yes/no: criteria 1, 2, 3, 11, 13, 15 and two
/// of 14); Thôn its 2 counts: 8 + 18 + 18 + 16 + 2 = 62.
#[test]
fn the_plan_form_s_totals_are_what_libreoffice_recalculates() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("ke-hoach.xlsx");
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(["plan", "template", "-o"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sheets = ["Kế hoạch", "Tiểu ban", "Theo quý", "Tiêu chí", "Thôn"];
    let (drifts, compared) = drift_in(&xlsx, &dir.path().join("a"), &sheets);
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, 62);
}

/// The district workbook's figure sheets.
const DISTRICT_SHEETS: [&str; 4] = ["Tổng hợp huyện", "Theo tiểu ban", "Theo quý", "Nộp báo cáo"];

/// The figure cells of the district workbook of [`common::district`] (three communes
/// consolidated, one failed), by hand:
/// - Tổng hợp huyện: a commune consolidated has STT, 8 figures, population,
///   participation done and planned, reports received and due, errors: 15, × 3 = 45;
///   the failed one its STT, 1; the totals 8 + 6 = 14: 60.
/// - Theo tiểu ban: STT and 2 figures a sub-committee it has: binh-duong 1 + 4,
///   hong-thai-tay 1 + 4, yen-duc 1 + 10; the failed STT; the totals 6 columns × 2:
///   5 + 5 + 11 + 1 + 12 = 34.
/// - Theo quý: STT and 4 × 4 figures, × 3 = 51; the failed STT; the totals 16: 68.
/// - Nộp báo cáo: STT, due, received, on time, share, × 3 = 15 (the months are text);
///   the failed STT; the totals 4: 20.
const DISTRICT_FIGURES: usize = 60 + 34 + 68 + 20;

#[test]
fn every_figure_of_the_district_workbook_is_what_libreoffice_recalculates() {
    let dir = tempfile::tempdir().unwrap();
    let d = common::district::district(&dir.path().join("in"), Some("Đông Triều"));
    let xlsx = dir.path().join("huyen.xlsx");
    let bytes = tthtcd::report::district::district_bytes(&d, tthtcd::labels::Lang::Vi).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let (drifts, compared) = drift_in(&xlsx, &dir.path().join("a"), &DISTRICT_SHEETS);
    assert_eq!(drifts, vec![], "{compared} cells compared");
    assert_eq!(compared, DISTRICT_FIGURES);
    // Done after recalculation, counted from Danh sách lớp by folder: binh-duong 4
    // classes / 140 learners, hong-thai-tay 5 / 290, yen-duc 6 / 235 (see
    // tests/district.rs), in all 15 / 665.
    let sheets = recalculated_csv(&xlsx, &dir.path().join("b"));
    let summary = sheet(&sheets, "Tổng hợp huyện");
    let done = |name: &str| format!("{}/{}", row(summary, name)[4], row(summary, name)[8]);
    assert_eq!(done("Xã Bình Dương"), "4/140");
    assert_eq!(done("Xã Hồng Thái Tây"), "5/290");
    assert_eq!(done("Xã Yên Đức"), "6/235");
    let total = parse_csv(summary)
        .into_iter()
        .find(|r| r[0] == "Tổng cộng")
        .unwrap();
    assert_eq!((total[4].as_str(), total[8].as_str()), ("15", "665"));
}
