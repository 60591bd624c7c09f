//! Waiting on the real app's background work without sleeping: the app counts its workers'
//! wake-ups, and a test blocks until the next one instead of polling on a timer.

use std::time::Duration;

use dossier::ui::DossierApp;
use egui_kittest::Harness;

/// Longest wait for one report from a worker; only reached when something is broken.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Most worker reports a wait goes through (loads report progress a few hundred times).
const MAX_REPORTS: usize = 5000;

/// Runs frames until `done`, blocking between frames until a background job reports; fails
/// when the jobs fall silent first. Then lets the UI settle for two frames.
pub fn run_until(
    harness: &mut Harness<'static, DossierApp>,
    what: &str,
    done: impl Fn(&Harness<'static, DossierApp>) -> bool,
) {
    for _ in 0..MAX_REPORTS {
        let seen = harness.state().wakes();
        // Two frames: what a report changes may only show in the frame after it is taken.
        for _ in 0..2 {
            harness.step();
            if done(harness) {
                harness.run_steps(2);
                return;
            }
        }
        harness.state().wait_for_work(seen, PATIENCE);
        if harness.state().wakes() == seen && harness.state().is_idle() && !done(harness) {
            harness.step();
            if !done(harness) {
                panic!("gave up waiting for {what}: no background work is left");
            }
        }
    }
    panic!("gave up waiting for {what}");
}
