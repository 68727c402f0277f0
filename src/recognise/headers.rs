//! The one table of header aliases: every spelling of every column heading the tool
//! understands. Adding a spelling is adding a string here. Aliases are written folded
//! (no diacritics, lower case), as [`fold`] makes them.

use crate::normalise::text::fold;

/// A column the tool knows how to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Row number (STT).
    Stt,
    SubCommittee,
    Topic,
    Date,
    Village,
    /// Total learners.
    Learners,
    Male,
    /// Women among the learners ("Nữ", "Trong đó nữ"): a subset, never added to the total.
    Female,
    Teacher,
    Note,
    /// The month or quarter a class is planned for (registration forms).
    PlannedPeriod,
    /// Who is responsible for a planned class.
    Responsible,
    /// The organisation a class is run with.
    Partner,
    /// Criteria forms: the criterion's number.
    CriterionNo,
    /// Criteria forms: the indicator's name.
    Indicator,
    /// Criteria forms: the value in percent, or yes/no.
    Value,
    /// Criteria forms: how many meet the indicator (e.g. 1,530 learning families) …
    Numerator,
    /// … out of how many (e.g. 1,760 families).
    Denominator,
    /// Criteria forms: where the figure comes from.
    FigureSource,
    /// Criteria forms: is the evidence on file (hồ sơ minh chứng)?
    Evidence,
}

/// Folded aliases per field.
const ALIASES: &[(Field, &[&str])] = &[
    (
        Field::PlannedPeriod,
        &[
            "thang du kien",
            "du kien thang",
            "thoi gian du kien",
            "thoi gian thuc hien du kien",
            "thang",
            "quy",
            "quy du kien",
            "thoi gian thuc hien",
            "thang mo lop",
            "thang mo lop du kien",
            "ke hoach thang",
            "ngay mo lop du kien",
            "thoi gian mo lop du kien",
        ],
    ),
    (
        Field::Responsible,
        &[
            "nguoi phu trach",
            "phu trach",
            "nguoi chiu trach nhiem",
            "can bo phu trach",
        ],
    ),
    (
        Field::Partner,
        &[
            "don vi phoi hop",
            "phoi hop",
            "co quan phoi hop",
            "to chuc phoi hop",
        ],
    ),
    (
        Field::CriterionNo,
        &["tieu chi", "tc", "tieu chi so", "so tieu chi"],
    ),
    (
        Field::Indicator,
        &[
            "chi so",
            "ten chi so",
            "noi dung chi so",
            "chi tieu danh gia",
        ],
    ),
    (
        Field::Value,
        &[
            "gia tri",
            "ty le",
            "ket qua",
            "ty le dat",
            "ket qua dat duoc",
            "gia tri dat duoc",
        ],
    ),
    (
        Field::Numerator,
        &["tu so", "so dat", "so luong dat", "so dat chuan"],
    ),
    (
        Field::Denominator,
        &["mau so", "tong so can danh gia", "tong so doi tuong"],
    ),
    (Field::FigureSource, &["nguon so lieu", "nguon"]),
    (
        Field::Evidence,
        &["ho so minh chung", "minh chung", "co minh chung"],
    ),
    (Field::Stt, &["stt", "tt", "so tt", "so thu tu", "thu tu"]),
    (
        Field::SubCommittee,
        &[
            "tieu ban",
            "ten tieu ban",
            "tieu ban phu trach",
            "don vi",
            "tieu ban to chuc",
        ],
    ),
    (
        Field::Topic,
        &[
            "ten lop",
            "ten lop hoc",
            "ten chuyen de",
            "chuyen de",
            "noi dung",
            "noi dung chuyen de",
            "noi dung lop hoc",
            "ten lop chuyen de",
            "lop hoc",
            "ten chuong trinh",
            "noi dung hoc tap",
        ],
    ),
    (
        Field::Date,
        &[
            "ngay mo lop",
            "thoi gian",
            "thoi gian mo lop",
            "ngay",
            "ngay thang",
            "ngay hoc",
            "ngay to chuc",
            "ngay khai giang",
            "thoi gian to chuc",
            "ngay thang nam",
        ],
    ),
    (
        Field::Village,
        &[
            "thon",
            "dia diem",
            "dia diem mo lop",
            "noi mo lop",
            "thon xom",
            "dia ban",
            "noi to chuc",
            "dia diem to chuc",
        ],
    ),
    (
        Field::Learners,
        &[
            "so hoc vien",
            "so nguoi hoc",
            "so hv",
            "sl hoc vien",
            "sl hv",
            "so luong hoc vien",
            "tong so hoc vien",
            "so luot nguoi",
            "so luot nguoi hoc",
            "hoc vien",
            "tong so",
            "so luong",
            "tong",
        ],
    ),
    (Field::Male, &["nam", "hoc vien nam", "so nam"]),
    (
        Field::Female,
        &[
            "nu",
            "trong do nu",
            "hoc vien nu",
            "so nu",
            "trong do so nu",
        ],
    ),
    (
        Field::Teacher,
        &[
            "bao cao vien",
            "giao vien",
            "nguoi day",
            "giang vien",
            "bcv",
            "nguoi bao cao",
            "bao cao vien giao vien",
        ],
    ),
    (Field::Note, &["ghi chu"]),
];

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

/// The field a heading names, if any: an exact alias, else the longest alias the heading
/// starts with as whole words ("Ngày mở lớp dự kiến" → Date).
pub fn field_of(heading: &str) -> Option<Field> {
    let mut folded = fold(&strip_brackets(heading));
    if folded.is_empty() {
        folded = fold(heading);
    }
    if folded.is_empty() {
        return None;
    }
    let mut best: Option<(usize, Field)> = None;
    for (field, aliases) in ALIASES {
        for a in *aliases {
            if folded == *a {
                return Some(*field);
            }
            let prefix = folded.starts_with(a) && folded.as_bytes().get(a.len()) == Some(&b' ');
            if prefix && best.is_none_or(|(len, _)| a.len() > len) {
                best = Some((a.len(), *field));
            }
        }
    }
    best.map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_as_offices_type_them() {
        assert_eq!(field_of("STT"), Some(Field::Stt));
        assert_eq!(field_of("TT"), Some(Field::Stt));
        assert_eq!(field_of("Tên chuyên đề"), Some(Field::Topic));
        assert_eq!(field_of("Ten chuyen de"), Some(Field::Topic));
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
    }

    #[test]
    fn other_text_names_no_field() {
        assert_eq!(field_of("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019"), None);
        assert_eq!(field_of("Kinh phí"), None);
        assert_eq!(field_of(""), None);
        assert_eq!(field_of("(1)"), None);
    }
}
