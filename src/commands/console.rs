//! The console the tool prints to, made ready on Windows. A double-click opens the
//! console host of the PC, which on Windows 10 shows Vietnamese in the old code page
//! ("Tá»•ng há»£p") and the escape sequences colours are written with as they are
//! ("←[1m"), unless the program asks for UTF-8 and for escape sequences to be
//! understood. Elsewhere the terminal does both already.

use std::sync::atomic::{AtomicBool, Ordering};

/// Whether standard output's console understands escape sequences: everywhere but on
/// Windows, where [`prepare`] turns them on when the console can.
static ESCAPES: AtomicBool = AtomicBool::new(!cfg!(windows));

/// Whether colours may be written to standard output as escape sequences (a console
/// that would show them as they are gets none).
pub fn understands_escapes() -> bool {
    ESCAPES.load(Ordering::Relaxed)
}

/// UTF-8 for the console's input and output, and escape sequences understood on its
/// output and error streams. Without a console (output to a file or a pipe), nothing
/// changes.
#[cfg(windows)]
pub fn prepare() {
    type Handle = *mut std::ffi::c_void;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn SetConsoleOutputCP(code_page: u32) -> i32;
        fn SetConsoleCP(code_page: u32) -> i32;
        fn GetStdHandle(which: u32) -> Handle;
        fn GetConsoleMode(console: Handle, mode: *mut u32) -> i32;
        fn SetConsoleMode(console: Handle, mode: u32) -> i32;
    }
    const UTF8: u32 = 65001;
    const STD_OUTPUT: u32 = -11i32 as u32;
    const STD_ERROR: u32 = -12i32 as u32;
    const VIRTUAL_TERMINAL_PROCESSING: u32 = 0x0004;
    // SAFETY: Win32 calls on the process's own standard handles with constant
    // arguments and a local to write the mode to; without a console they fail,
    // harmlessly, and the mode is then left alone.
    let escapes = |which: u32| unsafe {
        let handle = GetStdHandle(which);
        let mut mode = 0;
        GetConsoleMode(handle, &mut mode) != 0
            && SetConsoleMode(handle, mode | VIRTUAL_TERMINAL_PROCESSING) != 0
    };
    // SAFETY: as above.
    unsafe {
        SetConsoleOutputCP(UTF8);
        SetConsoleCP(UTF8);
    }
    ESCAPES.store(escapes(STD_OUTPUT), Ordering::Relaxed);
    escapes(STD_ERROR);
}

#[cfg(not(windows))]
pub fn prepare() {}
