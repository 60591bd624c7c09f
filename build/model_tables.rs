//! The weights of `assets/entity-model.tsv` and `assets/amount-model.tsv` read once here, at
//! compile time, into tables in `OUT_DIR` that the process fills its maps from without
//! parsing text: reading the 45,000 rows was a tenth of a short run's start-up. The `.tsv`
//! files stay the source (the training commands write them); the runtime parsers still read
//! them, and a test checks that both ways give the same model, bit for bit.
//!
//! A table is its rows in file order (a later row with the same hash wins, as when parsing):
//! the hash, then the weights' `f32` bits, little-endian `u32`s. The lines read are the
//! runtime's (`text::entries`: trimmed, no blanks, no `#` comments), each row as
//! `learn::Linear::parse_row` or `learn::Ranker::parse_row` reads it.

use std::path::Path;

/// Writes the tables and `model_tables.rs` (the scalar lines: threshold, training hash).
pub fn write(out: &Path) {
    let entity = read("assets/entity-model.tsv");
    let mut threshold = 0.5f32;
    let mut rows = Vec::new();
    for line in entries(&entity) {
        if let Some(t) = line.strip_prefix("threshold\t") {
            threshold = t.trim().parse().unwrap_or(0.5);
        } else {
            linear_row::<4>(line, &mut rows);
        }
    }
    write_file(&out.join("entity-model.bin"), &rows);

    let amount = read("assets/amount-model.tsv");
    let mut trained_on = String::new();
    let (mut roles, mut head) = (Vec::new(), Vec::new());
    for line in entries(&amount) {
        if let Some(t) = line.strip_prefix("trained_on\t") {
            trained_on = t.trim().to_string();
        } else if let Some(row) = line.strip_prefix("role\t") {
            linear_row::<5>(row, &mut roles);
        } else if let Some(row) = line.strip_prefix("head\t") {
            ranker_row(row, &mut head);
        }
    }
    write_file(&out.join("amount-roles.bin"), &roles);
    write_file(&out.join("amount-head.bin"), &head);

    let consts = format!(
        "/// `threshold` of `assets/entity-model.tsv`, as `f32` bits.\n\
         pub const ENTITY_THRESHOLD: u32 = {:#x};\n\
         /// `trained_on` of `assets/amount-model.tsv`.\n\
         pub const AMOUNT_TRAINED_ON: &str = {trained_on:?};\n",
        threshold.to_bits()
    );
    write_file(&out.join("model_tables.rs"), consts.as_bytes());
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write_file(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// `text::entries`.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `Linear::parse_row`: a hex hash, then `K` weights (a missing or unreadable one is 0); a
/// line without a hash is no row.
fn linear_row<const K: usize>(line: &str, out: &mut Vec<u8>) {
    let mut cols = line.split('\t');
    let Some(h) = cols.next().and_then(|c| u32::from_str_radix(c, 16).ok()) else {
        return;
    };
    out.extend(h.to_le_bytes());
    for _ in 0..K {
        let w: f32 = cols.next().and_then(|c| c.parse().ok()).unwrap_or(0.0);
        out.extend(w.to_bits().to_le_bytes());
    }
}

/// `Ranker::parse_row`: a hex hash, a tab, one weight.
fn ranker_row(line: &str, out: &mut Vec<u8>) {
    let Some((h, w)) = line.split_once('\t') else {
        return;
    };
    let (Ok(h), Ok(w)) = (u32::from_str_radix(h, 16), w.trim().parse::<f32>()) else {
        return;
    };
    out.extend(h.to_le_bytes());
    out.extend(w.to_bits().to_le_bytes());
}
