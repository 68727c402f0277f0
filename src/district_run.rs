//! A district run: each commune folder of FOLDER consolidated on its own, against its
//! own plan, so a class two communes both held is two classes, not a repeat. A commune
//! folder with no plan but the commune's consolidated workbook (tong-hop.xlsx, written
//! by the tool) is that workbook read back, judged as of the district's date. A commune
//! that cannot be consolidated (no plan, a plan refused, a date outside its plan year)
//! is listed with the reason; it never stops the run.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::consolidation::Consolidation;
use crate::diagnostics::{Diagnostic, FoundProblem, Problem};
pub use crate::district::CommuneSink;
use crate::district::{Commune, CommuneOutcome, District};
use crate::input::discover::Found;
use crate::labels::{Lang, command as w};
use crate::pipeline::{Config, Prepared, RunError};
use crate::plan::{Plan, PlanSource};
use crate::read::{
    PlanForms, plan_form_candidates, plan_form_sheets, plan_forms_among, skipped_report,
};
use crate::readback::{own_among, read_back_with};
use crate::sandbox::Pool;

/// What to roll up, for [`run_district`].
pub struct DistrictConfig<'a> {
    /// The folder of commune folders.
    pub folder: PathBuf,
    /// The district's name, for the workbook's heading (no plan holds it).
    pub name: Option<String>,
    /// None: each commune's plan year's last day.
    pub as_of: Option<NaiveDate>,
    /// The output being written, skipped if it lies inside a commune folder.
    pub output: Option<PathBuf>,
    /// Called after each report read with (files done, files of all communes).
    pub progress: Option<&'a (dyn Fn(usize, usize) + Sync)>,
    /// Read the workbooks in worker processes under these limits (see `Config`).
    pub sandbox: Option<crate::sandbox::Sandbox>,
}

/// Consolidates every commune folder of `config.folder` (its sub-folders, in name
/// order; hidden ones left out). Err only when FOLDER itself cannot be listed or, with
/// a sandbox, no worker can be started. The reasons a commune failed are worded in
/// `lang`.
pub fn run_district(config: &DistrictConfig, lang: Lang) -> Result<District, RunError> {
    run_district_into(config, lang, &mut ())
}

/// [`run_district`], telling `sink` of each commune as soon as it is known.
///
/// First each commune's plan is found (every commune's plan form read in one go), and
/// a commune with none but its consolidated workbook has that read back; then the
/// reports of every commune with a plan are read by one pool of workers that knows
/// every plan ([`crate::pipeline::Prepared::read`]), so the cores stay busy from the
/// first commune to the last, and each commune is handed on as soon as its last file
/// is merged.
pub fn run_district_into(
    config: &DistrictConfig,
    lang: Lang,
    sink: &mut dyn CommuneSink,
) -> Result<District, RunError> {
    let (folders, loose) =
        commune_folders(&config.folder, config.output.as_deref()).map_err(|err| {
            RunError::Folder {
                path: config.folder.display().to_string(),
                err,
            }
        })?;
    let (mut communes, planned, configs) = plans_first(config, folders, lang)?;
    let prepared = Prepared::new(&configs);
    sink.known(&known_dates(&communes, (&planned, &configs), &prepared));
    // Communes handed on so far, in order.
    let mut given = 0;
    let mut give = |upto: usize, communes: &[Commune], sink: &mut dyn CommuneSink| {
        while let Some(c) = communes.get(given).filter(|_| given < upto) {
            sink.commune(given, c);
            given += 1;
        }
    };
    prepared.read(config.sandbox.as_ref(), config.progress, &mut |k, run| {
        let Some(&i) = planned.get(k) else {
            return;
        };
        if let Some(c) = communes.get_mut(i) {
            c.outcome = match run {
                Ok(c) => CommuneOutcome::Done(Arc::new(c)),
                Err(e) => CommuneOutcome::Failed(e.message(lang)),
            };
        }
        give(i + 1, &communes, sink);
    })?;
    give(usize::MAX, &communes, sink);
    Ok(District {
        folder: config.folder.clone(),
        name: config.name.clone(),
        as_of: config.as_of,
        communes,
        loose,
    })
}

/// The communes whose outcome is known before any report is read (those read back,
/// those failed), the others' indices, and their runs: the first pass of a district.
type FirstPass<'a> = (Vec<Commune>, Vec<usize>, Vec<Config<'a>>);

/// Every commune's plan, and every commune without one read back.
fn plans_first<'a>(
    config: &DistrictConfig<'a>,
    folders: Vec<(String, PathBuf)>,
    lang: Lang,
) -> Result<FirstPass<'a>, RunError> {
    // Plan forms and consolidated workbooks are read by workers that need no plan.
    let plain = match &config.sandbox {
        Some(s) if !folders.is_empty() => Some(Pool::start(s, &[]).map_err(RunError::Sandbox)?),
        _ => None,
    };
    let plans = commune_plans(&folders, plain.as_ref(), lang);
    // Each commune, the planned ones' outcomes to be filled in once their run is done.
    let mut communes = Vec::with_capacity(folders.len());
    let (mut configs, mut planned) = (Vec::new(), Vec::new());
    for (i, ((folder, path), plan)) in folders.into_iter().zip(plans).enumerate() {
        let outcome = match plan {
            Ok(Some((plan, plan_source))) => {
                planned.push(i);
                configs.push(commune_config(config, &path, plan, plan_source));
                CommuneOutcome::Failed(String::new())
            }
            Ok(None) => read_back_commune(config, &path, plain.as_ref(), lang),
            Err(reason) => CommuneOutcome::Failed(reason),
        };
        communes.push(Commune { folder, outcome });
    }
    Ok((communes, planned, configs))
}

/// Each commune's plan year and date, None for one that will not be consolidated: a
/// commune read back is done, a planned one (the `planned`-th communes, run with
/// `configs`) is to be when prepared.
fn known_dates(
    communes: &[Commune],
    (planned, configs): (&[usize], &[Config]),
    prepared: &Prepared,
) -> Vec<Option<(i32, NaiveDate)>> {
    let mut known: Vec<Option<(i32, NaiveDate)>> = communes
        .iter()
        .map(|c| {
            c.consolidation()
                .map(|c| (c.plan.year, c.summary.as_of.date))
        })
        .collect();
    for ((&i, config), date) in planned.iter().zip(configs).zip(prepared.dates()) {
        if let Some(k) = known.get_mut(i) {
            *k = date.map(|d| (config.plan.year, d));
        }
    }
    known
}

/// The run of a commune folder with its plan.
fn commune_config<'a>(
    config: &DistrictConfig<'a>,
    folder: &Path,
    plan: Plan,
    plan_source: PlanSource,
) -> Config<'a> {
    Config {
        folder: folder.to_path_buf(),
        plan,
        plan_source,
        as_of: config.as_of,
        output: config.output.clone(),
        progress: None,
        sandbox: config.sandbox.clone(),
    }
}

/// The commune folders: the sub-folders of `folder`, sorted by name, without hidden
/// ones (".git"); and the other entries of `folder` (files outside every commune), by
/// name, hidden ones and the output being written left out.
type Entries = (Vec<(String, PathBuf)>, Vec<String>);

fn commune_folders(folder: &Path, output: Option<&Path>) -> std::io::Result<Entries> {
    let (mut communes, mut loose) = (Vec::new(), Vec::new());
    let output = output.and_then(|o| crate::input::discover::canonical(o).ok());
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let is_output = output
            .as_ref()
            .is_some_and(|o| crate::input::discover::canonical(&path).ok().as_ref() == Some(o));
        if name.starts_with('.') || is_output {
            continue;
        }
        if path.is_dir() {
            communes.push((name, path));
        } else {
            loose.push(name);
        }
    }
    communes.sort();
    loose.sort();
    Ok((communes, loose))
}

/// A commune folder without a plan: the consolidated workbook of the tool's it holds
/// (tong-hop.xlsx, whatever its name), read back and judged as of the district's date.
/// None, or two, is a commune without a plan.
fn read_back_commune(
    config: &DistrictConfig,
    folder: &Path,
    pool: Option<&Pool>,
    lang: Lang,
) -> CommuneOutcome {
    let found = match crate::input::discover::discover(folder, config.output.as_deref()) {
        Ok(found) => found,
        Err(e) => {
            let reason = crate::labels::io_kind_or_text(&e, lang);
            let folder = folder.display().to_string();
            return CommuneOutcome::Failed(w::folder_not_opened(&folder, &reason, lang));
        }
    };
    match own_among(&found).as_slice() {
        [] => CommuneOutcome::Failed(w::commune_without_plan(lang)),
        [one] => match read_back_with(folder, one, config.as_of, pool) {
            Ok(c) => CommuneOutcome::Done(Arc::new(with_reports_beside(c, &found, one))),
            Err(e) => CommuneOutcome::Failed(e.message(one, lang)),
        },
        [a, b, ..] => CommuneOutcome::Failed(w::two_own_workbooks(a, b, lang)),
    }
}

/// A commune read back from its consolidated workbook `own`, with each other workbook
/// of its folder (`found`) listed as not read, with a warning: without a plan its classes count
/// against nothing, and they may be classes the workbook lacks.
fn with_reports_beside(mut c: Consolidation, found: &[Found], own: &str) -> Consolidation {
    for f in found {
        if f.rel == own || !matches!(f.action, crate::input::discover::Action::Read(_)) {
            continue;
        }
        let problem = Problem::Found(FoundProblem::BesideReadBack {
            workbook: own.to_string(),
        });
        c.diagnostics.push(Diagnostic {
            problem: problem.clone(),
            file: Some(f.rel.clone()),
            sheet: None,
            cell: None,
        });
        c.files.push(skipped_report(f, problem));
    }
    c
}

/// Each commune's plan (see [`commune_plan`]), every commune's plan-form candidates
/// read in one go.
fn commune_plans(
    folders: &[(String, PathBuf)],
    pool: Option<&Pool>,
    lang: Lang,
) -> Vec<Result<Option<(Plan, PlanSource)>, String>> {
    let found: Vec<std::io::Result<Vec<Found>>> = folders
        .iter()
        .map(|(_, path)| plan_form_candidates(path))
        .collect();
    let counts: Vec<usize> = found
        .iter()
        .map(|f| f.as_ref().map_or(0, Vec::len))
        .collect();
    let mut candidates = Vec::new();
    let found: Vec<std::io::Result<()>> = found
        .into_iter()
        .map(|f| f.map(|f| candidates.extend(f)))
        .collect();
    let sheets = plan_form_sheets(&candidates, pool);
    let (mut candidates, mut sheets) = (candidates.into_iter(), sheets.into_iter());
    folders
        .iter()
        .zip(found.into_iter().zip(counts))
        .map(|((_, folder), (listed, n))| {
            let forms = listed.map(|()| {
                plan_forms_among(
                    candidates.by_ref().take(n).collect(),
                    sheets.by_ref().take(n).collect(),
                )
            });
            commune_plan(folder, forms, lang)
        })
        .collect()
}

/// A commune's plan: its plan form (`forms`, what its folder holds of them), else its
/// one TOML plan file; None when it has neither; the reason in words when it has two,
/// or one refused.
fn commune_plan(
    folder: &Path,
    forms: std::io::Result<PlanForms>,
    lang: Lang,
) -> Result<Option<(Plan, PlanSource)>, String> {
    let refused = |file: &str, e: crate::plan::PlanError| {
        format!(
            "{}: {}",
            w::plan_invalid(Path::new(file), lang),
            e.message(lang)
        )
    };
    match forms {
        Ok(PlanForms::One { rel, plan, .. }) => {
            let plan = plan.map_err(|e| refused(&rel, e))?;
            return Ok(Some((plan, PlanSource::InFolder(rel))));
        }
        Ok(PlanForms::Several(a, b)) => return Err(w::two_plan_forms(&a, &b, lang)),
        Ok(PlanForms::None) => {}
        Err(e) => {
            let reason = crate::labels::io_kind_or_text(&e, lang);
            return Err(w::folder_not_opened(
                &folder.display().to_string(),
                &reason,
                lang,
            ));
        }
    }
    let tomls = toml_plans(folder);
    match tomls.as_slice() {
        [] => Ok(None),
        [one] => {
            let text = std::fs::read_to_string(folder.join(one)).map_err(|e| {
                let reason = crate::labels::io_kind_or_text(&e, lang);
                w::plan_unreadable(Path::new(one), &reason, lang)
            })?;
            let plan = Plan::from_toml(&text).map_err(|e| refused(one, e))?;
            Ok(Some((plan, PlanSource::InFolder(one.clone()))))
        }
        [a, b, ..] => Err(w::two_plan_forms(a, b, lang)),
    }
}

/// The TOML files at the top of a commune folder, by name.
fn toml_plans(folder: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_lowercase().ends_with(".toml") && !n.starts_with('.'))
        .collect();
    out.sort();
    out
}
