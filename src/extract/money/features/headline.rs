//! The headline ranking's features: a figure's structure with its theft probability and its
//! place among the article's likely thefts, and the "none" candidate's.

use super::{ArticleSignals, bucket};
use crate::extract::money::story::Story;
use crate::learn::{FeatureHash, Features};

/// A feature name's fixed part, hashed when the program is compiled.
macro_rules! named {
    ($name:literal) => {
        const { FeatureHash::of_parts(&[$name]) }
    };
}

/// The headline ranking's features of a figure: its own, with its theft probability (from the
/// role model) so that the ranking sees how sure that model is, and where it stands among the
/// article's likely thefts: how many are larger, restate its value, come before it.
pub(in crate::extract::money) fn for_headline(
    base: &Features,
    theft_probability: f32,
    larger: usize,
    same: usize,
    earlier: usize,
) -> Features {
    let mut f = Features::with_capacity(base.len() + 7);
    f.extend_from_slice(base);
    // Each name hashed as it is written, the fixed part when the program is compiled
    // (`learn::FeatureHash`).
    let mut add = |name: FeatureHash, v: f32| f.push((name.finish(), v));
    add(
        named!("p_theft=").num(fifth(theft_probability) as usize),
        1.0,
    );
    add(named!("p_theft"), theft_probability);
    add(named!("larger_thefts=").str(bucket(larger)), 1.0);
    add(named!("same_thefts=").str(bucket(same)), 1.0);
    add(named!("earlier_thefts=").str(bucket(earlier)), 1.0);
    if larger == 0 && theft_probability >= 0.5 {
        add(named!("largest_theft"), 1.0);
    }
    if earlier == 0 && theft_probability >= 0.5 {
        add(named!("first_theft"), 1.0);
    }
    f
}

/// The "none" candidate of the headline ranking: what the article as a whole says, and the
/// highest theft probability of its figures.
pub(in crate::extract::money) fn none_candidate(
    story: &Story,
    signals: &ArticleSignals,
) -> Features {
    let mut f = Features::with_capacity(9);
    let mut add = |name: FeatureHash| f.push((name.finish(), 1.0));
    add(named!("none:bias"));
    if story.theft_article {
        add(named!("none:theft_article"));
    }
    if story.crypto {
        add(named!("none:crypto_article"));
    }
    add(named!("none:theft_cues=").str(bucket(signals.theft_cues)));
    add(named!("none:damage_cues=").str(bucket(signals.damage_cues)));
    if signals.title_figure {
        add(named!("none:title_has_figure"));
    }
    add(named!("none:figures=").str(bucket(signals.values.len())));
    f
}

/// [`none_candidate`] with the article's highest theft probability.
pub(in crate::extract::money) fn for_none(base: &Features, max_theft_probability: f32) -> Features {
    let mut f = Features::with_capacity(base.len() + 2);
    f.extend_from_slice(base);
    f.push((
        named!("none:max_p_theft=")
            .num(fifth(max_theft_probability) as usize)
            .finish(),
        1.0,
    ));
    f.push((named!("none:max_p_theft").finish(), max_theft_probability));
    f
}

/// A probability's fifth: 0 to 4.
fn fifth(p: f32) -> u32 {
    (p * 5.0).floor().clamp(0.0, 4.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::hash;

    #[test]
    fn names_hashed_in_parts_are_the_names_written_out() {
        let p = 0.73;
        for n in [0, 1, 2, 4, 7] {
            let b = bucket(n);
            for (parts, written) in [
                (
                    named!("none:theft_cues=").str(b),
                    format!("none:theft_cues={b}"),
                ),
                (named!("none:figures=").str(b), format!("none:figures={b}")),
                (
                    named!("larger_thefts=").str(b),
                    format!("larger_thefts={b}"),
                ),
                (
                    named!("none:max_p_theft=").num(n),
                    format!("none:max_p_theft={n}"),
                ),
                (
                    named!("p_theft=").num(fifth(p) as usize),
                    format!("p_theft={}", fifth(p)),
                ),
            ] {
                assert_eq!(parts.finish(), hash(&written), "{written}");
            }
        }
        assert_eq!(named!("none:bias").finish(), hash("none:bias"));
        assert_eq!(named!("p_theft").finish(), hash("p_theft"));
    }
}
