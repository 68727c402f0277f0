//! Text typed years ago with the legacy 8-bit Vietnamese fonts: TCVN3 (".VnTime",
//! ".VnTimeH") and VNI ("VNI-Times"). Such a cell reaches us as Windows-1252 gibberish
//! ("Sè häc viªn", "Soá hoïc vieân" for "Số học viên"); it is a font trick, not a code
//! page, so nothing but these tables repairs it.
//!
//! Detection, per cell: text with non-ASCII letters, all within Windows-1252's Latin
//! range, is decoded both ways, and an encoding is chosen only when its result is made
//! of Vietnamese syllables — an initial consonant, a vowel nucleus Vietnamese has, a
//! final consonant it allows, at most one tone mark — clearly more than the text as it
//! stands. Plain Vietnamese is made of syllables already, so it (like ASCII, and like
//! any text with a letter beyond Latin-1 such as ạ or ư) is never touched. Telltale
//! characters alone would not do: VNI "Thoân" (Thôn) holds only letters Vietnamese uses.

mod syllable;
mod tables;

use unicode_normalization::UnicodeNormalization;

use syllable::share_of_vietnamese_words;

use crate::input::grid::{CellValue, Grid};

pub use crate::text::Legacy;

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Legacy::Vni => "VNI (VNI-Times)",
        }
    }
}

/// What a cell's text looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Plain,
    One(Legacy),
    /// Both decodings read as Vietnamese (rare, short text): the rest of the sheet decides.
    Either,
    /// Reads as Vietnamese as it stands and also once decoded ("Céng" is a syllable, and
    /// so is "Cộng"; "Ghi chó" and "Ghi chú"): converted only inside a sheet that is
    /// clearly in that encoding (None: either encoding reads well).
    Maybe(Option<Legacy>),
}

/// True when `s` may be legacy text (Latin-1 letters beyond ASCII only) yet every one
/// of its words is already a Vietnamese syllable: [`judge`] can then only say `Plain`
/// or `Maybe`, as no decoding can read better than it does.
fn reads_as_vietnamese(s: &str) -> bool {
    !s.is_ascii() && s.chars().all(|c| u32::from(c) <= 0xFF) && share_of_vietnamese_words(s) >= 1.0
}

/// Share of Vietnamese words a decoding must reach to count.
const GOOD: f64 = 0.75;

fn judge(s: &str) -> Verdict {
    // Anything beyond Latin-1 (ạ, ư, đ, combining marks …) means real Unicode.
    if s.is_ascii() || s.chars().any(|c| u32::from(c) > 0xFF) {
        return Verdict::Plain;
    }
    let as_is = share_of_vietnamese_words(s);
    let score = |e: Legacy| {
        let d = decode(s, e);
        if d == s {
            0.0
        } else {
            share_of_vietnamese_words(&d)
        }
    };
    let (tcvn3, vni) = (score(Legacy::Tcvn3), score(Legacy::Vni));
    let good = |score: f64| score >= GOOD && score > as_is;
    match (good(tcvn3), good(vni)) {
        (true, false) => Verdict::One(Legacy::Tcvn3),
        (false, true) => Verdict::One(Legacy::Vni),
        (true, true) if tcvn3 > vni => Verdict::One(Legacy::Tcvn3),
        (true, true) if vni > tcvn3 => Verdict::One(Legacy::Vni),
        (true, true) => Verdict::Either,
        (false, false) => match (tcvn3 >= GOOD, vni >= GOOD) {
            (true, false) => Verdict::Maybe(Some(Legacy::Tcvn3)),
            (false, true) => Verdict::Maybe(Some(Legacy::Vni)),
            (true, true) => Verdict::Maybe(None),
            (false, false) => Verdict::Plain,
        },
    }
}

/// The legacy encoding `s` is written in, if it can be told from `s` alone.
pub fn detect(s: &str) -> Option<Legacy> {
    match judge(s) {
        Verdict::One(e) => Some(e),
        Verdict::Plain | Verdict::Either | Verdict::Maybe(_) => None,
    }
}

/// Converts legacy text to Unicode NFC. Text whose plain letters are all capitals is
/// capitalised whole: .VnTimeH titles store lower-case codes for upper-case letters.
pub fn decode(s: &str, enc: Legacy) -> String {
    let raw = match enc {
        Legacy::Tcvn3 => s.chars().map(|c| tcvn3(c).unwrap_or(c)).collect::<String>(),
        Legacy::Vni => vni(s),
    };
    // A line typed in .VnTimeH (all capitals) stores lower-case codes for its toned
    // capitals; its plain letters show it was meant in capitals.
    let out = if all_caps(s) { raw.to_uppercase() } else { raw };
    out.nfc().collect()
}

/// Text whose ASCII letters are all capitals, with at least two of them.
fn all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(char::is_ascii_alphabetic).collect();
    letters.len() >= 2 && letters.iter().all(char::is_ascii_uppercase)
}

fn tcvn3(c: char) -> Option<char> {
    tables::TCVN3
        .binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .and_then(|i| tables::TCVN3.get(i))
        .map(|(_, v)| *v)
}

/// VNI: a letter followed by up to two mark characters; the longest known sequence wins.
fn vni(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let mut done = false;
        for len in [3usize, 2, 1] {
            let Some(slice) = chars.get(i..i + len) else {
                continue;
            };
            let key: String = slice.iter().collect();
            if let Ok(k) = tables::VNI.binary_search_by(|(seq, _)| (*seq).cmp(key.as_str()))
                && let Some((_, letter)) = tables::VNI.get(k)
            {
                out.push(*letter);
                i += len;
                done = true;
                break;
            }
        }
        if !done {
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
        }
    }
    out
}

/// Writes Unicode text the way a legacy font stores it: the inverse of [`decode`], used
/// to build test fixtures and sample files. TCVN3 upper-case toned letters take the
/// lower-case codes, as .VnTimeH does.
pub fn encode(s: &str, enc: Legacy) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.nfc() {
        match enc {
            Legacy::Tcvn3 => {
                let code = tables::TCVN3
                    .iter()
                    .find(|(_, v)| *v == c)
                    .map(|(k, _)| *k)
                    .or_else(|| {
                        let lower = c.to_lowercase().next()?;
                        tables::TCVN3
                            .iter()
                            .find(|(_, v)| *v == lower)
                            .map(|(k, _)| *k)
                    });
                out.push(code.unwrap_or(c));
            }
            Legacy::Vni => match tables::VNI.iter().find(|(_, v)| *v == c) {
                Some((seq, _)) => out.push_str(seq),
                None => out.push(c),
            },
        }
    }
    out
}

/// How many cells of a grid were converted, per encoding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Repaired {
    pub tcvn3: u32,
    pub vni: u32,
}

impl Repaired {
    pub fn add(&mut self, other: Repaired) {
        self.tcvn3 += other.tcvn3;
        self.vni += other.vni;
    }
}

/// Converts every legacy-encoded text cell of a grid to Unicode, before anything reads
/// headings or values from it. A cell that reads as Vietnamese in both encodings takes
/// the one the rest of the grid is in; a cell that reads as Vietnamese both as it is
/// and decoded is converted only in a grid clearly in that encoding.
pub fn repair(grid: &mut Grid) -> Repaired {
    let verdicts = first_look(grid);
    let leaning = Leaning::of(&verdicts);
    let mut done = Repaired::default();
    for (row, row_verdicts) in grid.rows.iter_mut().zip(&verdicts) {
        for (cell, verdict) in row.iter_mut().zip(row_verdicts) {
            let verdict = match (verdict, &*cell) {
                (Some(v), _) => *v,
                (None, CellValue::Text(t)) if leaning.clearly.is_some() => judge(t),
                (None, _) => continue,
            };
            let Some(enc) = leaning.encoding(verdict) else {
                continue;
            };
            if let CellValue::Text(text) = cell {
                *text = decode(text, enc);
                match enc {
                    Legacy::Tcvn3 => done.tcvn3 += 1,
                    Legacy::Vni => done.vni += 1,
                }
            }
        }
    }
    done
}

/// Each cell's verdict at first look; None for a text that already reads wholly as
/// Vietnamese. Such a cell can at most be a `Maybe`, which matters only in a sheet
/// clearly in a legacy encoding — so its two trial decodings wait until such a sheet is
/// found (most sheets are Unicode, and most of their text is Vietnamese that happens to
/// stay within Latin-1).
fn first_look(grid: &Grid) -> Vec<Vec<Option<Verdict>>> {
    grid.rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    CellValue::Text(t) if reads_as_vietnamese(t) => None,
                    CellValue::Text(t) => Some(judge(t)),
                    _ => Some(Verdict::Plain),
                })
                .collect()
        })
        .collect()
}

/// Which encoding the grid as a whole is in, as far as its cells say.
struct Leaning {
    /// The encoding more cells can only be in, if any can.
    majority: Option<Legacy>,
    /// A grid "clearly" in one encoding: a few cells that can only be it, none the other.
    clearly: Option<Legacy>,
}

impl Leaning {
    fn of(verdicts: &[Vec<Option<Verdict>>]) -> Leaning {
        let count = |e: Legacy| {
            verdicts
                .iter()
                .flatten()
                .filter(|v| **v == Some(Verdict::One(e)))
                .count()
        };
        let (tcvn3, vni) = (count(Legacy::Tcvn3), count(Legacy::Vni));
        let majority = match (tcvn3, vni) {
            (0, 0) => None,
            (t, v) if v > t => Some(Legacy::Vni),
            _ => Some(Legacy::Tcvn3),
        };
        let clearly = match (tcvn3, vni) {
            (t, 0) if t >= 3 => Some(Legacy::Tcvn3),
            (0, v) if v >= 3 => Some(Legacy::Vni),
            _ => None,
        };
        Leaning { majority, clearly }
    }

    /// The encoding a cell with this verdict is converted from, None to leave it.
    fn encoding(&self, verdict: Verdict) -> Option<Legacy> {
        match verdict {
            Verdict::One(e) => Some(e),
            Verdict::Either => self.majority,
            Verdict::Maybe(e) => self.clearly.filter(|c| e.is_none_or(|e| e == *c)),
            Verdict::Plain => None,
        }
    }
}

#[cfg(test)]
mod tests;
