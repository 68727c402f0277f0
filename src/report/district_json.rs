//! The district summary as JSON (`tthtcd district FOLDER --json FILE`): the district's
//! totals, then each commune's block shaped as the commune summary (docs in the README,
//! beside the commune summary's contract).

use serde_json::{Map, Value, json};

use crate::district::{CommuneOutcome, District};
use crate::labels::Lang;

/// The district summary as a JSON value.
pub fn district_summary(d: &District, lang: Lang) -> Value {
    let communes: Vec<Value> = d
        .communes
        .iter()
        .map(|k| match &k.outcome {
            CommuneOutcome::Done(c) => {
                let mut block = Map::new();
                block.insert("folder".into(), json!(k.folder));
                block.insert("unit".into(), json!(c.plan.unit));
                if let Value::Object(summary) = super::json::summary(c, lang) {
                    // The commune's summary without the document's own header.
                    for (key, value) in summary {
                        if key != "schema" && key != "tool" {
                            block.insert(key, value);
                        }
                    }
                }
                Value::Object(block)
            }
            CommuneOutcome::Failed(reason) => {
                json!({ "folder": k.folder, "unit": null, "error": reason })
            }
        })
        .collect();
    let done: Vec<_> = d.done().map(|(_, c)| c).collect();
    let classes: u64 = done.iter().map(|c| c.summary.classes.actual).sum();
    let learners: u64 = done.iter().map(|c| c.summary.learners.actual).sum();
    let as_of = match d.as_of {
        Some(date) => json!(date.format("%Y-%m-%d").to_string()),
        // Each commune's own year end; one date when they agree.
        None => common_as_of(&done),
    };
    json!({
        "schema": super::json::SCHEMA,
        "tool": { "name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION") },
        "district": {
            "as_of": as_of,
            "totals": { "classes": classes, "learners": learners },
            "communes": d.communes.len(),
            "communes_failed": d.communes.len() - done.len(),
            // Files in FOLDER itself, outside every commune folder: not read.
            "files_outside_communes": d.loose,
        },
        "communes": communes,
    })
}

/// The as-of date every commune was judged at, or null when their plan years differ.
fn common_as_of(done: &[&crate::consolidation::Consolidation]) -> Value {
    let mut dates = done.iter().map(|c| c.summary.as_of.date);
    match dates.next() {
        Some(first) if dates.all(|d| d == first) => json!(first.format("%Y-%m-%d").to_string()),
        _ => Value::Null,
    }
}
