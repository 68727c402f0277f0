//! What recognising a sheet needs to know of the commune, without a whole plan: the
//! year, the sub-committees' names and the limits a learner count is checked against.
//! The library's way into [`read_sheet`](super::read_sheet): [`Vocabulary`] and
//! [`recognise_sheet`].

use crate::classes::{ClassRow, CriterionEntry, PlannedClass};
use crate::diagnostics::Diagnostic;
use crate::input::grid::SheetGrid;
use crate::plan::{Criterion, Plan, fold_names};

use super::rows::{RowOutcome, SheetContext, read_sheet};

/// Learners above which one class is counted with a warning, when nothing says
/// otherwise (a plan file's own default).
const DEFAULT_MAX_LEARNERS_PER_CLASS: u32 = 300;

/// What recognition knows of a commune: the plan year (a class dated in another year is
/// refused), the sub-committees in order (a row's "Tiểu ban" cell, the sheet's title or
/// name is matched against their names and aliases, with or without diacritics), the
/// criteria (for criteria forms), and the limits a learner count is checked against.
///
/// Built from a [`Plan`] with `Vocabulary::from(&plan)`, or by hand with
/// [`Vocabulary::new`].
///
/// ```
/// let vocabulary = tthtcd::Vocabulary::new(2019, &["Kinh tế", "Pháp luật"]);
/// assert_eq!(vocabulary.year(), 2019);
/// assert_eq!(vocabulary.subcommittees().collect::<Vec<_>>(), ["Kinh tế", "Pháp luật"]);
///
/// let plan = tthtcd::Plan::embedded();
/// let vocabulary = tthtcd::Vocabulary::from(&plan);
/// assert_eq!(vocabulary.year(), plan.year);
/// assert_eq!(vocabulary.subcommittees().count(), plan.subcommittees.len());
/// ```
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub(crate) year: i32,
    /// The sub-committees' names, in order.
    pub(crate) subcommittees: Vec<String>,
    /// Every name of every sub-committee, folded, with the sub-committee's index.
    pub(crate) aliases: Vec<(String, usize)>,
    /// The plan's criteria, whose indicators a criteria form's rows name.
    pub(crate) criteria: Vec<Criterion>,
    /// A row with more learners is refused; 0 checks nothing.
    pub(crate) population_15_plus: u32,
    /// Learners above which one class is counted with a warning.
    pub(crate) max_learners_per_class: u32,
}

impl Vocabulary {
    /// The vocabulary of a commune given by hand: the plan `year` and the
    /// sub-committees' names in order (a class's sub-committee is an index into this
    /// list). No population is known, so no learner count is refused for exceeding it;
    /// one class of more than 300 learners is counted with a warning. Criteria forms
    /// are not recognised (there are no criteria to match their rows with).
    pub fn new(year: i32, subcommittees: &[&str]) -> Vocabulary {
        Vocabulary {
            year,
            subcommittees: subcommittees.iter().map(|s| (*s).to_string()).collect(),
            aliases: fold_names(subcommittees.iter().copied().enumerate()),
            criteria: Vec::new(),
            population_15_plus: 0,
            max_learners_per_class: DEFAULT_MAX_LEARNERS_PER_CLASS,
        }
    }

    /// The commune's people aged 15 and over: a row with more learners is refused.
    /// 0 (the default of [`Vocabulary::new`]) checks nothing.
    #[must_use]
    pub fn with_population_15_plus(mut self, people: u32) -> Vocabulary {
        self.population_15_plus = people;
        self
    }

    /// Learners above which one class is counted with a warning (300 by default).
    #[must_use]
    pub fn with_max_learners_per_class(mut self, learners: u32) -> Vocabulary {
        self.max_learners_per_class = learners;
        self
    }

    /// The plan year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The sub-committees' names, in order: [`ClassRow::subcommittee`] indexes them.
    pub fn subcommittees(&self) -> impl Iterator<Item = &str> {
        self.subcommittees.iter().map(String::as_str)
    }
}

impl From<&Plan> for Vocabulary {
    /// The plan's year, sub-committees (with their ids and aliases), criteria and
    /// limits.
    fn from(plan: &Plan) -> Vocabulary {
        Vocabulary {
            year: plan.year,
            subcommittees: plan.subcommittees.iter().map(|s| s.name.clone()).collect(),
            aliases: plan.folded_aliases(),
            criteria: plan.criteria.clone(),
            population_15_plus: plan.population_15_plus,
            max_learners_per_class: plan.max_learners_per_class,
        }
    }
}

/// What [`recognise_sheet`] found in a sheet: its rows, sorted by what they are, and
/// every problem met on the way. Every candidate row of the table is exactly one of a
/// class, a registration, a criterion figure or a rejected row.
#[derive(Debug, Default)]
pub struct Recognised {
    /// Whether the sheet has a table the tool knows (a class report, a registration
    /// form or a criteria form).
    pub table_found: bool,
    /// The classes held (rows of a class report).
    pub classes: Vec<ClassRow>,
    /// The classes registered for the plan (rows of a registration form).
    pub registrations: Vec<PlannedClass>,
    /// The figures for the criteria's indicators (rows of a criteria form).
    pub criteria: Vec<CriterionEntry>,
    /// Candidate rows refused; each has its reason among the diagnostics.
    pub rejected: usize,
    /// Problems found, each naming its cell where there is one.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the table of a sheet (wherever its header row is, over one or two rows) and
/// reads its rows with the commune's `vocabulary`. Hidden sheets are read like any
/// other (a whole-folder [`run`](crate::run) leaves them out). The sheet has no file:
/// its rows' sources and its diagnostics name an empty file, and no sub-committee or
/// month is taken from a file name.
///
/// Two classes of a class report, of 25 and 30 learners, one for each sub-committee:
///
/// ```
/// use tthtcd::{Vocabulary, read_workbook, recognise_sheet};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("T3.xlsx");
/// let mut workbook = rust_xlsxwriter::Workbook::new();
/// let sheet = workbook.add_worksheet().set_name("Tháng 3")?;
/// sheet.write_row(0, 0, ["STT", "Tên chuyên đề", "Tiểu ban", "Ngày mở lớp", "Số học viên"])?;
/// sheet.write_row(1, 0, ["1", "Trồng lúa", "Kinh tế", "05/03/2019", "25"])?;
/// sheet.write_row(2, 0, ["2", "Luật giao thông", "Pháp luật", "12/03/2019", "30"])?;
/// workbook.save(&path)?;
///
/// let vocabulary = Vocabulary::new(2019, &["Kinh tế", "Pháp luật"]);
/// let sheets = read_workbook(&path)?;
/// let found = recognise_sheet(&sheets[0], &vocabulary);
///
/// assert!(found.table_found);
/// assert_eq!(found.classes.len(), 2);
/// assert_eq!(found.classes.iter().map(|c| c.learners).sum::<u32>(), 55);
/// let subs: Vec<usize> = found.classes.iter().map(|c| c.subcommittee).collect();
/// assert_eq!(subs, [0, 1]); // "Kinh tế", then "Pháp luật"
/// assert_eq!(found.rejected, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recognise_sheet(sheet: &SheetGrid, vocabulary: &Vocabulary) -> Recognised {
    let ctx = SheetContext {
        vocabulary,
        file: "",
        file_subcommittee: None,
    };
    let result = read_sheet(&ctx, sheet);
    let mut out = Recognised {
        table_found: result.table_found,
        diagnostics: result.diagnostics,
        ..Recognised::default()
    };
    for row in result.rows {
        match row {
            RowOutcome::Accepted(class) => out.classes.push(*class),
            RowOutcome::Planned(planned) => out.registrations.push(*planned),
            RowOutcome::Criterion(entry) => out.criteria.push(*entry),
            RowOutcome::Rejected => out.rejected += 1,
        }
    }
    out
}
