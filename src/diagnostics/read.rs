//! Files that could not be read: refused by a guard, failed in the format reader, or
//! lost in the reading worker. Every one is an error: the file's classes are not counted.

use crate::labels::{Label, Lang};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ReadProblem {
    PasswordProtected,
    DamagedFile {
        damage: Damage,
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
        #[serde(with = "super::io_kind")]
        kind: std::io::ErrorKind,
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
    /// Another program (Excel, on Windows) holds the file open and lets nobody read it.
    HeldOpen,
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

impl ReadProblem {
    /// Short, stable code for scripts; never translated.
    pub fn code(&self) -> &'static str {
        use ReadProblem::*;
        match self {
            PasswordProtected => "password-protected",
            DamagedFile { .. } => "damaged-file",
            EmptyFile => "empty-file",
            NotReallySpreadsheet { .. } => "not-really-spreadsheet",
            ReaderCrashed => "reader-crashed",
            ReaderOutOfMemory { .. } => "reader-out-of-memory",
            ReaderTimedOut { .. } => "reader-timed-out",
            ReaderAborted => "reader-aborted",
            UnreadableFile { .. } => "unreadable-file",
            FileTooLarge { .. } => "file-too-large",
            SheetTooLarge { .. } => "sheet-too-large",
            TooManyCells { .. } => "too-many-cells",
            StillBeingWritten => "still-being-written",
            HeldOpen => "held-open",
            DamagedContainer { .. } => "damaged-file",
            TextTooLarge { .. } => "text-too-large",
        }
    }

    pub fn severity(&self) -> super::Severity {
        // A file that was not read: none of its classes is counted.
        super::Severity::Error
    }

    /// The sentence a secretary reads (without the cell): the words live in
    /// `labels::problem`; this hands each message its data.
    pub fn message(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        use ReadProblem::*;
        match self {
            PasswordProtected => w::PASSWORD_PROTECTED.get(lang).into(),
            DamagedFile { damage } => w::damaged_file(&damage.words(lang), lang),
            EmptyFile => w::EMPTY_FILE.get(lang).into(),
            NotReallySpreadsheet { looks_like } => {
                w::not_really_spreadsheet(looks_like.words(), lang)
            }
            ReaderCrashed => w::READER_CRASHED.get(lang).into(),
            ReaderOutOfMemory { megabytes } => w::reader_out_of_memory(*megabytes, lang),
            ReaderTimedOut { seconds } => w::reader_timed_out(*seconds, lang),
            ReaderAborted => w::READER_ABORTED.get(lang).into(),
            UnreadableFile { kind } => w::unreadable_file(*kind, lang),
            FileTooLarge { bytes, limit } => w::file_too_large(*bytes, *limit, lang),
            SheetTooLarge { sheet, limit } => w::sheet_too_large(sheet, *limit, lang),
            TooManyCells { requested } => w::too_many_cells(*requested, lang),
            StillBeingWritten => w::STILL_BEING_WRITTEN.get(lang).into(),
            HeldOpen => w::HELD_OPEN.get(lang).into(),
            DamagedContainer { fault } => w::damaged_container(fault.words(lang), lang),
            TextTooLarge { limit } => w::text_too_large(*limit, lang),
        }
    }
}

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

/// What is wrong with a file that a reader cannot take, or a guard refuses.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Damage {
    /// The format reader's own words (calamine, the XML reader): in English, quoted
    /// as a technical detail for whoever repairs the file.
    Reader { detail: String },
    /// No format reader recognised the bytes.
    UnknownFormat,
    /// A compound file (.xls) whose sector chains loop: a reader following them would
    /// never stop.
    ChainsLoop,
    /// A compound file whose allocation table lists more sectors than the file holds.
    TableBeyondFile,
    /// Several sheets of an .xls point at one sheet's records.
    SheetsShareRecords,
    /// An .ods whose content.xml unpacks to more than `limit` bytes.
    ContentTooLarge { limit: u64 },
    /// An .ods with a table inside a cell, which no spreadsheet program writes.
    TableInCell,
    /// An .ods whose content.xml is not well-formed XML: the XML reader's words.
    ContentMalformed { detail: String },
}

impl Damage {
    fn words(&self, lang: Lang) -> String {
        use crate::labels::problem::damage as w;
        match self {
            Damage::Reader { detail } => w::reader(detail, lang),
            Damage::UnknownFormat => w::UNKNOWN_FORMAT.get(lang).into(),
            Damage::ChainsLoop => w::CHAINS_LOOP.get(lang).into(),
            Damage::TableBeyondFile => w::TABLE_BEYOND_FILE.get(lang).into(),
            Damage::SheetsShareRecords => w::SHEETS_SHARE_RECORDS.get(lang).into(),
            Damage::ContentTooLarge { limit } => w::content_too_large(*limit, lang),
            Damage::TableInCell => w::TABLE_IN_CELL.get(lang).into(),
            Damage::ContentMalformed { detail } => w::content_malformed(detail, lang),
        }
    }
}
