//! Writing a plan back as TOML, in the shape and key order of `templates/plan-2019.toml`,
//! so that a plan read from another form (the plan workbook) can be kept, compared and
//! edited as the seed file is. The text reads back to the identical plan: values are
//! written by the `toml` crate (its escaping of quotes, backslashes and control
//! characters, its shortest float that parses back to the same f64), never by hand.

use crate::labels::Lang;
use crate::labels::plan as w;

use super::{Criterion, Indicator, IndicatorKind, Plan, SubCommittee, Target};

/// The plan as a plan file, with Vietnamese comments.
pub fn to_toml(plan: &Plan) -> String {
    to_toml_in(plan, Lang::Vi)
}

/// The plan as a plan file, with its comments in `lang` (the keys are the same in every
/// language: they are what the reader looks for).
pub fn to_toml_in(plan: &Plan, lang: Lang) -> String {
    let mut out = Lines(Vec::new());
    heading(plan, lang, &mut out);
    out.blank();
    out.comment(w::EXPORT_SUBCOMMITTEES.get(lang));
    for s in &plan.subcommittees {
        subcommittee(s, &mut out);
    }
    out.comment(w::EXPORT_QUARTERS.get(lang));
    for (i, q) in plan.quarters.iter().enumerate() {
        quarter(i + 1, q, &mut out);
    }
    if !plan.criteria.is_empty() {
        out.comment(w::EXPORT_CRITERIA.get(lang));
        for c in &plan.criteria {
            criterion(c, &mut out);
        }
    }
    out.finish()
}

/// The lines of the file being written.
struct Lines(Vec<String>);

impl Lines {
    fn push(&mut self, line: String) {
        self.0.push(line);
    }

    fn key(&mut self, key: &str, value: impl std::fmt::Display) {
        self.0.push(format!("{key} = {value}"));
    }

    fn blank(&mut self) {
        self.0.push(String::new());
    }

    fn comment(&mut self, text: &str) {
        self.0.push(format!("# {}", comment_safe(text)));
    }

    /// One newline after each line; no blank line at the end.
    fn finish(mut self) -> String {
        while self.0.last().is_some_and(String::is_empty) {
            self.0.pop();
        }
        let mut text = self.0.join("\n");
        text.push('\n');
        text
    }
}

/// The top-level keys, in the seed file's order; the optional ones only when set.
fn heading(plan: &Plan, lang: Lang, out: &mut Lines) {
    out.comment(&w::export_heading(plan.year, &plan.unit, lang));
    out.comment(w::EXPORT_ORIGIN.get(lang));
    out.blank();
    out.key("unit", text(&plan.unit));
    out.key("centre", text(&plan.centre));
    out.key("year", plan.year);
    out.comment(w::EXPORT_POPULATION.get(lang));
    out.key("population_15_plus", plan.population_15_plus);
    out.comment(w::EXPORT_PARTICIPATION.get(lang));
    out.key("participation_target", float(plan.participation_target));
    if !plan.villages.is_empty() {
        out.comment(w::EXPORT_VILLAGES.get(lang));
        out.key("villages", list(&plan.villages));
    }
    if let Some(n) = plan.village_count {
        out.comment(w::EXPORT_VILLAGE_COUNT.get(lang));
        out.key("village_count", n);
    }
    out.comment(w::EXPORT_DEADLINE.get(lang));
    out.key("report_deadline_day", plan.report_deadline_day);
    out.comment(w::EXPORT_MAX_LEARNERS.get(lang));
    out.key("max_learners_per_class", plan.max_learners_per_class);
}

fn subcommittee(s: &SubCommittee, out: &mut Lines) {
    out.push("[[subcommittee]]".into());
    out.key("id", text(&s.id));
    out.key("name", text(&s.name));
    if !s.aliases.is_empty() {
        out.key("aliases", list(&s.aliases));
    }
    out.key("classes", s.target.classes);
    out.key("learners", s.target.learners);
    out.blank();
}

fn quarter(number: usize, q: &Target, out: &mut Lines) {
    out.push("[[quarter]]".into());
    out.key("quarter", number);
    out.key("classes", q.classes);
    out.key("learners", q.learners);
    out.blank();
}

/// One indicator stays on the criterion's line, several go one a line, as in the seed.
fn criterion(c: &Criterion, out: &mut Lines) {
    out.push("[[criterion]]".into());
    out.key("number", c.number);
    out.key("name", text(&c.name));
    match c.indicators.as_slice() {
        [one] => out.key("indicator", format!("[{}]", indicator(one))),
        many => {
            out.push("indicator = [".into());
            for i in many {
                out.push(format!("  {},", indicator(i)));
            }
            out.push("]".into());
        }
    }
    out.blank();
}

/// `{ name = "…", kind = "percent", op = ">=", threshold = 47 }` or `{ …, kind = "yes-no" }`.
fn indicator(i: &Indicator) -> String {
    let name = text(&i.name);
    match i.kind {
        IndicatorKind::YesNo => format!("{{ name = {name}, kind = \"yes-no\" }}"),
        IndicatorKind::Percent { op, threshold } => format!(
            "{{ name = {name}, kind = \"percent\", op = {}, threshold = {} }}",
            text(op.ascii()),
            threshold_value(threshold)
        ),
    }
}

/// A TOML string, quoted and escaped by the toml crate.
fn text(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| text(s)).collect();
    format!("[{}]", items.join(", "))
}

/// A float as the toml crate writes it: the shortest digits that parse back to the
/// same f64 (0.783, 0.30000000000000004), with ".0" when whole.
fn float(x: f64) -> String {
    toml::Value::Float(x).to_string()
}

/// A whole threshold as the seed writes it (`threshold = 47`): the loader reads a TOML
/// integer into the f64, exactly for any whole number below 2^53. Others as a float.
fn threshold_value(x: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() < EXACT {
        // Whole and below 2^53: the cast is exact.
        format!("{}", x as i64)
    } else {
        float(x)
    }
}

/// A comment ends at the line's end and TOML allows no control character but tab in
/// one: a unit's name typed with a line break in a workbook cell must not end it early.
fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_plan_written_and_read_back_is_the_same_plan() {
        let plan = Plan::embedded();
        let text = to_toml(&plan);
        assert_eq!(Plan::from_toml(&text), Ok(plan));
    }

    #[test]
    fn the_embedded_plan_is_written_with_the_seed_figures() {
        let text = to_toml(&Plan::embedded());
        // The six sub-committees of the seed: 8/800, 8/750, 11/700, 13/850, 7/800, 7/450.
        let targets = "classes = 8\nlearners = 800\n\n[[subcommittee]]\nid = \"phap-luat\"";
        assert!(text.contains(targets), "{text}");
        for (classes, learners) in [(8, 750), (11, 700), (13, 850), (7, 800), (7, 450)] {
            let pair = format!("classes = {classes}\nlearners = {learners}\n");
            assert!(text.contains(&pair), "{pair}");
        }
        // The quarters 13/1000, 14/1200, 13/1100, 13/1050, numbered.
        assert!(text.contains("[[quarter]]\nquarter = 2\nclasses = 14\nlearners = 1200\n"));
        for line in [
            "unit = \"Xã Hồng Thái Tây\"",
            "year = 2019",
            "population_15_plus = 5550",
            "participation_target = 0.783",
            "village_count = 8",
            "report_deadline_day = 5",
            "max_learners_per_class = 300",
            "aliases = [\"Pháp luật\", \"PL\"]",
            "# Các tiểu ban, theo thứ tự của kế hoạch; aliases là các tên gọi khác của tiểu ban.",
        ] {
            assert!(text.lines().any(|l| l == line), "{line}");
        }
        // Criterion 5's first threshold as the seed writes it: 47, not 47.0.
        assert!(text.contains(
            "  { name = \"Trẻ dưới 3 tuổi đến nhà trẻ\", kind = \"percent\", op = \">=\", threshold = 47 },"
        ));
        assert!(text.contains("indicator = [{ name = \"Ban chỉ đạo có kế hoạch và hoạt động thường xuyên\", kind = \"yes-no\" }]"));
        // No villages in the seed: the key is left out.
        assert!(!text.contains("villages ="));
    }

    #[test]
    fn the_keys_come_in_the_seed_file_s_order() {
        let text = to_toml(&Plan::embedded());
        let keys = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.to_string()))
                .collect()
        };
        assert_eq!(keys(&text), keys(crate::plan::DEFAULT_PLAN_TOML));
    }

    #[test]
    fn awkward_text_and_figures_read_back_unchanged() {
        let mut plan = Plan::embedded();
        plan.unit = "Xã \"Hồng\nThái\" \\ Tây # = ;".into();
        plan.centre = "Trung tâm '''x''' \"\"\" \t \u{7f}".into();
        plan.villages = vec!["Thôn 'Đông'".into(), "Thôn \\ Tây".into()];
        plan.village_count = None;
        plan.participation_target = 0.1 + 0.2;
        plan.subcommittees[0].aliases.clear();
        plan.criteria[4].indicators[1].kind = IndicatorKind::Percent {
            op: crate::plan::Comparison::LessThan,
            threshold: 86.25,
        };
        let text = to_toml_in(&plan, Lang::En);
        assert!(text.starts_with("# The plan for 2019 — Xã \"Hồng Thái\" \\ Tây # = ;.\n"));
        assert!(text.contains("participation_target = 0.30000000000000004\n"));
        assert!(!text.contains("village_count"));
        assert_eq!(Plan::from_toml(&text), Ok(plan));
    }
}
