//! The plan's appendix from the registration forms of samples/dang-ky, and the matching
//! of planned to held classes. Figures worked out by hand from the forms' table in
//! examples/make_samples.rs (`registrations()`).

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use tthtcd::check::plan_vs_held::PlanStatus;
use tthtcd::check::registration::Registered;
use tthtcd::labels::Lang;
use tthtcd::{Config, Plan};

fn samples() -> tthtcd::Consolidation {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    tthtcd::run(&Config {
        folder,
        plan: Plan::embedded(),
        plan_source: Default::default(),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap()
}

fn reg(classes: u64, learners: u64) -> Registered {
    Registered { classes, learners }
}

#[test]
fn registrations_per_subcommittee_and_quarter_against_the_plan() {
    let c = samples();
    // kinh-te 8 × 100; phap-luat 6 × 125; van-hoa-xa-hoi 9 × 60 + 2 × 80; suc-khoe
    // 12 × 65 + 70; moi-truong 7 × 100; khac 5 × 90.
    let by_sub: Vec<Registered> = c
        .registration
        .by_subcommittee
        .iter()
        .map(|(_, r)| *r)
        .collect();
    assert_eq!(
        by_sub,
        vec![
            reg(8, 800),
            reg(6, 750),
            reg(11, 700),
            reg(13, 850),
            reg(7, 700),
            reg(5, 450)
        ]
    );
    // Q1: 6/600 + 4/500 + 3/180 + 4/260 + 3/300 + 2/180 = 22 / 2020
    // Q2: 0 + 2/250 + 3/180 + 4/265 + 2/200 + 1/90 = 12 / 985
    // Q3: 1/100 + 0 + 3/180 + 3/195 + 1/100 + 1/90 = 9 / 665
    // Q4: 1/100 + 0 + 2/160 + 2/130 + 1/100 + 1/90 = 7 / 580
    let by_quarter: Vec<Registered> = c.registration.by_quarter.iter().map(|(_, r)| *r).collect();
    assert_eq!(
        by_quarter,
        vec![reg(22, 2020), reg(12, 985), reg(9, 665), reg(7, 580)]
    );
    let gaps: Vec<String> = c
        .registration
        .gaps()
        .iter()
        .map(|g| g.message(&c.plan, Lang::Vi))
        .collect();
    assert_eq!(
        gaps,
        vec![
            "Tiểu ban pháp luật đăng ký 6 lớp, kế hoạch 8 lớp",
            "Tiểu ban giáo dục bảo vệ môi trường đăng ký 700 học viên, kế hoạch 800 học viên",
            "Các chương trình khác đăng ký 5 lớp, kế hoạch 7 lớp",
            "Quý I đăng ký 22 lớp, kế hoạch 13 lớp",
            "Quý I đăng ký 2020 học viên, kế hoạch 1000 học viên",
            "Quý II đăng ký 12 lớp, kế hoạch 14 lớp",
            "Quý II đăng ký 985 học viên, kế hoạch 1200 học viên",
            "Quý III đăng ký 9 lớp, kế hoạch 13 lớp",
            "Quý III đăng ký 665 học viên, kế hoạch 1100 học viên",
            "Quý IV đăng ký 7 lớp, kế hoạch 13 lớp",
            "Quý IV đăng ký 580 học viên, kế hoạch 1050 học viên",
        ]
    );
    // Registrations are not classes held.
    assert_eq!(c.summary.classes.actual, 31);
}

#[test]
fn planned_classes_are_matched_to_held_ones() {
    let c = samples();
    let count =
        |f: &dyn Fn(&PlanStatus) -> bool| c.plan_vs_held.planned.iter().filter(|s| f(s)).count();
    // Held: kinh-te 6, phap-luat 5, van-hoa-xa-hoi 5, suc-khoe 7, moi-truong 3, khac 3 = 29.
    // Not yet due on 31 December: the two Q4 culture classes and khac's December class.
    // Overdue: the other 50 − 29 − 3 = 18.
    assert_eq!(count(&|s| matches!(s, PlanStatus::Held(_))), 29);
    assert_eq!(count(&|s| *s == PlanStatus::NotYetHeld), 3);
    assert_eq!(count(&|s| *s == PlanStatus::Overdue), 18);
    // Held but not planned: kinh-te's mushrooms (planned July, held April) and compost
    // (planned October, held April).
    let unplanned: Vec<&str> = c
        .plan_vs_held
        .unplanned
        .iter()
        .map(|i| c.classes[*i].topic.as_str())
        .collect();
    assert_eq!(unplanned, vec!["Trồng nấm rơm", "Ủ phân hữu cơ vi sinh"]);
    // "Sản xuất rau an toàn" (planned) is "Sản xuất rau an toàn theo VietGAP" (held).
    let i = c
        .planned
        .iter()
        .position(|p| p.topic == "Sản xuất rau an toàn")
        .unwrap();
    let PlanStatus::Held(h) = c.plan_vs_held.planned[i] else {
        panic!("not held")
    };
    assert_eq!(c.classes[h].topic, "Sản xuất rau an toàn theo VietGAP");
}

#[test]
fn the_appendix_workbook_has_the_subtotals_and_the_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("phu-luc.xlsx");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let o = Command::new(env!("CARGO_BIN_EXE_tthtcd"))
        .args([
            "appendix",
            samples.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("Tiểu ban pháp luật đăng ký 6 lớp, kế hoạch 8 lớp")
    );
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), ["Theo tiểu ban", "Theo quý"]);
    let sheet = wb.worksheet_range("Theo tiểu ban").unwrap();
    // Every "Cộng" row: its label and the learners it adds up (column E).
    let subtotals: Vec<(String, f64)> = sheet
        .rows()
        .filter_map(|r| match (r.first(), r.get(4)) {
            (Some(Data::String(l)), Some(Data::Float(n)))
                if l.starts_with("Cộng") || l.starts_with("Tổng cộng") =>
            {
                Some((l.clone(), *n))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        subtotals,
        vec![
            (
                "Cộng 8 lớp — kế hoạch 8 lớp, 800 học viên".to_string(),
                800.0
            ),
            (
                "Cộng 6 lớp — kế hoạch 8 lớp, 750 học viên".to_string(),
                750.0
            ),
            (
                "Cộng 11 lớp — kế hoạch 11 lớp, 700 học viên".to_string(),
                700.0
            ),
            (
                "Cộng 13 lớp — kế hoạch 13 lớp, 850 học viên".to_string(),
                850.0
            ),
            (
                "Cộng 7 lớp — kế hoạch 7 lớp, 800 học viên".to_string(),
                700.0
            ),
            (
                "Cộng 5 lớp — kế hoạch 7 lớp, 450 học viên".to_string(),
                450.0
            ),
            (
                "Tổng cộng 50 lớp — kế hoạch 54 lớp, 4350 học viên".to_string(),
                4250.0
            ),
        ]
    );
}
