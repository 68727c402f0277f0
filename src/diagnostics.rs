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
        crate::labels::problem_message(&self.problem, self.cell.as_deref(), lang)
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
