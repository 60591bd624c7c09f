//! Reproducible synthetic news corpora for benchmarks: `dossier gen-corpus` and `benches/scale.rs`.
//!
//! Article `i` of seed `s` is always the same text, whatever else is generated, so a corpus can be
//! written in shards, in parallel or streamed. Names, amounts and dates vary from article to
//! article (invented organisations and surnames, given names and threat actors from Dossier's own
//! lists, figures in several currencies and magnitudes, absolute and relative dates) so that
//! caches and branch predictors are not flattered by repetition. About a third of the articles
//! report a theft; the rest is business, politics and sport news with figures that are not.

use std::io::{self, Write};
use std::path::Path;
use std::sync::LazyLock;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::extract::entities::gazetteer::THREAT_ACTORS;

/// One generated article, as written to a JSON Lines record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SyntheticArticle {
    pub id: String,
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    pub text: String,
}

/// A small, fast, reproducible generator (SplitMix64): good enough for varied text, no crate.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: u64) -> Self {
        let mut r = Self(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

/// The generator's vocabulary, one list per kind of word (`assets/synthetic/`).
static SYLLABLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../assets/synthetic/syllables.txt")).collect()
});
static ORG_KINDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../assets/synthetic/organisation-kinds.txt")).collect()
});
static THEFT_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../assets/synthetic/theft-verbs.txt")).collect()
});
static TITLE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../assets/synthetic/title-openers.txt")).collect()
});
static NEWS_TOPICS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../assets/synthetic/news-topics.txt")).collect()
});
static PLACES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../assets/synthetic/places.txt")).collect()
});
static ROLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::text::entries(include_str!("../assets/synthetic/roles.txt")).collect());

/// Given names from Dossier's own list (the one people extraction uses).
static GIVEN: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::text::entries(include_str!("../assets/given-names.txt")).collect());

/// Threat-actor names from the gazetteer, so that actor matching has real work.
static ACTORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = THREAT_ACTORS
        .iter()
        .map(|a| a.name.as_str())
        .filter(|n| n.len() > 4)
        .collect();
    if names.is_empty() {
        names.push("an unnamed hacking group");
    }
    names
});

/// A month's English name, drawn like any other word.
fn month_name(rng: &mut Rng) -> &'static str {
    u8::try_from(1 + rng.below(12))
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("January", |m| m.name())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// An invented word of two or three syllables, capitalised ("Norvelan").
fn invented(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let word: String = (0..n).map(|_| rng.pick(&SYLLABLES)).collect();
    capitalised(&word)
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&GIVEN), invented(rng))
}

fn organisation(rng: &mut Rng) -> String {
    format!("{} {}", invented(rng), rng.pick(&ORG_KINDS))
}

/// A money figure in one of the forms news write ("$81 million", "€1.7bn", "4,502 BTC").
fn amount(rng: &mut Rng) -> String {
    let whole = 1 + rng.below(999);
    let tenth = rng.below(10);
    match rng.below(9) {
        0 => format!("${whole} million"),
        1 => format!("${whole}.{tenth} million"),
        2 => format!("€{whole}.{tenth}bn"),
        3 => format!("£{whole}m"),
        4 => format!("{},{:03} BTC", 1 + rng.below(40), rng.below(1000)),
        5 => format!("{whole} million dollars"),
        6 => format!("US${whole}m"),
        7 => format!("${},{:03},{:03}", whole, rng.below(1000), rng.below(1000)),
        _ => format!("{whole},{:03} ETH", rng.below(1000)),
    }
}

/// A date expression, absolute or relative to publication.
fn date_phrase(rng: &mut Rng, published: NaiveDate) -> String {
    let year = 2012 + rng.below(12);
    let month = month_name(rng);
    match rng.below(7) {
        0 => format!("on {month} {}, {year}", 1 + rng.below(28)),
        1 => format!("in {month} {year}"),
        2 => format!("on {}", rng.pick(&crate::extract::calendar::WEEKDAYS[..5])),
        3 => "last year".to_owned(),
        4 => format!("in {year}"),
        5 => format!("{} days ago", 2 + rng.below(9)),
        _ => {
            let d = published - Duration::days(rng.below(900) as i64);
            format!("on {}", d.format("%Y-%m-%d"))
        }
    }
}

fn theft_paragraph(rng: &mut Rng, victim: &str, actor: &str, published: NaiveDate) -> String {
    let figure = amount(rng);
    let when = date_phrase(rng, published);
    let verb = rng.pick(&THEFT_VERBS);
    match rng.below(4) {
        0 => format!(
            "Hackers linked to {actor} {verb} {figure} from {victim} {when}, investigators said."
        ),
        1 => format!(
            "{victim} said attackers {verb} {figure} {when}. {} of the firm said the \
             breach was contained and customer funds were safe.",
            person(rng)
        ),
        2 => format!(
            "Researchers at {} attributed the attack to {actor}, which they said \
             {verb} {figure} from {victim} {when}.",
            organisation(rng)
        ),
        _ => format!(
            "The attackers tried to move a further {} but the transfers were blocked. \
             {victim} has recovered about {figure} so far.",
            amount(rng)
        ),
    }
}

fn news_paragraph(rng: &mut Rng, published: NaiveDate) -> String {
    let who = person(rng);
    let role = rng.pick(&ROLES);
    let org = organisation(rng);
    let place = rng.pick(&PLACES);
    let topic = rng.pick(&NEWS_TOPICS);
    match rng.below(5) {
        0 => format!(
            "{org} reported a profit of {} for the year to {}, against {} a year \
             earlier, and shares rose {}% in {place}.",
            amount(rng),
            month_name(rng),
            amount(rng),
            1 + rng.below(30)
        ),
        1 => format!(
            "\"We are pleased with {topic},\" said {who}, {role} at {org}, speaking in \
             {place} {}.",
            date_phrase(rng, published)
        ),
        2 => format!(
            "{who} said {topic} would cost about {} and take until {} {} to finish.",
            amount(rng),
            month_name(rng),
            2025 + rng.below(5)
        ),
        3 => format!(
            "Talks between {org} and {} over {topic} ended without agreement {}, \
             people familiar with the matter told reporters in {place}.",
            organisation(rng),
            date_phrase(rng, published)
        ),
        _ => format!(
            "In {place}, {who} scored twice as the home side won {}-{} in front of {} \
             fans, a record for the ground.",
            rng.below(6),
            rng.below(4),
            10_000 + rng.below(80_000)
        ),
    }
}

/// Article `index` of the corpus generated with `seed`.
pub fn article(seed: u64, index: u64) -> SyntheticArticle {
    let mut rng = Rng::new(seed, index);
    let base = NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or_default();
    let published = base + Duration::days(rng.below(11 * 365) as i64);
    let theft = rng.below(3) == 0;
    let paragraphs = 3 + rng.below(6);
    let mut text = String::new();
    let title;
    if theft {
        let victim = organisation(&mut rng);
        let actor = rng.pick(&ACTORS);
        title = format!("{} {victim}", rng.pick(&TITLE_WORDS));
        for _ in 0..1 + rng.below(3) {
            text.push_str(&theft_paragraph(&mut rng, &victim, actor, published));
            text.push_str("\n\n");
        }
    } else {
        title = format!(
            "{} {} as {}",
            invented(&mut rng),
            rng.pick(&["update", "deal", "talks", "result"]),
            rng.pick(&NEWS_TOPICS)
        );
    }
    for _ in 0..paragraphs {
        text.push_str(&news_paragraph(&mut rng, published));
        text.push_str("\n\n");
    }
    SyntheticArticle {
        id: format!("gen-{seed}-{index:07}"),
        title,
        date: published.format("%Y-%m-%d").to_string(),
        text: text.trim_end().to_owned(),
    }
}

/// Writes articles `range` of seed `seed` as JSON Lines (one record per article).
pub fn write_jsonl(out: &mut impl Write, seed: u64, range: std::ops::Range<u64>) -> io::Result<()> {
    for i in range {
        serde_json::to_writer(&mut *out, &article(seed, i))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes articles `0..articles` into `folder` as `gen-0000.jsonl`, `gen-0001.jsonl`… of
/// `shard` articles each (in parallel), so each file stays under the loader's size limit.
pub fn write_shards(folder: &Path, seed: u64, articles: u64, shard: u64) -> io::Result<()> {
    use rayon::prelude::*;
    std::fs::create_dir_all(folder)?;
    let shard = shard.max(1);
    (0..articles.div_ceil(shard))
        .into_par_iter()
        .try_for_each(|n| {
            let file = std::fs::File::create(folder.join(format!("gen-{n:04}.jsonl")))?;
            let mut w = io::BufWriter::new(file);
            write_jsonl(&mut w, seed, n * shard..((n + 1) * shard).min(articles))?;
            w.flush()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_reproducible_and_varied() {
        assert_eq!(article(7, 42), article(7, 42));
        assert_ne!(article(7, 42).text, article(7, 43).text);
        assert_ne!(article(7, 42).text, article(8, 42).text);
        let mut out = Vec::new();
        write_jsonl(&mut out, 1, 0..3).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 3);
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["id"], "gen-1-0000000");
    }

    #[test]
    fn a_generated_corpus_has_thefts_to_find() {
        let articles: Vec<_> = (0..60)
            .map(|i| {
                let a = article(3, i);
                crate::corpus::Article {
                    id: a.id,
                    path: "gen.jsonl".into(),
                    published: NaiveDate::parse_from_str(&a.date, "%Y-%m-%d").ok(),
                    title: a.title,
                    source: None,
                    text: a.text,
                }
            })
            .collect();
        let ex = crate::extract::extract_corpus(&articles);
        assert!(ex.amounts.iter().any(|a| a.kind.is_theft()));
        assert!(ex.amounts.iter().any(|a| !a.kind.is_theft()));
    }
}
