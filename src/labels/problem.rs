//! The words of every problem the tool reports, Vietnamese and English side by side.
//! Each function takes plain data (text, numbers, other words) and knows nothing of the
//! problem types: `diagnostics::Problem::message` picks the function and hands it the
//! problem's data, so a message is changed here and nowhere else.

use super::{Label, Lang, count, io_kind};

const MB: u64 = 1024 * 1024;

/// The cell first, when there is one: "Ô B7: …" / "Cell B7: …".
pub fn in_cell(cell: Option<&str>, body: String, lang: Lang) -> String {
    match (cell, lang) {
        (Some(c), Lang::Vi) => format!("Ô {c}: {body}"),
        (Some(c), Lang::En) => format!("Cell {c}: {body}"),
        (None, _) => body,
    }
}

/// Where a row was first reported: "kinh-te/thang-03.xlsx, trang 'T3', dòng 12".
pub fn row_place(file: &str, sheet: &str, row: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{file}, trang '{sheet}', dòng {row}"),
        Lang::En => format!("{file}, sheet '{sheet}', row {row}"),
    }
}

/// Names listed in a message (sub-committees, columns).
fn list(names: &[String]) -> String {
    names.join("; ")
}

// Problems that carry no data: one sentence each.
pub const LOCK_FILE: Label = Label::new(
    "tệp khóa tạm của Excel/LibreOffice, không phải báo cáo",
    "a temporary lock file of Excel/LibreOffice, not a report",
);
pub const HIDDEN_FILE: Label = Label::new("tệp ẩn", "hidden file");
pub const PLAN_FORM: Label = Label::new(
    "kế hoạch của trung tâm (mẫu kế hoạch hoặc tệp .toml): là kế hoạch của lần chạy này, \
     không phải báo cáo",
    "the centre's plan (its plan form or .toml file): the plan of this run, not a report",
);

pub const READ_BACK_EDITED: Label = Label::new(
    "bảng tổng hợp này đã được sửa tay sau khi công cụ ghi: số liệu lấy theo lần tổng hợp gốc \
     (dữ liệu công cụ lưu kèm), không theo các chỗ sửa; hãy chép các chỗ sửa vào báo cáo \
     nguồn của xã và tổng hợp lại",
    "this consolidated workbook was edited by hand after the tool wrote it: the figures are \
     those of the original consolidation (the data the tool stored in it), not the edits; \
     carry the edits into the commune's source reports and consolidate again",
);

pub const PLAN_FORM_NOT_USED: Label = Label::new(
    "mẫu kế hoạch, không phải báo cáo; lần chạy này dùng kế hoạch khác (--plan): nếu kế hoạch \
     đúng là tệp này, hãy chọn nó bằng --plan",
    "a plan form, not a report; this run uses another plan (--plan): if this file holds \
     the right plan, choose it with --plan",
);

pub const OWN_OUTPUT: Label = Label::new(
    "bảng tổng hợp do chính công cụ này tạo ra, không tính lại",
    "a summary workbook written by this tool; not counted again",
);
pub const PASSWORD_PROTECTED: Label = Label::new(
    "tệp có mật khẩu: hãy gỡ mật khẩu rồi chạy lại",
    "password-protected: remove the password and run again",
);
pub const EMPTY_FILE: Label = Label::new("tệp rỗng (0 byte)", "empty file (0 bytes)");
pub const READER_CRASHED: Label = Label::new(
    "tệp bị hỏng: trình đọc bảng tính gặp lỗi bên trong",
    "damaged file: the spreadsheet reader failed inside",
);
pub const READER_ABORTED: Label = Label::new(
    "tệp quá phức tạp hoặc hỏng: trình đọc dừng bất thường khi đọc tệp này",
    "file too complex or damaged: the reader stopped abnormally on this file",
);
pub const STILL_BEING_WRITTEN: Label = Label::new(
    "tệp đang được chép hoặc lưu dở (thay đổi trong lúc đọc): hãy chạy lại",
    "file still being written (it changed while being read): run again",
);
pub const HELD_OPEN: Label = Label::new(
    "tệp đang mở trong Excel (hoặc chương trình khác), hãy đóng lại rồi chạy lại",
    "the file is open in Excel (or another program): close it and run again",
);
pub const TOPIC_MISSING: Label = Label::new(
    "dòng có số liệu nhưng thiếu tên lớp/chuyên đề",
    "row has figures but no class name/topic",
);
pub const DATE_COLUMN_MISSING: Label = Label::new(
    "bảng không có cột Ngày mở lớp, không xác định được lớp mở khi nào",
    "the table has no opening-date column",
);
pub const DATE_MISSING: Label = Label::new("thiếu ngày mở lớp", "opening date missing");
pub const LEARNERS_MISSING: Label = Label::new("thiếu số học viên", "number of learners missing");
pub const PLANNED_PERIOD_MISSING: Label = Label::new(
    "thiếu tháng hoặc quý dự kiến mở lớp",
    "planned month or quarter missing",
);
pub const GENDER_PARTLY_BLANK: Label = Label::new(
    "chỉ ghi một trong hai cột Nam/Nữ, cột trống được coi là 0",
    "only one of the male/female columns is filled; the blank one counts as 0",
);
pub const LEARNERS_COLUMN_MISSING: Label = Label::new(
    "bảng không có cột số học viên: thêm cột 'Số học viên' (hoặc hai cột Nam, Nữ) và ghi số học viên của từng lớp",
    "the table has no learners column: add a 'Số học viên' column (or 'Nam' and 'Nữ') and give each class its learners",
);
pub const HIDDEN_FOLDER: Label = Label::new("thư mục ẩn, không đọc", "a hidden folder; not read");
pub const NO_CLASS_TABLE: Label = Label::new(
    "không tìm thấy bảng danh sách lớp (cần có dòng tiêu đề với cột Tên lớp/Tên chuyên đề và Số học viên)",
    "no class table found (needs a header row with a class/topic column and a learners column)",
);

// Files found in the folder.

pub fn not_spreadsheet(extension: &str, lang: Lang) -> String {
    match (extension.is_empty(), lang) {
        (true, Lang::Vi) => "không phải bảng tính (tệp không có phần mở rộng)".into(),
        (true, Lang::En) => "not a spreadsheet (file without extension)".into(),
        (false, Lang::Vi) => format!("không phải bảng tính (tệp .{extension})"),
        (false, Lang::En) => format!("not a spreadsheet (.{extension} file)"),
    }
}

pub fn beside_read_back(workbook: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "không đọc: thư mục xã không có kế hoạch nên chỉ đọc lại bảng tổng hợp '{workbook}'; \
             nếu báo cáo này có lớp chưa có trong bảng tổng hợp, hãy đặt mẫu kế hoạch \
             ke-hoach.xlsx của xã vào thư mục để đọc các báo cáo"
        ),
        Lang::En => format!(
            "not read: the commune folder has no plan, so only the consolidated workbook \
             '{workbook}' was read back; if this report holds classes the workbook lacks, put \
             the commune's plan form ke-hoach.xlsx in the folder to read the reports"
        ),
    }
}

pub fn duplicate_file(original: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("giống hệt tệp '{original}', chỉ tính một lần"),
        Lang::En => format!("identical to '{original}'; counted once"),
    }
}

/// What is wrong with a damaged file, for [`damaged_file`].
pub mod damage {
    use super::{Label, Lang, MB};

    /// A reader's own English words are a technical detail: said as such, not
    /// translated (they name what the reader met, for whoever repairs the file).
    pub fn reader(detail: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("chi tiết kỹ thuật: '{detail}'"),
            Lang::En => format!("technical detail: '{detail}'"),
        }
    }

    pub const UNKNOWN_FORMAT: Label = Label::new(
        "không trình đọc nào nhận ra định dạng của tệp",
        "no reader recognises its format",
    );
    pub const CHAINS_LOOP: Label = Label::new(
        "các chuỗi dữ liệu trong tệp .xls quay vòng, đọc sẽ không bao giờ dừng",
        "the .xls file's chains of sectors loop, so reading it would never end",
    );
    pub const TABLE_BEYOND_FILE: Label = Label::new(
        "bảng phân bổ của tệp .xls kê nhiều phần hơn tệp có",
        "the .xls file's allocation table lists more sectors than the file holds",
    );
    pub const SHEETS_SHARE_RECORDS: Label = Label::new(
        "nhiều trang tính cùng trỏ vào dữ liệu của một trang",
        "several sheets point at one sheet's records",
    );
    pub const TABLE_IN_CELL: Label = Label::new(
        "có một bảng nằm trong một ô, điều mà không chương trình bảng tính nào ghi ra",
        "a table inside a cell, which no spreadsheet program writes",
    );

    pub fn content_too_large(limit: u64, lang: Lang) -> String {
        let limit = limit / MB;
        match lang {
            Lang::Vi => format!("phần nội dung content.xml giải nén ra hơn {limit} MB"),
            Lang::En => format!("its content.xml unpacks to more than {limit} MB"),
        }
    }

    /// `detail` is the XML reader's own English words.
    pub fn content_malformed(detail: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "phần nội dung content.xml không đúng cấu trúc XML; chi tiết kỹ thuật: '{detail}'"
            ),
            Lang::En => {
                format!("its content.xml is not well-formed XML; technical detail: '{detail}'")
            }
        }
    }
}

/// `detail` is one of [`damage`]'s words.
pub fn damaged_file(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tệp bị hỏng hoặc không đọc được ({detail})"),
        Lang::En => format!("damaged or unreadable file ({detail})"),
    }
}

/// What a file with a spreadsheet name really is.
pub mod looks_like {
    use super::Label;

    pub const HTML: Label = Label::new("một trang HTML (web)", "a web page (HTML)");
    pub const XML: Label = Label::new("một tệp XML", "an XML file");
    pub const PDF: Label = Label::new("một tệp PDF", "a PDF file");
    pub const JSON: Label = Label::new(
        "dữ liệu JSON của một phần mềm web (không phải bảng tính)",
        "JSON data from a web application (not a spreadsheet)",
    );
    pub const CSV: Label = Label::new(
        "một tệp CSV (văn bản phân cách bằng dấu phẩy)",
        "a CSV file (comma-separated text)",
    );
    pub const TEXT: Label = Label::new("một tệp văn bản", "a text file");
}

/// `what` is one of [`looks_like`]'s words, or `None` for no known format at all.
pub fn not_really_spreadsheet(what: Option<Label>, lang: Lang) -> String {
    match (what, lang) {
        (None, Lang::Vi) => {
            "tệp mang đuôi bảng tính nhưng không phải định dạng bảng tính nào".into()
        }
        (None, Lang::En) => "has a spreadsheet name but is no spreadsheet format".into(),
        (Some(w), Lang::Vi) => format!("tệp mang đuôi bảng tính nhưng thực chất là {}", w.vi),
        (Some(w), Lang::En) => format!("has a spreadsheet name but is really {}", w.en),
    }
}

pub fn reader_out_of_memory(megabytes: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp quá phức tạp hoặc hỏng: vượt giới hạn bộ nhớ khi đọc ({megabytes} MB); nếu đúng là báo cáo, hãy lưu lại bằng Excel rồi gửi lại, hoặc chạy với --max-memory lớn hơn"
        ),
        Lang::En => format!(
            "file too complex or damaged: reading it passed the memory limit ({megabytes} MB); if it is a report, save it again in Excel and resend it, or run with a larger --max-memory"
        ),
    }
}

pub fn reader_timed_out(seconds: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp quá phức tạp hoặc hỏng: đọc quá {seconds} giây nên đã dừng; nếu đúng là báo cáo, hãy lưu lại bằng Excel rồi gửi lại, hoặc chạy với --max-seconds lớn hơn"
        ),
        Lang::En => format!(
            "file too complex or damaged: reading it took over {seconds} seconds and was stopped; if it is a report, save it again in Excel and resend it, or run with a larger --max-seconds"
        ),
    }
}

pub fn unreadable_file(kind: std::io::ErrorKind, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("không đọc được tệp: {}", io_kind(kind, lang)),
        Lang::En => format!("the file cannot be read: {}", io_kind(kind, lang)),
    }
}

pub fn file_too_large(bytes: u64, limit: u64, lang: Lang) -> String {
    let (size, limit) = (bytes / MB, limit / MB);
    match lang {
        Lang::Vi => format!(
            "tệp quá lớn ({size} MB, giới hạn {limit} MB); một báo cáo tháng thường dưới 1 MB"
        ),
        Lang::En => format!(
            "file too large ({size} MB, limit {limit} MB); a monthly report is usually under 1 MB"
        ),
    }
}

pub fn sheet_too_large(sheet: &str, limit: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "trang '{sheet}' có hơn {limit} ô có dữ liệu, quá lớn để là một báo cáo; tệp không được đọc"
        ),
        Lang::En => format!(
            "sheet '{sheet}' holds more than {limit} filled cells, too many for a report; file not read"
        ),
    }
}

pub fn too_many_cells(requested: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp khai báo {requested} ô, quá nhiều để là một báo cáo (tệp hỏng hoặc cố ý gây treo máy); không đọc"
        ),
        Lang::En => format!(
            "the file declares {requested} cells, far too many for a report (damaged or hostile); not read"
        ),
    }
}

pub fn text_too_large(limit: u64, lang: Lang) -> String {
    let limit = limit / MB;
    match lang {
        Lang::Vi => format!(
            "chữ trong các ô cộng lại hơn {limit} MB (một chuỗi dài dùng ở rất nhiều ô), quá lớn để là một báo cáo; không đọc"
        ),
        Lang::En => format!(
            "the cells' text adds up to more than {limit} MB (one long string used by very many cells), too large for a report; not read"
        ),
    }
}

pub fn web_page(tables: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp là một trang web (HTML) lưu với đuôi bảng tính; đã đọc {tables} bảng của trang như các trang tính"
        ),
        Lang::En => format!(
            "the file is a web page (HTML) saved under a spreadsheet name; its {tables} table(s) were read as sheets"
        ),
    }
}

/// `fault` is one of [`zip`]'s sentences.
pub fn damaged_container(fault: String, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tệp bị hỏng, không đọc: {fault}"),
        Lang::En => format!("damaged file, not read: {fault}"),
    }
}

/// What is wrong inside a zip container.
pub mod zip {
    use super::{Lang, MB};

    pub fn duplicate_entry(name: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "có hai phần cùng tên '{name}' (Excel và LibreOffice hiện phần đầu, các trình đọc khác phần sau): hãy mở bằng Excel rồi lưu lại"
            ),
            Lang::En => format!(
                "two parts are named '{name}' (Excel and LibreOffice show the first, other readers the last): open it in Excel and save it again"
            ),
        }
    }

    pub fn sheets_share_one_part(part: &str, sheets: u64, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{sheets} trang tính cùng trỏ vào một phần '{part}'"),
            Lang::En => format!("{sheets} sheets point at one part '{part}'"),
        }
    }

    pub fn part_too_large(part: &str, bytes: u64, limit: u64, lang: Lang) -> String {
        let (size, limit) = (bytes / MB, limit / MB);
        match lang {
            Lang::Vi => format!("phần '{part}' giải nén ra {size} MB, quá giới hạn {limit} MB"),
            Lang::En => format!("part '{part}' unpacks to {size} MB, past the limit of {limit} MB"),
        }
    }

    pub fn unpacks_too_large(bytes: u64, limit: u64, lang: Lang) -> String {
        let (size, limit) = (bytes / MB, limit / MB);
        match lang {
            Lang::Vi => format!("giải nén ra {size} MB, quá giới hạn {limit} MB cho một tệp"),
            Lang::En => format!("unpacks to {size} MB, past the limit of {limit} MB a file"),
        }
    }

    pub fn count_beyond_file(what: &str, declared: u64, bound: u64, lang: Lang) -> String {
        match lang {
            Lang::Vi => {
                format!("{what} khai báo {declared}, nhiều hơn tệp có thể chứa (tối đa {bound})")
            }
            Lang::En => {
                format!("{what} declares {declared}, more than the file can hold (at most {bound})")
            }
        }
    }

    pub fn part_too_compressed(
        part: &str,
        bytes: u64,
        packed: u64,
        limit: u64,
        lang: Lang,
    ) -> String {
        let size = bytes / MB;
        match lang {
            Lang::Vi => format!(
                "phần '{part}' giải nén ra {size} MB từ {packed} byte nén, gấp hơn {limit} lần (như một \"bom nén\")"
            ),
            Lang::En => format!(
                "part '{part}' unpacks to {size} MB from {packed} bytes packed, over {limit} times (a \"zip bomb\")"
            ),
        }
    }
}

// Workbooks that hold nothing to read, by what they look like.

/// The most table-like row of a workbook with no class table.
pub fn looks_other(headings: &[String], lang: Lang) -> String {
    let headings = headings.join(", ");
    match lang {
        Lang::Vi => format!(
            "không có bảng danh sách lớp; dòng giống tiêu đề bảng nhất: {headings} (cần có dòng tiêu đề với cột Tên lớp/Tên chuyên đề và Số học viên)"
        ),
        Lang::En => format!(
            "no class table; the most table-like row: {headings} (needs a header row with a class/topic column and a learners column)"
        ),
    }
}

pub const LOOKS_EMPTY: Label =
    Label::new("bảng tính trống, không có dữ liệu", "the workbook is empty");
pub const LOOKS_STATISTICS_FORM: Label = Label::new(
    "biểu thống kê, không phải báo cáo lớp",
    "a statistics form, not a class report",
);

pub fn looks_people_list(headings: &[String], lang: Lang) -> String {
    let headings = headings.join(", ");
    match lang {
        Lang::Vi => format!(
            "danh sách người ({headings}): hãy gửi báo cáo lớp, hoặc ghi lớp này thành một dòng với số học viên"
        ),
        Lang::En => format!(
            "a list of people ({headings}): send the class report, or enter this class as one row with its number of learners"
        ),
    }
}

pub fn looks_timetable(headings: &[String], lang: Lang) -> String {
    let headings = headings.join(", ");
    match lang {
        Lang::Vi => format!("lịch học / thời khóa biểu ({headings}), không phải báo cáo lớp"),
        Lang::En => format!("a timetable or schedule ({headings}), not a class report"),
    }
}

pub fn looks_blank_template(headings: &[String], lang: Lang) -> String {
    let headings = headings.join(", ");
    match lang {
        Lang::Vi => {
            format!("mẫu chưa điền: có dòng tiêu đề ({headings}) nhưng không có dòng nào được điền")
        }
        Lang::En => format!("a blank form: a header row ({headings}) with no row filled in"),
    }
}

// Sheets.

/// Sheet names named in one message, at most.
const SHEETS_NAMED: usize = 5;

/// "A, B, C, D, E … và 152 trang khác".
fn sheet_names(names: &[String], lang: Lang) -> String {
    let shown = names
        .iter()
        .take(SHEETS_NAMED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    match (names.len().saturating_sub(SHEETS_NAMED), lang) {
        (0, _) => shown,
        (more, Lang::Vi) => format!("{shown} … và {more} trang khác"),
        (more, Lang::En) => format!("{shown} … and {more} other sheets"),
    }
}

/// "bỏ qua các trang không có bảng danh sách lớp: A, B; các trang ẩn: C".
pub fn sheets_skipped(without_table: &[String], hidden: &[String], lang: Lang) -> String {
    let (skipped, no_table, hidden_words) = match lang {
        Lang::Vi => (
            "bỏ qua",
            "các trang không có bảng danh sách lớp",
            "các trang ẩn",
        ),
        Lang::En => ("skipped", "sheets without a class table", "hidden sheets"),
    };
    let mut parts = Vec::new();
    if !without_table.is_empty() {
        parts.push(format!("{no_table}: {}", sheet_names(without_table, lang)));
    }
    if !hidden.is_empty() {
        parts.push(format!("{hidden_words}: {}", sheet_names(hidden, lang)));
    }
    format!("{skipped} {}", parts.join("; "))
}

pub fn columns_ignored(names: &[String], lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("các cột không dùng đến: {}", list(names)),
        Lang::En => format!("columns not used: {}", list(names)),
    }
}

/// `font` is the legacy encoding's name ("TCVN3", "VNI").
pub fn legacy_converted(font: &str, cells: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("{cells} ô được gõ bằng phông chữ cũ {font} đã được chuyển sang Unicode")
        }
        Lang::En => {
            format!("{cells} cells typed with the legacy {font} font were converted to Unicode")
        }
    }
}

/// `field` is one of [`field`]'s words.
pub fn columns_compete(
    field: Label,
    (used, used_cell): (&str, &str),
    (other, other_cell): (&str, &str),
    lang: Lang,
) -> String {
    match lang {
        Lang::Vi => format!(
            "hai cột cùng có thể là {}: dùng cột '{used}' ({used_cell}), bỏ qua cột '{other}' ({other_cell}); hãy kiểm tra lại",
            field.vi
        ),
        Lang::En => format!(
            "two columns could be {}: '{used}' ({used_cell}) is used, '{other}' ({other_cell}) is left aside; please check",
            field.en
        ),
    }
}

/// What a column holds, for a message.
pub mod field {
    use super::Label;

    pub const STT: Label = Label::new("số thứ tự", "the row number");
    pub const SUBCOMMITTEE: Label = Label::new("tiểu ban", "the sub-committee");
    pub const TOPIC: Label = Label::new("tên lớp", "the class topic");
    pub const DATE: Label = Label::new("ngày mở lớp", "the opening date");
    pub const VILLAGE: Label = Label::new("địa điểm", "the place");
    pub const LEARNERS: Label = Label::new("số học viên", "the number of learners");
    pub const MALE: Label = Label::new("số học viên nam", "the male learners");
    pub const FEMALE: Label = Label::new("số học viên nữ", "the female learners");
    pub const CLASS_COUNT: Label = Label::new("số lớp", "the number of classes");
    pub const TEACHER: Label = Label::new("báo cáo viên", "the speaker");
    pub const NOTE: Label = Label::new("ghi chú", "the note");
    pub const PLANNED_PERIOD: Label =
        Label::new("thời gian dự kiến", "the planned month or quarter");
    pub const RESPONSIBLE: Label = Label::new("người phụ trách", "the person responsible");
    pub const PARTNER: Label = Label::new("đơn vị phối hợp", "the partner");
    pub const CRITERION_NO: Label = Label::new("số tiêu chí", "the criterion number");
    pub const INDICATOR: Label = Label::new("chỉ số", "the indicator");
    pub const VALUE: Label = Label::new("giá trị", "the value");
    pub const NUMERATOR: Label = Label::new("tử số", "the numerator");
    pub const DENOMINATOR: Label = Label::new("mẫu số", "the denominator");
    pub const FIGURE_SOURCE: Label = Label::new("nguồn số liệu", "the source of the figure");
    pub const EVIDENCE: Label = Label::new("hồ sơ minh chứng", "the evidence");
}

pub fn dates_month_first(example: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "cột ngày ghi tháng trước ngày (như '{example}'), không có ngày nào chỉ đọc được theo ngày/tháng: cả cột được đọc theo tháng/ngày/năm, hãy kiểm tra lại"
        ),
        Lang::En => format!(
            "the date column puts the month first (as in '{example}') and no date in it reads only day first: the whole column is read month/day/year, please check"
        ),
    }
}

// Sub-committees.

pub fn subcommittee_missing(known: &[String], lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "không xác định được tiểu ban (không có cột Tiểu ban, tiêu đề hay tên tệp nào chỉ ra); các tiểu ban trong kế hoạch: {}",
            list(known)
        ),
        Lang::En => format!(
            "sub-committee unknown (no column, title or file name names one); the plan's sub-committees: {}",
            list(known)
        ),
    }
}

pub fn subcommittee_unknown(raw: &str, known: &[String], lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tiểu ban '{raw}' không có trong kế hoạch; các tiểu ban trong kế hoạch: {}",
            list(known)
        ),
        Lang::En => format!(
            "sub-committee '{raw}' is not in the plan; the plan's sub-committees: {}",
            list(known)
        ),
    }
}

pub fn subcommittee_ambiguous(raw: &str, candidates: &[String], lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "'{raw}' có thể là nhiều tiểu ban ({}); hãy ghi rõ một tiểu ban",
            list(candidates)
        ),
        Lang::En => format!(
            "'{raw}' could be several sub-committees ({}); name one",
            list(candidates)
        ),
    }
}

// Dates.

pub fn date_unreadable(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "ngày mở lớp '{raw}' không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2019"
        ),
        Lang::En => {
            format!("opening date '{raw}' is unreadable; write it day/month/year, e.g. 15/03/2019")
        }
    }
}

pub fn date_impossible(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("ngày mở lớp '{raw}' không có thật trên lịch"),
        Lang::En => format!("opening date '{raw}' does not exist"),
    }
}

pub fn date_out_of_year(date: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("ngày mở lớp {date} không thuộc năm kế hoạch {year}"),
        Lang::En => format!("opening date {date} is outside the plan year {year}"),
    }
}

/// "tháng 3" / "March".
pub fn month(m: u32, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Vi => format!("tháng {m}"),
        Lang::En => (m as usize)
            .checked_sub(1)
            .and_then(|i| MONTHS.get(i))
            .unwrap_or(&"?")
            .to_string(),
    }
}

/// "quý II" / "Q2".
pub fn quarter(q: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý {}", super::roman(q)),
        Lang::En => format!("Q{q}"),
    }
}

/// `period` is [`month`] or [`quarter`] in the same language.
pub fn date_period_mismatch(date: &str, period: &str, name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "ngày mở lớp {date} không thuộc {period} ghi ở tên '{name}'; vẫn được tính theo ngày, hãy kiểm tra lại"
        ),
        Lang::En => format!(
            "opening date {date} is not in {period} named by '{name}'; counted by its date, please check"
        ),
    }
}

pub fn date_after_as_of(date: &str, as_of: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("lớp mở ngày {date}, sau ngày báo cáo {as_of}: chưa tính vào số liệu"),
        Lang::En => {
            format!("class opened on {date}, after the as-of date {as_of}: not counted yet")
        }
    }
}

pub fn date_ambiguous(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "ngày '{raw}' đọc được hai cách (ngày/tháng hoặc tháng/ngày) và cột này ghi lẫn cả hai kiểu: hãy ghi rõ, ví dụ 05/09/2019 là ngày 5 tháng 9"
        ),
        Lang::En => format!(
            "date '{raw}' reads two ways (day/month or month/day) and this column mixes both orders: write it unambiguously, e.g. 05/09/2019 for 5 September"
        ),
    }
}

// Registrations and criteria.

pub fn criterion_value_unreadable(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "giá trị '{raw}' không đọc được; ghi tỷ lệ phần trăm (ví dụ 48 hoặc 48%), tử số và mẫu số, hoặc có/không"
        ),
        Lang::En => format!(
            "value '{raw}' is unreadable; write a percentage (48 or 48%), a numerator and denominator, or yes/no"
        ),
    }
}

pub fn indicator_unknown(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("chỉ số '{name}' không có trong các tiêu chí của kế hoạch"),
        Lang::En => format!("indicator '{name}' is not among the plan's criteria"),
    }
}

pub fn planned_period_unreadable(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "thời gian dự kiến '{raw}' không đọc được; hãy ghi tháng (ví dụ 'Tháng 3') hoặc quý (ví dụ 'Quý II')"
        ),
        Lang::En => format!(
            "planned time '{raw}' is unreadable; write a month ('Tháng 3') or a quarter ('Quý II')"
        ),
    }
}

// Learners and classes.

/// Why a learners cell is not a count.
pub mod count_fault {
    use super::Label;

    pub const NOT_A_NUMBER: Label = Label::new("không phải là số", "is not a number");
    pub const NEGATIVE: Label = Label::new("là số âm", "is negative");
    pub const FRACTION: Label = Label::new("không phải số nguyên", "is not a whole number");
    pub const TOO_LARGE: Label = Label::new("lớn bất thường", "is implausibly large");
}

/// `fault` is one of [`count_fault`]'s words.
pub fn learners_invalid(raw: &str, fault: Label, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("số học viên '{raw}' {}", fault.vi),
        Lang::En => format!("number of learners '{raw}' {}", fault.en),
    }
}

pub fn learners_mismatch(total: u32, male: u32, female: u32, lang: Lang) -> String {
    let sum = u64::from(male) + u64::from(female);
    match lang {
        Lang::Vi => {
            format!("Nam ({male}) + Nữ ({female}) = {sum} khác Tổng số ({total}); lấy Tổng số")
        }
        Lang::En => format!(
            "male ({male}) + female ({female}) = {sum} differs from the total ({total}); the total is used"
        ),
    }
}

pub fn learners_above_population(learners: u32, population: u32, lang: Lang) -> String {
    let (learners, population) = (
        count(u64::from(learners), lang),
        count(u64::from(population), lang),
    );
    match lang {
        Lang::Vi => format!(
            "số học viên {learners} nhiều hơn số dân từ 15 tuổi trở lên của xã ({population}): hãy kiểm tra lại (dấu chấm ngăn hàng nghìn: '45.000' là bốn mươi lăm nghìn)"
        ),
        Lang::En => format!(
            "{learners} learners is more than the commune's population aged 15 and over ({population}): please check (a dot groups thousands: '45.000' is forty-five thousand)"
        ),
    }
}

pub fn learners_unusual(learners: u32, classes: u32, limit: u32, lang: Lang) -> String {
    let (learners, limit) = (
        count(u64::from(learners), lang),
        count(u64::from(limit), lang),
    );
    match (classes > 1, lang) {
        (true, Lang::Vi) => format!(
            "{learners} học viên cho {classes} lớp, hơn {limit} học viên một lớp: vẫn được tính, hãy kiểm tra lại"
        ),
        (true, Lang::En) => format!(
            "{learners} learners for {classes} classes, more than {limit} a class: counted, please check"
        ),
        (false, Lang::Vi) => format!(
            "{learners} học viên trong một lớp, hơn mức thường gặp ({limit}): vẫn được tính, hãy kiểm tra lại"
        ),
        (false, Lang::En) => {
            format!(
                "{learners} learners in one class, more than usual ({limit}): counted, please check"
            )
        }
    }
}

pub fn class_count_invalid(raw: &str, most: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "số lớp '{raw}' phải là số nguyên từ 1 đến {most}; để trống nếu dòng này là một lớp"
        ),
        Lang::En => format!(
            "number of classes '{raw}' must be a whole number from 1 to {most}; leave it blank when the row is one class"
        ),
    }
}

/// `first` is [`row_place`] in the same language.
pub fn duplicate_row(first: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("lớp này đã được báo cáo ở {first}; chỉ tính một lần"),
        Lang::En => format!("this class was already reported at {first}; counted once"),
    }
}

// Folder entries that are not files to read.

pub fn unreadable_folder(kind: std::io::ErrorKind, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "không mở được thư mục: {}; các tệp trong đó chưa được đọc",
            io_kind(kind, lang)
        ),
        Lang::En => format!(
            "the folder cannot be opened: {}; the files in it were not read",
            io_kind(kind, lang)
        ),
    }
}

pub fn dangling_link(target: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("liên kết tới '{target}', nơi không còn tồn tại"),
        Lang::En => format!("a link to '{target}', which no longer exists"),
    }
}

pub fn link_loop(target: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "liên kết vòng (tới '{target}', dẫn ngược về chính nó hoặc thư mục đang đọc); không đọc"
        ),
        Lang::En => format!(
            "a link loop (to '{target}', leading back to itself or to the folder being read); not read"
        ),
    }
}

pub fn linked_folder_seen(target: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "liên kết tới thư mục '{target}', đã đọc ở chỗ khác; không đọc lại để không tính hai lần"
        ),
        Lang::En => format!(
            "a link to the folder '{target}', read elsewhere; not read again, so nothing counts twice"
        ),
    }
}

/// A pipe, socket or device, in words.
pub mod special {
    use super::Label;

    pub const FIFO: Label = Label::new("một ống dẫn (FIFO)", "a named pipe (FIFO)");
    pub const SOCKET: Label = Label::new("một socket", "a socket");
    pub const DEVICE: Label = Label::new("một thiết bị", "a device");
    pub const OTHER: Label = Label::new("một mục đặc biệt", "a special entry");
}

/// `kind` is one of [`special`]'s words.
pub fn special_file(kind: Label, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{}, không phải tệp; không mở", kind.vi),
        Lang::En => format!("{}, not a file; not opened", kind.en),
    }
}

pub fn corrected_output_kept(output: &str, kept: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "bảng tổng hợp trước ('{output}') đã được sửa tay sau khi tạo: đã giữ lại thành '{kept}'; các chỗ sửa không có trong bảng này, hãy chép chúng vào báo cáo nguồn"
        ),
        Lang::En => format!(
            "the earlier workbook ('{output}') was edited by hand after it was written: kept as '{kept}'; its corrections are not in this workbook, carry them into the source reports"
        ),
    }
}
