//! One workbook → its sheets as [`Grid`]s. The bytes are read once (they are hashed by
//! the caller too), the real format is sniffed from them rather than trusted from the
//! name, and every way a file can fail becomes one plain [`Problem`].

use std::io::Cursor;

use calamine::{Data, Ods, Reader, SheetVisible, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::discover::Format;
use super::grid::{CellValue, Grid, SheetGrid};
use crate::diagnostics::Problem;

/// Name of the custom document property the tool writes into its own output, so that
/// last month's summary left in the folder is recognised and never counted again.
pub const OWN_OUTPUT_PROPERTY: &str = "tthtcd-output";

/// A workbook's sheets, or why it could not be read.
#[derive(Debug)]
pub enum Outcome {
    Sheets(Vec<SheetGrid>),
    /// The workbook was written by this tool.
    OwnOutput,
    Failed(Problem),
}

/// Reads every sheet of a workbook from its bytes. Never panics on bad bytes: a panic
/// inside the format reader is caught here and reported as a damaged file.
pub fn read(bytes: &[u8], claimed: Format) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_inner(bytes, claimed))) {
        Ok(outcome) => outcome,
        Err(_) => Outcome::Failed(Problem::DamagedFile {
            detail: "lỗi bên trong trình đọc".into(),
        }),
    }
}

fn read_inner(bytes: &[u8], claimed: Format) -> Outcome {
    if bytes.is_empty() {
        return Outcome::Failed(Problem::EmptyFile);
    }
    let mut wb = match open(bytes, claimed) {
        Ok(wb) => wb,
        Err(p) => return Outcome::Failed(p),
    };
    if let Ok(props) = wb.workbook_properties()
        && props.custom_properties.contains_key(OWN_OUTPUT_PROPERTY)
    {
        return Outcome::OwnOutput;
    }
    let metas: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::with_capacity(metas.len());
    for (name, hidden) in metas {
        let grid = match wb.worksheet_range(&name) {
            Ok(range) => to_grid(&range),
            Err(e) => return Outcome::Failed(damaged(&e.to_string())),
        };
        sheets.push(SheetGrid { name, hidden, grid });
    }
    Outcome::Sheets(sheets)
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
            Err(p @ Problem::PasswordProtected) => return Err(p),
            Err(p) => {
                first_err.get_or_insert(p);
            }
        }
    }
    Err(first_err.unwrap_or_else(|| damaged("định dạng không nhận ra")))
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
        Format::Ods => open_workbook_from_rs::<Ods<_>, _>(c)
            .map(Sheets::Ods)
            .map_err(calamine::Error::Ods),
    };
    r.map_err(|e| classify(&e))
}

fn classify(e: &calamine::Error) -> Problem {
    use calamine::{OdsError, XlsError, XlsxError};
    match e {
        calamine::Error::Xlsx(XlsxError::Password)
        | calamine::Error::Xls(XlsError::Password)
        | calamine::Error::Ods(OdsError::Password) => Problem::PasswordProtected,
        other => damaged(&other.to_string()),
    }
}

fn damaged(detail: &str) -> Problem {
    // Reader messages can be long and technical; keep the gist.
    let detail: String = detail.chars().take(160).collect();
    Problem::DamagedFile { detail }
}

/// Names what a file with a spreadsheet extension really is, when it is text.
fn not_a_workbook(bytes: &[u8]) -> Problem {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    let looks_like = if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<table")
    {
        "một trang HTML (web)"
    } else if trimmed.starts_with("<?xml") {
        "một tệp XML"
    } else if trimmed.starts_with("%pdf") {
        "một tệp PDF"
    } else if std::str::from_utf8(&bytes[..bytes.len().min(2048)]).is_ok()
        && head
            .lines()
            .next()
            .is_some_and(|l| l.contains(',') || l.contains(';') || l.contains('\t'))
    {
        "một tệp CSV (văn bản phân cách bằng dấu phẩy)"
    } else if std::str::from_utf8(&bytes[..bytes.len().min(2048)]).is_ok() {
        "một tệp văn bản"
    } else {
        return damaged("không phải định dạng bảng tính");
    };
    Problem::NotReallySpreadsheet {
        looks_like: looks_like.into(),
    }
}

/// calamine's range → our grid, keeping the absolute origin for A1 addresses.
fn to_grid(range: &calamine::Range<Data>) -> Grid {
    let (top, left) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|row| trim_row(row.iter().map(to_cell).collect()))
        .collect();
    Grid { top, left, rows }
}

/// Drops trailing empty cells so wide formatted-but-empty ranges cost nothing later.
fn trim_row(mut row: Vec<CellValue>) -> Vec<CellValue> {
    while row.last().is_some_and(|c| *c == CellValue::Empty) {
        row.pop();
    }
    row
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
        Data::DateTimeIso(s) => match crate::normalise::dates::from_text(s) {
            Ok(date) => CellValue::Date(date),
            Err(_) => CellValue::Text(s.clone()),
        },
        Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Error(e.to_string()),
    }
}
