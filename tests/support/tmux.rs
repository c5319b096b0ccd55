//! A tmux server of its own for the end-to-end tests: start a detached
//! session running a shell, type, press keys, read the screen back.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of its own, running a shell in a detached session.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a `width`×`height` session running `sh`, or `None` without tmux.
    pub fn start(name: &str, width: u16, height: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipping end-to-end test {name}: tmux is not installed");
            return None;
        }
        let t = Tmux {
            socket: format!("gloss-e2e-{}-{name}", std::process::id()),
        };
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "PS1='$ ' exec sh",
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        Some(t)
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // Works from inside another tmux session too.
            .env_remove("TMUX")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("running tmux")
    }

    /// Types `text` literally, then Enter.
    pub fn type_line(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
        self.keys(&["Enter"]);
    }

    /// Types `text` literally, without Enter.
    pub fn type_text(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "main", "-l", text])
                .status
                .success()
        );
    }

    /// Presses keys by tmux name (`j`, `Enter`, `NPage`, `q`…).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// Polls the screen until `ok` holds (10 s at most), then returns it.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |s| s.contains(needle))
    }

    /// A tmux format variable of the pane, e.g. `alternate_on`, `mouse_any_flag`.
    pub fn pane_flag(&self, name: &str) -> String {
        let fmt = format!("#{{{name}}}");
        let out = self.tmux(&["display-message", "-p", "-t", "main", &fmt]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn resize(&self, width: u16, height: u16) {
        let out = self.tmux(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        assert!(out.status.success(), "tmux resize-window: {out:?}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The shell command that runs gloss with `args` and prints its exit code.
/// Annotations go to a folder of this test run, never to the user's data
/// folder or beside the fixtures.
pub fn gloss_command(args: &str) -> String {
    let home = std::env::temp_dir().join(format!("gloss-e2e-home-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let home = home.display();
    gloss_command_with_env(
        &format!("HOME='{home}' XDG_DATA_HOME='{home}/data'"),
        &format!(
            "--annotations '{home}/annotations-{}.json' {args}",
            NEXT_SIDECAR.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ),
    )
}

/// Numbers the sidecars of the tests running in this process.
static NEXT_SIDECAR: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// [`gloss_command`] with environment assignments (`NAME='value' …`) before it.
pub fn gloss_command_with_env(env: &str, args: &str) -> String {
    format!(
        "printf 'BEFORE-GLOSS\\n'; {env} '{}' {args}; echo \"EXIT=$?\"",
        env!("CARGO_BIN_EXE_gloss")
    )
}
