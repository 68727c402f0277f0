//! Web pages saved as workbooks. Vietnamese portals export "Excel" as an HTML table
//! saved under an .xls name, and Excel opens it; so do we. Each `<table>` becomes a
//! sheet; a cell spanning rows or columns keeps its value in its top-left cell, the rest
//! of the span empty, as merged cells read from a workbook do. Values stay text: the
//! reader parses Vietnamese numbers and dates itself.
//!
//! The page is parsed by `scraper` (html5ever, the HTML parser of Servo), which repairs
//! broken markup the way browsers and Excel do — unclosed `<td>` and `<tr>` are the rule
//! in exported pages. Its tree is built in memory, so the page's tags are counted first
//! and a page with more than [`MAX_TAGS`] is refused unparsed.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use scraper::{ElementRef, Html, Node};

use super::grid::{CellValue, SheetGrid};
use super::workbook::{MAX_CELLS_PER_SHEET, from_sparse};
use crate::diagnostics::{Problem, ReadProblem};
use crate::text::fold;

/// Bytes of the page looked at to tell whether it is one, and for its `<meta charset>`.
const HEAD_BYTES: usize = 4096;
/// Widest and longest a sheet can be in Excel; cells beyond are dropped.
const MAX_COLUMNS: usize = 16_384;
const MAX_ROWS: usize = 1_048_576;
/// What the HTML standard allows a cell to span.
const MAX_COLSPAN: usize = 1_000;
const MAX_ROWSPAN: usize = 65_534;
/// Steps spent placing cells around row spans, at most: a page of huge spans is refused
/// rather than left to run for minutes.
const MAX_SPAN_WORK: usize = 16_000_000;
/// Most opening tags a page may have to be parsed. The parser's tree costs a few hundred
/// bytes an element, so this bounds it near 200 MB; a portal's export of a commune's (or
/// a district's) classes has a few thousand.
pub const MAX_TAGS: u64 = 500_000;
/// Longest sheet name Excel allows.
const MAX_SHEET_NAME: usize = 31;

/// True when the bytes are a web page with a table (in any of the encodings read).
pub fn is_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(HEAD_BYTES)).unwrap_or(bytes);
    let (text, _, _) = encoding(head).decode(head);
    let lower = text.to_lowercase();
    let trimmed = lower.trim_start_matches('\u{feff}').trim_start();
    // Excel's own "Web Page" files may open with a comment or an XML declaration.
    trimmed.starts_with("<!doctype html") || lower.contains("<html") || lower.contains("<table")
}

/// The page's tables as sheets; none when the page holds no table with a value.
pub fn read(bytes: &[u8]) -> Result<Vec<SheetGrid>, Problem> {
    let (text, _, _) = encoding(bytes).decode(bytes);
    let tags = opening_tags(&text);
    if tags > MAX_TAGS {
        return Err(Problem::Unread(ReadProblem::TooManyCells {
            requested: tags,
        }));
    }
    let page = Html::parse_document(&text);
    drop(text);
    let title = page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")
        .map(|e| cell_text(e))
        .filter(|t| !t.is_empty());
    let tables: Vec<ElementRef> = page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "table")
        .collect();
    let only_one = tables.len() == 1;
    let mut sheets: Vec<SheetGrid> = Vec::new();
    for (i, table) in tables.into_iter().enumerate() {
        let cells = place(table)?;
        if cells.is_empty() {
            continue;
        }
        let caption = children(table)
            .find(|e| e.value().name() == "caption")
            .map(|e| cell_text(e))
            .filter(|t| !t.is_empty());
        let named = caption.or_else(|| title.clone().filter(|_| only_one));
        let fallback = format!("{} {}", crate::labels::l::HTML_TABLE.vi, i + 1);
        let name = unique(named.map_or(fallback, |n| sheet_name(&n)), &sheets);
        sheets.push(SheetGrid {
            name,
            hidden: false,
            grid: from_sparse(cells),
        });
    }
    Ok(sheets)
}

/// The page's encoding: a byte-order mark; UTF-16 without one (every other byte NUL);
/// the `<meta charset>` (windows-1258, windows-1252 …); else UTF-8.
fn encoding(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    match bytes {
        [a, 0, ..] if *a != 0 => return UTF_16LE,
        [0, b, ..] if *b != 0 => return UTF_16BE,
        _ => {}
    }
    let head = bytes.get(..bytes.len().min(HEAD_BYTES)).unwrap_or(bytes);
    let lower = head.to_ascii_lowercase();
    let declared = memchr::memmem::find(&lower, b"charset=").and_then(|at| {
        let rest = lower.get(at + b"charset=".len()..)?;
        let rest = rest
            .strip_prefix(b"\"")
            .or(rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
            .unwrap_or(rest.len());
        Encoding::for_label(rest.get(..end)?)
    });
    match declared {
        // A page whose head could be read as ASCII is not UTF-16, whatever it says.
        Some(enc) if enc == UTF_16LE || enc == UTF_16BE => UTF_8,
        Some(enc) => enc,
        None => UTF_8,
    }
}

/// Opening tags in the page ("<" followed by a letter): a bound on its elements.
fn opening_tags(text: &str) -> u64 {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes)
        .filter(|at| bytes.get(at + 1).is_some_and(|b| b.is_ascii_alphabetic()))
        .count() as u64
}

/// The element children of a node.
fn children<'a>(e: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    e.children().filter_map(ElementRef::wrap)
}

/// The rows of a table, its own only (not those of a table nested in a cell), in the
/// order written: directly under it or under its thead, tbody and tfoot.
fn rows<'a>(table: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    children(table).flat_map(|e| {
        let inner: Vec<ElementRef<'a>> = match e.value().name() {
            "tr" => vec![e],
            "thead" | "tbody" | "tfoot" => {
                children(e).filter(|r| r.value().name() == "tr").collect()
            }
            _ => Vec::new(),
        };
        inner
    })
}

/// A span attribute: its leading digits, at least 1, at most `max`.
fn span(e: ElementRef, attr: &str, max: usize) -> usize {
    let digits: String = e
        .value()
        .attr(attr)
        .unwrap_or("1")
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, max)
}

/// The table's values at their (row, column), spans honoured: a cell goes to the first
/// column of its row not covered by a cell spanning down from a row above.
fn place(table: ElementRef) -> Result<Vec<(u32, u32, CellValue)>, Problem> {
    let mut cells = Vec::new();
    // covered[c]: rows still covered in column c, the current one included.
    let mut covered: Vec<usize> = Vec::new();
    let mut work = 0usize;
    let mut spend = |steps: usize| {
        work = work.saturating_add(steps);
        if work > MAX_SPAN_WORK {
            Err(Problem::Unread(ReadProblem::TooManyCells {
                requested: work as u64,
            }))
        } else {
            Ok(())
        }
    };
    for (r, tr) in rows(table).enumerate().take(MAX_ROWS) {
        let mut c = 0usize;
        let covered_now: Vec<bool> = covered.iter().map(|n| *n > 0).collect();
        spend(covered.len() + 1)?;
        for n in covered.iter_mut() {
            *n = n.saturating_sub(1);
        }
        for td in children(tr).filter(|e| matches!(e.value().name(), "td" | "th")) {
            while covered_now.get(c).copied().unwrap_or(false) {
                c += 1;
                spend(1)?;
            }
            if c >= MAX_COLUMNS {
                break;
            }
            let text = cell_text(td);
            if !text.is_empty() {
                if cells.len() >= MAX_CELLS_PER_SHEET {
                    return Err(Problem::Unread(ReadProblem::TooManyCells {
                        requested: cells.len() as u64 + 1,
                    }));
                }
                cells.push((r as u32, c as u32, CellValue::Text(text)));
            }
            let colspan = span(td, "colspan", MAX_COLSPAN);
            let rowspan = span(td, "rowspan", MAX_ROWSPAN);
            let end = (c + colspan).min(MAX_COLUMNS);
            if rowspan > 1 {
                if covered.len() < end {
                    covered.resize(end, 0);
                }
                for n in covered.get_mut(c..end).into_iter().flatten() {
                    *n = (*n).max(rowspan - 1);
                }
            }
            spend(colspan)?;
            c = end;
        }
    }
    Ok(cells)
}

/// A cell's text as Excel shows it: white space of the markup collapsed, a line break
/// for `<br>` and between paragraphs, tables nested inside left to their own sheets.
fn cell_text(cell: ElementRef) -> String {
    use ego_tree::iter::Edge;
    let mut raw = String::new();
    let mut nested = 0usize;
    for edge in cell.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if e.name() == "table" && node.id() != cell.id() => nested += 1,
                Node::Element(e)
                    if nested == 0 && matches!(e.name(), "br" | "p" | "div" | "li") =>
                {
                    raw.push('\n')
                }
                Node::Text(t) if nested == 0 => raw.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && e.name() == "table"
                    && node.id() != cell.id()
                {
                    nested = nested.saturating_sub(1);
                }
            }
        }
    }
    raw.split('\n')
        .map(|line| {
            line.split(|c: char| c.is_whitespace() || c == '\u{a0}')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A caption or title as a sheet name: one line, no characters Excel forbids, at most
/// 31 characters.
fn sheet_name(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(MAX_SHEET_NAME)
        .collect::<String>()
        .trim()
        .to_string()
}

/// `name`, or `name (2)`, `name (3)` … when an earlier sheet has it (compared folded).
fn unique(name: String, sheets: &[SheetGrid]) -> String {
    let taken = |n: &str| sheets.iter().any(|s| fold(&s.name) == fold(n));
    if !taken(&name) {
        return name;
    }
    (2..)
        .map(|k| format!("{name} ({k})"))
        .find(|n| !taken(n))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &SheetGrid) -> Vec<Vec<String>> {
        sheet
            .grid
            .rows
            .iter()
            .map(|r| r.iter().map(CellValue::display).collect())
            .collect()
    }

    #[test]
    fn spans_keep_the_value_in_the_top_left_cell() {
        // Row 1: STT spans two rows, "Số học viên" two columns; row 2 holds only the
        // two sub-headings, which go under "Số học viên" (columns 1 and 2), past the
        // column STT covers.
        let page = "<table><tr><td rowspan=2>STT</td><td colspan=2>Số học viên</td><td rowspan=2>Ghi chú</td></tr>\
                    <tr><td>Tổng số<td>Nữ</tr><tr><td>1<td>45<td>20<td></table>";
        let sheets = read(page.as_bytes()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].name, "Bảng 1");
        assert_eq!(
            texts(&sheets[0]),
            vec![
                vec!["STT", "Số học viên", "", "Ghi chú"],
                vec!["", "Tổng số", "Nữ"],
                vec!["1", "45", "20"],
            ]
        );
    }

    #[test]
    fn numbers_stay_text_and_markup_white_space_is_collapsed() {
        let page =
            "<table><tr><td>\n  1.200 </td><td>Số học<br>viên</td><td>&nbsp;</td></tr></table>";
        let sheets = read(page.as_bytes()).unwrap();
        assert_eq!(
            sheets[0].grid.rows,
            vec![vec![
                CellValue::Text("1.200".into()),
                CellValue::Text("Số học\nviên".into())
            ]]
        );
    }

    #[test]
    fn a_nested_table_is_a_sheet_of_its_own_and_not_part_of_its_cell() {
        let page = "<table><caption>Ngoài</caption><tr><td>A<table><tr><td>B</td></tr></table></td></tr></table>";
        let sheets = read(page.as_bytes()).unwrap();
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["Ngoài", "Bảng 2"]);
        assert_eq!(texts(&sheets[0]), vec![vec!["A"]]);
        assert_eq!(texts(&sheets[1]), vec![vec!["B"]]);
    }

    #[test]
    fn encodings_by_bom_by_nul_bytes_and_by_meta_charset() {
        let text = "<table><tr><td>Nữ</td></tr></table>";
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut bom16 = vec![0xFF, 0xFE];
        bom16.extend(&utf16le);
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend(text.as_bytes());
        for bytes in [bom16, utf16le, bom8, text.as_bytes().to_vec()] {
            assert!(is_html(&bytes));
            let sheets = read(&bytes).unwrap();
            assert_eq!(texts(&sheets[0]), vec![vec!["Nữ"]]);
        }
        // windows-1258 writes "Nữ" as N, ư (0xFD) and a combining tilde (0xDE); the
        // text is put in NFC later, with every other cell.
        let mut cp1258 =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><table><tr><td>N"
                .to_vec();
        cp1258.extend([0xFD, 0xDE]);
        cp1258.extend(b"</td></tr></table></html>");
        let sheets = read(&cp1258).unwrap();
        assert_eq!(texts(&sheets[0]), vec![vec!["N\u{1b0}\u{303}"]]);
    }

    #[test]
    fn a_page_opening_with_a_comment_is_a_page_and_json_or_text_is_not() {
        assert!(is_html(
            b"<!-- saved by Excel -->\r\n<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
        ));
        assert!(!is_html(br#"{"rc":-10,"rd":"UNKNOWN"}"#));
        assert!(!is_html(b"STT,Ten lop,So hoc vien\n1,Luat,45\n"));
    }

    #[test]
    fn a_page_with_too_many_tags_is_refused_unparsed() {
        let page = "<td>".repeat(MAX_TAGS as usize + 1);
        assert!(matches!(
            read(page.as_bytes()),
            Err(Problem::Unread(ReadProblem::TooManyCells { .. }))
        ));
    }

    #[test]
    fn a_page_of_huge_spans_is_refused_in_bounded_time() {
        // Each row's cells span 1,000 columns and 65,534 rows: from the second row on,
        // all 16,384 columns are covered, and 16,384 steps a row pass the budget of
        // 16,000,000 steps within about a thousand rows.
        let row = format!(
            "<tr>{}</tr>",
            "<td colspan=1000 rowspan=65534>x</td>".repeat(20)
        );
        let page = format!("<table>{}</table>", row.repeat(2_000));
        assert!(matches!(
            read(page.as_bytes()),
            Err(Problem::Unread(ReadProblem::TooManyCells { .. }))
        ));
    }

    #[test]
    fn absurd_spans_are_bounded() {
        // colspan and rowspan far past the limits: clamped, and the page still reads.
        let page = "<table><tr><td colspan=99999999 rowspan=99999999>A</td><td>B</td></tr><tr><td>C</td></tr></table>";
        let sheets = read(page.as_bytes()).unwrap();
        // A spans 1,000 columns (the standard's limit); B is placed after it; C's row is
        // covered by A over the first 1,000 columns, so C lands in column 1,000 (0-based),
        // ALM. The empty columns between are folded away, so look them up by address.
        let g = &sheets[0].grid;
        let at = |text: &str| {
            (0..g.height())
                .flat_map(|r| (0..g.width()).map(move |c| (r, c)))
                .find(|&(r, c)| g.get(r, c) == &CellValue::Text(text.into()))
                .map(|(r, c)| g.a1(r, c))
        };
        assert_eq!(at("B").as_deref(), Some("ALM1"));
        assert_eq!(at("C").as_deref(), Some("ALM2"));
    }
}
