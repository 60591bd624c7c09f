use super::*;

fn pubd() -> Option<NaiveDate> {
    // A Wednesday.
    NaiveDate::from_ymd_opt(2022, 11, 16)
}

fn one(text: &str) -> (PartialDate, bool, String) {
    let d = find_in(text, pubd());
    assert_eq!(d.len(), 1, "{text}: {d:?}");
    (d[0].value, d[0].relative, d[0].text.clone())
}

#[test]
fn absolute_forms() {
    assert_eq!(one("It happened in February 2016.").0, "2016-02");
    assert_eq!(one("It happened in Feb. 2016.").0, "2016-02");
    assert_eq!(one("In 2017, money went missing.").0, "2017");
    assert_eq!(one("on June 30, 2019 they met").0, "2019-06-30");
    assert_eq!(one("on 2019-06-30 they met").0, "2019-06-30");
    assert_eq!(one("Date: 2023-7-22").0, "2023-07-22");
    assert_eq!(one("on 30 June 2019 they met").0, "2019-06-30");
    assert_eq!(one("the biggest hack since Dec 2022").0, "2022-12");
    assert_eq!(one("The final hours of 2023 saw a hack").0, "2023-12");
    assert_eq!(one("losses in Q1 2022 rose").0, "2022");
    assert_eq!(one("in the first half of 2021 hackers").0, "2021");
    let (_, relative, text) = one("In February 2016 hackers");
    assert!(!relative);
    assert_eq!(text, "February 2016");
}

#[test]
fn numbers_are_not_years() {
    assert!(find_in("2,464 ETH were moved", pubd()).is_empty());
    assert!(find_in("a bid of $2019 was made", pubd()).is_empty());
    assert!(find_in("2024 is going to be big", pubd()).is_empty());
    assert!(find_in("you may go", pubd()).is_empty());
}

#[test]
fn relative_forms() {
    assert_eq!(one("last year they struck").0, "2021");
    assert_eq!(one("this year they struck").0, "2022");
    assert_eq!(one("last month they struck").0, "2022-10");
    assert_eq!(one("earlier this month they struck").0, "2022-11");
    assert_eq!(one("just under a year ago, hacks").0, "2021-11");
    assert_eq!(one("a year ago, hacks").0, "2021-11");
    assert_eq!(one("two years ago, hacks").0, "2020");
    assert_eq!(one("three days ago, hacks").0, "2022-11-13");
    assert_eq!(one("on Monday the bank").0, "2022-11-14");
    assert_eq!(one("last Wednesday the bank").0, "2022-11-16");
    assert_eq!(one("yesterday the bank").0, "2022-11-15");
    assert_eq!(one("today the bank").0, "2022-11-16");
    assert_eq!(one("last week the bank").0, "2022-11");
    assert_eq!(one("over the weekend the bank").0, "2022-11-12");
    assert_eq!(one("in March the bank").0, "2022-03");
    assert_eq!(one("in December the bank").0, "2021-12");
    assert_eq!(one("on June 30 the bank").0, "2022-06-30");
    assert_eq!(one("on December 30 the bank").0, "2021-12-30");
    let (_, relative, _) = one("on June 30 the bank");
    assert!(relative);
}

#[test]
fn relative_forms_need_a_publication_date() {
    assert!(find_in("last year and on Monday", None).is_empty());
    assert_eq!(find_in("in February 2016", None)[0].value, "2016-02");
}

#[test]
fn running_patterns_only_where_their_words_are_changes_nothing() {
    let mut texts: Vec<String> = (0..300)
        .map(|i| crate::synthetic::article(5, i).text)
        .collect();
    texts.extend(
        [
            "On 2021-03-04, and last WEEK, two YEARS AGO, TODAY, Sept. 5, 2019.",
            "the wee\u{212A}end before, \u{17F}ince 2020, in the final days of 2019",
            "It happened in Q3 2018 and early 2017; yesterday; over the weekend.",
            "(June 30, 2019) \"last week\": mid-2019, Dec. 2022 and Jan.\n5, 2020!",
            "x2019-06-30y, é2019 in\u{a0}2018 – on\nMonday; 3rd of Sept., 2021?",
            "in 2019_x, on Monday_, last week_; (in 2018)_",
            "5th of March 2019, 5 March, 5\u{a0}March, 2nd\n\tof  Sept. 2020, 3rd Oct",
            "٣ March 2019, 1\u{85}of May, 7of June, 8 ofJuly, x1 Aug 2020, 12st Dec",
            "Q1 2022, q2 2021, H2 2020, the first HALF of 2019, last Quarter of 2018",
            "the final hours of 2023, the last MINUTES of 2019, dying moments of 2017",
            "earlier today, YESTERDAY, later Today; the closing weeks of 2016",
            "march 5, 2019, MONDAY, monday, Marches 3, _2019, 20190, $2,019,000, in 2019x",
            "Chicago agonist, the dayside of 2019, Weekends, holiday, on Sundays, 5 OF May",
            "June 30, 2019; 5th of March, 2019; Sept., 2020; Sept. 5th, 2021; 2019-6-3",
            "more than two years ago, about a month ago, 3 weeks ago, earlier this year",
            "mid- March; in\u{85}Feb.; 30\u{a0}Dec.,\u{2003}2018; ٣ Oct ٢٠١٩; Jan 5th",
            "in Mayhem 2020, on Mondays, 1ST March, Sept.5, 2019, in 199\u{663}, 20\u{663}9",
            "March 123, May\u{a0}5, Sept. \u{663}, June  7th, 2020, Jan.\t12, Dec 1, Octx 5, May",
            "March\n5 2019, April 5\u{663}, Aug.. 5, Feb.5, July 05, Nov 1234, March",
            "a year ago, last  year, NEXT\u{a0}Year, this\nmonth, pastyear, the year, yearly",
            "LAST YEAR; previous\u{85}month; earlier this year; x-last year; lastyear",
        ]
        .map(String::from),
    );
    for t in &texts {
        anchors_change_nothing(t);
        groups_are_the_captures(t);
    }
}

/// The groups read from a match's words ([`groups::read`]) are its pattern's capture groups,
/// for every match of every pattern in `t`.
fn groups_are_the_captures(t: &str) {
    for (re, form) in PATTERNS.iter() {
        let mut caps = re.create_captures();
        let mut at = 0;
        while at < t.len() {
            re.search_captures(&Input::new(t).range(at..), &mut caps);
            let Some(m) = caps.get_match() else {
                break;
            };
            let read = groups::read(*form, &t[m.range()]);
            for i in 1..caps.group_len() {
                let want = caps.get_group(i).map(|g| &t[g.range()]);
                assert_eq!(read.get(i), want, "{t:?}: group {i} of {:?}", &t[m.range()]);
            }
            at = m.end().max(m.start() + 1);
            while !t.is_char_boundary(at) {
                at += 1;
            }
        }
    }
}

/// The dates found over the stretches their anchor words allow are those every pattern
/// finds over the whole text.
fn anchors_change_nothing(t: &str) {
    let doc = Document::new(t);
    // One stretch, the whole text, every anchor: every pattern over everything.
    let everything = [Stretch::everywhere(
        crate::extract::document::Span::new(0, t.len()),
        HAS_ALL,
        true,
    )];
    for published in [pubd(), None] {
        assert_eq!(
            find_in(t, published),
            find_in_stretches(&doc, published, &everything),
            "{t:?}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 1500, ..Default::default() })]
    #[test]
    fn anchors_change_nothing_on_any_date_words(
        words in proptest::collection::vec(
            "(1|05|3rd|2nd|21st|4th|٣|of|OF|st|th|March|Sept\\.|Dec|may|MAY|2019|1999|\
             Q1|h2|HALF|quarter|first|the|final|last|hours|Minutes|moments|days|weeks|\
             today|Yesterday|earlier|Monday|in|since|year|month|ago|two|weekend|x|é|\
             march|MONDAY|monday|Marches|Sundays|_2019|20190|2019x|x2019|DAYS|Today|hOURS|\
             AGO|yeArs|Q4|H1|MONTHS|WEEK|Mayday|Septs|OF|1ST|٣٣|199٣|June|September|\
             Sept|Sep|Jan\\.|30,|5th,|12|2020-06-30|2021-1-2|,|next|past|a|an|eleven|more|than|\
             over|during|Friday|late|mid-|mid|123|7th|Octx|Year|yearly|previous|this)",
            0..12,
        ),
        gaps in proptest::collection::vec("( |  |\n|\t|\u{a0}|\u{85}|, |\\. |-|)", 12),
    ) {
        let mut t = String::new();
        for (w, g) in words.iter().zip(&gaps) {
            t.push_str(w);
            t.push_str(g);
        }
        anchors_change_nothing(&t);
        groups_are_the_captures(&t);
    }
}

#[test]
fn offsets_are_characters() {
    let text = "€72 – “hacked” in February 2016";
    let d = find_in(text, None);
    let start = text.chars().position(|c| c == 'F').unwrap();
    assert_eq!(d[0].start, start);
    assert_eq!(d[0].end, start + "February 2016".len());
}

#[test]
fn the_relative_words_move_as_they_did_when_written_in_the_code() {
    let lines = crate::text::entries(include_str!("../../../assets/lexicon/relative-dates.tsv"));
    assert_eq!(RELATIVE.len(), lines.count());
    let words: Vec<&str> = RELATIVE.iter().map(|&(w, _)| w).collect();
    assert_eq!(words, ["last", "this", "past", "previous", "next"]);
    for (word, by) in [
        ("this", 0),
        ("next", 1),
        ("last", -1),
        ("past", -1),
        ("previous", -1),
    ] {
        assert_eq!(relative_offset(word), by, "{word}");
    }
    // Read through another script's case folding, a word counts as one back.
    assert_eq!(relative_offset("laſt"), -1);
}
