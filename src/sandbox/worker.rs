//! The worker side: `tthtcd __worker` reads its setup (the plans), then answers one
//! request a file until its input closes: a report's reading, or a plan-form
//! candidate's sheets, a consolidated workbook's stored data (see [`Reading`]). It writes nothing but replies to stdout. Its
//! memory limit was set before it started (see `Worker::start` in the parent module).

use std::io::{BufReader, BufWriter, Write};

use super::{Reading, Request, Setup, wire};
use crate::read::{read_request, read_sheets_request};
use crate::readback::read_stored_request;

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
