//! Thin entry point: parse → config → run → assess → output → exit code.

use clap::Parser;
use smtpprobe::cli::{Cli, Sub};
use smtpprobe::config::Config;
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
        Err(e) => return clap_exit(&smtpprobe::config::cut_clap_error(e)),
    };
    if let Some(Sub::Explain(args)) = &cli.command {
        return explain(args);
    }
    let cfg = match Config::try_from(&cli.probe) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("smtpprobe: error: {e}");
            eprintln!("Run 'smtpprobe --help' for usage.");
            return code_byte(exit::USAGE);
        }
    };
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("smtpprobe: cannot start the async runtime: {e}");
            return code_byte(exit::USAGE);
        }
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
