//! The words of a plan file refused, Vietnamese and English side by side. Each function
//! takes plain data (numbers, names and text quoted from the plan file) and knows
//! nothing of the error types: `plan::PlanError::message` picks the function and hands
//! it the error's data. The Vietnamese sentences are the ones the secretary has always
//! read; change one only on purpose.

use super::{Label, Lang};

/// Where in the file, then what: "dòng 12: mục learners: …" / "line 12: learners: …".
/// Either place may be unknown (a check on the whole plan has neither).
pub fn at(line: Option<usize>, key: Option<&str>, body: &str, lang: Lang) -> String {
    let line = match (line, lang) {
        (Some(l), Lang::Vi) => format!("dòng {l}: "),
        (Some(l), Lang::En) => format!("line {l}: "),
        (None, _) => String::new(),
    };
    let key = match (key, lang) {
        (Some(k), Lang::Vi) => format!("mục {k}: "),
        (Some(k), Lang::En) => format!("{k}: "),
        (None, _) => String::new(),
    };
    format!("{line}{key}{body}")
}

/// A TOML mistake with its place and the line as written:
/// "dòng 8, cột 24: thiếu dấu ngoặc kép đóng chuỗi: 'unit = \"Xã Hồng'".
pub fn syntax_at(line: usize, column: usize, excerpt: &str, body: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("dòng {line}, cột {column}: {body}: '{excerpt}'"),
        Lang::En => format!("line {line}, column {column}: {body}: '{excerpt}'"),
    }
}

// Keys and values that do not fit the template.

pub fn missing_key(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu mục `{key}`"),
        Lang::En => format!("the key `{key}` is missing"),
    }
}

/// A key the template does not have, with the keys it has at that place.
pub fn unknown_key(key: &str, allowed: &[String], lang: Lang) -> String {
    let list = allowed
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, allowed.is_empty()) {
        (Lang::Vi, true) => format!("mục không có trong mẫu kế hoạch: `{key}`"),
        (Lang::Vi, false) => {
            format!("mục không có trong mẫu kế hoạch: `{key}`, các mục dùng được ở đây: {list}")
        }
        (Lang::En, true) => format!("`{key}` is not a key of the plan template"),
        (Lang::En, false) => {
            format!("`{key}` is not a key of the plan template; the keys here are {list}")
        }
    }
}

/// `value` as the file writes it ("47%" with its quotes, 1979-05-27).
pub fn not_a_number(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("giá trị {value} phải là một số (không kèm đơn vị hay dấu %)"),
        Lang::En => format!("the value {value} must be a number (no unit or % sign)"),
    }
}

pub fn not_text(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("giá trị {value} phải là chữ đặt trong dấu ngoặc kép \"…\""),
        Lang::En => format!("the value {value} must be text in quote marks \"…\""),
    }
}

pub fn not_a_list(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("giá trị {value} phải là một danh sách trong ngoặc vuông [\"…\", \"…\"]")
        }
        Lang::En => format!("the value {value} must be a list in square brackets [\"…\", \"…\"]"),
    }
}

/// `[subcommittee]` written for a table that repeats.
pub fn table_not_repeated(table: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("bảng [{table}] lặp lại được nên phải viết hai cặp ngoặc: [[{table}]]"),
        Lang::En => {
            format!("the table [{table}] repeats, so it takes double brackets: [[{table}]]")
        }
    }
}

pub fn negative(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("giá trị {value} không hợp lệ: chỉ tiêu phải là số nguyên không âm"),
        Lang::En => {
            format!("the value {value} is not valid: a target is a whole number, not negative")
        }
    }
}

/// A whole number past what the key holds; `most` when the key's limit is known.
pub fn too_large(value: &str, most: Option<u64>, lang: Lang) -> String {
    match (lang, most) {
        (Lang::Vi, Some(m)) => format!("giá trị {value} quá lớn: lớn nhất là {m}"),
        (Lang::Vi, None) => format!("giá trị {value} quá lớn"),
        (Lang::En, Some(m)) => format!("the value {value} is too large: the most is {m}"),
        (Lang::En, None) => format!("the value {value} is too large"),
    }
}

/// A value of another kind than the template wants; `detail` is the toml crate's own
/// English, shown in English only.
pub fn unexpected_value(value: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("giá trị {value} không đúng loại mà mẫu kế hoạch cần ở chỗ này"),
        Lang::En => {
            format!("the value {value} is not what the plan template wants here ({detail})")
        }
    }
}

// The plan's own figures.

pub fn year_out_of_range(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("năm kế hoạch (year) {year} không hợp lệ: phải từ 2000 đến 2100"),
        Lang::En => format!("the plan year (year) {year} is not valid: it must be 2000 to 2100"),
    }
}

pub fn deadline_out_of_range(day: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("hạn nộp báo cáo (report_deadline_day) {day} phải từ 1 đến 28"),
        Lang::En => format!("the report deadline (report_deadline_day) {day} must be 1 to 28"),
    }
}

pub fn no_population(lang: Lang) -> String {
    match lang {
        Lang::Vi => "dân số từ 15 tuổi trở lên (population_15_plus) là 0, nhưng tỷ lệ tham gia (participation_target) được tính trên dân số này: phải lớn hơn 0".into(),
        Lang::En => "the population aged 15 and over (population_15_plus) is 0, but the participation rate (participation_target) is worked out on it: it must be above 0".into(),
    }
}

pub fn participation_out_of_range(target: f64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tỷ lệ tham gia (participation_target) {target} phải nằm trong khoảng 0 đến 1 (ví dụ 0.783 cho 78,3 %)"
        ),
        Lang::En => format!(
            "the participation rate (participation_target) {target} must be between 0 and 1 (e.g. 0.783 for 78.3 %)"
        ),
    }
}

pub fn no_class_limit(lang: Lang) -> String {
    match lang {
        Lang::Vi => "số học viên tối đa một lớp (max_learners_per_class) phải lớn hơn 0".into(),
        Lang::En => {
            "the most learners in one class (max_learners_per_class) must be above 0".into()
        }
    }
}

// Sub-committees and quarters.

pub fn no_subcommittee(lang: Lang) -> String {
    match lang {
        Lang::Vi => "kế hoạch chưa có tiểu ban nào ([[subcommittee]])".into(),
        Lang::En => "the plan has no sub-committee ([[subcommittee]])".into(),
    }
}

pub fn too_many_subcommittees(count: usize, most: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "kế hoạch có {count} tiểu ban ([[subcommittee]]), nhiều nhất là {most} (số dòng của mẫu kế hoạch)"
        ),
        Lang::En => format!(
            "the plan has {count} sub-committees ([[subcommittee]]); the most is {most} (the rows of the plan form)"
        ),
    }
}

pub fn subcommittee_unnamed(lang: Lang) -> String {
    match lang {
        Lang::Vi => "mỗi tiểu ban phải có id và name".into(),
        Lang::En => "every sub-committee needs an id and a name".into(),
    }
}

pub fn subcommittee_twice(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tiểu ban '{id}' bị khai báo hai lần"),
        Lang::En => format!("the sub-committee '{id}' is declared twice"),
    }
}

/// Two sub-committees answer to one name (folded: "ptkt").
pub fn alias_shared(alias: &str, first: &str, second: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tên gọi '{alias}' dùng cho cả hai tiểu ban '{first}' và '{second}'"),
        Lang::En => {
            format!("the name '{alias}' is used for two sub-committees, '{first}' and '{second}'")
        }
    }
}

pub fn quarter_out_of_range(quarter: u8, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý {quarter} không hợp lệ: chỉ có quý 1 đến 4"),
        Lang::En => format!("quarter {quarter} is not valid: there are quarters 1 to 4 only"),
    }
}

pub fn quarter_twice(quarter: u8, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý {quarter} bị khai báo hai lần"),
        Lang::En => format!("quarter {quarter} is declared twice"),
    }
}

pub fn quarter_missing(quarter: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu chỉ tiêu quý {quarter} ([[quarter]] quarter = {quarter})"),
        Lang::En => {
            format!(
                "the targets of quarter {quarter} are missing ([[quarter]] quarter = {quarter})"
            )
        }
    }
}

// Criteria and their indicators.

pub fn criterion_without_indicator(criterion: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tiêu chí {criterion}: chưa có chỉ số nào (indicator)"),
        Lang::En => format!("criterion {criterion}: it has no indicator yet (indicator)"),
    }
}

pub fn yes_no_with_figure(criterion: u32, indicator: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tiêu chí {criterion}: chỉ số '{indicator}' là có/không, không có op hay threshold"
        ),
        Lang::En => format!(
            "criterion {criterion}: indicator '{indicator}' is yes/no, so it takes no op or threshold"
        ),
    }
}

pub fn unknown_comparison(criterion: u32, indicator: &str, op: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tiêu chí {criterion}: chỉ số '{indicator}': phép so sánh '{op}' không hợp lệ (>=, >, <=, <, =)"
        ),
        Lang::En => format!(
            "criterion {criterion}: indicator '{indicator}': the comparison '{op}' is not valid (>=, >, <=, <, =)"
        ),
    }
}

pub fn percent_without_figure(criterion: u32, indicator: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tiêu chí {criterion}: chỉ số '{indicator}' cần op (>=, >, <=, <, =) và threshold là một số"
        ),
        Lang::En => format!(
            "criterion {criterion}: indicator '{indicator}' needs an op (>=, >, <=, <, =) and a threshold that is a number"
        ),
    }
}

pub fn unknown_kind(criterion: u32, indicator: &str, kind: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tiêu chí {criterion}: chỉ số '{indicator}': kind '{kind}' không hợp lệ (percent, yes-no)"
        ),
        Lang::En => format!(
            "criterion {criterion}: indicator '{indicator}': the kind '{kind}' is not valid (percent, yes-no)"
        ),
    }
}

// Mistakes of TOML itself, named in words rather than in the toml crate's English.

/// Text opened with `quote` (", ', """ or ''') and never closed.
pub fn unclosed_text(quote: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("chữ mở bằng dấu {quote} nhưng thiếu dấu {quote} đóng"),
        Lang::En => format!("the text opens with {quote} but has no closing {quote}"),
    }
}

pub fn bad_text(lang: Lang) -> String {
    match lang {
        Lang::Vi => "chuỗi chữ có ký tự không được phép (ký tự điều khiển)".into(),
        Lang::En => "the text holds a character TOML does not allow (a control character)".into(),
    }
}

pub fn bad_escape(lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            "dấu \\ trong chuỗi chữ phải đi cùng một mã hợp lệ (muốn ghi chính dấu \\ thì viết \\\\)"
                .into()
        }
        Lang::En => "a \\ in text must start a valid escape (write \\\\ for a \\ itself)".into(),
    }
}

pub fn unquoted_text(lang: Lang) -> String {
    match lang {
        Lang::Vi => "chữ chưa đặt trong dấu ngoặc kép: chữ viết trong \"…\", còn số viết không kèm đơn vị hay dấu %".into(),
        Lang::En => "text without quote marks: write text in \"…\", and a number without a unit or % sign".into(),
    }
}

/// `close` is the bracket missing: "]", "]]" or "}".
pub fn unclosed_bracket(close: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu dấu đóng ngoặc {close}"),
        Lang::En => format!("the closing {close} is missing"),
    }
}

/// `open` is what is missing: "[", "{" or a quote mark.
pub fn missing_opening(open: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu dấu mở {open}"),
        Lang::En => format!("the opening {open} is missing"),
    }
}

pub fn missing_comma(lang: Lang) -> String {
    match lang {
        Lang::Vi => "thiếu dấu phẩy giữa hai phần tử (hoặc thiếu dấu ] đóng danh sách)".into(),
        Lang::En => "a comma is missing between two items (or the ] closing the list)".into(),
    }
}

pub fn extra_comma(lang: Lang) -> String {
    match lang {
        Lang::Vi => "thừa một dấu phẩy".into(),
        Lang::En => "one comma too many".into(),
    }
}

pub fn duplicate_key(lang: Lang) -> String {
    match lang {
        Lang::Vi => "tên này đã được ghi ở trên: mỗi mục chỉ ghi một lần, bảng lặp lại thì viết [[…]]".into(),
        Lang::En => "this name is already set above: a key is set once, a table that repeats is written [[…]]".into(),
    }
}

pub fn no_equals(lang: Lang) -> String {
    match lang {
        Lang::Vi => "sau tên mục thiếu dấu = và giá trị".into(),
        Lang::En => "the key has no = and value after it".into(),
    }
}

pub fn no_value(lang: Lang) -> String {
    match lang {
        Lang::Vi => "sau dấu = chưa có giá trị".into(),
        Lang::En => "there is no value after the =".into(),
    }
}

pub fn no_key_name(lang: Lang) -> String {
    match lang {
        Lang::Vi => "thiếu tên mục trước dấu =".into(),
        Lang::En => "the key name is missing before the =".into(),
    }
}

pub fn bad_key_name(lang: Lang) -> String {
    match lang {
        Lang::Vi => "tên mục chỉ dùng chữ cái không dấu, chữ số, - và _".into(),
        Lang::En => "a key name takes only unaccented letters, digits, - and _".into(),
    }
}

pub fn trailing_text(lang: Lang) -> String {
    match lang {
        Lang::Vi => "sau giá trị còn thừa chữ trên cùng dòng (mỗi dòng một mục; số thập phân viết bằng dấu chấm, ví dụ 0.783)".into(),
        Lang::En => "something follows the value on its line (one key a line; decimals take a point, e.g. 0.783)".into(),
    }
}

pub fn bad_number(lang: Lang) -> String {
    match lang {
        Lang::Vi => "số viết sai: số chỉ gồm chữ số, phần thập phân sau dấu chấm, không kèm đơn vị hay dấu %".into(),
        Lang::En => "the number is not written right: digits only, a point before the decimals, no unit or % sign".into(),
    }
}

pub fn bad_date(lang: Lang) -> String {
    match lang {
        Lang::Vi => "ngày viết sai: viết năm-tháng-ngày, ví dụ 2019-06-30".into(),
        Lang::En => "the date is not written right: write year-month-day, e.g. 2019-06-30".into(),
    }
}

/// A mistake without a name of its own; `detail` is the toml crate's English, shown in
/// English only.
pub fn not_toml(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => "tệp kế hoạch viết sai cú pháp TOML ở chỗ này".into(),
        Lang::En => format!("this is not valid TOML ({detail})"),
    }
}

// The comments of a plan file written by `plan export`: one heading each part, as the
// seed plan has. A comment is one line of the file, so nothing here holds a newline.

/// The file's first line: "Kế hoạch năm 2019 — Xã Hồng Thái Tây".
pub fn export_heading(year: i32, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Kế hoạch năm {year} — {unit}."),
        Lang::En => format!("The plan for {year} — {unit}."),
    }
}

pub const EXPORT_ORIGIN: Label = Label::new(
    "Ghi bởi tthtcd plan export; dùng lại bằng --plan TỆP, sửa thì giữ nguyên tên các mục.",
    "Written by tthtcd plan export; use it with --plan FILE, and keep the keys' names when editing.",
);
pub const EXPORT_POPULATION: Label =
    Label::new("Dân số từ 15 tuổi trở lên.", "Population aged 15 and over.");
pub const EXPORT_PARTICIPATION: Label = Label::new(
    "Tỷ lệ người học / dân số từ 15 tuổi trở lên (0.783 là 78,3 %).",
    "Planned learners / population aged 15 and over (0.783 for 78.3 %).",
);
pub const EXPORT_VILLAGES: Label = Label::new("Các thôn.", "The villages.");
pub const EXPORT_VILLAGE_COUNT: Label = Label::new("Số thôn.", "How many villages.");
pub const EXPORT_DEADLINE: Label = Label::new(
    "Hạn nộp báo cáo tháng: ngày này của tháng sau.",
    "Monthly reports are due by this day of the following month.",
);
pub const EXPORT_MAX_LEARNERS: Label = Label::new(
    "Lớp có nhiều học viên hơn số này vẫn được tính, kèm cảnh báo.",
    "A class with more learners than this is counted with a warning.",
);
pub const EXPORT_SUBCOMMITTEES: Label = Label::new(
    "Các tiểu ban, theo thứ tự của kế hoạch; aliases là các tên gọi khác của tiểu ban.",
    "The sub-committees, in the plan's order; aliases are a sub-committee's other names.",
);
pub const EXPORT_QUARTERS: Label = Label::new("Chỉ tiêu theo quý.", "The targets by quarter.");
pub const EXPORT_CRITERIA: Label = Label::new(
    "Các tiêu chí; mỗi chỉ số là tỷ lệ phần trăm (percent, có op và threshold) hoặc có/không (yes-no).",
    "The criteria; each indicator is a percentage (percent, with op and threshold) or a yes/no fact (yes-no).",
);
