//! Entries of the input folder, before any file is read: what is skipped, refused
//! or not entered (`input::discover`), and the notes about whole files (the same file
//! twice, the tool's own output).

use crate::labels::{Label, Lang};

/// An entry of the folder that is not read, or a note about a whole file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FoundProblem {
    NotSpreadsheet {
        extension: String,
    },
    LockFile,
    HiddenFile,
    OwnOutput,
    DuplicateFile {
        original: String,
    },
    /// A folder whose name starts with a dot (".git"): not entered.
    HiddenFolder,
    /// A folder that cannot be opened: the files in it are not read.
    UnreadableFolder {
        #[serde(with = "super::io_kind")]
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
    /// The plan form (ke-hoach.xlsx) or TOML file in the folder the run took its plan
    /// from: not a report.
    PlanForm,
    /// A plan form the run did not take its plan from (--plan named another).
    PlanFormNotUsed,
    /// The commune's consolidated workbook, read back in place of its reports, was
    /// changed after the tool wrote it: its figures are those the tool stored, not the
    /// edits.
    ReadBackEdited,
    /// A workbook beside the consolidated workbook (`workbook`) a commune folder
    /// without a plan was read back from: not read, since no plan says what its
    /// classes count against.
    BesideReadBack {
        workbook: String,
    },
}

impl FoundProblem {
    /// Short, stable code for scripts; never translated.
    pub fn code(&self) -> &'static str {
        use FoundProblem::*;
        match self {
            NotSpreadsheet { .. } => "not-spreadsheet",
            LockFile => "lock-file",
            HiddenFile => "hidden-file",
            OwnOutput => "own-output",
            DuplicateFile { .. } => "duplicate-file",
            HiddenFolder => "hidden-folder",
            UnreadableFolder { .. } => "unreadable-folder",
            DanglingLink { .. } => "dangling-link",
            LinkLoop { .. } => "link-loop",
            LinkedFolderSeen { .. } => "linked-folder-seen",
            SpecialFile { .. } => "special-file",
            CorrectedOutputKept { .. } => "corrected-output-kept",
            PlanForm => "plan-form",
            PlanFormNotUsed => "plan-form-not-used",
            ReadBackEdited => "read-back-edited",
            BesideReadBack { .. } => "beside-read-back",
        }
    }

    pub fn severity(&self) -> super::Severity {
        use super::Severity;
        use FoundProblem::*;
        match self {
            NotSpreadsheet { .. }
            | LockFile
            | HiddenFile
            | OwnOutput
            | DuplicateFile { .. }
            | HiddenFolder
            | LinkedFolderSeen { .. }
            | SpecialFile { .. }
            | PlanForm => Severity::Info,
            // Its plan may be the one meant: a person should look.
            PlanFormNotUsed => Severity::Warning,
            UnreadableFolder { .. } | DanglingLink { .. } | LinkLoop { .. } => Severity::Error,
            // Its classes are not counted; those of the workbook read back may be
            // the same.
            CorrectedOutputKept { .. } | ReadBackEdited | BesideReadBack { .. } => {
                Severity::Warning
            }
        }
    }

    /// The sentence a secretary reads (without the cell): the words live in
    /// `labels::problem`; this hands each message its data.
    pub fn message(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        use FoundProblem::*;
        match self {
            NotSpreadsheet { extension } => w::not_spreadsheet(extension, lang),
            LockFile => w::LOCK_FILE.get(lang).into(),
            HiddenFile => w::HIDDEN_FILE.get(lang).into(),
            OwnOutput => w::OWN_OUTPUT.get(lang).into(),
            DuplicateFile { original } => w::duplicate_file(original, lang),
            HiddenFolder => w::HIDDEN_FOLDER.get(lang).into(),
            UnreadableFolder { kind } => w::unreadable_folder(*kind, lang),
            DanglingLink { target } => w::dangling_link(target, lang),
            LinkLoop { target } => w::link_loop(target, lang),
            LinkedFolderSeen { target } => w::linked_folder_seen(target, lang),
            SpecialFile { kind } => w::special_file(kind.words(), lang),
            CorrectedOutputKept { output, kept } => w::corrected_output_kept(output, kept, lang),
            PlanForm => w::PLAN_FORM.get(lang).into(),
            PlanFormNotUsed => w::PLAN_FORM_NOT_USED.get(lang).into(),
            ReadBackEdited => w::READ_BACK_EDITED.get(lang).into(),
            BesideReadBack { workbook } => w::beside_read_back(workbook, lang),
        }
    }
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
