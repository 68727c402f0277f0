//! `--lang en`: every word of the workbook the tool writes itself is English. Every cell
//! of a run on samples/ is scanned for Vietnamese letters once the data (names, topics,
//! villages, file and sheet names, quoted raw values) is taken out.

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use tthtcd::{Config, Plan};

#[test]
fn the_english_workbook_has_no_vietnamese_label_left() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.xlsx");
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args([
            "consolidate",
            samples.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // The data: everything that came from the plan or the input files.
    let c = tthtcd::run(&Config {
        folder: samples,
        plan: Plan::embedded(),
        plan_source: Default::default(),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap();
    let p = &c.plan;
    let mut data: Vec<String> = vec![
        p.unit.to_uppercase(),
        p.unit.clone(),
        p.centre.clone(),
        "Hồng Thái Tây".into(),
    ];
    data.extend(p.subcommittees.iter().map(|s| s.name.clone()));
    for cr in &p.criteria {
        data.push(cr.name.clone());
        data.extend(cr.indicators.iter().map(|i| i.name.clone()));
    }
    for k in &c.classes {
        data.extend([
            k.topic.clone(),
            k.village.clone(),
            k.teacher.clone(),
            k.note.clone(),
            k.source.file.clone(),
            k.source.sheet.clone(),
        ]);
    }
    for k in &c.planned {
        data.extend([
            k.topic.clone(),
            k.village.clone(),
            k.responsible.clone(),
            k.partner.clone(),
            k.note.clone(),
        ]);
    }
    data.extend(c.files.iter().map(|f| f.path.clone()));
    data.extend(c.diagnostics.iter().filter_map(|d| d.sheet.clone()));
    data.extend(
        c.criteria
            .iter()
            .flat_map(|cr| cr.indicators.iter().map(|i| i.figure_source.clone())),
    );
    data.retain(|s| !s.is_empty());
    data.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));

    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let mut leftovers = Vec::new();
    for name in wb.sheet_names() {
        // The very hidden data sheet is data (the plan file and the run's inputs, read
        // back by a district run), the same in every language; no one reads it.
        if name == tthtcd::labels::sheet::DATA_SHEET {
            continue;
        }
        let range = wb.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            let Data::String(text) = cell.2 else { continue };
            let mut rest = text.clone();
            for d in &data {
                rest = rest.replace(d.as_str(), "");
            }
            // Raw values quoted in messages ('bốn mươi') are data too.
            let unquoted: String = rest.split('\'').step_by(2).collect();
            if unquoted
                .chars()
                .any(|ch| ch.is_alphabetic() && !ch.is_ascii())
            {
                leftovers.push(format!("{name}!{:?}: {text}", (cell.0, cell.1)));
            }
        }
        assert!(
            !name.chars().any(|ch| ch.is_alphabetic() && !ch.is_ascii()),
            "sheet name {name}"
        );
    }
    assert!(leftovers.is_empty(), "{}", leftovers.join("\n"));
}

/// Whether `s` holds a letter only Vietnamese writes (a vowel with a mark, or đ).
fn has_vietnamese_letter(s: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .any(|c| matches!(c, 'đ' | 'Đ' | '\u{0300}'..='\u{0323}') && !matches!(c, '\u{0308}'))
}

#[test]
fn an_error_that_stops_the_run_is_worded_in_english_under_lang_en() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().unwrap();
    let samples_s = samples.to_str().unwrap();
    let input = samples.join("kinh-te/thang-01.xlsx");
    let input_s = input.to_str().unwrap();
    let missing = dir.path().join("khong-co");
    let missing_s = missing.to_str().unwrap();
    let json_xlsx = dir.path().join("tom-tat.xlsx");
    let form_dir = dir.path().join("bieu-mau");
    std::fs::create_dir(&form_dir).unwrap();
    std::fs::write(form_dir.join("tieu-chi.xlsx"), b"filled in").unwrap();
    // (arguments, the path the message quotes): each stops the run with exit 3.
    let cases: Vec<(Vec<&str>, &str)> = vec![
        // The output path is one of the inputs.
        (vec!["consolidate", samples_s, "-o", input_s], input_s),
        // The folder is not there.
        (vec!["check", missing_s], missing_s),
        // The plan file is not there.
        (vec!["check", samples_s, "--plan", missing_s], missing_s),
        // An as-of date outside the plan year (2019).
        (
            vec!["check", samples_s, "--as-of", "2020-01-15"],
            "2020-01-15",
        ),
        // A JSON summary named like a workbook.
        (
            vec!["check", samples_s, "--json", json_xlsx.to_str().unwrap()],
            json_xlsx.to_str().unwrap(),
        ),
        // A form that may have been filled in is not overwritten (file names are
        // ASCII; the folder is quoted).
        (
            vec!["template", "--output", form_dir.to_str().unwrap()],
            form_dir.to_str().unwrap(),
        ),
    ];
    let run = |args: &[&str], lang: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .args(args)
            .args(["--lang", lang])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        err.lines().last().unwrap_or_default().to_string()
    };
    for (args, quoted) in &cases {
        let en = run(args, "en");
        assert!(en.starts_with("Error: "), "{args:?}: {en}");
        // The path is data; the words around it are English.
        let words = en.replace(quoted, "");
        assert!(!has_vietnamese_letter(&words), "{args:?}: {en}");
        let vi = run(args, "vi");
        assert!(vi.starts_with("Lỗi: "), "{args:?}: {vi}");
        assert!(
            has_vietnamese_letter(&vi.replace(quoted, "")),
            "{args:?}: {vi}"
        );
    }
}

/// Runs tthtcd; (exit code, stdout, stderr).
fn tthtcd(args: &[&str]) -> (Option<i32>, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (o.status.code(), text(&o.stdout), text(&o.stderr))
}

/// The lines of a Vietnamese text that are in no Vietnamese: an English sentence left.
/// An argument itself (`--plan <TỆP>`, `-h, --help`) is code, not a sentence: only
/// the help after it on its line (`-h, --help  In hướng dẫn`) counts.
fn lines_without_vietnamese(text: &str) -> Vec<&str> {
    let words = |l: &str| {
        let l = l.trim_start();
        if l.starts_with(['-', '<']) {
            l.split_once("  ").map_or("", |(_, help)| help).to_string()
        } else {
            l.to_string()
        }
    };
    text.lines()
        .filter(|l| words(l).chars().any(char::is_alphabetic))
        .filter(|l| !has_vietnamese_letter(&words(l)))
        .collect()
}

/// Every command's help, asked for with --help and --lang en.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["consolidate"],
    &["check"],
    &["appendix"],
    &["watch"],
    &["criteria"],
    &["plan"],
    &["plan", "check"],
    &["plan", "export"],
    &["template"],
];

#[test]
fn the_help_of_every_command_is_in_english_under_lang_en() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let args = [*command, &[flag, "--lang", "en"]].concat();
            let (code, out, err) = tthtcd(&args);
            assert_eq!(code, Some(0), "{args:?}: {err}");
            assert!(err.is_empty(), "{args:?}: {err}");
            // The commune's name is data.
            let words = out.replace("Hồng Thái Tây", "");
            assert!(!has_vietnamese_letter(&words), "{args:?}:\n{out}");
            assert!(out.contains("\nUsage: tthtcd"), "{args:?}:\n{out}");
            assert!(out.contains("\nOptions:\n"), "{args:?}:\n{out}");
        }
    }
    let (_, top, _) = tthtcd(&["--help", "--lang=en"]);
    for line in [
        "Consolidates the monthly class reports of a commune Community Learning Centre and checks them",
        "Usage: tthtcd <COMMAND>",
        "Commands:",
        "  consolidate  Read every workbook in FOLDER and write one consolidated workbook.",
        "  -h, --help     Print help",
        "  -V, --version  Print version",
        "Started with no command (on Windows: a double-click on tthtcd.exe), the program consolidates the",
    ] {
        assert!(top.lines().any(|l| l == line), "{line}\n{top}");
    }
    let (_, consolidate, _) = tthtcd(&["consolidate", "--lang", "en", "--help"]);
    for line in [
        "Usage: tthtcd consolidate [OPTIONS] <FOLDER>",
        "Arguments:",
        "  <FOLDER>",
        "          Folder of sub-committee workbooks (.xlsx .xlsm .xlsb .xls .ods), read recursively.",
        "      --as-of <YYYY-MM-DD>",
        "          Judge the figures as of this date, written year-month-day, e.g. 2019-06-30; by default the",
        "          The consolidated workbook to write. [default: tong-hop.xlsx]",
    ] {
        assert!(
            consolidate.lines().any(|l| l == line),
            "{line}\n{consolidate}"
        );
    }
}

#[test]
fn the_help_is_in_vietnamese_by_default() {
    for command in COMMANDS {
        let args = [*command, &["--help"]].concat();
        let (code, out, err) = tthtcd(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(out.contains("\nCách dùng: tthtcd"), "{args:?}:\n{out}");
        assert!(out.contains("\nTùy chọn:\n"), "{args:?}:\n{out}");
        assert!(
            lines_without_vietnamese(&out).is_empty(),
            "{args:?}:\n{out}"
        );
    }
    // `tthtcd --help`: the commands. (`tthtcd` alone is a double-click: it consolidates
    // the folder it stands in, see tests/double_click.rs.)
    let (code, top, _) = tthtcd(&["--help"]);
    assert_eq!(code, Some(0));
    for line in [
        "Cách dùng: tthtcd <LỆNH>",
        "Lệnh:",
        "  consolidate  Đọc mọi bảng tính trong THƯ_MỤC và ghi ra một bảng tính tổng hợp.",
        "  -h, --help     In hướng dẫn",
        // After the commands, what starting with none does.
        "Chạy tthtcd không kèm lệnh nào (trên Windows: nháy đúp vào tthtcd.exe) thì công cụ tổng hợp các báo",
    ] {
        assert!(top.lines().any(|l| l == line), "{line}\n{top}");
    }
    let (_, consolidate, _) = tthtcd(&["consolidate", "-h"]);
    for line in [
        "Cách dùng: tthtcd consolidate [TÙY_CHỌN] <THƯ_MỤC>",
        "Tham số:",
        "  <THƯ_MỤC>",
        "          Thư mục chứa các bảng tính của tiểu ban (.xlsx .xlsm .xlsb .xls .ods), đọc cả thư mục con.",
        "      --as-of <NĂM-THÁNG-NGÀY>",
        "          Đánh giá số liệu tính đến ngày này, viết theo dạng năm-tháng-ngày, ví dụ 2019-06-30 là",
        "          ngày 30 tháng 6 năm 2019; mặc định là ngày cuối cùng của năm kế hoạch.",
        "          Tệp bảng tính tổng hợp sẽ ghi ra. [mặc định: tong-hop.xlsx]",
    ] {
        assert!(
            consolidate.lines().any(|l| l == line),
            "{line}\n{consolidate}"
        );
    }
}

/// (arguments, first line in English, first line in Vietnamese): arguments clap
/// refuses, each sentence worked out by hand from the words in labels::help.
fn refused_arguments(samples: &str) -> Vec<(Vec<&str>, String, String)> {
    fn case<'a>(args: &[&'a str], en: &str, vi: &str) -> (Vec<&'a str>, String, String) {
        (args.to_vec(), en.to_string(), vi.to_string())
    }
    vec![
        case(
            &["consolidate"],
            "Error: a required argument is missing: <FOLDER>",
            "Lỗi: còn thiếu tham số bắt buộc: <THƯ_MỤC>",
        ),
        case(
            &["consolidate", samples, "--lang", "fr"],
            "Error: invalid value 'fr' for '--lang <LANG>'",
            "Lỗi: giá trị 'fr' không hợp lệ cho '--lang <NGÔN_NGỮ>'",
        ),
        case(
            &["consolidate", samples, "--max-memory", "5"],
            "Error: invalid value '5' for '--max-memory <MB>': must be at least 32",
            "Lỗi: giá trị '5' không hợp lệ cho '--max-memory <MB>': phải từ 32 trở lên",
        ),
        case(
            &["consolidate", samples, "--bogus"],
            "Error: this command has no option '--bogus'",
            "Lỗi: lệnh này không có tùy chọn '--bogus'",
        ),
        case(
            &["check", samples, "--as-of", "2019-13-45"],
            "Error: invalid value '2019-13-45' for '--as-of <YYYY-MM-DD>': not a date written \
             year-month-day, e.g. 2019-06-30",
            "Lỗi: giá trị '2019-13-45' không hợp lệ cho '--as-of <NĂM-THÁNG-NGÀY>': không phải \
             ngày viết theo dạng năm-tháng-ngày, ví dụ 2019-06-30",
        ),
        case(
            &["chek", samples],
            "Error: there is no command 'chek'",
            "Lỗi: không có lệnh 'chek'",
        ),
        case(
            &["check", "Bao", "cao"],
            "Error: unexpected argument 'cao'",
            "Lỗi: thừa tham số 'cao'",
        ),
        case(
            &["check", samples, "--json"],
            "Error: '--json <FILE>' needs a value but none was given",
            "Lỗi: thiếu giá trị cho '--json <TỆP>'",
        ),
        case(
            &["template", "-o", samples, "--force", "--force"],
            "Error: '--force' may be given only once",
            "Lỗi: '--force' chỉ được dùng một lần",
        ),
    ]
}

#[test]
fn arguments_clap_refuses_are_worded_in_the_chosen_language() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let samples_s = samples.to_str().unwrap();
    for (args, en, vi) in refused_arguments(samples_s) {
        for (lang, first) in [("en", &en), ("vi", &vi)] {
            let all = [args.as_slice(), &["--lang", lang]].concat();
            let (code, out, err) = tthtcd(&all);
            assert_eq!((code, out.as_str()), (Some(3), ""), "{all:?}: {err}");
            assert_eq!(err.lines().next(), Some(first.as_str()), "{all:?}:\n{err}");
            let command = match args[0] {
                "chek" => "tthtcd".to_string(),
                sub => format!("tthtcd {sub}"),
            };
            let words = err.replace(samples_s, "");
            if lang == "en" {
                assert!(!has_vietnamese_letter(&words), "{all:?}:\n{err}");
                let more = format!("For more, try '{command} --help'.");
                assert_eq!(err.lines().last(), Some(more.as_str()), "{all:?}:\n{err}");
            } else {
                assert!(
                    lines_without_vietnamese(&words).is_empty(),
                    "{all:?}:\n{err}"
                );
                let more = format!("Xem thêm: {command} --help");
                assert_eq!(err.lines().last(), Some(more.as_str()), "{all:?}:\n{err}");
            }
        }
    }
}

#[test]
fn an_error_has_its_tips_and_the_usage_line_in_the_chosen_language() {
    let (_, _, en) = tthtcd(&["consolidate", "--lang", "en", "--bogus"]);
    let (_, _, vi) = tthtcd(&["consolidate", "--bogus"]);
    assert_eq!(
        en,
        "Error: this command has no option '--bogus'\n  \
         tip: to pass '--bogus' as a value, use '-- --bogus'\n\n\
         Usage: tthtcd consolidate [OPTIONS] <FOLDER>\n\n\
         For more, try 'tthtcd consolidate --help'.\n"
    );
    assert_eq!(
        vi,
        "Lỗi: lệnh này không có tùy chọn '--bogus'\n  \
         gợi ý: nếu '--bogus' là một giá trị (chẳng hạn tên thư mục), hãy viết '-- --bogus'\n\n\
         Cách dùng: tthtcd consolidate [TÙY_CHỌN] <THƯ_MỤC>\n\n\
         Xem thêm: tthtcd consolidate --help\n"
    );
    let (_, _, vi) = tthtcd(&["consolidate", "mau", "--lang", "fr"]);
    assert!(vi.contains("\n  các giá trị dùng được: vi, en\n"), "{vi}");
    let (_, _, en) = tthtcd(&["consolidate", "--jsn", "x", "mau", "--lang=en"]);
    assert!(en.contains("\n  tip: did you mean '--json'?\n"), "{en}");
    let (_, _, vi) = tthtcd(&["chek"]);
    assert!(
        vi.contains("\n  gợi ý: có phải ý bạn là 'check'?\n"),
        "{vi}"
    );
    // --lang before the command: said where it goes, in the language it asks for.
    let (_, _, en) = tthtcd(&["--lang", "en", "--help"]);
    assert!(
        en.contains(
            "\n  tip: '--lang' goes after the command, e.g. tthtcd check FOLDER --lang en\n"
        ),
        "{en}"
    );
}

#[test]
fn clap_s_help_command_answers_in_the_language_asked_for() {
    let (code, out, err) = tthtcd(&["help", "plan", "check", "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("Check that the plan adds up: sub-committees against quarters"),
        "{out}"
    );
    let (_, out, _) = tthtcd(&["help", "--lang=en"]);
    assert!(out.contains("\nUsage: tthtcd <COMMAND>\n"), "{out}");
    let (_, out, _) = tthtcd(&["help", "template"]);
    assert!(
        out.contains("\nCách dùng: tthtcd template [TÙY_CHỌN] --output <THƯ_MỤC>\n"),
        "{out}"
    );
}

/// A bad plan: what the default plan writes, what the bad one writes instead, and the
/// reason each language gives after "the plan file '…' is not valid: ", worked out by
/// hand from the words in labels::plan. `{line}` is the line of the change.
struct BadPlan {
    from: &'static str,
    to: &'static str,
    en: &'static str,
    vi: &'static str,
}

const BAD_PLANS: &[BadPlan] = &[
    BadPlan {
        from: "learners = 750\n",
        to: "learners = -750\n",
        en: "line {line}: learners: the value -750 is not valid: a target is a whole number, \
             not negative",
        vi: "dòng {line}: mục learners: giá trị -750 không hợp lệ: chỉ tiêu phải là số nguyên \
             không âm",
    },
    BadPlan {
        from: "classes = 8\n",
        to: "clases = 8\n",
        en: "line {line}: `clases` is not a key of the plan template; the keys here are `id`, \
             `name`, `aliases`, `classes`, `learners`",
        vi: "dòng {line}: mục không có trong mẫu kế hoạch: `clases`, các mục dùng được ở đây: \
             `id`, `name`, `aliases`, `classes`, `learners`",
    },
    BadPlan {
        from: "quarter = 3\n",
        to: "quarter = 2\n",
        en: "quarter 2 is declared twice",
        vi: "quý 2 bị khai báo hai lần",
    },
    BadPlan {
        from: "participation_target = 0.783",
        to: "participation_target = 78.3",
        en: "line {line}: the participation rate (participation_target) 78.3 must be between 0 \
             and 1 (e.g. 0.783 for 78.3 %)",
        vi: "dòng {line}: tỷ lệ tham gia (participation_target) 78.3 phải nằm trong khoảng 0 \
             đến 1 (ví dụ 0.783 cho 78,3 %)",
    },
    BadPlan {
        from: "threshold = 47",
        to: "threshold = \"47%\"",
        en: "line {line}: the value \"47%\" must be a number (no unit or % sign)",
        vi: "dòng {line}: giá trị \"47%\" phải là một số (không kèm đơn vị hay dấu %)",
    },
    BadPlan {
        from: "op = \">=\", threshold = 47",
        to: "op = \"~\", threshold = 47",
        en: "criterion 5: indicator 'Trẻ dưới 3 tuổi đến nhà trẻ': the comparison '~' is not \
             valid (>=, >, <=, <, =)",
        vi: "tiêu chí 5: chỉ số 'Trẻ dưới 3 tuổi đến nhà trẻ': phép so sánh '~' không hợp lệ \
             (>=, >, <=, <, =)",
    },
    // Mistakes of TOML itself: the line as written, quoted, after the place. The unit's
    // closing quote left out: the line is 24 characters long, the mistake just past it.
    BadPlan {
        from: "unit = \"Xã Hồng Thái Tây\"",
        to: "unit = \"Xã Hồng Thái Tây",
        en: "line {line}, column 25: the text opens with \" but has no closing \": \
             'unit = \"Xã Hồng Thái Tây'",
        vi: "dòng {line}, cột 25: chữ mở bằng dấu \" nhưng thiếu dấu \" đóng: \
             'unit = \"Xã Hồng Thái Tây'",
    },
    // A decimal comma: "participation_target = 0" is 24 characters, the comma the 25th.
    BadPlan {
        from: "participation_target = 0.783",
        to: "participation_target = 0,783",
        en: "line {line}, column 25: something follows the value on its line (one key a line; \
             decimals take a point, e.g. 0.783): 'participation_target = 0,783'",
        vi: "dòng {line}, cột 25: sau giá trị còn thừa chữ trên cùng dòng (mỗi dòng một mục; số \
             thập phân viết bằng dấu chấm, ví dụ 0.783): 'participation_target = 0,783'",
    },
    BadPlan {
        from: "[[subcommittee]]",
        to: "[[subcommittee]",
        en: "line {line}, column 16: the closing ] is missing: '[[subcommittee]'",
        vi: "dòng {line}, cột 16: thiếu dấu đóng ngoặc ]: '[[subcommittee]'",
    },
    BadPlan {
        from: "year = 2019",
        to: "năm = 2019",
        en: "line {line}, column 2: a key name takes only unaccented letters, digits, - and _: \
             'năm = 2019'",
        vi: "dòng {line}, cột 2: tên mục chỉ dùng chữ cái không dấu, chữ số, - và _: \
             'năm = 2019'",
    },
];

/// The words of a message that are not quoted from the plan file or the command line
/// ('…', "…", `…` taken out).
fn unquoted(message: &str) -> String {
    let mut rest = message.to_string();
    for quote in ['\'', '"', '`'] {
        rest = rest.split(quote).step_by(2).collect::<Vec<_>>().join(" ");
    }
    rest
}

#[test]
fn a_bad_plan_is_refused_in_the_chosen_language() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let samples_s = samples.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for bad in BAD_PLANS {
        let text = tthtcd::plan::DEFAULT_PLAN_TOML.replacen(bad.from, bad.to, 1);
        assert_ne!(text, tthtcd::plan::DEFAULT_PLAN_TOML, "{}", bad.to);
        let first = bad.to.lines().next().unwrap();
        let line = (text.lines().position(|l| l.contains(first)).unwrap() + 1).to_string();
        let path = dir.path().join("ke-hoach.toml");
        std::fs::write(&path, &text).unwrap();
        let p = path.to_str().unwrap();
        let en = format!(
            "Error: the plan file '{p}' is not valid: {}",
            bad.en.replace("{line}", &line)
        );
        let vi = format!(
            "Lỗi: tệp kế hoạch '{p}' không hợp lệ: {}",
            bad.vi.replace("{line}", &line)
        );
        // Refused before any file is read, by the command that reads the folder and by
        // the one that checks the plan alone.
        for command in [&["check", samples_s][..], &["plan", "check"]] {
            for (lang, expected) in [("en", &en), ("vi", &vi)] {
                let args = [command, &["--plan", p, "--lang", lang]].concat();
                let (code, out, err) = tthtcd(&args);
                assert_eq!((code, out.as_str()), (Some(3), ""), "{args:?}: {err}");
                assert_eq!(err.trim_end(), expected.as_str(), "{args:?}");
            }
        }
        assert!(!has_vietnamese_letter(&unquoted(&en)), "{en}");
        assert!(has_vietnamese_letter(&unquoted(&vi)), "{vi}");
    }
}
