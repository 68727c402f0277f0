//! The plan form (`ke-hoach.xlsx`): its sheets, headings and row labels. This is a
//! contract — other programs fill the form, and the reader finds its cells by these
//! words — so they are Vietnamese whatever the command's language, and change only with
//! a new version of the form. (The form's notes and instructions follow the language.)
//!
//! Layout every sheet shares: the headings in row 1, one item per row from row 2. The
//! reader finds each heading's column by its words (case, diacritics and spacing aside),
//! so a form whose columns were moved still reads.
//!
//! Below the contract, the words of a form refused, Vietnamese and English side by side.

use super::Lang;

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

/// A heading or item label as it reads inside a sentence: "Số học viên" → "số học viên".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Where on the form, then what: "Tiểu ban!E4: …", or "Tiểu ban: …" for a fault of the
/// whole sheet, or the bare words for one of the whole form.
pub fn at(sheet: Option<&str>, cell: Option<&str>, body: &str) -> String {
    match (sheet, cell) {
        (Some(s), Some(c)) => format!("{s}!{c}: {body}"),
        (Some(s), None) => format!("{s}: {body}"),
        _ => body.to_string(),
    }
}

pub fn sheet_missing(sheet: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu trang '{sheet}' của mẫu kế hoạch"),
        Lang::En => format!("the sheet '{sheet}' of the plan form is missing"),
    }
}

pub fn heading_missing(heading: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("không thấy cột '{heading}' ở dòng tiêu đề (dòng 1)"),
        Lang::En => format!("no column headed '{heading}' in the heading row (row 1)"),
    }
}

pub fn item_missing(item: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("chưa điền '{item}'"),
        Lang::En => format!("'{item}' is not filled in"),
    }
}

pub fn item_unknown(text: &str, lang: Lang) -> String {
    let list = Item::ALL
        .iter()
        .map(|i| format!("'{}'", i.label()))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Vi => format!("'{text}' không phải là mục của kế hoạch; các mục là {list}"),
        Lang::En => format!("'{text}' is not an item of the plan; the items are {list}"),
    }
}

pub fn item_twice(item: &str, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("mục '{item}' ghi hai lần (lần đầu ở {first})"),
        Lang::En => format!("the item '{item}' is given twice (first in {first})"),
    }
}

/// `what` is a heading or an item label, as the form writes it.
pub fn not_a_number(what: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} '{text}' không phải là số", lower_first(what)),
        Lang::En => format!("'{what}': '{text}' is not a number"),
    }
}

pub fn not_whole(what: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} '{text}' phải là số nguyên", lower_first(what)),
        Lang::En => format!("'{what}': '{text}' must be a whole number"),
    }
}

pub fn negative(what: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} '{text}' không được là số âm", lower_first(what)),
        Lang::En => format!("'{what}': '{text}' must not be negative"),
    }
}

pub fn too_large(what: &str, text: &str, most: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} '{text}' quá lớn: lớn nhất là {most}", lower_first(what)),
        Lang::En => format!("'{what}': '{text}' is too large: the most is {most}"),
    }
}

pub fn year_out_of_range(year: i64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("năm {year} không hợp lệ: phải từ 2000 đến 2100"),
        Lang::En => format!("the year {year} is not valid: it must be 2000 to 2100"),
    }
}

pub fn deadline_out_of_range(day: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("hạn nộp báo cáo {day} phải là một ngày từ 1 đến 28"),
        Lang::En => format!("the report deadline {day} must be a day from 1 to 28"),
    }
}

pub fn no_population(lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            "dân số từ 15 tuổi trở lên phải lớn hơn 0 (tỷ lệ người học chia cho nó)".to_string()
        }
        Lang::En => {
            "the population aged 15 and over must be more than 0 (participation is divided by it)"
                .to_string()
        }
    }
}

pub fn participation_out_of_range(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tỷ lệ người học '{text}' phải từ 0 % đến 100 %"),
        Lang::En => format!("the participation rate '{text}' must be 0 % to 100 %"),
    }
}

pub fn no_class_limit(lang: Lang) -> String {
    match lang {
        Lang::Vi => "số học viên tối đa một lớp phải lớn hơn 0".to_string(),
        Lang::En => "the most learners in one class must be more than 0".to_string(),
    }
}

pub fn no_subcommittee(lang: Lang) -> String {
    match lang {
        Lang::Vi => "chưa có tiểu ban nào: mỗi tiểu ban một dòng, từ dòng 2".to_string(),
        Lang::En => "no sub-committee: one a row, from row 2".to_string(),
    }
}

pub fn too_many_subcommittees(count: usize, most: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("có {count} tiểu ban: nhiều nhất là {most}"),
        Lang::En => format!("{count} sub-committees: the most is {most}"),
    }
}

pub fn subcommittee_unnamed(lang: Lang) -> String {
    match lang {
        Lang::Vi => "tiểu ban ở dòng này chưa có tên".to_string(),
        Lang::En => "the sub-committee on this row has no name".to_string(),
    }
}

pub fn code_twice(code: &str, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("mã '{code}' đã dùng cho tiểu ban ở {first}: mỗi tiểu ban một mã"),
        Lang::En => format!(
            "the code '{code}' is already taken by the sub-committee in {first}: one code each"
        ),
    }
}

/// `name` as written; `folded` what it matches as; `other` the sub-committee holding it.
pub fn name_shared(name: &str, other: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tên '{name}' trùng (không kể dấu, hoa thường) với một tên của tiểu ban '{other}': mỗi tên chỉ thuộc một tiểu ban"
        ),
        Lang::En => format!(
            "the name '{name}' matches (diacritics and case aside) a name of the sub-committee '{other}': each name belongs to one sub-committee"
        ),
    }
}

pub fn quarter_unknown(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý '{text}' phải là 1, 2, 3 hoặc 4"),
        Lang::En => format!("the quarter '{text}' must be 1, 2, 3 or 4"),
    }
}

pub fn quarter_twice(quarter: u8, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý {quarter} ghi hai lần (lần đầu ở {first})"),
        Lang::En => format!("quarter {quarter} is given twice (first in {first})"),
    }
}

pub fn quarter_missing(quarter: u8, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu chỉ tiêu quý {quarter}"),
        Lang::En => format!("the targets of quarter {quarter} are missing"),
    }
}

pub fn indicator_without_criterion(lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "chỉ số này chưa thuộc tiêu chí nào: ghi tiêu chí ở cột '{}' của dòng đầu",
            criterion::CRITERION
        ),
        Lang::En => format!(
            "this indicator belongs to no criterion: name the criterion in the '{}' column of its first row",
            criterion::CRITERION
        ),
    }
}

pub fn criterion_without_indicator(lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tiêu chí chưa có chỉ số: điền '{}' và '{}' trên dòng của nó",
            criterion::INDICATOR,
            criterion::COMPARISON
        ),
        Lang::En => format!(
            "the criterion has no indicator: fill in '{}' and '{}' on its row",
            criterion::INDICATOR,
            criterion::COMPARISON
        ),
    }
}

pub fn comparison_unknown(text: &str, lang: Lang) -> String {
    let list = criterion::COMPARISONS
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Vi => format!("so sánh '{text}' phải là một trong: {list}"),
        Lang::En => format!("the comparison '{text}' must be one of: {list}"),
    }
}

pub fn threshold_missing(op: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "so sánh '{op}' cần một ngưỡng ở cột '{}'",
            criterion::THRESHOLD
        ),
        Lang::En => format!(
            "the comparison '{op}' needs a threshold in the '{}' column",
            criterion::THRESHOLD
        ),
    }
}

pub fn threshold_with_yes_no(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "chỉ số '{}' không có ngưỡng: xóa '{text}' hoặc chọn một so sánh khác",
            criterion::YES_NO
        ),
        Lang::En => format!(
            "a '{}' indicator has no threshold: clear '{text}' or choose another comparison",
            criterion::YES_NO
        ),
    }
}

/// The words of the form a person reads and the reader does not: the notes on the
/// headings, the hints and refusals of the input cells, the totals beside the tables
/// and the instruction sheet. These follow the command's language.
pub mod words {
    use crate::labels::Label;

    // Notes on the heading cells, one a column.
    pub const NOTE_ITEM: Label = Label::new(
        "Các mục của kế hoạch. Cột này được khóa: chỉ ghi vào cột Giá trị.",
        "The items of the plan. This column is locked: write in the Giá trị (value) column.",
    );
    pub const NOTE_VALUE: Label = Label::new(
        "Giá trị của từng mục. Tỷ lệ ghi dạng phần trăm, ví dụ 78,3%. Số thôn, hạn nộp và \
         số học viên tối đa có thể để trống.",
        "The value of each item. The rate as a percentage, e.g. 78.3%. The village count, \
         the deadline and the class size limit may be left blank.",
    );
    pub const NOTE_CODE: Label = Label::new(
        "Mã ngắn của tiểu ban, viết không dấu, ví dụ kinh-te. Để trống thì chương trình tự \
         tạo mã từ tên.",
        "A short code for the sub-committee, e.g. kinh-te. Left blank, the program makes \
         one from the name.",
    );
    pub const NOTE_NAME: Label = Label::new(
        "Tên đầy đủ của tiểu ban như trong kế hoạch. Mỗi dòng một tiểu ban.",
        "The sub-committee's full name as the plan writes it. One sub-committee a row.",
    );
    pub const NOTE_OTHER_NAMES: Label = Label::new(
        "Các tên khác mà báo cáo có thể dùng, cách nhau bằng dấu chấm phẩy, ví dụ: Kinh tế; \
         PTKT",
        "Other names the reports may use, separated by semicolons, e.g. Kinh tế; PTKT",
    );
    pub const NOTE_CLASSES: Label = Label::new(
        "Chỉ tiêu số lớp cả năm, ghi số nguyên.",
        "The year's target of classes, a whole number.",
    );
    pub const NOTE_LEARNERS: Label = Label::new(
        "Chỉ tiêu số lượt học viên cả năm, ghi số nguyên.",
        "The year's target of learners (attendances), a whole number.",
    );
    pub const NOTE_QUARTER: Label = Label::new(
        "Quý 1 đến quý 4. Cột này được khóa.",
        "Quarters 1 to 4. This column is locked.",
    );
    pub const NOTE_QUARTER_CLASSES: Label = Label::new(
        "Số lớp phải mở trong quý, ghi số nguyên.",
        "Classes to open in the quarter, a whole number.",
    );
    pub const NOTE_QUARTER_LEARNERS: Label = Label::new(
        "Số lượt học viên trong quý, ghi số nguyên.",
        "Learners (attendances) in the quarter, a whole number.",
    );
    pub const NOTE_CRITERION: Label = Label::new(
        "Dòng đầu của mỗi tiêu chí ghi số và tên, ví dụ: 5. Kết quả phổ cập giáo dục, xóa mù \
         chữ. Các chỉ số tiếp theo của tiêu chí đó để trống ô này.",
        "A criterion's first row: its number and name, e.g. 5. Kết quả phổ cập giáo dục. Its \
         further indicators leave this cell blank.",
    );
    pub const NOTE_INDICATOR: Label = Label::new(
        "Tên chỉ số, mỗi dòng một chỉ số.",
        "The indicator's name, one indicator a row.",
    );
    pub const NOTE_COMPARISON: Label = Label::new(
        "Chọn ≥ > ≤ < = để so với ngưỡng, hoặc Có/Không cho chỉ số chỉ xét đạt hay không \
         (khi đó để trống ngưỡng).",
        "Pick ≥ > ≤ < = to compare with the threshold, or Có/Không (yes/no) for a fact that \
         holds or not (then leave the threshold blank).",
    );
    pub const NOTE_THRESHOLD: Label = Label::new(
        "Ngưỡng theo phần trăm: ghi 47 cho 47 %. Để trống khi So sánh là Có/Không.",
        "The threshold in percent: 47 for 47 %. Blank when So sánh is Có/Không.",
    );
    pub const NOTE_VILLAGE: Label = Label::new(
        "Mỗi dòng một thôn; tên thôn dùng cho danh sách chọn trong các biểu mẫu. Có thể để \
         trống.",
        "One village a row; the names make the drop-down lists of the forms. May be left \
         empty.",
    );

    // Hints shown when an item of Kế hoạch is selected.
    pub const HINT_UNIT: Label = Label::new(
        "Tên xã, phường hoặc thị trấn, ví dụ: Xã Hồng Thái Tây",
        "The commune, ward or town, e.g. Xã Hồng Thái Tây",
    );
    pub const HINT_CENTRE: Label = Label::new(
        "Tên đầy đủ của trung tâm, dùng trong tiêu đề báo cáo",
        "The centre's full name, used in report titles",
    );
    pub const HINT_YEAR: Label = Label::new("Năm kế hoạch, ví dụ 2019", "The plan year, e.g. 2019");
    pub const HINT_POPULATION: Label = Label::new(
        "Số người từ 15 tuổi trở lên, số nguyên",
        "People aged 15 and over, a whole number",
    );
    pub const HINT_PARTICIPATION: Label = Label::new(
        "Tỷ lệ kế hoạch, ghi dạng phần trăm, ví dụ 78,3%",
        "The planned rate as a percentage, e.g. 78.3%",
    );
    pub const HINT_VILLAGE_COUNT: Label = Label::new(
        "Số thôn của xã; có thể để trống",
        "How many villages; may be left blank",
    );
    pub const HINT_DEADLINE: Label = Label::new(
        "Báo cáo tháng nộp trước ngày này của tháng sau, từ 1 đến 28; để trống là ngày 5",
        "Monthly reports are due by this day of the next month, 1 to 28; blank means the 5th",
    );
    pub const HINT_MAX_LEARNERS: Label = Label::new(
        "Lớp đông hơn số này bị cảnh báo; để trống là 300",
        "A class with more learners is flagged; blank means 300",
    );

    // Refusals of the input cells.
    pub const ERROR_TITLE: Label = Label::new("Giá trị không hợp lệ", "Value not allowed");
    pub const ERROR_COUNT: Label = Label::new(
        "Ghi số nguyên, không âm.",
        "Write a whole number, not negative.",
    );
    pub const ERROR_POPULATION: Label = Label::new(
        "Dân số phải là số nguyên lớn hơn 0.",
        "The population must be a whole number above 0.",
    );
    pub const ERROR_YEAR: Label = Label::new(
        "Năm phải là số nguyên từ 2000 đến 2100.",
        "The year must be a whole number from 2000 to 2100.",
    );
    pub const ERROR_PARTICIPATION: Label = Label::new(
        "Tỷ lệ phải từ 0% đến 100%.",
        "The rate must be between 0% and 100%.",
    );
    pub const ERROR_DEADLINE: Label = Label::new(
        "Hạn nộp là một ngày từ 1 đến 28.",
        "The deadline is a day from 1 to 28.",
    );
    pub const ERROR_MAX_LEARNERS: Label = Label::new(
        "Ghi số nguyên từ 1 trở lên.",
        "Write a whole number of at least 1.",
    );
    pub const ERROR_THRESHOLD: Label = Label::new(
        "Ngưỡng là số phần trăm từ 0 đến 100, ví dụ 47.",
        "The threshold is a percentage from 0 to 100, e.g. 47.",
    );
    pub const ERROR_COMPARISON: Label = Label::new(
        "Chọn trong danh sách: ≥ > ≤ < = hoặc Có/Không.",
        "Pick from the list: ≥ > ≤ < = or Có/Không.",
    );

    // The totals beside the tables.
    pub const BY_SUBCOMMITTEE: Label = Label::new("Cộng theo tiểu ban", "Total by sub-committee");
    pub const BY_QUARTER: Label = Label::new("Cộng theo quý", "Total by quarter");
    pub const DIFFERENCE: Label = Label::new(
        "Chênh lệch (tiểu ban − quý)",
        "Difference (sub-committees − quarters)",
    );
    /// Number formats: "54 lớp", "4.350 học viên".
    pub const CLASSES_FORMAT: Label = Label::new("#,##0\" lớp\"", "#,##0\" classes\"");
    pub const LEARNERS_FORMAT: Label = Label::new("#,##0\" học viên\"", "#,##0\" learners\"");
    pub const PLANNED_LEARNERS: Label = Label::new(
        "Học viên theo kế hoạch (cộng các tiểu ban)",
        "Planned learners (sum of the sub-committees)",
    );
    pub const COMPUTED_RATE: Label = Label::new(
        "Tỷ lệ tính được (học viên / dân số)",
        "Computed rate (learners / population)",
    );
    pub const VILLAGES_LISTED: Label = Label::new("Số thôn đã ghi", "Villages listed");
    pub const VILLAGES_PLANNED: Label =
        Label::new("Số thôn (trang Kế hoạch)", "Village count (Kế hoạch sheet)");

    /// The instruction sheet: its title, then its lines; "{file}" is [`super::FILE_NAME`].
    pub const HELP_TITLE: Label = Label::new(
        "HƯỚNG DẪN ĐIỀN KẾ HOẠCH NĂM",
        "HOW TO FILL IN THE YEARLY PLAN",
    );
    pub const HELP: [Label; 8] = [
        Label::new(
            "1. Điền lần lượt các trang Kế hoạch, Tiểu ban, Theo quý, Tiêu chí, Thôn. Chỉ gõ \
             vào các ô có viền; dòng tiêu đề được khóa. Di chuột lên ô tiêu đề để xem ghi chú.",
            "1. Fill in the sheets Kế hoạch, Tiểu ban, Theo quý, Tiêu chí and Thôn in turn. \
             Type only into the bordered cells; the heading rows are locked. Hover over a \
             heading to read its note.",
        ),
        Label::new(
            "2. Kế hoạch: ghi giá trị từng mục ở cột Giá trị; tỷ lệ ghi dạng phần trăm (78,3%). \
             Số thôn, hạn nộp và số học viên tối đa có thể để trống.",
            "2. Kế hoạch: the value of each item in the Giá trị column; the rate as a \
             percentage (78.3%). The village count, deadline and class size limit may be blank.",
        ),
        Label::new(
            "3. Tiểu ban: mỗi dòng một tiểu ban. Các tên gọi khác cách nhau bằng dấu chấm phẩy \
             (;). Để trống Mã thì chương trình tự tạo mã từ tên.",
            "3. Tiểu ban: one sub-committee a row. Separate the other names with semicolons \
             (;). A blank Mã (code) is made from the name.",
        ),
        Label::new(
            "4. Theo quý: số lớp và số học viên của từng quý. Các ô cộng bên cạnh bảng cho biết \
             tổng theo tiểu ban và tổng theo quý có khớp nhau không.",
            "4. Theo quý: the classes and learners of each quarter. The totals beside the \
             tables show whether the sub-committees and the quarters add up to the same.",
        ),
        Label::new(
            "5. Tiêu chí: dòng đầu của tiêu chí ghi số và tên (5. Kết quả phổ cập giáo dục, xóa \
             mù chữ); các chỉ số sau của tiêu chí đó để trống cột Tiêu chí. Ngưỡng ghi theo \
             phần trăm (47 cho 47 %); chỉ số Có/Không thì để trống ngưỡng.",
            "5. Tiêu chí: a criterion's first row has its number and name (5. Kết quả phổ cập \
             giáo dục, xóa mù chữ); its further indicators leave Tiêu chí blank. Thresholds in \
             percent (47 for 47 %); a Có/Không (yes/no) indicator has no threshold.",
        ),
        Label::new(
            "6. Thôn: mỗi dòng một tên thôn (có thể để trống).",
            "6. Thôn: one village name a row (may be left empty).",
        ),
        Label::new(
            "7. Muốn bỏ một dòng thì xóa nội dung các ô của dòng đó; muốn thêm dòng thì chèn \
             dòng giữa bảng.",
            "7. To drop a row, clear its cells; to add one, insert a row inside the table.",
        ),
        Label::new(
            "8. Lưu tệp với tên {file} trong thư mục báo cáo (cùng các tệp của tiểu ban), rồi \
             chạy tthtcd với thư mục đó: chương trình dùng kế hoạch trong tệp này.",
            "8. Save the file as {file} in the reports folder (beside the sub-committees' \
             files), then run tthtcd on that folder: it uses the plan in this file.",
        ),
    ];
}
