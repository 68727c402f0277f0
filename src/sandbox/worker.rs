//! The worker side: `tthtcd __worker` reads its setup (the plans), then answers one
//! request a file until its input closes: a report's reading, or a plan-form
//! candidate's sheets, a consolidated workbook's stored data (see [`Reading`]). It writes nothing but replies to stdout. Its
//! memory limit was set before it started (see `Worker::start` in the parent module).

use std::io::{BufReader, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Reading, Request, Setup, wire};
use crate::read::{read_request, read_sheets_request};
use crate::readback::read_stored_request;

/// Set by the program's allocator (see `main.rs`) when an allocation is refused. Past
/// its memory limit, a reading does not always end in the allocation failure that
/// aborts the worker with "memory allocation of … failed": a reserve that may fail
/// (`read_to_end`, `try_reserve`) comes back as an error instead, which a format
/// reader may turn into a refusal of the file or a panic. Either would pass for a
/// damaged file; with this flag the worker knows it ran out of memory.
pub static ALLOCATION_REFUSED: AtomicBool = AtomicBool::new(false);

/// A reading after which an allocation had been refused: the worker says it ran out
/// of memory, as the allocation failure handler would, and ends; the run lists the
/// file as too costly to read and starts a fresh worker.
fn end_if_out_of_memory() {
    if ALLOCATION_REFUSED.load(Ordering::Relaxed) {
        // Written without allocating: the words the run looks for (see `Lost::Memory`).
        let _ = std::io::stderr().write_all(b"memory allocation of a reading failed\n");
        std::process::abort();
    }
}

/// Serves requests on stdin/stdout; the exit code says whether the setup was usable.
pub fn serve() -> std::process::ExitCode {
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut output = BufWriter::new(std::io::stdout().lock());
    let Ok(setup) = wire::read_frame(&mut input)
        .ok()
        .and_then(|b| postcard::from_bytes::<Setup>(&b).ok())
        .ok_or(())
    else {
        return std::process::ExitCode::from(2);
    };
    let vocabularies: Vec<_> = setup
        .plans
        .iter()
        .map(crate::recognise::Vocabulary::from)
        .collect();
    // Ready: the run waits for this before it counts on workers.
    if wire::write_frame(&mut output, b"{}")
        .and_then(|()| output.flush())
        .is_err()
    {
        return std::process::ExitCode::from(2);
    }
    while let Ok(body) = wire::read_frame(&mut input) {
        let Ok(request) = postcard::from_bytes::<Request>(&body) else {
            break;
        };
        let reply = match request.reading {
            Reading::Report => {
                // A request for a plan not in the setup is the run's own mistake: the
                // worker stops, and the file is listed as not read.
                let Some(vocabulary) = vocabularies.get(request.plan) else {
                    break;
                };
                postcard::to_stdvec(&read_request(vocabulary, &request))
            }
            Reading::PlanForm => postcard::to_stdvec(&read_sheets_request(&request)),
            Reading::OwnOutput => postcard::to_stdvec(&read_stored_request(&request)),
        };
        end_if_out_of_memory();
        let Ok(reply) = reply else {
            break;
        };
        if wire::write_frame(&mut output, &reply)
            .and_then(|()| output.flush())
            .is_err()
        {
            break;
        }
    }
    std::process::ExitCode::SUCCESS
}
