//! The table `consolidate` prints for the committed samples/, read back cell by cell.
//! The targets are the plan's (templates/plan-2019.toml); the classes and learners are
//! the ones counted by hand in examples/make_samples.rs's doc comment, as in
//! tests/samples.rs, not taken from the tool's output. The run ends 2019, so what is
//! due is the whole target.

use std::path::Path;
use std::process::Command;

use tthtcd::labels::{Lang, cli};

fn table(lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .arg("consolidate")
        .arg(samples)
        .arg("-o")
        .arg(dir.path().join("tong-hop.xlsx"))
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    String::from_utf8(o.stdout).unwrap()
}

/// The table's lines: those that start with `|`.
fn table_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with('|')).collect()
}

/// A line's cells, as drawn (with their padding) and trimmed.
fn cells(line: &str) -> Vec<&str> {
    let inner = line.strip_prefix('|').unwrap().strip_suffix('|').unwrap();
    inner.split('|').collect()
}

/// (name, class target, classes, learner target, learners, status): due = target.
type Expected = (&'static str, u64, u64, u64, u64, &'static str);

const VI: [Expected; 7] = [
    // 110+95+105+90+100+120+98+102 = 820 ≥ 800 in 8 of 8 classes: met.
    ("Tiểu ban phát triển kinh tế", 8, 8, 800, 820, "Đạt"),
    ("Tiểu ban pháp luật", 8, 5, 750, 353, "Không đạt"),
    ("Tiểu ban văn hóa xã hội", 11, 5, 700, 261, "Không đạt"),
    // 365 to April, May 48 + 62 = 110: 475.
    ("Tiểu ban chăm sóc sức khỏe", 13, 7, 850, 475, "Không đạt"),
    (
        "Tiểu ban giáo dục bảo vệ môi trường",
        7,
        3,
        800,
        293,
        "Không đạt",
    ),
    ("Các chương trình khác", 7, 3, 450, 110, "Không đạt"),
    // 8+8+11+13+7+7 = 54 classes and 800+750+700+850+800+450 = 4350 learners planned.
    ("Tổng cộng", 54, 31, 4350, 2312, ""),
];

fn check(text: &str, lang: Lang, expected: &[Expected]) {
    assert!(!text.contains('\x1b'), "colour codes when piped:\n{text}");
    let lines = table_lines(text);
    assert_eq!(lines.len(), 2 + expected.len(), "{text}");
    // Every line of the table as wide as the heading's (the samples' names are NFC).
    let width = lines[0].chars().count();
    assert!(lines.iter().all(|l| l.chars().count() == width), "{text}");
    let head: Vec<&str> = cells(lines[0]).iter().map(|c| c.trim()).collect();
    let words: Vec<&str> = cli::TABLE_HEAD.iter().map(|l| l.get(lang)).collect();
    assert_eq!(head, words);
    assert!(
        cells(lines[1])
            .iter()
            .all(|c| c.chars().all(|ch| ch == '-'))
    );
    for (line, (name, ct, c, lt, l, status)) in lines[2..].iter().zip(expected) {
        let drawn = cells(line);
        let figures = [ct, ct, c, lt, lt, l].map(u64::to_string);
        let trimmed: Vec<&str> = drawn.iter().map(|c| c.trim()).collect();
        assert_eq!(trimmed[0], *name);
        assert_eq!(
            trimmed[1..7],
            figures.each_ref().map(String::as_str),
            "{line}"
        );
        assert_eq!(trimmed[7], *status);
        // Words start after one space; figures end one space before the `|`.
        assert!(drawn[0].starts_with(&format!(" {name}")), "{line}");
        assert!(drawn[7].starts_with(&format!(" {status}")), "{line}");
        for (cell, figure) in drawn[1..7].iter().zip(&figures) {
            assert!(cell.ends_with(&format!("{figure} ")), "{line}");
        }
    }
}

#[test]
fn the_samples_table_in_vietnamese() {
    check(&table("vi"), Lang::Vi, &VI);
}

#[test]
fn the_samples_table_in_english() {
    // The same figures; the status words and the total line are English.
    let en: Vec<Expected> = VI
        .iter()
        .map(|&(name, ct, c, lt, l, status)| {
            let status = match status {
                "Đạt" => "Met",
                "Không đạt" => "Short",
                other => other,
            };
            let name = if name == "Tổng cộng" {
                "Total"
            } else {
                name
            };
            (name, ct, c, lt, l, status)
        })
        .collect();
    check(&table("en"), Lang::En, &en);
}

#[test]
fn the_missing_reports_are_one_entry_a_sub_committee_with_ranges_of_months() {
    // As of 31/12/2019 January to November are due (December's is due in January).
    // Received: every sub-committee January–April (van-hoa-xa-hoi's as sheets T1–T4
    // of one workbook), suc-khoe May too. Missing: 5 × 7 + 6 = 41.
    let text = table("vi");
    let line = text
        .lines()
        .find(|l| l.starts_with("Còn thiếu báo cáo"))
        .unwrap();
    assert_eq!(
        line,
        "Còn thiếu báo cáo (41): kinh-te tháng 5–11; phap-luat tháng 5–11; \
         van-hoa-xa-hoi tháng 5–11; suc-khoe tháng 6–11; moi-truong tháng 5–11; \
         khac tháng 5–11"
    );
    let text = table("en");
    assert!(
        text.contains("Reports missing (41): kinh-te months 5–11; phap-luat months 5–11;"),
        "{text}"
    );
}
