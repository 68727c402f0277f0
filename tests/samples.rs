//! The committed samples/ folder, consolidated end to end. Every figure below is worked
//! out by hand from the class table in examples/make_samples.rs (its doc comment shows
//! the sums), not taken from the tool's output.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn consolidate(as_of: Option<&str>) -> (serde_json::Value, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("tong-hop.xlsx");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    cmd.arg("consolidate")
        .arg(samples())
        .arg("-o")
        .arg(&xlsx)
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
    (serde_json::from_slice(&o.stdout).unwrap(), out)
}

fn per_subcommittee(j: &serde_json::Value) -> Vec<(String, u64, u64, String)> {
    j["subcommittees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["classes"]["actual"].as_u64().unwrap(),
                s["learners"]["actual"].as_u64().unwrap(),
                s["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn row(id: &str, classes: u64, learners: u64, status: &str) -> (String, u64, u64, String) {
    (id.to_string(), classes, learners, status.to_string())
}

#[test]
fn samples_consolidate_to_the_hand_counted_figures() {
    let (j, _dir) = consolidate(None);
    // kinh-te 8 classes, 820 ≥ 800 learners: met; the others fall short at year end.
    assert_eq!(
        per_subcommittee(&j),
        vec![
            row("kinh-te", 8, 820, "met"),
            row("phap-luat", 5, 353, "short"),
            row("van-hoa-xa-hoi", 5, 261, "short"),
            row("suc-khoe", 7, 475, "short"),
            row("moi-truong", 3, 293, "short"),
            row("khac", 3, 110, "short"),
        ]
    );
    let t = &j["totals"];
    assert_eq!(
        (t["classes"].as_u64(), t["learners"].as_u64()),
        (Some(31), Some(2312))
    );
    // 33 class rows = 31 accepted + 1 rejected + 1 duplicate, plus the 50 rows of the
    // registration forms in dang-ky/ (8 + 6 + 11 + 13 + 7 + 5) and the 24 indicator rows
    // of the criteria form in tieu-chi/ (1+1+1+2+4+1+2+1+3+1+1+1+1+3+1), all accepted.
    assert_eq!(
        (
            t["rows_read"].as_u64(),
            t["rows_accepted"].as_u64(),
            t["rows_rejected"].as_u64(),
            t["duplicates"].as_u64()
        ),
        (Some(107), Some(105), Some(1), Some(1))
    );
    let q: Vec<(u64, u64)> = j["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["classes"]["actual"].as_u64().unwrap(),
                q["learners"]["actual"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(q, vec![(21, 1609), (10, 703), (0, 0), (0, 0)]);
    // The copy of kinh-te's April report and the note are listed, not counted.
    let others: Vec<(&str, &str)> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != "read")
        .map(|f| (f["path"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        others,
        vec![
            ("huong-dan.txt", "skipped"),
            ("kinh-te/thang-04 (1).xlsx", "duplicate")
        ]
    );
    // Health's May report was typed in TCVN3: 6 title cells, 7 headings, 2 × 3 class
    // cells, "Cộng" and 5 signature cells = 25, and its classes read in Unicode.
    let legacy: Vec<&str> = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "legacy-encoding-converted")
        .map(|i| i["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        legacy,
        vec!["25 ô được gõ bằng phông chữ cũ TCVN3 (ABC, .VnTime) đã được chuyển sang Unicode"]
    );
    // Every file's ledger reconciles.
    for f in j["files"].as_array().unwrap() {
        let r = &f["rows"];
        let n = |k: &str| r[k].as_u64().unwrap();
        assert_eq!(
            n("read"),
            n("accepted") + n("rejected") + n("duplicate"),
            "{}",
            f["path"]
        );
    }
    let codes: Vec<(&str, &str, &str)> = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["severity"] != "info")
        .map(|i| {
            (
                i["code"].as_str().unwrap(),
                i["file"].as_str().unwrap(),
                i["cell"].as_str().unwrap(),
            )
        })
        .collect();
    // Header in row 7, classes from row 8: the repeated February class is row 10 of the
    // March file, the "bốn mươi" class row 9 of moi-truong's March file (learners in E).
    assert_eq!(
        codes,
        vec![
            ("date-period-mismatch", "kinh-te/thang-03.xlsx", "C10"),
            ("duplicate-row", "kinh-te/thang-03.xlsx", "B10"),
            ("learners-invalid", "moi-truong/thang-03.xlsx", "E9"),
        ]
    );
}

#[test]
fn as_of_end_of_april_pro_rates_the_targets() {
    let (j, _dir) = consolidate(Some("2019-04-30"));
    // 30 April is day 120 of 365. Due = target × 120/365, rounded:
    // kinh-te 8 → 2.63 → 3 classes, 800 → 263.0 → 263; phap-luat 750 → 246.6 → 247;
    // khac 7 → 2.30 → 2 classes, 450 → 147.9 → 148 learners, and it has 110: behind.
    let s = &j["subcommittees"];
    assert_eq!(s[0]["classes"]["expected"], 3);
    assert_eq!(s[0]["learners"]["expected"], 263);
    assert_eq!(s[1]["learners"]["expected"], 247);
    assert_eq!(s[5]["classes"]["expected"], 2);
    assert_eq!(s[5]["learners"]["expected"], 148);
    let statuses: Vec<&str> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "met", "on-track", "on-track", "on-track", "on-track", "behind"
        ]
    );
    // Q1 has ended with 21 ≥ 13 classes and 1609 ≥ 1000 learners: met.
    // Q2 runs 1 April – 30 June, 30 of 91 days: due 14 × 30/91 = 4.6 → 5 classes,
    // 1200 × 30/91 = 395.6 → 396 learners; done: the 10 / 703 of April and May less
    // health's two May classes (08/05 and 22/05, 48 + 62 = 110 learners), which are
    // after the as-of date and not counted: 8 / 593, on track. Q3, Q4 upcoming.
    let q: Vec<&str> = j["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert_eq!(q, ["met", "on-track", "upcoming", "upcoming"]);
    assert_eq!(j["quarters"][1]["classes"]["expected"], 5);
    assert_eq!(j["quarters"][1]["learners"]["expected"], 396);
    assert_eq!(j["quarters"][1]["classes"]["actual"], 8);
    assert_eq!(j["quarters"][1]["learners"]["actual"], 593);
    // suc-khoe without May: 80+72+65+58+90 = 365 in 5 classes (due 13 × 120/365 =
    // 4.3 → 4 and 850 × 120/365 = 279.5 → 279: on track, as above).
    assert_eq!(s[3]["classes"]["actual"], 5);
    assert_eq!(s[3]["learners"]["actual"], 365);
    // In all 31 − 2 = 29 classes, 2312 − 110 = 2202 learners; the two May rows are
    // still accepted in the ledger (valid rows), so rows_accepted stays the 105 of the
    // year-end run (31 classes + 50 registrations + 24 indicators).
    assert_eq!(j["totals"]["classes"], 29);
    assert_eq!(j["totals"]["learners"], 2202);
    assert_eq!(j["totals"]["rows_accepted"], 105);
    assert_eq!(j["participation"]["learners"], 2202);
    let later: Vec<(&str, &str)> = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "after-as-of")
        .map(|i| (i["severity"].as_str().unwrap(), i["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        later,
        [
            ("info", "suc-khoe/thang-05.xlsx"),
            ("info", "suc-khoe/thang-05.xlsx")
        ]
    );
}

fn number(v: Option<&Data>) -> f64 {
    match v {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_workbook_shows_the_same_figures_in_every_reader() {
    let (_, dir) = consolidate(None);
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("tong-hop.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Tổng hợp",
            "Theo quý",
            "Theo tháng",
            "Danh sách lớp",
            "Kế hoạch – Thực hiện",
            "Tiêu chí",
            "Tình hình nộp báo cáo",
            "Cảnh báo",
            "Nguồn",
            // What a district run reads back (the plan and the run's inputs): very
            // hidden, last, so the nine a person reads are as they were.
            "tthtcd-data"
        ]
    );
    let visible: Vec<_> = wb.sheets_metadata().iter().map(|s| s.visible).collect();
    assert_eq!(visible[..9], [calamine::SheetVisible::Visible; 9]);
    assert_eq!(visible[9], calamine::SheetVisible::VeryHidden);
    let sum = wb.worksheet_range("Tổng hợp").unwrap();
    // The plan's own finding (53 classes by quarter, 54 by sub-committee) heads the sheet.
    let text_at = |r: u32, c: u32| {
        sum.get_value((r, c))
            .and_then(|v| v.get_string())
            .unwrap_or("")
            .to_string()
    };
    assert!(
        text_at(7, 0).contains("theo quý cộng lại 53 lớp"),
        "{}",
        text_at(7, 0)
    );
    // The sub-committee rows follow; classes done in E, learners done in I; the totals
    // row is formulas whose stored results calamine reads.
    let first = (0..40)
        .find(|r| text_at(*r, 1) == "Tiểu ban phát triển kinh tế")
        .expect("kinh-te row");
    let done: Vec<(f64, f64)> = (first..first + 6)
        .map(|r| (number(sum.get_value((r, 4))), number(sum.get_value((r, 8)))))
        .collect();
    assert_eq!(
        done,
        vec![
            (8.0, 820.0),
            (5.0, 353.0),
            (5.0, 261.0),
            (7.0, 475.0),
            (3.0, 293.0),
            (3.0, 110.0)
        ]
    );
    let total = first + 6;
    assert_eq!(text_at(total, 0), "Tổng cộng");
    assert_eq!(
        (
            number(sum.get_value((total, 4))),
            number(sum.get_value((total, 8)))
        ),
        (31.0, 2312.0)
    );
    // Targets 54 / 4350 and the share 31 / 54.
    assert_eq!(number(sum.get_value((total, 2))), 54.0);
    assert!((number(sum.get_value((total, 5))) - 31.0 / 54.0).abs() < 1e-9);
    // Tiêu chí: criterion 10 (6 / 8 villages = 75 % against ≥ 80 %) reads "Chưa đạt".
    let tc = wb.worksheet_range("Tiêu chí").unwrap();
    let row10 = tc
        .rows()
        .find(|r| r.first() == Some(&Data::Float(10.0)) || r.first() == Some(&Data::Int(10)))
        .unwrap();
    assert_eq!(row10.get(4), Some(&Data::String("Chưa đạt".into())));
    // Danh sách lớp: a header row plus one row a class.
    let classes = wb.worksheet_range("Danh sách lớp").unwrap();
    let listed = (4..classes.end().unwrap().0 + 1)
        .filter(|r| {
            classes
                .get_value((*r, 2))
                .is_some_and(|v| *v != Data::Empty)
        })
        .count();
    assert_eq!(listed, 31);
}

#[test]
fn reports_due_by_10_june_arrived_on_time_but_may_s_are_missing_but_one() {
    let (j, _dir) = consolidate(Some("2019-06-10"));
    // Reports for January to May are due by 5 June: 6 sub-committees × 5 = 30. Each
    // sub-committee sent January to April (24), signed on the month's last day (on
    // time); only suc-khoe sent May's (its TCVN3 file, signed 31 May): 25 received.
    let comp = &j["completeness"];
    assert_eq!(
        (
            comp["expected"].as_u64(),
            comp["received"].as_u64(),
            comp["on_time"].as_u64()
        ),
        (Some(30), Some(25), Some(25))
    );
    let missing: Vec<(&str, u64)> = comp["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["subcommittee"].as_str().unwrap(),
                m["month"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        missing,
        vec![
            ("kinh-te", 5),
            ("phap-luat", 5),
            ("van-hoa-xa-hoi", 5),
            ("moi-truong", 5),
            ("khac", 5)
        ]
    );
}

/// The class list's borders come from one conditional format over exactly its filled
/// rows (heading on row 4, the 31 classes on rows 5–35), and its cells from column
/// formats; the rows of the class list that wrap are taller than one line.
#[test]
fn the_class_list_is_bordered_over_its_rows_only() {
    use std::io::Read;
    let (_, dir) = consolidate(None);
    let file = std::fs::File::open(dir.path().join("tong-hop.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut part = |name: &str| {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    // The sheet's part found by its name: workbook.xml gives its relationship id,
    // the workbook's relationships the part.
    let workbook = part("xl/workbook.xml");
    let entry = workbook
        .split("<sheet ")
        .find(|e| e.contains(r#"name="Danh sách lớp""#))
        .expect("a sheet named Danh sách lớp");
    let rid = entry
        .split(r#"r:id=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let rels = part("xl/_rels/workbook.xml.rels");
    let rel = rels
        .split("<Relationship ")
        .find(|r| r.contains(&format!(r#"Id="{rid}""#)))
        .unwrap();
    let target = rel
        .split(r#"Target=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let xml = part(&format!("xl/{}", target.trim_start_matches("/xl/")));
    assert!(
        xml.contains(r#"<conditionalFormatting sqref="A5:O35">"#),
        "{xml}"
    );
    assert_eq!(xml.matches("<conditionalFormatting ").count(), 1);
    // Each of the 15 columns (Số lớp among them) has its format: <col min=.. max=..
    // style=..> spans that together cover columns 1 to 15.
    let attr = |el: &str, name: &str| -> u32 {
        let at = el.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        el[at..].split('"').next().unwrap().parse().unwrap()
    };
    let styled: u32 = xml
        .split("<col ")
        .skip(1)
        .filter(|el| el.contains("style="))
        .map(|el| attr(el, "max") - attr(el, "min") + 1)
        .sum();
    assert_eq!(styled, 15);
    // Rows 18–22 hold "van-hoa-xa-hoi/bao-cao-nam-2019.xlsx" (36 characters in a
    // column 28 wide): two lines of 15 points.
    for r in 18..=22 {
        assert!(
            xml.contains(&format!(r#"<row r="{r}" ht="30" customHeight="1""#)),
            "row {r}"
        );
    }
}
