//! Thin entry point: parse → config → run → assess → output → exit code.

/// mimalloc: bulk runs allocate and free many small buffers a probe; measured with
/// scripts/bench-bulk.sh on a quiet machine it cuts smtpprobe's CPU a probe by domain
/// 218 -> 181 us (3,672 -> 4,286 probes/s) for peak RSS 26.6 -> 35.2 MiB, under the
/// 64 MiB goal at -j 1000 now that round 4 halved the lookups' futures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use smtpprobe::cli::{Cli, Sub};
use smtpprobe::config::{BulkConfig, Input, Mode, WatchConfig};
use smtpprobe::{exit, output, run};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(real_main())
}

/// `smtpprobe explain`: offline and instant (no runtime, no DNS, no network). Standard
/// input is read for `explain -` and `explain --log -`; a `--log FILE` is opened here.
fn explain(args: &smtpprobe::cli::ExplainArgs) -> u8 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    let code = match args.log.as_deref() {
        Some(path) if path != "-" => match std::fs::File::open(path) {
            Ok(f) => {
                let mut reader = std::io::BufReader::with_capacity(1 << 16, f);
                smtpprobe::explain::run_with(args, &mut reader, &mut out, &mut err)
            }
            Err(e) => {
                eprintln!(
                    "smtpprobe: error: cannot open the log {path}: {e}; give a readable file or - for standard input"
                );
                exit::USAGE
            }
        },
        _ => {
            let stdin = std::io::stdin();
            let mut reader = stdin.lock();
            smtpprobe::explain::run_with(args, &mut reader, &mut out, &mut err)
        }
    };
    let _ = out.flush();
    code_byte(code)
}

fn real_main() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            if let Some(line) = smtpprobe::config::pasted_line_error(&e) {
                eprintln!("smtpprobe: {line}");
                return code_byte(exit::USAGE);
            }
            return clap_exit(&smtpprobe::config::cut_clap_error(e));
        }
    };
    if let Some(Sub::Explain(args)) = &cli.command {
        return explain(args);
    }
    match &cli.command {
        Some(Sub::Demo(args)) => return code_byte(demo_main(args)),
        Some(Sub::Completions { shell }) => return completions(*shell),
        Some(Sub::Man) => return man(),
        Some(Sub::Version { verbose }) => return version(*verbose),
        Some(Sub::Explain(_)) | None => {}
    }
    let cfg = match smtpprobe::config::mode(&cli.probe) {
        Ok(Mode::One(c)) => *c,
        Ok(Mode::Bulk(b)) => return code_byte(bulk_main(&b)),
        Ok(Mode::Watch(w)) => return code_byte(watch_main(&w)),
        Err(e) => {
            eprintln!("smtpprobe: error: {e}");
            eprintln!("Run 'smtpprobe --help' for usage.");
            return code_byte(exit::USAGE);
        }
    };
    let Some(rt) = runtime() else {
        return code_byte(exit::USAGE);
    };
    let env = run::Env::new(&cfg);
    let report = rt.block_on(run::probe(&env, &cfg));
    if let Err(e) = output::deliver(&report, &cfg) {
        eprintln!("smtpprobe: {e}");
        if matches!(e, output::OutputError::File { .. }) {
            return code_byte(exit::USAGE);
        }
    }
    code_byte(report.exit_code)
}

/// `smtpprobe completions SHELL`: the script generated from the clap definitions.
fn completions(shell: clap_complete::Shell) -> u8 {
    use clap::CommandFactory;
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "smtpprobe", &mut out);
    u8::from(out.flush().is_err())
}

/// `smtpprobe man`: the manual page (roff) generated from the clap definitions: the
/// probe's options, then each subcommand with its synopsis and options, the exit status.
fn man() -> u8 {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let mut page = Vec::new();
    let mut written = clap_mangen::Man::new(cmd.clone()).render(&mut page);
    for sub in cmd.get_subcommands() {
        let name = format!("smtpprobe {}", sub.get_name());
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let man = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        let mut part = Vec::new();
        written = written
            .and_then(|()| man.render_synopsis_section(&mut part))
            .and_then(|()| man.render_options_section(&mut part));
        let heading = format!(
            ".SH \"{}\"\n{}\n.PP",
            roff_text(&name.to_uppercase()),
            roff_text(&about)
        );
        let text = String::from_utf8_lossy(&part)
            .replacen(".SH SYNOPSIS", &heading, 1)
            .replace(".SH OPTIONS", ".SS Options");
        page.extend_from_slice(text.as_bytes());
    }
    page.extend_from_slice(
        b".SH \"EXIT STATUS\"\n0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also usage errors). \
`smtpprobe demo` exits with its scenario's status.\n\
.SH \"SEE ALSO\"\n\
`smtpprobe demo` for a first run; the README and docs/ (json.md, monitoring.md, tls.md, \
knowledge.md, packaging.md), installed in /usr/share/doc/smtpprobe by the Debian package.\n",
    );
    let mut out = std::io::stdout().lock();
    let written = written
        .and_then(|()| out.write_all(&page))
        .and_then(|()| out.flush());
    u8::from(written.is_err())
}

/// Text for a roff line: backslashes and hyphens escaped, a leading `.` or `'` neutralised.
fn roff_text(s: &str) -> String {
    let t = s.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) {
        format!("\\&{t}")
    } else {
        t
    }
}

/// `smtpprobe version [--verbose]`: what a bug report needs.
fn version(verbose: bool) -> u8 {
    println!("smtpprobe {}", env!("CARGO_PKG_VERSION"));
    if verbose {
        println!("commit:     {}", env!("SMTPPROBE_GIT_COMMIT"));
        println!("build date: {}", env!("SMTPPROBE_BUILD_DATE"));
        println!("compiler:   {}", env!("SMTPPROBE_RUSTC"));
        println!("target:     {}", env!("SMTPPROBE_TARGET"));
        println!(
            "TLS:        rustls {} with the ring {} crypto provider",
            env!("SMTPPROBE_RUSTLS_VERSION"),
            env!("SMTPPROBE_RING_VERSION")
        );
        println!("features:   {}", env!("SMTPPROBE_FEATURES"));
    }
    0
}

/// `smtpprobe demo`: the scenario's servers on loopback probed with the real engine, the
/// report rendered like a probe's; exits with the scenario's status.
fn demo_main(args: &smtpprobe::cli::DemoArgs) -> i32 {
    if args.list {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let _ = smtpprobe::demo::list(&mut out);
        let _ = out.flush();
        return 0;
    }
    let Some(rt) = runtime() else {
        return exit::USAGE;
    };
    let (report, cfg) = match rt.block_on(smtpprobe::demo::run(args)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("smtpprobe: demo: {e}");
            return exit::USAGE;
        }
    };
    if let Err(e) = output::deliver(&report, &cfg) {
        eprintln!("smtpprobe: {e}");
    }
    report.exit_code
}

/// Bulk mode: every target of `--targets`, records streamed to the sink, the summary on
/// stderr; the exit code is the worst status over all records, or 128 + the signal when a
/// SIGINT/SIGTERM cut the run short.
fn bulk_main(bulk: &BulkConfig) -> i32 {
    let usage = |e: &dyn std::fmt::Display| {
        eprintln!("smtpprobe: error: {e}");
        exit::USAGE
    };
    let done = match &bulk.resume {
        None => run::bulk::Done::default(),
        Some(path) => match std::fs::File::open(path) {
            // Nothing done yet (the first run of a loop that always passes --resume).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => run::bulk::Done::default(),
            Err(e) => return usage(&format!("--resume {}: {e}", path.display())),
            Ok(f) => match run::bulk::Done::read(std::io::BufReader::new(f)) {
                Ok(d) => d,
                Err(e) => return usage(&format!("--resume {}: {e}", path.display())),
            },
        },
    };
    let mut sink = match output::BulkSink::open(&bulk.base) {
        Ok(s) => s,
        Err(e) => return usage(&e),
    };
    // One thread: the probes are I/O-bound, and on a machine whose other cores serve the
    // servers and resolver (the bench's case) a second worker only added wake-ups and
    // cross-thread hand-offs (measured with scripts/bench-bulk.sh's set-up, 10,000 domains,
    // -j 1000: 15-20% less CPU per probe, about 10 MiB less peak RSS, same throughput).
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return usage(&format!("cannot start the async runtime: {e}")),
    };
    raise_open_files(bulk.base.concurrency, bulk.base.quiet);
    let env = std::sync::Arc::new(run::Env::for_many(&bulk.base, bulk.dedupe_servers));
    let progress = Progress::new(bulk, done.len());
    let quiet = bulk.base.quiet;
    let result = rt.block_on(async {
        let input: Box<dyn tokio::io::AsyncBufRead + Unpin + Send> = match &bulk.input {
            Input::Stdin => Box::new(tokio::io::BufReader::new(tokio::io::stdin())),
            Input::File(path) => match tokio::fs::File::open(path).await {
                Ok(f) => Box::new(tokio::io::BufReader::new(f)),
                Err(e) => {
                    return Err(output::OutputError::Stdout(std::io::Error::new(
                        e.kind(),
                        format!("cannot read --targets {}: {e}", path.display()),
                    )));
                }
            },
        };
        let mut stop = signals(quiet);
        let shared = std::sync::Arc::new(bulk.clone());
        run::bulk::run(env, shared, input, done, &mut stop, |r, line| {
            if let Some(p) = &progress {
                p.tick(r.status);
            }
            sink.record(r, line)
        })
        .await
    });
    if let Some(p) = &progress {
        p.bar.finish_and_clear();
    }
    let ended = match result.and_then(|ended| sink.finish().map(|()| ended)) {
        Ok(e) => e,
        Err(e) => return usage(&e),
    };
    let mut worst = sink.tally.worst;
    if ended.read.error.is_some() {
        worst = worst.merge(exit::Status::Unknown);
    }
    if !quiet {
        bulk_notes(bulk, &sink.tally, &ended);
    }
    match ended.interrupted {
        // Cut short: the shell's 128 + signal, so that a wrapper (a Kubernetes Job, a
        // loop) can tell an unfinished run from a finished one and resume it.
        Some(signal) => 128 + signal,
        None => worst.exit_code(),
    }
}

/// Room for `-j` connections in bulk mode (each also may have a DNS socket, plus files):
/// the soft open-files limit (RLIMIT_NOFILE) raised towards the hard one when it is lower
/// than that; a warning when even the hard limit is lower.
fn raise_open_files(concurrency: usize, quiet: bool) {
    let want = (concurrency as u64) * 2 + 256;
    match rlimit::increase_nofile_limit(want) {
        Ok(got) if got < want && !quiet => eprintln!(
            "smtpprobe: warning: the open-files limit is {got}, below the {want} that -j {concurrency} may need: lower -j or raise the hard limit (ulimit -Hn); connections that find no descriptor are reported as local_resource"
        ),
        _ => {}
    }
}

/// The progress bar of a bulk run: on stderr, only when it is a terminal and not `--quiet`;
/// done / total when the input is a file (its target lines in this shard, less those
/// already done), rate, ETA and counts by status.
struct Progress {
    bar: indicatif::ProgressBar,
    counts: std::cell::Cell<[u64; 4]>,
}

impl Progress {
    fn new(bulk: &BulkConfig, done: usize) -> Option<Progress> {
        use std::io::IsTerminal;
        if bulk.base.quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let total = match &bulk.input {
            Input::File(path) => {
                count_targets(path, bulk.shard).map(|n| n.saturating_sub(done as u64))
            }
            Input::Stdin => None,
        };
        let (bar, template) = match total {
            Some(n) => (
                indicatif::ProgressBar::new(n),
                "{bar:30} {pos}/{len} {per_sec} ETA {eta} {msg}",
            ),
            None => (
                indicatif::ProgressBar::no_length(),
                "{spinner} {pos} targets {per_sec} {msg}",
            ),
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        Some(Progress {
            bar,
            counts: std::cell::Cell::new([0; 4]),
        })
    }

    fn tick(&self, status: exit::Status) {
        let mut c = self.counts.get();
        let i = usize::try_from(status.exit_code()).unwrap_or(3).min(3);
        c[i] += 1;
        self.counts.set(c);
        self.bar.set_message(format!(
            "OK {} WARNING {} CRITICAL {} UNKNOWN {}",
            c[0], c[1], c[2], c[3]
        ));
        self.bar.inc(1);
    }
}

/// The target lines of a file in a shard (a quick pass before the run, for the progress
/// bar's total; memory stays flat).
fn count_targets(path: &std::path::Path, shard: Option<smtpprobe::config::Shard>) -> Option<u64> {
    use std::io::BufRead;
    let f = std::fs::File::open(path).ok()?;
    let mut n = 0;
    for line in std::io::BufReader::new(f).split(b'\n') {
        let line = line.ok()?;
        let text = String::from_utf8_lossy(&line);
        let t = text.trim();
        if !t.is_empty() && !t.starts_with('#') && shard.is_none_or(|s| s.holds(t)) {
            n += 1;
        }
    }
    Some(n)
}

/// Watch mode: one line per round on stdout as it ends, the statistics at the end; the exit
/// code is the worst status seen (Ctrl-C is the normal way to end it).
fn watch_main(w: &WatchConfig) -> i32 {
    use smtpprobe::report::{bulk, watch};
    let Some(rt) = runtime() else {
        return exit::USAGE;
    };
    let env = run::Env::new(&w.cfg);
    let quiet = w.cfg.quiet;
    let jsonl = w.cfg.format == smtpprobe::cli::OutputFormat::Jsonl;
    let mut stats = watch::WatchStats::default();
    let mut prev: Option<smtpprobe::report::Report> = None;
    let stdout = std::io::stdout();
    rt.block_on(async {
        // Ctrl-C ends the watch quietly: the statistics say the rest.
        let mut stop = signals(true);
        run::watch::run(&env, w, &mut stop, |report, round| {
            stats.add(report);
            if !quiet {
                let mut out = stdout.lock();
                let _ = if jsonl {
                    bulk::jsonl(report, None, &mut out)
                } else {
                    let changes = prev
                        .as_ref()
                        .map(|p| watch::changes(p, report))
                        .unwrap_or_default();
                    watch::round_line(report, round, &changes, &mut out)
                };
                let _ = out.flush();
            }
            prev = Some(report.clone());
        })
        .await
    });
    if !quiet {
        let stats_out: &mut dyn Write = &mut if jsonl {
            Box::new(std::io::stderr()) as Box<dyn Write>
        } else {
            Box::new(std::io::stdout())
        };
        let _ = watch::stats(&w.cfg.target_text, &stats, stats_out);
    }
    stats.worst.exit_code()
}

/// The end summary and what was skipped or left undone, on stderr.
fn bulk_notes(bulk: &BulkConfig, tally: &smtpprobe::report::bulk::Tally, ended: &run::bulk::Ended) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let _ = smtpprobe::report::bulk::summary(tally, &mut err);
    let r = &ended.read;
    if r.resumed > 0 {
        let _ = writeln!(
            err,
            "  resumed: {} lines already had a record and were skipped",
            r.resumed
        );
    }
    if let Some(s) = bulk.shard {
        let _ = writeln!(
            err,
            "  shard {}/{}: {} lines belong to other shards",
            s.index, s.count, r.other_shards
        );
    }
    if let Some(e) = &r.error {
        let _ = writeln!(err, "  reading the targets stopped early: {e}");
    }
    if ended.interrupted.is_some() {
        let _ = writeln!(
            err,
            "  interrupted: lines after those started were not probed{}; run again with the same input and --resume <your JSONL output> to do the rest",
            if ended.abandoned > 0 {
                format!(" and {} running targets were abandoned", ended.abandoned)
            } else {
                String::new()
            }
        );
    }
}

/// One message per SIGINT (2) or SIGTERM (15), the signal's number (the first says what
/// happens on stderr).
fn signals(quiet: bool) -> tokio::sync::mpsc::UnboundedReceiver<i32> {
    use tokio::signal::unix::{SignalKind, signal};
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        return rx;
    };
    tokio::spawn(async move {
        let mut first = true;
        loop {
            let signal = tokio::select! {
                _ = int.recv() => 2,
                _ = term.recv() => 15,
            };
            if first && !quiet {
                eprintln!(
                    "smtpprobe: stopping: no new targets; the running ones finish within --max-time (interrupt again to abandon them)"
                );
            }
            first = false;
            if tx.send(signal).is_err() {
                break;
            }
        }
    });
    rx
}

/// Help and version exit 0; every other parse error is a usage error (3, never clap's 2,
/// which monitoring would read as CRITICAL), as is a bare `smtpprobe`.
fn clap_exit(e: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    let _ = e.print();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => 0,
        _ => code_byte(exit::USAGE),
    }
}

/// Exit codes are 0-3; anything else would be a bug, reported as UNKNOWN.
fn code_byte(code: i32) -> u8 {
    u8::try_from(code).unwrap_or(3)
}

/// The single-threaded runtime a probe, the demo or watch mode runs on; `None`, said on
/// stderr, when it cannot start.
fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("smtpprobe: cannot start the async runtime: {e}");
            None
        }
    }
}
