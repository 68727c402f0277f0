//! An .ods whose sheets calamine would lay out too large, made small for it.
//!
//! calamine lays an .ods sheet out as a rectangle from its first to its last filled
//! cell: the LibreOffice save of a report with one stray value at XFD1048576 asks for
//! 17 billion cells and was refused. Here content.xml is rewritten, in two passes over
//! its events, so that each sheet holds only its used rows and columns: rows with no
//! filled cell are left out, and a run of empty cells keeps one cell per column some
//! other row uses. A copy of the file with that content.xml goes to calamine, and each
//! cell is put back at its real position afterwards ([`Packed::unpack`]). Filled cells
//! are never dropped, and repeated filled cells count in full against the budget.
//!
//! Only a file the plain count refuses is rewritten; any other goes to calamine as is.

use std::io::{BufRead, BufReader, Cursor, Read, Write};

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::xls_guard::Packed;
use crate::diagnostics::{Problem, ReadProblem};

/// The most content.xml may unpack to (as in `ods_guard`).
const MAX_CONTENT_BYTES: u64 = 1 << 30;
/// The widest and longest a sheet can be (as in calamine).
const MAX_COLUMNS: u64 = 16_384;
const MAX_ROWS: u64 = 1_048_576;

/// Used positions along one axis, as sorted, merged runs (start, length).
#[derive(Debug, Default)]
struct Runs(Vec<(u64, u64)>);

impl Runs {
    fn add(&mut self, start: u64, len: u64) {
        if len > 0 {
            self.0.push((start, len));
        }
    }

    fn merge(&mut self) {
        self.0.sort_unstable();
        let mut merged: Vec<(u64, u64)> = Vec::with_capacity(self.0.len());
        for (s, l) in self.0.drain(..) {
            match merged.last_mut() {
                Some((ms, ml)) if s <= *ms + *ml => *ml = (*ml).max(s + l - *ms),
                _ => merged.push((s, l)),
            }
        }
        self.0 = merged;
    }

    fn total(&self) -> u64 {
        self.0.iter().map(|r| r.1).sum()
    }

    /// How many used positions lie in [start, start + len).
    fn count_in(&self, start: u64, len: u64) -> u64 {
        let end = start.saturating_add(len);
        let from = self.0.partition_point(|(s, l)| s + l <= start);
        self.0
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|(s, _)| *s < end)
            .map(|(s, l)| (s + l).min(end).saturating_sub((*s).max(start)))
            .sum()
    }

    /// Every used position, in order (the way back from a packed index).
    fn positions(&self) -> Vec<u32> {
        self.0
            .iter()
            .flat_map(|(s, l)| *s..s + l)
            .map(|p| u32::try_from(p).unwrap_or(u32::MAX))
            .collect()
    }
}

/// One sheet's used rows and columns.
#[derive(Debug, Default)]
struct Sheet {
    rows: Runs,
    cols: Runs,
}

/// Rewrites the .ods so calamine lays out only the used rows and columns, refusing it
/// when even those would pass `budget` cells. `Ok(None)`: the file is not an .ods this
/// can follow.
pub fn fold(bytes: &[u8], budget: u64) -> Result<Option<Packed>, Problem> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(None);
    };
    let Some(content) = unpack(&mut zip) else {
        return Ok(None);
    };
    let Some(mut sheets) = used(&content) else {
        return Ok(None);
    };
    let mut laid_out: u64 = 0;
    for s in &mut sheets {
        s.cols.merge();
        laid_out = laid_out.saturating_add(s.rows.total().saturating_mul(s.cols.total()));
    }
    if laid_out > budget {
        return Err(Problem::Unread(ReadProblem::TooManyCells {
            requested: laid_out,
        }));
    }
    let Some(folded) = rewrite(&content, &sheets) else {
        return Ok(None);
    };
    let Some(zipped) = rezip(&mut zip, &folded) else {
        return Ok(None);
    };
    let maps = sheets
        .iter()
        .map(|s| (s.rows.positions(), s.cols.positions()))
        .collect();
    Ok(Some(Packed::new(zipped, maps)))
}

fn unpack<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Option<Vec<u8>> {
    let entry = zip.by_name("content.xml").ok()?;
    let mut out = Vec::new();
    entry
        .take(MAX_CONTENT_BYTES + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() as u64 <= MAX_CONTENT_BYTES).then_some(out)
}

/// A cell is filled when calamine might give it a value: a value type, a formula, or
/// anything inside it (the same test as `ods_guard`).
fn filled(e: &BytesStart, empty: bool) -> bool {
    let has = |name: &str| e.try_get_attribute(name).ok().flatten().is_some();
    !empty || has("office:value-type") || has("table:formula")
}

fn repeats(e: &BytesStart, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Where a row element starts and how many rows it stands for, calamine's way (rows
/// past the last one a sheet can have are dropped).
struct RowPlace {
    row: u64,
}

impl RowPlace {
    fn next(&mut self, e: &BytesStart) -> (u64, u64) {
        let start = self.row;
        let n = repeats(e, "table:number-rows-repeated").min(MAX_ROWS.saturating_sub(start));
        self.row = start + n;
        (start, n)
    }
}

/// First pass: each sheet's used rows and columns. None when the XML does not parse.
fn used(content: &[u8]) -> Option<Vec<Sheet>> {
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut rows = RowPlace { row: 0 };
    let (mut row, mut row_len, mut col) = (0u64, 0u64, 0u64);
    let mut row_filled = false;
    loop {
        buf.clear();
        let (e, empty) = match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) if e.name().into_inner() == "table:table-row" => {
                if row_filled && let Some(s) = sheets.last_mut() {
                    s.rows.add(row, row_len);
                }
                row_filled = false;
                continue;
            }
            Event::Eof => return Some(sheets),
            _ => continue,
        };
        match e.name().into_inner() {
            "table:table" => {
                sheets.push(Sheet::default());
                rows = RowPlace { row: 0 };
            }
            "table:table-row" => {
                (row, row_len) = rows.next(&e);
                col = 0;
                row_filled = false;
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let n = repeats(&e, "table:number-columns-repeated")
                    .min(MAX_COLUMNS.saturating_sub(col));
                if filled(&e, empty) && row_len > 0 {
                    row_filled = true;
                    if let Some(s) = sheets.last_mut() {
                        s.cols.add(col, n);
                    }
                }
                col += n;
                if !empty {
                    // The cell's content holds no cells of this table (ods_guard refuses
                    // a table inside a cell); skip it whole.
                    reader.read_to_end_into(e.name(), &mut Vec::new()).ok()?;
                }
            }
            _ => {}
        }
    }
}

/// Second pass: content.xml with only the used rows, and each empty run of cells
/// shortened to the used columns it spans.
fn rewrite(content: &[u8], sheets: &[Sheet]) -> Option<Vec<u8>> {
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut writer = Writer::new(Vec::with_capacity(content.len() / 4));
    let mut buf = Vec::new();
    let mut sheet: Option<&Sheet> = None;
    let mut index = 0usize;
    let mut rows = RowPlace { row: 0 };
    let mut col = 0u64;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).ok()?;
        let (e, empty) = match &event {
            Event::Eof => return Some(writer.into_inner()),
            Event::Start(e) => (e.clone(), false),
            Event::Empty(e) => (e.clone(), true),
            _ => {
                writer.write_event(event).ok()?;
                continue;
            }
        };
        match e.name().into_inner() {
            "table:table" => {
                sheet = sheets.get(index);
                index += 1;
                rows = RowPlace { row: 0 };
            }
            "table:table-row" => {
                let (start, n) = rows.next(&e);
                col = 0;
                let used = sheet.is_some_and(|s| s.rows.count_in(start, n) > 0);
                if !used {
                    skip(&mut reader, &e, empty)?;
                    continue;
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let n = repeats(&e, "table:number-columns-repeated")
                    .min(MAX_COLUMNS.saturating_sub(col));
                let start = col;
                col += n;
                let keep = if filled(&e, empty) {
                    n
                } else {
                    sheet.map_or(n, |s| s.cols.count_in(start, n))
                };
                write_cell(&mut reader, &mut writer, event, &e, n, keep)?;
                continue;
            }
            _ => {}
        }
        writer.write_event(event).ok()?;
    }
}

/// Writes a cell standing for `n` columns as the `keep` of them some row uses: an
/// empty run shortened, or left out when it spans none. A filled cell (or an empty run
/// all of whose columns are used) is written as it is, content and all.
fn write_cell<R: BufRead>(
    reader: &mut Reader<R>,
    writer: &mut Writer<Vec<u8>>,
    event: Event,
    e: &BytesStart,
    n: u64,
    keep: u64,
) -> Option<()> {
    if keep == 0 {
        return Some(());
    }
    if keep != n {
        let shorter = with_repeats(e, keep);
        return writer.write_event(Event::Empty(shorter)).ok();
    }
    let whole = matches!(event, Event::Start(_));
    writer.write_event(event).ok()?;
    if whole {
        copy_inside(reader, writer, e)?;
    }
    Some(())
}

/// Copies what is inside an element as it is, up to and including its end.
fn copy_inside<R: BufRead>(
    reader: &mut Reader<R>,
    writer: &mut Writer<Vec<u8>>,
    e: &BytesStart,
) -> Option<()> {
    let mut inner = Vec::new();
    let end = e.to_end().into_owned();
    let mut depth = 0u32;
    loop {
        inner.clear();
        let ev = reader.read_event_into(&mut inner).ok()?;
        match &ev {
            Event::Start(s) if s.name() == e.name() => depth += 1,
            Event::End(x) if x.name() == end.name() => {
                if depth == 0 {
                    return writer.write_event(ev).ok();
                }
                depth -= 1;
            }
            Event::Eof => return None,
            _ => {}
        }
        writer.write_event(ev).ok()?;
    }
}

/// Passes over an element and everything inside it.
fn skip<R: BufRead>(reader: &mut Reader<R>, e: &BytesStart, empty: bool) -> Option<()> {
    if !empty {
        reader.read_to_end_into(e.name(), &mut Vec::new()).ok()?;
    }
    Some(())
}

/// The same empty cell, standing for `n` columns.
fn with_repeats(e: &BytesStart, n: u64) -> BytesStart<'static> {
    let mut out = BytesStart::new(e.name().into_inner().to_string());
    for a in e.attributes().flatten() {
        if a.key.into_inner() != "table:number-columns-repeated" {
            out.push_attribute(Attribute {
                key: a.key,
                value: a.value,
            });
        }
    }
    if n > 1 {
        out.push_attribute(("table:number-columns-repeated", n.to_string().as_str()));
    }
    out
}

/// The file again, with content.xml replaced and every other part copied as it was.
fn rezip<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, content: &[u8]) -> Option<Vec<u8>> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).ok()?;
        if entry.name().ok()? == "content.xml" {
            drop(entry);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            out.start_file("content.xml", options).ok()?;
            out.write_all(content).ok()?;
        } else {
            out.raw_copy_file(entry).ok()?;
        }
    }
    Some(out.finish().ok()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_count_what_they_cover() {
        let mut r = Runs::default();
        r.add(10, 5); // 10..15
        r.add(0, 2); // 0..2
        r.add(12, 10); // 12..22, merges with 10..15 into 10..22
        r.merge();
        assert_eq!(r.0, vec![(0, 2), (10, 12)]);
        assert_eq!(r.total(), 14);
        // [1, 12): 1 of 0..2 and 10, 11 of 10..22.
        assert_eq!(r.count_in(1, 11), 3);
        assert_eq!(r.count_in(2, 8), 0);
        assert_eq!(r.positions().len(), 14);
    }

    fn sheet(rows: &str) -> String {
        format!(
            "<office:spreadsheet><table:table table:name=\"T1\">{rows}</table:table></office:spreadsheet>"
        )
    }

    #[test]
    fn a_stray_cell_keeps_its_column_and_loses_the_emptiness_around_it() {
        // Row 1: a value in A; then 1,048,574 empty rows; then a value at XFD1048576.
        let xml = sheet(
            "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"/><table:table-cell table:number-columns-repeated=\"16383\"/></table:table-row>\
             <table:table-row table:number-rows-repeated=\"1048574\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
             <table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/><table:table-cell office:value-type=\"float\" office:value=\"2\"/></table:table-row>",
        );
        let mut sheets = used(xml.as_bytes()).unwrap();
        sheets[0].cols.merge();
        // Used: rows 0 and 1,048,575; columns 0 and 16,383.
        assert_eq!(sheets[0].rows.0, vec![(0, 1), (1_048_575, 1)]);
        assert_eq!(sheets[0].cols.0, vec![(0, 1), (16_383, 1)]);
        let out = String::from_utf8(rewrite(xml.as_bytes(), &sheets).unwrap()).unwrap();
        // The empty rows are gone; each empty run keeps the one used column it spans.
        assert_eq!(
            out,
            sheet(
                "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"/><table:table-cell/></table:table-row>\
                 <table:table-row><table:table-cell/><table:table-cell office:value-type=\"float\" office:value=\"2\"/></table:table-row>"
            )
        );
    }
}
