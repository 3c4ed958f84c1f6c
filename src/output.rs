//! The output sink, at the edge: choosing a renderer for `--format` and delivering its
//! bytes to stdout, to nothing (`--quiet`), or atomically to a file (`--output`), so a
//! reader such as node_exporter's textfile collector never sees half a report. The only
//! place, with `main`, that writes files or decides about colour.

use crate::cli::{ColorChoice, OutputFormat};
use crate::config::Config;
use crate::report::{self, Report};
use crate::thresholds::Thresholds;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Why the report could not be delivered.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// `--output FILE` could not be written (reported even with `--quiet`: a report file
    /// that silently stops updating is worse).
    #[error("cannot write {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write the report: {0}")]
    Stdout(std::io::Error),
}

/// Colour only for people: a terminal on stdout, no `--output`, and no `NO_COLOR`.
fn wants_color(cfg: &Config) -> bool {
    match cfg.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            cfg.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Delivers `report` as the configuration asks. A closed stdout pipe (`| head`) is not an
/// error: the reader has what it wanted.
pub fn deliver(report: &Report, cfg: &Config) -> Result<(), OutputError> {
    let color = wants_color(cfg);
    if let Some(path) = &cfg.output {
        let mut buf = Vec::new();
        render(report, cfg.format, color, &cfg.thresholds, &mut buf)
            .and_then(|()| write_atomically(path, &buf))
            .map_err(|source| OutputError::File {
                path: path.display().to_string(),
                source,
            })?;
        return Ok(());
    }
    if cfg.quiet {
        return Ok(());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = render(report, cfg.format, color, &cfg.thresholds, &mut out);
    let _ = out.flush();
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(OutputError::Stdout(e)),
        _ => Ok(()),
    }
}

/// Renders `report` in `format`. `thresholds` fill the nagios perfdata warn/crit fields.
pub fn render(
    report: &Report,
    format: OutputFormat,
    color: bool,
    thresholds: &Thresholds,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Human => report::human::render(report, color, out),
        OutputFormat::Json => report::json::render(report, out),
        OutputFormat::Nagios => report::nagios::render(report, thresholds, out),
        OutputFormat::Prometheus => report::prometheus::render(report, out),
    }
}

/// Replaces `path` with `bytes` atomically: writes a temporary file in the same directory
/// (same file system, so the rename is atomic), syncs it, then renames it over `path`.
/// The temporary name starts with `.` and ends in `.tmp`, so collectors that read `*.prom`
/// ignore it. On any failure the temporary file is removed and `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(
        ".{}.{}.{nanos}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("smtp.prom");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new contents\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new contents\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("smtp.prom")]);
    }

    #[test]
    fn failed_atomic_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be: the rename fails.
        let path = dir.path().join("taken");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inside"), "x").unwrap();
        assert!(write_atomically(&path, b"data").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("taken")]);
    }
}
