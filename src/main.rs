//! The `gloss` binary: parse the command line and dispatch. Nothing else lives here.

fn main() -> std::process::ExitCode {
    gloss::cli::run()
}
