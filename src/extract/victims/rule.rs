//! The hand rule that named a figure's victim before the scorer: the name written around a
//! theft figure ("stolen from X", "X lost", "X ($196M)", "hack on X") or in the title. Kept as
//! a feature of the scorer (old rules become features) and as the amount model's "a victim is
//! named" signal; it never names the victim on its own.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta;
use rustc_hash::FxHashSet;

use crate::extract::entities::gazetteer::{THREAT_ACTORS, is_matchable};
use crate::extract::entities::organizations;
use crate::extract::entities::words::{COMMON, alternation};
use crate::extract::lexicon::Lexicon;
use crate::extract::unfiltered;
use crate::learn::WordHasher;

mod cue_words;
mod title;

/// Compiles one of the rule's fixed patterns: constants of the program, not input (a bad one
/// is caught by `every_static_pattern_compiles`).
fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("victim rule pattern {s:?}: {e}"))
}

/// Compiles every static pattern of this module (see `every_static_pattern_compiles`).
#[cfg(test)]
pub(crate) fn force_patterns() {
    for p in [&FROM_AFTER, &NOUN_ON_AFTER] {
        LazyLock::force(p);
    }
    for p in [&VERB_BEFORE, &NOUN_BEFORE, &AGAINST_BEFORE] {
        LazyLock::force(p);
    }
}

/// A word list of `assets/lexicon/`, in file order.
fn list(text: &'static str) -> Vec<&'static str> {
    crate::text::entries(text).collect()
}

/// Last words of a group's name whose head is a name on its own
/// (`assets/lexicon/actor-group-words.txt`).
static GROUP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/lexicon/actor-group-words.txt"
    ))
});

/// Words that join two parts of a name (`assets/lexicon/victim-name-connectors.txt`).
static CONNECTORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/lexicon/victim-name-connectors.txt"
    ))
});

/// Organisation words kept at the end of a name read after a figure
/// (`assets/lexicon/victim-name-heads.txt`).
static NAME_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/lexicon/victim-name-heads.txt"
    ))
});

/// Relative pronouns taken off, in this order, between a name and its verb
/// (`assets/lexicon/victim-relative-words.txt`).
static RELATIVES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/lexicon/victim-relative-words.txt"
    ))
});

/// Threat-actor names of the gazetteer (and their synonyms), lower-case: a name containing one
/// ("Lazarus hackers", "the TraderTraitor group") is the thief, never the victim.
static ACTOR_NAMES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut names = FxHashSet::default();
    for a in THREAT_ACTORS.iter() {
        for n in std::iter::once(&a.name).chain(&a.synonyms) {
            if !is_matchable(n) {
                continue;
            }
            let lower = n.to_lowercase();
            // "Lazarus" for "Lazarus Group": the head of a group name is a name on its own.
            if let Some(head) = GROUP_WORDS
                .iter()
                .find_map(|w| lower.strip_suffix(w).map(str::trim_end))
                && is_matchable(head)
            {
                names.insert(head.to_string());
            }
            names.insert(lower);
        }
    }
    names
});

/// Whether some run of whole words of `name` is a threat actor's name.
fn names_an_actor(name: &str) -> bool {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| clean(w).to_lowercase())
        .collect();
    (0..words.len()).any(|i| {
        (i + 1..=words.len().min(i + 4)).any(|j| ACTOR_NAMES.contains(&words[i..j].join(" ")))
    })
}

/// Victims' names found with the word lists of one lexicon (stop words, organisation words,
/// chains), passed in rather than read from a global.
pub struct Rule<'a> {
    lex: &'a Lexicon,
}

impl<'a> Rule<'a> {
    pub fn new(lex: &'a Lexicon) -> Self {
        Self { lex }
    }

    /// A capitalised word that starts no victim's name (`assets/lexicon/not-victim-words.txt`,
    /// months, weekdays).
    fn not_name(&self, w: &str) -> bool {
        self.lex.is_not_victim_word(w)
    }

    /// A lower-case word that may continue an organisation's name.
    fn org_word(&self, w: &str) -> bool {
        self.lex.is_organisation_word(w)
    }

    /// A chain or asset: "X's Ethereum bridge" names X, not Ethereum.
    fn chain(&self, w: &str) -> bool {
        self.lex.is_chain(w)
    }

    /// An organisation word run together with a short common word after it, a typo of the
    /// press ("central bankat the Fed"): the organisation word alone. A word of its own
    /// ("banking", "banker") is not split.
    fn glued_org_word<'t>(&self, token: &'t str) -> Option<&'t str> {
        if COMMON.contains(token) {
            return None;
        }
        (1..=3).find_map(|tail| {
            let cut = token.len().checked_sub(tail)?;
            let (head, rest) = (token.get(..cut)?, token.get(cut..)?);
            (self.org_word(head) && COMMON.contains(rest)).then_some(head)
        })
    }

    /// The name whose tokens end right before the end of `pre` (a run of capitalised tokens and
    /// organisation words). `None` when the text there is not a name.
    fn name_ending(&self, pre: &str) -> Option<String> {
        let tokens: Vec<&str> = pre.split_whitespace().collect();
        let mut taken: Vec<&str> = Vec::new();
        let mut seen_name = false;
        for (k, t) in tokens.iter().enumerate().rev() {
            // "Mt." or "St." inside a name is an abbreviation, not the end of a sentence.
            let abbreviation = t.ends_with('.')
                && t.len() <= 4
                && t.chars().next().is_some_and(char::is_uppercase);
            let ends_clause = t.ends_with([',', ';', ':', ')', '(', '”', '"'])
                || (t.ends_with('.') && !abbreviation);
            if !taken.is_empty() && ends_clause {
                break;
            }
            if taken.is_empty() && ends_clause && k + 1 != tokens.len() {
                break;
            }
            let c = if abbreviation { *t } else { clean(t) };
            if is_name_token(c) {
                taken.push(c);
                seen_name = true;
            } else if self.org_word(c) && (seen_name == CONNECTORS.contains(&c)) {
                // Organisation words end a name ("… central bank"); connectors join two parts.
                taken.push(c);
            } else {
                break;
            }
        }
        // Leading connectors, organisation words and sentence words are not part of a name.
        while let Some(last) = taken.last() {
            let head = last.split('-').next().unwrap_or(last);
            if self.org_word(last) || self.not_name(head) {
                taken.pop();
            } else {
                break;
            }
        }
        taken.reverse();
        let name = taken.join(" ");
        let first_is_name = taken.first().is_some_and(|t| is_name_token(t));
        (first_is_name && !name.is_empty()).then_some(name)
    }

    /// The name at the start of `post` ("the Quillon central bank at …" -> "Quillon central bank").
    fn name_starting(&self, post: &str) -> Option<String> {
        let mut taken: Vec<&str> = Vec::new();
        for (k, t) in post.split_whitespace().enumerate() {
            let c = clean(t);
            if k == 0 && c.eq_ignore_ascii_case("the") {
                continue;
            }
            if is_name_token(c) || (!taken.is_empty() && self.org_word(c)) {
                taken.push(c);
            } else {
                if !taken.is_empty()
                    && let Some(word) = self.glued_org_word(c)
                {
                    taken.push(word);
                }
                break;
            }
            if t.ends_with([',', ';', ':', ')', '.', '”', '"']) {
                break;
            }
        }
        while taken
            .last()
            .is_some_and(|l| self.org_word(l) && !NAME_HEADS.contains(l))
        {
            taken.pop();
        }
        let name = taken.join(" ");
        (!name.is_empty() && !self.not_name(taken[0])).then_some(name)
    }

    /// The victim named at the start of `post`.
    fn named_at(&self, post: &str) -> Option<String> {
        self.name_starting(post.trim_start())
            .and_then(|n| self.canonical(&n))
    }

    /// "X's Y" names X when Y is only a chain or a kind of thing, else Y ("Norway's Fjord
    /// Savings bank" -> "Fjord Savings bank", "Pylon Chain's Ethereum bridge" -> "Pylon Chain").
    fn possessor(&self, name: &str) -> String {
        let normalized = name.replace('’', "'");
        let Some((owner, owned)) = normalized.rsplit_once("'s ") else {
            return normalized.trim_end_matches("'s").to_string();
        };
        // "the founder's exchange Zephyr": the name after the generic words.
        let named: Vec<&str> = owned
            .split_whitespace()
            .skip_while(|w| !is_name_token(w))
            .collect();
        match named.first() {
            Some(first) if !self.chain(first) && !self.not_name(first) => named.join(" "),
            _ => owner.to_string(),
        }
    }

    /// The canonical form of a victim name.
    pub fn canonical(&self, name: &str) -> Option<String> {
        let name = self.possessor(name.trim());
        let first = name.split_whitespace().next()?;
        // A chain's or a token's own bridge or wallet ("the BUSD Bridge", "the ETH hot wallet") is a
        // part of the platform robbed, not its name.
        let ticker_like = crate::extract::money::parse::is_known_ticker(first);
        if self.not_name(first)
            || self.chain(first)
            || ticker_like
            || !first.chars().next().is_some_and(char::is_alphabetic)
            || names_an_actor(&name)
        {
            return None;
        }
        Some(organizations::canonical_of(&name).map_or(name, str::to_string))
    }

    /// The victim named in `sentence` for the figure at `amount` (byte offsets into the sentence).
    pub fn in_sentence(&self, sentence: &str, amount: (usize, usize)) -> Option<String> {
        let may = cue_words::before(&sentence[..amount.0]);
        self.in_sentence_where(sentence, amount, may)
    }

    /// [`Self::in_sentence`], running the patterns before the figure only where `may`
    /// ([`cue_words::before`]) allows them a match.
    fn in_sentence_where(
        &self,
        sentence: &str,
        amount: (usize, usize),
        may: cue_words::May,
    ) -> Option<String> {
        let pre = &sentence[..amount.0];
        let post = &sentence[amount.1..];
        // "Zephyr ($12M), Quillon ($9M)": a list of victims with their losses
        let pre_trim = pre.trim_end();
        if let Some(p) = pre_trim.strip_suffix('(')
            && !unit_before_name(p)
            && let Some(n) = self.name_ending(p).and_then(|n| self.canonical(&n))
        {
            return Some(n);
        }
        let after = cue_words::after(post);
        // "a $2.1 billion hack on Vesta"
        if let Some(m) = after.noun_on.then(|| NOUN_ON_AFTER.find(post)).flatten()
            && let Some(n) = self.named_at(&post[m.end()..])
        {
            return Some(n);
        }
        // "stolen from Banco del Sur"
        if let Some(m) = after.from.then(|| FROM_AFTER.find(post)).flatten()
            && let Some(n) = self.named_at(&post[m.end()..])
        {
            return Some(n);
        }
        // "Zephyr … has lost $28M", "Nimbus lost over $5M", "payments firm Quillon suffered a $9M heist"
        if let Some(m) = may
            .verb
            .then(|| VERB_BEFORE.find_iter(pre).last())
            .flatten()
        {
            let mut before = &pre[..m.start()];
            // "Zephyr Exchange, which lost …"
            for rel in RELATIVES.iter() {
                if let Some(b) = before.trim_end().strip_suffix(rel)
                    && b.ends_with([' ', ','])
                {
                    before = b.trim_end().trim_end_matches(',');
                }
            }
            let direct = before.trim_end();
            let appositive = direct.ends_with([',', '”', '"', ')']);
            let name = if appositive {
                self.subject(before)
            } else {
                self.name_ending(before)
            };
            if let Some(n) = name.and_then(|n| self.canonical(&n)) {
                return Some(n);
            }
        }
        // "a February 2016 attack against the Bangladesh Central bank that resulted in $850 million"
        if let Some(m) = may
            .against
            .then(|| AGAINST_BEFORE.find_iter(pre).last())
            .flatten()
            && let Some(n) = self.named_at(&pre[m.end()..])
        {
            return Some(n);
        }
        // "the Bybit hack … $1.4 billion"
        if let Some(m) = may
            .noun
            .then(|| NOUN_BEFORE.find_iter(pre).last())
            .flatten()
            && let Some(n) = self
                .name_ending(&pre[..m.start()])
                .and_then(|n| self.canonical(&n))
        {
            return Some(n);
        }
        None
    }

    /// The first name of a clause, skipping sentence-initial words and dates.
    fn subject(&self, text: &str) -> Option<String> {
        for (k, t) in text.split_whitespace().enumerate() {
            let c = clean(t);
            if is_name_token(c)
                && !self.not_name(c)
                && !c.chars().all(|ch| ch.is_ascii_digit() || ch == ',')
            {
                let rest: Vec<&str> = text.split_whitespace().skip(k).collect();
                return self.name_starting(&rest.join(" "));
            }
        }
        None
    }

    /// The victim a title names ("Zephyr - REKT", "Quillon Exchange Suffers $12 Million Hack",
    /// "Pylon Chain loses $40 million").
    pub fn in_title(&self, title: &str, body: &str) -> Option<String> {
        let title = title.trim();
        if let Some(n) = title::name(title) {
            return self.canonical(n);
        }
        // A database entry titled with the platform's name alone.
        // One to three words: only the first four are read (a first line may be a paragraph).
        let mut words = title.split_whitespace();
        if (1..=3).contains(&words.clone().take(4).count())
            && words.all(is_name_token)
            && body.matches(title).count() >= 2
        {
            return self.canonical(title);
        }
        None
    }
}

fn is_name_token(t: &str) -> bool {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    !t.is_empty()
        && t.chars().any(char::is_alphabetic)
        && t.chars().any(char::is_uppercase)
        && t.chars().next().is_some_and(char::is_alphabetic)
}

fn clean(t: &str) -> &str {
    t.trim_matches(|c: char| {
        !(c.is_alphanumeric() || c == '.' || c == '&' || c == '\'' || c == '’')
    })
    .trim_end_matches('.')
}

static FROM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^[^.;]{{0,{}}}?(?-u:\b)(?:{})\s+(?:the\s+)?(?:(?:account|accounts|coffers|reserves|systems?|hot\s+wallets?|wallets?|vaults?|users|customers)\s+(?:of|at)\s+(?:the\s+)?)?",
        cue_words::FROM_REACH,
        alternation(&cue_words::FROM_WORDS)
    ))
});
static NOUN_ON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*(?:\S+\s+){{0,{}}}?(?i:{})\s+(?:on|of|against|at)\s+(?:the\s+)?",
        cue_words::ON_NOUN_REACH,
        alternation(&cue_words::ATTACK_NOUNS)
    ))
});
/// The patterns before a figure: run only when their words are there ([`cue_words`]), so
/// with no prefilter ([`unfiltered`]), which was most of the cost of compiling them.
static VERB_BEFORE: LazyLock<meta::Regex> = LazyLock::new(|| {
    unfiltered::regex(&format!(
        r"(?i)(?-u:\b)(?:(?:has|have|had|was|were)\s+)?(?:{})(?-u:\b)",
        alternation(&cue_words::VERBS)
    ))
});
static NOUN_BEFORE: LazyLock<meta::Regex> = LazyLock::new(|| {
    unfiltered::regex(&format!(
        r"\s+(?i:{})(?-u:\b)",
        alternation(&cue_words::NOUNS)
    ))
});
static AGAINST_BEFORE: LazyLock<meta::Regex> = LazyLock::new(|| {
    unfiltered::regex(&format!(
        r"(?i)(?-u:\b)(?:{})s?\s+(?:on|against)\s+(?:the\s+)?",
        alternation(&cue_words::ATTACK_NOUNS)
    ))
});

/// True for "15,000 cmETH": a number before the word, which makes it a unit, not a name.
fn unit_before_name(pre: &str) -> bool {
    let mut words = pre.split_whitespace().rev();
    let _name = words.next();
    words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Words dropped when victims' names are compared (`assets/lexicon/victim-name-noise.txt`).
static KIND_WORDS: LazyLock<HashSet<&'static str, WordHasher>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/lexicon/victim-name-noise.txt"
    ))
    .collect()
});

/// A victim name reduced for comparison: case, punctuation, and the words that say what kind of
/// organisation it is ("Pylon Chain" = "Pylon Bridge" = "pylon").
pub fn normalized(name: &str) -> String {
    if name.is_ascii() {
        return normalized_ascii(name);
    }
    let lower: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let kept: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !KIND_WORDS.contains(w))
        .collect();
    if kept.is_empty() {
        crate::text::single_spaced(&lower)
    } else {
        kept.join(" ")
    }
}

/// [`normalized`] of an ASCII name, its words read in place: no lower-cased copy, no list.
/// Each word is lower-cased where it is written and taken back when it is a kind word.
fn normalized_ascii(name: &str) -> String {
    let words = || {
        name.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let mut out = String::with_capacity(name.len());
    let mut dropped = false;
    for w in words() {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
        if KIND_WORDS.contains(&out[from..]) {
            out.truncate(before);
            dropped = true;
        }
    }
    if out.is_empty() && dropped {
        // Every word says a kind: they all stay.
        for w in words() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
    }
    out
}

#[cfg(test)]
mod tests;
