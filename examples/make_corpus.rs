//! Writes a benchmark corpus: `cargo run --release --example make_corpus -- SIZE DIR`.
//!
//! - `commune`: one commune's folder, `xa-001/`, with the six sub-committees of the
//!   embedded 2019 plan and no plan form (72 files), consolidated as one centre.
//! - `district` (20 communes) and `province` (170 communes): one folder per commune,
//!   named after it (`tan-phong/`), each with its own plan form `ke-hoach.xlsx` — 4 to 8
//!   sub-committees drawn from a pool of sub-committee names, their own targets and
//!   population, all for 2019 so that one `--as-of` fits every commune — and its
//!   reports in one folder per sub-committee id. Each commune is consolidated on its own.
//!
//! Each report is one sub-committee's classes of one month: a title block naming the
//! commune and the sub-committee, a header row, 5–40 classes with Vietnamese topics and
//! villages and Excel dates, and a "Tổng cộng" row with SUM formulas carrying their
//! results. The corpus is the same on every run (fixed pseudo-random sequences, one per
//! commune, so the communes are written in parallel).

mod common;
use common::VILLAGES;

use std::path::Path;

use rayon::prelude::*;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError,
};
use tthtcd::Lang;
use tthtcd::plan::{Plan, SubCommittee, Target};
use unicode_normalization::UnicodeNormalization;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// The embedded plan's six, as the commune corpus has always used them.
const SUBCOMMITTEES: [(&str, &str); 6] = [
    ("kinh-te", "Tiểu ban phát triển kinh tế"),
    ("phap-luat", "Tiểu ban pháp luật"),
    ("van-hoa-xa-hoi", "Tiểu ban văn hóa xã hội"),
    ("suc-khoe", "Tiểu ban chăm sóc sức khỏe"),
    ("moi-truong", "Tiểu ban giáo dục bảo vệ môi trường"),
    ("khac", "Các chương trình khác"),
];

/// The sub-committees a commune's plan draws from (id, name, other names), in the
/// order a plan lists them. No two share a name once folded, so any choice is a valid plan.
const POOL: [(&str, &str, &[&str]); 15] = [
    (
        "kinh-te",
        "Tiểu ban phát triển kinh tế",
        &["Phát triển kinh tế", "Kinh tế"],
    ),
    (
        "khuyen-nong",
        "Tiểu ban khuyến nông",
        &["Khuyến nông", "Nông nghiệp"],
    ),
    ("day-nghe", "Tiểu ban dạy nghề ngắn hạn", &["Dạy nghề"]),
    (
        "phap-luat",
        "Tiểu ban pháp luật",
        &["Pháp luật", "Tuyên truyền pháp luật"],
    ),
    (
        "an-toan-giao-thong",
        "Tiểu ban an toàn giao thông",
        &["An toàn giao thông", "ATGT"],
    ),
    (
        "quoc-phong-an-ninh",
        "Tiểu ban quốc phòng - an ninh",
        &["Quốc phòng an ninh", "QPAN"],
    ),
    (
        "van-hoa-xa-hoi",
        "Tiểu ban văn hóa xã hội",
        &["Văn hóa xã hội", "VHXH"],
    ),
    (
        "xoa-mu-chu",
        "Tiểu ban xóa mù chữ",
        &["Xóa mù chữ", "Sau biết chữ"],
    ),
    (
        "khuyen-hoc",
        "Tiểu ban khuyến học",
        &["Khuyến học", "Khuyến học khuyến tài"],
    ),
    (
        "tin-hoc-ngoai-ngu",
        "Tiểu ban tin học - ngoại ngữ",
        &["Tin học ngoại ngữ", "Tin học"],
    ),
    (
        "suc-khoe",
        "Tiểu ban chăm sóc sức khỏe",
        &["Chăm sóc sức khỏe", "Y tế"],
    ),
    (
        "dan-so",
        "Tiểu ban dân số - kế hoạch hóa gia đình",
        &["Dân số", "KHHGĐ"],
    ),
    (
        "binh-dang-gioi",
        "Tiểu ban bình đẳng giới",
        &["Bình đẳng giới"],
    ),
    (
        "moi-truong",
        "Tiểu ban giáo dục bảo vệ môi trường",
        &["Bảo vệ môi trường", "Môi trường"],
    ),
    (
        "khac",
        "Các chương trình khác",
        &["Chương trình khác", "Khác"],
    ),
];

/// Commune names are a first and a second syllable: 20 × 20 = 400 names, none twice.
const FIRST: [&str; 20] = [
    "An", "Bình", "Cẩm", "Đại", "Đồng", "Gia", "Hòa", "Hồng", "Hưng", "Kim", "Lạc", "Long", "Minh",
    "Nghĩa", "Phú", "Phúc", "Quang", "Tân", "Thanh", "Yên",
];
const SECOND: [&str; 20] = [
    "Sơn", "Lâm", "Hà", "Phong", "Thịnh", "Lợi", "Tiến", "Cường", "Quý", "Xuân", "Lộc", "Thành",
    "Trung", "Mỹ", "Đức", "Hải", "Vinh", "Khê", "Dương", "Thái",
];

const TOPICS: [&str; 12] = [
    "Kỹ thuật trồng lúa lai",
    "Chăn nuôi lợn an toàn sinh học",
    "Luật Giao thông đường bộ",
    "Luật Hôn nhân và gia đình",
    "Xây dựng gia đình văn hóa",
    "Phòng chống sốt xuất huyết",
    "Dinh dưỡng cho trẻ dưới 5 tuổi",
    "Phân loại rác thải tại nguồn",
    "Sử dụng nước sạch và vệ sinh môi trường",
    "Tin học cơ bản cho người lớn",
    "Kỹ năng sử dụng điện thoại thông minh",
    "Phòng chống tệ nạn xã hội",
];

/// A small linear congruential generator: the same corpus every time, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// A report's title block and header row: `unit` is the commune as the title block
/// writes it ("XÃ HỒNG THÁI TÂY").
fn heading(ws: &mut Worksheet, unit: &str, sub: &str, month: u8) -> Result<(), XlsxError> {
    ws.set_name(format!("T{month}"))?;
    ws.write(0, 0, format!("UBND {unit}"))?;
    ws.write(0, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")?;
    ws.write(1, 0, "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG")?;
    ws.write(1, 4, "Độc lập - Tự do - Hạnh phúc")?;
    ws.write(
        3,
        1,
        format!("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG {month} NĂM 2019"),
    )?;
    ws.write(4, 1, sub)?;
    for (c, h) in [
        "STT",
        "Tên chuyên đề",
        "Ngày mở lớp",
        "Địa điểm",
        "Số học viên",
        "Trong đó nữ",
        "Báo cáo viên",
    ]
    .iter()
    .enumerate()
    {
        ws.write(6, c as u16, *h)?;
    }
    Ok(())
}

/// One sub-committee's report of one month.
fn report(path: &Path, unit: &str, sub: &str, month: u8, rng: &mut Lcg) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2019, month, 28)?),
    );
    let ws = wb.add_worksheet();
    heading(ws, unit, sub, month)?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let n = 5 + rng.next(36) as u32;
    let (mut total, mut women) = (0u64, 0u64);
    for i in 0..n {
        let r = 7 + i;
        let learners = 20 + rng.next(100);
        let w = learners / 2;
        (total, women) = (total + learners, women + w);
        ws.write(r, 0, i + 1)?;
        ws.write(
            r,
            1,
            format!("{} (buổi {})", TOPICS[rng.next(12) as usize], i + 1),
        )?;
        ws.write_datetime_with_format(
            r,
            2,
            ExcelDateTime::from_ymd(2019, month, 1 + rng.next(28) as u8)?,
            &date,
        )?;
        ws.write(r, 3, VILLAGES[rng.next(8) as usize])?;
        ws.write(r, 4, learners as f64)?;
        ws.write(r, 5, w as f64)?;
        ws.write(r, 6, "Nguyễn Văn Hùng")?;
    }
    let t = 7 + n;
    ws.write(t, 1, "Tổng cộng")?;
    ws.write_formula(
        t,
        4,
        Formula::new(format!("=SUM(E8:E{t})")).set_result(total.to_string()),
    )?;
    ws.write_formula(
        t,
        5,
        Formula::new(format!("=SUM(F8:F{t})")).set_result(women.to_string()),
    )?;
    wb.save(path)
}

/// One folder per sub-committee id, one report a month in each.
fn reports(
    commune: &Path,
    unit: &str,
    subs: &[(&str, &str)],
    rng: &mut Lcg,
) -> Result<usize, Error> {
    for (id, name) in subs {
        let folder = commune.join(id);
        std::fs::create_dir_all(&folder)?;
        for month in 1..=12u8 {
            let path = folder.join(format!("thang-{month:02}.xlsx"));
            report(&path, unit, name, month, rng)?;
        }
    }
    Ok(subs.len() * 12)
}

/// The commune corpus as it has always been: `xa-001/`, the embedded plan's six
/// sub-committees, no plan form (the run uses the embedded plan).
fn commune_corpus(dir: &Path) -> Result<usize, Error> {
    let mut rng = Lcg(2019);
    reports(
        &dir.join("xa-001"),
        "XÃ HỒNG THÁI TÂY",
        &SUBCOMMITTEES,
        &mut rng,
    )
}

/// The `c`-th commune's name (0-based, below 400): "Tân Phong".
fn commune_name(c: usize) -> String {
    // 37 is prime to 400, so the first 400 communes all get different names.
    let k = (c * 37 + 11) % (FIRST.len() * SECOND.len());
    format!("{} {}", FIRST[k / SECOND.len()], SECOND[k % SECOND.len()])
}

/// A name as a folder name: no diacritics, lower case, words joined by dashes.
fn folder_name(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|ch| !('\u{300}'..='\u{36f}').contains(ch))
        .map(|ch| match ch {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect();
    plain
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

/// A commune's plan: the embedded plan's criteria and rules, its own name, 4 to 8
/// sub-committees from the pool (in the pool's order), their targets, the quarters
/// splitting the year's totals, and a population the targets fit in.
fn commune_plan(name: &str, rng: &mut Lcg) -> Result<Plan, Error> {
    let mut plan = Plan::embedded();
    plan.unit = format!("Xã {name}");
    plan.centre = format!("Trung tâm học tập cộng đồng xã {name}");
    let want = 4 + rng.next(5) as usize;
    let mut picked: Vec<usize> = (0..POOL.len()).collect();
    for i in 0..want {
        let j = i + rng.next((POOL.len() - i) as u64) as usize;
        picked.swap(i, j);
    }
    picked.truncate(want);
    picked.sort_unstable();
    plan.subcommittees = picked
        .iter()
        .map(|&i| SubCommittee {
            id: POOL[i].0.into(),
            name: POOL[i].1.into(),
            aliases: POOL[i].2.iter().map(|a| (*a).into()).collect(),
            target: Target {
                classes: 5 + rng.next(12) as u32,
                learners: 300 + 50 * rng.next(14) as u32,
            },
        })
        .collect();
    let total = plan.total_target();
    let (classes, learners) = (total.classes as u32, total.learners as u32);
    plan.quarters = [0, 1, 2, 3].map(|q| Target {
        classes: classes / 4 + u32::from(q < classes % 4),
        learners: learners / 4 + u32::from(q < learners % 4),
    });
    plan.population_15_plus = (3000 + 100 * rng.next(90) as u32).max(learners * 5 / 4);
    let rate = f64::from(learners) / f64::from(plan.population_15_plus);
    plan.participation_target = (rate * 1000.0).round() / 1000.0;
    // The plan file's own checks (aliases, figures): a generator defect shows here.
    Plan::from_toml(&plan.to_toml())?;
    Ok(plan)
}

/// The `c`-th commune of a district or province: its plan form and its reports.
fn commune_folder(dir: &Path, c: usize) -> Result<usize, Error> {
    let name = commune_name(c);
    let folder = dir.join(folder_name(&name));
    std::fs::create_dir_all(&folder)?;
    // Each commune its own sequence, so that they can be written in parallel.
    let mut rng = Lcg(2019 ^ (c as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let plan = commune_plan(&name, &mut rng)?;
    std::fs::write(
        folder.join("ke-hoach.xlsx"),
        tthtcd::report::plan_form::form_bytes(&plan, Lang::Vi)?,
    )?;
    let subs: Vec<(&str, &str)> = plan
        .subcommittees
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let unit = format!("XÃ {}", name.to_uppercase());
    reports(&folder, &unit, &subs, &mut rng)
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let size = args.next().unwrap_or_else(|| "commune".into());
    let dir = std::path::PathBuf::from(
        args.next()
            .unwrap_or_else(|| format!("target/corpus-{size}")),
    );
    let communes = match size.as_str() {
        "commune" => {
            let files = commune_corpus(&dir)?;
            println!("{files} files in {}", dir.display());
            return Ok(());
        }
        "district" => 20,
        "province" => 170,
        other => {
            return Err(format!("unknown size '{other}': commune, district or province").into());
        }
    };
    let files: Vec<usize> = (0..communes)
        .into_par_iter()
        .map(|c| commune_folder(&dir, c))
        .collect::<Result<_, _>>()?;
    println!(
        "{communes} communes, {} reports and {communes} plan forms in {}",
        files.iter().sum::<usize>(),
        dir.display()
    );
    Ok(())
}
