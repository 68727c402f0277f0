//! Nộp báo cáo: a row a commune, a column a month, each cell the monthly reports
//! received of those due (its sub-committees'), then the year's due, received and on
//! time, and the share received.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::{DCtx, failed_row, note};
use crate::check::completeness::{Completeness, Delivery};
use crate::consolidation::Consolidation;
use crate::district::CommuneOutcome;
use crate::labels::{district as k, sheet as s};
use crate::report::formats::cell_text;
use crate::report::sheets::{List, fit_height, ratio, sum};

/// Columns: STT, commune, twelve months, then the year's figures.
const DUE: ColNum = 14;
const RECEIVED: ColNum = 15;
const ON_TIME: ColNum = 16;
const SHARE: ColNum = 17;
const MONTH_WIDTH: f64 = 7.0;

pub fn write(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    let mut w = vec![5.0, 24.0];
    w.extend([MONTH_WIDTH; 12]);
    w.extend([9.0, 9.0, 9.0, 10.0]);
    let mut headings: Vec<String> = vec![dc.t(s::STT).into(), dc.t(k::COMMUNE).into()];
    headings.extend((1..=12).map(|m| format!("{}{m}", dc.t(s::MONTH_PREFIX))));
    let year = [
        k::REPORTS_DUE,
        k::REPORTS_RECEIVED,
        k::REPORTS_ON_TIME,
        k::REPORTS_SHARE,
    ];
    headings.extend(year.map(|h| dc.t(h).to_string()));
    let refs: Vec<&str> = headings.iter().map(String::as_str).collect();
    let list = List {
        name: dc.t(k::SHEET_REPORTING),
        widths: &w,
        title: dc.title(k::TITLE_REPORTING),
        headings: &refs,
        tall_headings: true,
    };
    let header = list.top(ws, dc)?;
    let first = header + 1;
    let mut row = first;
    for (i, commune) in dc.d.communes.iter().enumerate() {
        match &commune.outcome {
            CommuneOutcome::Done(c) => commune_row(ws, dc, (row, i), c)?,
            CommuneOutcome::Failed(reason) => {
                let what = (i, commune.folder.as_str(), reason.as_str());
                failed_row(ws, dc, (row, SHARE), what, 130.0)?;
            }
        }
        row += 1;
    }
    totals(ws, dc, row, first)?;
    list.end(ws, dc, header, row)?;
    ws.set_freeze_panes(first, 2)?;
    note(ws, dc, row + 2, SHARE, (k::REPORTING_NOTE, w.iter().sum()))
}

/// A month's reports of a commune: (due, received, late).
fn month(k: &Completeness, m: usize) -> (u32, u32, u32) {
    let cells = k
        .grid
        .iter()
        .filter_map(|row| row.get(m).copied().flatten());
    cells.fold((0, 0, 0), |(due, got, late), d| match d {
        Delivery::OnTime => (due + 1, got + 1, late),
        Delivery::Late => (due + 1, got + 1, late + 1),
        Delivery::Missing => (due + 1, got, late),
        Delivery::NotDue => (due, got, late),
    })
}

/// Commune `i`'s row: "received/due" a month (red with some missing, red text with
/// some late), then the year's figures.
fn commune_row(
    ws: &mut Worksheet,
    dc: &DCtx,
    (row, i): (RowNum, usize),
    c: &Consolidation,
) -> Result<(), XlsxError> {
    let f = &dc.f;
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, 1, cell_text(&c.plan.unit), &f.text)?;
    let k = &c.completeness;
    for m in 0..12 {
        let (due, got, late) = month(k, m);
        let (text, format) = match (due, got < due, late > 0) {
            (0, _, _) => (String::new(), &f.text_center),
            (_, true, _) => (format!("{got}/{due}"), &f.short_center),
            (_, false, true) => (format!("{got}/{due}"), &f.late_center),
            _ => (format!("{got}/{due}"), &f.text_center),
        };
        ws.write_string_with_format(row, 2 + m as ColNum, &text, format)?;
    }
    for (at, v) in [
        (DUE, k.expected),
        (RECEIVED, k.received),
        (ON_TIME, k.on_time),
    ] {
        ws.write_number_with_format(row, at, f64::from(v), &f.int)?;
    }
    let share = (RECEIVED, u64::from(k.received));
    ratio(ws, row, SHARE, share, (DUE, u64::from(k.expected)), &f.pct)?;
    fit_height(ws, row, &[(&c.plan.unit, 24.0)])
}

/// The district's reports at `row`, under the communes' from `first`.
fn totals(ws: &mut Worksheet, dc: &DCtx, row: RowNum, first: RowNum) -> Result<(), XlsxError> {
    let f = &dc.f;
    ws.merge_range(row, 0, row, DUE - 1, dc.t(s::TOTAL), &f.total_text)?;
    let all = |v: fn(&Completeness) -> u32| {
        let each = dc.done.iter().map(|(_, c)| u64::from(v(&c.completeness)));
        each.sum::<u64>()
    };
    let (due, got) = (all(|k| k.expected), all(|k| k.received));
    let last = row.saturating_sub(1);
    sum(ws, row, DUE, first, last, due, &f.total_int)?;
    sum(ws, row, RECEIVED, first, last, got, &f.total_int)?;
    sum(
        ws,
        row,
        ON_TIME,
        first,
        last,
        all(|k| k.on_time),
        &f.total_int,
    )?;
    ratio(ws, row, SHARE, (RECEIVED, got), (DUE, due), &f.total_pct)
}
