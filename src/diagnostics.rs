//! Problems found along the way, as values: each names where it is (file, sheet, cell)
//! and what it is ([`Problem`]); its code, severity and wording derive from the problem,
//! so the Cảnh báo sheet, the JSON and the terminal all say the same thing. The
//! [`Ledger`] counts what became of every candidate row.

use serde::Serialize;

use crate::labels::{Label, Lang};

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

/// The most classes one row may stand for ("Số lớp"): more is a typing slip.
pub const MAX_CLASS_COUNT: u32 = 50;

/// What a file with a spreadsheet name really is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LooksLike {
    Html,
    Xml,
    Pdf,
    /// A web application's data or error message (`{"rc":-10,…}`).
    Json,
    Csv,
    Text,
    /// Binary data of no spreadsheet format.
    Unknown,
}

/// What a workbook that holds nothing the tool reads looks like (`input::looks`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WorkbookLooks {
    /// No cell holds anything.
    Empty,
    /// A list of people: the headings that say so ("Họ và tên", "Năm sinh").
    PeopleList { headings: Vec<String> },
    /// A statistics form ("Biểu 01": Chỉ tiêu, Mã số, Đơn vị tính, (A) (B) (1) (2)).
    StatisticsForm,
    /// A timetable or schedule: the headings that say so ("Thứ", "Ca", "Phòng").
    Timetable { headings: Vec<String> },
    /// A header row with nothing filled in under it.
    BlankTemplate { headings: Vec<String> },
    /// Anything else: the headings of its most table-like row, if it has one.
    Other { headings: Vec<String> },
}

/// Why a learners cell is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CountFault {
    NotANumber,
    Negative,
    Fraction,
    TooLarge,
}

/// Everything the tool can find wrong or noteworthy. Data carried here is what the
/// message needs; the location lives in [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    // Files.
    NotSpreadsheet {
        extension: String,
    },
    LockFile,
    HiddenFile,
    OwnOutput,
    DuplicateFile {
        original: String,
    },
    PasswordProtected,
    DamagedFile {
        detail: String,
    },
    EmptyFile,
    NotReallySpreadsheet {
        looks_like: LooksLike,
    },
    /// The format reader failed inside (a crafted or badly damaged file).
    ReaderCrashed,
    /// Reading the file needed more memory than its worker may use.
    ReaderOutOfMemory {
        megabytes: u64,
    },
    /// Reading the file ran past the time limit.
    ReaderTimedOut {
        seconds: u64,
    },
    /// The worker reading the file stopped without an answer.
    ReaderAborted,
    /// The operating system would not let the file be read.
    UnreadableFile {
        #[serde(with = "io_kind")]
        kind: std::io::ErrorKind,
    },
    /// The workbook yields nothing the tool reads: no class table, or tables with no
    /// row filled in. The file is skipped.
    NoClassTable {
        looks: WorkbookLooks,
    },
    /// A web page (HTML) saved under a spreadsheet name, read table by table.
    WebPage {
        tables: usize,
    },
    FileTooLarge {
        bytes: u64,
        limit: u64,
    },
    SheetTooLarge {
        sheet: String,
        limit: u64,
    },
    /// The workbook declares an absurd number of cells (a damaged or hostile file).
    TooManyCells {
        requested: u64,
    },
    /// The file changed while it was read (still being copied or saved).
    StillBeingWritten,
    // Sheets.
    /// Sheets of a file that was read, passed over: without a class table, or hidden.
    SheetsSkipped {
        without_table: Vec<String>,
        hidden: Vec<String>,
    },
    ColumnsIgnored {
        names: Vec<String>,
    },
    /// Cells typed with a legacy font were converted to Unicode.
    LegacyConverted {
        encoding: crate::text::Legacy,
        cells: u32,
    },
    // Rows.
    TopicMissing,
    SubCommitteeMissing {
        known: Vec<String>,
    },
    SubCommitteeUnknown {
        raw: String,
        known: Vec<String>,
    },
    SubCommitteeAmbiguous {
        raw: String,
        candidates: Vec<String>,
    },
    DateColumnMissing,
    DateMissing,
    DateUnreadable {
        raw: String,
    },
    DateImpossible {
        raw: String,
    },
    DateOutOfYear {
        date: String,
        year: i32,
    },
    /// The sheet or file name says one month or quarter, the date another.
    DatePeriodMismatch {
        date: String,
        period: crate::classes::Period,
        name: String,
    },
    /// A class opened after the as-of date: accepted, not counted yet.
    DateAfterAsOf {
        date: String,
        as_of: String,
    },
    LearnersMissing,
    PlannedPeriodMissing,
    CriterionValueUnreadable {
        raw: String,
    },
    IndicatorUnknown {
        name: String,
    },
    PlannedPeriodUnreadable {
        raw: String,
    },
    LearnersInvalid {
        raw: String,
        fault: CountFault,
    },
    LearnersMismatch {
        total: u32,
        male: u32,
        female: u32,
    },
    GenderPartlyBlank,
    /// The class table has a topic and a date but no column of learners.
    LearnersColumnMissing,
    /// More learners in one class than the commune has people aged 15 and over.
    LearnersAbovePopulation {
        learners: u32,
        population: u32,
    },
    /// More learners than the plan's usual largest class (per class of the row).
    LearnersUnusual {
        learners: u32,
        classes: u32,
        limit: u32,
    },
    /// A "Số lớp" cell that is not a whole number from 1 to [`MAX_CLASS_COUNT`].
    ClassCountInvalid {
        raw: String,
    },
    /// A column of text dates that only reads month first (US order): read so, once
    /// for the column; `example` is one date that proved it.
    DatesMonthFirst {
        example: String,
    },
    /// A text date that reads both ways in a column that holds both orders.
    DateAmbiguous {
        raw: String,
    },
    /// Two columns name the same field; the better heading is used.
    ColumnsCompete {
        field: crate::classes::Field,
        used: String,
        used_cell: String,
        other: String,
        other_cell: String,
    },
    DuplicateRow {
        first: crate::classes::Source,
    },
    // Folder entries that are not files to read (input::discover).
    /// A folder whose name starts with a dot (".git"): not entered.
    HiddenFolder,
    /// A folder that cannot be opened: the files in it are not read.
    UnreadableFolder {
        #[serde(with = "io_kind")]
        kind: std::io::ErrorKind,
    },
    /// A symbolic link to nothing: `target` is what it names.
    DanglingLink {
        target: String,
    },
    /// A link that leads back to itself, or to the folder being read or above it.
    LinkLoop {
        target: String,
    },
    /// A link to a folder whose files are read elsewhere in the run.
    LinkedFolderSeen {
        target: String,
    },
    /// A pipe, socket or device: never opened.
    SpecialFile {
        kind: SpecialKind,
    },
    /// The earlier output at the output path was corrected by hand after the tool
    /// wrote it; it is kept under `kept` (a file name beside it) before being replaced.
    CorrectedOutputKept {
        output: String,
        kept: String,
    },
    /// A zip container (xlsx, xlsm, xlsb, ods) whose declarations cannot be honoured:
    /// refused as damaged before the format reader sees it.
    DamagedContainer {
        fault: ZipFault,
    },
    /// The cells' text, shared strings copied into every cell using them, passes
    /// the budget (one long string used by many cells).
    TextTooLarge {
        limit: u64,
    },
}

/// What kind of special entry a folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SpecialKind {
    /// A named pipe (FIFO): opening it for reading would wait for a writer.
    Fifo,
    Socket,
    Device,
    Other,
}

/// What a zip container declares that it cannot hold, or that no reader can trust.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ZipFault {
    /// Two entries share one name: programs disagree on which one is the file.
    DuplicateEntry { name: String },
    /// Several sheets point at one part.
    SheetsShareOnePart { part: String, sheets: u64 },
    /// One part declares more bytes, unpacked, than any report needs.
    PartTooLarge {
        part: String,
        bytes: u64,
        limit: u64,
    },
    /// All parts together declare more bytes, unpacked, than any report needs.
    UnpacksTooLarge { bytes: u64, limit: u64 },
    /// A declared count larger than the file's size can hold.
    CountBeyondFile {
        what: String,
        declared: u64,
        bound: u64,
    },
    /// A part that unpacks far more than any sheet does per byte packed: a zip bomb.
    PartTooCompressed {
        part: String,
        bytes: u64,
        packed: u64,
        /// The most a part may unpack to per byte packed.
        limit: u64,
    },
}

/// The words for the kinds a problem carries; the words themselves are in
/// `labels::problem`.
impl LooksLike {
    /// `None` for no known format at all.
    fn words(self) -> Option<Label> {
        use crate::labels::problem::looks_like as w;
        match self {
            LooksLike::Html => Some(w::HTML),
            LooksLike::Xml => Some(w::XML),
            LooksLike::Pdf => Some(w::PDF),
            LooksLike::Json => Some(w::JSON),
            LooksLike::Csv => Some(w::CSV),
            LooksLike::Text => Some(w::TEXT),
            LooksLike::Unknown => None,
        }
    }
}

impl WorkbookLooks {
    fn words(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        match self {
            WorkbookLooks::Other { headings } if headings.is_empty() => {
                w::NO_CLASS_TABLE.get(lang).into()
            }
            WorkbookLooks::Other { headings } => w::looks_other(headings, lang),
            WorkbookLooks::Empty => w::LOOKS_EMPTY.get(lang).into(),
            WorkbookLooks::PeopleList { headings } => w::looks_people_list(headings, lang),
            WorkbookLooks::StatisticsForm => w::LOOKS_STATISTICS_FORM.get(lang).into(),
            WorkbookLooks::Timetable { headings } => w::looks_timetable(headings, lang),
            WorkbookLooks::BlankTemplate { headings } => w::looks_blank_template(headings, lang),
        }
    }
}

impl CountFault {
    fn words(self) -> Label {
        use crate::labels::problem::count_fault as w;
        match self {
            CountFault::NotANumber => w::NOT_A_NUMBER,
            CountFault::Negative => w::NEGATIVE,
            CountFault::Fraction => w::FRACTION,
            CountFault::TooLarge => w::TOO_LARGE,
        }
    }
}

impl SpecialKind {
    fn words(self) -> Label {
        use crate::labels::problem::special as w;
        match self {
            SpecialKind::Fifo => w::FIFO,
            SpecialKind::Socket => w::SOCKET,
            SpecialKind::Device => w::DEVICE,
            SpecialKind::Other => w::OTHER,
        }
    }
}

impl ZipFault {
    fn words(&self, lang: Lang) -> String {
        use crate::labels::problem::zip as w;
        match self {
            ZipFault::DuplicateEntry { name } => w::duplicate_entry(name, lang),
            ZipFault::SheetsShareOnePart { part, sheets } => {
                w::sheets_share_one_part(part, *sheets, lang)
            }
            ZipFault::PartTooLarge { part, bytes, limit } => {
                w::part_too_large(part, *bytes, *limit, lang)
            }
            ZipFault::UnpacksTooLarge { bytes, limit } => {
                w::unpacks_too_large(*bytes, *limit, lang)
            }
            ZipFault::CountBeyondFile {
                what,
                declared,
                bound,
            } => w::count_beyond_file(what, *declared, *bound, lang),
            ZipFault::PartTooCompressed {
                part,
                bytes,
                packed,
                limit,
            } => w::part_too_compressed(part, *bytes, *packed, *limit, lang),
        }
    }
}

impl Problem {
    /// Short, stable code for scripts; never translated.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            NotSpreadsheet { .. } => "not-spreadsheet",
            LockFile => "lock-file",
            HiddenFile => "hidden-file",
            OwnOutput => "own-output",
            DuplicateFile { .. } => "duplicate-file",
            PasswordProtected => "password-protected",
            DamagedFile { .. } => "damaged-file",
            EmptyFile => "empty-file",
            NotReallySpreadsheet { .. } => "not-really-spreadsheet",
            ReaderCrashed => "reader-crashed",
            ReaderOutOfMemory { .. } => "reader-out-of-memory",
            ReaderTimedOut { .. } => "reader-timed-out",
            ReaderAborted => "reader-aborted",
            UnreadableFile { .. } => "unreadable-file",
            NoClassTable { .. } => "no-class-table",
            WebPage { .. } => "web-page",
            FileTooLarge { .. } => "file-too-large",
            SheetTooLarge { .. } => "sheet-too-large",
            StillBeingWritten => "still-being-written",
            TooManyCells { .. } => "too-many-cells",
            SheetsSkipped { .. } => "sheets-skipped",
            ColumnsIgnored { .. } => "columns-ignored",
            LegacyConverted { .. } => "legacy-encoding-converted",
            TopicMissing => "topic-missing",
            SubCommitteeMissing { .. } => "subcommittee-missing",
            SubCommitteeUnknown { .. } => "subcommittee-unknown",
            SubCommitteeAmbiguous { .. } => "subcommittee-ambiguous",
            DateColumnMissing => "date-column-missing",
            DateMissing => "date-missing",
            DateUnreadable { .. } => "date-unreadable",
            DateImpossible { .. } => "date-impossible",
            DateOutOfYear { .. } => "date-out-of-year",
            DateAfterAsOf { .. } => "after-as-of",
            DatePeriodMismatch { .. } => "date-period-mismatch",
            LearnersMissing => "learners-missing",
            PlannedPeriodMissing => "planned-period-missing",
            CriterionValueUnreadable { .. } => "criterion-value-unreadable",
            IndicatorUnknown { .. } => "indicator-unknown",
            PlannedPeriodUnreadable { .. } => "planned-period-unreadable",
            LearnersInvalid { .. } => "learners-invalid",
            LearnersMismatch { .. } => "learners-mismatch",
            GenderPartlyBlank => "gender-partly-blank",
            LearnersColumnMissing => "learners-column-missing",
            LearnersAbovePopulation { .. } => "learners-above-population",
            LearnersUnusual { .. } => "learners-unusual",
            ClassCountInvalid { .. } => "class-count-invalid",
            DatesMonthFirst { .. } => "dates-month-first",
            DateAmbiguous { .. } => "date-ambiguous",
            ColumnsCompete { .. } => "columns-compete",
            DuplicateRow { .. } => "duplicate-row",
            HiddenFolder => "hidden-folder",
            UnreadableFolder { .. } => "unreadable-folder",
            DanglingLink { .. } => "dangling-link",
            LinkLoop { .. } => "link-loop",
            LinkedFolderSeen { .. } => "linked-folder-seen",
            SpecialFile { .. } => "special-file",
            CorrectedOutputKept { .. } => "corrected-output-kept",
            DamagedContainer { .. } => "damaged-file",
            TextTooLarge { .. } => "text-too-large",
        }
    }

    /// The sentence a secretary reads (without the cell), in the language: the words
    /// live in `labels::problem`, this only hands each message its data.
    pub fn message(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        use Problem::*;
        match self {
            NotSpreadsheet { extension } => w::not_spreadsheet(extension, lang),
            LockFile => w::LOCK_FILE.get(lang).into(),
            HiddenFile => w::HIDDEN_FILE.get(lang).into(),
            OwnOutput => w::OWN_OUTPUT.get(lang).into(),
            DuplicateFile { original } => w::duplicate_file(original, lang),
            PasswordProtected => w::PASSWORD_PROTECTED.get(lang).into(),
            DamagedFile { detail } => w::damaged_file(detail, lang),
            EmptyFile => w::EMPTY_FILE.get(lang).into(),
            NotReallySpreadsheet { looks_like } => {
                w::not_really_spreadsheet(looks_like.words(), lang)
            }
            ReaderCrashed => w::READER_CRASHED.get(lang).into(),
            ReaderOutOfMemory { megabytes } => w::reader_out_of_memory(*megabytes, lang),
            ReaderTimedOut { seconds } => w::reader_timed_out(*seconds, lang),
            ReaderAborted => w::READER_ABORTED.get(lang).into(),
            UnreadableFile { kind } => w::unreadable_file(*kind, lang),
            NoClassTable { looks } => looks.words(lang),
            WebPage { tables } => w::web_page(*tables, lang),
            FileTooLarge { bytes, limit } => w::file_too_large(*bytes, *limit, lang),
            SheetTooLarge { sheet, limit } => w::sheet_too_large(sheet, *limit, lang),
            TooManyCells { requested } => w::too_many_cells(*requested, lang),
            StillBeingWritten => w::STILL_BEING_WRITTEN.get(lang).into(),
            SheetsSkipped {
                without_table,
                hidden,
            } => w::sheets_skipped(without_table, hidden, lang),
            ColumnsIgnored { names } => w::columns_ignored(names, lang),
            LegacyConverted { encoding, cells } => {
                w::legacy_converted(encoding.name(), *cells, lang)
            }
            TopicMissing => w::TOPIC_MISSING.get(lang).into(),
            SubCommitteeMissing { known } => w::subcommittee_missing(known, lang),
            SubCommitteeUnknown { raw, known } => w::subcommittee_unknown(raw, known, lang),
            SubCommitteeAmbiguous { raw, candidates } => {
                w::subcommittee_ambiguous(raw, candidates, lang)
            }
            DateColumnMissing => w::DATE_COLUMN_MISSING.get(lang).into(),
            DateMissing => w::DATE_MISSING.get(lang).into(),
            DateUnreadable { raw } => w::date_unreadable(raw, lang),
            DateImpossible { raw } => w::date_impossible(raw, lang),
            DateOutOfYear { date, year } => w::date_out_of_year(date, *year, lang),
            DatePeriodMismatch { date, period, name } => {
                w::date_period_mismatch(date, &period.words(lang), name, lang)
            }
            DateAfterAsOf { date, as_of } => w::date_after_as_of(date, as_of, lang),
            LearnersMissing => w::LEARNERS_MISSING.get(lang).into(),
            PlannedPeriodMissing => w::PLANNED_PERIOD_MISSING.get(lang).into(),
            CriterionValueUnreadable { raw } => w::criterion_value_unreadable(raw, lang),
            IndicatorUnknown { name } => w::indicator_unknown(name, lang),
            PlannedPeriodUnreadable { raw } => w::planned_period_unreadable(raw, lang),
            LearnersInvalid { raw, fault } => w::learners_invalid(raw, fault.words(), lang),
            LearnersMismatch {
                total,
                male,
                female,
            } => w::learners_mismatch(*total, *male, *female, lang),
            GenderPartlyBlank => w::GENDER_PARTLY_BLANK.get(lang).into(),
            LearnersColumnMissing => w::LEARNERS_COLUMN_MISSING.get(lang).into(),
            LearnersAbovePopulation {
                learners,
                population,
            } => w::learners_above_population(*learners, *population, lang),
            LearnersUnusual {
                learners,
                classes,
                limit,
            } => w::learners_unusual(*learners, *classes, *limit, lang),
            ClassCountInvalid { raw } => w::class_count_invalid(raw, MAX_CLASS_COUNT, lang),
            DatesMonthFirst { example } => w::dates_month_first(example, lang),
            DateAmbiguous { raw } => w::date_ambiguous(raw, lang),
            ColumnsCompete {
                field,
                used,
                used_cell,
                other,
                other_cell,
            } => w::columns_compete(field.words(), (used, used_cell), (other, other_cell), lang),
            DuplicateRow { first } => w::duplicate_row(&first.describe(lang), lang),
            HiddenFolder => w::HIDDEN_FOLDER.get(lang).into(),
            UnreadableFolder { kind } => w::unreadable_folder(*kind, lang),
            DanglingLink { target } => w::dangling_link(target, lang),
            LinkLoop { target } => w::link_loop(target, lang),
            LinkedFolderSeen { target } => w::linked_folder_seen(target, lang),
            SpecialFile { kind } => w::special_file(kind.words(), lang),
            CorrectedOutputKept { output, kept } => w::corrected_output_kept(output, kept, lang),
            DamagedContainer { fault } => w::damaged_container(fault.words(lang), lang),
            TextTooLarge { limit } => w::text_too_large(*limit, lang),
        }
    }

    pub fn severity(&self) -> Severity {
        use Problem::*;
        match self {
            // A form nobody filled in, or an empty workbook, left in the folder: nothing
            // to look at. Any other workbook without a class table may be a report sent
            // in the wrong shape.
            NoClassTable {
                looks: WorkbookLooks::BlankTemplate { .. } | WorkbookLooks::Empty,
            } => Severity::Info,
            PasswordProtected
            | DamagedFile { .. }
            | EmptyFile
            | NotReallySpreadsheet { .. }
            | ReaderCrashed
            | ReaderOutOfMemory { .. }
            | ReaderTimedOut { .. }
            | ReaderAborted
            | UnreadableFile { .. }
            | FileTooLarge { .. }
            | SheetTooLarge { .. }
            | StillBeingWritten
            | TooManyCells { .. }
            | TopicMissing
            | SubCommitteeMissing { .. }
            | SubCommitteeUnknown { .. }
            | SubCommitteeAmbiguous { .. }
            | DateColumnMissing
            | DateMissing
            | DateUnreadable { .. }
            | DateImpossible { .. }
            | DateOutOfYear { .. }
            | LearnersMissing
            | PlannedPeriodMissing
            | CriterionValueUnreadable { .. }
            | IndicatorUnknown { .. }
            | PlannedPeriodUnreadable { .. }
            | LearnersInvalid { .. }
            | LearnersColumnMissing
            | LearnersAbovePopulation { .. }
            | ClassCountInvalid { .. }
            | DateAmbiguous { .. }
            | DamagedContainer { .. }
            | TextTooLarge { .. } => Severity::Error,
            NoClassTable { .. }
            | DatePeriodMismatch { .. }
            | LearnersMismatch { .. }
            | GenderPartlyBlank
            | LearnersUnusual { .. }
            | DatesMonthFirst { .. }
            | ColumnsCompete { .. }
            | DuplicateRow { .. } => Severity::Warning,
            NotSpreadsheet { .. }
            | LockFile
            | HiddenFile
            | OwnOutput
            | DuplicateFile { .. }
            | WebPage { .. }
            | SheetsSkipped { .. }
            | ColumnsIgnored { .. }
            | LegacyConverted { .. }
            | DateAfterAsOf { .. } => Severity::Info,
            // Listed as failed: the files in the folder, or the report the link
            // named, are not counted.
            UnreadableFolder { .. } | DanglingLink { .. } | LinkLoop { .. } => Severity::Error,
            HiddenFolder | LinkedFolderSeen { .. } | SpecialFile { .. } => Severity::Info,
            // Nothing is lost, but the corrections are not in the new workbook.
            CorrectedOutputKept { .. } => Severity::Warning,
        }
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
        let p = Problem::SheetsSkipped {
            without_table: names,
            hidden: vec!["DM".into()],
        };
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
        let people = Problem::NoClassTable {
            looks: WorkbookLooks::PeopleList {
                headings: vec!["Họ và tên".into(), "Năm sinh".into()],
            },
        };
        assert_eq!(
            people.message(Lang::Vi),
            "danh sách người (Họ và tên, Năm sinh): hãy gửi báo cáo lớp, hoặc ghi lớp này thành một dòng với số học viên"
        );
        assert_eq!(
            people.message(Lang::En),
            "a list of people (Họ và tên, Năm sinh): send the class report, or enter this class as one row with its number of learners"
        );
        let form = Problem::NoClassTable {
            looks: WorkbookLooks::StatisticsForm,
        };
        assert_eq!(
            form.message(Lang::En),
            "a statistics form, not a class report"
        );
        // A blank form is for the record; a workbook in the wrong shape is a warning.
        let blank = Problem::NoClassTable {
            looks: WorkbookLooks::BlankTemplate { headings: vec![] },
        };
        assert_eq!(blank.severity(), crate::diagnostics::Severity::Info);
        assert_eq!(people.severity(), crate::diagnostics::Severity::Warning);
    }

    #[test]
    fn message_names_the_cell_and_the_raw_text() {
        let p = Problem::LearnersInvalid {
            raw: "bốn mươi".into(),
            fault: CountFault::NotANumber,
        };
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
        use Problem::*;
        let mut all = vec![
            NotSpreadsheet {
                extension: String::new(),
            },
            NotSpreadsheet {
                extension: "docx".into(),
            },
            LockFile,
            HiddenFile,
            OwnOutput,
            DuplicateFile {
                original: "a/b.xlsx".into(),
            },
            PasswordProtected,
            DamagedFile {
                detail: "bad".into(),
            },
            EmptyFile,
            ReaderCrashed,
            ReaderOutOfMemory { megabytes: 512 },
            ReaderTimedOut { seconds: 30 },
            ReaderAborted,
            UnreadableFile {
                kind: std::io::ErrorKind::PermissionDenied,
            },
            UnreadableFile {
                kind: std::io::ErrorKind::NotFound,
            },
            NoClassTable {
                looks: WorkbookLooks::Other { headings: vec![] },
            },
            NoClassTable {
                looks: WorkbookLooks::Other {
                    headings: headings(),
                },
            },
            NoClassTable {
                looks: WorkbookLooks::Empty,
            },
            NoClassTable {
                looks: WorkbookLooks::PeopleList {
                    headings: headings(),
                },
            },
            NoClassTable {
                looks: WorkbookLooks::StatisticsForm,
            },
            NoClassTable {
                looks: WorkbookLooks::Timetable {
                    headings: headings(),
                },
            },
            NoClassTable {
                looks: WorkbookLooks::BlankTemplate {
                    headings: headings(),
                },
            },
            WebPage { tables: 3 },
            FileTooLarge {
                bytes: 300 << 20,
                limit: 200 << 20,
            },
            SheetTooLarge {
                sheet: "T3".into(),
                limit: 1_000_000,
            },
            TooManyCells {
                requested: 17_179_869_184,
            },
            StillBeingWritten,
            SheetsSkipped {
                without_table: names(2),
                hidden: vec![],
            },
            SheetsSkipped {
                without_table: vec![],
                hidden: names(1),
            },
            SheetsSkipped {
                without_table: names(7),
                hidden: names(2),
            },
            ColumnsIgnored { names: names(2) },
            LegacyConverted {
                encoding: crate::text::Legacy::Tcvn3,
                cells: 12,
            },
            LegacyConverted {
                encoding: crate::text::Legacy::Vni,
                cells: 1,
            },
            TopicMissing,
            SubCommitteeMissing { known: names(3) },
            SubCommitteeUnknown {
                raw: "xyz".into(),
                known: names(2),
            },
            SubCommitteeAmbiguous {
                raw: "van".into(),
                candidates: names(2),
            },
            DateColumnMissing,
            DateMissing,
            DateUnreadable {
                raw: "32/13".into(),
            },
            DateImpossible {
                raw: "30/02/2019".into(),
            },
            DateOutOfYear {
                date: "01/01/2018".into(),
                year: 2019,
            },
            DatePeriodMismatch {
                date: "05/04/2019".into(),
                period: Period::Month(3),
                name: "T3".into(),
            },
            DatePeriodMismatch {
                date: "05/04/2019".into(),
                period: Period::Quarter(1),
                name: "Q1".into(),
            },
            DateAfterAsOf {
                date: "05/04/2019".into(),
                as_of: "31/03/2019".into(),
            },
            LearnersMissing,
            PlannedPeriodMissing,
            CriterionValueUnreadable { raw: "abc".into() },
            IndicatorUnknown { name: "xyz".into() },
            PlannedPeriodUnreadable { raw: "abc".into() },
            LearnersMismatch {
                total: 30,
                male: 10,
                female: 15,
            },
            GenderPartlyBlank,
            LearnersColumnMissing,
            LearnersAbovePopulation {
                learners: 45_000,
                population: 3_200,
            },
            LearnersUnusual {
                learners: 1_500,
                classes: 3,
                limit: 200,
            },
            LearnersUnusual {
                learners: 1_500,
                classes: 1,
                limit: 200,
            },
            ClassCountInvalid { raw: "51".into() },
            DatesMonthFirst {
                example: "03/25/2019".into(),
            },
            DateAmbiguous {
                raw: "05/09/2019".into(),
            },
            DuplicateRow {
                first: Source {
                    file: "a.xlsx".into(),
                    sheet: "T3".into(),
                    row: 12,
                    cell: "C12".into(),
                },
            },
            HiddenFolder,
            UnreadableFolder {
                kind: std::io::ErrorKind::PermissionDenied,
            },
            DanglingLink {
                target: "../x".into(),
            },
            LinkLoop {
                target: "..".into(),
            },
            LinkedFolderSeen { target: "b".into() },
            CorrectedOutputKept {
                output: "out.xlsx".into(),
                kept: "out (1).xlsx".into(),
            },
            TextTooLarge { limit: 64 << 20 },
        ];
        for looks_like in [
            LooksLike::Html,
            LooksLike::Xml,
            LooksLike::Pdf,
            LooksLike::Json,
            LooksLike::Csv,
            LooksLike::Text,
            LooksLike::Unknown,
        ] {
            all.push(NotReallySpreadsheet { looks_like });
        }
        for fault in [
            CountFault::NotANumber,
            CountFault::Negative,
            CountFault::Fraction,
            CountFault::TooLarge,
        ] {
            all.push(LearnersInvalid {
                raw: "x".into(),
                fault,
            });
        }
        for kind in [
            SpecialKind::Fifo,
            SpecialKind::Socket,
            SpecialKind::Device,
            SpecialKind::Other,
        ] {
            all.push(SpecialFile { kind });
        }
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
            all.push(ColumnsCompete {
                field,
                used: "A".into(),
                used_cell: "A4".into(),
                other: "B".into(),
                other_cell: "B4".into(),
            });
        }
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
            all.push(DamagedContainer { fault });
        }
        all
    }

    /// The message's own words: what it quotes ('…') taken out.
    fn own_words(message: &str) -> String {
        message.split('\'').step_by(2).collect::<Vec<_>>().join(" ")
    }

    fn vietnamese_letters(text: &str) -> Vec<char> {
        text.chars()
            .filter(|c| c.is_alphabetic() && !c.is_ascii())
            .collect()
    }

    #[test]
    fn every_message_is_in_its_language() {
        for p in every_problem() {
            let (vi, en) = (p.message(Lang::Vi), p.message(Lang::En));
            assert!(
                vietnamese_letters(&own_words(&en)).is_empty(),
                "{}: English message with Vietnamese letters: {en}",
                p.code()
            );
            assert!(
                !vietnamese_letters(&own_words(&vi)).is_empty(),
                "{}: Vietnamese message without a Vietnamese word: {vi}",
                p.code()
            );
            assert_ne!(vi, en, "{}", p.code());
        }
    }
}
