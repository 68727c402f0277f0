//! A district run over commune folders, each against its own plan: figures worked out
//! by hand from the fixtures below.

mod common;

use std::path::Path;

use tthtcd::district::CommuneOutcome;
use tthtcd::district_run::{DistrictConfig, run_district};
use tthtcd::labels::Lang;

/// A commune's TOML plan: `subs` as (id, name, classes, learners); the quarters carry
/// the whole target in quarter 1; population 1000; year 2019.
fn plan_toml(unit: &str, subs: &[(&str, &str, u32, u32)]) -> String {
    let (classes, learners): (u32, u32) = subs.iter().fold((0, 0), |(c, l), s| (c + s.2, l + s.3));
    let mut t = format!(
        "unit = \"{unit}\"\ncentre = \"Trung tâm học tập cộng đồng {unit}\"\nyear = 2019\n\
         population_15_plus = 1000\nparticipation_target = {}\n",
        f64::from(learners) / 1000.0
    );
    for (id, name, c, l) in subs {
        t += &format!(
            "[[subcommittee]]\nid = \"{id}\"\nname = \"{name}\"\nclasses = {c}\nlearners = {l}\n"
        );
    }
    for q in 1..=4 {
        let (c, l) = if q == 1 { (classes, learners) } else { (0, 0) };
        t += &format!("[[quarter]]\nquarter = {q}\nclasses = {c}\nlearners = {l}\n");
    }
    t
}

/// Five communes:
/// - xa-an-phu: five sub-committees, Kinh tế 4/200, Tin học 2/100, Ngoại ngữ 1/50, Sức
///   khỏe cộng đồng 2/80, Kỹ năng sống 1/30 (TOML: 10 classes, 460 learners);
///   kinh-te.xlsx: Trồng lúa 05/03 30, Nuôi cá 12/04 25; tin-hoc.xlsx: Tin học văn
///   phòng 10/04 40.
/// - xa-binh-minh: Kinh tế 3/150 (TOML) holding the very rows of An Phú's kinh-te.xlsx:
///   not repeats — another commune's classes.
/// - xa-cat-tien: reports but no plan: failed.
/// - xa-dong-hoa: Kinh tế 2/80 (TOML); kinh-te.xlsx: Trồng rau 02/05 20; a damaged
///   bao-cao-hong.xlsx: the file fails, the commune does not.
/// - xa-yen-duc: only its tong-hop.xlsx (see `sent_tong_hop`).
///
/// And bao-cao-le.xlsx beside them, in no commune folder: listed, not read.
fn district(dir: &Path) {
    let an_phu = dir.join("xa-an-phu");
    let binh_minh = dir.join("xa-binh-minh");
    let cat_tien = dir.join("xa-cat-tien");
    let dong_hoa = dir.join("xa-dong-hoa");
    for d in [&an_phu, &binh_minh, &cat_tien, &dong_hoa] {
        std::fs::create_dir(d).unwrap();
    }
    let kinh_te = [
        ("Trồng lúa", "05/03/2019", 30.0),
        ("Nuôi cá", "12/04/2019", 25.0),
    ];
    std::fs::write(
        an_phu.join("ke-hoach.toml"),
        plan_toml(
            "Xã An Phú",
            &[
                ("kinh-te", "Kinh tế", 4, 200),
                ("tin-hoc", "Tin học", 2, 100),
                ("ngoai-ngu", "Ngoại ngữ", 1, 50),
                ("suc-khoe", "Sức khỏe cộng đồng", 2, 80),
                ("ky-nang", "Kỹ năng sống", 1, 30),
            ],
        ),
    )
    .unwrap();
    common::month_report(&an_phu.join("kinh-te.xlsx"), &kinh_te);
    common::month_report(
        &an_phu.join("tin-hoc.xlsx"),
        &[("Tin học văn phòng", "10/04/2019", 40.0)],
    );
    std::fs::write(
        binh_minh.join("plan.toml"),
        plan_toml("Xã Bình Minh", &[("kinh-te", "Kinh tế", 3, 150)]),
    )
    .unwrap();
    common::month_report(&binh_minh.join("kinh-te.xlsx"), &kinh_te);
    common::month_report(&cat_tien.join("kinh-te.xlsx"), &kinh_te);
    std::fs::write(
        dong_hoa.join("ke-hoach.toml"),
        plan_toml("Xã Đông Hòa", &[("kinh-te", "Kinh tế", 2, 80)]),
    )
    .unwrap();
    common::month_report(
        &dong_hoa.join("kinh-te.xlsx"),
        &[("Trồng rau", "02/05/2019", 20.0)],
    );
    std::fs::write(
        dong_hoa.join("bao-cao-hong.xlsx"),
        b"PK\x03\x04 not a workbook",
    )
    .unwrap();
    sent_tong_hop(dir);
    // A report dropped beside the commune folders, in none of them.
    common::month_report(
        &dir.join("bao-cao-le.xlsx"),
        &[("Trồng lúa", "05/03/2019", 30.0)],
    );
}

/// xa-yen-duc sends only its tong-hop.xlsx, consolidated at the commune from its plan
/// (Kinh tế 2/100) and one report: Trồng nấm 08/06 15, Trồng lúa 05/03 30.
fn sent_tong_hop(dir: &Path) {
    let commune_pc = tempfile::tempdir().unwrap();
    let at_commune = commune_pc.path().to_path_buf();
    common::month_report(
        &at_commune.join("kinh-te.xlsx"),
        &[
            ("Trồng nấm", "08/06/2019", 15.0),
            ("Trồng lúa", "05/03/2019", 30.0),
        ],
    );
    let plan = plan_toml("Xã Yên Đức", &[("kinh-te", "Kinh tế", 2, 100)]);
    let c = tthtcd::run(&tthtcd::Config {
        folder: at_commune.clone(),
        plan: tthtcd::Plan::from_toml(&plan).unwrap(),
        plan_source: Default::default(),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap();
    let yen_duc = dir.join("xa-yen-duc");
    std::fs::create_dir(&yen_duc).unwrap();
    let bytes = tthtcd::report::workbook::workbook_bytes(&c, Lang::Vi).unwrap();
    let kind = tthtcd::report::output::Kind::Workbook;
    tthtcd::report::output::write(&yen_duc.join("tong-hop.xlsx"), &bytes, kind, Lang::Vi).unwrap();
}

fn config(dir: &Path) -> DistrictConfig<'static> {
    DistrictConfig {
        folder: dir.to_path_buf(),
        name: None,
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    }
}

#[test]
fn each_commune_is_consolidated_against_its_own_plan() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path());
    let d = run_district(&config(dir.path()), Lang::Vi).unwrap();
    let folders: Vec<_> = d.communes.iter().map(|c| c.folder.as_str()).collect();
    assert_eq!(
        folders,
        [
            "xa-an-phu",
            "xa-binh-minh",
            "xa-cat-tien",
            "xa-dong-hoa",
            "xa-yen-duc"
        ]
    );
    let figures = |i: usize| {
        let c = d.communes[i].consolidation().unwrap();
        (
            c.summary.classes.actual,
            c.summary.learners.actual,
            c.summary.classes.target,
            c.summary.learners.target,
        )
    };
    // An Phú: 2 + 1 = 3 classes, 30 + 25 + 40 = 95 learners; targets 4 + 2 + 1 + 2 + 1
    // = 10 classes, 200 + 100 + 50 + 80 + 30 = 460 learners.
    assert_eq!(figures(0), (3, 95, 10, 460));
    // Bình Minh: the same two rows, its own: 2 classes, 55 learners, against 3 / 150.
    assert_eq!(figures(1), (2, 55, 3, 150));
    let binh_minh = d.communes[1].consolidation().unwrap();
    assert_eq!(binh_minh.totals().duplicate, 0);
    // Cát Tiên: no plan, named as the commune's problem.
    match &d.communes[2].outcome {
        CommuneOutcome::Failed(reason) => assert!(reason.contains("không có kế hoạch"), "{reason}"),
        CommuneOutcome::Done(_) => panic!("a commune without a plan was consolidated"),
    }
    // Đông Hòa: 1 class, 20 learners; its damaged file failed, listed.
    assert_eq!(figures(3), (1, 20, 2, 80));
    let dong_hoa = d.communes[3].consolidation().unwrap();
    let failed: Vec<_> = dong_hoa
        .files
        .iter()
        .filter(|f| f.status == tthtcd::FileStatus::Failed)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(failed, ["bao-cao-hong.xlsx"]);
    // Yên Đức, read back from its tong-hop.xlsx: 2 classes, 15 + 30 = 45 learners,
    // against 2 / 100; the plan is the one the workbook carries.
    assert_eq!(figures(4), (2, 45, 2, 100));
    assert_eq!(d.loose, ["bao-cao-le.xlsx"]);
    let yen_duc = d.communes[4].consolidation().unwrap();
    assert_eq!(yen_duc.plan.unit, "Xã Yên Đức");
    assert_eq!(
        yen_duc.plan_source,
        tthtcd::plan::PlanSource::InFolder("tong-hop.xlsx".into())
    );
}

#[test]
fn the_json_has_the_district_and_a_block_a_commune() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path());
    let d = run_district(&config(dir.path()), Lang::Vi).unwrap();
    let j = tthtcd::report::district_json::district_summary(&d, Lang::Vi);
    // 3 + 2 + 1 + 2 = 8 classes; 95 + 55 + 20 + 45 = 215 learners; 5 communes, 1
    // failed.
    assert_eq!(j["district"]["totals"]["classes"], 8);
    assert_eq!(j["district"]["totals"]["learners"], 215);
    assert_eq!(
        (
            j["district"]["communes"].as_u64(),
            j["district"]["communes_failed"].as_u64()
        ),
        (Some(5), Some(1))
    );
    assert_eq!(j["district"]["as_of"], "2019-12-31");
    assert_eq!(
        j["district"]["files_outside_communes"],
        serde_json::json!(["bao-cao-le.xlsx"])
    );
    let communes = j["communes"].as_array().unwrap();
    assert_eq!(communes[0]["folder"], "xa-an-phu");
    assert_eq!(communes[0]["unit"], "Xã An Phú");
    assert_eq!(communes[0]["plan"]["source"], "ke-hoach.toml");
    assert_eq!(communes[0]["subcommittees"][1]["learners"]["actual"], 40);
    assert_eq!(communes[1]["plan"]["source"], "plan.toml");
    assert_eq!(communes[2]["unit"], serde_json::Value::Null);
    assert!(
        communes[2]["error"]
            .as_str()
            .unwrap()
            .contains("ke-hoach.xlsx")
    );
}

#[test]
fn the_terminal_table_has_a_line_a_commune_and_the_failed_ones_below() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path());
    let d = run_district(&config(dir.path()), Lang::Vi).unwrap();
    let text = tthtcd::report::terminal::render_district(&d, Lang::Vi, false);
    let cells = |name: &str| -> Vec<String> {
        let line = text
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        line.split('|')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    // An Phú at year end: target 10, due 10, opened 3; learners 460, 460, 95: short.
    assert_eq!(
        cells("Xã An Phú"),
        [
            "Xã An Phú",
            "10",
            "10",
            "3",
            "460",
            "460",
            "95",
            "Không đạt"
        ]
    );
    // The district: 10 + 3 + 2 + 2 = 17 classes planned, 3 + 2 + 1 + 2 = 8 opened;
    // 460 + 150 + 80 + 100 = 790 learners planned, 95 + 55 + 20 + 45 = 215.
    assert_eq!(
        cells("Tổng cộng"),
        ["Tổng cộng", "17", "17", "8", "790", "790", "215"]
    );
    assert!(
        text.contains("Không tổng hợp được xã xa-cat-tien: thư mục xã không có kế hoạch"),
        "{text}"
    );
    assert!(
        text.contains("tệp 'bao-cao-le.xlsx' nằm ngoài mọi thư mục xã nên không được đọc"),
        "{text}"
    );
    // Đông Hòa's damaged file, counted as a failed file of that commune.
    assert!(text.contains("xa-dong-hoa: 1"), "{text}");
}

#[test]
fn the_command_prints_the_table_writes_the_json_and_says_what_was_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path());
    let js = tempfile::tempdir().unwrap();
    let json = js.path().join("huyen.json");
    let xlsx = js.path().join("huyen.xlsx");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args([
            "district",
            dir.path().to_str().unwrap(),
            "-o",
            xlsx.to_str().unwrap(),
            "--name",
            "Đông Triều",
            "--json",
            json.to_str().unwrap(),
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(xlsx.is_file(), "{out}");
    assert!(
        out.contains("the file 'bao-cao-le.xlsx' stands outside every commune folder"),
        "{out}"
    );
    // The workbook's Warnings has it as an error of its own code.
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&xlsx).unwrap();
    let warnings = wb.worksheet_range("Warnings").unwrap();
    let codes: Vec<String> = warnings
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .filter(|c| c == "not-in-commune" || c == "commune-failed")
        .collect();
    assert_eq!(codes, ["commune-failed", "not-in-commune"]);
    // Cát Tiên was not consolidated: exit 2, as for a file not counted.
    assert_eq!(
        run.status.code(),
        Some(2),
        "{out}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.contains("| Commune"), "{out}");
    assert!(
        out.contains("Commune not consolidated: xa-cat-tien: the commune folder holds no plan"),
        "{out}"
    );
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    // 95 + 55 + 20 + 45 = 215 learners, worked out above.
    assert_eq!(j["district"]["totals"]["learners"], 215);
    assert_eq!(j["communes"][3]["files"].as_array().unwrap().len(), 3);
}

#[test]
fn the_workbook_filled_while_the_communes_are_read_is_the_one_written_after() {
    use tthtcd::district_run::run_district_into;
    use tthtcd::report::district::{Streamed, district_bytes};
    let dir = tempfile::tempdir().unwrap();
    district(dir.path());
    let sandbox = common::sandbox();
    for (sandbox, lang) in [(None, Lang::Vi), (Some(sandbox), Lang::En)] {
        let config = DistrictConfig {
            sandbox,
            ..config(dir.path())
        };
        let mut streamed = Streamed::new(Some("Đông Triều".into()), None, lang);
        assert!(!streamed.is_filling());
        let d = run_district_into(&config, lang, &mut streamed).unwrap();
        assert!(streamed.is_filling());
        // Three communes consolidated (An Phú 3 classes, Bình Minh 2, Đông Hòa 1) and
        // one read back (Yên Đức 2): 8 classes in the list.
        let listed: usize = d.done().map(|(_, c)| c.classes.len()).sum();
        assert_eq!(listed, 8);
        let d = tthtcd::district::District {
            name: Some("Đông Triều".into()),
            ..d
        };
        let bytes = streamed.finish(&d).unwrap();
        assert_eq!(bytes, district_bytes(&d, lang).unwrap());
    }
}
