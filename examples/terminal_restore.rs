//! Sets the terminal up exactly as gloss does, then fails on purpose — with a
//! panic (`terminal_restore panic`) or an error (`terminal_restore error`) — to
//! show that the user's terminal comes back either way: main screen, cooked
//! mode, mouse reporting off. The end-to-end tests run it in tmux.

use anyhow::{Result, bail};

fn main() -> Result<()> {
    let how = std::env::args().nth(1).unwrap_or_default();
    let mut guard = gloss::tui::terminal::init()?;
    guard.terminal.draw(|frame| {
        frame.render_widget("inside the alternate screen", frame.area());
    })?;
    std::thread::sleep(std::time::Duration::from_millis(300));
    if how == "panic" {
        panic!("deliberate panic with the terminal set up");
    }
    bail!("deliberate error with the terminal set up")
}
