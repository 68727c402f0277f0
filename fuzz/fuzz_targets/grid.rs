//! Fuzzes the part that turns a grid of cells into classes and diagnostics: header
//! recognition, row kinds, normalisation and validation, legacy-font repair.
//!
//! The input is read as lines of tab-separated cells; a cell that parses as a number is
//! a number cell, one starting with '@' is a date cell (days after 1 January 2019), the
//! rest is text. When the first byte is even, a known header row is put on top so that
//! the fuzzer spends its time on the rows below it.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use tthtcd::input::grid::{CellValue, Grid, SheetGrid};
use tthtcd::normalise::legacy;
use tthtcd::recognise::{RowOutcome, SheetContext, read_sheet};
use tthtcd::{Plan, Vocabulary};

fn cell(s: &str) -> CellValue {
    if s.is_empty() {
        CellValue::Empty
    } else if let Some(days) = s.strip_prefix('@').and_then(|d| d.parse::<u64>().ok()) {
        let start = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
        start.checked_add_days(chrono::Days::new(days % 800)).map_or(CellValue::Empty, CellValue::Date)
    } else if let Ok(n) = s.parse::<f64>() {
        CellValue::Number(n)
    } else {
        CellValue::Text(s.to_string())
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut rows: Vec<Vec<CellValue>> = text.lines().map(|l| l.split('\t').map(cell).collect()).collect();
    if data.first().is_some_and(|b| b % 2 == 0) {
        let header = ["STT", "Tiểu ban", "Tên chuyên đề", "Ngày mở lớp", "Thôn", "Số học viên", "Nam", "Nữ"];
        rows.insert(0, header.iter().map(|h| CellValue::Text(h.to_string())).collect());
    }
    let mut grid = Grid { top: 0, left: 0, rows, ..Default::default() };
    legacy::repair(&mut grid);
    let vocabulary = Vocabulary::from(&Plan::embedded());
    let ctx = SheetContext {
        vocabulary: &vocabulary,
        file: "fuzz.xlsx",
        file_subcommittee: None,
    };
    let sheet = SheetGrid { name: "T3".into(), hidden: false, grid };
    let result = read_sheet(&ctx, &sheet);
    let rejected = result.rows.iter().filter(|o| matches!(o, RowOutcome::Rejected)).count();
    let errors = result.diagnostics.iter().filter(|d| d.severity() == tthtcd::diagnostics::Severity::Error).count();
    assert!(errors >= rejected, "a rejected row without an error");
});
