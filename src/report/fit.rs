//! How many lines a wrapped cell needs, so its row can be given that height.
//!
//! Neither LibreOffice nor Excel grows a row for wrapped text when it opens a file
//! written by a program: a row left at the default height shows a long topic or file
//! name as two lines drawn over each other. So the writer sets each row's height
//! itself, from an estimate of how the text wraps: the width of each character of
//! Times New Roman 12 (the font of every cell), laid out word by word as the
//! spreadsheet does, breaking at spaces and after '-' and '/'.
//!
//! The estimate errs on the side of one line too many (a little white space) rather
//! than one too few (text drawn over text).

/// Width of a character of Times New Roman in thousandths of the font size (the
/// font's own metrics). Letters with Vietnamese marks take the width of their base
/// letter; other characters outside ASCII are taken as wide (a full em).
fn char_units(c: char) -> u32 {
    if c.is_ascii() {
        return ascii_units(c);
    }
    // A class list measures hundreds of thousands of Vietnamese topics: the letters
    // with marks are looked up, not decomposed each time.
    match MARKED_UNITS.get((c as usize).wrapping_sub(0x80)) {
        Some(&units) => u32::from(units),
        None => other_units(c),
    }
}

fn ascii_units(c: char) -> u32 {
    const LOWER: [u32; 26] = [
        444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
        389, 278, 500, 500, 722, 500, 500, 444,
    ];
    const UPPER: [u32; 26] = [
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
        556, 611, 722, 722, 944, 722, 722, 611,
    ];
    match c {
        'a'..='z' => LOWER[(c as u8 - b'a') as usize],
        'A'..='Z' => UPPER[(c as u8 - b'A') as usize],
        '0'..='9' => 500,
        ' ' | '.' | ',' => 250,
        ':' | ';' | '/' | '\'' | '!' | '|' => 278,
        '-' | '(' | ')' | '[' | ']' => 333,
        _ => 1000,
    }
}

/// [`other_units`] of U+0080 to U+1FFF, which hold every Vietnamese letter.
static MARKED_UNITS: std::sync::LazyLock<Vec<u16>> = std::sync::LazyLock::new(|| {
    (0x80u32..0x2000)
        .map(|u| char::from_u32(u).map_or(1000, other_units))
        .map(|units| u16::try_from(units).unwrap_or(1000))
        .collect()
});

/// The width of a character outside ASCII.
fn other_units(c: char) -> u32 {
    match c {
        'đ' => 500,
        'Đ' => 722,
        c => {
            // A letter with marks (ế, ữ, Ộ) is as wide as its base letter.
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |b| {
                base.get_or_insert(b);
            });
            match base {
                Some(b) if b != c && b.is_ascii_alphabetic() => ascii_units(b),
                _ if c.is_lowercase() => 500,
                _ => 1000,
            }
        }
    }
}

/// Pixels (at 96 dpi) of one character in 12-point type.
fn char_px(c: char) -> f64 {
    f64::from(char_units(c)) * 16.0 / 1000.0
}

/// Usable pixels of a column `width` characters wide. A column width counts the
/// default font's digit (7 pixels, plus 5 of padding). LibreOffice fits a few per
/// cent more text on a line than these metrics suggest (measured on its rendering of
/// the output, see the tests), hence the allowance.
fn column_px(width: f64) -> f64 {
    (width * 7.0 + 5.0) * 1.05
}

/// Lines that `text` takes in a wrapped cell `width` characters wide (at least 1).
/// Line breaks inside the text start new lines.
pub fn lines(text: &str, width: f64) -> u32 {
    let room = column_px(width).max(1.0);
    // Most cells fit on one line: a text well narrower than the column is one line
    // however its words fall (the margin covers the rounding of summing in pieces).
    if !text.contains('\n') && text.chars().map(char_px).sum::<f64>() < room - 0.001 {
        return 1;
    }
    text.split('\n')
        .map(|part| paragraph_lines(part, room))
        .sum::<u32>()
        .max(1)
}

/// The column width (in characters, as a spreadsheet counts them) that holds `text`
/// on one line: the inverse of the usable pixels of a column, with one character to
/// spare for the estimate's error.
pub fn width(text: &str) -> f64 {
    let px: f64 = text.chars().map(char_px).sum();
    (px / 1.05 - 5.0) / 7.0 + 1.0
}

/// Greedy word wrap of one paragraph into lines of `room` pixels.
fn paragraph_lines(text: &str, room: f64) -> u32 {
    let mut lines = 1u32;
    let mut used = 0.0f64;
    for piece in pieces(text) {
        let w: f64 = piece.trim_end_matches(' ').chars().map(char_px).sum();
        let with_space: f64 = piece.chars().map(char_px).sum();
        if used > 0.0 && used + w > room {
            lines += 1;
            used = 0.0;
        }
        // A piece wider than the whole column is broken wherever it must be.
        if w > room {
            lines += (w / room).ceil() as u32 - 1;
            used = w % room;
        } else {
            used += with_space;
        }
    }
    lines
}

/// The text cut after each break opportunity: spaces (kept with the piece before
/// them) and after '-' and '/'.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .char_indices()
            .find(|&(_, c)| matches!(c, ' ' | '-' | '/'))
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        // Keep a run of spaces with the word before it.
        let cut = cut + rest[cut..].len() - rest[cut..].trim_start_matches(' ').len();
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Cases seen in LibreOffice's rendering of the samples' Danh sách lớp (columns of
    // width 30 and 36): which texts wrapped and which stayed on one line.
    #[test]
    fn matches_what_libreoffice_wrapped() {
        assert_eq!(lines("Tiểu ban chăm sóc sức khỏe", 30.0), 1);
        assert_eq!(lines("Tiểu ban phát triển kinh tế", 30.0), 1);
        assert_eq!(lines("kinh-te/thang-01.xlsx", 30.0), 1);
        assert_eq!(lines("Tiểu ban giáo dục bảo vệ môi trường", 30.0), 2);
        assert_eq!(lines("van-hoa-xa-hoi/bao-cao-nam-2019.xlsx", 30.0), 2);
        assert_eq!(lines("Sử dụng nước sạch và vệ sinh môi trường", 36.0), 1);
    }

    #[test]
    fn looked_up_widths_are_the_worked_out_ones() {
        assert_eq!(char_units('ế'), 444);
        assert_eq!(char_units('Ộ'), 722);
        assert_eq!(char_units('đ'), 500);
        for c in ['\u{80}', 'à', 'ư', 'Ữ', '\u{1FFF}', '\u{2000}', '中'] {
            assert_eq!(char_units(c), other_units(c), "{c}");
        }
    }

    #[test]
    fn counts_breaks_long_words_and_empty_text() {
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("a\nb\nc", 10.0), 3);
        // 60 'm' of 12.4 px each (747 px) in a 10-wide column (78.75 px): 10 lines.
        assert_eq!(lines(&"m".repeat(60), 10.0), 10);
        // Words move to the next line whole: four 8-letter words, two per line.
        let words = "abcdefgh abcdefgh abcdefgh abcdefgh";
        let one: f64 = "abcdefgh ".chars().map(char_px).sum();
        let width = (2.0 * one / 1.05 - 5.0) / 7.0 + 0.1;
        assert_eq!(lines(words, width), 2);
    }

    #[test]
    fn a_column_as_wide_as_a_text_holds_it_on_one_line() {
        for text in ["Số học viên", "Tiểu ban giáo dục bảo vệ môi trường", "x"] {
            assert_eq!(lines(text, width(text)), 1, "{text}");
        }
        // Two characters narrower, the longer text wraps.
        let long = "Tiểu ban giáo dục bảo vệ môi trường";
        assert_eq!(lines(long, width(long) - 2.0), 2);
    }

    #[test]
    fn pieces_cut_after_spaces_hyphens_and_slashes() {
        let p: Vec<&str> = pieces("van-hoa xa/hoi  x").collect();
        assert_eq!(p, ["van-", "hoa ", "xa/", "hoi  ", "x"]);
    }
}
