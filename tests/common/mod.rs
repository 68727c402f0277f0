//! Fixture workbooks built by code for the whole-run tests, and helpers to run the
//! pipeline on them.
#![allow(dead_code)]

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use tthtcd::{Config, Consolidation, Plan};

/// A cell of a fixture row.
pub enum V {
    T(&'static str),
    /// Text made at run time (e.g. legacy-encoded).
    S(String),
    N(f64),
    /// A date cell (year 2019 unless the month is 12 → 2018), formatted dd/mm/yyyy.
    D(u8, u8),
    /// A date-time cell: day, month, hour, minute.
    Dt(u8, u8, u8, u8),
    /// A formula and its stored result.
    F(&'static str, f64),
    E,
}

fn put(ws: &mut Worksheet, r: u32, c: u16, v: &V) {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    match v {
        V::T(s) => drop(ws.write(r, c, *s).unwrap()),
        V::S(s) => drop(ws.write(r, c, s.as_str()).unwrap()),
        V::N(n) => drop(ws.write(r, c, *n).unwrap()),
        V::D(d, m) => {
            let y = if *m == 12 { 2018 } else { 2019 };
            ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(y, *m, *d).unwrap(), &date)
                .unwrap();
        }
        V::Dt(d, m, h, min) => {
            let dt = ExcelDateTime::from_ymd(2019, *m, *d)
                .unwrap()
                .and_hms(u16::from(*h), *min, 0)
                .unwrap();
            let f = Format::new().set_num_format("dd/mm/yyyy hh:mm");
            ws.write_datetime_with_format(r, c, dt, &f).unwrap();
        }
        V::F(f, result) => drop(
            ws.write_formula(r, c, Formula::new(*f).set_result(result.to_string()))
                .unwrap(),
        ),
        V::E => {}
    }
}

/// A sheet of a fixture workbook.
pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<V>>,
    pub hidden: bool,
}

pub fn sheet(name: &'static str, rows: Vec<Vec<V>>) -> Sheet {
    Sheet {
        name,
        rows,
        hidden: false,
    }
}

/// Writes a workbook; `inline` writes its strings inline (as some producers do) rather
/// than in the shared-strings table.
pub fn book_with(path: &Path, sheets: &[Sheet], inline: bool) {
    let mut wb = Workbook::new();
    for s in sheets {
        let ws = if inline {
            wb.add_worksheet_with_constant_memory().unwrap()
        } else {
            wb.add_worksheet()
        };
        ws.set_name(s.name).unwrap();
        if s.hidden {
            ws.set_hidden(true);
        }
        for (r, row) in s.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, r as u32, c as u16, v);
            }
        }
    }
    wb.save(path).unwrap();
}

pub fn book(path: &Path, sheets: &[(&'static str, Vec<Vec<V>>)]) {
    let sheets: Vec<Sheet> = sheets
        .iter()
        .map(|(n, rows)| {
            sheet(
                n,
                rows.iter().map(|r| r.iter().map(copy).collect()).collect(),
            )
        })
        .collect();
    book_with(path, &sheets, false);
}

fn copy(v: &V) -> V {
    match v {
        V::T(s) => V::T(s),
        V::S(s) => V::S(s.clone()),
        V::N(n) => V::N(*n),
        V::D(d, m) => V::D(*d, *m),
        V::Dt(d, m, h, mi) => V::Dt(*d, *m, *h, *mi),
        V::F(f, r) => V::F(f, *r),
        V::E => V::E,
    }
}

pub fn run(dir: &Path) -> Consolidation {
    tthtcd::run(&Config {
        folder: dir.to_path_buf(),
        plan: Plan::embedded(),
        as_of: None,
        output: None,
        progress: None,
    })
    .unwrap()
}

/// (classes, learners) per sub-committee in plan order.
pub fn per_sub(c: &Consolidation) -> Vec<(u64, u64)> {
    c.summary
        .subcommittees
        .iter()
        .map(|s| (s.classes.actual, s.learners.actual))
        .collect()
}

/// (code, sheet, cell) of every warning and error, in order.
pub fn problems(c: &Consolidation) -> Vec<(String, String, String)> {
    c.diagnostics
        .iter()
        .filter(|d| d.severity() != tthtcd::diagnostics::Severity::Info)
        .map(|d| {
            (
                d.code().to_string(),
                d.sheet.clone().unwrap_or_default(),
                d.cell.clone().unwrap_or_default(),
            )
        })
        .collect()
}

pub fn p(code: &str, sheet: &str, cell: &str) -> (String, String, String) {
    (code.to_string(), sheet.to_string(), cell.to_string())
}
