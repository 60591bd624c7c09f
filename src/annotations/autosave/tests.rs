//! The autosave protocol, driven without a window.

use super::*;
use crate::corpus::{Article, Corpus};

const TEXT: &str = "The invented Harbour Credit Union lost $3 million to a phishing crew in 2020.";

fn analysis() -> Arc<Analysis> {
    Arc::new(Analysis {
        corpus: Corpus {
            roots: Vec::new(),
            articles: vec![Article {
                id: "harbour".to_owned(),
                path: PathBuf::from("/invented/harbour.txt"),
                published: None,
                title: "Harbour heist".to_owned(),
                source: None,
                text: TEXT.to_owned(),
            }],
            errors: Vec::new(),
            embedded: false,
        },
        ..Analysis::default()
    })
}

fn span(needle: &str) -> (usize, usize) {
    let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
    (start, start + needle.chars().count())
}

fn read(path: &Path) -> Vec<Annotation> {
    let bytes = std::fs::read(path).unwrap();
    serde_json::from_slice::<crate::annotations::AnnotationFile>(&bytes)
        .unwrap()
        .annotations
}

fn loaded_session(file: &Path) -> AnnotationSession {
    let mut session = AnnotationSession::default();
    session.open_at(analysis(), Some(file.to_owned()), "test".to_owned());
    while !session.is_loaded() {
        assert!(
            session.wait_for_report(Duration::from_secs(30)),
            "no load report"
        );
    }
    session
}

#[test]
fn a_change_is_saved_after_the_debounce_and_reported_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(store::FILE_NAME);
    let mut session = loaded_session(&file);
    session.set_author("Analyst A");
    let id = session.create("harbour", span("$3 million"), "", "amount", "why");
    assert!(!file.exists(), "written before the debounce");
    assert!(session.wait_for_report(DEBOUNCE + Duration::from_secs(30)));
    let saved = read(&file);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].id, id);
    assert_eq!(saved[0].quote.exact, "$3 million");
    assert_eq!(saved[0].author, "Analyst A");
    assert!(session.status().unwrap().starts_with("Annotations saved"));
}

#[test]
fn flush_writes_at_once_and_undo_redo_are_saved_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(store::FILE_NAME);
    let mut session = loaded_session(&file);
    let id = session.create("harbour", span("phishing crew"), "", "", "");
    session.edit(id.clone(), "attribution", "a guess");
    session.flush();
    assert_eq!(read(&file)[0].tag, "attribution");
    session.delete(id.clone());
    session.flush();
    assert!(read(&file).is_empty());
    session.undo();
    session.flush();
    assert_eq!(read(&file).len(), 1);
    assert_eq!(
        session
            .at("harbour", span("phishing crew").0, span("phishing crew").1)
            .map(|a| a.id.clone()),
        Some(id)
    );
    assert!(session.known_tags().contains(&"attribution".to_owned()));
}

#[test]
fn dropping_the_session_writes_what_is_pending_and_a_new_one_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(store::FILE_NAME);
    let mut session = loaded_session(&file);
    session.create("harbour", span("Harbour Credit Union"), "", "victim", "");
    drop(session);
    let again = loaded_session(&file);
    assert_eq!(again.annotations().len(), 1);
    assert_eq!(again.annotations()[0].tag, "victim");
    assert_eq!(again.placed_in("harbour").count(), 1);
    assert_eq!(again.article_title("harbour"), Some("Harbour heist"));
}

#[test]
fn a_failed_save_keeps_the_annotations_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join(store::FILE_NAME);
    let mut session = loaded_session(&file);
    // The folder is gone and a file stands in its place: no save can succeed (not even as root).
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, b"not a folder").unwrap();
    session.create("harbour", span("$3 million"), "", "amount", "");
    session.flush();
    let problem = session.problem().unwrap_or_default().to_owned();
    assert!(problem.contains("not saved"), "{problem}");
    assert_eq!(session.annotations().len(), 1, "kept in memory");
}

#[test]
fn annotation_counts_read_in_words() {
    assert_eq!(count(1), "1 annotation");
    assert_eq!(count(0), "0 annotations");
}
