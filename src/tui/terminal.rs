//! Terminal setup and restore, in one place: raw mode, the alternate screen
//! and mouse capture are switched on together and always switched off
//! together — on quit, on error (the guard's `Drop`) and on panic (a hook
//! that restores the terminal before the panic message is printed).

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
