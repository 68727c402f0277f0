//! The plan as a workbook the secretary fills (`ke-hoach.xlsx`): its sheets read back
//! into a [`Plan`]. The form's words are the contract in `labels::plan_form`; its
//! headings are found by their words, so a form whose columns were moved or whose
//! heading row sits lower still reads. Every fault is kept with its cell and all are
//! returned together, so the secretary corrects the form in one go.

mod cells;
mod tables;

use crate::input::grid::{CellValue, SheetGrid};
use crate::labels::plan_form::{self as form, Item, sheet};
use crate::plan::{FormError, FormFault, Plan, PlanError, Target};
use crate::text::fold;

use tables::{Faults, Table};

/// Whether a file's name marks it as a plan form: folded, it starts with "ke hoach"
/// (ke-hoach.xlsx, Kế hoạch 2024.xlsx, KE_HOACH.xls).
pub fn is_plan_form_name(file_name: &str) -> bool {
    fold(file_name).starts_with(form::FILE_STEM_FOLDED)
}

/// Whether the sheets are a plan form's: a Kế hoạch sheet headed Mục | Giá trị and a
/// Tiểu ban sheet headed with the sub-committees' columns, whatever else is wrong in it.
pub fn is_plan_form(sheets: &[SheetGrid]) -> bool {
    let mut faults = Faults::default();
    Table::find(sheets, sheet::PLAN, &[form::ITEM, form::VALUE], &mut faults).is_some()
        && Table::find(
            sheets,
            sheet::SUBCOMMITTEES,
            &form::subcommittee::HEADINGS,
            &mut faults,
        )
        .is_some()
}

/// Reads a plan form's sheets. Err lists every fault found, each with its sheet and cell.
pub fn from_sheets(sheets: &[SheetGrid]) -> Result<Plan, PlanError> {
    let mut faults = Faults::default();
    let items = items(sheets, &mut faults);
    let subcommittees = tables::subcommittees(sheets, &mut faults);
    let quarters = tables::quarters(sheets, &mut faults);
    let criteria = tables::criteria(sheets, &mut faults);
    let villages = tables::villages(sheets, &mut faults);
    let errors = faults.into_errors();
    match (items, subcommittees, quarters) {
        (Some(items), Some(subcommittees), Some(quarters)) if errors.is_empty() => Ok(Plan {
            unit: items.unit,
            centre: items.centre,
            year: items.year,
            population_15_plus: items.population,
            participation_target: items.participation,
            villages,
            village_count: items.village_count,
            report_deadline_day: items.deadline,
            max_learners_per_class: items.max_learners,
            subcommittees,
            quarters,
            criteria,
        }),
        _ => Err(PlanError::Form(errors)),
    }
}

/// The figures of the Kế hoạch sheet.
struct Items {
    unit: String,
    centre: String,
    year: i32,
    population: u32,
    participation: f64,
    village_count: Option<u32>,
    deadline: u32,
    max_learners: u32,
}

/// Kế hoạch: one item a row, found by its label; each value checked in its cell.
fn items(sheets: &[SheetGrid], faults: &mut Faults) -> Option<Items> {
    let table = Table::find(sheets, sheet::PLAN, &[form::ITEM, form::VALUE], faults)?;
    let mut found: Vec<(Item, &CellValue, String)> = Vec::new();
    for r in table.rows() {
        let label = table.cell(r, 0);
        let value = table.cell(r, 1);
        if label.is_blank() {
            continue;
        }
        let folded = fold(&label.display());
        let Some(item) = Item::ALL.into_iter().find(|i| fold(i.label()) == folded) else {
            if !value.is_blank() {
                let text = label.display().trim().to_string();
                faults.at(&table, r, 0, FormFault::ItemUnknown { text });
            }
            continue;
        };
        if let Some((_, _, first)) = found.iter().find(|(i, ..)| *i == item) {
            let first = first.clone();
            faults.at(
                &table,
                r,
                0,
                FormFault::ItemTwice {
                    item: item.label(),
                    first,
                },
            );
            continue;
        }
        found.push((item, value, table.a1(r, 1)));
    }
    let mut read = ItemReader {
        found,
        faults,
        sheet: table.name(),
    };
    read.all()
}

/// The Kế hoạch values found, read one item at a time.
struct ItemReader<'a, 'f> {
    found: Vec<(Item, &'a CellValue, String)>,
    faults: &'f mut Faults,
    sheet: &'a str,
}

impl<'a> ItemReader<'a, '_> {
    fn all(&mut self) -> Option<Items> {
        let unit = self.text(Item::Unit);
        let centre = self.text(Item::Centre);
        let year = self.whole(Item::Year, |y| {
            (2000..=2100)
                .contains(&y)
                .then_some(())
                .ok_or(FormFault::YearOutOfRange { year: i64::from(y) })
        });
        let population = self.whole(Item::Population, |p| {
            (p > 0).then_some(()).ok_or(FormFault::NoPopulation)
        });
        let participation = self.value(Item::Participation).and_then(|(v, cell)| {
            cells::participation(v, Item::Participation.label())
                .map_err(|f| self.faults.cell(self.sheet, &cell, f))
                .ok()
        });
        let village_count = self.whole(Item::VillageCount, |_| Ok(()));
        let deadline = self.whole(Item::Deadline, |d| {
            (1..=28)
                .contains(&d)
                .then_some(())
                .ok_or(FormFault::DeadlineOutOfRange { day: u64::from(d) })
        });
        let max_learners = self.whole(Item::MaxLearners, |m| {
            (m > 0).then_some(()).ok_or(FormFault::NoClassLimit)
        });
        Some(Items {
            unit: unit?,
            centre: centre?,
            year: i32::try_from(year?).ok()?,
            population: population?,
            participation: participation?,
            village_count,
            deadline: deadline.unwrap_or(5),
            max_learners: max_learners.unwrap_or(300),
        })
    }

    /// The item's cell and its address; a required item left out or blank is a fault.
    fn value(&mut self, item: Item) -> Option<(&'a CellValue, String)> {
        let found = self.found.iter().find(|(i, ..)| *i == item);
        match found {
            Some((_, v, cell)) if !v.is_blank() => Some((*v, cell.clone())),
            _ if item.optional() => None,
            Some((_, _, cell)) => {
                let cell = cell.clone();
                let fault = FormFault::ItemMissing { item: item.label() };
                self.faults.cell(self.sheet, &cell, fault);
                None
            }
            None => {
                let fault = FormFault::ItemMissing { item: item.label() };
                self.faults.sheet(self.sheet, fault);
                None
            }
        }
    }

    fn text(&mut self, item: Item) -> Option<String> {
        self.value(item).map(|(v, _)| cells::text(v))
    }

    /// A whole number, then the item's own range.
    fn whole(&mut self, item: Item, range: impl Fn(u32) -> Result<(), FormFault>) -> Option<u32> {
        let (v, cell) = self.value(item)?;
        let n = cells::whole(v, item.label()).and_then(|n| range(n).map(|()| n));
        n.map_err(|f| self.faults.cell(self.sheet, &cell, f)).ok()
    }
}

/// The quarters' targets, filled in order once all four were read.
fn four(quarters: [Option<Target>; 4]) -> Option<[Target; 4]> {
    let [a, b, c, d] = quarters;
    Some([a?, b?, c?, d?])
}

impl Faults {
    fn sheet(&mut self, sheet: &str, fault: FormFault) {
        self.push(FormError {
            sheet: Some(sheet.to_string()),
            cell: None,
            fault,
        });
    }

    fn cell(&mut self, sheet: &str, cell: &str, fault: FormFault) {
        self.push(FormError {
            sheet: Some(sheet.to_string()),
            cell: Some(cell.to_string()),
            fault,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::grid::Grid;
    use crate::labels::Lang;
    use crate::plan::{Comparison, IndicatorKind};

    /// A cell: a number when it parses as one, text otherwise ("" is empty).
    /// "'1.000" is the text 1.000, as a quote mark makes it in Excel.
    fn cell(s: &str) -> CellValue {
        if let Some(text) = s.strip_prefix('\'') {
            return CellValue::Text(text.into());
        }
        match s.parse::<f64>() {
            Ok(n) => CellValue::Number(n),
            Err(_) if s.is_empty() => CellValue::Empty,
            Err(_) => CellValue::Text(s.into()),
        }
    }

    fn sheet(name: &str, rows: &[&[&str]]) -> SheetGrid {
        SheetGrid {
            name: name.into(),
            hidden: false,
            grid: Grid {
                top: 0,
                left: 0,
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|s| cell(s)).collect())
                    .collect(),
                folds: Default::default(),
            },
        }
    }

    /// A small commune's form: two sub-committees, one criterion with two indicators.
    fn form() -> Vec<SheetGrid> {
        vec![
            sheet(
                "Kế hoạch",
                &[
                    &["Mục", "Giá trị"],
                    &["Đơn vị", "Xã An Phú"],
                    &["Trung tâm", "Trung tâm học tập cộng đồng xã An Phú"],
                    &["Năm", "2024"],
                    &["Dân số từ 15 tuổi trở lên", "3200"],
                    &["Tỷ lệ người học / dân số từ 15 tuổi (kế hoạch)", "0.5"],
                    &["Số thôn", "2"],
                    &["Hạn nộp báo cáo (ngày của tháng sau)", ""],
                    &["Số học viên tối đa một lớp", "120"],
                ],
            ),
            sheet(
                "Tiểu ban",
                &[
                    &[
                        "Mã",
                        "Tên tiểu ban",
                        "Tên gọi khác",
                        "Số lớp",
                        "Số học viên",
                    ],
                    &[
                        "nn",
                        "Nông nghiệp",
                        "Trồng trọt; Chăn nuôi ;",
                        "5",
                        "'1.000",
                    ],
                    &["", "Tin học", "", "3", "600"],
                ],
            ),
            sheet(
                "Theo quý",
                &[
                    &["Quý", "Số lớp", "Số học viên"],
                    &["1", "2", "400"],
                    &["Quý 2", "2", "400"],
                    &["III", "2", "400"],
                    &["4", "2", "400"],
                ],
            ),
            sheet(
                "Tiêu chí",
                &[
                    &["Tiêu chí", "Chỉ số", "So sánh", "Ngưỡng (%)"],
                    &["3. Phổ cập", "Trẻ 5 tuổi", "≥", "99,5"],
                    &["", "Có thư viện", "Có/Không", ""],
                ],
            ),
            sheet("Thôn", &[&["Tên thôn"], &["Thôn Đông"], &["Thôn Tây"]]),
        ]
    }

    #[test]
    fn a_filled_form_reads_as_its_plan() {
        let plan = from_sheets(&form()).unwrap();
        assert_eq!((plan.unit.as_str(), plan.year), ("Xã An Phú", 2024));
        assert_eq!(
            (plan.population_15_plus, plan.participation_target),
            (3200, 0.5)
        );
        // Hạn nộp left blank: the 5th; Số thôn 2; the class limit as written.
        assert_eq!((plan.report_deadline_day, plan.village_count), (5, Some(2)));
        assert_eq!(plan.max_learners_per_class, 120);
        let subs: Vec<_> = plan
            .subcommittees
            .iter()
            .map(|s| {
                (
                    s.id.as_str(),
                    s.aliases.len(),
                    s.target.classes,
                    s.target.learners,
                )
            })
            .collect();
        // "1.000" is a thousand; a blank Mã is made from the name.
        assert_eq!(subs, [("nn", 2, 5, 1000), ("tin-hoc", 0, 3, 600)]);
        assert_eq!(plan.subcommittees[0].aliases, ["Trồng trọt", "Chăn nuôi"]);
        assert!(
            plan.quarters
                .iter()
                .all(|q| (q.classes, q.learners) == (2, 400))
        );
        let c = &plan.criteria[0];
        assert_eq!(
            (c.number, c.name.as_str(), c.indicators.len()),
            (3, "Phổ cập", 2)
        );
        let five = IndicatorKind::Percent {
            op: Comparison::AtLeast,
            threshold: 99.5,
        };
        assert_eq!(c.indicators[0].kind, five);
        assert_eq!(c.indicators[1].kind, IndicatorKind::YesNo);
        assert_eq!(plan.villages, ["Thôn Đông", "Thôn Tây"]);
    }

    fn messages(sheets: &[SheetGrid], lang: Lang) -> Vec<String> {
        match from_sheets(sheets) {
            Err(PlanError::Form(errors)) => errors.iter().map(|e| e.message(lang)).collect(),
            other => panic!("not refused as a form: {other:?}"),
        }
    }

    #[test]
    fn every_fault_is_named_at_its_cell_in_one_go() {
        let mut sheets = form();
        sheets[0] = sheet("Kế hoạch", &[&["Mục", "Giá trị"], &["Năm", "1999"]]);
        sheets[1] = sheet(
            "Tiểu ban",
            &[
                &[
                    "Mã",
                    "Tên tiểu ban",
                    "Tên gọi khác",
                    "Số lớp",
                    "Số học viên",
                ],
                &["nn", "Nông nghiệp", "", "5", "1000"],
                &["", "", "", "3", "600"],
                &["nn", "Tin học", "", "3", "8OO"],
                &["", "Nghề", "NÔNG NGHIỆP", "1", "10"],
            ],
        );
        sheets[2] = sheet(
            "Theo quý",
            &[&["Quý", "Số lớp", "Số học viên"], &["5", "2", "400"]],
        );
        assert_eq!(
            messages(&sheets, Lang::Vi),
            [
                "Kế hoạch: chưa điền 'Đơn vị'",
                "Kế hoạch: chưa điền 'Trung tâm'",
                "Kế hoạch!B2: năm 1999 không hợp lệ: phải từ 2000 đến 2100",
                "Kế hoạch: chưa điền 'Dân số từ 15 tuổi trở lên'",
                "Kế hoạch: chưa điền 'Tỷ lệ người học / dân số từ 15 tuổi (kế hoạch)'",
                "Tiểu ban!B3: tiểu ban ở dòng này chưa có tên",
                "Tiểu ban!A4: mã 'nn' đã dùng cho tiểu ban ở A2: mỗi tiểu ban một mã",
                "Tiểu ban!E4: số học viên '8OO' không phải là số",
                "Tiểu ban!C5: tên 'NÔNG NGHIỆP' trùng (không kể dấu, hoa thường) với một tên \
                 của tiểu ban 'Nông nghiệp': mỗi tên chỉ thuộc một tiểu ban",
                "Theo quý!A2: quý '5' phải là 1, 2, 3 hoặc 4",
                "Theo quý: thiếu chỉ tiêu quý 1",
                "Theo quý: thiếu chỉ tiêu quý 2",
                "Theo quý: thiếu chỉ tiêu quý 3",
                "Theo quý: thiếu chỉ tiêu quý 4",
            ]
        );
        let en = messages(&sheets, Lang::En);
        assert_eq!(en[7], "Tiểu ban!E4: 'Số học viên': '8OO' is not a number");
    }

    #[test]
    fn headings_are_found_by_their_words_wherever_they_stand() {
        let mut sheets = form();
        // A title above, the columns in another order, headings in capitals.
        sheets[1] = sheet(
            "TIEU BAN",
            &[
                &["Danh sách tiểu ban"],
                &[
                    "SỐ HỌC VIÊN",
                    "số lớp",
                    "Tên tiểu ban",
                    "Mã",
                    "Tên gọi khác",
                ],
                &["900", "4", "Nông nghiệp", "", ""],
            ],
        );
        let plan = from_sheets(&sheets).unwrap();
        let s = &plan.subcommittees[0];
        assert_eq!(
            (s.id.as_str(), s.target.classes, s.target.learners),
            ("nong-nghiep", 4, 900)
        );
        // A heading missing is named with its sheet.
        sheets[2] = sheet("Theo quý", &[&["Quý", "Số lớp"], &["1", "2"]]);
        assert_eq!(
            messages(&sheets, Lang::Vi),
            ["Theo quý: không thấy cột 'Số học viên' ở dòng tiêu đề (dòng 1)"]
        );
    }

    #[test]
    fn criteria_faults_name_their_cells() {
        let mut sheets = form();
        sheets[3] = sheet(
            "Tiêu chí",
            &[
                &["Tiêu chí", "Chỉ số", "So sánh", "Ngưỡng (%)"],
                &["", "Mồ côi", "≥", "10"],
                &["Thư viện", "", "", ""],
                &["7. Trẻ", "Đi học", "~", "50"],
                &["", "Dinh dưỡng", "<", ""],
                &["", "Nhà văn hóa", "Có/Không", "100"],
            ],
        );
        assert_eq!(
            messages(&sheets, Lang::Vi),
            [
                "Tiêu chí!B2: chỉ số này chưa thuộc tiêu chí nào: ghi tiêu chí ở cột \
                 'Tiêu chí' của dòng đầu",
                "Tiêu chí!C4: so sánh '~' phải là một trong: '≥', '>', '≤', '<', '=', 'Có/Không'",
                "Tiêu chí!D5: so sánh '<' cần một ngưỡng ở cột 'Ngưỡng (%)'",
                "Tiêu chí!D6: chỉ số 'Có/Không' không có ngưỡng: xóa '100' hoặc chọn \
                 một so sánh khác",
                "Tiêu chí!A3: tiêu chí chưa có chỉ số: điền 'Chỉ số' và 'So sánh' trên \
                 dòng của nó",
            ]
        );
    }

    #[test]
    fn plan_forms_are_known_by_name_and_by_sheets() {
        assert!(is_plan_form_name("ke-hoach.xlsx"));
        assert!(is_plan_form_name("Kế hoạch 2024.xls"));
        assert!(!is_plan_form_name("bao-cao-ke-hoach.xlsx"));
        assert!(is_plan_form(&form()));
        assert!(!is_plan_form(&form()[2..]));
    }
}
