//! Frame timing for `DOSSIER_FRAME_LOG=1`: when each panel started drawing in a slow frame, the
//! first frame and the corpus arriving after launch, and the longest frames, printed on exit.

use std::time::{Duration, Instant};

/// A frame slower than this is logged with its panel marks.
const SLOW: Duration = Duration::from_millis(30);

/// When the parts of one frame started.
pub struct FrameTimer {
    started: Instant,
    marks: Vec<(&'static str, Duration)>,
}

impl FrameTimer {
    pub fn start() -> Self {
        Self {
            started: Instant::now(),
            marks: Vec::with_capacity(8),
        }
    }

    /// Time since the frame started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Notes that the part `name` starts now.
    pub fn mark(&mut self, name: &'static str) {
        self.marks.push((name, self.started.elapsed()));
    }
}

/// Longest UI frames, printed on exit.
#[derive(Default)]
pub struct FrameLog {
    frames: u64,
    max: Duration,
    loading_frames: u64,
    max_loading: Duration,
}

impl FrameLog {
    /// A log when `DOSSIER_FRAME_LOG=1`, else none.
    pub fn from_env() -> Option<Self> {
        std::env::var("DOSSIER_FRAME_LOG")
            .is_ok_and(|v| v == "1")
            .then(Self::default)
    }

    /// Records a finished frame. `corpus_arrived` is the size of a corpus shown this frame.
    pub fn frame_done(&mut self, timer: &FrameTimer, corpus_arrived: Option<usize>, loading: bool) {
        let took = timer.started.elapsed();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        if took > SLOW {
            let marks = timer
                .marks
                .iter()
                .map(|(name, at)| format!("{name} {:.1}", ms(*at)))
                .collect::<Vec<_>>()
                .join(", ");
            eprintln!(
                "dossier: slow frame {}: {:.1} ms{}; parts start at ms: {marks}",
                self.frames,
                ms(took),
                if corpus_arrived.is_some() {
                    " (a corpus arrived)"
                } else {
                    ""
                },
            );
        }
        if self.frames == 0 {
            eprintln!(
                "dossier: first frame drawn {:.0} ms after launch",
                ms(crate::ui::since_launch())
            );
        }
        if let Some(articles) = corpus_arrived {
            eprintln!(
                "dossier: corpus of {articles} articles shown {:.0} ms after launch",
                ms(crate::ui::since_launch())
            );
        }
        self.frames += 1;
        self.max = self.max.max(took);
        if loading {
            self.loading_frames += 1;
            self.max_loading = self.max_loading.max(took);
        }
    }
}

impl Drop for FrameLog {
    fn drop(&mut self) {
        eprintln!(
            "dossier: frame log: {} frames, longest App::ui {:.1} ms; while loading: {} frames, longest {:.1} ms",
            self.frames,
            self.max.as_secs_f64() * 1e3,
            self.loading_frames,
            self.max_loading.as_secs_f64() * 1e3
        );
    }
}
