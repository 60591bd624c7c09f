//! The threat-actor gazetteer: derived from the MISP threat-actor galaxy, shipped compact in
//! `assets/threat-actors.json`, loaded once.
//!
//! The derivation keeps MISP's umbrella/sub-group structure instead of flattening it, so the
//! sidebar can show "Lazarus Group (all)" and each sub-group under it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// One threat actor as shipped: the names to look for and where it sits in the hierarchy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreatActor {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// ISO 3166 alpha-2 code of the suspected sponsor, as MISP gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The umbrella group, e.g. "Lazarus Group" for "APT38".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The UUIDs of the MISP galaxy clusters this entry comes from (none for a sub-group MISP
    /// keeps only as a synonym): what links an exported actor to the platforms' own records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub misp_uuids: Vec<String>,
}

/// The shipped gazetteer (see `tests/entities.rs` for how it is kept equal to the derivation).
pub static THREAT_ACTORS: LazyLock<Vec<ThreatActor>> = LazyLock::new(|| {
    // The asset is checked by a test; a broken asset degrades to "no threat actors", not a crash.
    serde_json::from_str(include_str!("../../../assets/threat-actors.json")).unwrap_or_default()
});

/// Serialises a gazetteer the way the asset is stored: one actor per line, so diffs stay small.
pub fn to_asset_json(actors: &[ThreatActor]) -> Result<String, serde_json::Error> {
    let mut out = String::from("[\n");
    for (i, a) in actors.iter().enumerate() {
        out.push_str(&serde_json::to_string(a)?);
        out.push_str(if i + 1 < actors.len() { ",\n" } else { "\n" });
    }
    out.push_str("]\n");
    Ok(out)
}

/// MISP names that are ordinary words or titles of books, games or films
/// (`assets/entity-words/common-actor-names.txt`): matching them would flood business and
/// sports news with false hits.
static COMMON_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/common-actor-names.txt"
    ))
    .collect()
});

/// Sub-groups that MISP records only as plain synonyms of their umbrella but that public
/// attribution (MITRE ATT&CK G0082, the US Treasury's 2019 designation) treats as one distinct
/// sub-group. Each row: the sub-group's name, its umbrella, and the MISP names it takes over
/// (entries of the derived gazetteer with these names are merged into it).
const KNOWN_SUBGROUPS: &[(&str, &str, &[&str])] = &[(
    "APT38",
    "Lazarus Group",
    &["APT 38", "Bluenoroff", "BlueNoroff", "BeagleBoyz", "G0082"],
)];

/// Words after which a group name's head is still a name on its own ("Lazarus" for "Lazarus
/// Group").
static GROUP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/group-words.txt")).collect()
});

/// Whether a name is safe to look for in running text: not an English word, not a short token
/// (≤ 4 letters) unless it carries a digit like "APT38" or "TA404".
pub fn is_matchable(name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() <= 4 && !name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = name.to_lowercase();
    // "The Dukes", "The Mask": an article plus a word is too often something else.
    if lower.starts_with("the ") || COMMON_NAMES.contains(lower.as_str()) {
        return false;
    }
    name.chars().any(|c| c.is_alphabetic())
}

#[derive(Deserialize)]
struct Galaxy {
    values: Vec<Cluster>,
}

#[derive(Deserialize)]
struct Cluster {
    value: String,
    #[serde(default)]
    uuid: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    meta: Meta,
    #[serde(default)]
    related: Vec<Related>,
}

#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    synonyms: Vec<String>,
    #[serde(default)]
    country: Option<String>,
}

#[derive(Deserialize)]
struct Related {
    #[serde(rename = "dest-uuid")]
    dest_uuid: String,
    #[serde(rename = "type", default)]
    kind: String,
}

const SUBGROUP_MARKER: &str = "Subgroup: ";

/// Derives the shipped gazetteer from the MISP threat-actor galaxy JSON.
///
/// Hierarchy rules, all read from MISP: a `part-of` link makes its source a sub-group of its
/// target; a `similar`/`overlaps` link does too when the smaller cluster's description names
/// the larger one or the two share a name; a synonym marked "Subgroup: X" makes X a sub-group
/// (the cluster that marks it, when another cluster lists X, or a new entry under the marking
/// cluster); [`KNOWN_SUBGROUPS`] completes what MISP keeps only as synonyms. The hierarchy has
/// one level. A name claimed by two unrelated clusters is dropped as ambiguous.
pub fn derive_gazetteer(misp_json: &str) -> Result<Vec<ThreatActor>, serde_json::Error> {
    let galaxy: Galaxy = serde_json::from_str(misp_json)?;
    let clusters = galaxy.values;
    let by_uuid: HashMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .map(|(i, c)| (c.uuid.as_str(), i))
        .collect();

    // Names per cluster (value first) and the "Subgroup: X" markers.
    let mut names: Vec<Vec<String>> = Vec::with_capacity(clusters.len());
    let mut markers: Vec<Vec<String>> = Vec::with_capacity(clusters.len());
    for c in &clusters {
        let mut n = vec![c.value.trim().to_string()];
        let mut m = Vec::new();
        for s in &c.meta.synonyms {
            match s.strip_prefix(SUBGROUP_MARKER) {
                Some(x) => m.push(x.trim().to_string()),
                None => push_unique(&mut n, s.trim()),
            }
        }
        names.push(n);
        markers.push(m);
    }
    let lower_names: Vec<BTreeSet<String>> = names
        .iter()
        .map(|n| n.iter().map(|s| s.to_lowercase()).collect())
        .collect();

    let mut parent: Vec<Option<usize>> = vec![None; clusters.len()];
    let bigger = |a: usize, b: usize| names[b].len() > names[a].len();
    for (i, c) in clusters.iter().enumerate() {
        for r in &c.related {
            let Some(&j) = by_uuid.get(r.dest_uuid.as_str()) else {
                continue;
            };
            if i == j {
                continue;
            }
            match r.kind.as_str() {
                "part-of" => parent[i] = Some(j),
                "similar" | "overlaps" => {
                    // The link may be stated on either side; the smaller cluster is the child.
                    let (child, umbrella) = if bigger(i, j) { (i, j) } else { (j, i) };
                    if parent[child].is_none()
                        && (mentions_any(&clusters[child].description, &names[umbrella])
                            || !lower_names[child].is_disjoint(&lower_names[umbrella]))
                    {
                        parent[child] = Some(umbrella);
                    }
                }
                _ => {}
            }
        }
    }

    // Sub-group markers. Extra entries (no MISP cluster of their own) are appended after.
    struct Extra {
        name: String,
        parent: usize,
    }
    let mut extras: Vec<Extra> = Vec::new();
    // A cluster that marks "Subgroup: X" while another cluster lists X is that sub-group: it
    // is named X ("Andariel" rather than the vendor name "Silent Chollima").
    let mut rename: HashMap<usize, String> = HashMap::new();
    for (p, ms) in markers.iter().enumerate() {
        for x in ms {
            let lx = x.to_lowercase();
            let other = (0..clusters.len()).find(|&u| u != p && lower_names[u].contains(&lx));
            match other {
                Some(u) => {
                    if parent[p].is_none() && bigger(p, u) {
                        parent[p] = Some(u);
                        rename.insert(p, x.clone());
                    }
                }
                None => extras.push(Extra {
                    name: x.clone(),
                    parent: p,
                }),
            }
        }
    }

    // One level: a parent that has a parent hands its children to the root; no cycles.
    for i in 0..parent.len() {
        let mut seen = BTreeSet::from([i]);
        while let Some(p) = parent[i] {
            match parent[p] {
                Some(pp) if seen.insert(p) && pp != i => parent[i] = Some(pp),
                Some(_) => {
                    parent[i] = None;
                    break;
                }
                None => break,
            }
        }
    }

    // Entries keyed by canonical name (clusters sharing a value are merged).
    let canonical = |i: usize| {
        rename
            .get(&i)
            .cloned()
            .unwrap_or_else(|| clusters[i].value.trim().to_string())
    };
    let mut entries: BTreeMap<String, Draft> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        let canon = canonical(i);
        let d = entries
            .entry(canon.clone())
            .or_insert_with(|| Draft::new(&canon));
        d.country = d.country.take().or_else(|| c.meta.country.clone());
        d.parent = d.parent.take().or_else(|| parent[i].map(canonical));
        push_unique(&mut d.misp_uuids, &c.uuid);
        for n in &names[i] {
            push_unique(&mut d.names, n);
        }
    }
    for e in &extras {
        let umbrella = canonical(e.parent);
        let d = entries
            .entry(e.name.clone())
            .or_insert_with(|| Draft::new(&e.name));
        d.parent = Some(umbrella.clone());
        d.country = clusters[e.parent].meta.country.clone();
        if let Some(u) = entries.get_mut(&umbrella) {
            u.names
                .retain(|n| !n.eq_ignore_ascii_case(&e.name) && !n.starts_with(SUBGROUP_MARKER));
        }
    }
    for (sub, umbrella, taken) in KNOWN_SUBGROUPS {
        if !entries.contains_key(*umbrella) {
            continue;
        }
        let country = entries.get(*umbrella).and_then(|u| u.country.clone());
        let mut d = entries.remove(*sub).unwrap_or_else(|| Draft::new(sub));
        for t in taken.iter().copied() {
            if let Some(merged) = entries.remove(t) {
                for n in merged.names {
                    push_unique(&mut d.names, &n);
                }
                for u in merged.misp_uuids {
                    push_unique(&mut d.misp_uuids, &u);
                }
            }
            push_unique(&mut d.names, t);
        }
        d.parent = Some((*umbrella).to_string());
        d.country = d.country.or(country);
        let all: BTreeSet<String> = d.names.iter().map(|n| n.to_lowercase()).collect();
        for e in entries.values_mut() {
            e.names.retain(|n| !all.contains(&n.to_lowercase()));
        }
        entries.insert((*sub).to_string(), d);
    }

    // Short forms: "Lazarus" for "Lazarus Group", when MISP's own descriptions use the short
    // form on its own mid-sentence (so "Beijing Group" does not make "Beijing" an actor).
    let descriptions: Vec<&str> = clusters
        .iter()
        .filter_map(|c| c.description.as_deref())
        .collect();
    for d in entries.values_mut() {
        let heads: Vec<String> = d
            .names
            .iter()
            .filter_map(|n| group_head(n))
            .filter(|h| descriptions.iter().any(|t| used_alone(t, h)))
            .collect();
        for h in heads {
            push_unique(&mut d.names, &h);
        }
    }

    // A name claimed by several entries goes to the most specific one, else is dropped.
    let mut owners: HashMap<String, Vec<String>> = HashMap::new();
    for (canon, d) in &entries {
        for n in &d.names {
            let v = owners.entry(n.to_lowercase()).or_default();
            if !v.contains(canon) {
                v.push(canon.clone());
            }
        }
    }
    let parent_of: HashMap<String, Option<String>> = entries
        .iter()
        .map(|(k, d)| (k.clone(), d.parent.clone()))
        .collect();
    let keeps = |name: &str, canon: &str| -> bool {
        let Some(owners) = owners.get(&name.to_lowercase()) else {
            return true;
        };
        if owners.len() == 1 {
            return true;
        }
        // A child beats its umbrella; the entry named so beats the others.
        let children: Vec<&String> = owners
            .iter()
            .filter(|o| {
                parent_of
                    .get(*o)
                    .and_then(|p| p.as_ref())
                    .is_some_and(|p| owners.contains(p))
            })
            .collect();
        if children.len() == 1 {
            return children[0] == canon;
        }
        let named: Vec<&String> = owners
            .iter()
            .filter(|o| o.eq_ignore_ascii_case(name))
            .collect();
        named.len() == 1 && named[0] == canon
    };

    let mut out = Vec::with_capacity(entries.len());
    for (canon, d) in &entries {
        let mut synonyms: Vec<String> = Vec::new();
        for n in &d.names {
            if n == canon || !is_matchable(n) || !keeps(n, canon) {
                continue;
            }
            // Casings are kept apart: single words are matched case-sensitively.
            push_unique(&mut synonyms, n);
        }
        out.push(ThreatActor {
            name: canon.clone(),
            synonyms,
            country: d.country.clone(),
            parent: d.parent.clone(),
            misp_uuids: d.misp_uuids.clone(),
        });
    }
    Ok(out)
}

struct Draft {
    names: Vec<String>,
    country: Option<String>,
    parent: Option<String>,
    misp_uuids: Vec<String>,
}

impl Draft {
    fn new(name: &str) -> Self {
        Self {
            names: vec![name.to_string()],
            country: None,
            parent: None,
            misp_uuids: Vec::new(),
        }
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// "Lazarus" for "Lazarus Group": the single capitalised word before a group word.
fn group_head(name: &str) -> Option<String> {
    let (head, tail) = name.rsplit_once(' ')?;
    if !GROUP_WORDS.contains(&tail) || head.contains(' ') {
        return None;
    }
    let first = head.chars().next()?;
    (first.is_uppercase() && head.chars().count() > 4 && is_matchable(head))
        .then(|| head.to_string())
}

/// Whether `text` names any of `names` (whole words, case-sensitive, names of 4+ characters).
fn mentions_any(text: &Option<String>, names: &[String]) -> bool {
    let Some(text) = text else { return false };
    names
        .iter()
        .filter(|n| n.chars().count() >= 4)
        .any(|n| contains_word(text, n))
}

/// Whether `text` uses `word` as a name of its own: mid-sentence, not followed by a group word.
fn used_alone(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].trim_end_matches(' ');
        let mid_sentence = before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c == ',');
        let after = &text[i + word.len()..];
        let next = after
            .trim_start_matches(' ')
            .split(' ')
            .next()
            .unwrap_or("");
        let bounded = !after.starts_with(char::is_alphanumeric)
            && !text[..i].ends_with(char::is_alphanumeric);
        bounded && mid_sentence && !GROUP_WORDS.iter().any(|g| next.starts_with(g))
    })
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
