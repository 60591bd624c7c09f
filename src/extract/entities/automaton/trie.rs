//! The gazetteer's names as a plain byte trie. Extraction only ever walks the names anchored
//! from a token's first byte, so the failure links an Aho-Corasick automaton adds (and the
//! match lists they copy) were built at every start-up for the two short unanchored searches
//! (a dateline, an all-caps headline); a trie built from the sorted names costs a tenth of
//! that, and those searches walk it from every byte instead, with the same matches.

/// No node, or no name ending at a node.
const NONE: u32 = u32::MAX;

/// One name found: its byte span and its index in the list the trie was built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::extract::entities) struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

#[derive(Clone, Copy)]
struct Node {
    /// The node's children are `first..first + len` in `nodes`, their bytes in `labels`,
    /// in byte order.
    first: u32,
    len: u32,
    /// The name that ends here, or [`NONE`].
    pattern: u32,
}

pub(in crate::extract::entities) struct NameTrie {
    nodes: Vec<Node>,
    /// Per node, the byte that leads to it from its parent.
    labels: Vec<u8>,
    /// The root's children by byte, read once a token: the root has the most children.
    root: Box<[u32; 256]>,
}

impl NameTrie {
    /// The trie of `names`, each identified by its index. Empty names are left out; a name
    /// listed twice is found as its first index.
    pub(in crate::extract::entities) fn new<S: AsRef<str>>(names: &[S]) -> Self {
        let mut sorted: Vec<(&[u8], u32)> = names
            .iter()
            .zip(0u32..)
            .map(|(n, i)| (n.as_ref().as_bytes(), i))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        sorted.sort_unstable();
        let total: usize = sorted.iter().map(|(n, _)| n.len()).sum();
        let mut nodes = Vec::with_capacity(total + 1);
        let mut labels = Vec::with_capacity(total + 1);
        nodes.push(Node {
            first: 0,
            len: 0,
            pattern: NONE,
        });
        labels.push(0);
        // Breadth first: each node's range of sorted names (all sharing its path) is split by
        // the next byte, and its children are laid out side by side.
        let mut queue: Vec<(usize, usize, usize, usize)> = vec![(0, 0, sorted.len(), 0)];
        let mut next = 0;
        while let Some(&(node, mut lo, hi, depth)) = queue.get(next) {
            next += 1;
            if lo < hi && sorted[lo].0.len() == depth {
                nodes[node].pattern = sorted[lo].1;
                while lo < hi && sorted[lo].0.len() == depth {
                    lo += 1;
                }
            }
            let first = nodes.len();
            let mut i = lo;
            while i < hi {
                let b = sorted[i].0[depth];
                let mut j = i + 1;
                while j < hi && sorted[j].0[depth] == b {
                    j += 1;
                }
                nodes.push(Node {
                    first: 0,
                    len: 0,
                    pattern: NONE,
                });
                labels.push(b);
                queue.push((nodes.len() - 1, i, j, depth + 1));
                i = j;
            }
            nodes[node].first = index(first);
            nodes[node].len = index(nodes.len() - first);
        }
        let mut root = Box::new([NONE; 256]);
        let r = nodes[0];
        for c in r.first..r.first + r.len {
            root[usize::from(labels[c as usize])] = c;
        }
        NameTrie {
            nodes,
            labels,
            root,
        }
    }

    /// The child of `node` by byte `b`.
    #[inline]
    fn step(&self, node: u32, b: u8) -> Option<u32> {
        if node == 0 {
            let c = self.root[usize::from(b)];
            return (c != NONE).then_some(c);
        }
        let n = self.nodes[node as usize];
        let first = n.first as usize;
        let labels = &self.labels[first..first + n.len as usize];
        let at = if labels.len() <= 8 {
            labels.iter().position(|&l| l == b)
        } else {
            labels.binary_search(&b).ok()
        };
        at.map(|i| n.first + index(i))
    }

    /// Every name that starts at byte `start` of `bytes`, shortest first, as (end, pattern);
    /// none past byte `limit`.
    #[inline]
    pub(in crate::extract::entities) fn for_each_at(
        &self,
        bytes: &[u8],
        start: usize,
        limit: usize,
        mut f: impl FnMut(usize, usize) -> bool,
    ) {
        let Some(rest) = bytes.get(start..limit) else {
            return;
        };
        let mut node = 0;
        for (i, &b) in rest.iter().enumerate() {
            let Some(child) = self.step(node, b) else {
                return;
            };
            node = child;
            let p = self.nodes[node as usize].pattern;
            if p != NONE && !f(start + i + 1, p as usize) {
                return;
            }
        }
    }

    /// The names an unanchored Aho-Corasick search with standard semantics reports one after
    /// another: the name that ends first (the longest of those ending there), then the same
    /// from its end on.
    pub(in crate::extract::entities) fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = NameMatch> + 'a {
        let bytes = text.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(bytes, from)?;
            from = m.end;
            Some(m)
        })
    }

    fn find_from(&self, bytes: &[u8], from: usize) -> Option<NameMatch> {
        let mut best: Option<NameMatch> = None;
        let mut start = from;
        loop {
            // Only a name that ends before the best so far can replace it.
            let limit = best.map_or(bytes.len(), |m| m.end - 1);
            if start >= limit {
                return best;
            }
            self.for_each_at(bytes, start, limit, |end, pattern| {
                best = Some(NameMatch {
                    start,
                    end,
                    pattern,
                });
                false
            });
            start += 1;
        }
    }

    /// Every name anywhere in `text`, overlapping, by end, then start.
    pub(in crate::extract::entities) fn find_overlapping(&self, text: &str) -> Vec<NameMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for start in 0..bytes.len() {
            self.for_each_at(bytes, start, bytes.len(), |end, pattern| {
                out.push(NameMatch {
                    start,
                    end,
                    pattern,
                });
                true
            });
        }
        out.sort_unstable_by_key(|m| (m.end, m.start, m.pattern));
        out
    }
}

/// A node or child index as stored: the names' total length stays far below `u32::MAX`.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    fn found(m: aho_corasick::Match) -> NameMatch {
        NameMatch {
            start: m.start(),
            end: m.end(),
            pattern: m.pattern().as_usize(),
        }
    }

    /// The trie's three searches against the Aho-Corasick automaton it stands in for.
    fn agree(names: &[String], text: &str) {
        let trie = NameTrie::new(names);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(names)
            .expect("automaton");
        let standard: Vec<NameMatch> = ac.find_iter(text).map(found).collect();
        assert_eq!(
            trie.find_iter(text).collect::<Vec<_>>(),
            standard,
            "{names:?} {text:?}"
        );
        let mut overlapping: Vec<NameMatch> = ac.find_overlapping_iter(text).map(found).collect();
        overlapping.sort_unstable_by_key(|m| (m.end, m.start, m.pattern));
        assert_eq!(
            trie.find_overlapping(text),
            overlapping,
            "{names:?} {text:?}"
        );
    }

    #[test]
    fn the_trie_finds_what_the_automaton_finds() {
        let names: Vec<String> = [
            "New",
            "New York",
            "York",
            "New York Jets",
            "Jets",
            "São Paulo",
            "Paulo",
            "U.S.",
            "U.S.A.",
            "S",
            "a",
            "ab",
            "abc",
            "bc",
            "c",
        ]
        .map(String::from)
        .to_vec();
        for text in [
            "",
            "New York Jets in New York; York. NewYork",
            "São Paulo, U.S.A. and the U.S.",
            "abcabc xabc bcab",
            "Sao São S",
        ] {
            agree(&names, text);
        }
    }

    proptest! {
        #[test]
        fn the_trie_agrees_with_the_automaton_on_any_names_and_text(
            listed in proptest::collection::vec("[ab é]{1,4}", 1..12),
            text in "[ab é]{0,24}",
        ) {
            // Distinct, as the gazetteer's are, in the order drawn.
            let mut names: Vec<String> = Vec::new();
            for n in listed {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            agree(&names, &text);
        }
    }
}
