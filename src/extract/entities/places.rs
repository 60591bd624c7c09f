//! Countries (with their common variants and demonyms), major cities and regions, read once
//! from the shipped table `assets/places.tsv` (ISO 3166 names via the keshvar crate's data).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// What a place row is; cities may stand for their country's state ("Pyongyang's demand").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
    Region,
}

/// One row of the places table.
#[derive(Clone, Debug)]
pub struct Place {
    pub kind: PlaceKind,
    pub canonical: String,
    pub aliases: Vec<String>,
    /// "North Korean", "North Koreans": resolve to the country.
    pub demonyms: Vec<String>,
    /// The country a capital stands for when it is used as the state's name.
    pub metonym_of: Option<String>,
    /// For a city, the country it lies in: its parent location (the sidebar can roll it up).
    pub country: Option<String>,
}

/// The hand-kept table, then the cities and US states derived from GeoNames
/// (`tests/gazetteers/derive_places.py`), which never repeat a name of the first, then the
/// hand-kept regions, seas and US state abbreviations (`assets/places-regions.tsv`).
pub static PLACES: LazyLock<Vec<Place>> = LazyLock::new(|| {
    let mut places = parse(include_str!("../../../assets/places.tsv"));
    places.extend(parse(include_str!("../../../assets/places-geonames.tsv")));
    places.extend(parse(include_str!("../../../assets/places-regions.tsv")));
    places
});

/// The US states' names, after which "Town, State" makes the words before the comma a town.
pub static US_STATES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    PLACES
        .iter()
        .filter(|p| p.kind == PlaceKind::Region && p.country.as_deref() == Some("United States"))
        .map(|p| p.canonical.as_str())
        .collect()
});

fn split_list(s: &str) -> Vec<String> {
    if s.is_empty() {
        return Vec::new();
    }
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

fn column(cols: &[Option<&str>], i: usize) -> Option<String> {
    cols.get(i)
        .copied()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Parses the table; malformed rows are skipped (the shipped table is checked by tests).
pub fn parse(tsv: &str) -> Vec<Place> {
    let mut out = Vec::new();
    for line in crate::text::entries(tsv) {
        // The six columns read, on the stack (a `Vec` a row was a third of reading the table).
        let mut cols: [Option<&str>; 6] = [None; 6];
        for (c, col) in cols.iter_mut().zip(line.split('\t')) {
            *c = Some(col);
        }
        let kind = match cols[0] {
            Some("country") => PlaceKind::Country,
            Some("city") => PlaceKind::City,
            Some("region") => PlaceKind::Region,
            _ => continue,
        };
        let Some(canonical) = cols[1].map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        let mut demonyms = split_list(cols[3].unwrap_or(""));
        // Plural demonyms name the people ("North Koreans", "Americans"), still the country.
        let plurals: Vec<String> = demonyms
            .iter()
            .filter(|d| !d.ends_with('s') && !d.ends_with("ese") && !d.ends_with("sh"))
            .filter(|d| !d.ends_with("ch") && !d.ends_with('i') && !d.ends_with("Swiss"))
            .map(|d| format!("{d}s"))
            .collect();
        demonyms.extend(plurals);
        out.push(Place {
            kind,
            canonical: canonical.to_string(),
            aliases: split_list(cols[2].unwrap_or("")),
            demonyms,
            metonym_of: column(&cols, 4),
            country: column(&cols, 5),
        });
    }
    out
}

/// Words that, right before a capital city, make it the place rather than the state.
pub(super) static LOCATIVE: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/locative-words.txt"
    ))
    .collect()
});

/// Whether a metonym city at byte `start` of `text` is used as a place ("in Seoul") rather than
/// as its state ("Seoul said", "Pyongyang's demand").
pub fn used_as_place(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    if after.starts_with("-based") || after.starts_with(" city") || after.starts_with(" City") {
        return true;
    }
    let before = text[..start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    LOCATIVE.contains(prev)
}
