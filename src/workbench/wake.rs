//! How a background job tells the window that something arrived. The shell passes a callback
//! that asks egui for a repaint; every wake is also counted, so that a test can block until the
//! next report instead of sleeping and polling.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A cloneable wake-up line shared by the window and its background jobs.
#[derive(Clone)]
pub struct Wake {
    inner: Arc<Inner>,
}

struct Inner {
    callback: Box<dyn Fn() + Send + Sync>,
    count: Mutex<u64>,
    changed: Condvar,
}

impl Default for Wake {
    fn default() -> Self {
        Self::new(|| {})
    }
}

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wake")
            .field("count", &self.count())
            .finish()
    }
}

impl Wake {
    /// `callback` runs on the job's thread at every wake (egui: `request_repaint`).
    pub fn new(callback: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            inner: Arc::new(Inner {
                callback: Box::new(callback),
                count: Mutex::new(0),
                changed: Condvar::new(),
            }),
        }
    }

    /// Called by a job after it sent something.
    pub fn wake(&self) {
        if let Ok(mut count) = self.inner.count.lock() {
            *count += 1;
        }
        self.inner.changed.notify_all();
        (self.inner.callback)();
    }

    /// How many wakes so far.
    pub fn count(&self) -> u64 {
        self.inner.count.lock().map_or(0, |c| *c)
    }

    /// Blocks until the count exceeds `seen`, at most `timeout`; returns the count.
    pub fn wait_after(&self, seen: u64, timeout: Duration) -> u64 {
        let deadline = Instant::now() + timeout;
        let Ok(mut count) = self.inner.count.lock() else {
            return seen;
        };
        while *count <= seen {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.inner.changed.wait_timeout(count, left) {
                Ok((c, _)) => count = c,
                Err(_) => return seen,
            }
        }
        *count
    }

    /// The wake as a plain callback, for core services that take one.
    pub fn callback(&self) -> Arc<dyn Fn() + Send + Sync> {
        let wake = self.clone();
        Arc::new(move || wake.wake())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_wake_from_another_thread_ends_the_wait_and_runs_the_callback() {
        let calls = Arc::new(AtomicUsize::new(0));
        let seen_calls = calls.clone();
        let wake = Wake::new(move || {
            seen_calls.fetch_add(1, Ordering::SeqCst);
        });
        let seen = wake.count();
        let job = wake.clone();
        let thread = std::thread::spawn(move || job.wake());
        let now = wake.wait_after(seen, Duration::from_secs(30));
        thread.join().unwrap();
        assert_eq!(now, seen + 1);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_wake_before_the_wait_is_not_missed() {
        let wake = Wake::default();
        let seen = wake.count();
        (wake.callback())();
        assert_eq!(wake.wait_after(seen, Duration::from_secs(30)), seen + 1);
    }
}
