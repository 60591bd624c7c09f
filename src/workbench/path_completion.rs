//! Completing a typed path, for opening a corpus where no file dialog can open: the entries of
//! the typed folder whose names start with what follows the last `/`, folders first. Reads the
//! disk: run it off the UI thread.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

/// `~` and `~/…` through `home`; anything else as typed.
pub fn expand(typed: &str, home: Option<&Path>) -> PathBuf {
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with('/') => home.join(&rest[1..]),
        _ => PathBuf::from(typed),
    }
}

/// Full completions of `typed` (as the user would type them), folders first and ending with `/`,
/// then files; sorted by name; hidden entries only when the typed name starts with a dot; at
/// most `limit`.
pub fn complete(typed: &str, home: Option<&Path>, limit: usize) -> Vec<String> {
    let (dir_part, name_part) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let folder = if dir_part.is_empty() {
        PathBuf::from(".")
    } else {
        expand(dir_part, home)
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut found: Vec<(bool, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let wanted = name.starts_with(name_part)
                && (name_part.starts_with('.') || !name.starts_with('.'));
            wanted.then(|| (e.path().is_dir(), name))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found
        .into_iter()
        .take(limit)
        .map(|(dir, name)| {
            let slash = if dir { "/" } else { "" };
            format!("{dir_part}{name}{slash}")
        })
        .collect()
}

/// The longest start all completions share: what Tab fills in.
pub fn common_prefix(items: &[String]) -> Option<String> {
    let (first, rest) = items.split_first()?;
    let mut prefix = first.as_str();
    for item in rest {
        let shared: usize = prefix
            .chars()
            .zip(item.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        prefix = &prefix[..shared];
    }
    Some(prefix.to_owned())
}

/// The paths a typed line names: one path per line or `;`-separated, `~` expanded.
pub fn paths_of(typed: &str, home: Option<&Path>) -> Vec<PathBuf> {
    typed
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            expand(
                p.trim_end_matches(MAIN_SEPARATOR).trim_end_matches('/'),
                home,
            )
        })
        .map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from("/")
            } else {
                p
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_folders_first_with_a_slash_and_hides_dot_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("news-2021")).unwrap();
        std::fs::write(dir.path().join("news.txt"), b"x").unwrap();
        std::fs::write(dir.path().join(".news-cache"), b"x").unwrap();
        std::fs::write(dir.path().join("other.md"), b"x").unwrap();
        let base = format!("{}/", dir.path().display());
        let typed = format!("{base}ne");
        assert_eq!(
            complete(&typed, None, 10),
            [format!("{base}news-2021/"), format!("{base}news.txt")]
        );
        assert_eq!(complete(&format!("{base}.ne"), None, 10).len(), 1);
        assert_eq!(complete(&typed, None, 1).len(), 1);
        assert!(complete(&format!("{base}missing/x"), None, 10).is_empty());
        let all = complete(&typed, None, 10);
        assert_eq!(common_prefix(&all), Some(format!("{base}news")));
    }

    #[test]
    fn a_tilde_is_the_home_folder_and_paths_split_on_lines_and_semicolons() {
        let home = Path::new("/home/analyst");
        assert_eq!(expand("~", Some(home)), home);
        assert_eq!(expand("~/news", Some(home)), home.join("news"));
        assert_eq!(expand("~other", Some(home)), PathBuf::from("~other"));
        assert_eq!(
            paths_of("~/a/; /b/c.txt\n", Some(home)),
            [home.join("a"), PathBuf::from("/b/c.txt")]
        );
        assert_eq!(paths_of("/", None), [PathBuf::from("/")]);
        assert!(paths_of("  ", None).is_empty());
        assert_eq!(common_prefix(&[]), None);
    }
}
