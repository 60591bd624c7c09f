//! The word lists the money extractor reads, as data: `assets/lexicon/*`. Each file says what
//! it is and where it came from; code only decides what a role means. The built-in lexicon is
//! compiled into the binary so the extractor needs no files at run time; [`Lexicon::parse`]
//! builds one from other lists (tests, experiments).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

pub use crate::learn::WordHasher;

/// A set of words hashed with [`WordHasher`].
pub type WordSet = HashSet<String, WordHasher>;

/// What a cue word says about a nearby figure (see `assets/lexicon/money-cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    Stolen,
    /// A theft word that is also ordinary business English ("lost", "losses"): counts only in an
    /// article about hacking or theft.
    WeakStolen,
    /// The attacker's gain ("profit"): a theft when the sentence speaks of attackers.
    Gain,
    Attempted,
    Cumulative,
    Damage,
    /// A figure for something else that a theft story also mentions (a loan, a fund).
    Other,
    /// A price, value, revenue or reward: never the theft itself.
    Measure,
    /// "valued at", "worth": the value of what is named before it (stolen tokens, a house).
    Conversion,
    /// Not a cue for a figure, only a sign that the article is about hacking or theft.
    Context,
    /// "biggest", "largest": ranks one figure among others.
    Superlative,
    /// "would have", "could have": a figure in a hypothetical, not a reported theft.
    Hypothetical,
    /// "a total of": a sum, of many thefts only when the sentence says so.
    Total,
}

impl Cue {
    /// The variant's name, as `{:?}` writes it (feature names are built from it).
    pub fn name(self) -> &'static str {
        match self {
            Self::Stolen => "Stolen",
            Self::WeakStolen => "WeakStolen",
            Self::Gain => "Gain",
            Self::Attempted => "Attempted",
            Self::Cumulative => "Cumulative",
            Self::Damage => "Damage",
            Self::Other => "Other",
            Self::Measure => "Measure",
            Self::Conversion => "Conversion",
            Self::Context => "Context",
            Self::Superlative => "Superlative",
            Self::Hypothetical => "Hypothetical",
            Self::Total => "Total",
        }
    }

    fn from_role(role: &str) -> Option<Self> {
        Some(match role {
            "stolen" => Self::Stolen,
            "weak-stolen" => Self::WeakStolen,
            "gain" => Self::Gain,
            "attempted" => Self::Attempted,
            "cumulative" => Self::Cumulative,
            "damage" => Self::Damage,
            "other" => Self::Other,
            "measure" => Self::Measure,
            "conversion" => Self::Conversion,
            "context" => Self::Context,
            "superlative" => Self::Superlative,
            "hypothetical" => Self::Hypothetical,
            "total" => Self::Total,
            _ => return None,
        })
    }
}

/// What a word says about the clause it is in (see `assets/lexicon/clause-words.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClauseWord {
    Negation,
    Modal,
    Boundary,
    /// A sum of several ("overall", "in total").
    Total,
    /// An earlier event than the one reported ("ago", "previous").
    Earlier,
    /// The event reported now ("another", "again").
    Latest,
}

impl ClauseWord {
    fn from_kind(kind: &str) -> Option<Self> {
        Some(match kind {
            "negation" => Self::Negation,
            "modal" => Self::Modal,
            "boundary" => Self::Boundary,
            "total" => Self::Total,
            "earlier" => Self::Earlier,
            "latest" => Self::Latest,
            _ => return None,
        })
    }
}

/// A word list that could not be read: which file, which line, what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {problem}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

/// Every list the money extractor consults.
pub struct Lexicon {
    cues: Vec<(String, Cue)>,
    matcher: AhoCorasick,
    /// Capitalised words that start no victim's name (function words, months, weekdays …).
    pub not_victim_words: WordSet,
    /// Lower-case words that may continue an organisation's name.
    pub organisation_words: WordSet,
    /// Chains and assets: "X's Ethereum bridge" names X.
    pub chains: WordSet,
    /// Negators, modal words and clause boundaries, by lower-case word.
    pub clause_words: HashMap<String, ClauseWord, WordHasher>,
    /// For each lower-case ASCII first byte, bit `n` set when a clause word of `n` bytes opens
    /// with it: most words of a sentence are turned down by one load, with no hash.
    clause_word_shapes: [u32; 128],
}

/// Clause words up to this many bytes are in [`Lexicon::clause_word_shapes`]; a word as long
/// or longer is always looked up.
const SHAPE_LEN: usize = 32;

/// The lists shipped in `assets/lexicon`, as (file name, text).
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "money-cues.tsv",
        include_str!("../../assets/lexicon/money-cues.tsv"),
    ),
    (
        "not-victim-words.txt",
        include_str!("../../assets/lexicon/not-victim-words.txt"),
    ),
    (
        "organisation-words.txt",
        include_str!("../../assets/lexicon/organisation-words.txt"),
    ),
    (
        "chains.txt",
        include_str!("../../assets/lexicon/chains.txt"),
    ),
    (
        "clause-words.tsv",
        include_str!("../../assets/lexicon/clause-words.tsv"),
    ),
];

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(BUILTIN_FILES)
        .unwrap_or_else(|e| panic!("built-in lexicon (checked by a unit test): {e}"))
});

use crate::text::numbered_entries as entries;

impl Lexicon {
    /// The lexicon compiled into the program.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Builds a lexicon from lists named as in [`BUILTIN_FILES`]; a missing list is empty.
    pub fn parse(files: &[(&str, &str)]) -> Result<Lexicon, LexiconError> {
        let file = |name: &str| {
            files
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, t)| *t)
        };
        let words =
            |name: &str| -> WordSet { entries(file(name)).map(|(_, l)| l.to_string()).collect() };
        let mut cues = Vec::new();
        for (line, l) in entries(file("money-cues.tsv")) {
            let err = |problem: String| LexiconError {
                file: "money-cues.tsv".into(),
                line,
                problem,
            };
            let (phrase, role) = l
                .split_once('\t')
                .ok_or_else(|| err("expected `phrase<TAB>role`".into()))?;
            let cue = Cue::from_role(role.trim())
                .ok_or_else(|| err(format!("unknown role {:?}", role.trim())))?;
            cues.push((phrase.trim().to_ascii_lowercase(), cue));
        }
        // A full DFA: the same matches as the default (a contiguous NFA here) at a few
        // instructions a byte instead of a few dozen; every article is read through it.
        let matcher = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(cues.iter().map(|(p, _)| p))
            .map_err(|e| LexiconError {
                file: "money-cues.tsv".into(),
                line: 0,
                problem: e.to_string(),
            })?;
        let mut clause_words = HashMap::default();
        for (line, l) in entries(file("clause-words.tsv")) {
            let kind = l
                .split_once('\t')
                .and_then(|(w, k)| {
                    Some((w.trim().to_lowercase(), ClauseWord::from_kind(k.trim())?))
                })
                .ok_or_else(|| LexiconError {
                    file: "clause-words.tsv".into(),
                    line,
                    problem: format!("expected `word<TAB>negation|modal|boundary`, got {l:?}"),
                })?;
            clause_words.insert(kind.0, kind.1);
        }
        let mut clause_word_shapes = [0u32; 128];
        for w in clause_words.keys() {
            if let Some(&first) = w.as_bytes().first()
                && w.is_ascii()
                && w.len() < SHAPE_LEN
            {
                clause_word_shapes[usize::from(first)] |= 1 << w.len();
            }
        }
        let mut not_victim_words = words("not-victim-words.txt");
        // Month and weekday names (full names only) from the one calendar lists.
        not_victim_words.extend(super::calendar::month_names().map(String::from));
        not_victim_words.extend(super::calendar::WEEKDAYS.iter().map(|w| w.to_string()));
        Ok(Lexicon {
            cues,
            matcher,
            not_victim_words,
            organisation_words: words("organisation-words.txt"),
            chains: words("chains.txt"),
            clause_words,
            clause_word_shapes,
        })
    }

    /// The cue matcher: pattern `i` is the phrase of `cue(i)`.
    pub fn matcher(&self) -> &AhoCorasick {
        &self.matcher
    }

    /// The role of matcher pattern `i`.
    pub fn cue(&self, i: usize) -> Cue {
        self.cues[i].1
    }

    /// Whether the ASCII `word` (its bytes), in any case, may be one of
    /// [`Lexicon::clause_words`]: false only for a word shorter than [`SHAPE_LEN`] whose first
    /// letter and length no clause word has. Only for ASCII: an ASCII word lower-cases byte for
    /// byte, another may change its length.
    pub fn ascii_may_be_clause_word(&self, word: &[u8]) -> bool {
        match word.first() {
            Some(&first) if word.len() < SHAPE_LEN => {
                self.clause_word_shapes[usize::from(first.to_ascii_lowercase() & 0x7f)]
                    >> word.len()
                    & 1
                    != 0
            }
            _ => true,
        }
    }

    pub fn is_not_victim_word(&self, w: &str) -> bool {
        self.not_victim_words.contains(w)
    }

    pub fn is_organisation_word(&self, w: &str) -> bool {
        self.organisation_words.contains(w)
    }

    pub fn is_chain(&self, w: &str) -> bool {
        self.chains.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_name_is_its_debug_name() {
        for c in [
            Cue::Stolen,
            Cue::WeakStolen,
            Cue::Gain,
            Cue::Attempted,
            Cue::Cumulative,
            Cue::Damage,
            Cue::Other,
            Cue::Measure,
            Cue::Conversion,
            Cue::Context,
            Cue::Superlative,
            Cue::Hypothetical,
            Cue::Total,
        ] {
            assert_eq!(c.name(), format!("{c:?}"));
        }
    }

    #[test]
    fn the_builtin_lists_parse_and_carry_every_role() {
        let lex = Lexicon::parse(BUILTIN_FILES).expect("built-in lexicon");
        for role in [
            Cue::Stolen,
            Cue::WeakStolen,
            Cue::Gain,
            Cue::Attempted,
            Cue::Cumulative,
            Cue::Damage,
            Cue::Other,
            Cue::Measure,
            Cue::Context,
        ] {
            assert!(
                lex.cues.iter().any(|(_, c)| *c == role),
                "{role:?} has no cue"
            );
        }
        assert!(
            lex.is_not_victim_word("March"),
            "months come from months.tsv"
        );
        assert!(lex.is_organisation_word("bank"));
    }

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let err = Lexicon::parse(&[("money-cues.tsv", "# header\nstole\tstolen\nlost\tmaybe\n")])
            .err()
            .expect("unknown role");
        assert_eq!(err.file, "money-cues.tsv");
        assert_eq!(err.line, 3);
        assert!(err.problem.contains("maybe"));
    }

    #[test]
    fn the_cue_dfa_finds_what_the_default_automaton_finds() {
        let lex = Lexicon::builtin();
        // The automaton the builder picks when not told (what the cues were read with before).
        let default = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(lex.cues.iter().map(|(p, _)| p))
            .expect("the cue phrases");
        assert_eq!(lex.matcher().kind(), AhoCorasickKind::DFA);
        assert_ne!(
            default.kind(),
            AhoCorasickKind::DFA,
            "the default is another kind"
        );
        let mut texts: Vec<String> = (0..300)
            .map(|i| crate::synthetic::article(29, i).text)
            .collect();
        // Every phrase in capitals, in title case and glued to the next.
        let phrases: Vec<&str> = lex.cues.iter().map(|(p, _)| p.as_str()).collect();
        texts.push(phrases.join(" ").to_uppercase());
        texts.push(phrases.join(", "));
        texts.push(phrases.concat());
        let mut found = 0;
        for text in &texts {
            let spans = |m: aho_corasick::Match| (m.start(), m.end(), m.pattern());
            let now: Vec<_> = lex.matcher().find_iter(text).map(spans).collect();
            let before: Vec<_> = default.find_iter(text).map(spans).collect();
            assert_eq!(now, before, "{text}");
            found += now.len();
        }
        assert!(found > 1000, "only {found} cues found");
    }
}
