//! One article as the money stages read it, and the stages themselves: the story's own date,
//! each figure classified and dated in its sentence, the victim and the theft the article is
//! about, and the amounts with victim, actor and character offsets.

use super::parts::{announces_another, states_a_total};
use super::{
    ByteDate, DATE_LABEL, LEDE_SENTENCES, MAIN_LEDE_SENTENCES, SHARE_REACH, Work, clamp_window,
    classify, fx, is_share, may_end_in_date_label, parse, starts_period, starts_with_word,
    word_before,
};
use crate::corpus::Article;
use crate::extract::dates::DateMention;
use crate::extract::document::{CharOffsets, Document, Span};
use crate::extract::lexicon::Lexicon;
use crate::extract::victims::{self, rule::Rule as Victims};
use crate::extract::{Amount, AmountKind, EntityMention, ThinStr, offset};
use crate::partial_date::{PartialDate, Precision};

/// An article's text with everything the stages look up around a figure, in byte offsets.
pub(super) struct Story<'a> {
    article: &'a Article,
    pub(super) text: &'a str,
    /// The text with its ASCII lower case, for the victim scene.
    scene_text: victims::SceneText<'a>,
    lex: &'a Lexicon,
    victims: Victims<'a>,
    /// The money figures, in text order.
    pub(super) figures: Vec<parse::Parsed>,
    /// The document's sentences.
    pub(super) sents: &'a [Span],
    /// Paragraph number of each sentence.
    pub(super) paras: &'a [usize],
    /// The document's char offsets, for the amounts' offsets.
    offsets: &'a CharOffsets,
    /// Cue words, in text order.
    pub(super) hits: Vec<classify::CueHit>,
    /// Theft words across the article: a story about theft.
    pub(super) theft_article: bool,
    /// Crypto words across the article.
    pub(super) crypto: bool,
    /// The text opens with the title line (a corpus file does; an invented text may not).
    pub(super) title_line: bool,
    dates: Vec<ByteDate<'a>>,
    /// Entity mentions by start.
    entities: Vec<(usize, usize, &'a EntityMention)>,
}

impl<'a> Story<'a> {
    /// The article (its text read as `doc`) for the money stages; `None` when it states no
    /// figure.
    pub(super) fn read(
        lex: &'a Lexicon,
        article: &'a Article,
        doc: &'a Document,
        dates: &'a [DateMention],
        entities: &'a [EntityMention],
    ) -> Option<Self> {
        let text = doc.text();
        let crypto = doc.crypto_words();
        let figures = parse::parse(text, crypto);
        if figures.is_empty() {
            return None;
        }
        let hits = classify::cues(text, lex);
        let theft_article = classify::theft_context(text, &hits);
        let byte = |c: usize| doc.byte_of(c);
        let dates = dates
            .iter()
            .map(|d| ByteDate {
                start: byte(d.start),
                end: byte(d.end),
                mention: d,
            })
            .collect();
        let mut entities: Vec<(usize, usize, &EntityMention)> = entities
            .iter()
            .map(|e| (byte(e.start), byte(e.end), e))
            .collect();
        entities.sort_by_key(|e| e.0);
        Some(Self {
            article,
            text,
            scene_text: victims::SceneText::of(doc),
            lex,
            victims: Victims::new(lex),
            figures,
            sents: doc.sentences(),
            paras: doc.paragraphs(),
            offsets: doc.offsets(),
            hits,
            theft_article,
            crypto,
            title_line: text.lines().next().map(str::trim) == Some(article.title.trim()),
            dates,
            entities,
        })
    }

    fn sentence_of(&self, pos: usize) -> usize {
        self.sents
            .partition_point(|s| s.end() <= pos)
            .min(self.sents.len() - 1)
    }

    pub(super) fn cues_in(&self, span: Span) -> &[classify::CueHit] {
        let (s, e) = span.into();
        let a = self.hits.partition_point(|h| h.start < s);
        let b = self.hits.partition_point(|h| h.start < e);
        &self.hits[a..b]
    }

    /// Entity mentions starting in `span`, with their byte spans.
    pub(super) fn entities_in(
        &self,
        span: Span,
    ) -> impl Iterator<Item = (usize, usize, &'a EntityMention)> + '_ {
        let (s, e) = span.into();
        let a = self.entities.partition_point(|m| m.0 < s);
        let b = self.entities.partition_point(|m| m.0 < e);
        self.entities[a..b].iter().copied()
    }

    fn dates_in(&self, span: Span) -> &[ByteDate<'a>] {
        let (s, e) = span.into();
        let a = self.dates.partition_point(|d| d.start < s);
        let b = self.dates.partition_point(|d| d.start < e);
        &self.dates[a..b]
    }

    fn theft_sentence(&self, k: usize) -> bool {
        self.cues_in(self.sents[k]).iter().any(|h| match h.cue {
            classify::Cue::Stolen | classify::Cue::Context | classify::Cue::Attempted => true,
            classify::Cue::WeakStolen => self.theft_article,
            _ => false,
        })
    }

    /// The story's own date: the first dated theft statement of the lede, or a "Date:" field.
    pub(super) fn lede_date(&self) -> Option<&'a DateMention> {
        let text = self.text;
        (0..self.sents.len().min(LEDE_SENTENCES))
            .filter(|&k| self.theft_sentence(k))
            .find_map(|k| {
                self.dates_in(self.sents[k])
                    .iter()
                    .find(|d| !starts_period(text, d))
                    .map(|d| d.mention)
            })
            .or_else(|| {
                self.dates
                    .iter()
                    .find(|d| {
                        let head = &text[..d.start];
                        if !may_end_in_date_label(head) {
                            return false;
                        }
                        let line_start = head.rfind('\n').map_or(0, |p| p + 1);
                        DATE_LABEL.is_match(&text[line_start..d.start])
                    })
                    .map(|d| d.mention)
            })
    }

    /// Figure `idx` classified in its sentence and dated.
    pub(super) fn figure(&self, idx: usize, lede_date: Option<&DateMention>) -> Work {
        let text = self.text;
        let p = &self.figures[idx];
        let k = self.sentence_of(p.start);
        let (ss, se) = self.sents[k].cover(Span::new(p.start, p.end)).into();
        // A "sentence" with no full stop for pages (a table, a dump) is read only around the
        // figure, so each figure's work stays bounded and the article's linear.
        let (ss, se) = clamp_window(text, Span::new(ss, se), (p.start, p.end));
        let sentence = &text[ss..se];
        let victim = self
            .victims
            .in_sentence(sentence, (p.start - ss, p.end - ss));
        let own = self.own_date(idx, (ss, se));
        let year_scope = own.is_some_and(|d| d.mention.value.precision() == Precision::Year);
        let decide = |cues: &[classify::CueHit]| {
            classify::decide(
                text,
                (p.start, p.end),
                cues,
                self.theft_article,
                year_scope,
                victim.is_some(),
                p.usd.unwrap_or(p.value) >= 1e9,
            )
        };
        let mut decision = decide(self.cues_in(Span::new(ss, se)));
        // A short fragment ("To the tune of $100M.") continues the sentence before it.
        if decision.cue.is_none() && k > 0 && sentence.split_whitespace().nth(8).is_none() {
            let ps = self.sents[k - 1].start();
            let previous = decide(self.cues_in(Span::new(ps, se)));
            if previous.kind != AmountKind::Other {
                decision = previous;
            }
        }
        // "14.5% of the stolen assets (now worth $195M) were moved": a share of a theft told
        // later (moved, laundered, frozen) is not a theft of its own.
        let share_start = ss.max(p.start.saturating_sub(SHARE_REACH));
        let share_start = (share_start..p.start)
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(p.start);
        if decision.kind.is_theft() && is_share(&text[share_start..p.start]) {
            decision.kind = AmountKind::Other;
        }
        let (event_date, inferred) = self.event_date(k, own, lede_date);
        let year = event_date
            .map(|d| d.year())
            .or_else(|| self.article.published.map(|d| chrono::Datelike::year(&d)));
        let usd = p.usd.or_else(|| {
            let y = year?;
            fx::to_usd(p.value, &p.currency, y)
        });
        Work {
            parsed: p.clone(),
            sentence: k,
            kind: decision.kind,
            cue: decision.cue.map(|(s, e)| text[s..e].to_string()),
            victim,
            event_date,
            inferred,
            usd,
            separate: announces_another(&text[..p.start])
                || states_a_total(&text[..p.start], &text[p.end..]),
            role: decision.role,
            main: false,
            probability: None,
        }
    }

    /// The date of the figure's own sentence (`window`) that governs it, if any.
    fn own_date(&self, idx: usize, (ss, se): (usize, usize)) -> Option<&ByteDate<'a>> {
        let text = self.text;
        let p = &self.figures[idx];
        // Dates of this sentence that no other figure stands between.
        // Figures are in text order, so the sentence's other figures are one slice of them.
        let from = self.figures.partition_point(|q| q.start < ss);
        let to = self.figures.partition_point(|q| q.start < se);
        let others = self.figures[from..to]
            .iter()
            .enumerate()
            .filter(move |(j, q)| from + j != idx && q.end <= se)
            .map(|(_, q)| (q.start, q.end));
        self.dates_in(Span::new(ss, se))
            .iter()
            // A date before the figure governs it even across other figures (an opening
            // "In 2017," or a list after "a year ago,"); a date after it belongs to the figures
            // in between when there are any.
            .filter(|d| d.end <= p.start || !others.clone().any(|o| o.0 >= p.end && o.1 <= d.start))
            // "since 2017" starts a period; it does not date the figure.
            .filter(|d| !starts_period(text, d))
            // "more than last year" compares with another period.
            .filter(|d| !word_before(text, d.start).0.eq_ignore_ascii_case("than"))
            .min_by_key(|d| {
                let dist = if d.end <= p.start {
                    p.start - d.end
                } else {
                    d.start.saturating_sub(p.end)
                };
                let (word, _) = word_before(text, d.start);
                let governed = ["in", "on", "during", "of"]
                    .iter()
                    .any(|w| word.eq_ignore_ascii_case(w) || starts_with_word(&d.mention.text, w));
                dist.saturating_sub(if governed { 30 } else { 0 })
            })
    }

    /// When the figure of sentence `k` happened: its own date, else the nearest date before it
    /// in its paragraph, the story's date, a date after it in its paragraph, or (inferred) the
    /// publication date.
    fn event_date(
        &self,
        k: usize,
        own: Option<&ByteDate<'a>>,
        lede_date: Option<&DateMention>,
    ) -> (Option<PartialDate>, bool) {
        let text = self.text;
        let (sents, paras) = (&self.sents, &self.paras);
        if let Some(d) = own {
            (Some(d.mention.value), false)
        } else if let Some(d) = (0..k)
            .rev()
            .take_while(|&j| paras[j] == paras[k])
            .find_map(|j| {
                self.dates_in(sents[j])
                    .iter()
                    .rev()
                    .find(|d| !starts_period(text, d))
            })
        {
            (Some(d.mention.value), false)
        } else if let Some(d) = lede_date {
            (Some(d.value), false)
        } else if let Some(d) = (k + 1..sents.len())
            .take_while(|&j| paras[j] == paras[k])
            .find_map(|j| {
                self.dates_in(sents[j])
                    .iter()
                    .find(|d| !starts_period(text, d))
            })
        {
            (Some(d.mention.value), false)
        } else {
            (self.article.published.and_then(PartialDate::from_day), true)
        }
    }

    /// The victim of the story: named in the title (or the first line), else the platform robbed
    /// in the lede.
    pub(super) fn main_victim(&self, work: &[Work]) -> Option<String> {
        let first_line = self.text.lines().next().unwrap_or("");
        self.victims
            .in_title(&self.article.title, self.text)
            .or_else(|| self.victims.in_title(first_line, self.text))
            .or_else(|| {
                work.iter()
                    .find(|w| {
                        w.kind == AmountKind::Stolen
                            && w.victim.is_some()
                            && w.sentence < LEDE_SENTENCES
                    })
                    .and_then(|w| w.victim.clone())
            })
    }

    /// Marks the theft the article is about: a lede figure stated in theft words, in a story
    /// about theft (else its first stolen figure). It is stolen even when its words are unusual,
    /// and never a part of another figure.
    pub(super) fn choose_main(&self, work: &mut [Work]) {
        let text = self.text;
        let signal = |k: usize| {
            self.cues_in(self.sents[k])
                .iter()
                .map(|h| match h.cue {
                    classify::Cue::Stolen => 3,
                    classify::Cue::WeakStolen | classify::Cue::Context | classify::Cue::Gain => 2,
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        };
        let lede = self.sents.len().min(MAIN_LEDE_SENTENCES);
        let theft_lede = self.theft_article
            && (0..lede).any(|k| {
                self.cues_in(self.sents[k])
                    .iter()
                    .any(|h| matches!(h.cue, classify::Cue::Stolen | classify::Cue::Context))
            });
        let eligible = |w: &Work| {
            w.usd.is_some()
                && match w.kind {
                    AmountKind::Stolen => true,
                    // Not one a theft word was vetoed for (a hypothetical, a "tried to").
                    AmountKind::Other => matches!(
                        w.role,
                        None | Some(
                            classify::Cue::Other | classify::Cue::Conversion | classify::Cue::Gain
                        )
                    ),
                    _ => false,
                }
        };
        let main = if theft_lede {
            work.iter()
                .position(|w| w.sentence < lede && eligible(w) && signal(w.sentence) >= 2)
                .or_else(|| work.iter().position(|w| w.kind == AmountKind::Stolen))
        } else {
            work.iter().position(|w| w.kind == AmountKind::Stolen)
        };
        let Some(m) = main else { return };
        if work[m].kind != AmountKind::Stolen {
            let cue = self
                .cues_in(self.sents[work[m].sentence])
                .iter()
                .filter(|h| {
                    matches!(
                        h.cue,
                        classify::Cue::Stolen
                            | classify::Cue::WeakStolen
                            | classify::Cue::Context
                            | classify::Cue::Gain
                    )
                })
                .max_by_key(|h| (h.cue == classify::Cue::Stolen, std::cmp::Reverse(h.start)))
                .map(|h| text[h.start..h.end].to_string());
            work[m].kind = AmountKind::Stolen;
            work[m].cue = cue;
        }
        work[m].main = true;
        work[m].separate = true;
    }

    /// The victim scorer's view of the article.
    pub(super) fn scene(&self) -> victims::Scene<'_> {
        let figures = self.figures.iter().map(|p| (p.start, p.end)).collect();
        victims::Scene::new(
            self.lex,
            self.scene_text,
            self.title_line,
            self.sents,
            figures,
            &self.entities,
        )
    }

    /// What the victim scorer knows of figure `w`.
    pub(super) fn view<'w>(
        &self,
        w: &'w Work,
        main_victim: Option<&'w str>,
    ) -> victims::FigureView<'w> {
        let p = &w.parsed;
        victims::FigureView {
            span: (p.start, p.end),
            window: clamp_window(self.text, self.sents[w.sentence], (p.start, p.end)),
            sentence: w.sentence,
            rule_sentence: w.victim.as_deref(),
            rule_story: main_victim,
            kind: w.kind,
            main: w.main,
        }
    }

    /// The amounts: victims of thefts (an organisation of the article, chosen by
    /// the victim scorer), actors the text blames for each theft, dates after publication
    /// flagged, offsets in characters.
    pub(super) fn amounts(&self, work: Vec<Work>, main_victim: Option<String>) -> Vec<Amount> {
        let text = self.text;
        let published = self.article.published.and_then(PartialDate::from_day);
        let scene = self.scene();
        // One allocation of the article's id for all its amounts, as the gathering shares it,
        // and one of a currency for the amounts in a row that state it.
        let article: crate::extract::ArticleId = self.article.id.as_str().into();
        let mut currency: Option<ThinStr> = None;
        let mut out = Vec::with_capacity(work.len());
        for w in work {
            let p = &w.parsed;
            let start = self.offsets.char_of(p.start);
            let end = self.offsets.char_of(p.end);
            let view = self.view(&w, main_victim.as_deref());
            // Only thefts: the scorer learned from theft figures, and a fine or a ransom's
            // "victim" is another question.
            let victim = w
                .kind
                .is_theft()
                .then(|| scene.victim(&victims::model::SHIPPED, &view))
                .flatten();
            let actor = w
                .kind
                .is_theft()
                .then(|| scene.actor(view.window, w.main))
                .flatten();
            let suspicious = match (w.event_date, published) {
                (Some(d), Some(p)) => d > p.truncated(d.precision()),
                _ => false,
            };
            out.push(Amount {
                article: article.clone(),
                start: offset(start),
                end: offset(end),
                text: text[p.start..p.end].into(),
                value: p.value,
                min: p.min,
                max: p.max,
                currency: match &currency {
                    Some(c) if c.as_str() == p.currency => c.clone(),
                    _ => currency.insert(p.currency.as_str().into()).clone(),
                },
                usd: w.usd,
                kind: w.kind,
                event_date: w.event_date,
                event_date_inferred: w.inferred,
                event_date_suspicious: suspicious,
                victim_id: victim.as_ref().map(|v| v.id.as_str().into()),
                victim: victim.map(|v| v.name.into()),
                sub_group: actor
                    .as_ref()
                    .and_then(|a| a.sub_group.as_deref().map(Into::into)),
                actor: actor.map(|a| a.group.into()),
                cue: w.cue.map(Into::into),
                main: w.main,
                probability: w.probability,
            });
        }
        out
    }
}
