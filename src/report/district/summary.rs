//! Tổng hợp huyện: the page the office's head signs. A row a commune in the commune
//! workbook's figures table (classes and learners: target, due, done, share; status),
//! then participation, monthly reports, errors and the folder the figures count by;
//! the totals; two charts; the signature block.

use rust_xlsxwriter::{ColNum, Formula, RowNum, Worksheet, XlsxError};

use super::{DCtx, failed_row, note};
use crate::check::Measure;
use crate::consolidation::Consolidation;
use crate::diagnostics::Severity;
use crate::labels::{district as k, sheet as s};
use crate::report::formats::cell_text;
use crate::report::sheets::quarters::added;
use crate::report::sheets::summary::charts;
use crate::report::sheets::{
    ListCol, admin_heading, col, figures_counted, figures_header, figures_totals, fit_height,
    highlight_short, ratio, signature, sum, sumifs, widths,
};

/// The columns after the figures table's (STT, name, 8 figures, status).
const POPULATION: ColNum = 11;
const RATE: ColNum = 12;
const TARGET_RATE: ColNum = 13;
const RECEIVED: ColNum = 14;
const DUE: ColNum = 15;
const ERRORS: ColNum = 16;
const FOLDER: ColNum = 17;
const LAST: ColNum = FOLDER;
/// Learners done, in the figures table.
const LEARNERS_DONE: ColNum = 8;
const WIDTHS: [f64; 18] = [
    5.0, 24.0, 8.0, 10.0, 8.0, 9.0, 9.0, 10.0, 9.0, 9.0, 13.0, 10.0, 9.0, 9.0, 8.0, 8.0, 7.0, 14.0,
];
/// The reason of a commune not consolidated spans columns 2 to 16.
const REASON_WIDTH: f64 = 136.0;

pub fn write(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    let name = dc.t(k::SHEET_SUMMARY);
    ws.set_name(name)?;
    widths(ws, &WIDTHS)?;
    let title = format!("{} {}", dc.t(k::TITLE_SUMMARY), dc.dates.year);
    let sub = format!("({} {})", dc.t(s::AS_OF), dc.as_of());
    let h1 = admin_heading(ws, dc, LAST, &title, &sub)?;
    let h2 = figures_header(ws, dc, h1, dc.t(k::COMMUNE))?;
    more_headings(ws, dc, h1)?;
    let first = h2 + 1;
    let mut row = first;
    for (i, commune) in dc.d.communes.iter().enumerate() {
        match &commune.outcome {
            crate::district::CommuneOutcome::Done(c) => commune_row(ws, dc, row, i, c)?,
            crate::district::CommuneOutcome::Failed(reason) => {
                let what = (i, commune.folder.as_str(), reason.as_str());
                failed_row(ws, dc, (row, ERRORS), what, REASON_WIDTH)?;
                ws.write_string_with_format(row, FOLDER, cell_text(&commune.folder), &dc.f.text)?;
            }
        }
        row += 1;
    }
    let last = row.saturating_sub(1);
    totals(ws, dc, row, (first, last))?;
    highlight_short(ws, dc, first, last)?;
    ws.set_freeze_panes(first, 2)?;
    note(ws, dc, row + 2, LAST, (k::STATUS_NOTE, 180.0))?;
    let chart_row = row + 4;
    if row > first {
        // Wider than the commune's: the table is too.
        charts(ws, dc, (name, first, last), chart_row, ([1, 9], (560, 240)))?;
    }
    // 240 px of chart is about 12 rows of 20 px; three more keep the signature clear.
    let sign = chart_row + 15;
    signature(ws, dc, sign, LAST)?;
    ws.set_print_area(0, 0, sign + 6, LAST)?;
    dc.page_setup(ws, (h1, h2))
}

/// The headings of the columns after the figures table's, over its two heading rows.
fn more_headings(ws: &mut Worksheet, dc: &DCtx, h1: RowNum) -> Result<(), XlsxError> {
    let (f, h2) = (&dc.f, h1 + 1);
    ws.merge_range(
        h1,
        POPULATION,
        h1,
        TARGET_RATE,
        dc.t(s::PARTICIPATION),
        &f.header,
    )?;
    ws.merge_range(h1, RECEIVED, h1, DUE, dc.t(k::REPORTS), &f.header)?;
    ws.merge_range(h1, ERRORS, h2, ERRORS, dc.t(k::ERRORS), &f.header)?;
    ws.merge_range(h1, FOLDER, h2, FOLDER, dc.t(k::FOLDER), &f.header)?;
    let below = [
        (POPULATION, s::PARTICIPATION_POPULATION),
        (RATE, s::PARTICIPATION_RATE),
        (TARGET_RATE, s::PARTICIPATION_TARGET),
        (RECEIVED, k::REPORTS_RECEIVED),
        (DUE, k::REPORTS_DUE),
    ];
    for (at, label) in below {
        ws.write_string_with_format(h2, at, dc.t(label), &f.header)?;
    }
    ws.set_row_height(h1, 32)?;
    Ok(())
}

/// Commune `i`'s row: its figures, done counted from Danh sách lớp by its folder.
fn commune_row(
    ws: &mut Worksheet,
    dc: &DCtx,
    row: RowNum,
    i: usize,
    c: &Consolidation,
) -> Result<(), XlsxError> {
    let (f, sm) = (&dc.f, &c.summary);
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, 1, cell_text(&c.plan.unit), &f.text)?;
    let cell = format!("${}{}", col(FOLDER), row + 1);
    let criterion = dc.folder_criterion(i, &cell);
    let list = dc.list();
    let done = [ListCol::Classes, ListCol::Learners]
        .map(|what| criterion.as_deref().and_then(|c| sumifs(&list, what, c)));
    figures_counted(ws, dc, row, (&sm.classes, &sm.learners), done)?;
    let status = dc.t(c.summary.status().label());
    ws.write_string_with_format(row, 10, status, &f.text_center)?;
    let p = &sm.participation;
    ws.write_number_with_format(row, POPULATION, f64::from(p.population_15_plus), &f.int)?;
    let pop = u64::from(p.population_15_plus);
    ratio(
        ws,
        row,
        RATE,
        (LEARNERS_DONE, p.learners),
        (POPULATION, pop),
        &f.pct,
    )?;
    ws.write_number_with_format(row, TARGET_RATE, p.target_rate, &f.pct)?;
    let k = &c.completeness;
    ws.write_number_with_format(row, RECEIVED, f64::from(k.received), &f.int)?;
    ws.write_number_with_format(row, DUE, f64::from(k.expected), &f.int)?;
    ws.write_number_with_format(row, ERRORS, errors(c) as f64, &f.int)?;
    let folder = dc.d.communes.get(i).map_or("", |c| c.folder.as_str());
    ws.write_string_with_format(row, FOLDER, cell_text(folder), &f.text)?;
    fit_height(ws, row, &[(&c.plan.unit, WIDTHS[1]), (folder, WIDTHS[17])])
}

/// The error-severity problems of a commune: rows or files not counted.
fn errors(c: &Consolidation) -> u64 {
    let errors = c
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error);
    errors.count() as u64
}

/// The district's totals at `row` under the communes' rows `first` to `last`: SUMs,
/// the shares of the sums, and the planned rate of the district (the communes' planned
/// rates weighted by their population).
fn totals(
    ws: &mut Worksheet,
    dc: &DCtx,
    row: RowNum,
    (first, last): (RowNum, RowNum),
) -> Result<(), XlsxError> {
    let f = &dc.f;
    let (classes, learners) = measures(dc);
    figures_totals(ws, dc, row, (first, last), (&classes, &learners))?;
    let all = |v: &dyn Fn(&Consolidation) -> u64| dc.done.iter().map(|(_, c)| v(c)).sum::<u64>();
    let pop = all(&|c| u64::from(c.summary.participation.population_15_plus));
    sum(ws, row, POPULATION, first, last, pop, &f.total_int)?;
    let rate = (LEARNERS_DONE, learners.actual);
    ratio(ws, row, RATE, rate, (POPULATION, pop), &f.total_pct)?;
    planned_rate(ws, dc, row, (first, last), pop)?;
    let received = all(&|c| u64::from(c.completeness.received));
    sum(ws, row, RECEIVED, first, last, received, &f.total_int)?;
    let due = all(&|c| u64::from(c.completeness.expected));
    sum(ws, row, DUE, first, last, due, &f.total_int)?;
    sum(ws, row, ERRORS, first, last, all(&errors), &f.total_int)?;
    ws.write_blank(row, FOLDER, &f.total_text)?;
    Ok(())
}

/// The communes' classes and learners added up.
fn measures(dc: &DCtx) -> (Measure, Measure) {
    let done = || dc.done.iter().map(|(_, c)| &c.summary);
    (
        added(done().map(|s| &s.classes)),
        added(done().map(|s| &s.learners)),
    )
}

/// The district's planned rate: Σ rate × population / Σ population, empty for no
/// population.
fn planned_rate(
    ws: &mut Worksheet,
    dc: &DCtx,
    row: RowNum,
    (first, last): (RowNum, RowNum),
    pop: u64,
) -> Result<(), XlsxError> {
    let weighted: f64 = dc
        .done
        .iter()
        .map(|(_, c)| {
            let p = &c.summary.participation;
            p.target_rate * f64::from(p.population_15_plus)
        })
        .sum();
    let (p, r) = (col(POPULATION), col(TARGET_RATE));
    let (a, b, t) = (first + 1, last.max(first) + 1, row + 1);
    let text = format!("=IF({p}{t}>0,SUMPRODUCT({p}{a}:{p}{b},{r}{a}:{r}{b})/{p}{t},\"\")");
    let value = if pop > 0 {
        (weighted / pop as f64).to_string()
    } else {
        String::new()
    };
    let formula = Formula::new(text).set_result(value);
    ws.write_formula_with_format(row, TARGET_RATE, formula, &dc.f.total_pct)?;
    Ok(())
}
