//! One workbook → its sheets as [`Grid`]s. The bytes are read once (they are hashed by
//! the caller too), the real format is sniffed from them rather than trusted from the
//! name, and every way a file can fail becomes one plain [`Problem`].

use std::io::Cursor;

use calamine::{
    Data, DataRef, Ods, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx,
    open_workbook_from_rs,
};
use chrono::NaiveDate;

use super::discover::Format;
use super::grid::{CellValue, FOLD_KEEP, Fold, Folds, Grid, SheetGrid};
use super::xls_guard::Packed;
use crate::diagnostics::{Damage, LooksLike, Problem, ReadProblem};

/// Name of the custom document property the tool writes into its own output, so that
/// last month's summary left in the folder is recognised and never counted again.
pub const OWN_OUTPUT_PROPERTY: &str = "tthtcd-output";

/// Most cells with a value one sheet may hold. A commune's monthly report has a few
/// hundred; a province's consolidated list a few hundred thousand. Past this, the sheet
/// is refused rather than risk the machine's memory.
pub const MAX_CELLS_PER_SHEET: usize = 2_000_000;

/// Most cells the grids of one workbook may lay out, filled or empty (a row counts as
/// one more): with far stretches folded away a report takes a few thousand; 8 million
/// is some 256 MB.
pub const MAX_LAID_OUT_CELLS: u64 = 8_000_000;

/// Most bytes of text the cells of one workbook may hold, copies of shared strings
/// counted each time: a report holds a few kilobytes.
pub const MAX_TEXT_BYTES: u64 = 128 * 1024 * 1024;

/// Largest workbook file read, in bytes (a monthly report is well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A workbook's sheets, or why it could not be read.
#[derive(Debug)]
pub enum Outcome {
    Sheets(Vec<SheetGrid>),
    /// A web page saved under a spreadsheet name: its tables, each a sheet.
    WebPage(Vec<SheetGrid>),
    /// The workbook was written by this tool.
    OwnOutput,
    Failed(Problem),
}

/// Reads every sheet of a workbook from its bytes. Never panics on bad bytes: a panic
/// inside the format reader is caught here and reported as a damaged file, without the
/// panic message reaching the secretary's screen.
pub fn read(bytes: &[u8], claimed: Format) -> Outcome {
    quiet_reader_panics();
    IN_READER.with(|f| f.set(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_inner(bytes, claimed).unwrap_or_else(Outcome::Failed)
    }));
    IN_READER.with(|f| f.set(false));
    outcome.unwrap_or(Outcome::Failed(Problem::Unread(ReadProblem::ReaderCrashed)))
}

thread_local! {
    static IN_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent for panics inside a format reader
/// (they are caught and reported per file) and behaves as before everywhere else.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_READER.with(|f| f.get()) {
                previous(info);
            }
        }));
    });
}

/// [`read`] without the panic guard, each refusal an Err: the file's size, a web page,
/// the guards on the bytes, then calamine on them.
fn read_inner(bytes: &[u8], claimed: Format) -> Result<Outcome, Problem> {
    within_size(bytes)?;
    if matches!(magic(bytes), Magic::Other) && super::html::is_html(bytes) {
        return web_page(bytes);
    }
    if matches!(magic(bytes), Magic::Zip) {
        super::zip_guard::check(bytes)?;
    }
    let packed = packed(bytes)?;
    let source = packed.as_ref().map_or(bytes, |p| p.bytes.as_slice());
    let mut wb = open(source, claimed)?;
    if own_output(bytes, &mut wb) {
        return Ok(Outcome::OwnOutput);
    }
    read_sheets(&mut wb, packed.as_ref()).map(Outcome::Sheets)
}

/// Refuses an empty file, and one over [`MAX_FILE_BYTES`], before looking inside.
fn within_size(bytes: &[u8]) -> Result<(), Problem> {
    if bytes.is_empty() {
        return Err(Problem::Unread(ReadProblem::EmptyFile));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::Unread(ReadProblem::FileTooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }));
    }
    Ok(())
}

/// A web page saved under a spreadsheet's name: its tables, each a sheet.
fn web_page(bytes: &[u8]) -> Result<Outcome, Problem> {
    let sheets = super::html::read(bytes)?;
    if sheets.is_empty() {
        return Err(Problem::Unread(ReadProblem::NotReallySpreadsheet {
            looks_like: LooksLike::Html,
        }));
    }
    Ok(Outcome::WebPage(sheets))
}

/// The bytes to hand calamine instead of the file's, when they are packed. An .xls is
/// handed to calamine with its sheets packed (see xls_guard), and so is an .ods calamine
/// would lay out too large (ods_fold); either is refused when even packed it would pass
/// the budget.
fn packed(bytes: &[u8]) -> Result<Option<Packed>, Problem> {
    match magic(bytes) {
        Magic::Cfb => super::xls_guard::pack(bytes, MAX_LAID_OUT_CELLS, MAX_TEXT_BYTES),
        Magic::Zip => match super::ods_guard::check(bytes, MAX_CELLS_PER_SHEET as u64 * 4) {
            Err(Problem::Unread(ReadProblem::TooManyCells { .. })) => {
                super::ods_fold::fold(bytes, MAX_LAID_OUT_CELLS)
            }
            Err(p) => Err(p),
            Ok(()) => Ok(None),
        },
        Magic::Other => Ok(None),
    }
}

/// A sheet of one of the tool's own workbooks, as [`own_sheet`] finds it.
#[derive(Debug)]
pub enum OwnSheet {
    /// The workbook is not the tool's (no custom property of the tool's).
    NotOwn,
    /// The tool's, without a sheet of that name (an older version wrote it, or it is
    /// another of the tool's workbooks).
    Missing,
    /// The sheet's cells with a value: (row, column, value), 0-based, in row order.
    Cells(Vec<(u32, u32, CellValue)>),
}

/// The cells of the sheet `name` (hidden or not) of an .xlsx workbook the tool wrote,
/// read within the limits every workbook is read within; only that sheet is read.
/// Err when the bytes are no readable workbook.
pub fn own_sheet(bytes: &[u8], name: &str) -> Result<OwnSheet, Problem> {
    quiet_reader_panics();
    IN_READER.with(|f| f.set(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        within_size(bytes)?;
        super::zip_guard::check(bytes)?;
        let mut wb = open(bytes, Format::Xlsx)?;
        if !own_output(bytes, &mut wb) {
            return Ok(OwnSheet::NotOwn);
        }
        if !wb.sheet_names().iter().any(|n| n == name) {
            return Ok(OwnSheet::Missing);
        }
        let mut text_budget = MAX_TEXT_BYTES;
        sheet_cells(&mut wb, 0, name, None, &mut text_budget).map(OwnSheet::Cells)
    }));
    IN_READER.with(|f| f.set(false));
    outcome.unwrap_or(Err(Problem::Unread(ReadProblem::ReaderCrashed)))
}

/// Whether the workbook is one of the tool's own outputs, by its custom property.
fn own_output(bytes: &[u8], wb: &mut Book<'_>) -> bool {
    // The tool's own outputs are xlsx files with custom document properties; reading
    // the properties of every other file (all of them, in a province) costs more than
    // looking for the part's name, which a zip stores uncompressed.
    memchr::memmem::find(bytes, b"docProps/custom.xml").is_some()
        && wb
            .workbook_properties()
            .is_ok_and(|props| props.custom_properties.contains_key(OWN_OUTPUT_PROPERTY))
}

/// Every worksheet as a grid, the cells laid out and the text copied counted against
/// the workbook's budgets.
fn read_sheets(wb: &mut Book<'_>, packed: Option<&Packed>) -> Result<Vec<SheetGrid>, Problem> {
    // Chart sheets, dialog sheets and macro sheets hold no cells to read.
    // Each sheet's place in the workbook's order, for the way back from packed cells.
    let metas: Vec<(usize, String, bool)> = wb
        .sheets_metadata()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.typ == SheetType::WorkSheet)
        .map(|(i, s)| (i, s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::with_capacity(metas.len());
    let mut budget = MAX_LAID_OUT_CELLS;
    let mut text_budget = MAX_TEXT_BYTES;
    for (index, name, hidden) in metas {
        let cells = sheet_cells(wb, index, &name, packed, &mut text_budget)?;
        let grid = from_sparse_within(cells, budget).map_err(|laid_out| {
            Problem::Unread(ReadProblem::TooManyCells {
                requested: (MAX_LAID_OUT_CELLS - budget).saturating_add(laid_out),
            })
        })?;
        budget = budget.saturating_sub(laid_out(&grid));
        sheets.push(SheetGrid { name, hidden, grid });
    }
    Ok(sheets)
}

/// The cells with a value of one sheet, at their real positions. xlsx and xlsb are
/// streamed cell by cell; the other formats come whole from calamine, their cells taken
/// from its range. Either way the grid holds the cells present, far stretches folded,
/// so a stray cell at XFD1048576 costs one.
fn sheet_cells(
    wb: &mut Book<'_>,
    index: usize,
    name: &str,
    packed: Option<&Packed>,
    text_budget: &mut u64,
) -> Result<Vec<(u32, u32, CellValue)>, Problem> {
    match wb {
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(name) {
            Ok(mut r) => stream(
                || r.next_cell().map_err(|e| e.to_string()),
                name,
                text_budget,
            ),
            Err(e) => Err(damaged(&e.to_string())),
        },
        Sheets::Xlsb(x) => match x.worksheet_cells_reader(name) {
            Ok(mut r) => stream(
                || r.next_cell().map_err(|e| e.to_string()),
                name,
                text_budget,
            ),
            Err(e) => Err(damaged(&e.to_string())),
        },
        other => match other.worksheet_range(name) {
            Ok(range)
                if range.get_size().0.saturating_mul(range.get_size().1)
                    > MAX_CELLS_PER_SHEET * 4 =>
            {
                Err(Problem::Unread(ReadProblem::SheetTooLarge {
                    sheet: name.to_string(),
                    limit: MAX_CELLS_PER_SHEET as u64,
                }))
            }
            Ok(range) => Ok(present_cells(&range, |r, c| {
                packed.map_or((r, c), |p| p.unpack(index, r, c))
            })),
            Err(e) => Err(damaged(&e.to_string())),
        },
    }
}

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// What the first bytes say the file is.
enum Magic {
    Zip,
    Cfb,
    Other,
}

fn magic(bytes: &[u8]) -> Magic {
    if bytes.starts_with(b"PK\x03\x04") {
        Magic::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Magic::Cfb
    } else {
        Magic::Other
    }
}

fn open(bytes: &[u8], claimed: Format) -> Result<Book<'_>, Problem> {
    let order: &[Format] = match (magic(bytes), claimed) {
        (Magic::Other, _) => return Err(not_a_workbook(bytes)),
        (Magic::Zip, Format::Ods) => &[Format::Ods, Format::Xlsx, Format::Xlsb],
        (Magic::Zip, Format::Xlsb) => &[Format::Xlsb, Format::Xlsx, Format::Ods],
        (Magic::Zip, _) => &[Format::Xlsx, Format::Xlsb, Format::Ods],
        // An encrypted xlsx is a CFB container; the xlsx reader recognises it.
        (Magic::Cfb, Format::Xls) => &[Format::Xls, Format::Xlsx],
        (Magic::Cfb, _) => &[Format::Xlsx, Format::Xls],
    };
    let mut first_err: Option<Problem> = None;
    for f in order {
        match open_as(bytes, *f) {
            Ok(wb) => return Ok(wb),
            Err(p @ Problem::Unread(ReadProblem::PasswordProtected)) => return Err(p),
            Err(p) => {
                first_err.get_or_insert(p);
            }
        }
    }
    Err(
        first_err.unwrap_or(Problem::Unread(ReadProblem::DamagedFile {
            damage: Damage::UnknownFormat,
        })),
    )
}

fn open_as(bytes: &[u8], f: Format) -> Result<Book<'_>, Problem> {
    let c = Cursor::new(bytes);
    let r = match f {
        Format::Xlsx | Format::Xlsm => open_workbook_from_rs::<Xlsx<_>, _>(c)
            .map(Sheets::Xlsx)
            .map_err(calamine::Error::Xlsx),
        Format::Xlsb => open_workbook_from_rs::<Xlsb<_>, _>(c)
            .map(Sheets::Xlsb)
            .map_err(calamine::Error::Xlsb),
        Format::Xls => open_workbook_from_rs::<Xls<_>, _>(c)
            .map(Sheets::Xls)
            .map_err(calamine::Error::Xls),
        Format::Ods => {
            // calamine expands an .ods's repeated rows and cells while opening it:
            // count them first, within the bound the other formats' sheets have.
            super::ods_guard::check(bytes, MAX_CELLS_PER_SHEET as u64 * 4)?;
            open_workbook_from_rs::<Ods<_>, _>(c)
                .map(Sheets::Ods)
                .map_err(calamine::Error::Ods)
        }
    };
    r.map_err(|e| classify(&e))
}

fn classify(e: &calamine::Error) -> Problem {
    use calamine::{OdsError, XlsError, XlsxError};
    match e {
        calamine::Error::Xlsx(XlsxError::Password)
        | calamine::Error::Xls(XlsError::Password)
        | calamine::Error::Ods(OdsError::Password) => {
            Problem::Unread(ReadProblem::PasswordProtected)
        }
        calamine::Error::Ods(OdsError::CellLimitExceeded { requested, .. }) => {
            Problem::Unread(ReadProblem::TooManyCells {
                requested: *requested as u64,
            })
        }
        other => damaged(&other.to_string()),
    }
}

fn damaged(detail: &str) -> Problem {
    // Reader messages can be long and technical; keep the gist.
    let detail: String = detail.chars().take(160).collect();
    Problem::Unread(ReadProblem::DamagedFile {
        damage: Damage::Reader { detail },
    })
}

/// Names what a file with a spreadsheet extension really is, when it is text.
fn not_a_workbook(bytes: &[u8]) -> Problem {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    let looks_like = if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<table")
    {
        LooksLike::Html
    } else if trimmed.starts_with("<?xml") {
        LooksLike::Xml
    } else if trimmed.starts_with("%pdf") {
        LooksLike::Pdf
    } else if looks_like_json(bytes, trimmed) {
        LooksLike::Json
    } else if std::str::from_utf8(&bytes[..bytes.len().min(2048)]).is_ok()
        && head
            .lines()
            .next()
            .is_some_and(|l| l.contains(',') || l.contains(';') || l.contains('\t'))
    {
        LooksLike::Csv
    } else if std::str::from_utf8(&bytes[..bytes.len().min(2048)]).is_ok() {
        LooksLike::Text
    } else {
        LooksLike::Unknown
    };
    Problem::Unread(ReadProblem::NotReallySpreadsheet { looks_like })
}

/// A JSON object or array: the whole file parses as JSON (read without building it), or
/// it opens an object with a key, as a web application's error message does.
fn looks_like_json(bytes: &[u8], head: &str) -> bool {
    let opens = head.starts_with('{') || head.starts_with('[');
    opens
        && (serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
            || head
                .strip_prefix('{')
                .is_some_and(|rest| rest.trim_start().starts_with('"')))
}

/// The cells with a value of a stream of cells, refusing a sheet with more than
/// [`MAX_CELLS_PER_SHEET`] of them.
fn stream<'a>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, String>,
    sheet: &str,
    text_budget: &mut u64,
) -> Result<Vec<(u32, u32, CellValue)>, Problem> {
    let mut cells: Vec<(u32, u32, CellValue)> = Vec::new();
    while let Some(cell) = next().map_err(|e| damaged(&e))? {
        // A shared string is held once by the reader but copied into every cell that
        // uses it: one long string used by every cell would be copied for each.
        let text = match cell.get_value() {
            DataRef::SharedString(s) => s.len() as u64,
            DataRef::String(s) => s.len() as u64,
            _ => 0,
        };
        *text_budget =
            text_budget
                .checked_sub(text)
                .ok_or(Problem::Unread(ReadProblem::TextTooLarge {
                    limit: MAX_TEXT_BYTES,
                }))?;
        let value = to_cell_ref(cell.get_value());
        if value == CellValue::Empty {
            continue;
        }
        if cells.len() >= MAX_CELLS_PER_SHEET {
            return Err(Problem::Unread(ReadProblem::SheetTooLarge {
                sheet: sheet.to_string(),
                limit: MAX_CELLS_PER_SHEET as u64,
            }));
        }
        let (r, c) = cell.get_position();
        cells.push((r, c, value));
    }
    Ok(cells)
}

/// Cells laid out in a grid, counted as [`from_sparse_within`] counts them.
fn laid_out(grid: &Grid) -> u64 {
    grid.rows.iter().map(|r| r.len() as u64 + 1).sum()
}

/// Sparse cells → rows, each only as long as its last value, with long empty stretches
/// folded away (see [`Folds`]).
pub(crate) fn from_sparse(cells: Vec<(u32, u32, CellValue)>) -> Grid {
    from_sparse_within(cells, u64::MAX).unwrap_or_default()
}

/// [`from_sparse`], refusing (with the count) a grid that would lay out more than
/// `budget` cells — each row counts as one more, for what an empty row costs — before
/// any of them exist: the count is worked out from the cells present.
pub(crate) fn from_sparse_within(
    mut cells: Vec<(u32, u32, CellValue)>,
    budget: u64,
) -> Result<Grid, u64> {
    if cells.is_empty() {
        return Ok(Grid::default());
    }
    cells.sort_by_key(|c| (c.0, c.1));
    let (top, row_at, row_folds) = fold_axis(cells.iter().map(|c| c.0));
    let (left, col_at, col_folds) = fold_axis(cells.iter().map(|c| c.1));
    let folded = |axis: &[(u32, u32)], v: u32| {
        axis.binary_search_by_key(&v, |p| p.0)
            .ok()
            .and_then(|i| axis.get(i))
            .map_or(0, |p| p.1 as usize)
    };
    // Cells laid out: each row up to its last value (the last of its run, once sorted),
    // plus one for the row itself, and one per empty row kept between them.
    let height = cells.last().map_or(0, |c| folded(&row_at, c.0) + 1);
    let mut laid_out = height as u64;
    for (i, c) in cells.iter().enumerate() {
        let last_in_row = cells.get(i + 1).is_none_or(|n| n.0 != c.0);
        if last_in_row {
            laid_out = laid_out.saturating_add(folded(&col_at, c.1) as u64 + 1);
        }
    }
    if laid_out > budget {
        return Err(laid_out);
    }
    let mut rows: Vec<Vec<CellValue>> = vec![Vec::new(); height];
    for (r, c, v) in cells {
        if let Some(row) = rows.get_mut(folded(&row_at, r)) {
            let at = folded(&col_at, c);
            if row.len() <= at {
                row.resize(at + 1, CellValue::Empty);
            }
            if let Some(slot) = row.get_mut(at) {
                *slot = v;
            }
        }
    }
    Ok(Grid {
        top,
        left,
        rows,
        folds: Folds {
            rows: row_folds,
            cols: col_folds,
        },
    })
}

/// The distinct positions used along one axis → (the first, each position's folded
/// index, the folds): a run of empty rows or columns longer than [`FOLD_KEEP`] keeps
/// [`FOLD_KEEP`] of them.
fn fold_axis(used: impl Iterator<Item = u32>) -> (u32, Vec<(u32, u32)>, Vec<Fold>) {
    let mut distinct: Vec<u32> = used.collect();
    distinct.sort_unstable();
    distinct.dedup();
    let first = distinct.first().copied().unwrap_or(0);
    let mut at = Vec::with_capacity(distinct.len());
    let mut folds = Vec::new();
    let mut previous: Option<(u32, u32)> = None;
    for v in distinct {
        let index = match previous {
            None => 0,
            Some((pv, pi)) => {
                let gap = v - pv - 1;
                if gap > FOLD_KEEP {
                    let index = pi + 1 + FOLD_KEEP;
                    folds.push(Fold {
                        at: index,
                        skipped: gap - FOLD_KEEP,
                    });
                    index
                } else {
                    pi + 1 + gap
                }
            }
        };
        at.push((v, index));
        previous = Some((v, index));
    }
    (first, at, folds)
}

fn to_cell_ref(d: &DataRef) -> CellValue {
    match d {
        DataRef::SharedString(s) => CellValue::Text((*s).to_string()),
        DataRef::String(s) => CellValue::Text(s.clone()),
        DataRef::Int(i) => to_cell(&Data::Int(*i)),
        DataRef::Float(f) => to_cell(&Data::Float(*f)),
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::DateTime(dt) => to_cell(&Data::DateTime(*dt)),
        DataRef::DateTimeIso(s) => to_cell(&Data::DateTimeIso(s.clone())),
        DataRef::DurationIso(s) => CellValue::Text(s.clone()),
        DataRef::Error(e) => CellValue::Error(e.to_string()),
        DataRef::Empty => CellValue::Empty,
    }
}

/// The cells with a value of calamine's range, at their real positions (`place` turns
/// the range's absolute position into the sheet's, for a packed .xls).
fn present_cells(
    range: &calamine::Range<Data>,
    place: impl Fn(u32, u32) -> (u32, u32),
) -> Vec<(u32, u32, CellValue)> {
    let (top, left) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .map(|(r, c, d)| {
            let r = top.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
            let c = left.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
            let (r, c) = place(r, c);
            (r, c, to_cell(d))
        })
        .filter(|(_, _, v)| *v != CellValue::Empty)
        .collect()
}

/// An .ods date cell: ODF stores its value as ISO 8601 text ("2019-03-15", or
/// "2019-03-15T08:30:00" with a time); anything else stays the text it is, for the
/// date reading of `normalise` to judge like any typed date.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let day = s.trim().split('T').next()?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

fn to_cell(d: &Data) -> CellValue {
    match d {
        Data::Empty => CellValue::Empty,
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Int(i) => CellValue::Number(*i as f64),
        Data::Float(f) => CellValue::Number(*f),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) => CellValue::Date(date),
                None => CellValue::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => CellValue::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match iso_date(s) {
            Some(date) => CellValue::Date(date),
            None => CellValue::Text(s.clone()),
        },
        Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ods_date_is_its_iso_text_and_nothing_else() {
        let march_15 = NaiveDate::from_ymd_opt(2019, 3, 15);
        assert_eq!(iso_date("2019-03-15"), march_15);
        assert_eq!(iso_date("2019-03-15T08:30:00"), march_15);
        // Not what ODF writes: left as text, for the date column's own reading.
        assert_eq!(iso_date("15/03/2019"), None);
        // 30 February is no day.
        assert_eq!(iso_date("2019-02-30"), None);
    }
}
