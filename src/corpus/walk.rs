//! Which files a load reads: the paths named, and the files found under named folders.
//!
//! Folders are walked recursively in sorted order (so loads are deterministic). Hidden files and
//! folders are skipped, and so are files that are clearly not articles: a corpus's own
//! documentation (`README*`, `LICENSE*`, `SOURCES.md`, …), Dossier's annotation files, backups
//! and editor leftovers, and web-page assets (images, fonts, style sheets, scripts). Every other
//! file is read, so a binary file among the articles is reported, not silently ignored. A file
//! named explicitly is always read. Symbolic links are followed; a link loop is reported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::LoadError;

/// A file to read, and the root it was found under (itself when named explicitly).
#[derive(Clone, Debug)]
pub struct FileToLoad {
    pub path: PathBuf,
    pub root: PathBuf,
}

/// Stems (lowercase, before any extension) of documentation files that describe a corpus.
const DOC_STEMS: &[&str] = &[
    "readme",
    "license",
    "licence",
    "copying",
    "sources",
    "changelog",
    "notice",
    "authors",
    "contributing",
];
/// Extensions (lowercase) of files that are never articles.
const NOT_ARTICLES: &[&str] = &[
    "bak",
    "orig",
    "swp",
    "swo",
    "tmp",
    "part",
    "crdownload",
    "lock",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "svg",
    "ico",
    "bmp",
    "tif",
    "tiff",
    "avif",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "eot",
    "css",
    "js",
    "mjs",
    "map",
    "jsonld",
];
/// File names that are never articles.
const NOT_ARTICLE_NAMES: &[&str] = &["thumbs.db", "desktop.ini"];
/// Dossier's own annotation and decision files (`dossier-annotations.json`,
/// `dossier-decisions.json`, their `.bak`, temporary and `.recovered-…` copies) start with these.
const OWN_FILE_PREFIXES: [&str; 2] = ["dossier-annotations", "dossier-decisions"];

/// The files to read for `paths`, in order, and the paths that could not be walked.
pub fn files_to_load(paths: &[PathBuf]) -> (Vec<FileToLoad>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |files: &mut Vec<FileToLoad>, path: PathBuf, root: &Path| {
        if seen.insert(path.clone()) {
            files.push(FileToLoad {
                path,
                root: root.to_owned(),
            });
        }
    };
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => errors.push(LoadError {
                path: root.clone(),
                message: format!("cannot open: {e}"),
            }),
            Ok(meta) if !meta.is_dir() => push(&mut files, root.clone(), root),
            Ok(_) => {
                let walker = WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
                for entry in walker {
                    match entry {
                        // FIFOs, devices and sockets are listed too, so that the load names
                        // them instead of silently passing over them (it never reads them).
                        Ok(entry) if !entry.file_type().is_dir() => {
                            if !is_not_an_article(entry.path()) {
                                push(&mut files, entry.into_path(), root);
                            }
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(LoadError {
                            path: e.path().unwrap_or(root).to_owned(),
                            message: format!("cannot read folder: {e}"),
                        }),
                    }
                }
            }
        }
    }
    (files, errors)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// True for files met while walking a folder that are clearly not articles (see module docs).
pub fn is_not_an_article(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let stem = name.split('.').next().unwrap_or("");
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    DOC_STEMS.contains(&stem)
        || NOT_ARTICLE_NAMES.contains(&name.as_str())
        || OWN_FILE_PREFIXES.iter().any(|p| name.starts_with(p))
        || NOT_ARTICLES.contains(&extension.as_str())
        || name.ends_with('~')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_and_assets_are_not_articles() {
        for name in [
            "README.TXT",
            "readme.md",
            "SOURCES.md",
            "LICENSE",
            "dossier-annotations.json",
            "dossier-annotations.recovered-20260101-120000.json",
            "dossier-decisions.json",
            "dossier-decisions.json.bak",
            "annotations.jsonld",
            "notes.txt.bak",
            "draft.md~",
            "logo.png",
            "page_files/style.css",
        ] {
            assert!(is_not_an_article(Path::new(name)), "{name}");
        }
        for name in [
            "001.txt",
            "news.jsonl",
            "readers-letters.txt",
            "data.json",
            "page.html",
            "notes",
        ] {
            assert!(!is_not_an_article(Path::new(name)), "{name}");
        }
    }
}
