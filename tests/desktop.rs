//! Desktop integration: `dossier install-desktop` / `uninstall-desktop` and the library behind
//! them, checked in throw-away XDG data folders.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::desktop;

const SIZES: [u32; 5] = [32, 64, 128, 256, 512];

fn shipped_entry() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/dossier.desktop")
}

/// Runs the real binary with its XDG data folder in `data_home` (and `HOME` beside it, so that
/// nothing can reach the real home folder).
fn run_dossier(command: &str, xdg_data_home: &str, home: &Path) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg(command)
        .env("XDG_DATA_HOME", xdg_data_home)
        .env("HOME", home)
        .current_dir(home)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dossier {command} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The value of `key` in the `[Desktop Entry]` group, as written.
fn entry_value(entry: &str, key: &str) -> Option<String> {
    let mut in_main = false;
    for line in entry.lines() {
        if line.starts_with('[') {
            in_main = line == "[Desktop Entry]";
        } else if in_main
            && let Some((k, v)) = line.split_once('=')
            && k.trim() == key
        {
            return Some(v.trim().to_owned());
        }
    }
    None
}

/// Splits an `Exec` value into arguments the way a launcher does (Desktop Entry Specification:
/// string unescaping, then quoting, then `%%`), keeping field codes as they are.
fn parse_exec(value: &str) -> Vec<String> {
    // The `string` type's escapes.
    let mut unescaped = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('s') => unescaped.push(' '),
                Some('n') => unescaped.push('\n'),
                Some('t') => unescaped.push('\t'),
                Some('r') => unescaped.push('\r'),
                Some(other) => unescaped.push(other),
                None => panic!("dangling backslash in {value:?}"),
            }
        } else {
            unescaped.push(c);
        }
    }
    // Arguments, quoted or bare.
    let mut args = Vec::new();
    let mut chars = unescaped.chars().peekable();
    loop {
        while chars.peek() == Some(&' ') {
            chars.next();
        }
        let Some(&first) = chars.peek() else { break };
        let mut arg = String::new();
        if first == '"' {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => {
                        let c = chars.next().expect("escape inside quotes");
                        assert!(matches!(c, '"' | '`' | '$' | '\\'), "bad escape \\{c}");
                        arg.push(c);
                    }
                    Some(c) => arg.push(c),
                    None => panic!("unterminated quote in {value:?}"),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                assert!(
                    c != '"' && c != '\\',
                    "unquoted reserved character in {value:?}"
                );
                arg.push(c);
                chars.next();
            }
        }
        args.push(arg);
    }
    args.into_iter()
        .map(|a| if a == "%F" { a } else { a.replace("%%", "%") })
        .collect()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.len() > 24, "too short for a PNG");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "first chunk is not IHDR");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = BTreeSet::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

fn expected_relative_paths() -> BTreeSet<PathBuf> {
    let mut paths: BTreeSet<PathBuf> = SIZES
        .iter()
        .map(|s| PathBuf::from(format!("icons/hicolor/{s}x{s}/apps/dossier.png")))
        .collect();
    paths.insert("applications/dossier.desktop".into());
    paths.insert("icons/hicolor/scalable/apps/dossier.svg".into());
    paths
}

/// Caches the desktop tools write beside our files (when installed); not ours to remove.
fn is_tool_cache(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("mimeinfo.cache" | "icon-theme.cache")
    )
}

/// `desktop-file-validate` on `path`, or `None` when the tool is not installed.
fn validate(path: &Path) -> Option<()> {
    match Command::new("desktop-file-validate").arg(path).output() {
        Ok(out) => {
            assert!(
                out.status.success() && out.stdout.is_empty(),
                "desktop-file-validate {}: {}{}",
                path.display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            Some(())
        }
        Err(_) => {
            eprintln!("note: desktop-file-validate is not installed; validation skipped");
            None
        }
    }
}

fn check_icons(data_home: &Path) {
    for size in SIZES {
        let path = data_home.join(format!("icons/hicolor/{size}x{size}/apps/dossier.png"));
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(png_size(&bytes), (size, size), "{}", path.display());
    }
    let svg =
        std::fs::read_to_string(data_home.join("icons/hicolor/scalable/apps/dossier.svg")).unwrap();
    assert!(svg.contains("<svg"), "the scalable icon is not an SVG");
}

#[test]
fn shipped_entry_is_valid_and_launches_dossier() {
    let text = std::fs::read_to_string(shipped_entry()).unwrap();
    assert_eq!(entry_value(&text, "Name").as_deref(), Some("Dossier"));
    assert_eq!(entry_value(&text, "Icon").as_deref(), Some("dossier"));
    assert_eq!(
        entry_value(&text, "StartupWMClass").as_deref(),
        Some("dossier")
    );
    assert_eq!(
        parse_exec(&entry_value(&text, "Exec").unwrap()),
        ["dossier", "%F"]
    );
    let mime = entry_value(&text, "MimeType").unwrap();
    let declared: Vec<&str> = mime.split(';').filter(|m| !m.is_empty()).collect();
    for m in ["text/markdown", "text/csv", "application/x-ndjson"] {
        assert!(declared.contains(&m), "MimeType lacks {m}");
    }
    // Declaring a generic type makes Dossier the opener of every folder, text, web page or JSON
    // file on some desktops ("Show in file manager" would open Dossier).
    for generic in [
        "inode/directory",
        "text/plain",
        "text/html",
        "application/json",
    ] {
        assert!(!declared.contains(&generic), "MimeType declares {generic}");
    }
    validate(&shipped_entry());
}

#[test]
fn shipped_icons_have_their_stated_sizes() {
    for (size, png) in desktop::ICON_PNGS {
        assert_eq!(png_size(png), (*size, *size));
    }
    let sizes: Vec<u32> = desktop::ICON_PNGS.iter().map(|(s, _)| *s).collect();
    assert_eq!(sizes, SIZES);
}

#[test]
fn library_install_writes_entry_and_icons_then_uninstall_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let data_home = dir.path().join("data");
    let exe = Path::new("/opt/dossier/bin/dossier");

    let written = desktop::install(&data_home, exe).unwrap();
    let written_rel: BTreeSet<PathBuf> = written
        .iter()
        .map(|p| p.strip_prefix(&data_home).unwrap().to_path_buf())
        .collect();
    assert_eq!(written_rel, expected_relative_paths());
    assert_eq!(files_under(&data_home), expected_relative_paths());

    let entry = std::fs::read_to_string(data_home.join("applications/dossier.desktop")).unwrap();
    assert_eq!(
        parse_exec(&entry_value(&entry, "Exec").unwrap()),
        ["/opt/dossier/bin/dossier", "%F"]
    );
    assert_eq!(
        entry_value(&entry, "TryExec").as_deref(),
        Some("/opt/dossier/bin/dossier")
    );
    check_icons(&data_home);

    // Installing again replaces rather than fails.
    assert_eq!(desktop::install(&data_home, exe).unwrap(), written);

    // Someone else's files in the same folders stay.
    let other_entry = data_home.join("applications/other.desktop");
    let other_icon = data_home.join("icons/hicolor/256x256/apps/other.png");
    std::fs::write(&other_entry, "[Desktop Entry]\n").unwrap();
    std::fs::write(&other_icon, b"png").unwrap();

    let removed = desktop::uninstall(&data_home).unwrap();
    assert_eq!(removed, written);
    let left = files_under(&data_home);
    assert_eq!(
        left,
        BTreeSet::from([
            PathBuf::from("applications/other.desktop"),
            PathBuf::from("icons/hicolor/256x256/apps/other.png"),
        ])
    );
    // A second uninstall has nothing to do and is not an error.
    assert!(desktop::uninstall(&data_home).unwrap().is_empty());
}

#[test]
fn exec_survives_paths_with_spaces_and_reserved_characters() {
    let dir = tempfile::tempdir().unwrap();
    for exe in [
        "/home/ana/My Apps/dossier",
        "/opt/100% \"real\" $HOME `x`/back\\slash/dossier",
        "/opt/tab\there/dossier",
    ] {
        let data_home = dir.path().join("data");
        desktop::install(&data_home, Path::new(exe)).unwrap();
        let installed = data_home.join("applications/dossier.desktop");
        let entry = std::fs::read_to_string(&installed).unwrap();
        assert_eq!(
            parse_exec(&entry_value(&entry, "Exec").unwrap()),
            [exe, "%F"],
            "{entry}"
        );
        validate(&installed);
    }
}

#[test]
fn binary_installs_itself_and_uninstalls_exactly_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let data_home = dir.path().join("xdg data");
    let exe = Path::new(env!("CARGO_BIN_EXE_dossier"))
        .canonicalize()
        .unwrap();

    let out = run_dossier("install-desktop", data_home.to_str().unwrap(), dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    for rel in expected_relative_paths() {
        let path = data_home.join(&rel);
        assert!(path.is_file(), "{} not installed", path.display());
        assert!(
            stdout.contains(&path.display().to_string()),
            "install did not report {}",
            path.display()
        );
    }
    let installed = data_home.join("applications/dossier.desktop");
    let entry = std::fs::read_to_string(&installed).unwrap();
    assert_eq!(
        parse_exec(&entry_value(&entry, "Exec").unwrap()),
        [exe.to_str().unwrap(), "%F"]
    );
    check_icons(&data_home);
    validate(&installed);

    let unrelated = [
        data_home.join("applications/other.desktop"),
        data_home.join("icons/hicolor/64x64/apps/other.png"),
        data_home.join("icons/hicolor/scalable/apps/other.svg"),
    ];
    for path in &unrelated {
        std::fs::write(path, b"not dossier's").unwrap();
    }

    let out = run_dossier("uninstall-desktop", data_home.to_str().unwrap(), dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    for rel in expected_relative_paths() {
        let path = data_home.join(&rel);
        assert!(!path.exists(), "{} left behind", path.display());
        assert!(stdout.contains(&path.display().to_string()));
    }
    let left: BTreeSet<PathBuf> = files_under(&data_home)
        .into_iter()
        .filter(|p| !is_tool_cache(p))
        .collect();
    let unrelated_rel: BTreeSet<PathBuf> = unrelated
        .iter()
        .map(|p| p.strip_prefix(&data_home).unwrap().to_path_buf())
        .collect();
    assert_eq!(left, unrelated_rel);
    for path in &unrelated {
        assert_eq!(std::fs::read(path).unwrap(), b"not dossier's");
    }
}

#[test]
fn binary_falls_back_to_home_when_xdg_data_home_is_relative() {
    let dir = tempfile::tempdir().unwrap();
    run_dossier("install-desktop", "relative/data", dir.path());
    let data_home = dir.path().join(".local/share");
    assert!(data_home.join("applications/dossier.desktop").is_file());
    check_icons(&data_home);
    run_dossier("uninstall-desktop", "relative/data", dir.path());
    assert!(!data_home.join("applications/dossier.desktop").exists());
}

#[test]
fn a_desktop_without_portal_bus_or_zenity_is_told_to_have_no_file_dialog() {
    let empty = tempfile::tempdir().unwrap();
    let path = Some(empty.path().as_os_str().to_owned());
    let missing = desktop::file_dialog_missing_from(None, None, path.clone());
    assert!(missing.unwrap().contains("zenity"));
    // A session bus (the portal's way in) is enough…
    assert_eq!(
        desktop::file_dialog_missing_from(Some("unix:path=/run/bus".into()), None, path),
        None
    );
    // …and so is zenity on the PATH.
    std::fs::write(empty.path().join("zenity"), b"").unwrap();
    assert_eq!(
        desktop::file_dialog_missing_from(None, None, Some(empty.path().as_os_str().to_owned())),
        None
    );
}
