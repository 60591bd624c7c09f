//! How much of a file a load reads: the bounds that keep a hostile folder (a disk image named
//! `.txt`, a 50 MB line in an export, a CSV whose quote never closes) from stalling a load or
//! exhausting memory. The defaults suit news corpora; two environment variables change them for
//! one run, for the window and `dossier extract` alike:
//!
//! - `DOSSIER_MAX_FILE_MB` (default 64): a single-article file (text, Markdown, HTML, a `.json`
//!   array) is read whole, and a larger one is refused unread;
//! - `DOSSIER_MAX_RECORD_MB` (default 16): JSON Lines and CSV files are streamed record by record
//!   and may be of any size, but one line (JSON Lines) or record (CSV) longer than this is
//!   refused as its own error; JSON Lines go on with the next line, CSV stops there (a record
//!   that long is almost always an unbalanced quote swallowing the rest of the file).

/// The bounds of one load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read whole, in bytes.
    pub max_file_bytes: u64,
    /// Largest JSON Lines line or CSV record, in bytes.
    pub max_record_bytes: u64,
}

const MIB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * MIB,
            max_record_bytes: 16 * MIB,
        }
    }
}

impl Limits {
    /// The defaults, overridden by `DOSSIER_MAX_FILE_MB` and `DOSSIER_MAX_RECORD_MB` when they
    /// hold a positive whole number (anything else is ignored).
    pub fn from_env() -> Self {
        let mib = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&n| n > 0)
                .map(|n| n.saturating_mul(MIB))
        };
        let d = Self::default();
        Self {
            max_file_bytes: mib("DOSSIER_MAX_FILE_MB").unwrap_or(d.max_file_bytes),
            max_record_bytes: mib("DOSSIER_MAX_RECORD_MB").unwrap_or(d.max_record_bytes),
        }
    }
}

/// A byte count for messages: `12.3 MiB`.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / MIB as f64)
}
