//! Terminal setup and restore, in one place: raw mode, the alternate screen
//! and mouse capture are switched on together and always switched off
//! together — on quit, on error (the guard's `Drop`) and on panic (a hook
//! that restores the terminal before the panic message is printed). A panic
//! inside [`contain`] (the background analysis of one article) is the
//! caller's to report: the hook leaves the terminal alone for it.

use std::cell::{Cell, RefCell};
use std::io::{self, Stdout, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// True while the terminal is in gloss's mode and must be restored.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

thread_local! {
    /// True while this thread runs a [`contain`]ed call.
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
    /// The message of the last contained panic on this thread.
    static CONTAINED_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The terminal gloss draws on.
pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Owns the set-up terminal; dropping it restores the user's terminal.
pub struct TerminalGuard {
    /// The terminal to draw on.
    pub terminal: Tui,
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if let Err(e) = restore() {
            eprintln!("gloss: could not restore the terminal: {e}");
        }
    }
}

/// Switches to raw mode, the alternate screen and mouse capture. On failure,
/// whatever was switched on is switched off again.
pub fn init() -> io::Result<TerminalGuard> {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CONTAINED.with(Cell::get) {
                // Caught by `contain` and reported in the interface: the
                // terminal stays as it is, nothing is written over the screen.
                CONTAINED_PANIC.with(|m| *m.borrow_mut() = Some(info.to_string()));
                return;
            }
            let _ = restore();
            previous(info);
        }));
    });
    let setup = || -> io::Result<Tui> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        terminal.clear()?;
        Ok(terminal)
    };
    match setup() {
        Ok(terminal) => Ok(TerminalGuard { terminal }),
        Err(e) => {
            let _ = restore();
            Err(e)
        }
    }
}

/// Gives the terminal back as it was: mouse capture off, main screen, cursor
/// shown, raw mode off. Does nothing the second time.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let screen = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    // Raw mode goes off even if writing to the terminal failed.
    let raw = disable_raw_mode();
    screen.and(raw)
}

/// Runs `f`, catching a panic in it. The panic message comes back as the
/// error; the terminal stays in gloss's mode and nothing is printed, so that
/// one failing piece of background work does not tear down the interface.
pub fn contain<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    let outer = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(outer));
    result.map_err(|payload| {
        CONTAINED_PANIC
            .with(|m| m.borrow_mut().take())
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contain_passes_a_result_through_and_turns_a_panic_into_its_message() {
        assert_eq!(contain(|| 2 + 2), Ok(4));
        let failed = contain(|| -> usize { panic!("rule {} failed", 7) });
        assert!(failed.expect_err("a panic").contains("rule 7 failed"));
        // Not contained any more afterwards.
        assert!(!CONTAINED.with(Cell::get));
    }
}
