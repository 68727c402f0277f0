//! The summary sheets are formulas over Danh sách lớp, with their values stored: opened
//! in LibreOffice and recalculated, they give the tool's own figures, and a learners
//! figure corrected in Danh sách lớp moves the summary. Needs LibreOffice (`soffice`);
//! .ci/run installs libreoffice-calc-nogui when it is missing.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

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
