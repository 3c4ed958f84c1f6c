//! `smtpprobe demo`: recorded real conversations (the transcripts in `fixtures/`) replayed
//! by SMTP servers on 127.0.0.1, a DNS answer served in-process, and the real engine
//! probing them — the whole report, on any machine, without network. STARTTLS uses a
//! certificate made for the run by a CA the probe is told to trust.

mod lookup;
mod pki;
mod script;
mod server;

pub use lookup::DemoDns;
pub use script::Script;

use crate::cli::{Cli, DemoArgs, DemoScenario, OutputFormat};
use crate::config::{Config, Mode};
use crate::report::Report;
use crate::run;
use clap::{Parser, ValueEnum};
use std::io::Write;
use std::net::IpAddr;

/// One scenario: which recording plays, as which mail domain, and what the probe asks.
pub struct Scenario {
    pub which: DemoScenario,
    /// What it shows, one line.
    pub about: &'static str,
    /// The exit code it ends with.
    pub status: i32,
    /// The mail domain probed (its MX points at the replaying server).
    pub domain: &'static str,
    /// The MX host (the name on the demo's certificate).
    pub mx: &'static str,
    /// The transcript the server replays.
    pub recording: &'static str,
    /// Where the recording comes from (a path in `fixtures/`, or "synthetic").
    pub source: &'static str,
    /// The probe's options besides the target and the output ones.
    pub args: &'static [&'static str],
}

const UNSOLICITED_221: &str = "\
# server: a server that says goodbye right after its banner, unasked
# provenance: synthetic, as in tests/session_truth.rs
S: 220 mx.unsolicited.test ESMTP
S: 221 2.0.0 Bye
";

/// How the report names the demo's DNS.
pub const RESOLVER: &str = "in-process (demo)";

pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        which: DemoScenario::PostfixVrfy,
        about: "Postfix 3.7 with VRFY on: STARTTLS verified, a 252 that means the user exists, the canary refused",
        status: 0,
        domain: "smtpprobe.test",
        mx: "mx1.smtpprobe.test",
        recording: include_str!("../../fixtures/postfix/postfix-starttls-vrfy.txt"),
        source: "fixtures/postfix/postfix-starttls-vrfy.txt (recorded)",
        args: &["--vrfy", "alice"],
    },
    Scenario {
        which: DemoScenario::Exim252,
        about: "Exim 4.96 (Debian's configuration): the same 252 to every VRFY, so nothing can be told from it; RCPT accepted",
        status: 0,
        domain: "mta-lab.test",
        mx: "mta-lab.test",
        recording: include_str!("../../fixtures/transcripts/exim-debian-vrfy-252.txt"),
        source: "fixtures/transcripts/exim-debian-vrfy-252.txt (recorded)",
        args: &[
            "--vrfy",
            "root@localhost",
            "--rcpt",
            "root@localhost",
            "--starttls",
            "never",
        ],
    },
    Scenario {
        which: DemoScenario::Greylisting,
        about: "Postfix with postgrey: 450 4.2.0 greylisted, a temporary refusal",
        status: 1,
        domain: "example.test",
        mx: "mx.example.test",
        recording: include_str!("../../fixtures/transcripts/postfix-rcpt-greylist.txt"),
        source: "fixtures/transcripts/postfix-rcpt-greylist.txt (reconstructed)",
        args: &["--rcpt", "alice@example.test", "--starttls", "never"],
    },
    Scenario {
        which: DemoScenario::Unsolicited221,
        about: "a server that sends 221 right after its banner, before any command",
        status: 2,
        domain: "unsolicited.test",
        mx: "mx.unsolicited.test",
        recording: UNSOLICITED_221,
        source: "a synthetic script (src/demo/mod.rs), as in tests/session_truth.rs",
        args: &["--starttls", "never"],
    },
    Scenario {
        which: DemoScenario::OpenRelay,
        about: "aiosmtpd 1.4.6 accepting any recipient: the relay test finds an open relay",
        status: 2,
        domain: "aiosmtpd.test",
        mx: "mx.aiosmtpd.test",
        recording: include_str!("../../fixtures/transcripts/aiosmtpd-vrfy-252.txt"),
        source: "fixtures/transcripts/aiosmtpd-vrfy-252.txt (recorded)",
        args: &[
            "--relay-test=relay-check@elsewhere.example",
            "--starttls",
            "never",
        ],
    },
];

/// The scenario named `which`.
pub fn scenario(which: DemoScenario) -> &'static Scenario {
    SCENARIOS
        .iter()
        .find(|s| s.which == which)
        .unwrap_or(&SCENARIOS[0])
}

/// The scenario's name as typed on the command line.
pub fn name(which: DemoScenario) -> String {
    which
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// `smtpprobe demo --list`.
pub fn list(out: &mut dyn Write) -> std::io::Result<()> {
    for s in SCENARIOS {
        let exit = match s.status {
            0 => "OK",
            1 => "WARNING",
            2 => "CRITICAL",
            _ => "UNKNOWN",
        };
        writeln!(out, "{:<16} {} [{exit}]", name(s.which), s.about)?;
        writeln!(out, "{:<16} replays {}", "", s.source)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Run one with: smtpprobe demo SCENARIO [--json | --format FORMAT] (default: postfix-vrfy)"
    )
}

/// The probe's configuration for a scenario whose server listens on `port`, with the demo's
/// output options: the same validation as `smtpprobe DOMAIN --port PORT ...` on the command
/// line, and the demo's CA trusted.
fn config(s: &Scenario, args: &DemoArgs, port: u16, ca: &pki::DemoCa) -> Result<Config, String> {
    let value = |v: Option<clap::builder::PossibleValue>| {
        v.map(|v| v.get_name().to_owned()).unwrap_or_default()
    };
    let format = if args.json {
        OutputFormat::Json
    } else {
        args.format
    };
    let mut argv: Vec<String> = vec!["smtpprobe".into(), s.domain.into()];
    argv.extend(s.args.iter().map(|a| (*a).to_owned()));
    argv.extend([
        "--port".into(),
        port.to_string(),
        "--helo".into(),
        "probe.test".into(),
        "--policy".into(),
        "ignore".into(),
        "--format".into(),
        value(format.to_possible_value()),
        "--color".into(),
        value(args.color.to_possible_value()),
    ]);
    if args.quiet {
        argv.push("--quiet".into());
    }
    let cli = Cli::try_parse_from(&argv).map_err(|e| format!("demo options: {e}"))?;
    let mut cfg = match crate::config::mode(&cli.probe) {
        Ok(Mode::One(c)) => *c,
        Ok(_) => return Err("the demo probes one target".into()),
        Err(e) => return Err(format!("demo options: {e}")),
    };
    cfg.tls.ca_certs.push(ca.cert.clone());
    Ok(cfg)
}

/// Plays `args.scenario`: starts its server on loopback, probes it with the real engine and
/// returns the report with the configuration to render it with.
pub async fn run(args: &DemoArgs) -> Result<(Report, Config), String> {
    let s = scenario(args.scenario);
    let script = Script::parse(s.recording).map_err(|e| format!("{}: {e}", s.source))?;
    let ca = pki::DemoCa::new()?;
    let tls = if script.has_tls() {
        Some(ca.acceptor(s.mx)?)
    } else {
        None
    };
    let addr = server::start(script, tls)
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let cfg = config(s, args, addr.port(), &ca)?;
    let dns = DemoDns::default()
        .mx(s.domain, 10, s.mx)
        .a(s.mx, addr.ip())
        // A recipient domain with mail servers of its own (the relay test's).
        .mx("elsewhere.example", 10, "mx.elsewhere.example")
        .a("mx.elsewhere.example", IpAddr::from([127, 0, 0, 254]));
    let env = run::Env::without_dns(&cfg);
    let mut report = run::probe_with(&env, &cfg, &dns).await;
    report.dns.resolver = RESOLVER.into();
    Ok((report, cfg))
}
