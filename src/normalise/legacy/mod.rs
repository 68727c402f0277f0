//! Text typed years ago with the legacy 8-bit Vietnamese fonts: TCVN3 (".VnTime",
//! ".VnTimeH") and VNI ("VNI-Times"). Such a cell reaches us as Windows-1252 gibberish
//! ("Sè häc viªn", "Soá hoïc vieân" for "Số học viên"); it is a font trick, not a code
//! page, so nothing but these tables repairs it.
//!
//! Detection, per cell: text with no character outside Windows-1252's Latin range is a
//! candidate only if it holds a character that Vietnamese never uses (ä, ª, µ, ø …).
//! It is decoded both ways, and an encoding is chosen only when its result is made of
//! Vietnamese syllables — an initial consonant, a vowel nucleus Vietnamese has, a final
//! consonant it allows, at most one tone mark — while the text as it stands is not.
//! Plain Vietnamese (NFC or NFD) and ASCII are therefore never touched.

mod syllable;
mod tables;

use unicode_normalization::UnicodeNormalization;

use syllable::share_of_vietnamese_words;

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Legacy::Vni => "VNI (VNI-Times)",
        }
    }
}

/// Letters of Windows-1252's upper half that are also Vietnamese letters.
const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

/// True for a character Vietnamese text never holds but legacy text often does
/// (including the soft hyphen U+00AD, TCVN3's ư, and × ÷, its ì and ữ).
fn is_telltale(c: char) -> bool {
    ('\u{00A1}'..='\u{00FF}').contains(&c) && !VIETNAMESE_LATIN1.contains(c)
}

/// The legacy encoding `s` is written in, if it is.
pub fn detect(s: &str) -> Option<Legacy> {
    if s.is_ascii() {
        return None;
    }
    // Anything beyond Latin-1 (ạ, ư, đ, combining marks …) means real Unicode.
    if s.chars().any(|c| u32::from(c) > 0xFF) {
        return None;
    }
    if !s.chars().any(is_telltale) {
        return None;
    }
    let as_is = share_of_vietnamese_words(s);
    let tcvn3 = share_of_vietnamese_words(&decode(s, Legacy::Tcvn3));
    let vni = share_of_vietnamese_words(&decode(s, Legacy::Vni));
    let (best, score) = if vni > tcvn3 {
        (Legacy::Vni, vni)
    } else {
        (Legacy::Tcvn3, tcvn3)
    };
    (score >= 0.75 && score > as_is).then_some(best)
}

/// Converts legacy text to Unicode NFC. A word whose plain letters are all capitals is
/// capitalised whole: .VnTimeH titles store lower-case codes for upper-case letters.
pub fn decode(s: &str, enc: Legacy) -> String {
    let raw = match enc {
        Legacy::Tcvn3 => s.chars().map(|c| tcvn3(c).unwrap_or(c)).collect::<String>(),
        Legacy::Vni => vni(s),
    };
    let out: String = split_keep(&raw)
        .into_iter()
        .zip(split_keep(s))
        .map(|(decoded, original)| {
            if all_caps(original) {
                decoded.to_uppercase()
            } else {
                decoded.to_string()
            }
        })
        .collect();
    out.nfc().collect()
}

/// Splits at spaces, keeping them, so decoded and original words pair up one to one.
fn split_keep(s: &str) -> Vec<&str> {
    s.split_inclusive(' ').collect()
}

/// A word whose ASCII letters are all capitals, with at least two of them.
fn all_caps(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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
/// headings or values from it.
pub fn repair(grid: &mut crate::input::grid::Grid) -> Repaired {
    let mut done = Repaired::default();
    for cell in grid.rows.iter_mut().flatten() {
        if let crate::input::grid::CellValue::Text(text) = cell
            && let Some(enc) = detect(text)
        {
            *text = decode(text, enc);
            match enc {
                Legacy::Tcvn3 => done.tcvn3 += 1,
                Legacy::Vni => done.vni += 1,
            }
        }
    }
    done
}

#[cfg(test)]
mod tests;
