//! The plan form (`ke-hoach.xlsx`): its sheets, headings and row labels. This is a
//! contract — other programs fill the form, and the reader finds its cells by these
//! words — so they are Vietnamese whatever the command's language, and change only with
//! a new version of the form. (The form's notes and instructions follow the language.)
//!
//! Layout every sheet shares: the headings in row 1, one item per row from row 2. The
//! reader finds each heading's column by its words (case, diacritics and spacing aside),
//! so a form whose columns were moved still reads.

/// The name `tthtcd template` gives the form, and the one a run looks for in its folder
/// (any file whose name, folded, starts with `ke hoach`).
pub const FILE_NAME: &str = "ke-hoach.xlsx";

/// The folded start of a plan form's file name (see `text::fold`).
pub const FILE_STEM_FOLDED: &str = "ke hoach";

/// Sheet names.
pub mod sheet {
    pub const PLAN: &str = "Kế hoạch";
    pub const SUBCOMMITTEES: &str = "Tiểu ban";
    pub const QUARTERS: &str = "Theo quý";
    pub const CRITERIA: &str = "Tiêu chí";
    pub const VILLAGES: &str = "Thôn";
    /// The instructions; not read back.
    pub const INSTRUCTIONS: &str = "Hướng dẫn";
}

/// Kế hoạch: two columns.
pub const ITEM: &str = "Mục";
pub const VALUE: &str = "Giá trị";

/// The rows of Kế hoạch, in the form's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Unit,
    Centre,
    Year,
    Population,
    Participation,
    VillageCount,
    Deadline,
    MaxLearners,
}

impl Item {
    pub const ALL: [Item; 8] = [
        Item::Unit,
        Item::Centre,
        Item::Year,
        Item::Population,
        Item::Participation,
        Item::VillageCount,
        Item::Deadline,
        Item::MaxLearners,
    ];

    /// The words in the Mục column.
    pub fn label(self) -> &'static str {
        match self {
            Item::Unit => "Đơn vị",
            Item::Centre => "Trung tâm",
            Item::Year => "Năm",
            Item::Population => "Dân số từ 15 tuổi trở lên",
            Item::Participation => "Tỷ lệ người học / dân số từ 15 tuổi (kế hoạch)",
            Item::VillageCount => "Số thôn",
            Item::Deadline => "Hạn nộp báo cáo (ngày của tháng sau)",
            Item::MaxLearners => "Số học viên tối đa một lớp",
        }
    }

    /// Whether the form may leave the value blank (the plan then takes its default:
    /// no village count, the 5th, 300 learners).
    pub fn optional(self) -> bool {
        matches!(
            self,
            Item::VillageCount | Item::Deadline | Item::MaxLearners
        )
    }
}

/// Tiểu ban: one row per sub-committee.
pub mod subcommittee {
    pub const CODE: &str = "Mã";
    pub const NAME: &str = "Tên tiểu ban";
    pub const OTHER_NAMES: &str = "Tên gọi khác";
    pub const CLASSES: &str = "Số lớp";
    pub const LEARNERS: &str = "Số học viên";
    pub const HEADINGS: [&str; 5] = [CODE, NAME, OTHER_NAMES, CLASSES, LEARNERS];
}

/// Theo quý: one row per quarter, 1 to 4.
pub mod quarter {
    pub const QUARTER: &str = "Quý";
    pub const CLASSES: &str = "Số lớp";
    pub const LEARNERS: &str = "Số học viên";
    pub const HEADINGS: [&str; 3] = [QUARTER, CLASSES, LEARNERS];
}

/// Tiêu chí: a criterion's row names it ("5. Huy động trẻ …" — the number first), its
/// further indicators follow on rows with Tiêu chí left blank.
pub mod criterion {
    pub const CRITERION: &str = "Tiêu chí";
    pub const INDICATOR: &str = "Chỉ số";
    pub const COMPARISON: &str = "So sánh";
    pub const THRESHOLD: &str = "Ngưỡng (%)";
    pub const HEADINGS: [&str; 4] = [CRITERION, INDICATOR, COMPARISON, THRESHOLD];
    /// So sánh for a fact that holds or not (no threshold).
    pub const YES_NO: &str = "Có/Không";
    /// The So sánh drop-down, in this order.
    pub const COMPARISONS: [&str; 6] = ["≥", ">", "≤", "<", "=", YES_NO];
}

/// Thôn: one village a row.
pub mod village {
    pub const NAME: &str = "Tên thôn";
    pub const HEADINGS: [&str; 1] = [NAME];
}

/// Between a sub-committee's other names in one cell.
pub const NAME_SEPARATOR: char = ';';

/// At most this many sub-committees (the form has room for them, validated).
pub const MAX_SUBCOMMITTEES: usize = 20;

/// At most this many villages and criteria rows the form validates.
pub const MAX_VILLAGES: usize = 60;
pub const MAX_CRITERIA_ROWS: usize = 80;
