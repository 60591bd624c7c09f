//! Desktop integration on Linux and other freedesktop systems: installs the `.desktop` entry and
//! the hicolor icons into the user's XDG data directory, and removes them again.
//!
//! The entry template and the icons are compiled into the binary so that an installed `dossier`
//! can integrate itself from anywhere, without the source tree.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The application id: the entry's file name, the icon name and the window's app id.
pub const APP_ID: &str = "dossier";

/// The shipped desktop entry; its `Exec` and `TryExec` are rewritten on install.
const ENTRY_TEMPLATE: &str = include_str!("../assets/dossier.desktop");

/// The scalable icon source.
const ICON_SVG: &[u8] = include_bytes!("../assets/icons/dossier.svg");

/// The rendered icons, by size in pixels.
pub const ICON_PNGS: &[(u32, &[u8])] = &[
    (32, include_bytes!("../assets/icons/dossier-32.png")),
    (64, include_bytes!("../assets/icons/dossier-64.png")),
    (128, include_bytes!("../assets/icons/dossier-128.png")),
    (256, include_bytes!("../assets/icons/dossier-256.png")),
    (512, include_bytes!("../assets/icons/dossier-512.png")),
];

/// What can go wrong while installing or removing the desktop files.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error("cannot create the folder {}: {source}", path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot remove {}: {source}", path.display())]
    Remove { path: PathBuf, source: io::Error },
    #[error("cannot find the path of the running program: {0}")]
    CurrentExe(io::Error),
    #[error("the program path {} is not absolute", path.display())]
    RelativeExe { path: PathBuf },
    #[error("the program path {} is not valid UTF-8, which a desktop entry cannot hold", path.display())]
    NotUtf8 { path: PathBuf },
}

/// The user's data directory by the XDG base-directory rules: `$XDG_DATA_HOME` when it is set to
/// an absolute path, else `$HOME/.local/share`; `None` when neither is usable.
pub fn data_home() -> Option<PathBuf> {
    data_home_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// [`data_home`] with the two variables passed in, so the rule can be checked without touching
/// the process environment. Relative values are ignored, as the spec requires.
pub fn data_home_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(xdg_data_home).or_else(|| absolute(home).map(|h| h.join(".local/share")))
}

/// Why no native file dialog can open on this desktop, when that can be told beforehand. On Linux
/// and the BSDs the dialog is the desktop portal, reached over the D-Bus session bus, or else
/// `zenity`; a minimal window manager may offer neither. Elsewhere the system always has one.
/// Looks at the disk (`PATH`): call it off the UI thread.
pub fn file_dialog_missing() -> Option<String> {
    if cfg!(all(unix, not(target_os = "macos"))) {
        file_dialog_missing_from(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS"),
            std::env::var_os("XDG_RUNTIME_DIR"),
            std::env::var_os("PATH"),
        )
    } else {
        None
    }
}

/// [`file_dialog_missing`] with the variables passed in.
pub fn file_dialog_missing_from(
    bus_address: Option<OsString>,
    runtime_dir: Option<OsString>,
    path: Option<OsString>,
) -> Option<String> {
    let has_bus = bus_address.is_some_and(|a| !a.is_empty())
        || runtime_dir.is_some_and(|d| Path::new(&d).join("bus").exists());
    let has_zenity =
        path.is_some_and(|p| std::env::split_paths(&p).any(|dir| dir.join("zenity").is_file()));
    (!has_bus && !has_zenity).then(|| {
        "No file dialog can open here (no D-Bus session for a desktop portal, and no zenity)"
            .to_owned()
    })
}

/// The running program's absolute, canonical path: what the installed entry launches.
pub fn current_exe() -> Result<PathBuf, DesktopError> {
    std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(DesktopError::CurrentExe)
}

/// Every file [`install`] writes under `data_home`, in the order it writes them. [`uninstall`]
/// removes exactly these.
pub fn installed_paths(data_home: &Path) -> Vec<PathBuf> {
    let icons = data_home.join("icons/hicolor");
    let mut paths = vec![entry_path(data_home)];
    for (size, _) in ICON_PNGS {
        paths.push(icons.join(format!("{size}x{size}/apps/{APP_ID}.png")));
    }
    paths.push(icons.join(format!("scalable/apps/{APP_ID}.svg")));
    paths
}

fn entry_path(data_home: &Path) -> PathBuf {
    data_home.join(format!("applications/{APP_ID}.desktop"))
}

/// Writes the desktop entry (launching `exe`) and the icons under `data_home`, replacing earlier
/// copies, and returns the files written. Does not refresh the desktop caches: see
/// [`refresh_caches`].
pub fn install(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let entry = render_entry(exe)?;
    let paths = installed_paths(data_home);
    let contents = std::iter::once(entry.as_bytes())
        .chain(ICON_PNGS.iter().map(|(_, png)| *png))
        .chain(std::iter::once(ICON_SVG));
    for (path, bytes) in paths.iter().zip(contents) {
        write_file(path, bytes)?;
    }
    Ok(paths)
}

/// Removes the files [`install`] writes under `data_home` (and nothing else: folders and other
/// files stay). Returns the files that were there and are now gone.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    for path in installed_paths(data_home) {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { path, source }),
        }
    }
    Ok(removed)
}

/// The shipped entry with `Exec` (and `TryExec`) pointing at `exe`. `exe` must be absolute and
/// UTF-8; it is quoted and escaped as the Desktop Entry Specification asks.
pub fn render_entry(exe: &Path) -> Result<String, DesktopError> {
    if !exe.is_absolute() {
        return Err(DesktopError::RelativeExe {
            path: exe.to_path_buf(),
        });
    }
    let exe_str = exe.to_str().ok_or_else(|| DesktopError::NotUtf8 {
        path: exe.to_path_buf(),
    })?;
    let exec = format!("{} %F", escape_string(&exec_argument(exe_str)));
    let try_exec = escape_string(exe_str);
    let mut out = String::with_capacity(ENTRY_TEMPLATE.len() + 2 * exe_str.len());
    let mut in_main_group = false;
    for line in ENTRY_TEMPLATE.lines() {
        if line.starts_with('[') {
            in_main_group = line == "[Desktop Entry]";
        }
        match line.split_once('=') {
            Some((key, _)) if in_main_group && key.trim_end() == "Exec" => {
                out.push_str("Exec=");
                out.push_str(&exec);
            }
            Some((key, _)) if in_main_group && key.trim_end() == "TryExec" => {
                out.push_str("TryExec=");
                out.push_str(&try_exec);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    Ok(out)
}

/// One argument of an `Exec` key: quoted when it holds a reserved character, with `"`, `` ` ``,
/// `$` and `\` backslash-escaped inside the quotes, and `%` doubled (it starts field codes).
fn exec_argument(arg: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(',
        ')', '`',
    ];
    let quoted = if arg.contains(RESERVED) {
        let mut q = String::with_capacity(arg.len() + 2);
        q.push('"');
        for c in arg.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        arg.to_owned()
    };
    quoted.replace('%', "%%")
}

/// Escapes a value of type `string` in a desktop entry (the layer under `Exec`'s own quoting).
fn escape_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), DesktopError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| DesktopError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, bytes).map_err(|source| DesktopError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Asks the desktop to notice the change: `update-desktop-database` on the applications folder,
/// and the hicolor icon cache. Missing tools and their failures are not errors (the files are in
/// place either way); the returned lines say what happened, for the user.
pub fn refresh_caches(data_home: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    let applications = data_home.join("applications");
    if applications.is_dir() {
        notes.extend(run_tool(
            "update-desktop-database",
            &[applications.as_os_str()],
        ));
    }
    let hicolor = data_home.join("icons/hicolor");
    if hicolor.is_dir() {
        // GTK ignores an icon cache older than its theme folder: touching the folder makes a
        // stale cache harmless even when no tool runs (what xdg-icon-resource does too).
        touch_dir(&hicolor);
        // Only keep a cache up to date where one is wanted; creating one in a folder nobody
        // maintains would hide icons that other programs install later.
        if hicolor.join("index.theme").is_file() || hicolor.join("icon-theme.cache").is_file() {
            notes.extend(run_tool(
                "gtk-update-icon-cache",
                &["-f".as_ref(), "-t".as_ref(), hicolor.as_os_str()],
            ));
        }
    }
    notes
}

/// Updates a folder's modification time by creating and removing a scratch file in it.
fn touch_dir(dir: &Path) {
    let scratch = dir.join(".dossier-touch");
    if std::fs::write(&scratch, b"").is_ok() {
        let _ = std::fs::remove_file(&scratch);
    }
}

/// Runs a helper tool quietly; `None` when it is not installed.
fn run_tool(tool: &str, args: &[&std::ffi::OsStr]) -> Option<String> {
    let status = Command::new(tool)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => Some(format!("ran {tool}")),
        Ok(s) => Some(format!("{tool} failed ({s}); ignored")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => Some(format!("could not run {tool} ({e}); ignored")),
    }
}

// The paths below are Unix paths; the module only matters on freedesktop systems.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn xdg_data_home_wins_when_absolute() {
        let got = data_home_from(Some("/x/data".into()), Some("/home/u".into()));
        assert_eq!(got, Some(PathBuf::from("/x/data")));
    }

    #[test]
    fn relative_or_empty_xdg_data_home_falls_back_to_home() {
        for xdg in [
            Some(OsString::from("rel/data")),
            Some(OsString::new()),
            None,
        ] {
            let got = data_home_from(xdg, Some("/home/u".into()));
            assert_eq!(got, Some(PathBuf::from("/home/u/.local/share")));
        }
        assert_eq!(data_home_from(None, None), None);
        assert_eq!(data_home_from(None, Some("relative".into())), None);
    }

    #[test]
    fn plain_paths_are_not_quoted() {
        assert_eq!(exec_argument("/usr/bin/dossier"), "/usr/bin/dossier");
    }

    #[test]
    fn reserved_characters_are_quoted_and_escaped() {
        assert_eq!(
            exec_argument("/opt/my apps/dossier"),
            "\"/opt/my apps/dossier\""
        );
        assert_eq!(exec_argument("/a $b/\"c\""), "\"/a \\$b/\\\"c\\\"\"");
        assert_eq!(exec_argument("/100%/dossier"), "/100%%/dossier");
        // The string layer doubles the backslash again.
        assert_eq!(
            escape_string(&exec_argument("/a\\b c")),
            "\"/a\\\\\\\\b c\""
        );
    }

    #[test]
    fn relative_exe_is_refused() {
        assert!(matches!(
            render_entry(Path::new("target/dossier")),
            Err(DesktopError::RelativeExe { .. })
        ));
    }
}
