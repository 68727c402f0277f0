//! Is a word Vietnamese? A syllable is an optional initial consonant, a vowel nucleus
//! from the language's short list, an optional final consonant, and at most one tone
//! mark. Good enough to tell a correctly decoded word from gibberish.

use unicode_normalization::UnicodeNormalization;

const INITIALS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo",
    "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "uơi",
];

const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

const VOWELS: &str = "aăâeêioôơuưy";

/// Tone marks as combining characters: grave, acute, tilde, hook above, dot below.
fn is_tone(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// The word without tones, in lower case, and how many tones it carried.
fn untoned(word: &str) -> (String, usize) {
    let mut tones = 0;
    let mut base = String::with_capacity(word.len());
    for c in word.to_lowercase().nfd() {
        if is_tone(c) {
            tones += 1;
        } else {
            base.push(c);
        }
    }
    (base.nfc().collect(), tones)
}

fn is_syllable(word: &str) -> bool {
    if !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let (base, tones) = untoned(word);
    if tones > 1 || base.is_empty() {
        return false;
    }
    INITIALS.iter().any(|init| {
        let Some(rest) = base.strip_prefix(init) else {
            return false;
        };
        let split = rest
            .find(|c: char| !VOWELS.contains(c))
            .unwrap_or(rest.len());
        let (nucleus, fin) = rest.split_at(split);
        // "oo" lives only in a few loanwords before -ng or -c (xoong, soóc).
        let rare_ok = nucleus != "oo" || matches!(fin, "ng" | "c");
        NUCLEI.contains(&nucleus) && FINALS.contains(&fin) && rare_ok
    })
}

/// Share of the words with a non-ASCII character that are Vietnamese syllables (0
/// when there are no such words). Plain ASCII words ("STT", "do") say nothing either
/// way. Words break at spaces, ASCII punctuation and digits only, so a symbol left
/// inside a word by a wrong decoding ("ph©n") counts against it.
pub fn share_of_vietnamese_words(s: &str) -> f64 {
    let mut judged = 0u32;
    let mut good = 0u32;
    for word in
        s.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c.is_ascii_digit())
    {
        if word.is_empty() || word.is_ascii() {
            continue;
        }
        judged += 1;
        if is_syllable(word) {
            good += 1;
        }
    }
    if judged == 0 {
        0.0
    } else {
        f64::from(good) / f64::from(judged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables() {
        for w in [
            "Cộng", "hòa", "xã", "hội", "nghĩa", "Việt", "Độc", "lập", "Tự", "Hạnh", "phúc", "học",
            "viên", "người", "khuya", "giữa", "gì", "quý", "quả", "thuở", "hoạt", "khỏe", "khoẻ",
            "thủy", "thuỷ", "Nguyễn", "Hương", "yêu", "uống", "chuyên", "đề", "ngày",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn gibberish_is_not() {
        for w in [
            "Vieọt", "Mỹller", "ViƯt", "hßa", "häc", "Coäng", "ăâ", "Sèè",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
