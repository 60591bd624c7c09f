//! How figures and dates read on screen: "$81 million", "Feb 2016", plot coordinates for dates.

use crate::export;
use crate::incidents::Incident;

/// The date axis is shared with the exported chart, so that the window and the copy agree.
pub use crate::chart::axis::{axis_date, date_marks, date_of_day, days_since_epoch};

/// US dollars the way articles write them: "$81 million", "$1.25 billion", "$950,000". The one
/// money formatter is [`export::format_money`], so the timeline and a copied citation agree.
pub fn usd(value: f64) -> String {
    export::format_money(value, "USD")
}

/// The figure with the sources' spread when they disagree: "$62 million (sources: $60 million –
/// $65 million)"; else the figure alone.
pub fn usd_spread(usd_value: f64, min: f64, max: f64) -> String {
    if max > min && (max - min) / max.abs().max(1.0) > 0.01 {
        format!("{} (sources: {} – {})", usd(usd_value), usd(min), usd(max))
    } else {
        usd(usd_value)
    }
}

/// "1 article", "3 articles", "2 entities": a count with its noun (given in the singular),
/// plural unless it is one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}

/// Corpus size: megabytes with one decimal, kilobytes below a megabyte.
pub fn megabytes(bytes: u64) -> String {
    if bytes < 1_048_576 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    }
}

/// At most `max` characters, on one line, with "…" when cut.
pub fn short(s: &str, max: usize) -> String {
    let one_line = crate::text::single_spaced(s);
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// The accessible label of a row: "2017-12-19 · Title", "undated · Title".
pub fn row_label(date: Option<chrono::NaiveDate>, title: &str) -> String {
    match date {
        Some(d) => format!("{d} · {title}"),
        None => format!("undated · {title}"),
    }
}

/// An incident in a few lines: victim, figure (with the sources' spread), kind, date, actor
/// and the first sources, for a tooltip.
pub fn incident_summary(inc: &Incident) -> String {
    let mut s = format!(
        "{}\n{} ({})\n{}",
        inc.victim.as_deref().unwrap_or("unknown victim"),
        usd_spread(inc.usd, inc.usd_min, inc.usd_max),
        inc.kind.as_str(),
        inc.event_date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string()),
    );
    if let Some(actor) = &inc.actor {
        s.push_str(&format!("\nattributed to {actor}"));
    }
    s.push_str(&format!(
        "\n{} source{}",
        inc.sources.len(),
        if inc.sources.len() == 1 { "" } else { "s" }
    ));
    for src in inc.sources.iter().take(4) {
        s.push_str(&format!("\n• {} — “{}”", src.mention.article, src.text));
    }
    s
}

/// What hovering an entity tells: how often it is mentioned, its other spellings, its
/// umbrella group and the roles the articles give a person.
pub fn entity_tooltip(e: &crate::extract::Entity) -> String {
    let mut tip = format!(
        "{} in {}",
        count(e.mention_count, "mention"),
        count(e.article_count, "article")
    );
    if !e.roles.is_empty() {
        tip.push_str(&format!("\nRole: {}", e.roles.join("; ")));
    }
    if !e.aliases.is_empty() {
        tip.push_str(&format!("\nAlso written: {}", e.aliases.join(", ")));
    }
    if let Some(p) = &e.parent {
        tip.push_str(&format!("\nPart of {p}"));
    }
    tip
}

#[cfg(test)]
mod tests {

    #[test]
    fn short_cuts_long_quotes_on_one_line() {
        assert_eq!(short("a\n b", 10), "a b");
        assert_eq!(short("€€€€€", 3), "€€€…");
    }
    use super::*;

    #[test]
    fn dollars_read_like_articles_and_like_copied_citations() {
        assert_eq!(usd(81e6), "$81 million");
        assert_eq!(usd(2e9), "$2 billion");
        assert_eq!(usd(25.5e6), "$25.5 million");
        assert_eq!(usd(950_000.0), "$950,000");
        // Same text as the citation copied for the figure.
        for v in [81e6, 1.25e9, 81.04e6, 500_000.0, 3.5e12] {
            assert_eq!(usd(v), crate::export::format_money(v, "USD"));
        }
        assert_eq!(usd(1.25e9), "$1.25 billion");
        assert_eq!(
            usd_spread(62e6, 60e6, 65e6),
            "$62 million (sources: $60 million – $65 million)"
        );
    }

    #[test]
    fn an_entity_tooltip_states_counts_roles_spellings_and_group() {
        let e = crate::extract::Entity {
            name: "Ana Ruiz".into(),
            kind: crate::extract::EntityKind::Person,
            aliases: vec!["Ruiz".into()],
            parent: None,
            mention_count: 3,
            article_count: 1,
            mentions: Vec::new(),
            roles: vec!["CEO".into(), "co-founder of Acme".into()],
        };
        assert_eq!(
            entity_tooltip(&e),
            "3 mentions in 1 article\nRole: CEO; co-founder of Acme\nAlso written: Ruiz"
        );
    }

    #[test]
    fn counts_are_plural_except_for_one() {
        assert_eq!(count(1, "note"), "1 note");
        assert_eq!(count(0, "note"), "0 notes");
        assert_eq!(count(12, "article"), "12 articles");
        assert_eq!(count(2, "entity"), "2 entities");
        assert_eq!(count(2, "day"), "2 days");
    }
}
