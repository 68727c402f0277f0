//! The short table `tthtcd check` and `consolidate` print: one line a sub-committee,
//! then what was not counted and why.
//!
//! comfy-table draws the table. It measures each cell by its display width (Unicode
//! width of grapheme clusters), so a sub-committee name in decomposed form — `ê` + a
//! combining hook, as a plan.toml from some editors has it (names are kept as typed) —
//! takes the columns it shows, not one per code point; it puts the colour codes around
//! a cell after the widths are worked out; and it keeps widths, padding and separators
//! out of this file.

use std::fmt::Write;

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::{Cell, CellAlignment, Color, Table};

use crate::check::{Measure, Status, Summary};
use crate::consolidation::{Consolidation, FileStatus};
use crate::diagnostics::Severity;
use crate::labels::{Lang, cli, percent};

/// Colour of a status cell: red for what falls short, green for what is met (the
/// console's own dark red and green, the colours of SGR 31 / 32).
fn paint(status: Status) -> Color {
    if status.falls_short() {
        Color::DarkRed
    } else {
        Color::DarkGreen
    }
}

/// A table line: its name, the class and learner figures, and its status (none on
/// the total line).
struct Line<'a> {
    name: &'a str,
    classes: &'a Measure,
    learners: &'a Measure,
    status: Option<Status>,
}

impl Line<'_> {
    /// The cells: name, the three class figures, the three learner figures, status.
    fn cells(&self, lang: Lang) -> Vec<Cell> {
        let mut v = vec![Cell::new(self.name)];
        for m in [self.classes, self.learners] {
            v.extend([m.target, m.expected, m.actual].map(Cell::new));
        }
        v.push(match self.status {
            Some(st) => Cell::new(st.label().get(lang)).fg(paint(st)),
            None => Cell::new(""),
        });
        v
    }
}

/// Draws the table in plain ASCII, Markdown-shaped: `|` between cells and one `|---|`
/// line under the heading. ASCII reads the same in any console font and code page of
/// an old Windows PC (the dashed `┆` of comfy-table's UTF-8 presets is in none of the
/// console fonts' box-drawing sets), the `|` keeps the columns apart where a name is
/// long, and a table copied into a message or a Markdown note stays a table.
///
/// Figures are right-aligned; the name and the status left. The status cells are
/// coloured only when `color` (never when piped, see `commands::use_color`):
/// comfy-table's own terminal checks are switched off, so nothing else about the
/// table depends on where stdout goes.
fn draw(lines: &[Line], lang: Lang, color: bool) -> String {
    draw_headed(lines, cli::TABLE_HEAD[0], lang, color)
}

/// [`draw`] with `first` over the names' column ("Tiểu ban", or "Xã" for a district).
fn draw_headed(lines: &[Line], first: crate::labels::Label, lang: Lang, color: bool) -> String {
    let mut t = Table::new();
    t.load_style(ASCII_MARKDOWN).force_no_tty();
    if color {
        t.enforce_styling();
    }
    let head = std::iter::once(first).chain(cli::TABLE_HEAD.iter().skip(1).copied());
    t.set_header(head.map(|l| l.get(lang)));
    for l in lines {
        t.add_row(l.cells(lang));
    }
    for figure in 1..=6 {
        if let Some(column) = t.column_mut(figure) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = t.to_string();
    out.push('\n');
    out
}

/// The summary's lines: one a sub-committee, then the total.
fn lines(s: &Summary, lang: Lang) -> Vec<Line<'_>> {
    let mut v: Vec<Line> = s
        .subcommittees
        .iter()
        .map(|r| Line {
            name: &r.name,
            classes: &r.classes,
            learners: &r.learners,
            status: Some(r.status),
        })
        .collect();
    v.push(Line {
        name: cli::TOTAL.get(lang),
        classes: &s.classes,
        learners: &s.learners,
        status: None,
    });
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
    out.push_str(&draw(&lines(s, lang), lang, color));
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
    counts(&mut out, c, lang);
    missing(&mut out, c, lang);
    problems(&mut out, c, lang);
    out
}

/// Files read, failed, skipped, duplicated, and the rows' ledger.
fn counts(out: &mut String, c: &Consolidation, lang: Lang) {
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
}

/// The monthly reports still missing, when some are.
fn missing(out: &mut String, c: &Consolidation, lang: Lang) {
    use crate::labels::completeness as k;
    let comp = &c.completeness;
    if comp.missing.is_empty() {
        return;
    }
    // One entry a sub-committee: "kinh-te tháng 5–11; phap-luat tháng 3, 5".
    let list: Vec<String> = comp
        .missing_by_subcommittee()
        .iter()
        .map(|(sub, months)| {
            let id = c.plan.subcommittees.get(*sub).map_or("", |s| s.id.as_str());
            format!("{id} {}", k::months(months, lang))
        })
        .collect();
    let _ = writeln!(
        out,
        "{} ({}): {}",
        k::MISSING_LIST.get(lang),
        comp.missing.len(),
        list.join("; ")
    );
}

/// The warnings and errors, the first `MAX_PROBLEM_LINES` of them.
fn problems(out: &mut String, c: &Consolidation, lang: Lang) {
    let problems: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity() != Severity::Info)
        .collect();
    if problems.is_empty() {
        return;
    }
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

/// The district's table: one line a commune consolidated (its totals and its status as
/// a whole), the district's total, then each commune that failed with its reason.
pub fn render_district(d: &crate::district::District, lang: Lang, color: bool) -> String {
    let done: Vec<_> = d.done().map(|(i, c)| (&d.communes[i].folder, c)).collect();
    let sum = |pick: fn(&Summary) -> &Measure| {
        done.iter().fold(Measure::default(), |acc, (_, c)| {
            let m = pick(&c.summary);
            Measure {
                target: acc.target + m.target,
                expected: acc.expected + m.expected,
                actual: acc.actual + m.actual,
            }
        })
    };
    let (classes, learners) = (sum(|s| &s.classes), sum(|s| &s.learners));
    let mut lines: Vec<Line> = done
        .iter()
        .map(|(_, c)| Line {
            name: &c.plan.unit,
            classes: &c.summary.classes,
            learners: &c.summary.learners,
            status: Some(c.summary.status()),
        })
        .collect();
    lines.push(Line {
        name: cli::TOTAL.get(lang),
        classes: &classes,
        learners: &learners,
        status: None,
    });
    let mut out = draw_headed(&lines, cli::COMMUNE, lang, color);
    for k in &d.communes {
        if let crate::district::CommuneOutcome::Failed(reason) = &k.outcome {
            let _ = writeln!(
                out,
                "{} {}: {reason}",
                cli::COMMUNE_FAILED.get(lang),
                k.folder
            );
        }
    }
    for file in &d.loose {
        let _ = writeln!(out, "{}", crate::labels::district::loose(file, lang));
    }
    for (folder, c) in &done {
        let lost = c
            .files
            .iter()
            .filter(|f| f.status == FileStatus::Failed)
            .count();
        if lost > 0 {
            let _ = writeln!(out, "{folder}: {lost} {}", cli::FAILED.get(lang));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const LAW: Measure = Measure {
        target: 8,
        expected: 8,
        actual: 5,
    };
    const LAW_LEARNERS: Measure = Measure {
        target: 750,
        expected: 750,
        actual: 353,
    };

    fn law(name: &str, status: Option<Status>) -> Line<'_> {
        Line {
            name,
            classes: &LAW,
            learners: &LAW_LEARNERS,
            status,
        }
    }

    /// The text without its SGR colour sequences (`ESC [ … m`).
    fn without_colour(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(at) = rest.find('\x1b') {
            out.push_str(&rest[..at]);
            let end = rest[at..].find('m').map_or(rest.len(), |e| at + e + 1);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn colour_only_on_the_status_cells_and_only_when_asked() {
        let rows = [
            law("Pháp luật", Some(Status::Short)),
            law("Kinh tế", Some(Status::Met)),
            law("Tổng cộng", None),
        ];
        let plain = draw(&rows, Lang::Vi, false);
        assert!(!plain.contains('\x1b'), "{plain}");
        let coloured = draw(&rows, Lang::Vi, true);
        // Same layout, with the two status cells wrapped in their colours.
        assert_eq!(without_colour(&coloured), plain);
        assert_eq!(coloured.matches('\x1b').count(), 4, "{coloured:?}");
        let short = coloured.lines().nth(2).unwrap();
        let met = coloured.lines().nth(3).unwrap();
        assert!(
            short.contains("\x1b[38;5;1m Không đạt \x1b[39m|"),
            "{short:?}"
        );
        assert!(met.contains("\x1b[38;5;2m Đạt       \x1b[39m|"), "{met:?}");
        assert!(!coloured.lines().nth(4).unwrap().contains('\x1b'));
    }

    #[test]
    fn a_decomposed_name_takes_the_columns_it_shows() {
        // "Tiểu ban pháp luật" in NFD has 5 more code points than it shows columns.
        let nfd: String = "Tiểu ban pháp luật".nfd().collect();
        assert_eq!(
            nfd.chars().count(),
            "Tiểu ban pháp luật".chars().count() + 5
        );
        let rows = [
            law(&nfd, Some(Status::Short)),
            law("Tiểu ban pháp luật", Some(Status::Short)),
        ];
        let text = draw(&rows, Lang::Vi, false);
        // Composed again, every line of the table is as wide as the heading's, and the
        // two names' lines are the same line.
        let widths: Vec<usize> = text
            .lines()
            .map(|l| l.nfc().collect::<String>().chars().count())
            .collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}\n{text}");
        let lines: Vec<String> = text.lines().map(|l| l.nfc().collect()).collect();
        assert_eq!(lines[2], lines[3], "{text}");
    }

    #[test]
    fn figures_right_aligned_words_left() {
        let rows = [law("Pháp luật", Some(Status::Short))];
        let text = draw(&rows, Lang::En, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "| Sub-committee | Class target | Due | Opened | Learner target | Due | Learners | Status |"
        );
        assert_eq!(
            lines[1],
            "|---------------|--------------|-----|--------|----------------|-----|----------|--------|"
        );
        assert_eq!(
            lines[2],
            "| Pháp luật     |            8 |   8 |      5 |            750 | 750 |      353 | Short  |"
        );
        assert_eq!(lines.len(), 3);
    }
}
