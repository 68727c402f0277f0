//! Fixture workbooks built by code for the whole-run tests, and helpers to run the
//! pipeline on them.
#![allow(dead_code)]

pub mod district;

/// Reading workers of the test build of tthtcd, under the default limits.
pub fn sandbox() -> tthtcd::sandbox::Sandbox {
    tthtcd::sandbox::Sandbox {
        exe: env!("CARGO_BIN_EXE_tthtcd").into(),
        limits: tthtcd::sandbox::Limits::default(),
    }
}
pub mod plans;

use std::path::Path;

use V::{D, E, N, T};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use tthtcd::{Config, Consolidation, Plan};

/// A cell of a fixture row.
pub enum V {
    T(&'static str),
    /// Text made at run time (e.g. legacy-encoded).
    S(String),
    N(f64),
    /// A date cell (year 2019 unless the month is 12 → 2018), formatted dd/mm/yyyy.
    D(u8, u8),
    /// A date-time cell: day, month, hour, minute.
    Dt(u8, u8, u8, u8),
    /// A formula and its stored result.
    F(&'static str, f64),
    E,
}

fn put(ws: &mut Worksheet, r: u32, c: u16, v: &V) {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    match v {
        V::T(s) => drop(ws.write(r, c, *s).unwrap()),
        V::S(s) => drop(ws.write(r, c, s.as_str()).unwrap()),
        V::N(n) => drop(ws.write(r, c, *n).unwrap()),
        V::D(d, m) => {
            let y = if *m == 12 { 2018 } else { 2019 };
            ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(y, *m, *d).unwrap(), &date)
                .unwrap();
        }
        V::Dt(d, m, h, min) => {
            let dt = ExcelDateTime::from_ymd(2019, *m, *d)
                .unwrap()
                .and_hms(u16::from(*h), *min, 0)
                .unwrap();
            let f = Format::new().set_num_format("dd/mm/yyyy hh:mm");
            ws.write_datetime_with_format(r, c, dt, &f).unwrap();
        }
        V::F(f, result) => drop(
            ws.write_formula(r, c, Formula::new(*f).set_result(result.to_string()))
                .unwrap(),
        ),
        V::E => {}
    }
}

/// A sheet of a fixture workbook.
pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<V>>,
    pub hidden: bool,
}

pub fn sheet(name: &'static str, rows: Vec<Vec<V>>) -> Sheet {
    Sheet {
        name,
        rows,
        hidden: false,
    }
}

/// Writes a workbook; `inline` writes its strings inline (as some producers do) rather
/// than in the shared-strings table.
pub fn book_with(path: &Path, sheets: &[Sheet], inline: bool) {
    let mut wb = Workbook::new();
    for s in sheets {
        let ws = if inline {
            wb.add_worksheet_with_constant_memory().unwrap()
        } else {
            wb.add_worksheet()
        };
        ws.set_name(s.name).unwrap();
        if s.hidden {
            ws.set_hidden(true);
        }
        for (r, row) in s.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, r as u32, c as u16, v);
            }
        }
    }
    wb.save(path).unwrap();
}

pub fn book(path: &Path, sheets: &[(&'static str, Vec<Vec<V>>)]) {
    let sheets: Vec<Sheet> = sheets
        .iter()
        .map(|(n, rows)| {
            sheet(
                n,
                rows.iter().map(|r| r.iter().map(copy).collect()).collect(),
            )
        })
        .collect();
    book_with(path, &sheets, false);
}

fn copy(v: &V) -> V {
    match v {
        V::T(s) => V::T(s),
        V::S(s) => V::S(s.clone()),
        V::N(n) => V::N(*n),
        V::D(d, m) => V::D(*d, *m),
        V::Dt(d, m, h, mi) => V::Dt(*d, *m, *h, *mi),
        V::F(f, r) => V::F(f, *r),
        V::E => V::E,
    }
}

/// A kinh-te style report for March: one class, "Trồng lúa" on 5 March, `learners`.
pub fn one_class_report(path: &Path, learners: f64) {
    book(
        path,
        &[(
            "T3",
            vec![
                vec![
                    V::T("STT"),
                    V::T("Tên chuyên đề"),
                    V::T("Ngày mở lớp"),
                    V::T("Số học viên"),
                ],
                vec![V::N(1.0), V::T("Trồng lúa"), V::D(5, 3), V::N(learners)],
            ],
        )],
    );
}

pub fn run(dir: &Path) -> Consolidation {
    run_with(dir, Plan::embedded())
}

/// `dir` consolidated against `plan`, at the plan year's end.
pub fn run_with(dir: &Path, plan: Plan) -> Consolidation {
    tthtcd::run(&Config {
        folder: dir.to_path_buf(),
        plan,
        plan_source: Default::default(),
        as_of: None,
        output: None,
        progress: None,
        sandbox: None,
    })
    .unwrap()
}

/// (classes, learners) per sub-committee in plan order.
pub fn per_sub(c: &Consolidation) -> Vec<(u64, u64)> {
    c.summary
        .subcommittees
        .iter()
        .map(|s| (s.classes.actual, s.learners.actual))
        .collect()
}

/// (classes, learners) per quarter, 1 to 4.
pub fn per_quarter(c: &Consolidation) -> Vec<(u64, u64)> {
    c.summary
        .quarters
        .iter()
        .map(|q| (q.classes.actual, q.learners.actual))
        .collect()
}

/// (code, sheet, cell) of every warning and error, in order.
pub fn problems(c: &Consolidation) -> Vec<(String, String, String)> {
    c.diagnostics
        .iter()
        .filter(|d| d.severity() != tthtcd::diagnostics::Severity::Info)
        .map(|d| {
            (
                d.code().to_string(),
                d.sheet.clone().unwrap_or_default(),
                d.cell.clone().unwrap_or_default(),
            )
        })
        .collect()
}

pub fn p(code: &str, sheet: &str, cell: &str) -> (String, String, String) {
    (code.to_string(), sheet.to_string(), cell.to_string())
}

/// Two reports with a "Số lớp" column (headers in row 1, topics in column B):
///
/// | sub-committee | topic           | Số lớp | date  | learners |
/// |---------------|-----------------|-------:|-------|---------:|
/// | kinh-te       | Trồng lúa lai   | 3      | 10/03 | 90       |
/// | kinh-te       | Nuôi cá rô phi  | blank  | 12/03 | 30       |
/// | kinh-te       | Trồng rau sạch  | 2      | 15/04 | 50       |
/// | phap-luat     | Luật Giao thông | 4      | 05/02 | 120      |
/// | phap-luat     | Luật Đất đai    | 1      | 20/05 | 35       |
///
/// By hand, at year end: kinh-te 3 + 1 + 2 = 6 classes, 90 + 30 + 50 = 170 learners;
/// phap-luat 4 + 1 = 5 classes, 120 + 35 = 155; in all 11 classes, 325 learners from
/// 5 rows. Quarter I (February, March): 4 + 3 + 1 = 8 classes, 120 + 90 + 30 = 240;
/// quarter II (April, May): 2 + 1 = 3 classes, 50 + 35 = 85.
pub fn so_lop(dir: &Path) {
    let header = || {
        vec![
            T("STT"),
            T("Tên chuyên đề"),
            T("Số lớp"),
            T("Ngày mở lớp"),
            T("Thôn"),
            T("Số học viên"),
        ]
    };
    for (folder, rows) in [
        (
            "kinh-te",
            vec![
                vec![
                    N(1.0),
                    T("Trồng lúa lai"),
                    N(3.0),
                    D(10, 3),
                    T("Thôn Đông"),
                    N(90.0),
                ],
                vec![
                    N(2.0),
                    T("Nuôi cá rô phi"),
                    E,
                    D(12, 3),
                    T("Thôn Tây"),
                    N(30.0),
                ],
                vec![
                    N(3.0),
                    T("Trồng rau sạch"),
                    N(2.0),
                    D(15, 4),
                    T("Thôn Đông"),
                    N(50.0),
                ],
            ],
        ),
        (
            "phap-luat",
            vec![
                vec![
                    N(1.0),
                    T("Luật Giao thông"),
                    N(4.0),
                    D(5, 2),
                    T("Thôn Bắc"),
                    N(120.0),
                ],
                vec![
                    N(2.0),
                    T("Luật Đất đai"),
                    N(1.0),
                    D(20, 5),
                    T("Thôn Nam"),
                    N(35.0),
                ],
            ],
        ),
    ] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        let mut all = vec![header()];
        all.extend(rows);
        book(&dir.join(folder).join("bao-cao.xlsx"), &[("Báo cáo", all)]);
    }
}

/// What the "Số lớp" reader gives [`so_lop`]'s rows, set by hand on a run of today's
/// reader (which does not read the column yet), and the summary worked out again.
pub fn as_the_reader_will(c: &mut Consolidation) {
    for class in &mut c.classes {
        class.classes = match class.topic.as_str() {
            "Trồng lúa lai" => 3,
            "Trồng rau sạch" => 2,
            "Luật Giao thông" => 4,
            _ => 1,
        };
    }
    c.summary = tthtcd::check::summary::summarise(&c.plan, &c.classes, c.summary.as_of);
}

/// How a bounded run of the binary ended.
#[cfg(unix)]
pub struct Bounded {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    /// Peak resident memory of this run, in KiB: the process itself or the largest of
    /// the workers it waited for (`wait4` on this one child, so the other runs of a
    /// test binary whose tests run in parallel do not count).
    pub peak_kib: i64,
}

/// Runs `command` (stdout piped, stderr dropped) and waits at most `deadline`; a run
/// past it is killed and the test fails.
#[cfg(unix)]
#[expect(
    clippy::zombie_processes,
    reason = "reaped by wait4, which also gives its resource usage"
)]
pub fn run_bounded(mut command: std::process::Command, deadline: std::time::Duration) -> Bounded {
    use std::process::Stdio;
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).unwrap();
        buf
    });
    let pid = child.id() as libc::pid_t;
    let start = std::time::Instant::now();
    loop {
        let mut status = 0;
        // SAFETY: wait4 on our own child, writing into the two values we pass.
        let (reaped, usage) = unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            let r = libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage);
            (r, usage)
        };
        if reaped == pid {
            let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
            return Bounded {
                code,
                stdout: reader.join().unwrap(),
                peak_kib: usage.ru_maxrss,
            };
        }
        assert!(reaped == 0, "wait4 failed");
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("tthtcd did not finish within {deadline:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A child process stopped when the test ends, however it ends: a failed assertion
/// must not leave a `watch` running behind the test binary.
pub struct Reaped(pub std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

impl std::ops::Deref for Reaped {
    type Target = std::process::Child;
    fn deref(&self) -> &std::process::Child {
        &self.0
    }
}

impl std::ops::DerefMut for Reaped {
    fn deref_mut(&mut self) -> &mut std::process::Child {
        &mut self.0
    }
}

/// kinh-te's March report: 2 classes, 40 + 35 = 75 learners (4 and 18 March).
pub fn kinh_te_march(path: &Path) {
    book(
        path,
        &[(
            "T3",
            vec![
                vec![T("STT"), T("Tên lớp"), T("Ngày mở lớp"), T("Số học viên")],
                vec![N(1.0), T("Trồng lúa"), D(4, 3), N(40.0)],
                vec![N(2.0), T("Nuôi cá"), D(18, 3), N(35.0)],
            ],
        )],
    );
}

/// A month's report of one sub-committee, named by its file: a "Báo cáo" sheet of
/// (class, day-first date as typed, learners) under STT | Tên lớp | Ngày mở lớp | Số học
/// viên.
pub fn month_report(path: &Path, classes: &[(&'static str, &'static str, f64)]) {
    let mut rows = vec![vec![
        T("STT"),
        T("Tên lớp"),
        T("Ngày mở lớp"),
        T("Số học viên"),
    ]];
    for (i, (name, date, learners)) in classes.iter().enumerate() {
        rows.push(vec![N(i as f64 + 1.0), T(name), T(date), N(*learners)]);
    }
    book(path, &[("Báo cáo", rows)]);
}
