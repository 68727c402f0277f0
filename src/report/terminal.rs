//! The short table `tthtcd check` and `consolidate` print: one line a sub-committee,
//! then what was not counted and why.

use std::fmt::Write;

use crate::check::Measure;
use crate::consolidation::{Consolidation, FileStatus};
use crate::diagnostics::Severity;
use crate::labels::{Lang, cli, percent};

/// Display width of a string: NFC Vietnamese letters are one column each.
fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// ANSI colour of a row's last cell: red for what falls short, green for what is met.
fn paint(status: crate::check::Status) -> &'static str {
    if status.falls_short() {
        "\x1b[31m"
    } else {
        "\x1b[32m"
    }
}

/// Renders rows as a plain table; the first column is left-aligned, the rest right.
/// `colors[i]`, when given, colours the last cell of row `i` (after layout, so the
/// escape codes never upset the column widths).
fn table(rows: &[Vec<String>], colors: &[Option<&str>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, s)| pad(s, widths[c], c > 0 && c + 1 < cols))
            .collect();
        let text = line.join("  ").trim_end().to_string();
        match (colors.get(i).copied().flatten(), row.last()) {
            (Some(color), Some(last)) if !last.is_empty() && text.ends_with(last.as_str()) => {
                let head = &text[..text.len() - last.len()];
                let _ = writeln!(out, "{head}{color}{last}\x1b[0m");
            }
            _ => {
                let _ = writeln!(out, "{text}");
            }
        }
        if i == 0 {
            let _ = writeln!(
                out,
                "{}",
                "-".repeat(widths.iter().sum::<usize>() + 2 * cols.saturating_sub(1))
            );
        }
    }
    out
}

/// A table line: name, the three class figures, the three learner figures, status.
fn line(name: String, classes: &Measure, learners: &Measure, status: String) -> Vec<String> {
    let mut v = vec![name];
    for m in [classes, learners] {
        v.extend([m.target, m.expected, m.actual].map(|n| n.to_string()));
    }
    v.push(status);
    v
}

/// How many problem lines to print before pointing at the workbook / JSON for the rest.
const MAX_PROBLEM_LINES: usize = 20;

/// The report printed to the terminal.
pub fn render(c: &Consolidation, lang: Lang, color: bool) -> String {
    let s = &c.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {} — {} {}\n",
        c.plan.centre,
        cli::PLAN_YEAR.get(lang),
        c.plan.year,
        cli::AS_OF.get(lang),
        s.as_of.date.format("%d/%m/%Y")
    );
    let mut rows = vec![
        cli::TABLE_HEAD
            .iter()
            .map(|l| l.get(lang).to_string())
            .collect::<Vec<_>>(),
    ];
    for r in &s.subcommittees {
        let status = r.status.label().get(lang).to_string();
        rows.push(line(r.name.clone(), &r.classes, &r.learners, status));
    }
    rows.push(line(
        cli::TOTAL.get(lang).to_string(),
        &s.classes,
        &s.learners,
        String::new(),
    ));
    let mut colors: Vec<Option<&str>> = vec![None];
    if color {
        colors.extend(s.subcommittees.iter().map(|r| Some(paint(r.status))));
    }
    out.push_str(&table(&rows, &colors));
    let p = &s.participation;
    let _ = writeln!(
        out,
        "\n{}: {} / {} = {} ({} {})",
        cli::PARTICIPATION.get(lang),
        p.learners,
        p.population_15_plus,
        percent(p.rate, lang),
        cli::TARGET.get(lang),
        percent(p.target_rate, lang)
    );
    let t = c.totals();
    let count = |st: FileStatus| c.files.iter().filter(|f| f.status == st).count();
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}, {} {}, {} {}. {}: {} {}, {} {}{}, {} {}, {} {}.",
        cli::FILES.get(lang),
        count(FileStatus::Read),
        cli::READ.get(lang),
        count(FileStatus::Failed),
        cli::FAILED.get(lang),
        count(FileStatus::Skipped),
        cli::SKIPPED.get(lang),
        count(FileStatus::Duplicate),
        cli::DUPLICATE.get(lang),
        cli::ROWS.get(lang),
        t.read,
        cli::READ.get(lang),
        t.accepted,
        cli::ACCEPTED.get(lang),
        crate::labels::later_rows(c.later.len(), lang),
        t.rejected,
        cli::REJECTED.get(lang),
        t.duplicate,
        cli::DUPLICATE.get(lang),
    );
    let comp = &c.completeness;
    if !comp.missing.is_empty() {
        use crate::labels::completeness as k;
        let list: Vec<String> = comp
            .missing
            .iter()
            .map(|(sub, m)| {
                let id = c.plan.subcommittees.get(*sub).map_or("", |s| s.id.as_str());
                format!("{id} {} {m}", k::MONTH_WORD.get(lang))
            })
            .collect();
        let _ = writeln!(
            out,
            "{} ({}): {}",
            k::MISSING_LIST.get(lang),
            list.len(),
            list.join(", ")
        );
    }
    let problems: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity() != Severity::Info)
        .collect();
    if !problems.is_empty() {
        let _ = writeln!(out, "\n{} ({}):", cli::PROBLEMS.get(lang), problems.len());
        for d in problems.iter().take(MAX_PROBLEM_LINES) {
            let place = [d.file.as_deref(), d.sheet.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" / ");
            let _ = writeln!(out, "  [{}] {place}: {}", d.code(), d.message(lang));
        }
        if problems.len() > MAX_PROBLEM_LINES {
            let _ = writeln!(
                out,
                "  … {} {}",
                problems.len() - MAX_PROBLEM_LINES,
                cli::MORE_PROBLEMS.get(lang)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_the_last_cell_and_only_when_asked() {
        let rows = vec![
            vec!["Tiểu ban".to_string(), "Đánh giá".to_string()],
            vec!["Pháp luật".to_string(), "Không đạt".to_string()],
        ];
        let plain = table(&rows, &[None, None]);
        assert!(!plain.contains('\x1b'));
        let coloured = table(&rows, &[None, Some("\x1b[31m")]);
        // Same layout, with the status wrapped in red and reset.
        assert_eq!(
            coloured.replace("\x1b[31m", "").replace("\x1b[0m", ""),
            plain
        );
        assert!(coloured.contains("\x1b[31mKhông đạt\x1b[0m"));
    }
}
