//! Folders read together, as a district run reads its communes (`Prepared::read`):
//! each folder's result is the one its own run gives, handed over in folder order.
//! Figures worked out by hand from the fixtures below.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use tthtcd::{Config, Consolidation, Plan, Prepared, RunError};

/// Five folders, all against the embedded plan (year 2019):
/// - a: kinh-te.xlsx, Trồng lúa 05/03 25 and Nuôi cá 12/04 30 → 2 classes, 55 learners;
/// - b: the very same file → 2 classes, 55 learners (another folder's: no repeat);
/// - c: judged on 01/01/2020, outside the plan year → refused;
/// - d: empty → 0 classes;
/// - e: phap-luat.xlsx, Luật đất đai 20/05 40 → 1 class, 40 learners.
fn folders(root: &Path) -> Vec<Config<'static>> {
    let kinh_te = [
        ("Trồng lúa", "05/03/2019", 25.0),
        ("Nuôi cá", "12/04/2019", 30.0),
    ];
    for (name, classes) in [
        ("a", &kinh_te[..]),
        ("b", &kinh_te[..]),
        ("c", &kinh_te[..]),
    ] {
        std::fs::create_dir_all(root.join(name)).unwrap();
        common::month_report(&root.join(name).join("kinh-te.xlsx"), classes);
    }
    std::fs::create_dir_all(root.join("d")).unwrap();
    std::fs::create_dir_all(root.join("e")).unwrap();
    common::month_report(
        &root.join("e").join("phap-luat.xlsx"),
        &[("Luật đất đai", "20/05/2019", 40.0)],
    );
    ["a", "b", "c", "d", "e"]
        .into_iter()
        .map(|name| Config {
            folder: root.join(name),
            plan: Plan::embedded(),
            plan_source: Default::default(),
            as_of: (name == "c").then(|| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
            output: None,
            progress: None,
            sandbox: None,
        })
        .collect()
}

fn figures(r: &Result<Consolidation, RunError>) -> Option<(usize, u64, usize)> {
    r.as_ref()
        .ok()
        .map(|c| (c.classes.len(), c.summary.learners.actual, c.files.len()))
}

fn read_together(
    configs: &[Config],
    sandbox: Option<&tthtcd::sandbox::Sandbox>,
) -> Vec<(usize, Result<Consolidation, RunError>)> {
    let prepared = Prepared::new(configs);
    let day = |d| NaiveDate::from_ymd_opt(2019, 12, d);
    assert_eq!(prepared.dates(), [day(31), day(31), None, day(31), day(31)]);
    let mut given = Vec::new();
    prepared
        .read(sandbox, None, &mut |i, r| given.push((i, r)))
        .unwrap();
    given
}

#[test]
fn each_folder_gets_what_its_own_run_gives_in_folder_order() {
    let dir = tempfile::tempdir().unwrap();
    let configs = folders(dir.path());
    let sandbox = common::sandbox();
    for sandbox in [None, Some(&sandbox)] {
        let given = read_together(&configs, sandbox);
        let order: Vec<usize> = given.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, [0, 1, 2, 3, 4]);
        let got: Vec<_> = given.iter().map(|(_, r)| figures(r)).collect();
        assert_eq!(
            got,
            [
                Some((2, 55, 1)),
                Some((2, 55, 1)),
                None,
                Some((0, 0, 0)),
                Some((1, 40, 1))
            ]
        );
        assert!(matches!(given[2].1, Err(RunError::AsOf(_))));
        for (config, (_, together)) in configs.iter().zip(&given) {
            let alone = tthtcd::run(config);
            assert_eq!(figures(&alone), figures(together));
        }
    }
}
