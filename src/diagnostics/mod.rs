//! Problems found along the way, as values: each names where it is (file, sheet, cell)
//! and what it is ([`Problem`]); its code, severity and wording derive from the problem,
//! so the Cảnh báo sheet, the JSON and the terminal all say the same thing. The
//! [`Ledger`] counts what became of every candidate row.

use serde::Serialize;

use crate::labels::Lang;

/// How much a problem matters for the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A row or a file was not counted.
    Error,
    /// Counted, but a person should look.
    Warning,
    /// For the record.
    Info,
}

impl Severity {
    /// The word for the severity, in `labels`.
    pub fn label(self) -> crate::labels::Label {
        use crate::labels::l;
        match self {
            Severity::Error => l::SEV_ERROR,
            Severity::Warning => l::SEV_WARNING,
            Severity::Info => l::SEV_INFO,
        }
    }
}

mod found;
mod read;
mod row;
mod table;

pub use found::{FoundProblem, SpecialKind};
pub use read::{Damage, LooksLike, ReadProblem, ZipFault};
pub use row::{CountFault, MAX_CLASS_COUNT, RowProblem};
pub use table::{TableProblem, WorkbookLooks};

/// Everything the tool can find wrong or noteworthy, by the stage that finds it. Data
/// carried here is what the message needs; the location lives in [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    /// An entry of the folder, or a whole file.
    Found(FoundProblem),
    /// A file that could not be read.
    Unread(ReadProblem),
    /// A workbook's sheets, tables or columns.
    Table(TableProblem),
    /// A row of a table.
    Row(RowProblem),
}

impl Problem {
    /// Short, stable code for scripts; never translated.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Found(p) => p.code(),
            Problem::Unread(p) => p.code(),
            Problem::Table(p) => p.code(),
            Problem::Row(p) => p.code(),
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Problem::Found(p) => p.severity(),
            Problem::Unread(p) => p.severity(),
            Problem::Table(p) => p.severity(),
            Problem::Row(p) => p.severity(),
        }
    }

    /// The sentence a secretary reads (without the cell), in the language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Found(p) => p.message(lang),
            Problem::Unread(p) => p.message(lang),
            Problem::Table(p) => p.message(lang),
            Problem::Row(p) => p.message(lang),
        }
    }
}

impl From<FoundProblem> for Problem {
    fn from(p: FoundProblem) -> Problem {
        Problem::Found(p)
    }
}

impl From<ReadProblem> for Problem {
    fn from(p: ReadProblem) -> Problem {
        Problem::Unread(p)
    }
}

impl From<TableProblem> for Problem {
    fn from(p: TableProblem) -> Problem {
        Problem::Table(p)
    }
}

impl From<RowProblem> for Problem {
    fn from(p: RowProblem) -> Problem {
        Problem::Row(p)
    }
}

/// `std::io::ErrorKind` across the worker's pipe, by name; a kind not listed here
/// arrives as `Other` (its words are the same: "không đọc được tệp").
mod io_kind {
    use std::io::ErrorKind::{self, *};

    const KINDS: &[(ErrorKind, &str)] = &[
        (NotFound, "not-found"),
        (PermissionDenied, "permission-denied"),
        (InvalidData, "invalid-data"),
        (InvalidInput, "invalid-input"),
        (UnexpectedEof, "unexpected-eof"),
        (Interrupted, "interrupted"),
        (TimedOut, "timed-out"),
        (OutOfMemory, "out-of-memory"),
        (IsADirectory, "is-a-directory"),
        (NotADirectory, "not-a-directory"),
        (Unsupported, "unsupported"),
    ];

    pub fn serialize<S: serde::Serializer>(kind: &ErrorKind, s: S) -> Result<S::Ok, S::Error> {
        let name = KINDS
            .iter()
            .find(|(k, _)| k == kind)
            .map_or("other", |(_, n)| n);
        s.serialize_str(name)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ErrorKind, D::Error> {
        let name: String = serde::Deserialize::deserialize(d)?;
        Ok(KINDS
            .iter()
            .find(|(_, n)| *n == name)
            .map_or(Other, |(k, _)| *k))
    }
}

/// A problem and where it is. `file` is relative to the input folder with `/`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub problem: Problem,
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// A1 address.
    pub cell: Option<String>,
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The sentence a secretary reads, with the cell named first when there is one.
    pub fn message(&self, lang: Lang) -> String {
        crate::labels::problem::in_cell(self.cell.as_deref(), self.problem.message(lang), lang)
    }
}

/// What became of the candidate rows of a file (or of the whole run):
/// `read == accepted + rejected + duplicate`, always.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Ledger {
    pub read: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub duplicate: u64,
}

impl Ledger {
    /// True when every row read is accounted for exactly once.
    pub fn reconciles(&self) -> bool {
        self.read == self.accepted + self.rejected + self.duplicate
    }

    pub fn add(&mut self, other: &Ledger) {
        self.read += other.read;
        self.accepted += other.accepted;
        self.rejected += other.rejected;
        self.duplicate += other.duplicate;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_sheets_are_cut_after_five() {
        let names: Vec<String> = (1..=157).map(|i| format!("S{i}")).collect();
        let p = Problem::Table(TableProblem::SheetsSkipped {
            without_table: names,
            hidden: vec!["DM".into()],
        });
        // 157 sheets: five named, 152 counted.
        assert_eq!(
            p.message(Lang::Vi),
            "bỏ qua các trang không có bảng danh sách lớp: S1, S2, S3, S4, S5 … và 152 trang khác; các trang ẩn: DM"
        );
        assert_eq!(
            p.message(Lang::En),
            "skipped sheets without a class table: S1, S2, S3, S4, S5 … and 152 other sheets; hidden sheets: DM"
        );
    }

    #[test]
    fn a_skipped_workbook_says_what_it_looks_like_in_both_languages() {
        let people = Problem::Table(TableProblem::NoClassTable {
            looks: WorkbookLooks::PeopleList {
                headings: vec!["Họ và tên".into(), "Năm sinh".into()],
            },
        });
        assert_eq!(
            people.message(Lang::Vi),
            "danh sách người (Họ và tên, Năm sinh): hãy gửi báo cáo lớp, hoặc ghi lớp này thành một dòng với số học viên"
        );
        assert_eq!(
            people.message(Lang::En),
            "a list of people (Họ và tên, Năm sinh): send the class report, or enter this class as one row with its number of learners"
        );
        let form = Problem::Table(TableProblem::NoClassTable {
            looks: WorkbookLooks::StatisticsForm,
        });
        assert_eq!(
            form.message(Lang::En),
            "a statistics form, not a class report"
        );
        // A blank form is for the record; a workbook in the wrong shape is a warning.
        let blank = Problem::Table(TableProblem::NoClassTable {
            looks: WorkbookLooks::BlankTemplate { headings: vec![] },
        });
        assert_eq!(blank.severity(), crate::diagnostics::Severity::Info);
        assert_eq!(people.severity(), crate::diagnostics::Severity::Warning);
    }

    #[test]
    fn message_names_the_cell_and_the_raw_text() {
        let p = Problem::Row(RowProblem::LearnersInvalid {
            raw: "bốn mươi".into(),
            fault: CountFault::NotANumber,
        });
        let d = Diagnostic {
            problem: p,
            file: None,
            sheet: None,
            cell: Some("F12".into()),
        };
        assert_eq!(
            d.message(Lang::Vi),
            "Ô F12: số học viên 'bốn mươi' không phải là số"
        );
    }
}

#[cfg(test)]
pub(crate) mod samples {
    //! One problem of every kind, and of every branch of its wording, with ASCII data
    //! so that a test can tell the message's own words from what it quotes.
    use super::*;
    use crate::classes::{Field, Period, Source};

    fn names(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("S{i}")).collect()
    }

    fn headings() -> Vec<String> {
        vec!["Ho va ten".into(), "Nam sinh".into()]
    }

    /// Every problem, with every way its words can come out.
    pub(crate) fn every_problem() -> Vec<Problem> {
        [
            found(),
            unread(),
            tables(),
            rows(),
            rows_learners(),
            kinds(),
            fields(),
            zip_faults(),
            damages(),
        ]
        .concat()
    }

    /// Entries of the folder and whole files.
    fn found() -> Vec<Problem> {
        vec![
            Problem::Found(FoundProblem::NotSpreadsheet {
                extension: String::new(),
            }),
            Problem::Found(FoundProblem::NotSpreadsheet {
                extension: "docx".into(),
            }),
            Problem::Found(FoundProblem::LockFile),
            Problem::Found(FoundProblem::HiddenFile),
            Problem::Found(FoundProblem::OwnOutput),
            Problem::Found(FoundProblem::PlanForm),
            Problem::Found(FoundProblem::PlanFormNotUsed),
            Problem::Found(FoundProblem::ReadBackEdited),
            Problem::Found(FoundProblem::BesideReadBack {
                workbook: "tong-hop.xlsx".into(),
            }),
            Problem::Found(FoundProblem::DuplicateFile {
                original: "a/b.xlsx".into(),
            }),
            Problem::Found(FoundProblem::HiddenFolder),
            Problem::Found(FoundProblem::UnreadableFolder {
                kind: std::io::ErrorKind::PermissionDenied,
            }),
            Problem::Found(FoundProblem::DanglingLink {
                target: "../x".into(),
            }),
            Problem::Found(FoundProblem::LinkLoop {
                target: "..".into(),
            }),
            Problem::Found(FoundProblem::LinkedFolderSeen { target: "b".into() }),
            Problem::Found(FoundProblem::CorrectedOutputKept {
                output: "out.xlsx".into(),
                kept: "out (1).xlsx".into(),
            }),
        ]
    }

    /// Files that could not be read.
    fn unread() -> Vec<Problem> {
        vec![
            Problem::Unread(ReadProblem::PasswordProtected),
            Problem::Unread(ReadProblem::DamagedFile {
                damage: Damage::Reader {
                    detail: "Invalid OLE signature (not an office document)".into(),
                },
            }),
            Problem::Unread(ReadProblem::EmptyFile),
            Problem::Unread(ReadProblem::ReaderCrashed),
            Problem::Unread(ReadProblem::ReaderOutOfMemory { megabytes: 512 }),
            Problem::Unread(ReadProblem::ReaderTimedOut { seconds: 30 }),
            Problem::Unread(ReadProblem::ReaderAborted),
            Problem::Unread(ReadProblem::UnreadableFile {
                kind: std::io::ErrorKind::PermissionDenied,
            }),
            Problem::Unread(ReadProblem::UnreadableFile {
                kind: std::io::ErrorKind::NotFound,
            }),
            Problem::Unread(ReadProblem::FileTooLarge {
                bytes: 300 << 20,
                limit: 200 << 20,
            }),
            Problem::Unread(ReadProblem::SheetTooLarge {
                sheet: "T3".into(),
                limit: 1_000_000,
            }),
            Problem::Unread(ReadProblem::TooManyCells {
                requested: 17_179_869_184,
            }),
            Problem::Unread(ReadProblem::StillBeingWritten),
            Problem::Unread(ReadProblem::HeldOpen),
            Problem::Unread(ReadProblem::TextTooLarge { limit: 64 << 20 }),
        ]
    }

    /// Sheets, tables and columns.
    fn tables() -> Vec<Problem> {
        vec![
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::Other { headings: vec![] },
            }),
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::Other {
                    headings: headings(),
                },
            }),
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::Empty,
            }),
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::PeopleList {
                    headings: headings(),
                },
            }),
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::StatisticsForm,
            }),
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::Timetable {
                    headings: headings(),
                },
            }),
            Problem::Table(TableProblem::NoClassTable {
                looks: WorkbookLooks::BlankTemplate {
                    headings: headings(),
                },
            }),
            Problem::Table(TableProblem::WebPage { tables: 3 }),
            Problem::Table(TableProblem::SheetsSkipped {
                without_table: names(2),
                hidden: vec![],
            }),
            Problem::Table(TableProblem::SheetsSkipped {
                without_table: vec![],
                hidden: names(1),
            }),
            Problem::Table(TableProblem::SheetsSkipped {
                without_table: names(7),
                hidden: names(2),
            }),
            Problem::Table(TableProblem::ColumnsIgnored { names: names(2) }),
            Problem::Table(TableProblem::LegacyConverted {
                encoding: crate::text::Legacy::Tcvn3,
                cells: 12,
            }),
            Problem::Table(TableProblem::LegacyConverted {
                encoding: crate::text::Legacy::Vni,
                cells: 1,
            }),
            Problem::Table(TableProblem::DateColumnMissing),
            Problem::Table(TableProblem::LearnersColumnMissing),
            Problem::Table(TableProblem::DatesMonthFirst {
                example: "03/25/2019".into(),
            }),
        ]
    }

    /// Rows: sub-committees and dates.
    fn rows() -> Vec<Problem> {
        vec![
            Problem::Row(RowProblem::TopicMissing),
            Problem::Row(RowProblem::SubCommitteeMissing { known: names(3) }),
            Problem::Row(RowProblem::SubCommitteeUnknown {
                raw: "xyz".into(),
                known: names(2),
            }),
            Problem::Row(RowProblem::SubCommitteeAmbiguous {
                raw: "van".into(),
                candidates: names(2),
            }),
            Problem::Row(RowProblem::DateMissing),
            Problem::Row(RowProblem::DateUnreadable {
                raw: "32/13".into(),
            }),
            Problem::Row(RowProblem::DateImpossible {
                raw: "30/02/2019".into(),
            }),
            Problem::Row(RowProblem::DateOutOfYear {
                date: "01/01/2018".into(),
                year: 2019,
            }),
            Problem::Row(RowProblem::DatePeriodMismatch {
                date: "05/04/2019".into(),
                period: Period::Month(3),
                name: "T3".into(),
            }),
            Problem::Row(RowProblem::DatePeriodMismatch {
                date: "05/04/2019".into(),
                period: Period::Quarter(1),
                name: "Q1".into(),
            }),
            Problem::Row(RowProblem::DateAfterAsOf {
                date: "05/04/2019".into(),
                as_of: "31/03/2019".into(),
            }),
        ]
    }

    /// Rows: learners, classes and repeats.
    fn rows_learners() -> Vec<Problem> {
        vec![
            Problem::Row(RowProblem::LearnersMissing),
            Problem::Row(RowProblem::PlannedPeriodMissing),
            Problem::Row(RowProblem::CriterionValueUnreadable { raw: "abc".into() }),
            Problem::Row(RowProblem::IndicatorUnknown { name: "xyz".into() }),
            Problem::Row(RowProblem::PlannedPeriodUnreadable { raw: "abc".into() }),
            Problem::Row(RowProblem::LearnersMismatch {
                total: 30,
                male: 10,
                female: 15,
            }),
            Problem::Row(RowProblem::GenderPartlyBlank),
            Problem::Row(RowProblem::LearnersAbovePopulation {
                learners: 45_000,
                population: 3_200,
            }),
            Problem::Row(RowProblem::LearnersUnusual {
                learners: 1_500,
                classes: 3,
                limit: 200,
            }),
            Problem::Row(RowProblem::LearnersUnusual {
                learners: 1_500,
                classes: 1,
                limit: 200,
            }),
            Problem::Row(RowProblem::ClassCountInvalid { raw: "51".into() }),
            Problem::Row(RowProblem::DateAmbiguous {
                raw: "05/09/2019".into(),
            }),
            Problem::Row(RowProblem::DuplicateRow {
                first: Source {
                    file: "a.xlsx".into(),
                    sheet: "T3".into(),
                    row: 12,
                    cell: "C12".into(),
                },
            }),
        ]
    }

    /// Every kind a problem carries, each in the problem that carries it.
    fn kinds() -> Vec<Problem> {
        let mut all = Vec::new();
        for looks_like in [
            LooksLike::Html,
            LooksLike::Xml,
            LooksLike::Pdf,
            LooksLike::Json,
            LooksLike::Csv,
            LooksLike::Text,
            LooksLike::Unknown,
        ] {
            all.push(Problem::Unread(ReadProblem::NotReallySpreadsheet {
                looks_like,
            }));
        }
        for fault in [
            CountFault::NotANumber,
            CountFault::Negative,
            CountFault::Fraction,
            CountFault::TooLarge,
        ] {
            all.push(Problem::Row(RowProblem::LearnersInvalid {
                raw: "x".into(),
                fault,
            }));
        }
        for kind in [
            SpecialKind::Fifo,
            SpecialKind::Socket,
            SpecialKind::Device,
            SpecialKind::Other,
        ] {
            all.push(Problem::Found(FoundProblem::SpecialFile { kind }));
        }
        all
    }

    /// Every field two columns can compete for.
    fn fields() -> Vec<Problem> {
        let mut all = Vec::new();
        for field in [
            Field::Stt,
            Field::SubCommittee,
            Field::Topic,
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
            Field::CriterionNo,
            Field::Indicator,
            Field::Value,
            Field::Numerator,
            Field::Denominator,
            Field::FigureSource,
            Field::Evidence,
        ] {
            all.push(Problem::Table(TableProblem::ColumnsCompete {
                field,
                used: "A".into(),
                used_cell: "A4".into(),
                other: "B".into(),
                other_cell: "B4".into(),
            }));
        }
        all
    }

    /// Every damage a file can have.
    fn damages() -> Vec<Problem> {
        [
            Damage::UnknownFormat,
            Damage::ChainsLoop,
            Damage::TableBeyondFile,
            Damage::SheetsShareRecords,
            Damage::ContentTooLarge { limit: 1 << 30 },
            Damage::TableInCell,
            Damage::ContentMalformed {
                detail: "ill-formed document: expected `</text:p>`".into(),
            },
        ]
        .into_iter()
        .map(|damage| ReadProblem::DamagedFile { damage }.into())
        .collect()
    }

    /// Every fault of a zip container.
    fn zip_faults() -> Vec<Problem> {
        let mut all = Vec::new();
        for fault in [
            ZipFault::DuplicateEntry {
                name: "xl/workbook.xml".into(),
            },
            ZipFault::SheetsShareOnePart {
                part: "xl/worksheets/sheet1.xml".into(),
                sheets: 2,
            },
            ZipFault::PartTooLarge {
                part: "p".into(),
                bytes: 900 << 20,
                limit: 256 << 20,
            },
            ZipFault::UnpacksTooLarge {
                bytes: 900 << 20,
                limit: 512 << 20,
            },
            ZipFault::CountBeyondFile {
                what: "entries".into(),
                declared: 9_000,
                bound: 40,
            },
            ZipFault::PartTooCompressed {
                part: "p".into(),
                bytes: 300 << 20,
                packed: 1_000,
                limit: 1_000,
            },
        ] {
            all.push(Problem::Unread(ReadProblem::DamagedContainer { fault }));
        }
        all
    }

    #[test]
    fn every_message_is_in_its_language() {
        use crate::labels::language::assert_in_their_languages;
        for p in every_problem() {
            let (vi, en) = (p.message(Lang::Vi), p.message(Lang::En));
            assert_in_their_languages(&vi, &en, &['\''], p.code());
        }
    }
}
