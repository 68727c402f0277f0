//! The worker's memory limit on Windows: a Job Object. Windows has no `RLIMIT_AS`; a
//! job caps the memory each process in it may commit, so past the limit an allocation
//! fails, the worker says so and ends, and the run lists the file as too costly to read
//! — as on Unix. The job also ends the worker with the run (its handle closes when the
//! run's process ends, however it ends), and ends a worker that crashes without the
//! "stopped working" window, which would wait for a click nobody is there to give.
//!
//! A worker is put in its job just after it starts; it reads nothing from a file before
//! its setup arrives, and that is sent after.

use std::ffi::c_void;
use std::os::windows::io::AsRawHandle;

type Handle = *mut c_void;

/// `JOBOBJECT_BASIC_LIMIT_INFORMATION` (winnt.h).
#[repr(C)]
#[derive(Default)]
struct BasicLimits {
    per_process_user_time_limit: i64,
    per_job_user_time_limit: i64,
    limit_flags: u32,
    minimum_working_set_size: usize,
    maximum_working_set_size: usize,
    active_process_limit: u32,
    affinity: usize,
    priority_class: u32,
    scheduling_class: u32,
}

/// `IO_COUNTERS` (winnt.h).
#[repr(C)]
#[derive(Default)]
struct IoCounters {
    counts: [u64; 6],
}

/// `JOBOBJECT_EXTENDED_LIMIT_INFORMATION` (winnt.h).
#[repr(C)]
#[derive(Default)]
struct ExtendedLimits {
    basic: BasicLimits,
    io: IoCounters,
    process_memory_limit: usize,
    job_memory_limit: usize,
    peak_process_memory_used: usize,
    peak_job_memory_used: usize,
}

/// `JobObjectExtendedLimitInformation`.
const EXTENDED_LIMITS: i32 = 9;
const LIMIT_PROCESS_MEMORY: u32 = 0x0000_0100;
const LIMIT_DIE_ON_UNHANDLED_EXCEPTION: u32 = 0x0000_0400;
const LIMIT_KILL_ON_JOB_CLOSE: u32 = 0x0000_2000;

#[link(name = "kernel32")]
unsafe extern "system" {
    fn CreateJobObjectW(attributes: *mut c_void, name: *const u16) -> Handle;
    fn SetInformationJobObject(job: Handle, class: i32, info: *const c_void, len: u32) -> i32;
    fn QueryInformationJobObject(
        job: Handle,
        class: i32,
        info: *mut c_void,
        len: u32,
        returned: *mut u32,
    ) -> i32;
    fn AssignProcessToJobObject(job: Handle, process: Handle) -> i32;
    fn CloseHandle(handle: Handle) -> i32;
}

/// A job holding one worker: its memory capped; the worker ended when the job is
/// dropped (or the run's process ends).
#[derive(Debug)]
pub struct Job(Handle);

// SAFETY: a job handle is a kernel object handle, usable from any thread.
unsafe impl Send for Job {}

/// What a job's limits are, as Windows reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobLimits {
    /// The most memory a process in the job may commit, in bytes; None when uncapped.
    pub process_memory: Option<u64>,
    /// Its processes end when the job's last handle closes.
    pub kill_on_close: bool,
    /// A process that crashes ends without the "stopped working" window.
    pub die_on_crash: bool,
}

impl Job {
    /// A new job whose every process may commit at most `bytes`.
    pub fn with_memory_limit(bytes: u64) -> std::io::Result<Job> {
        // SAFETY: no security attributes and no name: both may be null.
        let handle = unsafe { CreateJobObjectW(std::ptr::null_mut(), std::ptr::null()) };
        if handle.is_null() {
            return Err(std::io::Error::last_os_error());
        }
        let job = Job(handle);
        let mut limits = ExtendedLimits::default();
        limits.basic.limit_flags =
            LIMIT_PROCESS_MEMORY | LIMIT_KILL_ON_JOB_CLOSE | LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
        limits.process_memory_limit = usize::try_from(bytes).unwrap_or(usize::MAX);
        // SAFETY: the job handle is open; the pointer and length describe `limits`,
        // which outlives the call.
        succeeded(unsafe {
            SetInformationJobObject(
                job.0,
                EXTENDED_LIMITS,
                (&raw const limits).cast(),
                size_of::<ExtendedLimits>() as u32,
            )
        })?;
        Ok(job)
    }

    /// Puts the started `child` in the job.
    pub fn assign(&self, child: &std::process::Child) -> std::io::Result<()> {
        // SAFETY: both handles are open: the job's by ownership, the child's by the
        // borrowed `Child`, which has not been waited for.
        succeeded(unsafe { AssignProcessToJobObject(self.0, child.as_raw_handle().cast()) })
    }

    /// The limits Windows holds for the job.
    pub fn limits(&self) -> std::io::Result<JobLimits> {
        let mut limits = ExtendedLimits::default();
        // SAFETY: the pointer and length describe `limits`; the count returned may be
        // null.
        succeeded(unsafe {
            QueryInformationJobObject(
                self.0,
                EXTENDED_LIMITS,
                (&raw mut limits).cast(),
                size_of::<ExtendedLimits>() as u32,
                std::ptr::null_mut(),
            )
        })?;
        let flags = limits.basic.limit_flags;
        Ok(JobLimits {
            process_memory: (flags & LIMIT_PROCESS_MEMORY != 0)
                .then_some(limits.process_memory_limit as u64),
            kill_on_close: flags & LIMIT_KILL_ON_JOB_CLOSE != 0,
            die_on_crash: flags & LIMIT_DIE_ON_UNHANDLED_EXCEPTION != 0,
        })
    }
}

/// A Win32 call's BOOL as a result: zero is failure, its reason the thread's last error.
fn succeeded(result: i32) -> std::io::Result<()> {
    if result == 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        // SAFETY: the handle is owned and closed once; closing ends the job's
        // processes (kill on close).
        unsafe {
            CloseHandle(self.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_limits_have_the_layout_windows_reads() {
        // winnt.h on 64-bit Windows: 64 + 48 + 4 × 8 bytes.
        assert_eq!(size_of::<BasicLimits>(), 64);
        assert_eq!(size_of::<ExtendedLimits>(), 144);
    }
}
