//! The words of the command line itself: what `tthtcd --help` says about each command
//! and each argument, the headings of the help, and the sentences for the arguments
//! clap refuses. clap writes these in English only; the binary's `commands::help`
//! puts these in their place, by clap id, before the arguments are parsed.
//!
//! The doc comments on the argument structs stay as the developers' description;
//! this table is what the secretaries read.

use super::{Label, Lang};

/// The program's description at the top of `tthtcd --help`.
pub const ABOUT: Label = Label::new(
    "Tổng hợp báo cáo hằng tháng các lớp của Trung tâm học tập cộng đồng xã và đối chiếu \
     với kế hoạch năm.",
    "Consolidates the monthly class reports of a commune Community Learning Centre and \
     checks them against the yearly plan.",
);

/// After the commands in `tthtcd --help`: what starting the program with none does.
pub const NO_COMMAND: Label = Label::new(
    "Chạy tthtcd không kèm lệnh nào (trên Windows: nháy đúp vào tthtcd.exe) thì công cụ \
     tổng hợp các báo cáo trong thư mục chứa nó, hoặc trong thư mục con \"Báo cáo\" nếu có, \
     và ghi tong-hop.xlsx cạnh nó.",
    "Started with no command (on Windows: a double-click on tthtcd.exe), the program \
     consolidates the reports in the folder it is in, or in its \"Bao cao\" sub-folder (any \
     case, with or without marks) if there is one, and writes tong-hop.xlsx beside itself.",
);

/// Each command's description, by its names below `tthtcd` ("plan check"). `help` is
/// clap's own command, wherever it appears.
pub const COMMANDS: &[(&str, Label)] = &[
    (
        "consolidate",
        Label::new(
            "Đọc mọi bảng tính trong THƯ_MỤC và ghi ra một bảng tính tổng hợp.",
            "Read every workbook in FOLDER and write one consolidated workbook.",
        ),
    ),
    (
        "check",
        Label::new(
            "Đọc và kiểm tra THƯ_MỤC mà không ghi bảng tính; mã thoát cho biết tình hình.",
            "Read and check FOLDER without writing a workbook; the exit code tells the state.",
        ),
    ),
    (
        "appendix",
        Label::new(
            "Lập phụ lục kế hoạch (kế hoạch chi tiết các lớp) từ các phiếu đăng ký trong \
             THƯ_MỤC.",
            "Write the plan's appendix (detailed class plan) from the registration forms in \
             FOLDER.",
        ),
    ),
    (
        "watch",
        Label::new(
            "Tổng hợp THƯ_MỤC, rồi tổng hợp lại mỗi khi có tệp trong đó thay đổi (Ctrl-C để \
             dừng).",
            "Consolidate FOLDER, then again each time a file in it changes (Ctrl-C to stop).",
        ),
    ),
    (
        "criteria",
        Label::new(
            "Đánh giá các tiêu chí từ các phiếu tiêu chí trong THƯ_MỤC (mã thoát 1 nếu còn \
             tiêu chí chưa đạt).",
            "Review the criteria from the criteria forms in FOLDER (exit code 1 unless all \
             are met).",
        ),
    ),
    (
        "plan",
        Label::new(
            "Các việc với kế hoạch năm: 'plan check' kiểm tra xem kế hoạch có khớp không, \
             'plan template' ghi kế hoạch ra bảng tính để điền, 'plan export' ghi kế hoạch \
             ra tệp kế hoạch (TOML).",
            "The plan itself: 'plan check' tells whether it adds up, 'plan template' writes it \
             as a workbook to fill in, 'plan export' as a plan file (TOML).",
        ),
    ),
    (
        "district",
        Label::new(
            "Tổng hợp cấp huyện: mỗi thư mục xã trong THƯ_MỤC được tổng hợp riêng, theo kế \
             hoạch của xã đó, rồi so sánh các xã với nhau.",
            "The district office's roll-up: each commune folder of FOLDER consolidated on its \
             own, against its own plan, and the communes compared.",
        ),
    ),
    (
        "plan new",
        Label::new(
            "Lập kế hoạch năm sau từ kế hoạch năm nay: giữ các tiểu ban, tên gọi khác và các \
             thôn; giữ chỉ tiêu, hoặc nâng lên bằng số đã đạt nếu có --results. Ghi ra bảng \
             tính kế hoạch để thư ký chỉnh.",
            "Next year's plan from this year's: the same sub-committees, other names and \
             villages; each target kept, or raised to what was achieved with --results. \
             Written as the plan form for the secretary to adjust.",
        ),
    ),
    (
        "plan template",
        Label::new(
            "Ghi kế hoạch ra bảng tính để thư ký điền (ke-hoach.xlsx), đã điền sẵn kế hoạch \
             hiện có.",
            "Write the plan as a workbook for the secretary to fill in (ke-hoach.xlsx), \
             filled with the current plan.",
        ),
    ),
    (
        "plan check",
        Label::new(
            "Kiểm tra kế hoạch có khớp không: các tiểu ban so với các quý, tỷ lệ người học, \
             các ngưỡng. Mã thoát 1 nếu có điểm chưa khớp.",
            "Check that the plan adds up: sub-committees against quarters, participation, \
             thresholds. Exit code 1 on any finding.",
        ),
    ),
    (
        "plan export",
        Label::new(
            "Ghi kế hoạch trong TỆP ra một tệp kế hoạch (TOML) theo mẫu plan-2019.toml, để \
             dùng với --plan, lưu lại hoặc sửa.",
            "Write the plan in FILE as a plan file (TOML) shaped like plan-2019.toml, to use \
             with --plan, keep or edit.",
        ),
    ),
    (
        "template",
        Label::new(
            "Tạo các biểu mẫu trống để điền (báo cáo tháng, phiếu đăng ký) cho từng tiểu \
             ban, phiếu tiêu chí và bảng kế hoạch (ke-hoach.xlsx).",
            "Write blank forms to fill in (monthly report, registration) for every \
             sub-committee, the criteria form and the plan form (ke-hoach.xlsx).",
        ),
    ),
    (
        "help",
        Label::new(
            "In hướng dẫn này, hoặc hướng dẫn của lệnh được nêu.",
            "Print this message or the help of the given command.",
        ),
    ),
];

/// Each argument's help, by clap id; "command id" (command names as in [`COMMANDS`])
/// where one id means different things in different commands. The default value and
/// the values allowed are added by the code, from the arguments themselves.
pub const ARGS: &[(&str, Label)] = &[
    (
        "folder",
        Label::new(
            "Thư mục chứa các bảng tính của tiểu ban (.xlsx .xlsm .xlsb .xls .ods), đọc cả \
             thư mục con.",
            "Folder of sub-committee workbooks (.xlsx .xlsm .xlsb .xls .ods), read \
             recursively.",
        ),
    ),
    (
        "plan",
        Label::new(
            "Kế hoạch dùng thay cho kế hoạch năm 2019 của xã Hồng Thái Tây có sẵn trong \
             chương trình: mẫu kế hoạch (ke-hoach.xlsx) hoặc tệp TOML. Không ghi thì dùng \
             mẫu kế hoạch có trong thư mục, nếu có.",
            "Plan to use instead of the 2019 plan of Hồng Thái Tây built into the program: a \
             plan form (ke-hoach.xlsx) or a TOML file. Without it, the plan form in the \
             folder is used, if there is one.",
        ),
    ),
    (
        "as_of",
        Label::new(
            "Đánh giá số liệu tính đến ngày này, viết theo dạng năm-tháng-ngày, ví dụ \
             2019-06-30 là ngày 30 tháng 6 năm 2019; mặc định là ngày cuối cùng của năm kế \
             hoạch.",
            "Judge the figures as of this date, written year-month-day, e.g. 2019-06-30; by \
             default the last day of the plan year.",
        ),
    ),
    (
        "json",
        Label::new(
            "Ghi thêm bản tóm tắt dạng JSON vào TỆP (\"-\" để ghi ra đầu ra chuẩn).",
            "Also write the summary as JSON to FILE (\"-\" for standard output).",
        ),
    ),
    (
        "lang",
        Label::new(
            "Ngôn ngữ của bảng tính, các thông báo JSON và màn hình: vi (tiếng Việt) hoặc en \
             (tiếng Anh).",
            "Language of the workbook, the JSON messages and the terminal: vi (Vietnamese) \
             or en (English).",
        ),
    ),
    (
        "max_memory",
        Label::new(
            "Bộ nhớ (MB) mà các tiến trình đọc bảng tính được dùng chung, ít nhất 32; bảng \
             tính cần nhiều hơn sẽ được ghi là lỗi.",
            "Memory (MB) the processes that read the workbooks may use together, at least \
             32; a workbook that needs more is listed as failed.",
        ),
    ),
    (
        "max_seconds",
        Label::new(
            "Số giây tối đa để đọc một bảng tính, ít nhất 1; bảng tính đọc lâu hơn sẽ được \
             ghi là lỗi.",
            "Seconds one workbook may take to read, at least 1; one that takes longer is \
             listed as failed.",
        ),
    ),
    (
        "consolidate output",
        Label::new(
            "Tệp bảng tính tổng hợp sẽ ghi ra.",
            "The consolidated workbook to write.",
        ),
    ),
    (
        "appendix output",
        Label::new(
            "Tệp bảng tính phụ lục sẽ ghi ra.",
            "The appendix workbook to write.",
        ),
    ),
    (
        "watch output",
        Label::new(
            "Tệp bảng tính tổng hợp được cập nhật sau mỗi thay đổi.",
            "The consolidated workbook to keep up to date.",
        ),
    ),
    (
        "template output",
        Label::new(
            "Thư mục để ghi các biểu mẫu (chưa có thì tạo mới).",
            "Folder to write the forms into (created if missing).",
        ),
    ),
    (
        "template force",
        Label::new(
            "Ghi đè các biểu mẫu đã có trong THƯ_MỤC (có thể đã được điền nên mặc định không \
             ghi đè).",
            "Replace forms already in DIR (they may have been filled in, so not by default).",
        ),
    ),
    (
        "template lang",
        Label::new(
            "Ngôn ngữ của biểu mẫu: vi (tiếng Việt) hoặc en (tiếng Anh).",
            "Language of the forms: vi (Vietnamese) or en (English).",
        ),
    ),
    (
        "plan check file",
        Label::new(
            "Kế hoạch cần kiểm tra: mẫu kế hoạch (ke-hoach.xlsx) hoặc tệp TOML; không ghi thì \
             kiểm tra kế hoạch có sẵn.",
            "The plan to check: a plan form (ke-hoach.xlsx) or a TOML file; without it, the \
             built-in plan.",
        ),
    ),
    (
        "plan template output",
        Label::new(
            "Tệp bảng tính kế hoạch sẽ ghi ra.",
            "The plan workbook to write.",
        ),
    ),
    (
        "plan template year",
        Label::new(
            "Năm của bảng kế hoạch thay cho năm của kế hoạch hiện có, ví dụ 2024.",
            "The form's year instead of the current plan's, e.g. 2024.",
        ),
    ),
    (
        "plan template force",
        Label::new(
            "Ghi đè tệp nếu đã có (có thể đã được điền nên mặc định không ghi đè).",
            "Replace the file if it exists (it may have been filled in, so not by default).",
        ),
    ),
    (
        "district output",
        Label::new(
            "Tệp bảng tổng hợp cấp huyện sẽ ghi ra.",
            "The district workbook to write.",
        ),
    ),
    (
        "district name",
        Label::new(
            "Tên huyện, cho tiêu đề \"UBND HUYỆN …\"; không ghi thì để dòng chấm để điền tay.",
            "The district's name, for the heading \"UBND HUYỆN …\"; without it, a dotted line to \
             fill in.",
        ),
    ),
    (
        "district folder",
        Label::new(
            "Thư mục chứa các thư mục xã; mỗi thư mục xã có kế hoạch (ke-hoach.xlsx hoặc tệp \
             .toml) và các báo cáo của xã.",
            "Folder of commune folders; each holds its plan (ke-hoach.xlsx or a .toml file) \
             and its reports.",
        ),
    ),
    (
        "plan new year",
        Label::new(
            "Năm của kế hoạch mới, ví dụ 2020.",
            "The new plan's year, e.g. 2020.",
        ),
    ),
    (
        "plan new from",
        Label::new(
            "Kế hoạch năm nay (mẫu kế hoạch hoặc tệp TOML); không ghi thì dùng kế hoạch có sẵn.",
            "This year's plan (a plan form or a TOML file); without it, the built-in plan.",
        ),
    ),
    (
        "plan new results",
        Label::new(
            "Thư mục báo cáo của năm nay: chỉ tiêu nào thấp hơn số đã đạt thì nâng lên bằng số \
             đã đạt.",
            "This year's reports folder: a target below what was achieved is raised to it.",
        ),
    ),
    (
        "plan new output",
        Label::new(
            "Tệp bảng tính kế hoạch sẽ ghi ra; mặc định ke-hoach-NĂM.xlsx.",
            "The plan workbook to write; by default ke-hoach-YYYY.xlsx.",
        ),
    ),
    (
        "plan new force",
        Label::new(
            "Ghi đè tệp nếu đã có (có thể đã được điền nên mặc định không ghi đè).",
            "Replace the file if it exists (it may have been filled in, so not by default).",
        ),
    ),
    (
        "plan template lang",
        Label::new(
            "Ngôn ngữ của ghi chú và hướng dẫn trong bảng tính: vi (tiếng Việt) hoặc en \
             (tiếng Anh); tên trang và tiêu đề cột luôn bằng tiếng Việt.",
            "Language of the workbook's notes and instructions: vi (Vietnamese) or en \
             (English); sheet names and headings are always Vietnamese.",
        ),
    ),
    (
        "plan check lang",
        Label::new(
            "Ngôn ngữ của kết quả kiểm tra: vi (tiếng Việt) hoặc en (tiếng Anh).",
            "Language of the findings: vi (Vietnamese) or en (English).",
        ),
    ),
    (
        "plan export file",
        Label::new(
            "Tệp kế hoạch cần đọc (mọi dạng mà --plan đọc được).",
            "The plan to read (any form --plan reads).",
        ),
    ),
    (
        "plan export output",
        Label::new(
            "Tệp kế hoạch (TOML) sẽ ghi ra.",
            "The plan file (TOML) to write.",
        ),
    ),
    (
        "plan export force",
        Label::new(
            "Ghi đè TỆP.toml nếu đã có (có thể là kế hoạch đã sửa nên mặc định không ghi đè).",
            "Replace OUT.toml if it exists (it may be an edited plan, so not by default).",
        ),
    ),
    (
        "plan export lang",
        Label::new(
            "Ngôn ngữ của thông báo và của các dòng chú thích trong tệp: vi (tiếng Việt) hoặc \
             en (tiếng Anh).",
            "Language of the messages and of the file's comments: vi (Vietnamese) or en \
             (English).",
        ),
    ),
    // clap's own flags.
    ("help", Label::new("In hướng dẫn", "Print help")),
    ("version", Label::new("In số phiên bản", "Print version")),
];

/// The placeholders of the values (`--plan <FILE>`), by the name in the code.
pub const VALUE_NAMES: &[(&str, Label)] = &[
    ("FOLDER", Label::new("THƯ_MỤC", "FOLDER")),
    ("DIR", Label::new("THƯ_MỤC", "DIR")),
    ("FILE", Label::new("TỆP", "FILE")),
    ("OUT.xlsx", Label::new("TỆP.xlsx", "OUT.xlsx")),
    ("OUT.toml", Label::new("TỆP.toml", "OUT.toml")),
    ("YYYY-MM-DD", Label::new("NĂM-THÁNG-NGÀY", "YYYY-MM-DD")),
    ("YYYY", Label::new("NĂM", "YYYY")),
    ("LANG", Label::new("NGÔN_NGỮ", "LANG")),
    ("NAME", Label::new("TÊN", "NAME")),
    ("MB", Label::new("MB", "MB")),
    ("SECONDS", Label::new("GIÂY", "SECONDS")),
];

/// The words in a label table under `key`.
pub fn lookup(table: &[(&str, Label)], key: &str) -> Option<Label> {
    table.iter().find(|(k, _)| *k == key).map(|(_, l)| *l)
}

// The headings of the help ("Cách dùng: …", then "Lệnh:", "Tham số:", "Tùy chọn:").
pub const USAGE: Label = Label::new("Cách dùng", "Usage");
pub const COMMANDS_HEADING: Label = Label::new("Lệnh", "Commands");
pub const ARGUMENTS_HEADING: Label = Label::new("Tham số", "Arguments");
pub const OPTIONS_HEADING: Label = Label::new("Tùy chọn", "Options");
/// The placeholders clap writes in a usage line.
pub const COMMAND_PLACEHOLDER: Label = Label::new("LỆNH", "COMMAND");
pub const OPTIONS_PLACEHOLDER: Label = Label::new("[TÙY_CHỌN]", "[OPTIONS]");
/// After an argument's help: "[mặc định: tong-hop.xlsx]".
pub const DEFAULT: Label = Label::new("mặc định", "default");
/// After `-h`'s help when `--help` says more, and the other way round.
pub const SEE_MORE: Label = Label::new("xem đầy đủ với '--help'", "see more with '--help'");
pub const SEE_SUMMARY: Label = Label::new("xem bản tóm tắt với '-h'", "see a summary with '-h'");

/// The last line of an argument error: where to read more.
pub fn see_help(command: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Xem thêm: {command} --help"),
        Lang::En => format!("For more, try '{command} --help'."),
    }
}

/// An option the command does not have (`--bogus`).
pub fn unknown_option(arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("lệnh này không có tùy chọn '{arg}'"),
        Lang::En => format!("this command has no option '{arg}'"),
    }
}

/// A word left over once every argument has its value (`check Bao cao`).
pub fn unexpected_value(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thừa tham số '{value}'"),
        Lang::En => format!("unexpected argument '{value}'"),
    }
}

/// The usual cause of a left-over word: a folder name with a space, not in quotes.
pub const SPACES_TIP: Label = Label::new(
    "gợi ý: nếu tên thư mục có dấu cách, hãy đặt cả tên trong ngoặc kép, ví dụ \"Bao cao\"",
    "tip: if a folder name has spaces, put the whole name in double quotes, e.g. \"My reports\"",
);

/// `--lang` before the command, or after one that has none (`tthtcd --lang en`).
pub const LANG_AFTER_COMMAND: Label = Label::new(
    "gợi ý: '--lang' đặt sau tên lệnh, ví dụ: tthtcd check THƯ_MỤC --lang en",
    "tip: '--lang' goes after the command, e.g. tthtcd check FOLDER --lang en",
);

/// A tip: the name the user probably meant.
pub fn did_you_mean(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("gợi ý: có phải ý bạn là '{name}'?"),
        Lang::En => format!("tip: did you mean '{name}'?"),
    }
}

/// A tip: an option of the same name exists in another command ("check --lang").
pub fn exists_elsewhere(usage: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("gợi ý: có thể dùng '{usage}'"),
        Lang::En => format!("tip: '{usage}' exists"),
    }
}

/// A tip: how to give a value that starts with a dash.
pub fn as_value_tip(arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "gợi ý: nếu '{arg}' là một giá trị (chẳng hạn tên thư mục), hãy viết '-- {arg}'"
        ),
        Lang::En => format!("tip: to pass '{arg}' as a value, use '-- {arg}'"),
    }
}

/// A value not among those an option takes (`--lang fr`).
pub fn invalid_value(value: &str, arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("giá trị '{value}' không hợp lệ cho '{arg}'"),
        Lang::En => format!("invalid value '{value}' for '{arg}'"),
    }
}

/// The values an option takes, listed after [`invalid_value`].
pub fn possible_values(values: &[String], lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("các giá trị dùng được: {}", values.join(", ")),
        Lang::En => format!("possible values: {}", values.join(", ")),
    }
}

/// An option given without its value (`-o` at the end).
pub fn value_missing(arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thiếu giá trị cho '{arg}'"),
        Lang::En => format!("'{arg}' needs a value but none was given"),
    }
}

/// A value the argument's own check refused; `reason` is one of the reasons below.
pub fn refused_value(value: &str, arg: &str, reason: &str, lang: Lang) -> String {
    format!("{}: {reason}", invalid_value(value, arg, lang))
}

/// Why a value was refused.
pub const NOT_A_DATE: Label = Label::new(
    "không phải ngày viết theo dạng năm-tháng-ngày, ví dụ 2019-06-30",
    "not a date written year-month-day, e.g. 2019-06-30",
);
pub const NOT_A_WHOLE_NUMBER: Label = Label::new("không phải số nguyên", "not a whole number");
pub const TOO_LARGE: Label = Label::new("số quá lớn", "too large a number");

pub fn below(min: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("phải từ {min} trở lên"),
        Lang::En => format!("must be at least {min}"),
    }
}

/// Required arguments not given (`consolidate` without a folder).
pub fn missing_required(args: &[String], lang: Lang) -> String {
    let list = args.join(", ");
    match (lang, args.len()) {
        (Lang::Vi, _) => format!("còn thiếu tham số bắt buộc: {list}"),
        (Lang::En, 1) => format!("a required argument is missing: {list}"),
        (Lang::En, _) => format!("required arguments are missing: {list}"),
    }
}

/// A command that needs one of its own commands (`plan` without `check`).
pub fn missing_command(command: &str, valid: &[String], lang: Lang) -> String {
    let list = valid.join(", ");
    match lang {
        Lang::Vi => format!("'{command}' cần thêm một lệnh con: {list}"),
        Lang::En => format!("'{command}' needs a subcommand: {list}"),
    }
}

/// A command that does not exist (`tthtcd frob`).
pub fn unknown_command(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("không có lệnh '{name}'"),
        Lang::En => format!("there is no command '{name}'"),
    }
}

/// An option given twice (`--lang en --lang vi`).
pub fn used_twice(arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("'{arg}' chỉ được dùng một lần"),
        Lang::En => format!("'{arg}' may be given only once"),
    }
}

/// Two options that exclude each other.
pub fn conflict(arg: &str, others: &[String], lang: Lang) -> String {
    let list = others.join("', '");
    match lang {
        Lang::Vi => format!("không được dùng '{arg}' cùng với '{list}'"),
        Lang::En => format!("'{arg}' cannot be used with '{list}'"),
    }
}

/// One value too many for an option.
pub fn too_many_values(value: &str, arg: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thừa giá trị '{value}' cho '{arg}'"),
        Lang::En => format!("unexpected value '{value}' for '{arg}'; no more were expected"),
    }
}
