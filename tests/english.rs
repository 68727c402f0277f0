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
