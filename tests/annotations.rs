//! The annotation file on disk: round trip, backup, files that must not be overwritten,
//! two windows on one file, and interrupted saves.

use std::fs;
use std::path::Path;

use dossier::annotations::model::{AnnotationFile, FORMAT, VERSION};
use dossier::annotations::store::{self, FILE_NAME, Store, backup_path};
use dossier::annotations::{AnchorStatus, Annotation, reanchor};

const TEXT: &str =
    "North Korea’s hackers stole $81 million (€72 million) from the Bangladesh central bank 🙂.";

fn ann(needle: &str, tag: &str, note: &str) -> Annotation {
    let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
    Annotation::new(
        "004",
        TEXT,
        start,
        start + needle.chars().count(),
        tag,
        note,
    )
}

fn on_disk(path: &Path) -> AnnotationFile {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// Makes a file an hour old, as a stray file from a crash before this session would be.
fn age(path: &Path) {
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_and_load_round_trip_with_character_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let opened = Store::open(&path, "corpus");
    assert!(opened.annotations.is_empty() && opened.notes.is_empty());
    let mut store = opened.store;
    let a = ann("€72 million", "amount", "euro figure");
    store.save(std::slice::from_ref(&a)).unwrap();

    let raw: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(raw["format"], FORMAT);
    assert_eq!(raw["version"], VERSION);
    assert_eq!(raw["corpus"], "corpus");
    let item = &raw["annotations"][0];
    assert_eq!(item["quote"]["exact"], "€72 million");
    assert_eq!(item["quote"]["prefix"], "ea’s hackers stole $81 million (");
    assert_eq!(item["position"]["start"], 41);
    assert_eq!(item["position"]["end"], 52);
    assert_eq!(item["tag"], "amount");
    assert!(chrono::DateTime::parse_from_rfc3339(item["created"].as_str().unwrap()).is_ok());

    let again = Store::open(&path, "corpus");
    assert_eq!(again.annotations, vec![a]);
    assert!(!files_in(dir.path()).iter().any(|n| n.contains(".tmp-")));
}

#[test]
fn previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut store = Store::open(&path, "c").store;
    let first = ann("$81 million", "amount", "");
    store.save(std::slice::from_ref(&first)).unwrap();
    assert!(
        !backup_path(&path).exists(),
        "nothing to back up before the first save"
    );
    let second = ann("Bangladesh", "victim", "");
    store.save(&[first.clone(), second.clone()]).unwrap();
    assert_eq!(on_disk(&backup_path(&path)).annotations, vec![first]);
    assert_eq!(on_disk(&path).annotations.len(), 2);
}

#[test]
fn corrupt_file_is_never_overwritten_and_new_work_goes_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let corrupt =
        b"{\"format\": \"dossier-annotations\", \"version\": 1, \"annotations\": [ {\"id\": ";
    fs::write(&path, corrupt).unwrap();
    let opened = Store::open(&path, "c");
    assert_eq!(opened.notes.len(), 1);
    assert!(
        opened.notes[0].contains(&path.display().to_string()),
        "{}",
        opened.notes[0]
    );
    assert!(opened.notes[0].contains("not valid annotation JSON"));
    let mut store = opened.store;
    assert!(store.blocked().is_some());
    let a = ann("$81 million", "amount", "");
    let saved = store.save(std::slice::from_ref(&a)).unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        corrupt,
        "the corrupt file is untouched"
    );
    let name = saved
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("dossier-annotations.recovered-") && name.ends_with(".json"),
        "{name}"
    );
    assert_eq!(saved.path.parent(), Some(dir.path()));
    assert_eq!(on_disk(&saved.path).annotations, vec![a.clone()]);

    // The next session continues in the same recovery file and still leaves the original alone.
    let next = Store::open(&path, "c");
    assert_eq!(next.store.target(), saved.path);
    assert_eq!(next.annotations, vec![a]);
    assert_eq!(fs::read(&path).unwrap(), corrupt);
}

#[test]
fn newer_version_or_other_format_is_not_overwritten() {
    for (content, expect) in [
        (
            r#"{"format":"dossier-annotations","version":2,"annotations":[],"shiny":true}"#,
            "newer Dossier",
        ),
        (
            r#"{"format":"something-else","version":1}"#,
            "not a Dossier annotation file",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, content).unwrap();
        let opened = Store::open(&path, "c");
        assert!(opened.notes[0].contains(expect), "{}", opened.notes[0]);
        let mut store = opened.store;
        let saved = store.save(&[ann("Bangladesh", "victim", "")]).unwrap();
        assert_ne!(saved.path, path);
        assert_eq!(fs::read_to_string(&path).unwrap(), content);
        assert!(!backup_path(&path).exists());
    }
}

#[test]
fn file_becoming_corrupt_while_open_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut store = Store::open(&path, "c").store;
    store.save(&[ann("$81 million", "amount", "")]).unwrap();
    fs::write(&path, "garbage").unwrap();
    let saved = store.save(&[ann("Bangladesh", "victim", "")]).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "garbage");
    assert_ne!(saved.path, path);
    assert!(store.blocked().unwrap().contains(FILE_NAME));
}

#[test]
fn two_windows_on_one_file_are_merged_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let shared = ann("$81 million", "amount", "first");
    let doomed = ann("Bangladesh", "victim", "");
    Store::open(&path, "c")
        .store
        .save(&[shared.clone(), doomed.clone()])
        .unwrap();

    let one = Store::open(&path, "c");
    let two = Store::open(&path, "c");
    let (mut s1, mut s2) = (one.store, two.store);

    // Window 1 adds an annotation and deletes `doomed`.
    let from_one = ann("€72 million", "amount", "one");
    s1.save(&[shared.clone(), from_one.clone()]).unwrap();

    // Window 2, unaware, edits `shared` later and adds its own.
    let mut edited = shared.clone();
    edited.note = "edited in two".into();
    edited.modified = shared.modified + chrono::Duration::seconds(1);
    let from_two = ann("hackers", "attribution", "two");
    let saved = s2
        .save(&[edited.clone(), doomed.clone(), from_two.clone()])
        .unwrap();

    let merged = saved.merged.expect("the change on disk was noticed");
    let disk = on_disk(&path).annotations;
    assert_eq!(disk, merged);
    let ids: Vec<_> = disk.iter().map(|a| a.id.clone()).collect();
    assert!(
        ids.contains(&from_one.id),
        "window 1's new annotation survives"
    );
    assert!(ids.contains(&from_two.id));
    assert!(
        !ids.contains(&doomed.id),
        "window 1's deletion is not undone"
    );
    assert_eq!(
        disk.iter().find(|a| a.id == shared.id).unwrap().note,
        "edited in two"
    );

    // Window 1 saving again now merges window 2's work instead of dropping it.
    let saved = s1.save(&[shared.clone(), from_one.clone()]).unwrap();
    let disk = on_disk(&path).annotations;
    assert!(saved.merged.is_some());
    assert!(disk.iter().any(|a| a.id == from_two.id));
    assert_eq!(
        disk.iter().find(|a| a.id == shared.id).unwrap().note,
        "edited in two"
    );
}

#[test]
fn crash_before_rename_leaves_the_file_intact_and_the_save_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let kept = ann("$81 million", "amount", "");
    Store::open(&path, "c")
        .store
        .save(std::slice::from_ref(&kept))
        .unwrap();
    let before = fs::read(&path).unwrap();

    // A save that wrote and synced its temporary file, then crashed before the rename.
    let lost = ann("Bangladesh", "victim", "written before the crash");
    let file = AnnotationFile::new("c", vec![kept.clone(), lost.clone()]);
    let temp = store::write_temp(&path, &serde_json::to_vec(&file).unwrap()).unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the annotation file is the old complete one"
    );
    // A fresh temporary file may be another window's save in progress: left alone.
    let fresh = Store::open(&path, "c");
    assert!(fresh.notes.is_empty() && fresh.annotations == vec![kept.clone()]);
    assert!(temp.exists());
    age(&temp);

    let opened = Store::open(&path, "c");
    assert!(
        opened.notes[0].contains("interrupted save"),
        "{:?}",
        opened.notes
    );
    assert!(
        opened
            .annotations
            .iter()
            .any(|a| a.id == lost.id && a.note == "written before the crash")
    );
    let mut store = opened.store;
    store.save(&opened.annotations).unwrap();
    assert!(
        !temp.exists(),
        "the stray file is removed once its content is saved"
    );
    assert_eq!(on_disk(&path).annotations.len(), 2);
}

#[test]
fn truncated_temporary_file_is_discarded_and_the_file_stays_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let kept = ann("$81 million", "amount", "");
    Store::open(&path, "c")
        .store
        .save(std::slice::from_ref(&kept))
        .unwrap();
    // A crash in the middle of writing the temporary file: half of a valid document.
    let full = serde_json::to_vec(&AnnotationFile::new("c", vec![kept.clone()])).unwrap();
    let temp = store::write_temp(&path, &full[..full.len() / 2]).unwrap();
    age(&temp);

    let opened = Store::open(&path, "c");
    assert_eq!(opened.annotations, vec![kept]);
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert!(!temp.exists());
}

#[test]
fn commit_replaces_the_file_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(&path, "old").unwrap();
    let temp = store::write_temp(&path, b"new").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    store::commit_temp(&temp, &path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(files_in(dir.path()), vec![FILE_NAME.to_owned()]);
}

#[test]
fn reloaded_annotations_reanchor_against_edited_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let moved = ann("Bangladesh central bank", "victim", "");
    let gone = ann("North Korea’s hackers", "attribution", "");
    Store::open(&path, "c")
        .store
        .save(&[moved.clone(), gone.clone()])
        .unwrap();
    let edited = TEXT.replace("North Korea’s hackers", "Thieves 🚨");
    let mut loaded = Store::open(&path, "c").annotations;
    let statuses: Vec<_> = loaded
        .iter_mut()
        .map(|a| (a.id.clone(), reanchor(a, Some(&edited))))
        .collect();
    let status_of = |id| statuses.iter().find(|(i, _)| *i == id).unwrap().1;
    assert_eq!(status_of(gone.id), AnchorStatus::Orphan);
    let AnchorStatus::Moved { from, to } = status_of(moved.id) else {
        panic!()
    };
    assert_eq!(from, moved.position);
    assert_eq!(to.start, from.start - 12, "21 characters replaced by 9");
}

mod cli {
    use super::*;
    use std::process::Command;

    fn seed_corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for e in fs::read_dir(seeds).unwrap() {
            let p = e.unwrap().path();
            fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
        dir
    }

    fn on(text: &str, article: &str, needle: &str, tag: &str) -> Annotation {
        let start = text[..text.find(needle).unwrap()].chars().count();
        Annotation::new(
            article,
            text,
            start,
            start + needle.chars().count(),
            tag,
            "a note",
        )
    }

    fn run(dir: &Path, json: bool) -> (i32, String, String) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.arg("annotations").arg(dir);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    #[test]
    fn lists_anchored_moved_and_orphan_annotations() {
        let dir = seed_corpus();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let corpus = dossier::corpus::load(&[dir.path().to_owned()], &|_| {}, &cancel);
        let art = corpus
            .articles
            .iter()
            .find(|a| a.id == "004_b52b360fd082bb0b")
            .unwrap();
        let early = on(
            &art.text,
            &art.id,
            "North Korea is using cyberattacks",
            "attribution",
        );
        let late = on(&art.text, &art.id, "$81 million (€72 million)", "amount");
        let gone = on(&art.text, &art.id, "Far Eastern bank", "victim");
        let path = dir.path().join(FILE_NAME);
        Store::open(&path, "c")
            .store
            .save(&[early.clone(), late.clone(), gone.clone()])
            .unwrap();

        // Edit the article on disk: a sentence inserted in the middle, a passage removed.
        let file = dir.path().join("004_b52b360fd082bb0b.txt");
        let raw = fs::read_to_string(&file).unwrap();
        let raw = raw
            .replace(
                "One high-profile",
                "Inserted sentence – with “quotes” 🙂. One high-profile",
            )
            .replace("from Taiwan's Far Eastern bank", "from a bank");
        fs::write(&file, raw).unwrap();

        let (code, stdout, stderr) = run(dir.path(), true);
        assert_eq!(code, 0, "{stderr}");
        let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let items = doc["annotations"].as_array().unwrap();
        let find = |id: &dossier::annotations::AnnotationId| {
            items
                .iter()
                .find(|i| i["id"] == id.to_string())
                .unwrap()
                .clone()
        };
        assert_eq!(find(&early.id)["status"], "anchored");
        let moved = find(&late.id);
        assert_eq!(moved["status"], "moved");
        let shift = "Inserted sentence – with “quotes” 🙂. ".chars().count() as u64;
        assert_eq!(moved["from"]["start"], late.position.start as u64);
        assert_eq!(moved["to"]["start"], late.position.start as u64 + shift);
        assert_eq!(moved["quote"], "$81 million (€72 million)");
        assert_eq!(find(&gone.id)["status"], "orphan");
        assert_eq!(find(&gone.id)["tag"], "victim");

        let (code, stdout, _) = run(dir.path(), false);
        assert_eq!(code, 0);
        assert!(
            stdout.contains("orphan\t004_b52b360fd082bb0b\t[victim]\t\"Far Eastern bank\""),
            "{stdout}"
        );
        assert!(stdout.contains(&format!(
            "moved {}-{} -> {}-{}",
            late.position.start,
            late.position.end,
            late.position.start + shift as usize,
            late.position.end + shift as usize
        )));
        // Listing never writes: the file on disk still has the old positions.
        assert_eq!(on_disk(&path).annotations.len(), 3);
        assert!(on_disk(&path).annotations.contains(&late));
    }

    #[test]
    fn an_unreadable_file_fails_with_its_name() {
        let dir = seed_corpus();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, "{not json").unwrap();
        let (code, _, stderr) = run(dir.path(), false);
        assert_eq!(code, 1);
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "{not json");
    }
}

/// A file written by another annotation tool: ids that are not UUIDs, fields Dossier does not
/// know. Every annotation loads, and a save writes the ids and the unknown fields back as they
/// were (only the new annotation gets a fresh UUID).
#[test]
fn foreign_ids_and_unknown_fields_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let foreign = r##"{"format": "dossier-annotations", "version": 1, "corpus": "c",
      "tool": {"name": "other", "build": 7},
      "annotations": [
        {"id": "hyp-3f2a9c1d", "article": "004", "quote": {"exact": "$81 million"},
         "position": {"start": 27, "end": 38}, "tag": "amount",
         "created": "2025-05-01T10:00:00Z", "modified": "2025-05-01T10:00:00Z",
         "colour": "#ffcc00", "links": [1, 2, {"x": null}]},
        {"id": "42", "article": "004", "quote": {"exact": "Bangladesh"},
         "position": {"start": 63, "end": 73},
         "created": "2025-05-01T10:00:00Z", "modified": "2025-05-01T10:00:00Z"}
      ]}"##;
    fs::write(&path, foreign).unwrap();
    let opened = Store::open(&path, "c");
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    let ids: Vec<&str> = opened.annotations.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["hyp-3f2a9c1d", "42"]);
    let mut store = opened.store;
    let mut all = opened.annotations.clone();
    let new = ann("€72 million", "amount", "");
    all.push(new.clone());
    store.save(&all).unwrap();

    let raw: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(raw["tool"]["build"], 7);
    let items = raw["annotations"].as_array().unwrap();
    let hyp = items.iter().find(|i| i["id"] == "hyp-3f2a9c1d").unwrap();
    assert_eq!(hyp["colour"], "#ffcc00");
    assert_eq!(hyp["links"], serde_json::json!([1, 2, {"x": null}]));
    assert!(items.iter().any(|i| i["id"] == "42"));
    assert!(uuid::Uuid::try_parse(new.id.as_str()).is_ok());
    assert!(items.iter().any(|i| i["id"] == new.id.as_str()));
    assert_eq!(Store::open(&path, "c").annotations.len(), 3);
}

/// An empty id cannot name an annotation: the file is reported (and never overwritten), not
/// silently given new ids.
#[test]
fn empty_id_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let bad = r#"{"format": "dossier-annotations", "version": 1, "annotations": [
        {"id": " ", "article": "a", "quote": {"exact": "x"}, "position": {"start": 0, "end": 1},
         "created": "2025-05-01T10:00:00Z", "modified": "2025-05-01T10:00:00Z"}]}"#;
    fs::write(&path, bad).unwrap();
    let opened = Store::open(&path, "c");
    assert!(
        opened.notes[0].contains("annotation id is empty"),
        "{:?}",
        opened.notes
    );
}

/// A W3C Web Annotation export of a file is imported back to the same annotations.
#[test]
fn w3c_export_imports_back() {
    use dossier::annotations::w3c;
    let mut a = ann("$81 million", "amount", "first figure");
    a.author = "Ana".into();
    let mut b = ann("Bangladesh", "victim", "");
    b.id = dossier::annotations::AnnotationId::parse("hyp-3f2a9c1d").unwrap();
    let doc = w3c::export(&[a.clone(), b.clone()], "corpus", &w3c::article_urn);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let back = w3c::import(&text, &|_| None).unwrap();
    assert_eq!(back, vec![a, b]);
}
