//! Nguồn: every file of the folder, what became of it and of its rows, and its SHA-256,
//! so the district office can tell exactly which files a report was made from.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::{Ctx, List, Page};
use super::{fit_height, sum};
use crate::consolidation::FileReport;
use crate::diagnostics::{FoundProblem, Ledger, Problem};
use crate::labels::{l, sheet as s};
use crate::report::formats::cell_text;

/// The columns: STT, then the file's from column 1 (see [`file_row`]).
pub const WIDTHS: [f64; 9] = [6.0, 32.0, 10.0, 40.0, 9.0, 9.0, 9.0, 9.0, 50.0];
pub const HEADINGS: [crate::labels::Label; 9] = [
    s::STT,
    s::FILE,
    s::FILE_STATUS,
    s::REASON,
    s::ROWS_READ,
    s::ROWS_ACCEPTED,
    s::ROWS_REJECTED,
    s::ROWS_DUPLICATE,
    s::SHA256,
];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let headings = HEADINGS.map(|h| ctx.t(h));
    let list = List {
        name: ctx.t(l::SHEET_SOURCES),
        widths: &WIDTHS,
        title: ctx.unit_title(s::TITLE_SOURCES),
        headings: &headings,
        tall_headings: true,
    };
    let header = list.top(ws, ctx)?;
    let first = header + 1;
    let mut row = first;
    for (i, file) in ctx.c.files.iter().enumerate() {
        file_row(ws, ctx, (row, 1), i, file)?;
        row += 1;
    }
    totals(ws, ctx, (row, 1), first, &ctx.c.totals())?;
    list.end(ws, ctx, header, row)
}

/// The `i`th file at `row`: its number in column 0, then from column `at` its path,
/// status, why it was not read, its rows, its digest.
pub fn file_row(
    ws: &mut Worksheet,
    ctx: &Page,
    (row, at): (RowNum, ColNum),
    i: usize,
    file: &FileReport,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let reason = file
        .reason
        .as_ref()
        .map(|p| p.message(ctx.lang))
        .unwrap_or_default();
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, at, cell_text(&file.path), &f.text)?;
    // The plan form the run took its plan from is listed as the plan.
    let status = match &file.reason {
        Some(Problem::Found(FoundProblem::PlanForm)) => l::FILE_PLAN,
        _ => file.status.label(),
    };
    ws.write_string_with_format(row, at + 1, ctx.t(status), &f.text)?;
    ws.write_string_with_format(row, at + 2, cell_text(&reason), &f.text)?;
    let l = &file.ledger;
    for (k, v) in [l.read, l.accepted, l.rejected, l.duplicate]
        .into_iter()
        .enumerate()
    {
        ws.write_number_with_format(row, at + 3 + k as ColNum, v as f64, &f.int)?;
    }
    let hash = file.sha256.as_deref().unwrap_or("");
    ws.write_string_with_format(row, at + 7, hash, &f.hash)?;
    fit_height(ws, row, &[(&file.path, WIDTHS[1]), (&reason, WIDTHS[3])])
}

/// The rows of every file added up (`t`), at `row` under the files listed from
/// `first`, the figures from column `at + 3` as in [`file_row`].
pub fn totals(
    ws: &mut Worksheet,
    ctx: &Page,
    (row, at): (RowNum, ColNum),
    first: RowNum,
    t: &Ledger,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let last = row.saturating_sub(1);
    ws.merge_range(row, 0, row, at + 2, ctx.t(s::TOTAL), &f.total_text)?;
    for (k, v) in [t.read, t.accepted, t.rejected, t.duplicate]
        .into_iter()
        .enumerate()
    {
        sum(ws, row, at + 3 + k as ColNum, first, last, v, &f.total_int)?;
    }
    ws.write_blank(row, at + 7, &f.total_text)?;
    Ok(())
}
