//! Text as the tool stores it (NFC, trimmed, single spaces) and as it compares it
//! (folded: no diacritics, no case, no punctuation), and how alike two names are.
//!
//! Every stage compares Vietnamese text (the reader its headings, the plan its
//! aliases, the checks their topics), so this sits at the bottom of the house and
//! imports nothing of the tool's.

use std::collections::BTreeSet;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// `s` in NFC: borrowed when it is already (text typed in Excel is; composing it again
/// would only copy it).
pub fn composed(s: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.into()
    } else {
        s.nfc().collect::<String>().into()
    }
}

/// NFC, trimmed, runs of white space (including non-breaking spaces and line breaks
/// inside a cell) collapsed to one space. This is the form written to the output.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in composed(s).split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The matching form: diacritics removed (đ → d), lower case, every run of characters
/// that are not letters or digits turned into one space. "Tiểu ban: Pháp luật" and
/// "TIEU BAN PHAP-LUAT" fold to the same "tieu ban phap luat". Old and new tone
/// placement (hoá / hóa) fold alike because the tone marks are dropped.
pub fn fold(s: &str) -> String {
    // Each character decomposed on its own: the marks are dropped, so the reordering
    // of marks a full NFD would do cannot change the result.
    fold_decomposed(|push| {
        for c in s.chars() {
            if c.is_ascii() {
                push(c);
            } else {
                unicode_normalization::char::decompose_canonical(c, &mut *push);
            }
        }
    })
}

/// The folding of the characters `feed` pushes, already decomposed: marks dropped,
/// đ made d, lower case, runs of anything else one space.
fn fold_decomposed(feed: impl FnOnce(&mut dyn FnMut(char))) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    feed(&mut |c: char| {
        if is_combining_mark(c) {
            return;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    });
    out
}

/// True when `needle` (folded) occurs in `haystack` (folded) as whole words.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(i, _)| {
        let before_ok = i == 0 || haystack.as_bytes().get(i - 1) == Some(&b' ');
        let end = i + needle.len();
        let after_ok = end == haystack.len() || haystack.as_bytes().get(end) == Some(&b' ');
        before_ok && after_ok
    })
}

/// The comparing form that keeps diacritics: lower case, single spaces, each letter
/// decomposed (base letter, then its vowel mark: circumflex, breve, horn), and each
/// word's tone marks moved to the end of the word. Old and new tone placement (hoá /
/// hóa, khoẻ / khỏe, thuỷ / thủy) and NFC / NFD give the same key, while words that
/// differ in a tone or a vowel (ma / má, ô / ơ) do not. The key is only ever compared,
/// never shown, so it is left decomposed.
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut tones: Vec<char> = Vec::new();
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        // Most words of most keys are plain ASCII ("Thôn" is not, "5" and "Son" are).
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            continue;
        }
        tones.clear();
        for c in word.chars().flat_map(char::to_lowercase) {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if matches!(
                    d,
                    '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
                ) {
                    tones.push(d);
                } else {
                    out.push(d);
                }
            });
        }
        // A word carries one tone; should it carry two, their order must not matter.
        tones.sort_unstable();
        out.extend(tones.iter());
    }
    out
}

fn words(name: &str) -> BTreeSet<String> {
    fold(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How alike two names (class topics, indicator names) are, 0 to 1: the share of the
/// words of both (folded) that they have in common; 1 when all the words of the
/// shorter one, two or more, are in the longer.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() >= 2 && short.is_subset(long) {
        return 1.0;
    }
    let shared = a.intersection(&b).count() as f64;
    let union = a.union(&b).count() as f64;
    shared / union
}

/// Names at least this alike are taken for one another: half their words in common.
pub const ALIKE: f64 = 0.5;

/// A legacy encoding of Vietnamese text, from the fonts before Unicode (the
/// conversion is in normalise::legacy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_composes_and_collapses_whitespace() {
        // "Học" and "tập" with their marks as combining characters (NFD).
        let nfd = "  Ho\u{0323}c\u{00A0}\u{00A0}  ta\u{0323}\u{0302}p\n cộng đồng ";
        assert_eq!(clean(nfd), "Học tập cộng đồng");
        let nfd = "  Ho\u{0323}c\u{00A0}\u{00A0}  tập\n cộng đồng ";
        assert_eq!(clean(nfd), "Học tập cộng đồng");
    }

    #[test]
    fn fold_drops_marks_case_and_punctuation() {
        assert_eq!(fold("Tiểu ban: Pháp luật"), "tieu ban phap luat");
        assert_eq!(fold("ĐƯỜNG-BỘ"), "duong bo");
        assert_eq!(fold("Văn hóa - Xã hội"), fold("van hoa xa hoi"));
        assert_eq!(fold("hoá"), fold("hóa"));
        assert_eq!(fold("  (1) "), "1");
    }

    #[test]
    fn match_key_ignores_tone_placement_and_unicode_form_only() {
        assert_eq!(match_key("Văn hoá"), match_key("văn hóa"));
        assert_eq!(
            match_key("Chăm sóc sức khoẻ"),
            match_key("Chăm sóc sức khỏe")
        );
        assert_eq!(match_key("Thuỷ sản"), match_key("thủy  sản"));
        assert_eq!(match_key("Ho\u{0323}c"), match_key("Học"));
        assert_ne!(match_key("ma"), match_key("má"));
        assert_ne!(match_key("cô"), match_key("cơ"));
    }

    /// The folding over a whole-string NFD, as it was first written.
    fn fold_by_nfd(s: &str) -> String {
        fold_decomposed(|push| s.nfd().for_each(push))
    }

    proptest::proptest! {
        // Decomposing character by character folds exactly as a whole NFD does, marks
        // in any order and any mix of composed and combining forms included.
        #[test]
        fn fold_per_character_equals_fold_by_nfd(
            s in "[a-zA-Z0-9 .,:/đĐăâêôơưẠạẢảẤấỆệỒồỮữỳỴ\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{0302}\u{031B}\u{00A0}]{0,30}"
        ) {
            proptest::prop_assert_eq!(fold(&s), fold_by_nfd(&s));
        }

        #[test]
        fn match_key_ignores_the_unicode_form(s in "[a-zA-Z đĐăâêôơưẠạẢảẤấỆệỒồỮữỳỴ\u{0300}\u{0301}\u{0309}\u{0323}\u{0302}]{0,30}") {
            let nfc: String = s.nfc().collect();
            let nfd: String = s.nfd().collect();
            proptest::prop_assert_eq!(match_key(&s), match_key(&nfc));
            proptest::prop_assert_eq!(match_key(&s), match_key(&nfd));
        }

        #[test]
        fn clean_is_nfc_of_the_words(s in "[a-zA-Z ôơạ\u{0323}\u{0302}\u{0301}\u{00A0}\n]{0,30}") {
            let words: Vec<String> = s.nfc().collect::<String>().split_whitespace().map(String::from).collect();
            proptest::prop_assert_eq!(clean(&s), words.join(" "));
        }
    }

    #[test]
    fn contains_words_respects_word_edges() {
        assert!(contains_words("tieu ban phap luat", "phap luat"));
        assert!(contains_words("khac", "khac"));
        assert!(!contains_words("khach hang", "khac"));
        assert!(!contains_words("pl", ""));
    }
}
