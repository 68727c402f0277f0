//! Hostile files made here, by code, each beside a good report: the run finishes, exits
//! 2 at most, lists the crafted file as failed with its reason — or, for a good report
//! with a stray far cell, reads it with its classes — leaves the good report's figures
//! as they are, and stays under 1 GiB of memory.
//!
//! The good report everywhere is kinh-te.xlsx: 2 classes, 40 + 35 = 75 learners.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::V::{D, N, T};
use common::book;
use tthtcd::input::discover::Format;

/// `tthtcd check DIR --json -` with a deadline: (exit code, the JSON, this run's peak
/// memory in KiB).
fn check(dir: &Path) -> (Option<i32>, serde_json::Value, i64) {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    command.args(["check", dir.to_str().unwrap(), "--json", "-"]);
    // A guard that stops working makes its run abort at 4 GiB of address space rather
    // than take the shared machine's memory; the assertions then say what failed.
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 4 << 30,
                rlim_max: 4 << 30,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let run = common::run_bounded(command, Duration::from_secs(60));
    let json = serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|_| panic!("no JSON (exit {:?}): the run did not finish", run.code));
    (run.code, json, run.peak_kib)
}

/// A folder holding the good report and one crafted file.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        common::kinh_te_march(&dir.path().join("kinh-te.xlsx"));
        Case { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `check`; asserts what every case shares and returns the JSON.
    fn run(&self) -> serde_json::Value {
        // Written an hour ago: a file that fails within two seconds of being written is
        // taken for one still being copied.
        let old = std::time::SystemTime::now() - Duration::from_secs(3600);
        for e in std::fs::read_dir(self.dir.path()).unwrap() {
            let f = std::fs::File::options().write(true).open(e.unwrap().path());
            f.unwrap().set_modified(old).unwrap();
        }
        // HOSTILE_KEEP=DIR keeps each case's folder, named by its test, to measure
        // other builds on it.
        if let Some(keep) = std::env::var_os("HOSTILE_KEEP") {
            let to = Path::new(&keep).join(std::thread::current().name().unwrap_or("case"));
            std::fs::create_dir_all(&to).unwrap();
            for e in std::fs::read_dir(self.dir.path()).unwrap() {
                let e = e.unwrap();
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
        let (code, j, peak_kib) = check(self.dir.path());
        assert!(matches!(code, Some(0..=2)), "exit {code:?}");
        // The good report, whatever the crafted file did: 2 classes, 75 learners.
        assert_eq!(figures(&j, "kinh-te"), (2, 75), "the good report changed");
        let peak_mib = peak_kib / 1024;
        assert!(peak_mib < 1024, "peak memory {peak_mib} MiB");
        j
    }

    /// Runs `check` and asserts that `file` is listed as failed, its reason saying
    /// `because`.
    fn refused(&self, file: &str, because: &str) {
        let (status, reason, _) = self.outcome(file);
        assert_eq!(status, "failed", "{reason}");
        assert!(reason.contains(because), "{reason}");
    }

    /// Runs `check` and returns the crafted file's status and reason.
    fn outcome(&self, file: &str) -> (String, String, serde_json::Value) {
        let j = self.run();
        let f = j["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == file)
            .unwrap_or_else(|| panic!("{file} not listed"))
            .clone();
        let status = f["status"].as_str().unwrap().to_string();
        let reason = f["reason"].as_str().unwrap_or("").to_string();
        (status, reason, j)
    }
}

/// The address the reader gives the first cell whose text contains `text`.
fn address_of(path: &Path, format: Format, text: &str) -> String {
    use tthtcd::input::workbook::{Outcome, read};
    let Outcome::Sheets(sheets) = read(&std::fs::read(path).unwrap(), format) else {
        panic!("{} not read", path.display())
    };
    sheets
        .iter()
        .find_map(|s| {
            let g = &s.grid;
            (0..g.height())
                .flat_map(|r| (0..g.width()).map(move |c| (r, c)))
                .find(|&(r, c)| g.get(r, c).as_text().is_some_and(|t| t.contains(text)))
                .map(|(r, c)| g.a1(r, c))
        })
        .unwrap()
}

/// (classes, learners) of one sub-committee.
fn figures(j: &serde_json::Value, id: &str) -> (u64, u64) {
    let s = j["subcommittees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap();
    (
        s["classes"]["actual"].as_u64().unwrap(),
        s["learners"]["actual"].as_u64().unwrap(),
    )
}

/// The phap-luat report as an .xlsx: one class of `learners`.
fn phap_luat_xlsx(path: &Path, learners: f64) {
    book(
        path,
        &[(
            "T3",
            vec![
                vec![T("STT"), T("Tên lớp"), T("Ngày mở lớp"), T("Số học viên")],
                vec![N(1.0), T("Luật Đất đai"), D(6, 3), N(learners)],
            ],
        )],
    );
}

/// The parts of a zip file, in order.
fn parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn write_zip(path: &Path, parts: &[(String, Vec<u8>)]) {
    write_zip_as(path, parts, zip::CompressionMethod::Deflated);
}

fn write_zip_as(path: &Path, parts: &[(String, Vec<u8>)], method: zip::CompressionMethod) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

fn part_mut<'a>(parts: &'a mut [(String, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
    &mut parts.iter_mut().find(|(n, _)| n == name).unwrap().1
}

fn replace_once(data: &mut Vec<u8>, from: &str, to: &str) {
    let text = String::from_utf8(data.clone()).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from} once in the fixture");
    *data = text.replacen(from, to, 1).into_bytes();
}

/// Every place `from` occurs in `bytes` (the fixture is known to hold it `times` times).
fn positions(bytes: &[u8], from: &[u8], times: usize) -> Vec<usize> {
    let found: Vec<usize> = bytes
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(found.len(), times, "fixture changed");
    found
}

/// Sets the declared unpacked size of a part in its local header and the central
/// directory: the zip reader stops the part at the central directory's figure.
fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    for (sig, name_at, size_at) in [(b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)] {
        let at = (0..bytes.len() - 4)
            .find(|&i| {
                &bytes[i..i + 4] == sig
                    && bytes.get(i + name_at..i + name_at + name.len()) == Some(name.as_bytes())
            })
            .unwrap();
        bytes[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
    }
}

const SHEET: &str = "xl/worksheets/sheet1.xml";

#[test]
fn two_parts_with_one_name_are_refused_not_guessed() {
    // Excel shows the first sheet1.xml (70 learners), calamine read the last (700).
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 70.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    let mut second = part_mut(&mut p, SHEET).clone();
    replace_once(&mut second, "<v>70</v>", "<v>700</v>");
    // Same length as the real name, so renaming it in place keeps the zip valid.
    p.push(("xl/worksheets/sheetZ.xml".into(), second));
    let path = case.path("phap-luat.xlsx");
    write_zip(&path, &p);
    let mut bytes = std::fs::read(&path).unwrap();
    for at in positions(&bytes, b"xl/worksheets/sheetZ.xml", 2) {
        bytes[at..at + SHEET.len()].copy_from_slice(SHEET.as_bytes());
    }
    std::fs::write(&path, bytes).unwrap();

    let (status, reason, j) = case.outcome("phap-luat.xlsx");
    assert_eq!(status, "failed");
    assert!(
        reason.contains("có hai phần cùng tên 'xl/worksheets/sheet1.xml'"),
        "{reason}"
    );
    // Neither 70 nor 700 is counted.
    assert_eq!(figures(&j, "phap-luat"), (0, 0));
}

#[test]
fn three_thousand_sheets_on_one_part_are_refused() {
    // workbook.xml lists 3,000 sheets, all with the first sheet's relationship: each
    // would unpack and read sheet1.xml again.
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 50.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    let workbook = part_mut(&mut p, "xl/workbook.xml");
    let text = String::from_utf8(workbook.clone()).unwrap();
    let start = text.find("<sheets>").unwrap() + "<sheets>".len();
    let end = text.find("</sheets>").unwrap();
    let sheets: String = (1..=3000)
        .map(|i| format!("<sheet name=\"S{i}\" sheetId=\"{i}\" r:id=\"rId1\"/>"))
        .collect();
    *workbook = format!("{}{sheets}{}", &text[..start], &text[end..]).into_bytes();
    write_zip(&case.path("phap-luat.xlsx"), &p);

    case.refused(
        "phap-luat.xlsx",
        "3000 trang tính cùng trỏ vào một phần 'xl/worksheets/sheet1.xml'",
    );
}

#[test]
fn a_part_declared_past_256_mb_is_refused_unread() {
    // sheet1.xml declares 300 MiB unpacked: past the 256 MiB a part may have.
    let case = Case::new();
    let path = case.path("phap-luat.xlsx");
    phap_luat_xlsx(&path, 50.0);
    let mut bytes = std::fs::read(&path).unwrap();
    declare_size(&mut bytes, SHEET, 300 << 20);
    std::fs::write(&path, bytes).unwrap();

    case.refused(
        "phap-luat.xlsx",
        "phần 'xl/worksheets/sheet1.xml' giải nén ra 300 MB, quá giới hạn 256 MB",
    );
}

#[test]
fn a_part_that_unpacks_more_than_200_times_its_packed_size_is_refused_as_a_bomb() {
    // sheet1.xml declares 32 MiB unpacked from its few hundred bytes packed: within the
    // 256 MiB a part may have, past 16 MiB, and thousands of times its packed size,
    // where a report's sheet packs 5 to 30 times (a bomb of white space packs 1,000).
    let case = Case::new();
    let path = case.path("phap-luat.xlsx");
    phap_luat_xlsx(&path, 50.0);
    let packed = zip::ZipArchive::new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .by_name(SHEET)
        .unwrap()
        .compressed_size();
    assert!(packed < (32 << 20) / 200, "{packed} bytes packed");
    let mut bytes = std::fs::read(&path).unwrap();
    declare_size(&mut bytes, SHEET, 32 << 20);
    std::fs::write(&path, bytes).unwrap();

    case.refused("phap-luat.xlsx", &format!(
        "phần 'xl/worksheets/sheet1.xml' giải nén ra 32 MB từ {packed} byte nén, gấp hơn 200 lần"
    ));
}

#[test]
fn parts_declared_past_1_gb_together_are_refused_unread() {
    // Five extra parts of 250 MiB each: each within 256 MiB, 1,250 MiB together (plus
    // the report's few kilobytes, under one more MiB) past the 1,024 MiB a file may have.
    // Each is stored as 1.5 MiB, so it unpacks 166 times its size, under the 200 of a
    // bomb: the total is what refuses the file.
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 50.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    for i in 0..5 {
        p.push((format!("xl/media/pad{i}.bin"), vec![b' '; 3 << 19]));
    }
    let path = case.path("phap-luat.xlsx");
    write_zip_as(&path, &p, zip::CompressionMethod::Stored);
    let mut bytes = std::fs::read(&path).unwrap();
    for i in 0..5 {
        declare_size(&mut bytes, &format!("xl/media/pad{i}.bin"), 250 << 20);
    }
    std::fs::write(&path, bytes).unwrap();

    case.refused(
        "phap-luat.xlsx",
        "giải nén ra 1250 MB, quá giới hạn 1024 MB cho một tệp",
    );
}

#[test]
fn a_part_that_unpacks_past_its_declared_size_is_cut_off_there() {
    // 4 MiB of white space inside sheet1.xml, declared as the 1,000 bytes the sheet
    // had before: the zip reader stops at 1,000 bytes and the sheet is damaged.
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 50.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    let sheet = part_mut(&mut p, SHEET);
    let padding = " ".repeat(4 << 20);
    replace_once(sheet, "<sheetData>", &format!("<sheetData>{padding}"));
    let path = case.path("phap-luat.xlsx");
    write_zip(&path, &p);
    let mut bytes = std::fs::read(&path).unwrap();
    declare_size(&mut bytes, SHEET, 1000);
    std::fs::write(&path, bytes).unwrap();

    let (status, _, j) = case.outcome("phap-luat.xlsx");
    assert_eq!(status, "failed");
    let code = j["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == "phap-luat.xlsx")
        .map(|i| i["code"].clone());
    assert_eq!(code, Some("damaged-file".into()));
}

#[test]
fn a_shared_string_count_the_file_cannot_hold_is_refused() {
    // uniqueCount 10^15: calamine would reserve room for it and abort. The part holds
    // at most its length / 5 strings (`<si/>` is the shortest).
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 50.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    let sst = part_mut(&mut p, "xl/sharedStrings.xml");
    let text = String::from_utf8(sst.clone()).unwrap();
    let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
    let end = at + text[at..].find('"').unwrap();
    *sst = format!("{}1000000000000000{}", &text[..at], &text[end..]).into_bytes();
    let bound = (sst.len() / 5) as u64;
    write_zip(&case.path("phap-luat.xlsx"), &p);

    case.refused("phap-luat.xlsx", &format!(
        "sharedStrings uniqueCount khai báo 1000000000000000, nhiều hơn tệp có thể chứa (tối đa {bound})"
    ));
}

#[test]
fn ten_thousand_rows_with_a_value_at_xfd_are_read_as_the_report_they_hold() {
    // The phap-luat report (1 class, 50 learners) and, below it, rows 11 to 10,010 each
    // with 1 at XFD: 10,000 × 16,384 cells as a rectangle (6.6 GB before); folded, each
    // row keeps 4 columns + 16 empty + XFD.
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 50.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    let far: String = (11..=10_010)
        .map(|r| format!("<row r=\"{r}\"><c r=\"XFD{r}\"><v>1</v></c></row>"))
        .collect();
    replace_once(
        part_mut(&mut p, SHEET),
        "</sheetData>",
        &format!("{far}</sheetData>"),
    );
    write_zip(&case.path("phap-luat.xlsx"), &p);

    let (status, reason, j) = case.outcome("phap-luat.xlsx");
    assert_eq!((status.as_str(), reason.as_str()), ("read", ""));
    assert_eq!(figures(&j, "phap-luat"), (1, 50));
}

#[test]
fn one_long_shared_string_used_by_many_cells_is_refused_before_it_is_copied() {
    // A shared string of 1 MiB, used by 300 cells below the report: held once by the
    // reader, it was copied into each cell, 300 MiB, past the 128 MiB of text a
    // workbook may hold (with 2 million cells it would be 2 TB; the copies took the
    // recogniser past two minutes).
    let case = Case::new();
    let good = case.path("mau.xlsx");
    phap_luat_xlsx(&good, 50.0);
    let mut p = parts(&good);
    std::fs::remove_file(&good).unwrap();
    let sst = part_mut(&mut p, "xl/sharedStrings.xml");
    let index = String::from_utf8(sst.clone())
        .unwrap()
        .matches("<si>")
        .count();
    let long = format!("<si><t>{}</t></si></sst>", "a".repeat(1 << 20));
    replace_once(sst, "</sst>", &long);
    let uses: String = (20..320)
        .map(|r| format!("<row r=\"{r}\"><c r=\"F{r}\" t=\"s\"><v>{index}</v></c></row>"))
        .collect();
    replace_once(
        part_mut(&mut p, SHEET),
        "</sheetData>",
        &format!("{uses}</sheetData>"),
    );
    write_zip(&case.path("phap-luat.xlsx"), &p);

    let (status, reason, _) = case.outcome("phap-luat.xlsx");
    assert_eq!(status, "failed");
    assert!(
        reason.starts_with("chữ trong các ô cộng lại hơn 128 MB"),
        "{reason}"
    );
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats/xls")
            .join(name),
    )
    .unwrap()
}

/// The LABELSST record of D2 ("Độc lập - Tự do - Hạnh phúc", which no figure depends
/// on): type 0x00FD, 10 bytes, row 1, column 3.
const D2_LABEL: [u8; 8] = [0xFD, 0x00, 0x0A, 0x00, 0x01, 0x00, 0x03, 0x00];

/// Moves every sheet's D2 to IV65536 (row 65,535, column 255), the last cell of an .xls.
fn d2_to_iv65536(bytes: &mut [u8], sheets: usize) {
    for at in positions(bytes, &D2_LABEL, sheets) {
        bytes[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0x00]);
    }
}

#[test]
fn an_xls_report_with_a_stray_value_at_iv65536_is_read() {
    // phap-luat in March, as LibreOffice saved it: 2 classes, 64 + 58 = 122 learners
    // (tests/formats.rs). Its one sheet's range becomes 256 × 65,536 cells.
    let case = Case::new();
    let mut bytes = fixture("phap-luat-thang-03.xls");
    d2_to_iv65536(&mut bytes, 1);
    std::fs::write(case.path("phap-luat-thang-03.xls"), bytes).unwrap();

    let (status, reason, j) = case.outcome("phap-luat-thang-03.xls");
    assert_eq!((status.as_str(), reason.as_str()), ("read", ""));
    assert_eq!(figures(&j, "phap-luat"), (2, 122));
    // The moved title is read at its new place, the sheet's last cell; the title
    // beside it stays at A2.
    let path = case.path("phap-luat-thang-03.xls");
    assert_eq!(address_of(&path, Format::Xls, "Tự do"), "IV65536");
    assert_eq!(address_of(&path, Format::Xls, "TRUNG TÂM"), "A2");
}

#[test]
fn an_xls_of_four_sheets_each_with_a_value_at_iv65536_is_read() {
    // van-hoa-xa-hoi's year workbook, four sheets: 5 classes, 45 + 60 + 52 + 66 + 38 =
    // 261 learners (tests/formats.rs). Four ranges of 256 × 65,536 cells, some 2 GB as
    // calamine lays them out.
    let case = Case::new();
    let mut bytes = fixture("van-hoa-xa-hoi-bao-cao-nam-2019.xls");
    d2_to_iv65536(&mut bytes, 4);
    std::fs::write(case.path("van-hoa-xa-hoi-bao-cao-nam-2019.xls"), bytes).unwrap();

    let (status, reason, j) = case.outcome("van-hoa-xa-hoi-bao-cao-nam-2019.xls");
    assert_eq!((status.as_str(), reason.as_str()), ("read", ""));
    assert_eq!(figures(&j, "van-hoa-xa-hoi"), (5, 261));
}

#[test]
fn an_xls_whose_size_record_claims_four_billion_rows_is_read_by_its_cells() {
    // The DIMENSIONS record (type 0x0200, 14 bytes) of phap-luat's sheet says rows 0 to
    // 16 (exclusive); claiming 0xFFFFFFFF rows made calamine reserve room for them and
    // abort. The cells decide: 2 classes, 122 learners.
    let case = Case::new();
    let mut bytes = fixture("phap-luat-thang-03.xls");
    let at = positions(
        &bytes,
        &[0x00, 0x02, 0x0E, 0x00, 0, 0, 0, 0, 0x10, 0, 0, 0],
        1,
    )[0];
    bytes[at + 8..at + 12].copy_from_slice(&u32::MAX.to_le_bytes());
    std::fs::write(case.path("phap-luat-thang-03.xls"), bytes).unwrap();

    let (status, reason, j) = case.outcome("phap-luat-thang-03.xls");
    assert_eq!((status.as_str(), reason.as_str()), ("read", ""));
    assert_eq!(figures(&j, "phap-luat"), (2, 122));
}

#[test]
fn the_libreoffice_save_of_a_report_with_a_stray_value_at_xfd1048576_is_read() {
    // phap-luat in March, as LibreOffice saved it (.ods): 2 classes, 64 + 58 = 122
    // learners (tests/formats.rs). Its last row, 1,048,576, is 16,384 empty cells; one
    // value put in the last of them is what LibreOffice writes for a value at
    // XFD1048576: 17 billion cells as calamine lays a sheet out.
    let case = Case::new();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats/ods/phap-luat-thang-03.ods");
    let mut p = parts(&source);
    let last_row = "<table:table-row table:style-name=\"ro1\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table>";
    let stray = "<table:table-row table:style-name=\"ro1\"><table:table-cell table:number-columns-repeated=\"16383\"/>\
        <table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>";
    replace_once(part_mut(&mut p, "content.xml"), last_row, stray);
    write_zip(&case.path("phap-luat-thang-03.ods"), &p);

    let (status, reason, j) = case.outcome("phap-luat-thang-03.ods");
    assert_eq!((status.as_str(), reason.as_str()), ("read", ""));
    assert_eq!(figures(&j, "phap-luat"), (2, 122));
    // Put back where it was: the last cell of the sheet.
    let at = address_of(&case.path("phap-luat-thang-03.ods"), Format::Ods, "x");
    assert_eq!(at, "XFD1048576");
}

#[test]
fn an_xls_whose_directory_chain_loops_is_refused() {
    // The FAT entry of the directory's first sector points back at it: calamine reads
    // the directory chain with no length bound and grew it until memory ran out. In
    // phap-luat's file the directory starts at the sector the header names at 0x30,
    // and the first FAT sector is the one named at 0x4C; sectors are 512 bytes, the
    // first one after the 512-byte header.
    let case = Case::new();
    let mut bytes = fixture("phap-luat-thang-03.xls");
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    let (dir, fat) = (u32_at(&bytes, 0x30), u32_at(&bytes, 0x4C));
    let entry = (fat as usize + 1) * 512 + dir as usize * 4;
    bytes[entry..entry + 4].copy_from_slice(&dir.to_le_bytes());
    std::fs::write(case.path("phap-luat-thang-03.xls"), bytes).unwrap();

    let (status, reason, j) = case.outcome("phap-luat-thang-03.xls");
    assert_eq!(status, "failed");
    assert_eq!(
        reason,
        "tệp bị hỏng hoặc không đọc được (các chuỗi dữ liệu trong tệp .xls quay vòng, đọc sẽ không bao giờ dừng)"
    );
    assert_eq!(figures(&j, "phap-luat"), (0, 0));
}

/// An .ods whose content.xml is `body` inside one table.
fn ods(path: &Path, body: &str) {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
        xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
        xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
        <office:body><office:spreadsheet><table:table table:name=\"T1\">{body}</table:table>\
        </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    write_zip(
        path,
        &[
            (
                "mimetype".into(),
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            ("META-INF/manifest.xml".into(), manifest.as_bytes().to_vec()),
            ("content.xml".into(), content.into_bytes()),
        ],
    );
}

/// A row of 1,000 filled cells repeated 90,000 times: 90 million cells once expanded,
/// under calamine's own limit of 100 million (some 6 GB as it lays them out).
const EXPANDS: &str = "<table:table-row table:number-rows-repeated=\"90000\">\
    <table:table-cell table:number-columns-repeated=\"1000\" office:value-type=\"float\" office:value=\"1\"/>\
    </table:table-row>";

#[test]
fn an_ods_hiding_millions_of_cells_behind_a_mismatched_end_tag_is_refused() {
    // A stray end tag between two rows, before the rows that expand: the count used to
    // stop at the XML error and let calamine, which does not check end tags and passes
    // over anything between rows, expand them.
    let case = Case::new();
    let body = format!(
        "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row></text:p>{EXPANDS}"
    );
    ods(&case.path("phap-luat.ods"), &body);

    let (status, reason, _) = case.outcome("phap-luat.ods");
    assert_eq!(status, "failed");
    assert!(
        reason.starts_with(
            "tệp bị hỏng hoặc không đọc được (phần nội dung content.xml không đúng cấu trúc XML; chi tiết kỹ thuật: '"
        ),
        "{reason}"
    );
}

#[test]
fn an_ods_with_a_table_inside_a_cell_is_refused() {
    // A row repeated 90,000 times whose first cell holds a table of one row, then
    // 1,000 filled cells: the inner row used to replace the outer one in the count (1
    // row instead of 90,000), while calamine passes over the inner table and expands
    // the outer row to 90,000 × 1,001 cells, under its own limit of 100 million.
    let case = Case::new();
    let body = "<table:table-row table:number-rows-repeated=\"90000\"><table:table-cell>\
        <table:table table:name=\"T2\"><table:table-row><table:table-cell/></table:table-row></table:table>\
        </table:table-cell><table:table-cell table:number-columns-repeated=\"1000\" office:value-type=\"float\" office:value=\"1\"/>\
        </table:table-row>";
    ods(&case.path("phap-luat.ods"), body);

    let (status, reason, _) = case.outcome("phap-luat.ods");
    assert_eq!(status, "failed");
    assert_eq!(
        reason,
        "tệp bị hỏng hoặc không đọc được (có một bảng nằm trong một ô, điều mà không chương trình bảng tính nào ghi ra)"
    );
}

#[test]
fn an_encrypted_ods_is_still_named_password_protected_not_damaged() {
    // Its content.xml is ciphertext, which the .ods count must not take for broken XML.
    let case = Case::new();
    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/foreign-workbooks/calamine/pass_protected.ods");
    std::fs::copy(shared, case.path("mat-khau.ods")).unwrap();

    let (status, reason, _) = case.outcome("mat-khau.ods");
    assert_eq!(
        (status.as_str(), reason.as_str()),
        ("failed", "tệp có mật khẩu: hãy gỡ mật khẩu rồi chạy lại")
    );
}

#[test]
fn an_ods_repeating_a_long_text_over_a_million_cells_is_refused() {
    // One cell of 100,000 letters repeated over 1,000 columns, its row over 1,000 rows:
    // a million cells, within the cell count, but calamine copies the text into each,
    // 100 GB. Past 128 MB of copies the file is refused.
    let case = Case::new();
    let text = "a".repeat(100_000);
    let body = format!(
        "<table:table-row table:number-rows-repeated=\"1000\">\
         <table:table-cell table:number-columns-repeated=\"1000\" office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>\
         </table:table-row>"
    );
    ods(&case.path("phap-luat.ods"), &body);

    let (status, reason, _) = case.outcome("phap-luat.ods");
    assert_eq!(status, "failed");
    assert!(
        reason.starts_with("chữ trong các ô cộng lại hơn 128 MB"),
        "{reason}"
    );
}
