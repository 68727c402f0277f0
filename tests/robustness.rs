//! Bad input never costs a crash, a hang or a lost row: hostile workbooks from
//! elsewhere, a folder of broken and foreign files beside good ones, and inputs that
//! must come out of a run unchanged.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::V::{D, N, T};
use common::{book, per_sub, run};
use sha2::{Digest, Sha256};
use tthtcd::FileStatus;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/foreign-workbooks")
}

/// Runs the binary with a deadline: its exit code, stdout and peak memory (KiB).
fn run_bounded(args: &[&str], deadline: Duration) -> (Option<i32>, Vec<u8>, i64) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tthtcd"));
    command.args(args);
    let run = common::run_bounded(command, deadline);
    (run.code, run.stdout, run.peak_kib)
}

#[test]
fn every_foreign_workbook_is_read_or_refused_with_a_reason_in_bounded_time_and_memory() {
    let folder = shared();
    assert!(
        folder.is_dir(),
        "shared/foreign-workbooks is missing beside the checkout"
    );
    let (code, stdout, peak_kib) = run_bounded(
        &["check", folder.to_str().unwrap(), "--json", "-"],
        Duration::from_secs(120),
    );
    // 2: some files failed (password-protected, damaged) — not a crash (101) or a kill.
    assert_eq!(code, Some(2));
    let peak_mib = peak_kib / 1024;
    assert!(peak_mib < 1024, "peak memory {peak_mib} MiB");
    let j: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let files = j["files"].as_array().unwrap();
    let on_disk = walk(&folder);
    assert_eq!(files.len(), on_disk, "every file is listed");
    for f in files {
        let status = f["status"].as_str().unwrap();
        assert!(["read", "failed", "skipped", "duplicate"].contains(&status));
        if status != "read" {
            let reason = f["reason"].as_str().unwrap_or("");
            assert!(!reason.is_empty(), "{} has no reason", f["path"]);
        }
        let r = &f["rows"];
        let n = |k: &str| r[k].as_u64().unwrap();
        assert_eq!(n("read"), n("accepted") + n("rejected") + n("duplicate"));
    }
    let status_of = |p: &str| {
        files
            .iter()
            .find(|f| f["path"] == p)
            .map(|f| f["status"].as_str().unwrap().to_string())
    };
    assert_eq!(
        status_of("calamine/pass_protected.xlsx").as_deref(),
        Some("failed")
    );
    assert_eq!(
        status_of("calamine/issue_594_dos.ods").as_deref(),
        Some("failed")
    );
    // Opened without running out of memory; it holds no class table, so it is skipped.
    assert_eq!(
        status_of("calamine/OOM_alloc.xls").as_deref(),
        Some("skipped")
    );
}

fn walk(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| if p.is_dir() { walk(&p) } else { 1 })
        .sum()
}

/// Two good reports: kinh-te 40 + 35 learners, phap-luat 50.
fn good_files(dir: &Path) {
    common::kinh_te_march(&dir.join("kinh-te.xlsx"));
    let header = vec![T("STT"), T("Tên lớp"), T("Ngày mở lớp"), T("Số học viên")];
    book(
        &dir.join("phap-luat.xlsx"),
        &[(
            "T3",
            vec![header, vec![N(1.0), T("Luật Đất đai"), D(6, 3), N(50.0)]],
        )],
    );
}

fn hashes(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut v: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let h = Sha256::digest(std::fs::read(&p).unwrap());
            let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
            (p, hex)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn broken_and_foreign_files_beside_good_ones_change_nothing_and_are_all_listed() {
    let alone = tempfile::tempdir().unwrap();
    good_files(alone.path());
    let expected = per_sub(&run(alone.path()));
    // kinh-te 2 classes / 75, phap-luat 1 / 50.
    assert_eq!(&expected[..2], &[(2, 75), (1, 50)]);

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    good_files(d);
    let good = std::fs::read(d.join("kinh-te.xlsx")).unwrap();
    std::fs::write(d.join("cat-do.xlsx"), &good[..good.len() / 2]).unwrap();
    // Written long ago: a truncated file, not one still being copied.
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(d.join("cat-do.xlsx"))
        .unwrap()
        .set_modified(old)
        .unwrap();
    std::fs::write(d.join("rong.xlsx"), b"").unwrap();
    std::fs::copy(
        shared().join("calamine/pass_protected.xlsx"),
        d.join("mat-khau.xlsx"),
    )
    .unwrap();
    std::fs::write(
        d.join("xuat-tu-web.xlsx"),
        "STT,Tên lớp,Số học viên\n1,Luật,40\n",
    )
    .unwrap();
    std::fs::write(d.join("~$kinh-te.xlsx"), b"owner lock").unwrap();
    std::fs::write(d.join("cong-van.docx"), b"PK\x03\x04 not really").unwrap();
    std::fs::copy(d.join("phap-luat.xlsx"), d.join("phap-luat (1).xlsx")).unwrap();
    // Last month's output of the tool, left in the folder.
    let out = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args([
            "consolidate",
            alone.path().to_str().unwrap(),
            "-o",
            d.join("tong-hop-thang-truoc.xlsx").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());

    let before = hashes(d);
    let c = run(d);
    assert_eq!(hashes(d), before, "inputs are never modified");
    assert_eq!(per_sub(&c), expected);
    let listed: Vec<(&str, FileStatus, &str)> = c
        .files
        .iter()
        .map(|f| {
            (
                f.path.as_str(),
                f.status,
                f.reason.as_ref().map_or("", |p| p.code()),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("cat-do.xlsx", FileStatus::Failed, "damaged-file"),
            ("cong-van.docx", FileStatus::Skipped, "not-spreadsheet"),
            ("kinh-te.xlsx", FileStatus::Read, ""),
            ("mat-khau.xlsx", FileStatus::Failed, "password-protected"),
            ("phap-luat.xlsx", FileStatus::Read, ""),
            (
                "phap-luat (1).xlsx",
                FileStatus::Duplicate,
                "duplicate-file"
            ),
            ("rong.xlsx", FileStatus::Failed, "empty-file"),
            (
                "tong-hop-thang-truoc.xlsx",
                FileStatus::Skipped,
                "own-output"
            ),
            (
                "xuat-tu-web.xlsx",
                FileStatus::Failed,
                "not-really-spreadsheet"
            ),
            ("~$kinh-te.xlsx", FileStatus::Skipped, "lock-file"),
        ]
    );
    assert!(c.totals().reconciles());
}

#[test]
fn a_consolidation_leaves_every_sample_untouched() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let all = |dir: &Path| -> Vec<(PathBuf, String)> {
        let mut v = hashes(dir);
        for sub in std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
        {
            v.extend(hashes(&sub));
        }
        v
    };
    let before = all(&samples);
    let out = tempfile::tempdir().unwrap();
    let (code, _, _) = run_bounded(
        &[
            "consolidate",
            samples.to_str().unwrap(),
            "-o",
            out.path().join("t.xlsx").to_str().unwrap(),
        ],
        Duration::from_secs(60),
    );
    assert_eq!(code, Some(0));
    assert_eq!(all(&samples), before);
}

/// An .ods of a few hundred bytes whose one filled cell, repeated over 16,000 columns,
/// sits in a row repeated 1,000 times: opened as it is, calamine would build 1,000 ×
/// 16,000 = 16,000,000 cells (some 800 MB), every one of them filled, so folding the
/// empty stretches away saves nothing. It is refused before that, with the count, and
/// the good report beside it is counted. (One filled cell at column 16,000 is read:
/// tests/hostile.rs.)
#[test]
fn an_ods_that_asks_for_millions_of_cells_is_refused_before_they_exist() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
        xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
        xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
        <office:body><office:spreadsheet><table:table table:name=\"T1\">\
        <table:table-row table:number-rows-repeated=\"1000\">\
        <table:table-cell table:number-columns-repeated=\"16000\" office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell>\
        </table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let file = std::fs::File::create(dir.path().join("bom.ods")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    book(
        &dir.path().join("phap-luat.xlsx"),
        &[(
            "T3",
            vec![
                vec![T("STT"), T("Tên lớp"), T("Ngày mở lớp"), T("Số học viên")],
                vec![N(1.0), T("Luật Đất đai"), D(5, 3), N(40.0)],
            ],
        )],
    );
    let folder = dir.path().to_str().unwrap();
    let (code, out, peak_kib) =
        run_bounded(&["check", folder, "--json", "-"], Duration::from_secs(60));
    let j: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let bomb = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "bom.ods")
        .unwrap();
    assert_eq!(bomb["status"], "failed");
    assert!(
        bomb["reason"]
            .as_str()
            .unwrap()
            .starts_with("tệp khai báo 16000000 ô"),
        "{bomb}"
    );
    // The good file: one class of 40 learners; a failed file makes `check` exit 2.
    assert_eq!(j["totals"]["classes"], 1);
    assert_eq!(j["totals"]["learners"], 40);
    assert_eq!(code, Some(2));
    assert!(peak_kib < 300 * 1024, "peak {peak_kib} KiB");
}
