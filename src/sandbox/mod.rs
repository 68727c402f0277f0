//! Reading untrusted workbooks in worker processes. A workbook is bytes someone else
//! made; a crafted one can make a format reader ask for gigabytes (an allocation
//! failure aborts a process, and no `catch_unwind` can stop it) or run for minutes. So
//! the run's own process never parses one: a small pool of workers — this same binary,
//! started as `tthtcd __worker`, one per core, each under a memory limit and reused from
//! file to file — does everything that touches a file's bytes (read, legacy repair,
//! recognise, normalise) and sends back what the file gave. A worker that aborts, is
//! killed or runs past the time limit costs only its file, which is listed as failed
//! with a plain reason, and a fresh worker takes its place.
//!
//! The limits: on Linux and other Unix systems the memory limit is the worker's address
//! space (`RLIMIT_AS`), set before it starts; on Windows it is the memory the worker
//! may commit, capped by a Job Object it is put in as it starts ([`job`]). Wine
//! neither keeps nor enforces that limit, so it is checked on Windows only
//! (tests/windows.rs).

#[cfg(windows)]
pub mod job;
mod wire;
pub mod worker;

use std::collections::VecDeque;
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Problem, ReadProblem};
use crate::input::discover::Format;
use crate::plan::Plan;

/// How much a reading may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Memory for all workers together, shared equally among them.
    pub memory_bytes: u64,
    /// Time for one file.
    pub per_file: Duration,
    /// How many workers read at once.
    pub workers: usize,
}

impl Default for Limits {
    /// 1 GiB for all workers (an office PC has 4–8 GB), 30 s a file (a monthly report
    /// reads in well under a second), one worker per core.
    fn default() -> Limits {
        Limits {
            memory_bytes: 1 << 30,
            per_file: Duration::from_secs(30),
            workers: std::thread::available_parallelism().map_or(2, usize::from),
        }
    }
}

/// Where the workers come from and what they may spend.
#[derive(Debug, Clone, PartialEq)]
pub struct Sandbox {
    /// The `tthtcd` binary, started with the `__worker` argument.
    pub exe: PathBuf,
    pub limits: Limits,
}

/// The least memory a worker is started with: enough for the program itself and a
/// monthly report many times over.
pub const MIN_WORKER_MEMORY: u64 = 32 << 20;

impl Limits {
    /// How many workers read at once: one per core, fewer when the memory would leave
    /// each less than [`MIN_WORKER_MEMORY`].
    pub fn worker_count(&self) -> usize {
        let fit = (self.memory_bytes / MIN_WORKER_MEMORY).max(1);
        self.workers
            .clamp(1, usize::try_from(fit).unwrap_or(usize::MAX))
    }

    /// What one worker may use: an equal share of the whole.
    pub fn per_worker_memory(&self) -> u64 {
        self.memory_bytes / self.worker_count() as u64
    }
}

impl Sandbox {
    /// Workers of the running binary with the default limits.
    pub fn current_exe() -> std::io::Result<Sandbox> {
        Ok(Sandbox {
            exe: std::env::current_exe()?,
            limits: Limits::default(),
        })
    }
}

/// The argument that starts a worker.
pub const WORKER_ARG: &str = "__worker";

/// What a worker is told once, when it starts: the plans whose vocabularies recognise
/// the reports (a district run's every commune's; none for a pool that only reads plan
/// forms and consolidated workbooks).
#[derive(Serialize, Deserialize)]
struct Setup {
    plans: Vec<Plan>,
}

/// One file to read.
#[derive(Serialize, Deserialize)]
pub(crate) struct Request {
    pub path: PathBuf,
    pub rel: String,
    pub size: u64,
    pub format: Format,
    pub reading: Reading,
    /// The plan (of the worker's setup) a report is recognised with: its commune's.
    pub plan: usize,
}

/// What a worker makes of a file, and so what it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Reading {
    /// A report: read, recognised and normalised; answered with a `read::FileRead`.
    Report,
    /// A candidate for the plan form, read before the run knows its plan: only its
    /// sheets, legacy text repaired; answered with `Result<Vec<SheetGrid>, Problem>`.
    /// Whether they are a plan form is for the run to judge (pure computation).
    PlanForm,
    /// A consolidated workbook of the tool's, read back: only its data sheet; answered
    /// with `Result<readback::Stored, readback::ReadBackError>`.
    OwnOutput,
}

/// Why a file's worker gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    /// It ran out of the memory it may use.
    Memory,
    /// It ran past the time limit and was stopped.
    Time,
    /// It stopped for another reason (a crash in a format reader).
    Crash,
}

/// A started worker: its input, the replies its stdout gives (read on a thread of its
/// own, so a reply can be waited for with a time limit) and the tail of its stderr.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<std::io::Result<Vec<u8>>>,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    /// The thread draining stderr: it ends when the worker does.
    stderr_reader: std::thread::JoinHandle<()>,
    /// The job capping its memory, which ends it when dropped.
    #[cfg(windows)]
    _job: job::Job,
}

/// What Rust's allocation-failure handler writes before it aborts the worker.
const OUT_OF_MEMORY: &[u8] = b"memory allocation of ";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How long a new worker may take to say it is ready.
const READY_WITHIN: Duration = Duration::from_secs(10);

/// The stderr a worker keeps for the reason it died ("memory allocation of … failed").
const STDERR_TAIL: usize = 4096;

impl Worker {
    fn start(sandbox: &Sandbox, setup: &[u8]) -> std::io::Result<Worker> {
        let mut command = Command::new(&sandbox.exe);
        command
            .arg(WORKER_ARG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // A worker that runs out of memory says so in one line; a backtrace after
            // it would only cost time.
            .env("RUST_BACKTRACE", "0");
        limit_memory(&mut command, sandbox.limits.per_worker_memory());
        let mut child = command.spawn()?;
        // In its job before it is sent anything to read.
        #[cfg(windows)]
        let job = match job::Job::with_memory_limit(sandbox.limits.per_worker_memory())
            .and_then(|job| job.assign(&child).map(|()| job))
        {
            Ok(job) => job,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(e);
            }
        };
        let (Some(mut stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("worker pipes missing"));
        };
        wire::write_frame(&mut stdin, setup)?;
        stdin.flush()?;
        let (tx, replies) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            loop {
                let frame = wire::read_frame(&mut out);
                let end = frame.is_err();
                if tx.send(frame).is_err() || end {
                    break;
                }
            }
        });
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let tail = Arc::clone(&stderr_tail);
        let stderr_reader = std::thread::spawn(move || drain_tail(stderr, &tail));
        Ok(Worker {
            child,
            stdin,
            replies,
            stderr_tail,
            stderr_reader,
            #[cfg(windows)]
            _job: job,
        })
    }

    /// Ends the worker for good and says why it gave no answer.
    fn end(mut self, timed_out: bool) -> Lost {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if timed_out {
            return Lost::Time;
        }
        // The worker is gone, so its stderr is closed: the tail is complete once the
        // thread reading it has ended.
        let _ = self.stderr_reader.join();
        let tail = self
            .stderr_tail
            .lock()
            .map(|t| t.clone())
            .unwrap_or_default();
        if find(&tail, OUT_OF_MEMORY).is_some() {
            Lost::Memory
        } else {
            Lost::Crash
        }
    }
}

/// Caps the worker's address space from its first instruction: past it an allocation
/// fails, the worker aborts, and the run lists the file as too costly to read. Set
/// before the program starts, so the allocator's own reservations count too (memory
/// reserved before a limit is set could be used past it).
#[cfg(unix)]
fn limit_memory(command: &mut Command, bytes: u64) {
    use std::os::unix::process::CommandExt;
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: the closure runs in the forked child before exec and only makes the
    // async-signal-safe setrlimit system call on a value copied into it.
    unsafe {
        command.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
}

/// Elsewhere the limit is set once the worker has started: on Windows, its job.
#[cfg(not(unix))]
fn limit_memory(_command: &mut Command, _bytes: u64) {}

/// Keeps the last [`STDERR_TAIL`] bytes a worker writes to stderr, so a chatty worker
/// never blocks on a full pipe.
fn drain_tail(mut stderr: impl Read, tail: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 1024];
    while let Ok(n) = stderr.read(&mut buf) {
        let Some(chunk) = buf.get(..n).filter(|c| !c.is_empty()) else {
            break;
        };
        if let Ok(mut t) = tail.lock() {
            t.extend_from_slice(chunk);
            // The line that names a failed allocation is kept whatever follows it.
            let keep_from = find(&t, OUT_OF_MEMORY)
                .unwrap_or(usize::MAX)
                .min(t.len().saturating_sub(STDERR_TAIL));
            t.drain(..keep_from);
        }
    }
}

/// Workers started on demand, up to the limit, and handed to whichever reading thread
/// needs one.
pub(crate) struct Pool {
    sandbox: Sandbox,
    setup: Vec<u8>,
    /// Workers free to take a file, and how many are running (free or busy).
    idle: Mutex<Idle>,
    /// Signalled when a worker is handed back or ends.
    freed: std::sync::Condvar,
}

#[derive(Default)]
struct Idle {
    free: Vec<Worker>,
    running: usize,
}

impl Pool {
    /// Starts one worker and waits for it to be ready, to be sure workers can run at
    /// all: a run that cannot read safely does not read. A report's request names its
    /// plan among `plans`.
    pub fn start(sandbox: &Sandbox, plans: &[Plan]) -> std::io::Result<Pool> {
        let setup = postcard::to_stdvec(&Setup {
            plans: plans.to_vec(),
        })
        .map_err(std::io::Error::other)?;
        let first = Worker::start(sandbox, &setup)?;
        match first.replies.recv_timeout(READY_WITHIN) {
            Ok(Ok(_)) => {}
            _ => {
                first.end(false);
                return Err(std::io::Error::other(
                    "the reading process did not start within its limits",
                ));
            }
        }
        Ok(Pool {
            sandbox: sandbox.clone(),
            setup,
            idle: Mutex::new(Idle {
                free: vec![first],
                running: 1,
            }),
            freed: std::sync::Condvar::new(),
        })
    }

    /// A free worker, a new one while fewer than the limit run, else the next one freed.
    fn take(&self) -> Result<Worker, Lost> {
        let mut idle = self.idle.lock().map_err(|_| Lost::Crash)?;
        loop {
            if let Some(w) = idle.free.pop() {
                return Ok(w);
            }
            if idle.running < self.sandbox.limits.worker_count() {
                idle.running += 1;
                drop(idle);
                return Worker::start(&self.sandbox, &self.setup)
                    .and_then(|w| match w.replies.recv_timeout(READY_WITHIN) {
                        Ok(Ok(_)) => Ok(w),
                        _ => {
                            w.end(false);
                            Err(std::io::Error::other("worker not ready"))
                        }
                    })
                    .map_err(|_| {
                        self.ended();
                        Lost::Crash
                    });
            }
            idle = self.freed.wait(idle).map_err(|_| Lost::Crash)?;
        }
    }

    /// What each file may cost.
    pub fn limits(&self) -> &Limits {
        &self.sandbox.limits
    }

    fn give_back(&self, worker: Worker) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.free.push(worker);
        }
        self.freed.notify_one();
    }

    /// A worker ended: its place may be taken by a new one.
    fn ended(&self) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.running = idle.running.saturating_sub(1);
        }
        self.freed.notify_one();
    }

    /// Ends a worker that gave no answer, and says why.
    fn lose(&self, worker: Worker, timed_out: bool) -> Lost {
        let lost = worker.end(timed_out);
        self.ended();
        lost
    }

    /// Hands a file to a worker; a worker that cannot take it has died, which the
    /// wait for its reply finds out.
    fn send(worker: &mut Worker, request: &Request) {
        let _ = postcard::to_stdvec(request)
            .map_err(std::io::Error::other)
            .and_then(|body| {
                wire::write_frame(&mut worker.stdin, &body)?;
                worker.stdin.flush()
            });
    }

    /// Reads every item on the workers, a thread for each, and gives back one result
    /// an item, in order. `request` says what a worker is to read for an item; an item
    /// with nothing to read (a file to skip) is settled by `settle` without a worker.
    /// `reply` makes the result of a worker's answer, or of the reason there is none,
    /// on the thread that waited for it.
    ///
    /// Each worker is kept [`AHEAD`] file ahead: the next request already waits in its
    /// pipe when it sends a reply, so it never idles while the run takes the reply in.
    /// When a worker is lost, the file it was reading is the one that cost it (replies
    /// come in order); the files queued behind it go to a fresh worker.
    pub(crate) fn read_all<I, T, R>(
        &self,
        items: &[I],
        request: impl Fn(&I) -> Option<Request> + Sync,
        settle: impl Fn(&I) -> R + Sync,
        reply: impl Fn(&I, Result<T, Lost>) -> R + Sync,
    ) -> Vec<R>
    where
        I: Sync,
        T: serde::de::DeserializeOwned,
        R: Send,
    {
        let next = AtomicUsize::new(0);
        let threads = self
            .sandbox
            .limits
            .worker_count()
            .clamp(1, items.len().max(1));
        let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|_| s.spawn(|| self.serve(items, &next, threads, (&request, &settle, &reply))))
                .collect();
            // A thread that panicked would leave files without a reading: the panic
            // goes on rather than any reading being paired with the wrong file.
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        done.sort_unstable_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    }

    /// One thread of [`Pool::read_all`]: takes items in turn and keeps one worker busy.
    fn serve<I, T, R>(
        &self,
        items: &[I],
        next: &AtomicUsize,
        threads: usize,
        (request, settle, reply): (
            &(impl Fn(&I) -> Option<Request> + Sync),
            &(impl Fn(&I) -> R + Sync),
            &(impl Fn(&I, Result<T, Lost>) -> R + Sync),
        ),
    ) -> Vec<(usize, R)>
    where
        T: serde::de::DeserializeOwned,
    {
        let mut out = Vec::new();
        // Files sent to the worker in hand (or to be sent to the next one), in order.
        let mut pending: VecDeque<(usize, Request)> = VecDeque::new();
        let mut worker: Option<Worker> = None;
        let mut exhausted = false;
        loop {
            // Near the end the queues shrink with what is left, so that no worker
            // still holds several files while another has none.
            let left = items.len().saturating_sub(next.load(Ordering::Relaxed));
            let ahead = (left / threads).min(AHEAD);
            while !exhausted && pending.len() <= ahead {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else {
                    exhausted = true;
                    break;
                };
                match request(item) {
                    None => out.push((i, settle(item))),
                    Some(req) => {
                        if let Some(w) = worker.as_mut() {
                            Self::send(w, &req);
                        }
                        pending.push_back((i, req));
                    }
                }
            }
            let Some(&(front, _)) = pending.front() else {
                break;
            };
            let w = match worker.take() {
                Some(w) => w,
                None => match self.take() {
                    Ok(mut w) => {
                        for (_, req) in &pending {
                            Self::send(&mut w, req);
                        }
                        w
                    }
                    Err(lost) => {
                        pending.pop_front();
                        out.push((front, reply(&items[front], Err(lost))));
                        continue;
                    }
                },
            };
            let answer = match w.replies.recv_timeout(self.sandbox.limits.per_file) {
                Ok(Ok(body)) => {
                    worker = Some(w);
                    postcard::from_bytes(&body).map_err(|_| Lost::Crash)
                }
                Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(self.lose(w, false)),
                Err(RecvTimeoutError::Timeout) => Err(self.lose(w, true)),
            };
            pending.pop_front();
            out.push((front, reply(&items[front], answer)));
        }
        if let Some(w) = worker {
            self.give_back(w);
        }
        out
    }
}

/// How many files a worker holds in its pipe beyond the one it reads.
const AHEAD: usize = 4;

impl Drop for Pool {
    /// Closing a worker's input ends it; waiting reaps it.
    fn drop(&mut self) {
        if let Ok(mut idle) = self.idle.lock() {
            for w in idle.free.drain(..) {
                drop(w.stdin);
                let mut child = w.child;
                let _ = child.wait();
            }
        }
    }
}

/// The problem a lost file is listed with.
pub fn problem(lost: Lost, limits: &Limits) -> Problem {
    match lost {
        Lost::Memory => Problem::Unread(ReadProblem::ReaderOutOfMemory {
            megabytes: limits.per_worker_memory() / (1 << 20),
        }),
        Lost::Time => Problem::Unread(ReadProblem::ReaderTimedOut {
            seconds: limits.per_file.as_secs(),
        }),
        Lost::Crash => Problem::Unread(ReadProblem::ReaderAborted),
    }
}
