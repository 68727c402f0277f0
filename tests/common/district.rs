//! A district of four commune folders for the district workbook's tests: three
//! consolidated from their own reports against their own plans (2019 all), one that
//! could not be. Every report's table has the headings STT, Tên chuyên đề, Số lớp,
//! Ngày mở lớp, Số học viên (a blank Số lớp is 1 class) and names no month, so it
//! counts as received for the months of its classes; every report file was last
//! changed on 1 June 2019 (its arrival date: a month's report is due on the 5th of the
//! next month, so January to April arrive late, May on).
//!
//! | # | folder        | sub-committee (folder)          | classes (Số lớp, date, learners)                    |
//! |---|---------------|---------------------------------|-----------------------------------------------------|
//! | 0 | binh-duong    | Tiểu ban kinh tế (kinh-te)      | Trồng ngô 2 03/03 70; Nuôi gà – 10/07 30            |
//! |   |               | Môi trường (moi-truong)         | Phân loại rác – 22/04 40                            |
//! | 1 | dong-lam      | failed: no plan                 |                                                     |
//! | 2 | hong-thai-tay | Tiểu ban phát triển kinh tế     | Trồng lúa 10/03 40; Nuôi cá 15/04 60;               |
//! |   |               | (kinh-te)                       | Trồng rau 20/09 110; Làm vườn 05/11 50              |
//! |   |               | Tiểu ban pháp luật (phap-luat)  | Luật Giao thông 05/02 30; Luật Hôn nhân with no     |
//! |   |               |                                 | date ("chưa rõ") 25: rejected, an error             |
//! | 3 | yen-duc       | Kinh tế (kt)                    | Trồng rau 12/01 50; Chăn nuôi 20/02 55              |
//! |   |               | Pháp luật (pl)                  | Luật Đất đai 14/03 40                               |
//! |   |               | Văn hóa xã hội (vhxh)           | Dân ca 18/05 30                                     |
//! |   |               | Chăm sóc sức khỏe (suc-khoe)    | Sơ cứu 22/06 35                                     |
//! |   |               | Tin học (tin-hoc)               | Tin học văn phòng 10/08 25                          |

use std::path::Path;
use std::time::{Duration, SystemTime};

use super::V::{D, E, N, T};
use super::{V, book};
use tthtcd::Plan;
use tthtcd::district::{Commune, CommuneOutcome, District};

/// Xã Bình Dương: 2 sub-committees, 3 + 2 = 5 classes and 120 + 80 = 200 learners;
/// quarters 2 + 1 + 1 + 1 = 5 and 50 × 4 = 200; participation target 25 % of 800.
pub const PLAN_BINH_DUONG: &str = r#"
unit = "Xã Bình Dương"
centre = "Trung tâm học tập cộng đồng xã Bình Dương"
year = 2019
population_15_plus = 800
participation_target = 0.25

[[subcommittee]]
id = "kinh-te"
name = "Tiểu ban kinh tế"
aliases = ["Kinh tế", "KT"]
classes = 3
learners = 120

[[subcommittee]]
id = "moi-truong"
name = "Môi trường"
aliases = ["Bảo vệ môi trường"]
classes = 2
learners = 80

[[quarter]]
quarter = 1
classes = 2
learners = 50

[[quarter]]
quarter = 2
classes = 1
learners = 50

[[quarter]]
quarter = 3
classes = 1
learners = 50

[[quarter]]
quarter = 4
classes = 1
learners = 50
"#;

/// Xã Hồng Thái Tây: 2 sub-committees, 4 + 3 = 7 classes and 200 + 150 = 350
/// learners; quarters 2, 2, 2, 1 classes and 100, 100, 100, 50 learners;
/// participation target 30 % of 1,000.
pub const PLAN_HONG_THAI_TAY: &str = r#"
unit = "Xã Hồng Thái Tây"
centre = "Trung tâm học tập cộng đồng xã Hồng Thái Tây"
year = 2019
population_15_plus = 1000
participation_target = 0.3

[[subcommittee]]
id = "kinh-te"
name = "Tiểu ban phát triển kinh tế"
aliases = ["Phát triển kinh tế", "Kinh tế"]
classes = 4
learners = 200

[[subcommittee]]
id = "phap-luat"
name = "Tiểu ban pháp luật"
aliases = ["Pháp luật"]
classes = 3
learners = 150

[[quarter]]
quarter = 1
classes = 2
learners = 100

[[quarter]]
quarter = 2
classes = 2
learners = 100

[[quarter]]
quarter = 3
classes = 2
learners = 100

[[quarter]]
quarter = 4
classes = 1
learners = 50
"#;

/// Xã Yên Đức: five sub-committees with other names, 2 + 1 + 1 + 1 + 1 = 6 classes and
/// 100 + 40 + 30 + 30 + 20 = 220 learners; quarters 2, 2, 1, 1 classes and 80, 60,
/// 40, 40 learners; participation target 40 % of 500.
pub const PLAN_YEN_DUC: &str = r#"
unit = "Xã Yên Đức"
centre = "Trung tâm học tập cộng đồng xã Yên Đức"
year = 2019
population_15_plus = 500
participation_target = 0.4

[[subcommittee]]
id = "kt"
name = "Kinh tế"
aliases = ["Phát triển kinh tế", "PTKT"]
classes = 2
learners = 100

[[subcommittee]]
id = "pl"
name = "Pháp luật"
aliases = ["PL"]
classes = 1
learners = 40

[[subcommittee]]
id = "vhxh"
name = "Văn hóa xã hội"
aliases = ["VHXH"]
classes = 1
learners = 30

[[subcommittee]]
id = "suc-khoe"
name = "Chăm sóc sức khỏe"
aliases = ["Sức khỏe", "Y tế"]
classes = 1
learners = 30

[[subcommittee]]
id = "tin-hoc"
name = "Tin học"
aliases = ["CNTT"]
classes = 1
learners = 20

[[quarter]]
quarter = 1
classes = 2
learners = 80

[[quarter]]
quarter = 2
classes = 2
learners = 60

[[quarter]]
quarter = 3
classes = 1
learners = 40

[[quarter]]
quarter = 4
classes = 1
learners = 40
"#;

/// The reason given for dong-lam.
pub const FAILED_REASON: &str = "không tìm thấy kế hoạch của xã";

/// A class of a report: topic, Số lớp (None: blank), (day, month) (None: "chưa rõ",
/// no date), learners.
type Class = (&'static str, Option<f64>, Option<(u8, u8)>, f64);

/// 1 June 2019, noon UTC: when every report file was last changed.
fn june_first() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_559_390_400)
}

/// A sub-committee's report at `dir/sub/bao-cao.xlsx`.
fn report(dir: &Path, sub: &str, classes: &[Class]) {
    let mut rows = vec![vec![
        T("STT"),
        T("Tên chuyên đề"),
        T("Số lớp"),
        T("Ngày mở lớp"),
        T("Số học viên"),
    ]];
    for (i, (topic, count, date, learners)) in classes.iter().enumerate() {
        let count: V = count.map_or(E, N);
        let date: V = date.map_or(T("chưa rõ"), |(d, m)| D(d, m));
        rows.push(vec![N((i + 1) as f64), T(topic), count, date, N(*learners)]);
    }
    let folder = dir.join(sub);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("bao-cao.xlsx");
    book(&path, &[("Báo cáo", rows)]);
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(june_first()).unwrap();
}

/// The reports of each commune folder, as in the table above.
fn reports(root: &Path) {
    let bd = root.join("binh-duong");
    report(
        &bd,
        "kinh-te",
        &[
            ("Trồng ngô", Some(2.0), Some((3, 3)), 70.0),
            ("Nuôi gà", None, Some((10, 7)), 30.0),
        ],
    );
    report(
        &bd,
        "moi-truong",
        &[("Phân loại rác", None, Some((22, 4)), 40.0)],
    );
    let htt = root.join("hong-thai-tay");
    let kinh_te = [
        ("Trồng lúa", None, Some((10, 3)), 40.0),
        ("Nuôi cá", None, Some((15, 4)), 60.0),
        ("Trồng rau", None, Some((20, 9)), 110.0),
        ("Làm vườn", None, Some((5, 11)), 50.0),
    ];
    report(&htt, "kinh-te", &kinh_te);
    let phap_luat = [
        ("Luật Giao thông", None, Some((5, 2)), 30.0),
        ("Luật Hôn nhân", None, None, 25.0),
    ];
    report(&htt, "phap-luat", &phap_luat);
    let yd = root.join("yen-duc");
    let kt = [
        ("Trồng rau", None, Some((12, 1)), 50.0),
        ("Chăn nuôi", None, Some((20, 2)), 55.0),
    ];
    report(&yd, "kt", &kt);
    report(&yd, "pl", &[("Luật Đất đai", None, Some((14, 3)), 40.0)]);
    report(&yd, "vhxh", &[("Dân ca", None, Some((18, 5)), 30.0)]);
    report(&yd, "suc-khoe", &[("Sơ cứu", None, Some((22, 6)), 35.0)]);
    report(
        &yd,
        "tin-hoc",
        &[("Tin học văn phòng", None, Some((10, 8)), 25.0)],
    );
    std::fs::create_dir_all(root.join("dong-lam")).unwrap();
}

/// The commune folder `folder` of `root` consolidated against `plan` (TOML text).
fn consolidated(root: &Path, folder: &str, plan: &str) -> Commune {
    let c = super::run_with(&root.join(folder), Plan::from_toml(plan).unwrap());
    Commune {
        folder: folder.to_string(),
        outcome: CommuneOutcome::Done(std::sync::Arc::new(c)),
    }
}

/// The district of the table above, written under `root`, named `name`.
pub fn district(root: &Path, name: Option<&str>) -> District {
    reports(root);
    District {
        folder: root.to_path_buf(),
        name: name.map(str::to_string),
        as_of: None,
        communes: vec![
            consolidated(root, "binh-duong", PLAN_BINH_DUONG),
            Commune {
                folder: "dong-lam".to_string(),
                outcome: CommuneOutcome::Failed(FAILED_REASON.to_string()),
            },
            consolidated(root, "hong-thai-tay", PLAN_HONG_THAI_TAY),
            consolidated(root, "yen-duc", PLAN_YEN_DUC),
        ],
        loose: Vec::new(),
    }
}
