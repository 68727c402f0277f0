//! The sector chains of a compound file (.xls), checked before calamine follows them.
//!
//! calamine reads a compound file by following chains of sectors: the directory's
//! (for as long as it goes), the mini stream's and the mini FAT's, and each stream it
//! opens (the Workbook and the two summaries), each until it has the length the file
//! declares. A chain that comes back to a sector it has passed never ends: calamine
//! appends the same sectors until the declared length (up to 2^64 bytes for the
//! directory) is reached, and the allocation failure aborts the process. A FAT that
//! lists one sector many times blows up the same way, more slowly.
//!
//! So the chains are followed here first, the way calamine follows them (the same
//! sector numbering, the same short last sector, the same tables), but only counting,
//! and a file whose chain loops is refused as damaged. No real file has a loop: the
//! compound-file format forbids them. A file this walk cannot read far enough to
//! judge is left to calamine, which fails on it too, at the same place.

use crate::diagnostics::{Damage, Problem, ReadProblem};

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers from here up are markers, not sectors (calamine's bound on the
/// DIFAT chain).
const RESERVED: u32 = 0xFFFF_FFFA;
/// DIFAT entries from here up name no FAT sector.
const DIFAT_MARKER: u32 = 0xFFFF_FFFC;
/// Streams below this length live in the mini stream.
pub(super) const MINI_CUTOFF: usize = 4096;
/// The streams calamine opens by name when it reads an .xls.
const STREAMS: [&str; 4] = [
    "\u{5}SummaryInformation",
    "\u{5}DocumentSummaryInformation",
    "Workbook",
    "Book",
];

/// `Err` when a chain calamine would follow loops, or the FAT lists more sectors than
/// the file holds; `Ok` otherwise, including for a file that is not a compound file or
/// that calamine will refuse on its own before following any chain.
pub fn check(bytes: &[u8]) -> Result<(), Problem> {
    match walk(bytes) {
        Some(Err(damage)) => Err(Problem::Unread(ReadProblem::DamagedFile { damage })),
        _ => Ok(()),
    }
}

/// A compound file's sectors as calamine sees them: numbered from the end of the
/// header (which takes one whole sector), the last one possibly short, and nothing
/// past sector `len / size`.
pub(super) struct Sectors<'a> {
    bytes: &'a [u8],
    size: usize,
    last_id: u32,
    /// How far calamine's buffer has grown, counted from the end of the header: a
    /// short last sector is padded with zeros once it has been read.
    grown: usize,
}

impl<'a> Sectors<'a> {
    /// The sectors of `bytes`, as the header sizes them.
    pub(super) fn new(bytes: &'a [u8], header: &Header) -> Option<Sectors<'a>> {
        Some(Sectors {
            bytes,
            size: header.size,
            last_id: u32::try_from(bytes.len() / header.size).ok()?,
            grown: 0,
        })
    }

    /// Where sector `id` starts and ends in calamine's buffer (counted from the end
    /// of the header), as its `Sectors::get` finds it; `None` where calamine fails
    /// (a sector number past the end, or a sector that starts past the data).
    fn span(&mut self, id: u32) -> Option<(usize, usize)> {
        if id > self.last_id {
            return None;
        }
        let start = (id as usize).checked_mul(self.size)?;
        let end = start.checked_add(self.size)?;
        let data = self.bytes.len().saturating_sub(self.size);
        let got = if end <= self.grown || end <= data {
            end
        } else {
            self.grown.max(data)
        };
        self.grown = self.grown.max(end);
        (start <= got).then_some((start, got))
    }

    /// The bytes of sector `id`, zeros where calamine's buffer was padded.
    fn get(&mut self, id: u32) -> Option<Vec<u8>> {
        let (start, end) = self.span(id)?;
        Some(
            (start..end)
                .map(|i| *self.bytes.get(self.size + i).unwrap_or(&0))
                .collect(),
        )
    }

    /// How many bytes sector `id` adds to a chain, without copying it.
    fn len_of(&mut self, id: u32) -> Option<usize> {
        self.span(id).map(|(start, end)| end - start)
    }
}

/// Whether a chain calamine follows comes back to a sector before reaching its length.
#[derive(Debug, PartialEq, Eq)]
enum Chain {
    /// It reached its length or its end marker (or failed where calamine fails).
    Ends,
    /// It came back to a sector before reaching its length.
    Loops,
}

/// Follows the chain from `start` through `table` until `len` bytes; `step` gives how
/// many bytes a sector adds (None where calamine stops).
fn follow(
    start: u32,
    table: &[u32],
    len: usize,
    mut step: impl FnMut(u32) -> Option<usize>,
) -> Chain {
    let mut seen = vec![false; table.len()];
    let mut total = 0usize;
    let mut id = start;
    while id != END_OF_CHAIN {
        let Some(n) = step(id) else { break };
        total = total.saturating_add(n);
        if total >= len {
            break;
        }
        match seen.get_mut(id as usize) {
            Some(true) => return Chain::Loops,
            Some(flag) => *flag = true,
            // calamine indexes the table with the sector number and panics here.
            None => break,
        }
        match table.get(id as usize) {
            Some(next) => id = *next,
            None => break,
        }
    }
    Chain::Ends
}

/// The sector numbers of the chain from `start`, sectors of `unit` bytes, as far as
/// calamine follows it for `len` bytes.
pub(super) fn sector_ids(start: u32, table: &[u32], len: usize, unit: usize) -> Vec<u32> {
    let mut ids = Vec::new();
    follow(start, table, len, |id| {
        ids.push(id);
        Some(unit)
    });
    ids
}

/// The bytes of the chain from `start` (the directory's and the mini stream's are
/// needed; neither can pass the file's size without looping), or None when it loops.
pub(super) fn collect(
    sectors: &mut Sectors,
    start: u32,
    table: &[u32],
    len: usize,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let chain = follow(start, table, len, |id| {
        let sector = sectors.get(id)?;
        let take = sector.len().min(len - out.len());
        out.extend_from_slice(&sector[..take]);
        Some(sector.len())
    });
    (chain == Chain::Ends).then_some(out)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// calamine's `to_u32`, which asserts a whole number of entries (a panic it does not
/// survive, but that costs no memory): `None` there.
pub(super) fn entries(s: &[u8]) -> Option<impl Iterator<Item = u32> + '_> {
    s.len().is_multiple_of(4).then(|| {
        s.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
    })
}

/// What the 512-byte header says, as calamine reads it.
pub(super) struct Header {
    pub(super) size: usize,
    version: u16,
    pub(super) dir_start: u32,
    pub(super) mini_fat_start: u32,
    pub(super) mini_fat_len: usize,
    difat_start: u32,
    /// The header's 109 DIFAT entries.
    difat: Vec<u32>,
}

impl Header {
    /// `None` when calamine refuses the header itself.
    pub(super) fn read(bytes: &[u8]) -> Option<Header> {
        let header = bytes.get(..512)?;
        if !header.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return None;
        }
        let size = match u16_at(header, 30)? {
            9 => 512,
            12 if bytes.len() >= 4096 => 4096,
            _ => return None,
        };
        if u16_at(header, 32)? != 6 {
            return None;
        }
        Some(Header {
            size,
            version: u16_at(header, 26)?,
            dir_start: u32_at(header, 48)?,
            mini_fat_start: u32_at(header, 60)?,
            mini_fat_len: u32_at(header, 64)? as usize,
            difat_start: u32_at(header, 68)?,
            difat: entries(&header[76..512])?.collect(),
        })
    }
}

/// The FAT: the DIFAT (the header's entries, then a chain calamine bounds itself)
/// names its sectors. No sound file names a sector twice, so a FAT longer than the
/// file could hold is a damaged one (with room for a writer that leaves the header's
/// unused entries at 0).
pub(super) fn allocation_table(
    sectors: &mut Sectors,
    header: &Header,
) -> Option<Result<Vec<u32>, Damage>> {
    let mut difat = header.difat.clone();
    let mut sector_id = header.difat_start;
    let mut hops = 0usize;
    while sector_id < RESERVED {
        hops += 1;
        if hops > sectors.last_id as usize + 1 {
            return None;
        }
        difat.extend(entries(&sectors.get(sector_id)?)?);
        sector_id = difat.pop()?;
    }
    let fat_ids: Vec<u32> = difat.into_iter().filter(|id| *id < DIFAT_MARKER).collect();
    if fat_ids.len() > sectors.last_id as usize + 1 + 109 {
        return Some(Err(Damage::TableBeyondFile));
    }
    let mut fat = Vec::new();
    for id in fat_ids {
        fat.extend(entries(&sectors.get(id)?)?);
    }
    Some(Ok(fat))
}

/// (name, start, len) of each whole 128-byte directory entry, as calamine decodes
/// them (lengths are 32-bit in files of 512-byte sectors, 64-bit otherwise).
pub(super) fn directory(dir: &[u8], size: usize) -> Vec<(String, u32, usize)> {
    dir.chunks_exact(128)
        .map(|e| {
            let units: Vec<u16> = e[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let mut name = String::from_utf16_lossy(&units);
            if let Some(nul) = name.find('\0') {
                name.truncate(nul);
            }
            let start = u32_at(e, 116).unwrap_or(END_OF_CHAIN);
            let len = if size == 512 {
                u32_at(e, 120).map(|l| l as usize)
            } else {
                u64_at(e, 120).and_then(|l| usize::try_from(l).ok())
            };
            (name, start, len.unwrap_or(usize::MAX))
        })
        .collect()
}

/// `None`: not a compound file, or calamine stops before any unbounded chain.
/// `Some(Err)`: what is wrong. `Some(Ok)`: every chain ends.
fn walk(bytes: &[u8]) -> Option<Result<(), Damage>> {
    let header = Header::read(bytes)?;
    let mut sectors = Sectors::new(bytes, &header)?;
    let last_id = sectors.last_id;
    let fat = match allocation_table(&mut sectors, &header)? {
        Ok(fat) => fat,
        Err(e) => return Some(Err(e)),
    };
    let Some(dir) = collect(&mut sectors, header.dir_start, &fat, usize::MAX) else {
        return Some(Err(Damage::ChainsLoop));
    };
    let dirs = directory(&dir, header.size);
    let (_, root_start, root_len) = dirs.first()?.clone();
    if header.version != 3 && root_start == END_OF_CHAIN {
        return None;
    }
    let (mini_fat, mini_stream) = if header.mini_fat_len > 0 {
        let Some(stream) = collect(&mut sectors, root_start, &fat, root_len) else {
            return Some(Err(Damage::ChainsLoop));
        };
        let want = header.mini_fat_len.saturating_mul(header.size);
        let Some(table) = collect(&mut sectors, header.mini_fat_start, &fat, want) else {
            return Some(Err(Damage::ChainsLoop));
        };
        (entries(&table)?.collect(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    for wanted in STREAMS {
        let Some((_, start, len)) = dirs
            .iter()
            .find(|(name, ..)| name.eq_ignore_ascii_case(wanted))
        else {
            continue;
        };
        let chain = if *len < MINI_CUTOFF {
            // Sectors of 64 bytes counted from the mini stream's first byte. Past its
            // end calamine reads on from wherever the file stands, so a sector there
            // may add nothing: the chain is followed on, for its loop.
            let last_mini = last_id.saturating_mul(8);
            follow(*start, &mini_fat, *len, |id| {
                let from = (id as usize).saturating_mul(64);
                (id <= last_mini).then(|| mini_stream.len().saturating_sub(from).min(64))
            })
        } else {
            follow(*start, &fat, *len, |id| sectors.len_of(id))
        };
        if chain == Chain::Loops {
            return Some(Err(Damage::ChainsLoop));
        }
    }
    Some(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAT_SECTOR: u32 = 0xFFFF_FFFD;
    const FREE: u32 = 0xFFFF_FFFF;

    fn put(b: &mut [u8], at: usize, v: u32) {
        b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    /// A compound file of 512-byte sectors: a header, one FAT sector (sector 0), one
    /// directory sector (sector 1) holding a root entry and a "Workbook" stream of
    /// `len` bytes starting at sector 2, then `next.len()` sectors of data, sector
    /// 2 + i followed by `next[i]`.
    fn file(next: &[u32], dir_next: u32, len: u32) -> Vec<u8> {
        let mut b = vec![0u8; 512 * (3 + next.len())];
        b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        b[26..28].copy_from_slice(&3u16.to_le_bytes());
        b[30..32].copy_from_slice(&9u16.to_le_bytes());
        b[32..34].copy_from_slice(&6u16.to_le_bytes());
        put(&mut b, 44, 1);
        put(&mut b, 48, 1);
        put(&mut b, 56, 4096);
        put(&mut b, 60, END_OF_CHAIN);
        put(&mut b, 68, END_OF_CHAIN);
        for i in 0..109 {
            put(&mut b, 76 + i * 4, if i == 0 { 0 } else { FREE });
        }
        let fat: Vec<u32> = [FAT_SECTOR, dir_next]
            .into_iter()
            .chain(next.iter().copied())
            .chain(std::iter::repeat(FREE))
            .take(128)
            .collect();
        for (i, v) in fat.into_iter().enumerate() {
            put(&mut b, 512 + i * 4, v);
        }
        let mut entry = |at: usize, name: &str, kind: u8, start: u32, len: u32| {
            for (i, u) in name.encode_utf16().enumerate() {
                b[at + i * 2..at + i * 2 + 2].copy_from_slice(&u.to_le_bytes());
            }
            let name_len = (name.encode_utf16().count() as u16 + 1) * 2;
            b[at + 64..at + 66].copy_from_slice(&name_len.to_le_bytes());
            b[at + 66] = kind;
            put(&mut b, at + 116, start);
            put(&mut b, at + 120, len);
        };
        entry(1024, "Root Entry", 5, END_OF_CHAIN, 0);
        entry(1024 + 128, "Workbook", 2, 2, len);
        b
    }

    /// Data sectors 2 to 9 in a ring: 9 points back at 2.
    const RING: [u32; 8] = [3, 4, 5, 6, 7, 8, 9, 2];

    #[test]
    fn a_sound_chain_passes() {
        let next = [3, 4, 5, 6, 7, 8, 9, END_OF_CHAIN];
        assert!(check(&file(&next, END_OF_CHAIN, 4096)).is_ok());
        // A chain shorter than its declared length ends, and calamine reads what
        // there is.
        assert!(check(&file(&next, END_OF_CHAIN, 1 << 30)).is_ok());
    }

    #[test]
    fn a_stream_whose_chain_comes_back_is_refused() {
        // The eight sectors hold 4,096 bytes and sector 2 again 512 more: a declared
        // 4,609 or a gigabyte would be the ring for ever.
        for len in [4609, 1 << 30] {
            let refused = check(&file(&RING, END_OF_CHAIN, len));
            assert!(
                matches!(
                    refused,
                    Err(Problem::Unread(ReadProblem::DamagedFile { .. }))
                ),
                "{len}"
            );
        }
    }

    #[test]
    fn a_loop_after_the_declared_length_is_never_followed() {
        // 4,096 bytes end at sector 9, 4,608 at sector 2 again: calamine stops there,
        // and so does the check.
        for len in [4096, 4608] {
            assert!(check(&file(&RING, END_OF_CHAIN, len)).is_ok(), "{len}");
        }
    }

    #[test]
    fn a_directory_that_loops_is_refused() {
        // The directory (sector 1) points at itself; calamine reads it with no length.
        let next = [3, 4, 5, 6, 7, 8, 9, END_OF_CHAIN];
        let refused = check(&file(&next, 1, 4096));
        assert!(matches!(
            refused,
            Err(Problem::Unread(ReadProblem::DamagedFile { .. }))
        ));
    }

    #[test]
    fn a_fat_that_names_one_sector_many_times_is_refused() {
        // A DIFAT sector (the file's last) naming sector 0 as FAT 127 times, beside
        // the header's 109: 236 FAT sectors in a file of 11.
        let next = [3, 4, 5, 6, 7, 8, 9, END_OF_CHAIN];
        let mut b = file(&next, END_OF_CHAIN, 4096);
        let at = b.len();
        b.resize(at + 512, 0);
        put(&mut b, 68, (at / 512 - 1) as u32);
        for i in 0..109 {
            put(&mut b, 76 + i * 4, 0);
        }
        put(&mut b, at + 127 * 4, END_OF_CHAIN);
        assert!(matches!(
            check(&b),
            Err(Problem::Unread(ReadProblem::DamagedFile { .. }))
        ));
        // Unused header entries written as 0 rather than free: a sloppy writer, not
        // a damaged file.
        let mut b = file(&next, END_OF_CHAIN, 4096);
        for i in 0..109 {
            put(&mut b, 76 + i * 4, 0);
        }
        assert!(check(&b).is_ok());
    }

    #[test]
    fn a_short_last_sector_counts_what_it_holds() {
        // The file ends 100 bytes into sector 9: the ring holds 7 × 512 + 100 = 3,684
        // bytes, and sector 2 again brings it to 4,196. calamine stops there for a
        // declared 4,196; for 4,197 it would go round again, and again.
        let mut b = file(&RING, END_OF_CHAIN, 4196);
        b.truncate(512 * 10 + 100);
        assert!(check(&b).is_ok());
        put(&mut b, 1024 + 128 + 120, 4197);
        assert!(matches!(
            check(&b),
            Err(Problem::Unread(ReadProblem::DamagedFile { .. }))
        ));
    }

    #[test]
    fn other_files_are_left_alone() {
        assert!(check(b"PK\x03\x04 not a compound file").is_ok());
        assert!(check(&[0xD0, 0xCF, 0x11, 0xE0]).is_ok());
    }
}
