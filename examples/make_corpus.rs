//! Writes a benchmark corpus: `cargo run --release --example make_corpus -- SIZE DIR`,
//! SIZE one of `commune` (72 files), `district` (20 communes, 1,440 files) or
//! `province` (170 communes, 12,240 files). Each file is one sub-committee's report for
//! one month: a title block, a header row, 5–40 classes with Vietnamese topics and
//! villages and Excel dates, and a "Tổng cộng" row with SUM formulas carrying their
//! results. The corpus is the same on every run (a fixed pseudo-random sequence).

mod common;
use common::VILLAGES;

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};

const SUBCOMMITTEES: [(&str, &str); 6] = [
    ("kinh-te", "Tiểu ban phát triển kinh tế"),
    ("phap-luat", "Tiểu ban pháp luật"),
    ("van-hoa-xa-hoi", "Tiểu ban văn hóa xã hội"),
    ("suc-khoe", "Tiểu ban chăm sóc sức khỏe"),
    ("moi-truong", "Tiểu ban giáo dục bảo vệ môi trường"),
    ("khac", "Các chương trình khác"),
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

fn report(path: &Path, sub: &str, month: u8, rng: &mut Lcg) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2019, month, 28)?),
    );
    let ws = wb.add_worksheet();
    ws.set_name(format!("T{month}"))?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write(0, 0, "UBND XÃ HỒNG THÁI TÂY")?;
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let size = args.next().unwrap_or_else(|| "commune".into());
    let dir = std::path::PathBuf::from(
        args.next()
            .unwrap_or_else(|| format!("target/corpus-{size}")),
    );
    let communes = match size.as_str() {
        "commune" => 1,
        "district" => 20,
        "province" => 170,
        other => {
            return Err(format!("unknown size '{other}': commune, district or province").into());
        }
    };
    let mut rng = Lcg(2019);
    for c in 1..=communes {
        let commune = dir.join(format!("xa-{c:03}"));
        for (id, name) in SUBCOMMITTEES {
            let folder = commune.join(id);
            std::fs::create_dir_all(&folder)?;
            for month in 1..=12u8 {
                report(
                    &folder.join(format!("thang-{month:02}.xlsx")),
                    name,
                    month,
                    &mut rng,
                )?;
            }
        }
    }
    println!("{} files in {}", communes * 72, dir.display());
    Ok(())
}
