//! The house: the pipeline's stages import only downwards. Each module of src/ has a
//! floor; a module may use what is on its own floor's module or on a lower floor, never
//! above. Read from the source, so a backward `use crate::…` (or a `crate::…` path in
//! code) fails here, naming the file and the import.

use std::collections::BTreeSet;
use std::path::Path;

/// The floors, from the bottom: words and timing; text; the data every stage shares;
/// then the stages in the order a file goes through them; then the orchestration.
const FLOORS: &[&[&str]] = &[
    &["labels", "profile"],
    &["text"],
    &["plan", "diagnostics", "classes"],
    &["input"],
    &["normalise"],
    &["recognise", "plan_form"],
    &["check", "repeats"],
    &["consolidation", "district"],
    &["report"],
    &["pipeline", "read", "readback", "sandbox", "district_run"],
    &["commands", "lib", "main"],
];

fn floor(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

/// The top-level modules a file's code names through `crate::`, including those inside
/// `use crate::{…}` groups; only the code before its first `#[cfg(test)]` (tests may
/// reach anywhere).
fn imports(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's own names, at its first level of braces.
            let (mut depth, mut start) = (0usize, 0usize);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.insert(ident(&group[start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(ident(&group[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.remove("");
    found
}

/// Every .rs file under `dir`, as a path relative to src/.
fn sources(src: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(src, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The imports of `files` against the floors: (file, module it imports).
fn backward(files: &[(String, String)]) -> Vec<(String, String)> {
    let mut wrong = Vec::new();
    for (rel, code) in files {
        let module = rel.split('/').next().unwrap().trim_end_matches(".rs");
        let own = floor(module).unwrap_or_else(|| panic!("{rel}: module {module} has no floor"));
        for import in imports(code) {
            let Some(theirs) = floor(&import) else {
                continue; // a name that is not a module of the crate (e.g. `crate::Plan`)
            };
            if import != module && theirs > own {
                wrong.push((rel.clone(), import));
            }
        }
    }
    wrong
}

#[test]
fn stages_import_only_downwards() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    let wrong = backward(&files);
    assert!(
        wrong.is_empty(),
        "imports against the order of the stages (file, module it imports): {wrong:?}"
    );
}

/// Inside report: the pieces every sheet uses, the sheets, the workbook that builds
/// them (and the plan form, built from the forms' pieces), then the appendix workbook
/// built from the same sheets' context.
const REPORT_FLOORS: &[&[&str]] = &[
    &["fit", "formats", "output", "json", "terminal"],
    &["sheets", "template", "district_json"],
    &["workbook", "plan_form"],
    &["appendix", "district"],
    &["mod"],
];

/// The report submodules a report file names: `crate::report::x` anywhere, and
/// `super::x` in a file directly in report/ (its parent is report).
fn report_imports(rel: &str, code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let direct = rel.matches('/').count() == 1;
    let mut found = BTreeSet::new();
    let prefixes: &[&str] = if direct {
        &["crate::report::", "super::"]
    } else {
        &["crate::report::"]
    };
    for prefix in prefixes {
        for (at, _) in code.match_indices(prefix) {
            // `super::super::` from report/ would leave the crate's report module.
            if *prefix == "super::" && at >= 7 && &code[at - 7..at] == "super::" {
                continue;
            }
            let name: String = code[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

#[test]
fn the_sheets_sit_below_the_workbook_that_builds_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src.join("report"), &mut files);
    let floor_of = |m: &str| REPORT_FLOORS.iter().position(|f| f.contains(&m));
    let mut wrong = Vec::new();
    for (rel, code) in &files {
        let part = rel.split('/').nth(1).unwrap().trim_end_matches(".rs");
        let own = floor_of(part).unwrap_or_else(|| panic!("{rel}: no floor in report"));
        for import in report_imports(rel, code) {
            if let Some(theirs) = floor_of(&import)
                && import != part
                && theirs > own
            {
                wrong.push((rel.clone(), import));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "report imports against its order: {wrong:?}"
    );
}

#[test]
fn a_backward_import_is_found_in_a_use_group_and_in_a_path() {
    let files = vec![
        (
            "recognise/rows.rs".to_string(),
            "use crate::{classes::ClassRow, check::{plan_vs_held::similarity}};\n\
             fn f() { crate::report::fit::lines(); }\n\
             #[cfg(test)]\nmod tests { use crate::pipeline::run; }"
                .to_string(),
        ),
        (
            "input/grid.rs".to_string(),
            "use crate::text::fold;".to_string(),
        ),
    ];
    assert_eq!(
        backward(&files),
        [
            ("recognise/rows.rs".to_string(), "check".to_string()),
            ("recognise/rows.rs".to_string(), "report".to_string()),
        ]
    );
}
