//! Where the class table is in a grid: the header row (not assumed to be row 1), an
//! optional second header row under merged parents ("Số học viên" over "Tổng số | Nữ"),
//! an optional row of column numbers "(1) (2) …", and what each later row is.

use std::ops::Range;

use super::headers::{Field, Score, is_joining_word, score};
use crate::input::grid::{CellValue, Grid};
use crate::text::{clean, fold};

/// What a table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TableKind {
    /// Classes that were opened (a monthly report): each row has its date.
    Report,
    /// Classes a sub-committee plans to open (a registration for the plan's appendix):
    /// a planned month or quarter instead of a date.
    Registration,
    /// Figures of the criteria (one row per indicator).
    Criteria,
}

/// Two columns whose headings both name one field: the better one is used, and a
/// person is told which was left aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Competition {
    pub field: Field,
    /// Column and heading used.
    pub used: (usize, String),
    /// Column and heading left aside.
    pub other: (usize, String),
}

/// A recognised table of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Relative index of the (first) header row.
    pub header_row: usize,
    /// Relative index of the first row after the header rows and column numbers.
    pub data_start: usize,
    /// The columns the table spans: a sheet may hold two tables side by side.
    pub span: Range<usize>,
    /// Column of each field found.
    pub columns: Vec<(Field, usize)>,
    /// Headings of columns the tool does not use (unknown, or a field better named elsewhere).
    pub ignored: Vec<String>,
    /// Fields two columns claimed.
    pub competing: Vec<Competition>,
    pub kind: TableKind,
}

impl Table {
    pub fn column(&self, f: Field) -> Option<usize> {
        self.columns.iter().find(|(g, _)| *g == f).map(|(_, c)| *c)
    }

    pub fn has(&self, f: Field) -> bool {
        self.column(f).is_some()
    }

    /// True when the table has a column of learners (a total, or Nam / Nữ).
    pub fn has_learners(&self) -> bool {
        self.has(Field::Learners) || self.has(Field::Male) || self.has(Field::Female)
    }
}

/// What a row below the header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Nothing in the table's columns (or only a row number).
    Blank,
    /// "Cộng", "Tổng cộng", "Tổng số", "Cộng quý I" …: a total, not a class.
    Total,
    /// "Người lập biểu", "GIÁM ĐỐC", "…, ngày … tháng … năm …", "Ghi chú: …": the table has ended.
    Footer,
    /// A class, to be checked.
    Candidate,
}

fn text_of(v: &CellValue) -> Option<&str> {
    v.as_text().filter(|s| !s.trim().is_empty())
}

/// Fields named by the cells of row `r`, by column.
fn row_fields(grid: &Grid, r: usize) -> Vec<(usize, Field)> {
    (0..grid.rows.get(r).map_or(0, Vec::len))
        .filter_map(|c| {
            text_of(grid.get(r, c))
                .and_then(super::headers::field_of)
                .map(|f| (c, f))
        })
        .collect()
}

/// True when the fields of a heading row make a table: a topic with learners, classes
/// or a date (a class table without learners is still a class table: its rows are
/// rejected for it, not dropped), or an indicator with its value.
fn is_table(fields: &[Field]) -> bool {
    let has = |f: Field| fields.contains(&f);
    let classes = has(Field::Topic)
        && [
            Field::Learners,
            Field::Male,
            Field::Female,
            Field::ClassCount,
            Field::Date,
        ]
        .iter()
        .any(|f| has(*f));
    let criteria = has(Field::Indicator) && (has(Field::Value) || has(Field::Numerator));
    classes || criteria
}

/// True when row `r` is the heading row of a table.
pub fn is_header_row(grid: &Grid, r: usize) -> bool {
    let fields: Vec<Field> = row_fields(grid, r).into_iter().map(|(_, f)| f).collect();
    is_table(&fields)
}

/// Finds the first table of a sheet (tests and single-table callers).
pub fn find_table(grid: &Grid) -> Option<Table> {
    find_tables(grid, 0).into_iter().next()
}

/// The tables whose heading row is the first one at or below row `from`: one, or
/// several side by side. Empty when no heading row is left. The whole sheet is
/// searched, so a table under a long preamble is found, not dropped.
pub fn find_tables(grid: &Grid, from: usize) -> Vec<Table> {
    let Some(header_row) = (from..grid.height()).find(|r| is_header_row(grid, *r)) else {
        return Vec::new();
    };
    // Heading rows: the first, and up to two more below it ("Số học viên" › "Tổng số |
    // Trong đó" › "Nam | Nữ").
    let mut levels = vec![header_row];
    while levels.len() <= MAX_SUB_LEVELS && is_sub_header(grid, header_row + levels.len()) {
        levels.push(header_row + levels.len());
    }
    let mut data_start = header_row + levels.len();
    if is_column_numbers(grid, data_start) {
        data_start += 1;
    }
    let headed = column_headings(grid, &levels);
    segments(&headed)
        .into_iter()
        .map(|(span, cols)| table_of(header_row, data_start, span, cols))
        .collect()
}

/// One column of a heading band: the heading that names it and what it names.
struct Heading {
    column: usize,
    text: String,
    named: Option<(Field, Score)>,
}

/// The heading of every column of the band: the deepest heading the tool knows names
/// the column ("Nữ" under "Trong đó" under "Số học viên"); else a top heading of its
/// own, or that of the merged parent to its left.
fn column_headings(grid: &Grid, levels: &[usize]) -> Vec<Heading> {
    let Some(&top_row) = levels.first() else {
        return Vec::new();
    };
    let width = levels
        .iter()
        .map(|r| grid.rows.get(*r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut parent: Option<(Field, Score)> = None;
    for c in 0..width {
        let top = text_of(grid.get(top_row, c));
        let below: Vec<&str> = levels[1..]
            .iter()
            .rev()
            .filter_map(|r| text_of(grid.get(*r, c)))
            .collect();
        // A blank top cell over a sub-heading sits under the merged parent to its left.
        if top.is_some() || below.is_empty() {
            parent = top.and_then(score);
        }
        let named = match below.iter().find_map(|h| score(h)) {
            Some(n) => Some(n),
            None if top.is_some() => parent,
            None => None,
        };
        let Some(text) = below.first().copied().or(top) else {
            continue;
        };
        out.push(Heading {
            column: c,
            text: clean(text),
            named,
        });
    }
    out
}

/// Splits a heading band into tables side by side: a second table starts where a row
/// number or topic column comes again after a topic and its figures.
fn segments(headings: &[Heading]) -> Vec<(Range<usize>, Vec<&Heading>)> {
    let mut out: Vec<(Range<usize>, Vec<&Heading>)> = Vec::new();
    let mut current: Vec<&Heading> = Vec::new();
    for h in headings {
        let field = h.named.map(|(f, _)| f);
        let fields: Vec<Field> = current
            .iter()
            .filter_map(|h| h.named.map(|n| n.0))
            .collect();
        if matches!(field, Some(Field::Stt | Field::Topic)) && is_table(&fields) {
            let start = current.first().map_or(0, |h| h.column);
            out.push((start..h.column, std::mem::take(&mut current)));
        }
        current.push(h);
    }
    if let Some(first) = current.first() {
        let fields: Vec<Field> = current
            .iter()
            .filter_map(|h| h.named.map(|n| n.0))
            .collect();
        match out.last_mut() {
            // What follows the last table without making one itself belongs to it.
            Some((span, cols)) if !is_table(&fields) => {
                span.end = usize::MAX;
                cols.append(&mut current);
            }
            _ => out.push((first.column..usize::MAX, current)),
        }
    }
    // The last table reaches to the sheet's right edge.
    // The first table reaches back to column A; each reaches up to the next.
    if let Some((span, _)) = out.first_mut() {
        span.start = 0;
    }
    out
}

/// Gives each field its best column within one table (at equal scores, the leftmost);
/// every other column claiming that field is ignored, and named in a competition.
fn table_of(
    header_row: usize,
    data_start: usize,
    span: Range<usize>,
    cols: Vec<&Heading>,
) -> Table {
    let mut best: Vec<(Field, &Heading, Score)> = Vec::new();
    for h in &cols {
        if let Some((f, s)) = h.named {
            match best.iter_mut().find(|(g, ..)| *g == f) {
                None => best.push((f, h, s)),
                Some(entry) if s > entry.2 => *entry = (f, h, s),
                Some(_) => {}
            }
        }
    }
    let winner = |f: Field| best.iter().find(|(g, ..)| *g == f).map(|(_, h, _)| *h);
    let mut ignored = Vec::new();
    let mut competing = Vec::new();
    for h in &cols {
        let Some((f, _)) = h.named else {
            ignored.push(h.text.clone());
            continue;
        };
        match winner(f) {
            Some(w) if w.column != h.column => {
                ignored.push(h.text.clone());
                competing.push(Competition {
                    field: f,
                    used: (w.column, w.text.clone()),
                    other: (h.column, h.text.clone()),
                });
            }
            _ => {}
        }
    }
    let mut columns: Vec<(Field, usize)> = best.iter().map(|(f, h, _)| (*f, h.column)).collect();
    columns.sort_by_key(|(_, c)| *c);
    let has = |f: Field| columns.iter().any(|(g, _)| *g == f);
    // A planned month or quarter and no opening date: a registration form.
    let kind = if has(Field::Indicator) && (has(Field::Value) || has(Field::Numerator)) {
        TableKind::Criteria
    } else if has(Field::PlannedPeriod) && !has(Field::Date) {
        TableKind::Registration
    } else {
        TableKind::Report
    };
    // In a criteria form "Tổng số" is the denominator, not a number of learners.
    if kind == TableKind::Criteria && !has(Field::Denominator) {
        for (f, _) in columns.iter_mut() {
            if *f == Field::Learners {
                *f = Field::Denominator;
            }
        }
    }
    Table {
        header_row,
        data_start,
        span,
        columns,
        ignored,
        competing,
        kind,
    }
}

/// Heading rows a table may have under its first.
const MAX_SUB_LEVELS: usize = 2;

/// A heading row under the first: words only, every one a heading the tool knows or a
/// joining word ("Trong đó", "Chia ra"), one known at least. Under a row with a joining
/// word, headings the tool does not know may stand beside as many it does ("Trong đó"
/// over "Nữ | Dân tộc thiểu số"); elsewhere an unknown word means the row is not a
/// heading (a group heading "I | TIỂU BAN PHÁP LUẬT" is not).
fn is_sub_header(grid: &Grid, r: usize) -> bool {
    use crate::normalise::{dates, numbers};
    let Some(row) = grid.rows.get(r) else {
        return false;
    };
    let under_joining_word = r
        .checked_sub(1)
        .and_then(|above| grid.rows.get(above))
        .is_some_and(|above| above.iter().filter_map(text_of).any(is_joining_word));
    let (mut known, mut unknown) = (0, 0);
    for v in row {
        match v {
            v if v.is_blank() => {}
            CellValue::Text(s) if score(s).is_some() => known += 1,
            CellValue::Text(s) if is_joining_word(s) => {}
            CellValue::Text(s)
                if numbers::count_from_text(s).is_ok() || dates::from_text(s).is_ok() =>
            {
                return false;
            }
            CellValue::Text(_) => unknown += 1,
            _ => return false,
        }
    }
    known > 0 && (unknown == 0 || (under_joining_word && known >= unknown))
}

/// "(1) (2) (3) …" or "1 2 3 …" under the headings.
fn is_column_numbers(grid: &Grid, r: usize) -> bool {
    let Some(row) = grid.rows.get(r) else {
        return false;
    };
    let mut n = 0;
    for v in row {
        let ok = match v {
            v if v.is_blank() => continue,
            CellValue::Number(x) => x.fract() == 0.0 && (0.0..=40.0).contains(x),
            CellValue::Text(s) => {
                let t = s.trim().trim_start_matches('(').trim_end_matches(')');
                !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())
            }
            _ => false,
        };
        if !ok {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// Words that begin the lines below a table.
const FOOTER_STARTS: &[&str] = &[
    "nguoi lap",
    "nguoi lap bieu",
    "nguoi tong hop",
    "giam doc",
    "pho giam doc",
    "thu ky",
    "ghi chu",
    "xac nhan",
    "ky ten",
    "ky ghi ro",
    "tm",
    "t m",
    "truong tieu ban",
    "truong ban",
    "chu tich",
    "ke toan",
    "noi nhan",
];

fn is_footer_text(folded: &str) -> bool {
    if FOOTER_STARTS
        .iter()
        .any(|k| folded == *k || folded.starts_with(&format!("{k} ")))
    {
        return true;
    }
    // "Hồng Thái Tây, ngày 30 tháng 3 năm 2019" — the place-and-date line.
    let words: Vec<&str> = folded.split(' ').collect();
    let pos = |w: &str| words.iter().position(|x| *x == w);
    matches!((pos("ngay"), pos("thang"), pos("nam")), (Some(a), Some(b), Some(c)) if a < b && b < c)
}

/// Words allowed after "Cộng"/"Tổng" in a total row label.
const TOTAL_TAIL: &[&str] = &[
    "cong", "so", "quy", "thang", "nam", "lop", "hoc", "vien", "i", "ii", "iii", "iv", "toan",
    "bo", "chung", "cac", "tat", "ca", "luot", "nguoi",
];

/// "Cộng", "Tổng cộng", "Tổng số", "Tổng", "Cộng quý I", "Cộng tháng 3" — but not
/// "Cộng đồng học tập", which is a topic.
pub fn is_total_text(s: &str) -> bool {
    // Most labels are topics: only one whose first letter is c or t can be a total
    // (neither letter takes a mark), and only that one is worth folding.
    if !matches!(
        s.chars().find(|c| c.is_alphanumeric()),
        Some('c' | 'C' | 't' | 'T')
    ) {
        return false;
    }
    let f = fold(s);
    let mut words = f.split(' ');
    let first_ok = matches!(words.next(), Some("cong" | "tong"));
    first_ok && words.all(|w| TOTAL_TAIL.contains(&w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// True when row `r` holds a figure: a number or a date, typed as such or as text
/// ("45", "15/03/2019"), in a count or date column. Words there ("GIÁM ĐỐC") are not;
/// so a class row whose speaker is "Chủ tịch Hội Phụ nữ xã" does not pass for the
/// signature block.
pub fn has_figures(grid: &Grid, table: &Table, r: usize) -> bool {
    use crate::normalise::{dates, numbers};
    // A count column holds a count, a date column a date: the signature line "…, ngày
    // 30 tháng 3 năm 2019" written across the learners column is neither.
    let figure = |f: Field, is_date: bool| {
        table.column(f).is_some_and(|c| match grid.get(r, c) {
            CellValue::Number(_) | CellValue::Date(_) => true,
            CellValue::Text(t) if is_date => dates::from_text(t).is_ok(),
            CellValue::Text(t) => numbers::count_from_text(t).is_ok(),
            _ => false,
        })
    };
    figure(Field::Learners, false)
        || figure(Field::Male, false)
        || figure(Field::Female, false)
        || figure(Field::Date, true)
        || figure(Field::PlannedPeriod, true)
}

/// Classifies row `r` of a recognised table.
pub fn row_kind(grid: &Grid, table: &Table, r: usize) -> RowKind {
    let Some(full_row) = grid.rows.get(r) else {
        return RowKind::Blank;
    };
    // Only the table's own columns: a table beside it has rows of its own.
    let first = table.span.start.min(full_row.len());
    let row = &full_row[first..table.span.end.min(full_row.len())];
    let content_fields = [
        Field::Topic,
        Field::SubCommittee,
        Field::Date,
        Field::Village,
        Field::Learners,
        Field::Male,
        Field::Female,
        Field::ClassCount,
        Field::Teacher,
        Field::Note,
        Field::PlannedPeriod,
        Field::Responsible,
        Field::Partner,
        Field::Indicator,
        Field::Value,
        Field::Numerator,
        Field::Denominator,
        Field::FigureSource,
        Field::Evidence,
    ];
    let filled = |f: Field| table.column(f).is_some_and(|c| !grid.get(r, c).is_blank());
    let has_figures = has_figures(grid, table, r);
    // The label of a total or footer sits in the first filled cell, the STT or the topic column.
    let label_cells = [
        table.column(Field::Stt),
        table.column(Field::Topic),
        row.iter().position(|v| !v.is_blank()).map(|c| c + first),
    ];
    let labels: Vec<&str> = label_cells
        .iter()
        .flatten()
        .filter_map(|c| text_of(grid.get(r, *c)))
        .collect();
    if labels.iter().any(|s| is_total_text(s)) {
        return RowKind::Total;
    }
    if !has_figures
        && row
            .iter()
            .filter_map(text_of)
            .any(|s| is_footer_text(&fold(s)))
    {
        return RowKind::Footer;
    }
    if content_fields.iter().any(|f| filled(*f)) {
        RowKind::Candidate
    } else {
        RowKind::Blank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> CellValue {
        CellValue::Text(s.into())
    }
    fn n(x: f64) -> CellValue {
        CellValue::Number(x)
    }
    const E: CellValue = CellValue::Empty;

    #[test]
    fn header_below_a_title_block() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![
                vec![
                    t("UBND XÃ HỒNG THÁI TÂY"),
                    E,
                    E,
                    t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ],
                vec![t("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019")],
                vec![],
                vec![
                    t("STT"),
                    t("Tên chuyên đề"),
                    t("Ngày mở lớp"),
                    t("Thôn"),
                    t("Số học viên"),
                    t("Kinh phí  (đồng)"),
                ],
                vec![n(1.0), t("Trồng lúa"), t("05/03/2019"), t("Đông"), n(40.0)],
            ],
        };
        let table = find_table(&grid).unwrap();
        assert_eq!(table.header_row, 3);
        assert_eq!(table.data_start, 4);
        assert_eq!(table.column(Field::Learners), Some(4));
        assert_eq!(table.column(Field::Date), Some(2));
        assert_eq!(table.ignored, vec!["Kinh phí (đồng)".to_string()]);
        assert_eq!(row_kind(&grid, &table, 4), RowKind::Candidate);
    }

    #[test]
    fn two_level_header_with_column_numbers() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![
                vec![
                    t("STT"),
                    t("Tên chuyên đề"),
                    t("Ngày mở lớp"),
                    t("Địa điểm"),
                    t("Số học viên"),
                    E,
                    t("Ghi chú"),
                ],
                vec![E, E, E, E, t("Tổng số"), t("Nữ"), E],
                vec![
                    t("(1)"),
                    t("(2)"),
                    t("(3)"),
                    t("(4)"),
                    t("(5)"),
                    t("(6)"),
                    t("(7)"),
                ],
                vec![
                    n(1.0),
                    t("Luật giao thông"),
                    t("05/03/2019"),
                    t("Thôn Đông"),
                    n(45.0),
                    n(20.0),
                ],
            ],
        };
        let table = find_table(&grid).unwrap();
        assert_eq!(table.data_start, 3);
        assert_eq!(table.column(Field::Learners), Some(4));
        assert_eq!(table.column(Field::Female), Some(5));
        assert_eq!(table.column(Field::Note), Some(6));
        assert!(table.ignored.is_empty(), "{:?}", table.ignored);
    }

    #[test]
    fn three_level_header_with_a_joining_word() {
        // "Số học viên" over "Tổng số | Trong đó", and "Trong đó" over "Nam | Nữ | Dân
        // tộc" (a column the tool does not use).
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![
                vec![
                    t("STT"),
                    t("Tên lớp"),
                    t("Ngày mở lớp"),
                    t("Số học viên"),
                    E,
                    E,
                    E,
                    t("Báo cáo viên"),
                ],
                vec![E, E, E, t("Tổng số"), t("Trong đó"), E, E, E],
                vec![E, E, E, E, t("Nam"), t("Nữ"), t("Dân tộc"), E],
                vec![
                    n(1.0),
                    t("Trồng lúa"),
                    t("05/03/2019"),
                    n(40.0),
                    n(15.0),
                    n(25.0),
                ],
            ],
        };
        let table = find_table(&grid).unwrap();
        assert_eq!(table.header_row, 0);
        assert_eq!(table.data_start, 3);
        assert_eq!(table.column(Field::Learners), Some(3));
        assert_eq!(table.column(Field::Male), Some(4));
        assert_eq!(table.column(Field::Female), Some(5));
        assert_eq!(table.column(Field::Teacher), Some(7));
        assert_eq!(table.ignored, vec!["Dân tộc".to_string()]);
        assert_eq!(row_kind(&grid, &table, 3), RowKind::Candidate);
    }

    #[test]
    fn a_joining_word_alone_does_not_make_a_heading_row() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![
                vec![t("STT"), t("Tên lớp"), t("Ngày mở lớp"), t("Số học viên")],
                vec![E, t("Trong đó"), E, E],
                vec![n(1.0), t("Trồng lúa"), t("05/03/2019"), n(40.0)],
            ],
        };
        let table = find_table(&grid).unwrap();
        assert_eq!(table.data_start, 1);
    }

    #[test]
    fn totals_footers_and_blanks() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![
                vec![t("STT"), t("Nội dung"), t("Ngày"), t("Số HV")],
                vec![E, t("Cộng"), E, n(85.0)],
                vec![E, t("Cộng đồng học tập"), t("1/3/2019"), n(30.0)],
                vec![n(3.0)],
                vec![E, t("Người lập biểu"), E, t("GIÁM ĐỐC")],
                vec![E, t("Hồng Thái Tây, ngày 30 tháng 3 năm 2019")],
                vec![t("Tổng số"), E, E, n(85.0)],
            ],
        };
        let table = find_table(&grid).unwrap();
        let kinds: Vec<_> = (1..7).map(|r| row_kind(&grid, &table, r)).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Total,
                RowKind::Candidate,
                RowKind::Blank,
                RowKind::Footer,
                RowKind::Footer,
                RowKind::Total
            ]
        );
    }

    #[test]
    fn an_official_as_speaker_does_not_end_a_text_typed_table() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![
                vec![
                    t("STT"),
                    t("Tên chuyên đề"),
                    t("Ngày mở lớp"),
                    t("Số học viên"),
                    t("Báo cáo viên"),
                ],
                vec![
                    t("1"),
                    t("Luật Trẻ em"),
                    t("05/03/2019"),
                    t("45"),
                    t("Chủ tịch Hội Phụ nữ xã"),
                ],
                vec![
                    t("2"),
                    t("Luật Đất đai"),
                    t("12/03/2019"),
                    t("38"),
                    t("Trưởng ban Tư pháp"),
                ],
                vec![E, t("Người lập biểu"), E, E, t("Giám đốc")],
            ],
        };
        let table = find_table(&grid).unwrap();
        let kinds: Vec<_> = (1..4).map(|r| row_kind(&grid, &table, r)).collect();
        assert_eq!(
            kinds,
            [RowKind::Candidate, RowKind::Candidate, RowKind::Footer]
        );
    }

    #[test]
    fn tables_side_by_side_split_where_the_row_number_comes_again() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![vec![
                t("STT"),
                t("Tên lớp"),
                t("Số HV"),
                E,
                t("STT"),
                t("Tên lớp"),
                t("Ngày"),
                t("Số HV"),
                t("Ghi chú"),
            ]],
        };
        let tables = find_tables(&grid, 0);
        let spans: Vec<_> = tables.iter().map(|t| t.span.clone()).collect();
        assert_eq!(spans, vec![0..4, 4..usize::MAX]);
        assert_eq!(tables[0].column(Field::Learners), Some(2));
        assert_eq!(tables[1].column(Field::Topic), Some(5));
        assert_eq!(tables[1].column(Field::Note), Some(8));
        assert!(tables.iter().all(|t| t.competing.is_empty()));
    }

    #[test]
    fn a_year_column_is_left_aside_and_the_closer_learners_heading_wins() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![vec![
                t("Tên lớp"),
                t("Năm"),
                t("Tổng số"),
                t("Số học viên"),
                t("Nam"),
            ]],
        };
        let table = find_table(&grid).unwrap();
        assert_eq!(table.column(Field::Learners), Some(3));
        assert_eq!(table.column(Field::Male), Some(4));
        assert_eq!(
            table.ignored,
            vec!["Năm".to_string(), "Tổng số".to_string()]
        );
        assert_eq!(
            table.competing,
            vec![Competition {
                field: Field::Learners,
                used: (3, "Số học viên".into()),
                other: (2, "Tổng số".into()),
            }]
        );
    }

    #[test]
    fn a_sheet_without_a_table() {
        let grid = Grid {
            top: 0,
            left: 0,
            folds: Default::default(),
            rows: vec![vec![t("Hướng dẫn điền biểu mẫu")], vec![t("Số học viên")]],
        };
        assert_eq!(find_table(&grid), None);
    }

    #[test]
    fn total_labels() {
        for s in [
            "Cộng",
            "Tổng cộng",
            "TỔNG SỐ",
            "Tổng",
            "Cộng quý I",
            "Cộng tháng 3",
            "Tổng cộng:",
            "(Tổng cộng)",
            "- Cộng -",
            "Co\u{0323}\u{0302}ng",
        ] {
            assert!(is_total_text(s), "{s}");
        }
        for s in ["Cộng đồng học tập", "Tổng vệ sinh môi trường", "Trồng lúa"] {
            assert!(!is_total_text(s), "{s}");
        }
    }
}
