//! The one table of header aliases: every spelling of every column heading the tool
//! understands, and the words that keep a heading away from a field. Adding a spelling
//! is adding a string here.
//!
//! Aliases are written as Vietnamese is written, with its marks. A heading matches an
//! alias word by word: a word typed with marks must carry the alias word's marks (old or
//! new tone placement alike), so "Năm" (year) is not "Nam" (men); a word typed without
//! any mark matches on its letters alone, so "So hoc vien" is still "Số học viên".

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::text::{clean, composed, fold, match_key};

pub use crate::classes::Field;

impl Field {
    /// Fields that hold a count of people or classes: a money, age or code column must
    /// never be read as one.
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Field::Learners | Field::Male | Field::Female | Field::ClassCount
        )
    }
}

/// Aliases per field, as people write them. Within a field, the order does not matter;
/// a heading that is exactly an alias beats one that only starts with an alias, and a
/// longer alias beats a shorter one.
const ALIASES: &[(Field, &[&str])] = &[
    (
        Field::PlannedPeriod,
        &[
            "tháng dự kiến",
            "dự kiến tháng",
            "thời gian dự kiến",
            "thời gian thực hiện dự kiến",
            "tháng",
            "quý",
            "quý dự kiến",
            "thời gian thực hiện",
            "tháng mở lớp",
            "tháng mở lớp dự kiến",
            "kế hoạch tháng",
            "ngày mở lớp dự kiến",
            "thời gian mở lớp dự kiến",
        ],
    ),
    (
        Field::Responsible,
        &[
            "người phụ trách",
            "phụ trách",
            "người chịu trách nhiệm",
            "cán bộ phụ trách",
        ],
    ),
    (
        Field::Partner,
        &[
            "đơn vị phối hợp",
            "phối hợp",
            "cơ quan phối hợp",
            "tổ chức phối hợp",
        ],
    ),
    (
        Field::CriterionNo,
        &["tiêu chí", "tc", "tiêu chí số", "số tiêu chí"],
    ),
    (
        Field::Indicator,
        &[
            "chỉ số",
            "tên chỉ số",
            "nội dung chỉ số",
            "chỉ tiêu đánh giá",
        ],
    ),
    (
        Field::Value,
        &[
            "giá trị",
            "tỷ lệ",
            "tỉ lệ",
            "kết quả",
            "tỷ lệ đạt",
            "tỉ lệ đạt",
            "kết quả đạt được",
            "giá trị đạt được",
        ],
    ),
    (
        Field::Numerator,
        &["tử số", "số đạt", "số lượng đạt", "số đạt chuẩn"],
    ),
    (
        Field::Denominator,
        &["mẫu số", "tổng số cần đánh giá", "tổng số đối tượng"],
    ),
    (Field::FigureSource, &["nguồn số liệu", "nguồn"]),
    (
        Field::Evidence,
        &["hồ sơ minh chứng", "minh chứng", "có minh chứng"],
    ),
    (Field::Stt, &["stt", "tt", "số tt", "số thứ tự", "thứ tự"]),
    (
        Field::SubCommittee,
        &[
            "tiểu ban",
            "tên tiểu ban",
            "tiểu ban phụ trách",
            "đơn vị",
            "tiểu ban tổ chức",
        ],
    ),
    (
        Field::Topic,
        &[
            "tên lớp",
            "tên lớp học",
            "tên chuyên đề",
            "chuyên đề",
            "nội dung",
            "nội dung chuyên đề",
            "nội dung lớp học",
            "tên lớp chuyên đề",
            "lớp học",
            "tên chương trình",
            "nội dung học tập",
            "nội dung tuyên truyền",
            "nội dung tập huấn",
            "nội dung sinh hoạt",
            "nội dung bồi dưỡng",
            "chủ đề",
            "tên chủ đề",
        ],
    ),
    (
        Field::Date,
        &[
            "ngày mở lớp",
            "thời gian",
            "thời gian mở lớp",
            "ngày",
            "ngày tháng",
            "ngày học",
            "ngày tổ chức",
            "ngày khai giảng",
            "thời gian tổ chức",
            "ngày tháng năm",
            "ngày thực hiện",
        ],
    ),
    (
        Field::Village,
        &[
            "thôn",
            "địa điểm",
            "địa điểm mở lớp",
            "nơi mở lớp",
            "thôn xóm",
            "địa bàn",
            "nơi tổ chức",
            "địa điểm tổ chức",
        ],
    ),
    (
        Field::Learners,
        &[
            "số học viên",
            "số người học",
            "số hv",
            "sl học viên",
            "sl hv",
            "số lượng học viên",
            "tổng số học viên",
            "số lượt người",
            "số lượt người học",
            "số lượt người tham gia",
            "số người tham dự",
            "số người tham gia",
            "số đại biểu",
            "số lượng người",
            "số lượng người tham gia",
            "học viên",
            "tổng số",
            "số lượng",
            "tổng",
        ],
    ),
    (Field::Male, &["nam", "học viên nam", "số nam"]),
    (
        Field::Female,
        &[
            "nữ",
            "trong đó nữ",
            "học viên nữ",
            "số nữ",
            "trong đó số nữ",
        ],
    ),
    (
        Field::ClassCount,
        &[
            "số lớp",
            "số lớp học",
            "số lớp mở",
            "số lớp đã mở",
            "sl lớp",
            "số lượng lớp",
            "số lớp chuyên đề",
        ],
    ),
    (
        Field::Teacher,
        &[
            "báo cáo viên",
            "giáo viên",
            "người dạy",
            "giảng viên",
            "bcv",
            "người báo cáo",
            "báo cáo viên giáo viên",
        ],
    ),
    (Field::Note, &["ghi chú"]),
];

/// Aliases so general that a more particular heading for the same field, elsewhere in
/// the row, should win ("Tổng số" against "Số học viên").
const GENERAL: &[&str] = &[
    "tổng",
    "tổng số",
    "số lượng",
    "học viên",
    "nội dung",
    "ngày",
];

/// Words that, anywhere in a heading (brackets included), rule a field out: money, ages,
/// birth years, phone numbers and codes are never counts of people or classes; a birth
/// or issue date is not the day a class opened; a unit of measure is no sub-committee.
const EXCLUDING: &[(&[Field], &[&str])] = &[
    (
        &[
            Field::Learners,
            Field::Male,
            Field::Female,
            Field::ClassCount,
        ],
        &[
            "kinh phí",
            "tiền",
            "đồng",
            "năm sinh",
            "tuổi",
            "điện thoại",
            "mã",
            "đơn giá",
            "giá trị",
            "lương",
            "điểm",
            "chi phí",
            "ngân sách",
            "triệu",
            "nghìn",
            "ngàn",
        ],
    ),
    (&[Field::Date], &["sinh", "cấp"]),
    (&[Field::SubCommittee], &["tính"]),
];

/// A word of a heading or an alias, in the two forms it is compared in.
#[derive(Debug)]
struct Word {
    folded: String,
    /// The mark-keeping key (see [`match_key`]); None for a word typed without marks.
    key: Option<String>,
}

impl Word {
    /// True when a heading word (`self`) is the alias word `alias`: the same letters,
    /// and the same marks unless the heading word was typed without any.
    fn is(&self, alias: &Word) -> bool {
        self.folded == alias.folded
            && match (&self.key, &alias.key) {
                (None, _) => true,
                (Some(k), Some(a)) => k == a,
                // A marked word against a mark-less alias ("Nữ" against "nu"): the
                // alias table writes every Vietnamese word with its marks, so a
                // mark-less alias word is an abbreviation (hv, stt) that has none.
                (Some(_), None) => false,
            }
    }
}

/// The words of a text: runs of letters and digits, "_" and punctuation between them.
fn words(text: &str) -> Vec<Word> {
    clean(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| Word {
            folded: fold(w),
            key: (!w.is_ascii()).then(|| match_key(w)),
        })
        .filter(|w| !w.folded.is_empty())
        .collect()
}

struct Alias {
    field: Field,
    words: Vec<Word>,
    general: bool,
}

static ALIAS_TABLE: LazyLock<Vec<Alias>> = LazyLock::new(|| {
    ALIASES
        .iter()
        .flat_map(|(field, aliases)| {
            aliases.iter().map(|a| Alias {
                field: *field,
                words: words(a),
                general: GENERAL.contains(a),
            })
        })
        .collect()
});

/// The first word of every alias, folded: a heading that names a field starts with
/// one. None if an alias had no word (it would start every heading).
static ALIAS_FIRST_WORDS: LazyLock<Option<HashSet<String>>> = LazyLock::new(|| {
    ALIAS_TABLE
        .iter()
        .map(|a| a.words.first().map(|w| w.folded.clone()))
        .collect()
});

/// The first of [`words`] of a text, folded: what an alias's first word must be.
fn first_word(text: &str) -> Option<String> {
    // Composed first, as `words` has it (a decomposed mark is not alphanumeric); the
    // spaces `clean` would gather change no word.
    composed(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .find(|w| !w.is_empty())
}

static EXCLUDING_TABLE: LazyLock<Vec<(&'static [Field], Vec<Word>)>> = LazyLock::new(|| {
    EXCLUDING
        .iter()
        .flat_map(|(fields, phrases)| phrases.iter().map(|p| (*fields, words(p))))
        .collect()
});

/// True when `phrase` occurs in `heading` as consecutive words.
fn contains_phrase(heading: &[Word], phrase: &[Word]) -> bool {
    !phrase.is_empty()
        && heading
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(h, p)| h.is(p)))
}

/// Text in brackets is a unit or a remark ("Số học viên (người)"); it does not name the column.
fn strip_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words that only join headings: "Trong đó", "Chia ra", "Gồm" over the parts of the
/// column beside them (folded).
const JOINING_WORDS: &[&str] = &[
    "trong do",
    "trong so do",
    "chia ra",
    "chia theo",
    "gom",
    "bao gom",
];

/// True when a heading is a joining word, not a column of its own.
pub fn is_joining_word(heading: &str) -> bool {
    JOINING_WORDS.contains(&fold(heading).as_str())
}

/// How well a heading names a field: higher is better. A heading that is exactly an
/// alias scores above any that merely starts with one; then longer aliases score
/// higher; general aliases ("Tổng số") score below particular ones ("Số học viên").
pub type Score = u32;

/// The field a heading names and how well, if any.
pub fn score(heading: &str) -> Option<(Field, Score)> {
    if let Some(known) = SCORED.with_borrow(|m| m.get(heading).copied()) {
        return known;
    }
    let scored = score_anew(heading);
    SCORED.with_borrow_mut(|m| {
        if m.len() >= SCORED_MAX {
            m.clear();
        }
        m.insert(heading.into(), scored);
    });
    scored
}

thread_local! {
    /// Texts already scored: a sheet is searched for headings row by row, and the same
    /// texts (a village, a sub-committee, a teacher) recur on every row and in every
    /// file a worker reads.
    static SCORED: std::cell::RefCell<Scores> = Default::default();
}

/// Texts and the field each names, if any, and how well.
type Scores = std::collections::HashMap<Box<str>, Option<(Field, Score)>>;

/// Texts remembered by [`score`] at most (emptied when full): a few megabytes.
const SCORED_MAX: usize = 20_000;

fn score_anew(heading: &str) -> Option<(Field, Score)> {
    let stripped = strip_brackets(heading);
    // A sheet is searched through for headings cell by cell, and most cells are data:
    // a text whose first word starts no alias names no field, found without working
    // out the keys of all its words.
    let first = first_word(&stripped).or_else(|| first_word(heading))?;
    if !ALIAS_FIRST_WORDS
        .as_ref()
        .is_none_or(|w| w.contains(&first))
    {
        return None;
    }
    let all = words(heading);
    let mut named = words(&stripped);
    if named.is_empty() {
        named = words(heading);
    }
    if named.is_empty() {
        return None;
    }
    let excluded = |f: Field| {
        EXCLUDING_TABLE
            .iter()
            .any(|(fields, phrase)| fields.contains(&f) && contains_phrase(&all, phrase))
    };
    ALIAS_TABLE
        .iter()
        .filter_map(|a| {
            let n = a.words.len();
            let starts = named.len() >= n && named.iter().zip(&a.words).all(|(h, w)| h.is(w));
            if !starts || excluded(a.field) {
                return None;
            }
            let exact = if named.len() == n { 1000 } else { 0 };
            let general = if a.general { 0 } else { 100 };
            Some((a.field, exact + general + 10 * n as Score))
        })
        // Ties go to the alias listed first.
        .fold(None, |best: Option<(Field, Score)>, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        })
}

/// The field a heading names, if any: the best-scoring alias (see [`score`]).
pub fn field_of(heading: &str) -> Option<Field> {
    score(heading).map(|(f, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_names_its_field_past_the_first_word_filter() {
        assert!(ALIAS_FIRST_WORDS.is_some(), "an alias without a word");
        for (_, aliases) in ALIASES {
            for a in *aliases {
                assert!(score(a).is_some(), "{a}");
                assert!(score(&format!("{a} (người)")).is_some(), "{a}");
            }
        }
        // A data cell whose first word starts no alias is no heading.
        assert_eq!(score("Kỹ thuật trồng lúa lai"), None);
        assert_eq!(score("(ghi chú) Kỹ thuật"), None);
    }

    #[test]
    fn remembered_scores_are_the_scores_and_the_memory_is_bounded() {
        let fresh = score_anew("Số học viên");
        assert_eq!(score("Số học viên"), fresh);
        assert_eq!(score("Số học viên"), fresh);
        for i in 0..=SCORED_MAX {
            score(&format!("Thôn {i}"));
        }
        assert!(SCORED.with_borrow(|m| m.len()) <= SCORED_MAX);
        assert_eq!(score("Số học viên"), fresh);
        assert_eq!(field_of("Ngày mở lớp"), Some(Field::Date));
    }

    #[test]
    fn headings_as_offices_type_them() {
        assert_eq!(field_of("STT"), Some(Field::Stt));
        assert_eq!(field_of("TT"), Some(Field::Stt));
        assert_eq!(field_of("Tên chuyên đề"), Some(Field::Topic));
        assert_eq!(field_of("Ten chuyen de"), Some(Field::Topic));
        assert_eq!(field_of("TÊN CHUYÊN ĐỀ"), Some(Field::Topic));
        assert_eq!(field_of("Nội dung"), Some(Field::Topic));
        assert_eq!(field_of("Ngày mở lớp"), Some(Field::Date));
        assert_eq!(field_of("Thời gian mở lớp"), Some(Field::Date));
        assert_eq!(field_of("Địa điểm"), Some(Field::Village));
        assert_eq!(field_of("Thôn"), Some(Field::Village));
        assert_eq!(field_of("Số học viên (người)"), Some(Field::Learners));
        assert_eq!(field_of("So HV"), Some(Field::Learners));
        assert_eq!(field_of("SL học viên"), Some(Field::Learners));
        assert_eq!(field_of("Nam"), Some(Field::Male));
        assert_eq!(field_of("Nữ"), Some(Field::Female));
        assert_eq!(field_of("Trong đó nữ"), Some(Field::Female));
        assert_eq!(field_of("Báo cáo viên"), Some(Field::Teacher));
        assert_eq!(field_of("Ghi chú"), Some(Field::Note));
        assert_eq!(field_of("Tiểu ban"), Some(Field::SubCommittee));
        assert_eq!(field_of("Ngày mở lớp dự kiến"), Some(Field::PlannedPeriod));
        assert_eq!(field_of("Tháng dự kiến"), Some(Field::PlannedPeriod));
        assert_eq!(field_of("Quý"), Some(Field::PlannedPeriod));
        assert_eq!(field_of("Số học viên dự kiến"), Some(Field::Learners));
        assert_eq!(field_of("Người phụ trách"), Some(Field::Responsible));
        assert_eq!(field_of("Đơn vị phối hợp"), Some(Field::Partner));
        assert_eq!(field_of("Chỉ số"), Some(Field::Indicator));
        assert_eq!(field_of("Giá trị (%)"), Some(Field::Value));
        assert_eq!(field_of("Tử số"), Some(Field::Numerator));
        assert_eq!(field_of("Mẫu số"), Some(Field::Denominator));
        assert_eq!(field_of("Hồ sơ minh chứng"), Some(Field::Evidence));
        assert_eq!(field_of("Số lớp"), Some(Field::ClassCount));
        assert_eq!(field_of("SL lớp"), Some(Field::ClassCount));
    }

    #[test]
    fn headings_of_other_offices_forms() {
        for h in [
            "Số người tham dự",
            "Số người tham gia",
            "Số lượt người học",
            "Số lượt người tham gia",
            "Số đại biểu",
            "Số lượng người",
        ] {
            assert_eq!(field_of(h), Some(Field::Learners), "{h}");
        }
        for h in [
            "Ngày tổ chức",
            "Ngày học",
            "Ngày khai giảng",
            "Thời gian tổ chức",
        ] {
            assert_eq!(field_of(h), Some(Field::Date), "{h}");
        }
        for h in [
            "Nội dung tuyên truyền",
            "Nội dung tập huấn",
            "Nội dung sinh hoạt",
            "Chủ đề",
        ] {
            assert_eq!(field_of(h), Some(Field::Topic), "{h}");
        }
    }

    #[test]
    fn marks_tell_year_from_men() {
        assert_eq!(field_of("Năm"), None);
        assert_eq!(field_of("NĂM"), None);
        assert_eq!(field_of("Năm học"), None);
        assert_eq!(field_of("Nam"), Some(Field::Male));
        assert_eq!(field_of("NAM"), Some(Field::Male));
        // Old tone placement and decomposed text keep their marks' meaning.
        assert_eq!(field_of("Nư\u{0303}"), Some(Field::Female));
        assert_eq!(field_of("Tỉ lệ"), Some(Field::Value));
        // A heading typed without any mark matches on its letters.
        assert_eq!(field_of("So nguoi tham du"), Some(Field::Learners));
        // A wrong mark is another word: "Thắng" is a name, not "Tháng".
        assert_eq!(field_of("Thắng"), None);
    }

    #[test]
    fn money_ages_and_codes_are_never_counts() {
        for h in [
            "Tổng kinh phí (đồng)",
            "Tổng số tiền",
            "Số lượng (đồng)",
            "Tổng (triệu đồng)",
            "Số học viên năm sinh",
            "Tổng số tuổi",
            "Số điện thoại",
            "Mã số",
        ] {
            assert!(
                !field_of(h).is_some_and(Field::is_count),
                "{h}: {:?}",
                field_of(h)
            );
        }
        assert_eq!(field_of("Ngày sinh"), None);
        assert_eq!(field_of("Đơn vị tính"), None);
    }

    #[test]
    fn particular_headings_outscore_general_ones() {
        let s = |h| score(h).map(|(_, s)| s).unwrap_or(0);
        assert!(s("Số học viên") > s("Tổng số"));
        assert!(s("Tổng số") > s("Số học viên tham gia lớp"));
        assert!(s("Ngày mở lớp") > s("Ngày"));
    }

    #[test]
    fn other_text_names_no_field() {
        assert_eq!(field_of("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019"), None);
        assert_eq!(field_of("Kinh phí"), None);
        assert_eq!(field_of(""), None);
        assert_eq!(field_of("(1)"), None);
    }
}
