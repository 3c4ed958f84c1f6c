//! Command-line declarations (clap derive) and nothing else: validation into a typed
//! configuration lives in `config`.

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "smtpprobe",
    version,
    about = "Probe a domain's mail servers and explain every SMTP reply in context",
    long_about = "Resolves the target's MX records (implicit MX and null MX per RFC 5321 §5.1 / \
RFC 7505), talks to the real mail servers (greeting, EHLO/HELO, STARTTLS, VRFY/EXPN/RCPT \
checks, QUIT) and explains what each reply means on this server. Never sends DATA or BDAT.\n\n\
Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also usage errors).",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Sub>,

    #[command(flatten)]
    pub probe: ProbeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Sub {
    /// Explain reply codes, enhanced status codes or whole reply lines, offline
    Explain(ExplainArgs),
    /// Probe recorded real servers replayed on loopback, with the real engine: a first run
    /// that works on any machine, without network
    Demo(DemoArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) on stdout, e.g.
    /// `source <(smtpprobe completions bash)`
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on stdout, e.g. `smtpprobe man | man -l -`
    Man,
    /// Print the version; with --verbose also the git commit, build date, TLS provider and
    /// features (for bug reports)
    Version {
        /// Commit, build date, compiler, target, TLS library and crypto provider, features
        #[arg(long, short = 'v')]
        verbose: bool,
    },
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The scenario to play (see --list)
    #[arg(value_enum, value_name = "SCENARIO", default_value_t = DemoScenario::PostfixVrfy)]
    pub scenario: DemoScenario,

    /// Name the scenarios, what each shows and the status it ends with, and exit
    #[arg(long)]
    pub list: bool,

    /// Machine-readable JSON report (see docs/json.md); short for --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// When to colour the human report
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Output format, as for a probe
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Print nothing; only the exit code tells the result
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// The scenarios of `smtpprobe demo`, each a recorded (or reconstructed) server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoScenario {
    /// Postfix 3.7, VRFY on, STARTTLS: a 252 that means the user exists (OK)
    PostfixVrfy,
    /// Exim 4.96, Debian's configuration: 252 to every VRFY (OK)
    #[value(name = "exim-252")]
    Exim252,
    /// Postfix with postgrey: 450 greylisted (WARNING)
    Greylisting,
    /// 221 right after the banner, unasked (CRITICAL)
    #[value(name = "unsolicited-221")]
    Unsolicited221,
    /// aiosmtpd accepting any recipient: an open relay (CRITICAL)
    OpenRelay,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Codes (252, 5.1.1) or reply lines pasted from a log ("550 5.7.1 Relaying denied"); - reads them from standard input
    #[arg(required_unless_present = "log", value_name = "CODE|REPLY|-")]
    pub input: Vec<String>,

    /// Summarise the deferrals, bounces and refusals of a Postfix, Exim, Sendmail, OpenSMTPD or qmail log or an Exchange message tracking log (- for standard input)
    #[arg(long, value_name = "FILE|-", conflicts_with = "after")]
    pub log: Option<String>,

    /// The command the reply answered (EHLO, MAIL, RCPT, VRFY, DATA, END_OF_DATA, BDAT, QUIT, GREETING, NONE, ...)
    #[arg(long, value_name = "COMMAND")]
    pub after: Option<String>,

    /// Machine-readable output
    #[arg(long)]
    pub json: bool,

    /// When to colour the human explanation (auto: on a terminal, unless NO_COLOR is set)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// Mail domain (MX lookup), or host:port, [v6]:port, or an IP literal (direct)
    #[arg(
        required_unless_present = "targets",
        conflicts_with = "targets",
        value_name = "TARGET"
    )]
    pub target: Option<String>,

    /// Bulk mode: probe every target in FILE (`-` for stdin), one per line (domain,
    /// host:port, IP); `#` comments and blank lines are skipped. See "Many targets" in the README
    #[arg(long, value_name = "FILE|-")]
    pub targets: Option<std::path::PathBuf>,

    /// Watch mode: probe TARGET again and again like ping, one line per round (status,
    /// per-phase times, what changed), statistics at the end (Ctrl-C or --count)
    #[arg(long, conflicts_with = "targets")]
    pub watch: bool,

    /// Watch mode: seconds from the start of one round to the start of the next [default: 1]
    #[arg(long, value_name = "SECS", requires = "watch")]
    pub interval: Option<f64>,

    /// Watch mode: stop after N rounds
    #[arg(long, value_name = "N", requires = "watch")]
    pub count: Option<u64>,

    /// At most N new connections per second over the whole run (many targets, --all)
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,

    /// At most N connections at once to one destination IP address [default: 1 in bulk mode,
    /// unlimited for one target]
    #[arg(long, value_name = "N")]
    pub per_ip: Option<u32>,

    /// Bulk mode: probe each (address, port, MX name) once and attach the result to every
    /// target that uses it (the report marks such servers as shared)
    #[arg(long, requires = "targets")]
    pub dedupe_servers: bool,

    /// Bulk mode: skip the input lines already in this earlier JSONL output (by line and
    /// target), e.g. the --output of an interrupted run
    #[arg(long, value_name = "FILE.jsonl", requires = "targets")]
    pub resume: Option<std::path::PathBuf>,

    /// Bulk mode: probe only shard K of N (0 <= K < N): the lines whose FNV-1a 64 hash of the
    /// trimmed text is K modulo N
    #[arg(long, value_name = "K/N", requires = "targets")]
    pub shard: Option<String>,

    /// TCP port for every server probed [default: 25, or the port in a host:port TARGET]
    #[arg(long, short = 'p')]
    pub port: Option<u16>,

    /// Ask VRFY for this user (repeatable)
    #[arg(long, value_name = "USER")]
    pub vrfy: Vec<String>,

    /// Ask EXPN for this list (repeatable)
    #[arg(long, value_name = "LIST")]
    pub expn: Vec<String>,

    /// Check this recipient with MAIL FROM / RCPT TO / RSET (repeatable; never sends DATA)
    #[arg(long, value_name = "ADDR")]
    pub rcpt: Vec<String>,

    /// Reverse-path for RCPT checks (default: the null reverse-path <>)
    #[arg(long, value_name = "ADDR")]
    pub mail_from: Option<String>,

    /// Open-relay test: also ask RCPT for an address in a domain this server cannot own
    /// (default smtpprobe-relay-test@gmail.com; give your own with --relay-test=ADDR), then
    /// RSET: never DATA. Accepted is CRITICAL (open_relay)
    #[arg(
        long,
        value_name = "ADDR",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = ""
    )]
    pub relay_test: Option<String>,

    /// Name to give in EHLO/HELO (default: this machine's FQDN, else an address literal)
    #[arg(long, value_name = "NAME")]
    pub helo: Option<String>,

    /// Allow non-ASCII --vrfy/--expn/--rcpt/--mail-from (RFC 6531): sent with the SMTPUTF8
    /// parameter to servers that offer it; with others such a check is not asked
    #[arg(long)]
    pub smtputf8: bool,

    /// Do not ask for a random non-existent user to see whether the server tells users apart
    #[arg(long)]
    pub no_canary: bool,

    /// Probe every MX host and every address, concurrently (default: stop at the first that works)
    #[arg(long)]
    pub all: bool,

    /// Use this DNS server instead of the system's (repeatable; IP or IP:PORT)
    #[arg(long, value_name = "IP[:PORT]")]
    pub resolver: Vec<String>,

    /// IPv4 only
    #[arg(short = '4', conflicts_with = "ipv6")]
    pub ipv4: bool,

    /// IPv6 only
    #[arg(short = '6')]
    pub ipv6: bool,

    /// Seconds to wait for a TCP connection
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub connect_timeout: f64,

    /// Seconds to wait for each reply
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,

    /// Seconds for the whole conversation with one server, connecting included
    #[arg(long, value_name = "SECS", default_value_t = 120.0)]
    pub deadline: f64,

    /// Seconds for the whole probe of the target, DNS included; caps --deadline. When it
    /// runs out the report says what was tried and what was not
    #[arg(long, value_name = "SECS", default_value_t = 55.0)]
    pub max_time: f64,

    /// Open at most N connections at once over the whole run (1-4096; matters with --all
    /// and --targets) [default: 64, 256 with --targets]
    #[arg(short = 'j', long, value_name = "N")]
    pub concurrency: Option<u32>,

    /// STARTTLS (RFC 3207): auto = upgrade when offered (problems are WARNING), require =
    /// no verified TLS is CRITICAL, never = stay in plain text [default: auto]
    #[arg(long, value_enum, value_name = "WHEN")]
    pub starttls: Option<StartTlsArg>,

    /// TLS from the first byte (RFC 8314 implicit TLS, "SMTPS"); implied by port 465 unless
    /// --starttls is given
    #[arg(long, visible_alias = "implicit-tls", conflicts_with = "starttls")]
    pub tls: bool,

    /// Also trust the CA certificates in this PEM file (a private CA)
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<std::path::PathBuf>,

    /// Do not verify the server's certificate (the report says so)
    #[arg(long)]
    pub insecure: bool,

    /// Check the certificate against (and send as SNI) this name instead of the MX host
    /// name, or the IP address of a direct IP target
    #[arg(long, value_name = "NAME")]
    pub tls_name: Option<String>,

    /// Transport-security policies of a mail domain: auto = check what it publishes
    /// (MTA-STS, TLS-RPT, DANE TLSA) and judge each MX as a strict sender would, ignore = do
    /// not look, require-mta-sts = CRITICAL unless an MTA-STS policy in enforce mode
    /// applies, require-dane = CRITICAL unless DANE authenticates an MX
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = PolicyArg::Auto)]
    pub policy: PolicyArg,

    /// DANE: trust the AD bit of the resolver (--resolver, else the system's) for the
    /// DNSSEC status of TLSA and address records, as Postfix does, instead of validating
    /// in-process; use only with a validating resolver you reach over a trusted path (e.g.
    /// on localhost)
    #[arg(long)]
    pub dnssec_from_resolver: bool,

    /// DANE: validate in-process from the DS or DNSKEY records in FILE (zone-file format,
    /// e.g. ldns-key2ds output) instead of the built-in IANA root keys: for a private zone.
    /// The file replaces the root keys; add the root's DS (/usr/share/dns/root.ds) to keep
    /// them
    #[arg(long, value_name = "FILE")]
    pub trust_anchor: Option<std::path::PathBuf>,

    /// DANE key rollover: the planned next key (a PEM certificate or public key file, or
    /// the hex SHA-256 of its SubjectPublicKeyInfo); WARNING unless a TLSA record for it is
    /// already published
    #[arg(long, value_name = "FILE|HEX")]
    pub tlsa_next_key: Option<String>,

    /// Port of the MTA-STS policy host (tests: a policy server on loopback)
    #[arg(long, value_name = "PORT", default_value_t = 443, hide = true)]
    pub mta_sts_port: u16,

    /// WARNING when a presented certificate expires within this many days
    #[arg(long, value_name = "DAYS", default_value_t = 21)]
    pub cert_warn_days: u32,

    /// CRITICAL when a presented certificate expires within this many days
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub cert_crit_days: u32,

    /// Machine-readable JSON report (see docs/json.md); short for --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// When to colour the human report
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Output format: human, json, jsonl (one compact line per target), nagios (monitoring
    /// plugin with perfdata; one target only) or prometheus (textfile collector); see
    /// docs/monitoring.md
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Warning threshold on the total time, in seconds or a plugin range (10, 10:, ~:10, @10:20)
    #[arg(short = 'w', long, value_name = "SECONDS")]
    pub warning: Option<String>,

    /// Critical threshold on the total time, in seconds or a plugin range
    #[arg(short = 'c', long, value_name = "SECONDS")]
    pub critical: Option<String>,

    /// Threshold for one phase: dns, connect, greeting, ehlo, starttls, tls, mail, rcpt, vrfy,
    /// expn, rset, quit, session (one server) or total (repeatable; e.g. greeting=2,5)
    #[arg(long, value_name = "PHASE=WARN[,CRIT]")]
    pub threshold: Vec<String>,

    /// Print nothing; only the exit code tells the result
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Write the report to FILE atomically (temporary file in the same directory, then
    /// rename); with --targets, append to FILE and flush after each target
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Jsonl,
    Nagios,
    Prometheus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StartTlsArg {
    Auto,
    Require,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PolicyArg {
    Auto,
    Ignore,
    RequireMtaSts,
    RequireDane,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour only for people: `always`, or `auto` writing to a terminal without NO_COLOR
    /// (<https://no-color.org>). The one decision the probe's and explain's output share.
    pub fn enabled(self, to_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}
