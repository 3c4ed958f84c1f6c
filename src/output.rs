//! The output sink, at the edge: choosing a renderer for `--format` and delivering its
//! bytes to stdout, to nothing (`--quiet`), or atomically to a file (`--output`), so a
//! reader such as node_exporter's textfile collector never sees half a report. The only
//! place, with `main`, that writes files or decides about colour.

use crate::cli::OutputFormat;
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
    cfg.color
        .enabled(cfg.output.is_none() && std::io::stdout().is_terminal())
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
        OutputFormat::Jsonl => report::bulk::jsonl(report, None, out),
        OutputFormat::Nagios => report::nagios::render(report, thresholds, out),
        OutputFormat::Prometheus => report::prometheus::render(report, out),
    }
}

/// Where bulk mode's records go as each target finishes: stdout, or `--output FILE` opened
/// for appending and flushed after each record (the Prometheus textfile is written once, at
/// the end, atomically, from [`Spill`]). Also keeps the tally for the end summary.
pub struct BulkSink {
    format: OutputFormat,
    file: Option<(std::fs::File, std::path::PathBuf)>,
    quiet: bool,
    /// Set when stdout's reader went away (`| head`): nothing more is written there.
    closed: bool,
    textfile: Option<Spill>,
    textfile_path: Option<std::path::PathBuf>,
    pub tally: report::bulk::Tally,
    /// Each record's rendering, one buffer for the run.
    buf: Vec<u8>,
}

impl BulkSink {
    /// Opens `--output` for appending (a JSONL file whose last line was cut short by an
    /// earlier run that was killed loses that partial line first, so the records appended
    /// stay one per line).
    pub fn open(cfg: &Config) -> Result<BulkSink, OutputError> {
        let prometheus = cfg.format == OutputFormat::Prometheus;
        let file = match &cfg.output {
            Some(path) if !prometheus => {
                let f = open_append(path, cfg.format == OutputFormat::Jsonl).map_err(|source| {
                    OutputError::File {
                        path: path.display().to_string(),
                        source,
                    }
                })?;
                Some((f, path.clone()))
            }
            _ => None,
        };
        Ok(BulkSink {
            format: cfg.format,
            file,
            quiet: cfg.quiet,
            closed: false,
            textfile: prometheus.then(Spill::default),
            textfile_path: if prometheus { cfg.output.clone() } else { None },
            tally: report::bulk::Tally::default(),
            buf: Vec::with_capacity(4096),
        })
    }

    /// Delivers the record of input line `line` at once.
    pub fn record(&mut self, r: &Report, line: u64) -> Result<(), OutputError> {
        self.tally.add(r, line);
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let rendered = match self.format {
            OutputFormat::Prometheus => {
                return match &mut self.textfile {
                    Some(t) => t.add(r).map_err(Spill::error),
                    None => Ok(()),
                };
            }
            OutputFormat::Human => report::bulk::human_line(r, line, &mut buf),
            _ => report::bulk::jsonl_into(r, Some(line), &mut buf),
        };
        rendered.map_err(OutputError::Stdout)?;
        let written = match &mut self.file {
            Some((f, path)) => f
                .write_all(&buf)
                .and_then(|()| f.flush())
                .map_err(|source| OutputError::File {
                    path: path.display().to_string(),
                    source,
                }),
            None => self.stdout(&buf),
        };
        // Kept for the next record, unless one huge record left it large.
        if buf.capacity() <= 64 * 1024 {
            self.buf = buf;
        }
        written
    }

    fn stdout(&mut self, bytes: &[u8]) -> Result<(), OutputError> {
        if self.quiet || self.closed {
            return Ok(());
        }
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        match out.write_all(bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(OutputError::Stdout(e)),
            Ok(()) => Ok(()),
        }
    }

    /// Ends the run: writes the Prometheus textfile (atomically to `--output`), syncs the
    /// output file.
    pub fn finish(&mut self) -> Result<(), OutputError> {
        if let Some(t) = self.textfile.take() {
            match &self.textfile_path {
                Some(path) => {
                    replace_with(path, |f| t.write(f)).map_err(|source| OutputError::File {
                        path: path.display().to_string(),
                        source,
                    })?;
                }
                None if self.quiet || self.closed => {}
                None => {
                    let stdout = std::io::stdout();
                    let mut out = std::io::BufWriter::new(stdout.lock());
                    match t.write(&mut out).and_then(|()| out.flush()) {
                        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                            return Err(OutputError::Stdout(e));
                        }
                        _ => {}
                    }
                }
            }
        }
        // A regular file only: `-o /dev/null` cannot be synced (EINVAL), and needs not be.
        if let Some((f, path)) = &self.file
            && f.metadata().is_ok_and(|m| m.is_file())
        {
            f.sync_all().map_err(|source| OutputError::File {
                path: path.display().to_string(),
                source,
            })?;
        }
        Ok(())
    }
}

/// Bulk mode's Prometheus samples on their way to one textfile: after each report, each
/// family's new lines go to a temporary file of that family's own (created in the temporary
/// directory, `TMPDIR`, and already unlinked, so nothing is left behind), so memory stays
/// flat in the number of targets; at the end each family is written once, HELP and TYPE
/// first, as the exposition format requires.
#[derive(Default)]
struct Spill {
    series: report::prometheus::Textfile,
    files: Vec<Option<std::io::BufWriter<std::fs::File>>>,
}

impl Spill {
    fn add(&mut self, r: &Report) -> std::io::Result<()> {
        self.series.add(r);
        let files = &mut self.files;
        self.series.take(|i, lines| {
            if files.len() <= i {
                files.resize_with(i + 1, || None);
            }
            let f = match &mut files[i] {
                Some(f) => f,
                slot => slot.insert(std::io::BufWriter::new(tempfile::tempfile()?)),
            };
            f.write_all(lines)
        })
    }

    /// The textfile: each family that has samples, its header first.
    fn write(self, out: &mut dyn Write) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        for (i, f) in self.files.into_iter().enumerate() {
            let Some(f) = f else { continue };
            let mut f = f
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            f.seek(SeekFrom::Start(0))?;
            self.series.header(i, out)?;
            std::io::copy(&mut f, out)?;
        }
        Ok(())
    }

    fn error(source: std::io::Error) -> OutputError {
        OutputError::File {
            path: format!(
                "a temporary file in {} (the Prometheus samples)",
                std::env::temp_dir().display()
            ),
            source,
        }
    }
}

/// Opens `path` for appending, creating it; with `whole_lines`, first cuts a last line that
/// has no line feed (a record an earlier, killed run left half-written).
fn open_append(path: &Path, whole_lines: bool) -> std::io::Result<std::fs::File> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    if !whole_lines {
        return Ok(f);
    }
    let len = f.metadata()?.len();
    let mut end = len;
    let mut block = [0u8; 8192];
    while end > 0 {
        let start = end.saturating_sub(block.len() as u64);
        let n = usize::try_from(end - start).unwrap_or(0);
        f.seek(SeekFrom::Start(start))?;
        f.read_exact(&mut block[..n])?;
        if let Some(i) = block[..n].iter().rposition(|b| *b == b'\n') {
            end = start + i as u64 + 1;
            break;
        }
        end = start;
    }
    if end < len {
        f.set_len(end)?;
    }
    Ok(f)
}

/// Replaces `path` with `bytes` atomically: writes a temporary file in the same directory
/// (same file system, so the rename is atomic), syncs it, then renames it over `path`.
/// The temporary name starts with `.` and ends in `.tmp`, so collectors that read `*.prom`
/// ignore it. On any failure the temporary file is removed and `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_with(path, |f| f.write_all(bytes))
}

/// [`write_atomically`] with what `write` writes (through a buffer).
fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
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
        let f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        let mut buffered = std::io::BufWriter::new(f);
        write(&mut buffered)?;
        let f = buffered
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
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
    fn appending_cuts_a_half_written_last_line_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, "{\"line\":1}\n{\"line\":2}\n{\"li").unwrap();
        let mut f = open_append(&path, true).unwrap();
        f.write_all(b"{\"line\":3}\n").unwrap();
        drop(f);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"line\":1}\n{\"line\":2}\n{\"line\":3}\n"
        );
        // Whole lines are kept as they are; a file of one partial line becomes empty.
        drop(open_append(&path, true).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 3);
        std::fs::write(&path, "{\"li").unwrap();
        drop(open_append(&path, true).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }

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
