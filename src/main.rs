//! The `dossier` binary: the workbench window, or a headless command.
// No console window for the GUI in Windows release builds; headless commands attach to the
// console they were started from (see `attach_parent_console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
