//! An .xls (BIFF in a compound file) made safe for calamine before it opens it.
//!
//! calamine builds every sheet of an .xls while opening it, each as a full rectangle
//! from its first to its last cell, after reserving room for the rectangle its
//! DIMENSIONS record declares: one value at IV65536 asks for 16.7 million cells, and a
//! DIMENSIONS record claiming 4 billion rows makes an allocation fail, which aborts the
//! process. So the Workbook stream is walked here first, record by record, and a copy
//! of the file is handed to calamine in which every sheet's cells are packed together:
//! each used row and column moved to its rank among the used ones (the record sizes do
//! not change, only their row and column fields), and DIMENSIONS declaring one cell.
//! The packed rectangles are counted first and the file refused when they would pass the
//! budget; afterwards each cell is put back at its real position ([`Packed::unpack`]).
//!
//! A file this walk cannot follow is handed to calamine unchanged, as before.

use crate::diagnostics::{Damage, Problem, ReadProblem};

/// A copy of the file with packed sheets, and the way back to real positions.
#[derive(Debug)]
pub struct Packed {
    pub bytes: Vec<u8>,
    /// Per sheet, in the workbook's sheet order: the real rows and columns, by rank.
    sheets: Vec<(Vec<u32>, Vec<u32>)>,
}

impl Packed {
    /// A rewritten file and, per sheet in the workbook's order, its real rows and
    /// columns by rank.
    pub(crate) fn new(bytes: Vec<u8>, sheets: Vec<(Vec<u32>, Vec<u32>)>) -> Packed {
        Packed { bytes, sheets }
    }

    /// The real position of a packed cell of sheet `sheet` (the workbook's order).
    pub fn unpack(&self, sheet: usize, row: u32, col: u32) -> (u32, u32) {
        match self.sheets.get(sheet) {
            Some((rows, cols)) => (
                rows.get(row as usize).copied().unwrap_or(row),
                cols.get(col as usize).copied().unwrap_or(col),
            ),
            None => (row, col),
        }
    }
}

/// Packs the sheets of an .xls; `Ok(None)` when the file cannot be followed (left to
/// calamine), `Err` when even packed its sheets would lay out more than `budget` cells.
pub fn pack(bytes: &[u8], budget: u64, text_budget: u64) -> Result<Option<Packed>, Problem> {
    super::cfb_guard::check(bytes)?;
    let Some(stream) = Stream::find(bytes) else {
        return Ok(None);
    };
    let data = stream.read(bytes);
    let Some(sheets) = walk(&data)? else {
        return Ok(None);
    };
    strings_within(&data, &sheets, text_budget)?;
    let mut patched = bytes.to_vec();
    let mut maps = Vec::with_capacity(sheets.len());
    let mut laid_out: u64 = 0;
    for records in sheets {
        let (rows, cols) = used_positions(&records);
        laid_out = laid_out.saturating_add((rows.len() as u64).saturating_mul(cols.len() as u64));
        if laid_out > budget {
            return Err(Problem::Unread(ReadProblem::TooManyCells {
                requested: laid_out,
            }));
        }
        stream.pack_sheet(&mut patched, &records, &rows, &cols);
        maps.push((rows, cols));
    }
    Ok(Some(Packed {
        bytes: patched,
        sheets: maps,
    }))
}

/// Refuses the file when the shared strings its cells show would be copied past
/// `text_budget` bytes: calamine copies a shared string into every cell that shows it,
/// while opening the file, so the copies are counted first.
fn strings_within(data: &[u8], sheets: &[Vec<Record>], text_budget: u64) -> Result<(), Problem> {
    let strings = shared_strings(data);
    let copied: u64 = sheets
        .iter()
        .flatten()
        .filter_map(|r| strings.get(r.string? as usize))
        .fold(0u64, |sum, n| sum.saturating_add(*n));
    if copied > text_budget {
        return Err(Problem::Unread(ReadProblem::TextTooLarge {
            limit: text_budget,
        }));
    }
    Ok(())
}

/// A sheet's used rows and used columns, each sorted once: a cell's packed position is
/// its row's and its column's rank among them.
fn used_positions(records: &[Record]) -> (Vec<u32>, Vec<u32>) {
    let mut rows: Vec<u32> = records
        .iter()
        .flat_map(|r| r.cells())
        .map(|c| c.0)
        .collect();
    let mut cols: Vec<u32> = records
        .iter()
        .flat_map(|r| r.cells())
        .map(|c| c.1)
        .collect();
    for v in [&mut rows, &mut cols] {
        v.sort_unstable();
        v.dedup();
    }
    (rows, cols)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Dimensions,
    /// A record of one cell that calamine reads (number, label, RK, boolean, formula).
    Cell,
    /// Several RK cells along a row.
    MulRk,
}

/// One record of a sheet that names positions; `at` is its data's offset in the stream.
#[derive(Debug)]
struct Record {
    kind: Kind,
    at: usize,
    len: usize,
    row: u32,
    col: u32,
    last_col: u32,
    /// The shared string a LABELSST cell shows.
    string: Option<u32>,
}

impl Record {
    fn cells(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let cols = match self.kind {
            Kind::Dimensions => self.col..self.col,
            Kind::Cell => self.col..self.col + 1,
            Kind::MulRk => self.col..self.last_col + 1,
        };
        cols.map(move |c| (self.row, c))
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// Each sheet's records that name positions, in the workbook's sheet order; None when
/// the stream cannot be followed. Sheets that start at one place, or overlap, would be
/// read again and again (3,000 sheets on one sheet's records): the walk may cover the
/// stream once, and so holds at most one record per 4 bytes of it.
fn walk(data: &[u8]) -> Result<Option<Vec<Vec<Record>>>, Problem> {
    let Some(positions) = sheet_positions(data) else {
        return Ok(None);
    };
    let mut walked = 0usize;
    let mut sheets = Vec::with_capacity(positions.len().min(data.len() / 4));
    for start in positions {
        let (records, length) = sheet_records(data, start);
        walked = walked.saturating_add(length);
        if walked > data.len() {
            return Err(Problem::Unread(ReadProblem::DamagedFile {
                damage: Damage::SheetsShareRecords,
            }));
        }
        sheets.push(records);
    }
    Ok(Some(sheets))
}

/// The most bytes each shared string (SST) can take as text: 2 a character stored in
/// one byte, 3 in two. Strings run on into CONTINUE records, where the characters
/// still to come are preceded by one byte saying how they are stored. What cannot be
/// read is left out.
fn shared_strings(data: &[u8]) -> Vec<u64> {
    let mut segments: Vec<&[u8]> = Vec::new();
    let mut at = 0usize;
    while let (Some(typ), Some(len)) = (u16_at(data, at), u16_at(data, at + 2)) {
        let body = data.get(at + 4..at + 4 + len as usize).unwrap_or_default();
        match typ {
            0x00FC => segments.push(body),
            0x003C if !segments.is_empty() => segments.push(body),
            _ if !segments.is_empty() => break,
            0x000A => break,
            _ => {}
        }
        at = at + 4 + len as usize;
    }
    let Some(first) = segments.first_mut() else {
        return Vec::new();
    };
    let unique = u32_at(first, 4).unwrap_or(0) as usize;
    *first = first.get(8..).unwrap_or_default();
    let mut cursor = Segments {
        segments,
        i: 0,
        pos: 0,
    };
    let mut out = Vec::with_capacity(unique.min(data.len() / 3));
    for _ in 0..unique {
        match cursor.string() {
            Some(n) => out.push(n),
            None => break,
        }
    }
    out
}

/// A read position over the SST record and its CONTINUE records.
struct Segments<'a> {
    segments: Vec<&'a [u8]>,
    i: usize,
    pos: usize,
}

impl Segments<'_> {
    fn left(&self) -> usize {
        self.segments
            .get(self.i)
            .map_or(0, |s| s.len().saturating_sub(self.pos))
    }

    fn next_segment(&mut self) -> Option<()> {
        self.i += 1;
        self.pos = 0;
        (self.i < self.segments.len()).then_some(())
    }

    fn byte(&mut self) -> Option<u8> {
        while self.left() == 0 {
            self.next_segment()?;
        }
        let b = *self.segments.get(self.i)?.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            while self.left() == 0 {
                self.next_segment()?;
            }
            let step = n.min(self.left());
            self.pos += step;
            n -= step;
        }
        Some(())
    }

    /// One XLUnicodeRichExtendedString: its text's byte bound.
    fn string(&mut self) -> Option<u64> {
        let cch = u16::from_le_bytes([self.byte()?, self.byte()?]) as usize;
        let flags = self.byte()?;
        let mut high = flags & 0x01 != 0;
        let runs = if flags & 0x08 != 0 {
            u16::from_le_bytes([self.byte()?, self.byte()?]) as usize
        } else {
            0
        };
        let ext = if flags & 0x04 != 0 {
            u32::from_le_bytes([self.byte()?, self.byte()?, self.byte()?, self.byte()?]) as usize
        } else {
            0
        };
        let (mut left, mut any_high) = (cch, high);
        while left > 0 {
            if self.left() == 0 {
                self.next_segment()?;
                high = self.byte()? & 0x01 != 0;
                any_high |= high;
                continue;
            }
            let width = if high { 2 } else { 1 };
            let take = left.min(self.left() / width);
            if take == 0 {
                return None;
            }
            self.pos += take * width;
            left -= take;
        }
        self.skip(runs * 4)?;
        self.skip(ext)?;
        Some(cch as u64 * if any_high { 3 } else { 2 })
    }
}

/// Where each sheet's records start, in the workbook's sheet order (BoundSheet8 in the
/// workbook globals); None for an encrypted file (calamine says so).
fn sheet_positions(data: &[u8]) -> Option<Vec<usize>> {
    let mut positions = Vec::new();
    let mut at = 0usize;
    while let (Some(typ), Some(len)) = (u16_at(data, at), u16_at(data, at + 2)) {
        match typ {
            0x002F => return None,
            0x0085 => positions.extend(u32_at(data, at + 4).map(|p| p as usize)),
            0x000A => break,
            _ => {}
        }
        at = at + 4 + len as usize;
    }
    Some(positions)
}

/// The records of the sheet starting at `start` that name positions, read the way
/// calamine reads them (embedded substreams skipped), and how many bytes were walked.
fn sheet_records(data: &[u8], start: usize) -> (Vec<Record>, usize) {
    let mut records = Vec::new();
    let mut at = start;
    let (mut seen_bof, mut depth) = (false, 0usize);
    while let (Some(typ), Some(len)) = (u16_at(data, at), u16_at(data, at + 2)) {
        let (len, body) = (len as usize, at + 4);
        if data.get(body..body + len).is_none() {
            break;
        }
        at = body + len;
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let row = u32::from(u16_at(data, body).unwrap_or(0));
        let col = u32::from(u16_at(data, body + 2).unwrap_or(0));
        let record = |kind, last_col| Record {
            kind,
            at: body,
            len,
            row,
            col,
            last_col,
            string: (typ == 0x00FD).then(|| u32_at(data, body + 6)).flatten(),
        };
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => records.push(record(Kind::Dimensions, 0)),
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if len >= 4 => {
                records.push(record(Kind::Cell, col))
            }
            0x00BD if len >= 6 => {
                // calamine reads a MULRK only when its length fits its columns
                // (6 bytes each); any other fails the file there.
                let last = u32::from(u16_at(data, body + len - 2).unwrap_or(0));
                if last >= col && len == 6 + 6 * (last - col + 1) as usize {
                    records.push(record(Kind::MulRk, last));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    (records, at.saturating_sub(start))
}

/// Where the Workbook stream's bytes sit in the file: the file offset of each of its
/// sectors (regular or mini), in order.
struct Stream {
    sectors: Vec<usize>,
    unit: usize,
    len: usize,
}

impl Stream {
    /// The Workbook (or Book) stream of a compound file, found the way calamine finds
    /// it (cfb_guard's reading of the header, the allocation tables and the
    /// directory), its chains already checked there; `None` where it cannot be followed.
    fn find(bytes: &[u8]) -> Option<Stream> {
        use super::cfb_guard::{
            Header, MINI_CUTOFF, Sectors, allocation_table, collect, directory, entries, sector_ids,
        };
        let header = Header::read(bytes)?;
        let size = header.size;
        let mut sectors = Sectors::new(bytes, &header)?;
        let fat = allocation_table(&mut sectors, &header)?.ok()?;
        let dir = collect(&mut sectors, header.dir_start, &fat, usize::MAX)?;
        let dirs = directory(&dir, size);
        let named = |wanted: &str| dirs.iter().find(|(n, ..)| n.eq_ignore_ascii_case(wanted));
        let (_, start, len) = named("Workbook").or_else(|| named("Book"))?.clone();
        if len > bytes.len() {
            return None;
        }
        // A regular sector's place in the file: after the header, which takes one
        // sector; the last may be short.
        let offset = |n: u32| -> Option<usize> {
            let off = (n as usize).checked_add(1)?.checked_mul(size)?;
            (off < bytes.len()).then_some(off)
        };
        if len >= MINI_CUTOFF {
            let sectors: Vec<usize> = sector_ids(start, &fat, len, size)
                .into_iter()
                .filter_map(offset)
                .collect();
            return (sectors.len() * size >= len).then_some(Stream {
                sectors,
                unit: size,
                len,
            });
        }
        // A small stream lives in the mini stream, itself the root entry's chain of
        // regular sectors, with its sectors listed in the mini FAT.
        let (_, root_start, root_len) = dirs.first()?.clone();
        let want = header.mini_fat_len.saturating_mul(size);
        let mini_fat: Vec<u32> =
            entries(&collect(&mut sectors, header.mini_fat_start, &fat, want)?)?.collect();
        let mini_stream: Vec<usize> = sector_ids(root_start, &fat, root_len, size)
            .into_iter()
            .filter_map(offset)
            .collect();
        let sectors: Vec<usize> = sector_ids(start, &mini_fat, len, 64)
            .into_iter()
            .map(|m| {
                let at = (m as usize) * 64;
                Some(mini_stream.get(at / size)? + at % size)
            })
            .collect::<Option<_>>()?;
        (sectors.len() * 64 >= len).then_some(Stream {
            sectors,
            unit: 64,
            len,
        })
    }

    fn file_offset(&self, at: usize) -> Option<usize> {
        Some(self.sectors.get(at / self.unit)? + at % self.unit)
    }

    /// The stream's bytes, in order.
    fn read(&self, bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        for s in &self.sectors {
            let want = (self.len - out.len()).min(self.unit);
            match bytes.get(*s..(s + want).min(bytes.len())) {
                Some(chunk) if !chunk.is_empty() => out.extend_from_slice(chunk),
                _ => break,
            }
            if out.len() >= self.len {
                break;
            }
        }
        out
    }

    fn poke(&self, bytes: &mut [u8], at: usize, value: u8) {
        if let Some(slot) = self.file_offset(at).and_then(|o| bytes.get_mut(o)) {
            *slot = value;
        }
    }

    fn poke_u16(&self, bytes: &mut [u8], at: usize, value: u16) {
        let [lo, hi] = value.to_le_bytes();
        self.poke(bytes, at, lo);
        self.poke(bytes, at + 1, hi);
    }

    /// Packs one sheet's records in the copy: each cell moved to its row's and column's
    /// rank among the used ones, and DIMENSIONS zeroed to declare one cell.
    fn pack_sheet(&self, patched: &mut [u8], records: &[Record], rows: &[u32], cols: &[u32]) {
        let rank = |all: &[u32], v: u32| all.binary_search(&v).unwrap_or(0) as u16;
        for r in records {
            match r.kind {
                Kind::Dimensions => {
                    for i in 0..r.len.min(12) {
                        self.poke(patched, r.at + i, 0);
                    }
                }
                Kind::Cell | Kind::MulRk => {
                    self.poke_u16(patched, r.at, rank(rows, r.row));
                    self.poke_u16(patched, r.at + 2, rank(cols, r.col));
                    if r.kind == Kind::MulRk && r.len >= 6 {
                        let last = rank(cols, r.last_col);
                        self.poke_u16(patched, r.at + r.len - 2, last);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, body: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((body.len() as u16).to_le_bytes());
        r.extend(body);
        r
    }

    /// A Workbook stream whose `sheets` BoundSheet8 records all point at one sheet of
    /// one NUMBER cell at (5, 300).
    fn stream(sheets: usize) -> Vec<u8> {
        let bof = record(0x0809, &[0; 16]);
        let eof = record(0x000A, &[]);
        // Globals: BOF (20 bytes), sheets × BoundSheet8 (12 bytes), EOF (4 bytes).
        let at = (20 + 12 * sheets + 4) as u32;
        let mut data = bof.clone();
        for _ in 0..sheets {
            let mut body = at.to_le_bytes().to_vec();
            body.extend([0; 4]);
            data.extend(record(0x0085, &body));
        }
        data.extend(&eof);
        let mut number = 5u16.to_le_bytes().to_vec();
        number.extend(300u16.to_le_bytes());
        number.extend([0; 10]);
        data.extend(bof);
        data.extend(record(0x0203, &number));
        data.extend(eof);
        data
    }

    #[test]
    fn a_sheet_is_walked_to_its_cells() {
        let sheets = walk(&stream(1)).unwrap().unwrap();
        let cells: Vec<(u32, u32)> = sheets[0].iter().flat_map(|r| r.cells()).collect();
        assert_eq!(cells, vec![(5, 300)]);
    }

    #[test]
    fn sheets_sharing_one_sheet_s_records_are_refused() {
        // Two sheets on one: 20 + 24 + 4 = 48 bytes of globals and a sheet of 20 + 18 +
        // 4 = 42 bytes, walked twice: 84 ≤ 90, read. Three: 60 + 42 = 102 bytes, walked
        // 126: refused.
        assert!(matches!(walk(&stream(2)), Ok(Some(s)) if s.len() == 2));
        assert!(matches!(
            walk(&stream(3)),
            Err(Problem::Unread(ReadProblem::DamagedFile {
                damage: Damage::SheetsShareRecords
            }))
        ));
    }

    #[test]
    fn shared_strings_are_measured_across_continue_records() {
        // SST: 2 strings. "abc" in one-byte characters (3 × 2 bytes at most as text);
        // then 4 two-byte characters of which 1 fits in the SST record and 3 run on
        // into a CONTINUE record after its flag byte (4 × 3 bytes).
        let mut sst = vec![2, 0, 0, 0, 2, 0, 0, 0];
        sst.extend([3, 0, 0, b'a', b'b', b'c']);
        sst.extend([4, 0, 1, b'x', 0]);
        let mut data = record(0x00FC, &sst);
        data.extend(record(0x003C, &[1, b'y', 0, b'z', 0, b'w', 0]));
        data.extend(record(0x000A, &[]));
        assert_eq!(shared_strings(&data), vec![6, 12]);
    }

    #[test]
    fn every_shared_string_of_a_libreoffice_file_is_measured() {
        // The SST's second count (cstUnique) is how many strings it holds; reading
        // them all to the end means each was stepped over exactly.
        for name in [
            "phap-luat-thang-03.xls",
            "van-hoa-xa-hoi-bao-cao-nam-2019.xls",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/formats/xls")
                .join(name);
            let bytes = std::fs::read(path).unwrap();
            let Some(stream) = Stream::find(&bytes) else {
                panic!("{name}: no Workbook stream")
            };
            let data = stream.read(&bytes);
            let mut at = 0;
            while u16_at(&data, at) != Some(0x00FC) {
                at += 4 + u16_at(&data, at + 2).unwrap() as usize;
            }
            let unique = u32_at(&data, at + 8).unwrap() as usize;
            let strings = shared_strings(&data);
            assert!(unique > 10, "{name}");
            assert_eq!(strings.len(), unique, "{name}");
        }
    }
}
