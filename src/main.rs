//! Thin entry point: parse → validate → run → render → exit code.

use clap::Parser;
use smtpprobe::cli::{Cli, ColorChoice, Sub};
use smtpprobe::config::Config;
use smtpprobe::exit;
use std::io::{IsTerminal, Write};

fn main() {
    std::process::exit(real_main());
}

fn real_main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            let code = match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => 0,
                _ => exit::USAGE,
            };
            let _ = e.print();
            return if code == 0 && e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                exit::USAGE
            } else {
                code
            };
        }
    };
    if let Some(Sub::Explain(args)) = &cli.command {
        // Offline and instant: no runtime, no DNS, no network.
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let code = smtpprobe::explain::run(args, &mut out);
        let _ = out.flush();
        return code;
    }
    let cfg = match Config::try_from(&cli.probe) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("smtpprobe: error: {e}");
            eprintln!("Run 'smtpprobe --help' for usage.");
            return exit::USAGE;
        }
    };
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("smtpprobe: cannot start the async runtime: {e}");
            return exit::USAGE;
        }
    };
    let mut report = rt.block_on(smtpprobe::probe::run(&cfg));
    smtpprobe::report::thresholds::apply(&mut report, &cfg.thresholds);
    let color = match cfg.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            cfg.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let render = |out: &mut dyn Write| {
        smtpprobe::report::output::render(&report, cfg.format, color, &cfg.thresholds, out)
    };
    if let Some(path) = &cfg.output {
        let mut buf = Vec::new();
        let written =
            render(&mut buf).and_then(|()| smtpprobe::report::output::write_atomically(path, &buf));
        if let Err(e) = written {
            // Even with --quiet: a report file that silently stops updating is worse.
            eprintln!("smtpprobe: cannot write {}: {e}", path.display());
            return exit::USAGE;
        }
        return report.exit_code;
    }
    if cfg.quiet {
        return report.exit_code;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = render(&mut out);
    let _ = out.flush();
    if let Err(e) = result {
        // A closed pipe (e.g. `| head`) is not a probe failure.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("smtpprobe: cannot write the report: {e}");
        }
    }
    report.exit_code
}
