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
    // The output path is one of the inputs: refused, in either language.
    let input = samples.join("kinh-te/thang-01.xlsx");
    let run = |lang: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
            .args(["consolidate", samples.to_str().unwrap(), "-o"])
            .arg(&input)
            .args(["--lang", lang])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let en = run("en");
    let first = en.lines().last().unwrap_or_default();
    assert!(first.starts_with("Error: "), "{en}");
    // The file name is data; the words around it are English.
    let words = first.replace(input.to_str().unwrap(), "");
    assert!(!has_vietnamese_letter(&words), "{first}");
    let vi = run("vi");
    assert!(
        vi.lines().last().unwrap_or_default().starts_with("Lỗi: "),
        "{vi}"
    );
}
