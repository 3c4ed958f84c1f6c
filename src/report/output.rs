//! Choosing a renderer and delivering its bytes: to a writer (stdout) or atomically to a
//! file, so a reader such as node_exporter's textfile collector never sees half a report.

use super::Report;
use super::thresholds::Thresholds;
use crate::cli::OutputFormat;
use std::io::Write;
use std::path::Path;

/// Renders `report` in `format`. `thresholds` fill the nagios perfdata warn/crit fields.
pub fn render(
    report: &Report,
    format: OutputFormat,
    color: bool,
    thresholds: &Thresholds,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Human => super::human::render(report, color, out),
        OutputFormat::Json => super::json::render(report, out),
        OutputFormat::Nagios => super::nagios::render(report, thresholds, out),
        OutputFormat::Prometheus => super::prometheus::render(report, out),
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
