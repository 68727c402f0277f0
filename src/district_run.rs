//! A district run: each commune folder of FOLDER consolidated on its own, against its
//! own plan, so a class two communes both held is two classes, not a repeat. A commune
//! folder with no plan but the commune's consolidated workbook (tong-hop.xlsx, written
//! by the tool) is that workbook read back, judged as of the district's date. A commune
//! that cannot be consolidated (no plan, a plan refused, a date outside its plan year)
//! is listed with the reason; it never stops the run.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::district::{Commune, CommuneOutcome, District};
use crate::labels::{Lang, command as w};
use crate::pipeline::{Config, RunError};
use crate::plan::{Plan, PlanSource};
use crate::read::{PlanForms, find_plan_form};
use crate::readback::{own_workbooks, read_back};

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
    /// Called after each commune with (communes done, communes in all).
    pub progress: Option<&'a (dyn Fn(usize, usize) + Sync)>,
    /// Read the workbooks in worker processes under these limits (see `Config`).
    pub sandbox: Option<crate::sandbox::Sandbox>,
}

/// Consolidates every commune folder of `config.folder` (its sub-folders, in name
/// order; hidden ones left out). Err only when FOLDER itself cannot be listed. The
/// reasons a commune failed are worded in `lang`.
pub fn run_district(config: &DistrictConfig, lang: Lang) -> Result<District, RunError> {
    let (folders, loose) =
        commune_folders(&config.folder, config.output.as_deref()).map_err(|err| {
            RunError::Folder {
                path: config.folder.display().to_string(),
                err,
            }
        })?;
    let total = folders.len();
    let mut communes = Vec::with_capacity(total);
    for (i, (name, path)) in folders.into_iter().enumerate() {
        let outcome = commune(config, &path, lang);
        communes.push(Commune {
            folder: name,
            outcome,
        });
        if let Some(p) = config.progress {
            p(i + 1, total);
        }
    }
    Ok(District {
        folder: config.folder.clone(),
        name: config.name.clone(),
        as_of: config.as_of,
        communes,
        loose,
    })
}

/// The commune folders: the sub-folders of `folder`, sorted by name, without hidden
/// ones (".git"); and the other entries of `folder` (files outside every commune), by
/// name, hidden ones and the output being written left out.
type Entries = (Vec<(String, PathBuf)>, Vec<String>);

fn commune_folders(folder: &Path, output: Option<&Path>) -> std::io::Result<Entries> {
    let (mut communes, mut loose) = (Vec::new(), Vec::new());
    let output = output.and_then(|o| std::fs::canonicalize(o).ok());
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let is_output = output
            .as_ref()
            .is_some_and(|o| std::fs::canonicalize(&path).ok().as_ref() == Some(o));
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

/// One commune: its plan, then its reports consolidated against it; or, with no plan,
/// its one consolidated workbook read back.
fn commune(config: &DistrictConfig, folder: &Path, lang: Lang) -> CommuneOutcome {
    let (plan, plan_source) = match commune_plan(folder, config.sandbox.as_ref(), lang) {
        Ok(Some(found)) => found,
        Ok(None) => return read_back_commune(config, folder, lang),
        Err(reason) => return CommuneOutcome::Failed(reason),
    };
    let run = crate::pipeline::run(&Config {
        folder: folder.to_path_buf(),
        plan,
        plan_source,
        as_of: config.as_of,
        output: config.output.clone(),
        progress: None,
        sandbox: config.sandbox.clone(),
    });
    match run {
        Ok(c) => CommuneOutcome::Done(Box::new(c)),
        Err(e) => CommuneOutcome::Failed(e.message(lang)),
    }
}

/// A commune folder without a plan: the consolidated workbook of the tool's it holds
/// (tong-hop.xlsx, whatever its name), read back and judged as of the district's date.
/// None, or two, is a commune without a plan.
fn read_back_commune(config: &DistrictConfig, folder: &Path, lang: Lang) -> CommuneOutcome {
    let own = match own_workbooks(folder, config.output.as_deref()) {
        Ok(own) => own,
        Err(e) => {
            let reason = crate::labels::io_kind_or_text(&e, lang);
            let folder = folder.display().to_string();
            return CommuneOutcome::Failed(w::folder_not_opened(&folder, &reason, lang));
        }
    };
    match own.as_slice() {
        [] => CommuneOutcome::Failed(w::commune_without_plan(lang)),
        [one] => match read_back(folder, one, config.as_of, config.sandbox.as_ref()) {
            Ok(c) => CommuneOutcome::Done(Box::new(c)),
            Err(e) => CommuneOutcome::Failed(e.message(one, lang)),
        },
        [a, b, ..] => CommuneOutcome::Failed(w::two_own_workbooks(a, b, lang)),
    }
}

/// A commune's plan: its plan form, else its one TOML plan file; None when it has
/// neither; the reason in words when it has two, or one refused.
fn commune_plan(
    folder: &Path,
    sandbox: Option<&crate::sandbox::Sandbox>,
    lang: Lang,
) -> Result<Option<(Plan, PlanSource)>, String> {
    let refused = |file: &str, e: crate::plan::PlanError| {
        format!(
            "{}: {}",
            w::plan_invalid(Path::new(file), lang),
            e.message(lang)
        )
    };
    match find_plan_form(folder, sandbox) {
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
