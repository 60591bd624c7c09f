//! The headline ranking's features: a figure's structure with its theft probability and its
//! place among the article's likely thefts, and the "none" candidate's.

use super::{ArticleSignals, bucket};
use crate::extract::money::story::Story;
use crate::learn::{FeatureHash, Features, hash};

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
    // Each name hashed as it is written, with no string built (`learn::FeatureHash`).
    let mut add = |name: FeatureHash, v: f32| f.push((name.finish(), v));
    let named = |prefix: &str| FeatureHash::default().str(prefix);
    add(
        named("p_theft=").num(fifth(theft_probability) as usize),
        1.0,
    );
    add(named("p_theft"), theft_probability);
    add(named("larger_thefts=").str(bucket(larger)), 1.0);
    add(named("same_thefts=").str(bucket(same)), 1.0);
    add(named("earlier_thefts=").str(bucket(earlier)), 1.0);
    if larger == 0 && theft_probability >= 0.5 {
        add(named("largest_theft"), 1.0);
    }
    if earlier == 0 && theft_probability >= 0.5 {
        add(named("first_theft"), 1.0);
    }
    f
}

/// The "none" candidate of the headline ranking: what the article as a whole says, and the
/// highest theft probability of its figures.
pub(in crate::extract::money) fn none_candidate(
    story: &Story,
    signals: &ArticleSignals,
) -> Features {
    let mut f = Features::new();
    let mut add = |name: &str| f.push((hash(&format!("none:{name}")), 1.0));
    add("bias");
    if story.theft_article {
        add("theft_article");
    }
    if story.crypto {
        add("crypto_article");
    }
    add(&format!("theft_cues={}", bucket(signals.theft_cues)));
    add(&format!("damage_cues={}", bucket(signals.damage_cues)));
    if signals.title_figure {
        add("title_has_figure");
    }
    add(&format!("figures={}", bucket(signals.values.len())));
    f
}

/// [`none_candidate`] with the article's highest theft probability.
pub(in crate::extract::money) fn for_none(base: &Features, max_theft_probability: f32) -> Features {
    let mut f = base.clone();
    f.push((
        hash(&format!(
            "none:max_p_theft={}",
            fifth(max_theft_probability)
        )),
        1.0,
    ));
    f.push((hash("none:max_p_theft"), max_theft_probability));
    f
}

/// A probability's fifth: 0 to 4.
fn fifth(p: f32) -> u32 {
    (p * 5.0).floor().clamp(0.0, 4.0) as u32
}
