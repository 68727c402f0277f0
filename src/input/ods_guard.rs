//! A look at an OpenDocument spreadsheet's cells before calamine builds them.
//!
//! An .ods file says "this cell, 16,000 times" (`table:number-columns-repeated`) and
//! "this row, a million times" (`table:number-rows-repeated`), and calamine expands
//! both while it opens the file: a few hundred bytes of XML can ask for gigabytes. So
//! content.xml is first streamed here, nothing kept, and the cells calamine would hold
//! are counted the way it stores them (a row's cells up to its last filled one, each
//! distinct row once, then the rows' repeats filled in). A workbook that would need
//! more than `limit` cells is refused before any of them exist.

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::diagnostics::{Damage, Problem, ReadProblem};

/// The most content.xml may unpack to: far beyond any report, and a bound on the time
/// a compressed bomb could make the scan take.
const MAX_CONTENT_BYTES: u64 = 1 << 30;
/// The widest and longest a sheet can be (as in LibreOffice and calamine).
const MAX_COLUMNS: u64 = 16_384;
const MAX_ROWS: u64 = 1_048_576;

/// Refuses an .ods whose sheets would take more than `limit` cells once expanded, and
/// one whose content.xml is not well-formed or holds a table inside a cell: calamine
/// reads both without complaint, and this count could not follow them (a mismatched end
/// tag or a nested table hid gigabytes of cells from it). An .ods whose content.xml
/// cannot be found, or is encrypted (a password-protected file), is left for calamine
/// to report.
pub fn check(bytes: &[u8], limit: u64) -> Result<(), Problem> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if encrypted(&mut zip) {
        return Ok(());
    }
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut taken = content.take(MAX_CONTENT_BYTES + 1);
    let mut counter = Counter::default();
    let result = scan(BufReader::new(&mut taken), &mut counter, limit);
    if taken.limit() == 0 {
        return Err(Problem::Unread(ReadProblem::DamagedFile {
            damage: Damage::ContentTooLarge {
                limit: MAX_CONTENT_BYTES,
            },
        }));
    }
    match result {
        Err(Refusal::Cells(requested)) => {
            Err(Problem::Unread(ReadProblem::TooManyCells { requested }))
        }
        Err(Refusal::Malformed(damage)) => {
            Err(Problem::Unread(ReadProblem::DamagedFile { damage }))
        }
        Err(Refusal::Text) => Err(Problem::Unread(ReadProblem::TextTooLarge {
            limit: MAX_COPIED_BYTES,
        })),
        Ok(()) => Ok(()),
    }
}

/// Whether the manifest says the parts are encrypted: content.xml is then no XML.
fn encrypted<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> bool {
    let Ok(manifest) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut text = Vec::new();
    let _ = manifest.take(1 << 20).read_to_end(&mut text);
    memchr::memmem::find(&text, b"encryption-data").is_some()
}

/// What calamine would hold for the sheets seen so far.
#[derive(Debug, Default)]
struct Counter {
    /// Cells stored as read: each row element's cells up to its last filled one.
    stored: u64,
    /// Cells of the expanded ranges: rows (with their repeats) up to the last filled
    /// one, times the widest row.
    expanded: u64,
    // The sheet being read.
    rows: u64,
    rows_to_last_filled: u64,
    widest: u64,
    // The row being read.
    row_repeats: u64,
    column: u64,
    filled_to: u64,
    /// Bytes of the row's cells that calamine copies for each repeat (one copy per
    /// repeated column of a cell with content), and of all rows so far with theirs.
    row_copies: u64,
    copies: u64,
    /// Bytes of the row's cells as written once.
    row_text: u64,
}

impl Counter {
    fn start_sheet(&mut self) {
        self.rows = 0;
        self.rows_to_last_filled = 0;
        self.widest = 0;
    }

    fn end_sheet(&mut self) {
        self.expanded = self.expanded.saturating_add(self.sheet_range());
        self.start_sheet();
    }

    /// The expanded range of the sheet being read, as far as it has been read.
    fn sheet_range(&self) -> u64 {
        self.rows_to_last_filled.saturating_mul(self.widest)
    }

    fn start_row(&mut self, repeats: u64) {
        self.row_repeats = repeats.min(MAX_ROWS.saturating_sub(self.rows));
        self.column = 0;
        self.filled_to = 0;
    }

    fn cell(&mut self, repeats: u64, filled: bool) {
        self.column = self.column.saturating_add(repeats).min(MAX_COLUMNS);
        if filled {
            self.filled_to = self.column;
        }
    }

    fn end_row(&mut self) {
        let total = self.row_copies.saturating_mul(self.row_repeats);
        // The row's cells as written are already in content.xml; the rest are copies.
        self.copies = self
            .copies
            .saturating_add(total.saturating_sub(self.row_text));
        self.row_copies = 0;
        self.row_text = 0;
        self.stored = self.stored.saturating_add(self.filled_to);
        self.rows = self.rows.saturating_add(self.row_repeats);
        if self.filled_to > 0 {
            self.rows_to_last_filled = self.rows;
            self.widest = self.widest.max(self.filled_to);
        }
    }

    /// The larger of what is stored and what the expansion needs: both are held.
    fn total(&self) -> u64 {
        self.stored
            .max(self.expanded.saturating_add(self.sheet_range()))
    }
}

/// Why a scan stopped short.
#[derive(Debug, PartialEq)]
enum Refusal {
    /// The count passed the limit: the cells asked for so far.
    Cells(u64),
    /// Not something LibreOffice or Excel writes.
    Malformed(Damage),
    /// Repeated cells with content would be copied past [`MAX_COPIED_BYTES`].
    Text,
}

/// Most bytes calamine may copy expanding repeated cells with content: a cell of 1 MB
/// of text repeated over a thousand columns and a thousand rows is a terabyte.
const MAX_COPIED_BYTES: u64 = 128 * 1024 * 1024;

/// Streams content.xml; refuses as soon as the count passes `limit` or the XML stops
/// making sense.
fn scan<R: std::io::BufRead>(input: R, counter: &mut Counter, limit: u64) -> Result<(), Refusal> {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut open = OpenCells::default();
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf);
        let at = reader.buffer_position();
        match event {
            Ok(Event::Start(e)) => open.start(&e, false, at, counter)?,
            Ok(Event::Empty(e)) => open.start(&e, true, at, counter)?,
            Ok(Event::End(e)) => {
                open.end(e.name().into_inner(), at, counter);
                within_limits(counter, limit)?;
            }
            Ok(Event::Eof) => return Ok(()),
            Err(e) => {
                let detail: String = e.to_string().chars().take(120).collect();
                return Err(Refusal::Malformed(Damage::ContentMalformed { detail }));
            }
            Ok(_) => {}
        }
    }
}

/// Refuses once the cells counted pass `limit`, or the bytes copied pass
/// [`MAX_COPIED_BYTES`].
fn within_limits(counter: &Counter, limit: u64) -> Result<(), Refusal> {
    if counter.total() > limit {
        return Err(Refusal::Cells(counter.total()));
    }
    // Cells first: the count says more than the bytes when both pass.
    if counter.copies > MAX_COPIED_BYTES {
        return Err(Refusal::Text);
    }
    Ok(())
}

/// Where the scan stands among the cells: the count's elements as they open and close.
#[derive(Debug, Default)]
struct OpenCells {
    /// Open cells: a table may not start inside one.
    depth: u32,
    /// Where the open cell with content started, and its column repeats.
    with_content: Option<(u64, u64)>,
}

impl OpenCells {
    /// A table, row or cell opens (or, `empty`, opens and closes) at byte `at`.
    fn start(
        &mut self,
        element: &BytesStart,
        empty: bool,
        at: u64,
        counter: &mut Counter,
    ) -> Result<(), Refusal> {
        match element.name().into_inner() {
            "table:table" if self.depth > 0 => {
                return Err(Refusal::Malformed(Damage::TableInCell));
            }
            "table:table" => {
                counter.start_sheet();
                if empty {
                    counter.end_sheet();
                }
            }
            "table:table-row" => {
                counter.start_row(repeats(element, "table:number-rows-repeated"));
                if empty {
                    counter.end_row();
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let columns = repeats(element, "table:number-columns-repeated");
                counter.cell(columns, filled(element, empty));
                if !empty {
                    self.depth = self.depth.saturating_add(1);
                    self.with_content = Some((at, columns));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The element `name` closes at byte `at`: a cell with content counts its bytes,
    /// once as written and once for each of its repeated columns.
    fn end(&mut self, name: &str, at: u64, counter: &mut Counter) {
        match name {
            "table:table-row" => counter.end_row(),
            "table:table" => counter.end_sheet(),
            "table:table-cell" | "table:covered-table-cell" => {
                self.depth = self.depth.saturating_sub(1);
                if let Some((start, repeats)) = self.with_content.take() {
                    let span = at.saturating_sub(start);
                    counter.row_copies = counter
                        .row_copies
                        .saturating_add(span.saturating_mul(repeats));
                    counter.row_text = counter.row_text.saturating_add(span);
                }
            }
            _ => {}
        }
    }
}

/// Whether calamine may hold a value for the cell: one with a value type or a formula
/// is filled; one with content (not self-closing) may be, and is counted as filled, to
/// err on the safe side.
fn filled(element: &BytesStart, empty: bool) -> bool {
    let has = |name: &str| element.try_get_attribute(name).ok().flatten().is_some();
    !empty || has("office:value-type") || has("table:formula")
}

/// The value of a repeat attribute, 1 when absent or unreadable.
fn repeats(e: &BytesStart, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(xml: &str) -> Result<(), Refusal> {
        let mut c = Counter::default();
        scan(xml.as_bytes(), &mut c, 1_000_000)
    }

    fn sheet(rows: &str) -> String {
        format!(
            "<office:document-content><office:body><office:spreadsheet>\
             <table:table table:name=\"T1\">{rows}</table:table>\
             </office:spreadsheet></office:body></office:document-content>"
        )
    }

    const FILLED: &str = "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>";

    #[test]
    fn an_ordinary_sheet_passes() {
        let row = format!("<table:table-row>{FILLED}{FILLED}{FILLED}</table:table-row>");
        assert_eq!(count(&sheet(&row.repeat(40))), Ok(()));
    }

    #[test]
    fn trailing_empty_repeats_cost_nothing() {
        // LibreOffice ends every row with the rest of the 16,384 columns, empty, and the
        // sheet with a million empty rows: neither is stored.
        let row = format!(
            "<table:table-row>{FILLED}<table:table-cell table:number-columns-repeated=\"16383\"/></table:table-row>"
        );
        let rows = format!(
            "{}<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>",
            row.repeat(10)
        );
        assert_eq!(count(&sheet(&rows)), Ok(()));
    }

    #[test]
    fn a_far_cell_in_a_repeated_row_is_refused() {
        // One filled cell at column 16,000 of a row repeated 1,000 times: a range of
        // 1,000 × 16,000 = 16,000,000 cells, over the limit of 1,000,000.
        let rows = format!(
            "<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell table:number-columns-repeated=\"15999\"/>{FILLED}</table:table-row>"
        );
        assert_eq!(count(&sheet(&rows)), Err(Refusal::Cells(16_000_000)));
    }

    #[test]
    fn many_wide_rows_are_refused_as_they_are_read() {
        // 100 distinct rows each filled out to column 16,384: 1,638,400 cells stored
        // before any expansion; refused at the 62nd row (62 × 16,384 > 1,000,000).
        let row = format!(
            "<table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>{FILLED}</table:table-row>"
        );
        assert_eq!(
            count(&sheet(&row.repeat(100))),
            Err(Refusal::Cells(62 * 16_384))
        );
    }

    #[test]
    fn a_mismatched_end_tag_is_refused() {
        // A row closed as a cell: quick-xml names the mismatch; the count cannot go on.
        let rows = format!("<table:table-row>{FILLED}</table:table-cell>");
        assert!(matches!(count(&sheet(&rows)), Err(Refusal::Malformed(_))));
    }

    #[test]
    fn a_table_inside_a_cell_is_refused() {
        let rows = format!(
            "<table:table-row><table:table-cell><table:table table:name=\"T2\">\
             <table:table-row>{FILLED}</table:table-row></table:table></table:table-cell></table:table-row>"
        );
        assert_eq!(
            count(&sheet(&rows)),
            Err(Refusal::Malformed(Damage::TableInCell))
        );
    }

    #[test]
    fn a_long_text_repeated_over_rows_and_columns_is_refused() {
        // A cell of 70,000 bytes of text (with its end tag) repeated over 1,000 columns,
        // its row over 2 rows: 2,000 copies, about 140 MB, past 128 MB; once written,
        // 70 KB, and a thousand such cells unrepeated, 70 MB, pass.
        let text = "a".repeat(70_000);
        let cell = |columns: u32| {
            format!(
                "<table:table-cell table:number-columns-repeated=\"{columns}\" office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
            )
        };
        let repeated = format!(
            "<table:table-row table:number-rows-repeated=\"2\">{}</table:table-row>",
            cell(1000)
        );
        assert_eq!(count(&sheet(&repeated)), Err(Refusal::Text));
        let written = format!(
            "<table:table-row>{}</table:table-row>",
            cell(1).repeat(1000)
        );
        assert_eq!(count(&sheet(&written)), Ok(()));
    }
}
