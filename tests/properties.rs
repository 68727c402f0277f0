//! Properties over arbitrary grids: recognising a table and reading its rows never
//! panics, every rejected row is explained, every accepted class is sound, and over a
//! whole run the ledger reconciles and the totals agree with each other; a plan written
//! as a plan file reads back as the same plan.

mod common;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use tthtcd::diagnostics::Severity;
use tthtcd::input::grid::{CellValue, Grid, SheetGrid};
use tthtcd::recognise::{RowOutcome, SheetContext, read_sheet};
use tthtcd::{Config, Plan, Vocabulary};

/// Cell values drawn from what class reports hold, plus noise.
fn cell() -> impl Strategy<Value = CellValue> {
    let words = prop::sample::select(vec![
        "STT",
        "TT",
        "Tên chuyên đề",
        "Nội dung",
        "Ngày mở lớp",
        "Thời gian",
        "Số học viên",
        "So HV",
        "Nam",
        "Nữ",
        "Tiểu ban",
        "Thôn",
        "Ghi chú",
        "Cộng",
        "Tổng cộng",
        "Người lập biểu",
        "GIÁM ĐỐC",
        "Kinh tế",
        "PTKT",
        "VHXH",
        "Khác",
        "Quốc phòng",
        "Luật Đất đai",
        "Trồng lúa",
        "15/03/2019",
        "31/02/2019",
        "ngày 5 tháng 3 năm 2019",
        "45",
        "1.200",
        "bốn mươi",
        "-3",
        "12,5",
        "45 HV",
        "(1)",
        "",
        " ",
        "Sè häc viªn",
        "Soá hoïc vieân",
    ]);
    prop_oneof![
        4 => words.prop_map(|s| CellValue::Text(s.to_string())),
        2 => (-5.0f64..2000.0).prop_map(|n| CellValue::Number(n.round())),
        1 => any::<f64>().prop_map(CellValue::Number),
        1 => (1u32..=12, 1u32..=28, 2018i32..=2020).prop_map(|(m, d, y)| {
            CellValue::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
        }),
        1 => any::<String>().prop_map(CellValue::Text),
        2 => Just(CellValue::Empty),
        1 => Just(CellValue::Error("#REF!".into())),
    ]
}

fn grid() -> impl Strategy<Value = Vec<Vec<CellValue>>> {
    prop::collection::vec(prop::collection::vec(cell(), 0..9), 0..30)
}

/// A header row the recogniser knows, so that the rows below are really exercised.
fn with_header(mut rows: Vec<Vec<CellValue>>, at: usize) -> Vec<Vec<CellValue>> {
    let header = [
        "STT",
        "Tiểu ban",
        "Tên chuyên đề",
        "Ngày mở lớp",
        "Số học viên",
        "Nam",
        "Nữ",
    ]
    .iter()
    .map(|s| CellValue::Text(s.to_string()))
    .collect();
    rows.insert(at.min(rows.len()), header);
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reading_any_grid_never_panics_and_explains_every_rejection(rows in grid(), at in 0usize..6) {
        let vocabulary = Vocabulary::from(&Plan::embedded());
        let ctx = SheetContext {
            vocabulary: &vocabulary,
            file: "x.xlsx",
            file_subcommittee: None,
        };
        let sheet = SheetGrid { name: "T3".into(), hidden: false, grid: Grid { top: 0, left: 0, rows: with_header(rows, at), ..Default::default() } };
        let result = read_sheet(&ctx, &sheet);
        prop_assert!(result.table_found);
        let rejected = result.rows.iter().filter(|o| **o == RowOutcome::Rejected).count();
        let errors = result.diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
        prop_assert!(errors >= rejected, "{} rejected rows, {} errors", rejected, errors);
        for d in &result.diagnostics {
            prop_assert!(d.cell.is_some() && d.sheet.is_some() && d.file.is_some());
        }
        for o in &result.rows {
            if let RowOutcome::Accepted(c) = o {
                prop_assert!(!c.topic.is_empty());
                prop_assert_eq!(c.date.year(), 2019);
                prop_assert!(c.subcommittee < vocabulary.subcommittees().count());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn over_a_whole_run_the_ledger_reconciles_and_totals_agree(
        sheets in prop::collection::vec((grid(), 0usize..4), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (i, (rows, at)) in sheets.into_iter().enumerate() {
            let rows = with_header(rows, at);
            let mut wb = rust_xlsxwriter::Workbook::new();
            let ws = wb.add_worksheet();
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match v {
                        CellValue::Text(s) => { ws.write(r, c, s.as_str()).unwrap(); }
                        CellValue::Number(n) if n.is_finite() => { ws.write(r, c, *n).unwrap(); }
                        CellValue::Date(d) => {
                            let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).unwrap();
                            ws.write_datetime_with_format(r, c, dt, &rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy")).unwrap();
                        }
                        _ => {}
                    }
                }
            }
            wb.save(dir.path().join(format!("kinh-te-{i}.xlsx"))).unwrap();
        }
        let c = tthtcd::run(&Config { folder: dir.path().to_path_buf(), plan: Plan::embedded(), plan_source: Default::default(), as_of: None, output: None, progress: None, sandbox: None }).unwrap();
        let t = c.totals();
        prop_assert!(t.reconciles());
        for f in &c.files {
            prop_assert!(f.ledger.reconciles());
        }
        prop_assert_eq!(t.accepted as usize, c.classes.len());
        let s = &c.summary;
        let by_sub: u64 = s.subcommittees.iter().map(|r| r.learners.actual).sum();
        let by_quarter: u64 = s.quarters.iter().map(|q| q.learners.actual).sum();
        let by_month: u64 = s.months.iter().flatten().map(|m| m.learners).sum();
        let listed: u64 = c.classes.iter().map(|k| u64::from(k.learners)).sum();
        prop_assert_eq!(by_sub, listed);
        prop_assert_eq!(by_quarter, listed);
        prop_assert_eq!(by_month, listed);
        prop_assert_eq!(s.learners.actual, listed);
        // The workbook can always be written.
        prop_assert!(tthtcd::report::workbook::workbook_bytes(&c, tthtcd::labels::Lang::Vi).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every valid plan survives being written as TOML: names with quotes, backslashes
    /// and marks, rates of any precision, optional keys set or not.
    #[test]
    fn a_plan_written_as_toml_reads_back_as_the_same_plan(plan in common::plans::plan()) {
        let text = plan.to_toml();
        prop_assert_eq!(Plan::from_toml(&text), Ok(plan), "{}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One plan, two forms: TOML → plan → plan form (the workbook, written to a file and
    /// read back as a secretary's would be) → plan is the plan the TOML holds.
    #[test]
    fn a_plan_through_its_toml_and_its_workbook_is_the_same_plan(plan in common::plans::plan()) {
        let from_toml = Plan::from_toml(&plan.to_toml());
        prop_assert_eq!(from_toml.as_ref(), Ok(&plan));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ke-hoach.xlsx");
        let bytes = tthtcd::report::plan_form::form_bytes(&plan, tthtcd::labels::Lang::Vi).unwrap();
        std::fs::write(&path, bytes).unwrap();
        let sheets = tthtcd::read_workbook(&path).unwrap();
        prop_assert_eq!(tthtcd::plan_form::from_sheets(&sheets), Ok(plan));
    }
}
