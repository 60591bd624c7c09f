//! One-shot background jobs whose result the window polls once per frame, and what a job that
//! panicked turns into: a [`JobFailure`] naming what failed, instead of a silent "cancelled".

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::workbench::wake::Wake;

/// A background job that stopped without a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobFailure {
    /// What the job was doing: "loading bbc", "searching".
    pub what: String,
    /// The panic message, when there was one.
    pub cause: Option<String>,
}

impl JobFailure {
    /// A job whose thread ended without saying anything.
    pub fn vanished(what: &str) -> Self {
        Self {
            what: what.to_owned(),
            cause: None,
        }
    }

    /// "Loading bbc failed: index out of bounds" — what the status bar says.
    pub fn message(&self) -> String {
        let mut what = self.what.clone();
        if let Some(first) = what.get(..1) {
            let upper = first.to_uppercase();
            what.replace_range(..1, &upper);
        }
        match &self.cause {
            Some(cause) => format!("{what} failed: {cause}"),
            None => format!("{what} stopped unexpectedly"),
        }
    }
}

/// Runs `job`, turning a panic into a [`JobFailure`] for `what`.
pub fn catch<T>(what: &str, job: impl FnOnce() -> T) -> Result<T, JobFailure> {
    catch_unwind(AssertUnwindSafe(job)).map_err(|payload| {
        let cause = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned());
        JobFailure {
            what: what.to_owned(),
            cause,
        }
    })
}

/// Frees a big value (a corpus, a search result over 100,000 articles) on another thread: freeing
/// it on the UI thread can take longer than a frame.
pub fn drop_off_thread<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("dossier-free".to_owned())
        .spawn(move || drop(value));
    // Without a thread, the value was dropped with the closure here: slower, still correct.
    let _ = spawned;
}

/// A one-shot background job whose result is polled each frame.
pub struct Task<T> {
    rx: Receiver<Result<T, JobFailure>>,
    what: String,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `job` on a thread named `name`; `what` says what it does, for a failure message.
    pub fn spawn(
        wake: &Wake,
        name: &str,
        what: &str,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = mpsc::channel();
        let wake = wake.clone();
        let job_what = what.to_owned();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let _ = tx.send(catch(&job_what, job));
                wake.wake();
            });
        match spawned {
            Ok(_) => Some(Self {
                rx,
                what: what.to_owned(),
            }),
            Err(e) => {
                eprintln!("dossier: cannot start a background thread ({name}): {e}");
                None
            }
        }
    }

    /// `Some(Ok(result))` once, `Some(Err(failure))` if the job died, `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, JobFailure>> {
        match self.rx.try_recv() {
            Ok(v) => Some(v),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobFailure::vanished(&self.what))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn wait<T: Send + 'static>(task: &Task<T>, wake: &Wake) -> Result<T, JobFailure> {
        let mut seen = 0;
        loop {
            if let Some(r) = task.poll() {
                return r;
            }
            seen = wake.wait_after(seen, Duration::from_secs(30));
        }
    }

    #[test]
    fn a_task_hands_back_its_result() {
        let wake = Wake::default();
        let task = Task::spawn(&wake, "test", "adding", || 2 + 2).unwrap();
        assert_eq!(wait(&task, &wake), Ok(4));
    }

    #[test]
    fn a_panicking_task_becomes_a_failure_naming_the_job_and_the_cause() {
        let wake = Wake::default();
        let task: Task<()> =
            Task::spawn(&wake, "test", "searching", || panic!("index out of bounds")).unwrap();
        let failure = wait(&task, &wake).unwrap_err();
        assert_eq!(failure.what, "searching");
        assert_eq!(failure.message(), "Searching failed: index out of bounds");
        assert_eq!(
            JobFailure::vanished("loading bbc").message(),
            "Loading bbc stopped unexpectedly"
        );
    }
}
