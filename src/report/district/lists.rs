//! Danh sách lớp, Cảnh báo and Nguồn of the district: the commune workbook's lists
//! with each item's commune (its name and folder) after STT, commune after commune.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::{DCtx, Dates, titled};
use crate::consolidation::Consolidation;
use crate::district::CommuneOutcome;
use crate::labels::{Label, Lang, district as k, l, sheet as s};
use crate::report::formats::cell_text;
use crate::report::sheets::classes::{ClassList, Listed, listed, write_list};
use crate::report::sheets::{List, ListPlace, fit_height, sources, warnings};

/// The commune's columns after STT: its name, its folder.
const COMMUNE: [(Label, f64); 2] = [(k::COMMUNE, 20.0), (k::FOLDER, 14.0)];
/// The first column of the item's own after the commune's.
const AT: ColNum = 3;

/// Every class of every commune consolidated, in commune order, each commune's in its
/// filing order.
pub fn classes(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    let mut items = Vec::new();
    for (i, c) in &dc.done {
        let folder = dc.d.communes.get(*i).map_or("", |c| c.folder.as_str());
        items.extend(commune_items(c, folder));
    }
    let list = class_list(&dc.dates, dc.d.name.as_deref(), dc.lang);
    write_list(ws, dc, &list, &items)
}

/// The district's class list: its title, the commune's columns after STT.
pub(super) fn class_list(dates: &Dates, name: Option<&str>, lang: Lang) -> ClassList<'static> {
    ClassList {
        place: ListPlace {
            sheet: l::SHEET_CLASSES.get(lang),
            // Writing the list needs not its length (the figures' formulas over it do,
            // see `DCtx::list`).
            rows: 0,
            shift: 2,
        },
        title: titled(s::TITLE_CLASSES, &dates.year, name, lang),
        between: &COMMUNE,
    }
}

/// A commune's classes as the district's list shows them: with its name and `folder`.
pub(super) fn commune_items<'a>(c: &'a Consolidation, folder: &'a str) -> Vec<Listed<'a>> {
    listed(c, Some((c.plan.unit.as_str(), folder)))
}

/// The top of a list of the commune workbook (`headings`, `widths` from its STT on)
/// with the commune's columns after STT; returns the list and the heading row.
fn top<'a>(
    ws: &mut Worksheet,
    dc: &DCtx,
    (name, title): (Label, String),
    (headings, widths): (&'a [&'a str], &'a [f64]),
) -> Result<(List<'a>, RowNum), XlsxError> {
    let list = List {
        name: name.get(dc.lang),
        widths,
        title,
        headings,
        tall_headings: true,
    };
    let header = list.top(ws, dc)?;
    Ok((list, header))
}

/// The commune workbook's `headings` and `widths` with the commune's two columns after
/// STT.
fn with_commune(dc: &DCtx, headings: &[Label], widths: &[f64]) -> (Vec<&'static str>, Vec<f64>) {
    let mut h: Vec<&str> = headings.iter().take(1).map(|l| dc.t(*l)).collect();
    let mut w: Vec<f64> = widths.iter().take(1).copied().collect();
    for (label, width) in COMMUNE {
        h.push(dc.t(label));
        w.push(width);
    }
    h.extend(headings.iter().skip(1).map(|l| dc.t(*l)));
    w.extend(widths.iter().skip(1));
    (h, w)
}

/// The commune's name and folder at `row`.
fn commune_cells(
    ws: &mut Worksheet,
    dc: &DCtx,
    row: RowNum,
    (unit, folder): (&str, &str),
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 1, cell_text(unit), &dc.f.text)?;
    ws.write_string_with_format(row, 2, cell_text(folder), &dc.f.text)?;
    Ok(())
}

/// Every problem of every commune, and a line for each commune not consolidated.
pub fn warnings(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    let (h, w) = with_commune(dc, &warnings::HEADINGS, &warnings::WIDTHS);
    let title = dc.plain_title(s::TITLE_WARNINGS);
    let (list, header) = top(ws, dc, (l::SHEET_WARNINGS, title), (&h, &w))?;
    let mut row = header + 1;
    let mut n = 0;
    for commune in &dc.d.communes {
        let folder = commune.folder.as_str();
        match &commune.outcome {
            CommuneOutcome::Done(c) => {
                for d in &c.diagnostics {
                    commune_cells(ws, dc, row, (&c.plan.unit, folder))?;
                    warnings::problem_row(ws, dc, (row, AT), n, d)?;
                    (row, n) = (row + 1, n + 1);
                }
            }
            CommuneOutcome::Failed(reason) => {
                let message = k::failed(reason, dc.lang);
                error_line(ws, dc, (row, n), (folder, k::FAILED_CODE, ""), &message)?;
                (row, n) = (row + 1, n + 1);
            }
        }
    }
    for file in &dc.d.loose {
        let message = k::loose(file, dc.lang);
        error_line(ws, dc, (row, n), ("", k::LOOSE_CODE, file), &message)?;
        (row, n) = (row + 1, n + 1);
    }
    if n == 0 {
        let last = list.last_col();
        ws.merge_range(row, 0, row, last, dc.t(s::NO_PROBLEMS), &dc.f.text)?;
        row += 1;
    }
    list.end(ws, dc, header, row)
}

/// A line of the district's own errors: a commune not consolidated (`commune-failed`,
/// with its folder), a file outside every commune (`not-in-commune`, with the file).
fn error_line(
    ws: &mut Worksheet,
    dc: &DCtx,
    (row, n): (RowNum, usize),
    (folder, code, file): (&str, &str, &str),
    message: &str,
) -> Result<(), XlsxError> {
    let f = &dc.f;
    ws.write_number_with_format(row, 0, (n + 1) as f64, &f.text_center)?;
    commune_cells(ws, dc, row, ("", folder))?;
    ws.write_string_with_format(row, AT, dc.t(l::SEV_ERROR), &f.warn_cell)?;
    ws.write_string_with_format(row, AT + 1, code, &f.warn_cell)?;
    ws.write_string_with_format(row, AT + 2, cell_text(file), &f.text)?;
    for at in AT + 3..AT + 5 {
        ws.write_blank(row, at, &f.text)?;
    }
    ws.write_string_with_format(row, AT + 5, cell_text(message), &f.warn_cell)?;
    let width = warnings::WIDTHS.last().copied().unwrap_or(72.0);
    fit_height(ws, row, &[(message, width)])
}

/// Every file of every commune consolidated, and the rows of all added up.
pub fn sources(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    let (h, w) = with_commune(dc, &sources::HEADINGS, &sources::WIDTHS);
    let title = dc.plain_title(s::TITLE_SOURCES);
    let (list, header) = top(ws, dc, (l::SHEET_SOURCES, title), (&h, &w))?;
    let first = header + 1;
    let mut row = first;
    let mut n = 0;
    let mut all = crate::diagnostics::Ledger::default();
    for (i, c) in &dc.done {
        let folder = dc.d.communes.get(*i).map_or("", |c| c.folder.as_str());
        for file in &c.files {
            commune_cells(ws, dc, row, (&c.plan.unit, folder))?;
            sources::file_row(ws, dc, (row, AT), n, file)?;
            all.add(&file.ledger);
            (row, n) = (row + 1, n + 1);
        }
    }
    sources::totals(ws, dc, (row, AT), first, &all)?;
    list.end(ws, dc, header, row)
}
