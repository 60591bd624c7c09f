use proptest::prelude::*;
use rustc_hash::FxHashSet;

use super::super::Candidate;
use super::super::automaton::Source;
use super::super::organizations;
use super::{resolve, resolve_with};
use crate::extract::EntityKind;

/// The definition [`resolve`] must keep: the candidates sorted by rank (stable), the spans
/// taken kept in a map by start, the kept ones sorted by start.
fn resolve_by_map(c: Vec<Candidate>) -> Vec<Candidate> {
    let known = |x: &Candidate| x.source >= Source::KnownPerson;
    let mut known_spans: Vec<(usize, usize)> = c
        .iter()
        .filter(|k| known(k))
        .map(|k| (k.start, k.end))
        .collect();
    known_spans.sort_unstable();
    let known_orgs: FxHashSet<(usize, usize)> = c
        .iter()
        .filter(|k| k.source == Source::Organization && k.canonical.chars().any(char::is_lowercase))
        .map(|k| (k.start, k.end))
        .collect();
    let holds_known = |x: &Candidate| {
        let from = known_spans.partition_point(|&(s, _)| s < x.start);
        known_spans[from..]
            .iter()
            .take_while(|&&(s, _)| s < x.end)
            .any(|&(s, e)| {
                let part_of = x.source == Source::OrgPattern
                    && s == x.start
                    && known_orgs.contains(&(s, e))
                    && x.canonical
                        .rsplit(' ')
                        .next()
                        .is_some_and(organizations::names_a_part);
                e <= x.end && e - s < x.end - x.start && !part_of
            })
    };
    let mut c: Vec<Candidate> = c
        .into_iter()
        .filter(|x| known(x) || !holds_known(x))
        .collect();
    c.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.source.cmp(&a.source))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for x in c {
        if taken
            .range(..x.end)
            .next_back()
            .is_some_and(|(_, &e)| x.start < e)
        {
            continue;
        }
        taken.insert(x.start, x.end);
        out.push(x);
    }
    out.sort_by_key(|x| x.start);
    out
}

const SOURCES: [Source; 8] = [
    Source::Model,
    Source::Surname,
    Source::PersonPattern,
    Source::OrgPattern,
    Source::Place,
    Source::KnownPerson,
    Source::Organization,
    Source::ThreatActor,
];

/// Names that make the organisation-part rule fire and fail: a part word last, upper case only.
const NAMES: [&str; 5] = [
    "Senate Banking Committee",
    "SENATE",
    "Senate",
    "Ana Ruiz",
    "BBC News",
];

/// A candidate's fields (its parent carries its index, so that equal spans differ).
fn seen(found: &[Candidate]) -> Vec<(usize, usize, EntityKind, String, Option<String>, Source)> {
    found
        .iter()
        .map(|c| {
            let (s, e, k) = (c.start, c.end, c.kind);
            (s, e, k, c.canonical.clone(), c.parent.clone(), c.source)
        })
        .collect()
}

fn candidates(spec: &[(usize, usize, usize, usize)]) -> Vec<Candidate> {
    spec.iter()
        .enumerate()
        .map(|(i, &(start, len, source, name))| Candidate {
            start,
            end: start + len,
            kind: if i % 2 == 0 {
                EntityKind::Person
            } else {
                EntityKind::Organization
            },
            canonical: NAMES[name % NAMES.len()].to_string(),
            parent: Some(format!("parent {i}")),
            source: SOURCES[source % SOURCES.len()],
        })
        .collect()
}

#[test]
fn ties_and_empty_spans_resolve_as_the_map_does() {
    for spec in [
        vec![],
        vec![(0, 0, 0, 0), (0, 3, 1, 0), (0, 0, 2, 0), (3, 0, 0, 0)],
        vec![(0, 4, 3, 0), (0, 2, 6, 0), (2, 2, 6, 1), (0, 4, 3, 0)],
        vec![(5, 3, 2, 3), (5, 3, 2, 3), (4, 3, 2, 3), (6, 3, 2, 3)],
        vec![(0, 10, 3, 0), (0, 6, 6, 0), (0, 6, 6, 2), (7, 3, 5, 1)],
    ] {
        let found = candidates(&spec);
        let expected = seen(&resolve_by_map(found.clone()));
        assert_eq!(seen(&resolve(found.clone())), expected, "{spec:?}");
        for short_max in [0, 1, 2] {
            assert_eq!(
                seen(&resolve_with(found.clone(), short_max)),
                expected,
                "{spec:?} {short_max}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn any_candidates_resolve_as_the_map_does(
        spec in prop::collection::vec((0usize..30, 0usize..8, 0usize..8, 0usize..5), 0..40)
    ) {
        let found = candidates(&spec);
        let expected = seen(&resolve_by_map(found.clone()));
        prop_assert_eq!(seen(&resolve(found.clone())), expected.clone());
        // The long list's map, from the start and from a list moved to it part way.
        prop_assert_eq!(seen(&resolve_with(found.clone(), 0)), expected.clone());
        prop_assert_eq!(seen(&resolve_with(found, 5)), expected);
    }
}
