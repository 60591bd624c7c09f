//! Moving through the visible articles and the search hits: which article and which passage the
//! reader goes to next. Pure functions of the view, the search and the selection.

use crate::workbench::search::SearchResult;
use crate::workbench::source::Loaded;
use crate::workbench::view::View;

/// The article `delta` rows away from `selected` in `rows`, stopping at either end; the first row
/// when nothing visible is selected. `None` for an empty list.
pub fn step_article(rows: &[usize], selected: Option<usize>, delta: i32) -> Option<usize> {
    let last = rows.len().checked_sub(1)?;
    let at = selected.and_then(|s| rows.iter().position(|&r| r == s));
    let next = match at {
        Some(p) => (p as i64 + i64::from(delta)).clamp(0, last as i64) as usize,
        None => 0,
    };
    rows.get(next).copied()
}

/// The article to select after the rows changed: `None` keeps the selection (still visible, or
/// nothing to select instead), else the first row.
pub fn after_refresh(rows: &[usize], selected: Option<usize>) -> Option<usize> {
    let still_visible = selected.is_some_and(|s| rows.contains(&s));
    if still_visible {
        None
    } else {
        rows.first().copied()
    }
}

/// Where "next hit" goes: an article, the hit's number in it and its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HitTarget {
    pub article: usize,
    pub cursor: usize,
    pub start: usize,
    pub end: usize,
}

/// The next search hit after hit `cursor` of article `selected`: the next one in the same
/// article, else the first hit of the next visible article that has any, wrapping around.
pub fn next_hit(
    search: &SearchResult,
    rows: &[usize],
    selected: Option<usize>,
    cursor: Option<usize>,
) -> Option<HitTarget> {
    if let Some(article) = selected {
        let here = search.hits_in(article);
        let next = match cursor {
            Some(c) if c + 1 < here.len() => Some(c + 1),
            None if !here.is_empty() => Some(0),
            _ => None,
        };
        if let Some(n) = next {
            let (start, end) = here[n];
            return Some(HitTarget {
                article,
                cursor: n,
                start,
                end,
            });
        }
    }
    if rows.is_empty() {
        return None;
    }
    let at = selected
        .and_then(|c| rows.iter().position(|&r| r == c))
        .unwrap_or(0);
    (1..=rows.len()).find_map(|step| {
        let article = rows[(at + step) % rows.len()];
        search
            .hits_in(article)
            .first()
            .map(|&(start, end)| HitTarget {
                article,
                cursor: 0,
                start,
                end,
            })
    })
}

/// The passage to flash when the filters bring an article up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passage {
    /// The article's first search hit (the hit cursor goes to 0).
    Hit { start: usize, end: usize },
    /// The first mention of an entity the entity filter covers.
    Mention { start: usize, end: usize },
}

/// What to show first in `article` under the current search and entity filter.
pub fn first_passage(
    loaded: &Loaded,
    view: &View,
    search: Option<&SearchResult>,
    article: usize,
) -> Option<Passage> {
    if let Some(&(start, end)) = search
        .and_then(|s| s.hits_in(article).first().copied())
        .as_ref()
    {
        return Some(Passage::Hit { start, end });
    }
    let mentions = loaded.index.mentions.get(article)?;
    mentions
        .iter()
        .find(|s| view.filter_entities.contains(&s.entity))
        .map(|s| Passage::Mention {
            start: s.start,
            end: s.end,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityKind;
    use crate::workbench::filter::{EntityFilter, SortBy};
    use crate::workbench::fixture;
    use crate::workbench::search::search;

    #[test]
    fn stepping_stops_at_the_ends_and_starts_at_the_top() {
        let rows = [7, 3, 5];
        assert_eq!(step_article(&rows, Some(3), 1), Some(5));
        assert_eq!(step_article(&rows, Some(5), 1), Some(5));
        assert_eq!(step_article(&rows, Some(7), -1), Some(7));
        assert_eq!(step_article(&rows, Some(5), -2), Some(7));
        assert_eq!(step_article(&rows, None, -1), Some(7));
        assert_eq!(
            step_article(&rows, Some(42), 1),
            Some(7),
            "hidden selection"
        );
        assert_eq!(step_article(&[], Some(3), 1), None);
    }

    #[test]
    fn a_refresh_keeps_a_visible_selection_and_else_takes_the_first_row() {
        assert_eq!(after_refresh(&[4, 2], Some(2)), None);
        assert_eq!(after_refresh(&[4, 2], Some(9)), Some(4));
        assert_eq!(after_refresh(&[4, 2], None), Some(4));
        assert_eq!(after_refresh(&[], Some(9)), None);
    }

    #[test]
    fn next_hit_walks_the_article_then_the_next_articles_and_wraps() {
        let loaded = fixture::loaded();
        let result = search(&loaded.analysis, &loaded.fields, None, "Northwind");
        let view = View::compute(&loaded, None, Some(&result), SortBy::Date);
        let follow_up = fixture::index(&loaded, "follow-up");
        let theft = fixture::index(&loaded, "theft");
        assert_eq!(view.rows, [follow_up, theft]);
        let first = next_hit(&result, &view.rows, Some(follow_up), None).unwrap();
        assert_eq!((first.article, first.cursor), (follow_up, 0));
        let second = next_hit(&result, &view.rows, Some(follow_up), Some(0)).unwrap();
        assert_eq!((second.article, second.cursor), (follow_up, 1));
        assert!(second.start > first.start);
        let third = next_hit(&result, &view.rows, Some(follow_up), Some(1)).unwrap();
        assert_eq!((third.article, third.cursor), (theft, 0));
        let wrapped = next_hit(&result, &view.rows, Some(theft), Some(0)).unwrap();
        assert_eq!(wrapped.article, follow_up);
        let text = &loaded.analysis.corpus.articles[theft].text;
        assert_eq!(
            crate::text::slice_chars(text, third.start, third.end),
            "Northwind"
        );
    }

    #[test]
    fn the_first_passage_is_a_search_hit_else_a_filtered_mention() {
        let loaded = fixture::loaded();
        let theft = fixture::index(&loaded, "theft");
        let lazarus = EntityFilter {
            kind: EntityKind::ThreatActor,
            name: "Lazarus Group".to_owned(),
            family: true,
        };
        let view = View::compute(&loaded, Some(&lazarus), None, SortBy::Date);
        let Some(Passage::Mention { start, end }) = first_passage(&loaded, &view, None, theft)
        else {
            panic!("no mention of the filtered actor");
        };
        let text = &loaded.analysis.corpus.articles[theft].text;
        assert!(crate::text::slice_chars(text, start, end).contains("Lazarus"));
        let result = search(&loaded.analysis, &loaded.fields, None, "hackers");
        assert!(matches!(
            first_passage(&loaded, &view, Some(&result), theft),
            Some(Passage::Hit { start: 0, .. })
        ));
        let plain = View::compute(&loaded, None, None, SortBy::Date);
        assert_eq!(first_passage(&loaded, &plain, None, theft), None);
    }
}
