//! A look at a zip container (xlsx, xlsm, xlsb, ods) before calamine opens it.
//!
//! What the central directory and two small parts declare is checked against what the
//! file can hold, so that a few hundred kilobytes cannot ask for gigabytes or minutes:
//!
//! - two entries with one name: Excel and LibreOffice show the first, calamine the
//!   last, so no reading of the file can be trusted;
//! - several sheets pointing at one part: each would be unpacked and read again;
//! - a part that unpacks to more than [`MAX_PART_BYTES`], or a file to more than
//!   [`MAX_UNPACKED_BYTES`]. The zip reader stops any part at its declared size while
//!   inflating (a part that inflates past it is an error, not more bytes), so declared
//!   sizes that lie cannot get past this check: a bomb of whitespace or of one XML
//!   comment is refused by its declaration or cut off at it; and a part past 16 MB
//!   that unpacks more than [`MAX_RATIO`] times its packed size is a bomb;
//! - a shared-strings table declaring more strings than its part can hold: calamine
//!   reserves room for `uniqueCount` strings up front, and an allocation that fails
//!   aborts the process.
//!
//! Anything this look cannot make sense of is left for calamine to report.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::diagnostics::{Problem, ReadProblem, ZipFault};

/// Most bytes one part may unpack to: a monthly report's sheet is a few kilobytes.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// Most bytes all the parts of one file may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;
/// Most a part past [`RATIO_FLOOR_BYTES`] may unpack to per byte packed. Sheets of
/// reports pack 5 to 30 times; a run of white space or one long XML comment (a zip
/// bomb) packs about 1,000 times, and the XML reader holds such a run whole: a 200 MB
/// one cost 370 MB and six seconds.
pub const MAX_RATIO: u64 = 200;
/// Parts up to this size are never refused for their ratio.
pub const RATIO_FLOOR_BYTES: u64 = 16 * 1024 * 1024;
/// Fewest bytes one shared string takes in sharedStrings.xml (`<si/>`).
const MIN_SHARED_STRING_BYTES: u64 = 5;
/// Fewest bytes one use of a shared string takes in a sheet (`<v>0</v>`).
const MIN_STRING_USE_BYTES: u64 = 8;
/// How much of a part is unpacked to find its first element's attributes.
const HEAD_BYTES: u64 = 64 * 1024;
/// How much of the shared strings is unpacked at a time while looking for `<sst>`.
const SST_CHUNK: usize = 4 * 1024;
/// How much of the workbook's sheet list and relationships is read: 3,000 sheets take
/// some 200 KB.
const INDEX_BYTES: u64 = 16 * 1024 * 1024;

/// Refuses, as damaged, a zip container whose declarations could not be honoured.
pub fn check(bytes: &[u8]) -> Result<(), Problem> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let refuse = |fault| Err(Problem::Unread(ReadProblem::DamagedContainer { fault }));
    if zip.has_duplicate_names() {
        return refuse(ZipFault::DuplicateEntry {
            name: first_duplicate(bytes).unwrap_or_default(),
        });
    }
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let size = entry.size();
        if size > MAX_PART_BYTES {
            return refuse(ZipFault::PartTooLarge {
                part: entry.name().map(|n| n.into_owned()).unwrap_or_default(),
                bytes: size,
                limit: MAX_PART_BYTES,
            });
        }
        let packed = entry.compressed_size();
        if size > RATIO_FLOOR_BYTES && size / packed.max(1) > MAX_RATIO {
            return refuse(ZipFault::PartTooCompressed {
                part: entry.name().map(|n| n.into_owned()).unwrap_or_default(),
                bytes: size,
                packed,
                limit: MAX_RATIO,
            });
        }
        total = total.saturating_add(size);
        names.push((
            entry.name().map(|n| n.into_owned()).unwrap_or_default(),
            size,
        ));
    }
    if total > MAX_UNPACKED_BYTES {
        return refuse(ZipFault::UnpacksTooLarge {
            bytes: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    for (name, size) in &names {
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            shared_strings(&mut zip, name, *size, total).map_or(Ok(()), refuse)?;
        }
    }
    if let Some(fault) = sheets_sharing_a_part(&mut zip, &names) {
        return refuse(fault);
    }
    Ok(())
}

/// The shared-strings table's declared counts against what its part, and the whole
/// file, can hold.
fn shared_strings<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    size: u64,
    total: u64,
) -> Option<ZipFault> {
    // The <sst> tag opens the part: it is read as the part is unpacked, a few
    // kilobytes at a time, rather than unpacking a whole head first.
    let entry = zip.by_name(name).ok()?;
    let mut reader = Reader::from_reader(std::io::BufReader::with_capacity(
        SST_CHUNK,
        entry.take(HEAD_BYTES),
    ));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                let declared = |key: &str| -> Option<u64> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .and_then(|a| a.value.trim().parse().ok())
                };
                let unique_bound = size / MIN_SHARED_STRING_BYTES;
                if let Some(n) = declared("uniqueCount").filter(|n| *n > unique_bound) {
                    return Some(ZipFault::CountBeyondFile {
                        what: "sharedStrings uniqueCount".into(),
                        declared: n,
                        bound: unique_bound,
                    });
                }
                let uses_bound = total / MIN_STRING_USE_BYTES;
                if let Some(n) = declared("count").filter(|n| *n > uses_bound) {
                    return Some(ZipFault::CountBeyondFile {
                        what: "sharedStrings count".into(),
                        declared: n,
                        bound: uses_bound,
                    });
                }
                return None;
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// Two sheets of the workbook that resolve to one part (xlsx through workbook.xml's
/// sheet ids, xlsb through the workbook's worksheet relationships).
fn sheets_sharing_a_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &[(String, u64)],
) -> Option<ZipFault> {
    let find = |wanted: &str| {
        names
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(wanted))
            .map(|(n, _)| n.clone())
    };
    let rels_name =
        find("xl/_rels/workbook.xml.rels").or_else(|| find("xl/_rels/workbook.bin.rels"))?;
    let rels = unpack(zip, &rels_name, INDEX_BYTES)?;
    let mut targets: HashMap<String, String> = HashMap::new();
    let mut worksheet_ids: Vec<String> = Vec::new();
    for_each_element(&rels, "Relationship", |attr| {
        let (id, target, kind) = (attr("Id"), attr("Target"), attr("Type"));
        if let (Some(id), Some(target)) = (id, target) {
            if kind.is_some_and(|k| k.ends_with("/worksheet")) {
                worksheet_ids.push(id.clone());
            }
            targets.insert(id, normalise_target(&target));
        }
    });
    // xlsx: the sheets are workbook.xml's <sheet r:id>; xlsb's list is binary, so its
    // worksheet relationships stand for its sheets.
    let sheet_ids = match find("xl/workbook.xml").and_then(|n| unpack(zip, &n, INDEX_BYTES)) {
        Some(workbook) => {
            let mut ids = Vec::new();
            for_each_element(&workbook, "sheet", |attr| ids.extend(attr("id")));
            ids
        }
        None => worksheet_ids,
    };
    let mut seen: HashMap<String, u64> = HashMap::new();
    for id in &sheet_ids {
        let target = targets.get(id).cloned().unwrap_or_else(|| id.clone());
        *seen.entry(target).or_insert(0) += 1;
    }
    let (part, sheets) = seen
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .max_by_key(|(_, n)| *n)?;
    Some(ZipFault::SheetsShareOnePart { part, sheets })
}

/// A relationship target as one spelling: `/xl/worksheets/sheet1.xml`,
/// `worksheets/sheet1.xml` and `./worksheets/../worksheets/sheet1.xml` are one part.
fn normalise_target(target: &str) -> String {
    let text = target.replace('\\', "/");
    let absolute = match text.strip_prefix('/') {
        Some(rest) => rest.to_string(),
        None => format!("xl/{text}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for piece in absolute.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/").to_ascii_lowercase()
}

/// Calls `f` with an attribute getter (by local name) for each element `local` of `xml`.
fn for_each_element(xml: &[u8], local: &str, mut f: impl FnMut(&dyn Fn(&str) -> Option<String>)) {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => {
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .map(|a| a.value.into_owned())
                };
                f(&attr);
            }
            Ok(Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Up to `limit` bytes of a part, unpacked; None when it cannot be read.
fn unpack<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Option<Vec<u8>> {
    let entry = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    // A part that inflates past its declared size is an error from the zip reader; what
    // was read until then is enough to look at its head.
    let _ = entry.take(limit).read_to_end(&mut out);
    Some(out)
}

/// The first name the central directory lists twice, read from the raw directory (the
/// zip reader keeps only one entry per name).
fn first_duplicate(bytes: &[u8]) -> Option<String> {
    // End of central directory: signature, then the directory's offset at +16.
    let eocd = end_record(bytes)?;
    let mut at = u32_at(bytes, eocd + 16)? as usize;
    let mut seen = std::collections::HashSet::new();
    while bytes.get(at..at + 4) == Some(b"PK\x01\x02") {
        let name_len = u16_at(bytes, at + 28)? as usize;
        let extra_len = u16_at(bytes, at + 30)? as usize;
        let comment_len = u16_at(bytes, at + 32)? as usize;
        let name = bytes.get(at + 46..at + 46 + name_len)?;
        if !seen.insert(name) {
            return Some(String::from_utf8_lossy(name).into_owned());
        }
        at = at + 46 + name_len + extra_len + comment_len;
    }
    None
}

/// Where a zip's end-of-central-directory record (22 bytes, then a comment of at
/// most 65,535) starts: its signature, searched back from the end.
pub fn end_record(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(22)?;
    let from = last.saturating_sub(65_535);
    memchr::memmem::rfind(&bytes[from..last + 4], b"PK\x05\x06").map(|i| from + i)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_one_spelling() {
        assert_eq!(
            normalise_target("/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            normalise_target("worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            normalise_target("./worksheets/../Worksheets/Sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
    }
}
