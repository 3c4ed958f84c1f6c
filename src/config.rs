//! A validated, typed configuration built from the command line. Everything a user typed
//! that will reach the wire is checked here, before any connection: CR, LF, NUL and other
//! control characters and bidirectional controls are refused (no command injection, no
//! text that reads as another), and non-ASCII needs `--smtputf8`. Every value repeated in
//! an error is quoted, escaped and cut ([`crate::echo::quoted`]).

use crate::cli::{ColorChoice, OutputFormat, ProbeArgs, StartTlsArg};
use crate::echo::quoted;
use crate::smtp::command::{ArgError, ReversePath, WireArg};
use crate::smtp::session::TlsPolicy;
use crate::thresholds::Thresholds;
use crate::tls::TlsSettings;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

pub use crate::cli::PolicyArg;
pub use crate::dns::DnssecMode;
pub use crate::target::{Family, Target, parse_target};

#[derive(Debug, Clone)]
pub struct Config {
    pub target_text: String,
    pub target: Target,
    /// The port to connect to: the one in the target (host:port), else --port.
    pub port: u16,
    pub vrfy: Vec<WireArg>,
    pub expn: Vec<WireArg>,
    pub rcpt: Vec<WireArg>,
    /// `--relay-test`: the address asked in a domain the server cannot own.
    pub relay_test: Option<WireArg>,
    pub mail_from: ReversePath,
    /// `--smtputf8`: non-ASCII check arguments are allowed, and asked (with the SMTPUTF8
    /// parameter) only of servers that offer SMTPUTF8.
    pub smtputf8: bool,
    pub helo: Option<WireArg>,
    pub canary: bool,
    pub all: bool,
    pub resolvers: Vec<SocketAddr>,
    pub family: Family,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub deadline: Duration,
    /// `--max-time`: the whole probe of the target, DNS included; caps `deadline`.
    pub max_time: Duration,
    /// `-j/--concurrency`: the most connections open at once over the whole run.
    pub concurrency: usize,
    /// `--per-ip`: the most connections open at once to one destination address (`None`:
    /// no limit but `-j`; 1 by default in bulk mode).
    pub per_ip: Option<usize>,
    /// `--rate`: the most new connections per second over the whole run.
    pub rate: Option<f64>,
    /// How TLS is used with every server; decided here, once (`--starttls`, `--tls`, port
    /// 465), and carried per server so that a later policy can raise it for one host.
    pub tls_policy: TlsPolicy,
    /// Trust and expiry thresholds.
    pub tls: TlsSettings,
    /// `--policy`: whether to look up and judge MTA-STS and TLS-RPT (domain targets only;
    /// `Ignore` for any other target).
    pub policy: PolicyArg,
    /// The port of the MTA-STS policy host (443; a hidden option for tests).
    pub mta_sts_port: u16,
    /// How DANE's answers are authenticated: in-process from the root's keys (default) or
    /// `--trust-anchor`'s, or the resolver's AD bit (`--dnssec-from-resolver`).
    pub dnssec: DnssecMode,
    /// `--tlsa-next-key`: the SHA-256 of the planned next key's SubjectPublicKeyInfo.
    pub tlsa_next_key: Option<Vec<u8>>,
    pub color: ColorChoice,
    /// `--format`, with `--json` folded in.
    pub format: OutputFormat,
    pub thresholds: Thresholds,
    pub quiet: bool,
    pub output: Option<std::path::PathBuf>,
}

/// A command-line error from clap with every value it repeats cut (a 130 KB `--timeout`
/// or unknown flag is not echoed in full).
pub fn cut_clap_error(mut e: clap::Error) -> clap::Error {
    use clap::error::ContextValue;
    let long = |s: &str| s.chars().count() > crate::echo::MAX_ECHO;
    let kinds: Vec<_> = e.context().map(|(k, _)| k).collect();
    for kind in kinds {
        let cut = match e.get(kind) {
            Some(ContextValue::String(s)) if long(s) => {
                Some(ContextValue::String(crate::echo::cut(s)))
            }
            Some(ContextValue::Strings(v)) if v.iter().any(|s| long(s)) => Some(
                ContextValue::Strings(v.iter().map(|s| crate::echo::cut(s)).collect()),
            ),
            // A tip that repeats the value (`to pass '--xxx…' as a value`): dropped.
            Some(ContextValue::StyledStrs(v)) if v.iter().any(|s| long(&s.to_string())) => {
                e.remove(kind);
                None
            }
            _ => None,
        };
        if let Some(value) = cut {
            e.insert(kind, value);
        }
    }
    e
}

/// A clap "unexpected argument" that is a pasted line, not a mistyped option: it starts
/// with hyphens and holds a space or a run of three (Sendmail's "----- The following
/// addresses had permanent fatal errors -----", a dashed separator). The one line that says
/// how to pass it; `None` for any other error.
pub fn pasted_line_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    (arg.starts_with("---") || (arg.starts_with('-') && arg.contains(char::is_whitespace)))
        .then(|| {
            format!(
                "error: {} is a pasted line, not an option: put -- before the pasted lines (smtpprobe explain -- '…') or pipe them into smtpprobe explain -",
                quoted(arg)
            )
        })
}

/// A usage error: one line saying what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

fn wire(flag: &str, value: &str, token: bool) -> Result<WireArg, ConfigError> {
    let r = if token {
        WireArg::token(value)
    } else {
        WireArg::new(value)
    };
    r.map_err(|e: ArgError| ConfigError(format!("{flag} {} {e}", quoted(value))))
}

/// A check argument (`--vrfy`, `--expn`, `--rcpt`, `--mail-from`): non-ASCII only with
/// `--smtputf8` (RFC 6531), since it would otherwise go raw on the wire.
fn check_arg(flag: &str, value: &str, token: bool, smtputf8: bool) -> Result<WireArg, ConfigError> {
    let arg = wire(flag, value, token)?;
    match value.chars().find(|c| !c.is_ascii()) {
        Some(c) if !smtputf8 => Err(ConfigError(format!(
            "{flag} {} is not ASCII (U+{:04X}): add --smtputf8 to ask servers that offer SMTPUTF8 (RFC 6531), or give the ASCII form",
            quoted(value),
            u32::from(c)
        ))),
        _ => Ok(arg),
    }
}

/// An address for `--rcpt`/`--mail-from`: with an `@`, both a local part and a domain
/// (`alice@`, `@example.com` and `<>` are refused); a bare name is allowed (for a mail
/// domain target it is qualified with that domain).
fn check_address(flag: &str, value: &str, smtputf8: bool) -> Result<WireArg, ConfigError> {
    let arg = check_arg(flag, value, true, smtputf8)?;
    let inner = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value);
    let why = match inner.rsplit_once('@') {
        _ if inner.is_empty() => Some("is an empty address"),
        Some(("", _)) => Some("has no local part before the @"),
        Some((_, "")) => Some("has no domain after the @"),
        _ => None,
    };
    match why {
        Some(why) => Err(ConfigError(format!(
            "{flag} {} {why}: give a full address (user@example.com) or a bare user name",
            quoted(value)
        ))),
        None => Ok(arg),
    }
}

/// The shortest duration option accepted: below a millisecond nothing can answer.
const MIN_SECONDS: f64 = 0.001;
/// The longest: a day.
const MAX_SECONDS: f64 = 86_400.0;

fn seconds(flag: &str, v: f64) -> Result<Duration, ConfigError> {
    if !(v.is_finite() && (MIN_SECONDS..=MAX_SECONDS).contains(&v)) {
        // `1e-300` printed in full would be 300 digits.
        let shown = format!("{v}");
        let shown = if shown.len() > 12 {
            format!("{v:e}")
        } else {
            shown
        };
        return Err(ConfigError(format!(
            "{flag} {shown} is out of range: give a number of seconds from {MIN_SECONDS} (1 ms) to {MAX_SECONDS} (one day)"
        )));
    }
    Ok(Duration::from_secs_f64(v))
}

/// The address `--relay-test` asks for when none is given: a domain that certainly has real
/// MX records run by someone else (so a server has no reason to refuse it but relaying),
/// and a local part with hyphens, which Gmail addresses never have (so it can reach no
/// mailbox). Nothing is ever sent to it: the probe says RSET, never DATA.
pub const RELAY_TEST_ADDRESS: &str = "smtpprobe-relay-test@gmail.com";

/// `--relay-test[=ADDR]`: `local@domain`, a domain that is not the probed one.
fn relay_test(value: Option<&str>, target: &Target) -> Result<Option<WireArg>, ConfigError> {
    let Some(v) = value else { return Ok(None) };
    let v = if v.is_empty() { RELAY_TEST_ADDRESS } else { v };
    let arg = wire("--relay-test", v, true)?;
    let bare = v.trim_start_matches('<').trim_end_matches('>');
    let domain = match bare.rsplit_once('@') {
        Some((local, domain))
            if !local.is_empty() && crate::target::check_domain(domain).is_ok() =>
        {
            domain.trim_end_matches('.')
        }
        _ => {
            return Err(ConfigError(format!(
                "--relay-test={v:?} is not an address (local@domain): give one in a domain hosted elsewhere, e.g. --relay-test=someone@example.org"
            )));
        }
    };
    if let Target::Domain(d) = target
        && d.eq_ignore_ascii_case(domain)
    {
        return Err(ConfigError(format!(
            "--relay-test={v:?} is in {d}, the domain being probed: its servers receive that mail, so it tests nothing; give an address in a domain hosted elsewhere"
        )));
    }
    Ok(Some(arg))
}

/// The most connections one run may open at once (`-j`).
pub const MAX_CONCURRENCY: u32 = 4096;

/// `-j/--concurrency N`: 1 to [`MAX_CONCURRENCY`].
fn concurrency(n: u32) -> Result<usize, ConfigError> {
    if !(1..=MAX_CONCURRENCY).contains(&n) {
        return Err(ConfigError(format!(
            "-j/--concurrency must be between 1 and {MAX_CONCURRENCY} connections at once, not {n}"
        )));
    }
    usize::try_from(n).map_err(|_| ConfigError(format!("-j/--concurrency {n} is too large")))
}

/// `--per-ip N`: 1 to [`MAX_CONCURRENCY`]; 1 by default in bulk mode, else no limit.
fn per_ip(a: &ProbeArgs) -> Result<Option<usize>, ConfigError> {
    match a.per_ip {
        None if a.targets.is_some() => Ok(Some(1)),
        None => Ok(None),
        Some(n) if (1..=MAX_CONCURRENCY).contains(&n) => Ok(usize::try_from(n).ok()),
        Some(n) => Err(ConfigError(format!(
            "--per-ip must be between 1 and {MAX_CONCURRENCY} connections at once to one address, not {n}"
        ))),
    }
}

/// `--rate N`: new connections per second, more than 0 and at most a million.
fn rate(r: Option<f64>) -> Result<Option<f64>, ConfigError> {
    match r {
        None => Ok(None),
        Some(r) if r.is_finite() && r > 0.0 && r <= 1e6 => Ok(Some(r)),
        Some(r) => Err(ConfigError(format!(
            "--rate {r} is out of range: give new connections per second, more than 0 and at most 1000000 (e.g. --rate 50)"
        ))),
    }
}

/// What of the command line depends on the target: each target's configuration in bulk
/// mode is the shared one with these applied to its line.
#[derive(Debug, Clone)]
pub struct TargetRules {
    port: Option<u16>,
    implicit_tls: bool,
    starttls: Option<StartTlsArg>,
    relay_test: Option<String>,
    ipv4: bool,
    ipv6: bool,
}

/// The target-dependent part of a configuration.
struct Targeted {
    target_text: String,
    target: Target,
    port: u16,
    tls_policy: TlsPolicy,
    relay_test: Option<WireArg>,
}

impl TargetRules {
    fn of(a: &ProbeArgs) -> TargetRules {
        TargetRules {
            port: a.port,
            implicit_tls: a.tls,
            starttls: a.starttls,
            relay_test: a.relay_test.clone(),
            ipv4: a.ipv4,
            ipv6: a.ipv6,
        }
    }

    fn targeted(&self, text: &str) -> Result<Targeted, ConfigError> {
        let target = parse_target(text).map_err(|e| ConfigError(e.0))?;
        self.with(text, target)
    }

    fn with(&self, text: &str, target: Target) -> Result<Targeted, ConfigError> {
        let port = port(text, &target, self.port)?;
        let relay_test = relay_test(self.relay_test.as_deref(), &target)?;
        if let Target::Direct { ip: Some(ip), .. } = &target
            && ((self.ipv4 && ip.is_ipv6()) || (self.ipv6 && ip.is_ipv4()))
        {
            return Err(ConfigError(format!(
                "{} restricts to IPv{} but the target {ip} is IPv{}: drop the flag or change the target",
                if self.ipv4 { "-4" } else { "-6" },
                if self.ipv4 { 4 } else { 6 },
                if ip.is_ipv6() { 6 } else { 4 }
            )));
        }
        Ok(Targeted {
            target_text: text.to_owned(),
            target,
            port,
            tls_policy: tls_policy(self.implicit_tls, self.starttls, port),
            relay_test,
        })
    }
}

/// `--shard K/N`: this process probes the input lines whose FNV-1a 64 hash (of the line
/// with surrounding whitespace trimmed) is K modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    pub fn parse(s: &str) -> Result<Shard, ConfigError> {
        let bad = || {
            ConfigError(format!(
                "--shard {} is not K/N with 0 <= K < N (e.g. --shard 0/4 … --shard 3/4, or --shard \"$JOB_COMPLETION_INDEX/4\")",
                quoted(s)
            ))
        };
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the input line `text` (trimmed) belongs to this shard.
    pub fn holds(&self, text: &str) -> bool {
        fnv1a64(text.trim().as_bytes()) % self.count == self.index
    }
}

/// FNV-1a, 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3): stable across
/// versions, platforms and runs, so shards are the same wherever they run.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Where bulk mode reads its targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(std::path::PathBuf),
}

/// Bulk mode (`--targets`): the options shared by every target, and how to derive each
/// target's configuration from its input line.
#[derive(Debug, Clone)]
pub struct BulkConfig {
    /// The shared options; its target is a placeholder, never probed.
    pub base: Config,
    rules: TargetRules,
    pub input: Input,
    pub shard: Option<Shard>,
    pub resume: Option<std::path::PathBuf>,
    pub dedupe_servers: bool,
}

impl BulkConfig {
    /// The configuration for one input line (trimmed): the shared options with this
    /// target, or why the line is not a target.
    pub fn for_target(&self, text: &str) -> Result<Config, ConfigError> {
        let t = self.rules.targeted(text)?;
        let mut cfg = self.base.clone();
        cfg.target_text = t.target_text;
        cfg.target = t.target;
        cfg.port = t.port;
        cfg.tls_policy = t.tls_policy;
        cfg.relay_test = t.relay_test;
        // Policies belong to mail domains: another target ignores them (or, required,
        // cannot have them).
        cfg.policy = policy(self.base.policy, &cfg.target)?;
        Ok(cfg)
    }
}

/// What the command line asks for.
#[derive(Debug, Clone)]
pub enum Mode {
    /// One target.
    One(Box<Config>),
    /// `--targets`: many.
    Bulk(Box<BulkConfig>),
    /// `--watch`: one target, again and again.
    Watch(Box<WatchConfig>),
}

/// Watch mode (`--watch`): the target's configuration (`--max-time` holds per round), the
/// interval between the starts of two rounds, and how many rounds at most.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    pub cfg: Config,
    pub interval: Duration,
    pub count: Option<u64>,
}

fn watch(a: &ProbeArgs) -> Result<Mode, ConfigError> {
    let cfg = Config::try_from(a)?;
    if !matches!(cfg.format, OutputFormat::Human | OutputFormat::Jsonl) {
        return Err(ConfigError(
            "--watch prints one line per round: use the default human output or --format jsonl (one JSON report per round)".into(),
        ));
    }
    if a.count == Some(0) {
        return Err(ConfigError(
            "--count 0 would probe nothing: give 1 or more rounds".into(),
        ));
    }
    Ok(Mode::Watch(Box::new(WatchConfig {
        cfg,
        interval: seconds("--interval", a.interval.unwrap_or(1.0))?,
        count: a.count,
    })))
}

/// The command line validated: one target, or bulk mode.
pub fn mode(a: &ProbeArgs) -> Result<Mode, ConfigError> {
    let Some(path) = &a.targets else {
        if a.watch {
            return watch(a);
        }
        return Config::try_from(a).map(|c| Mode::One(Box::new(c)));
    };
    let rules = TargetRules::of(a);
    // A placeholder target that needs DNS, so the shared environment has a resolver.
    let placeholder = rules.with("", Target::Domain(String::new()))?;
    let base = common(a, placeholder)?;
    match base.format {
        OutputFormat::Nagios => {
            return Err(ConfigError(
                "--format nagios checks one target: with --targets use --format jsonl, human or prometheus (or run one check per target)".into(),
            ));
        }
        OutputFormat::Json => {
            return Err(ConfigError(
                "--json/--format json writes one document for one target: with --targets use --format jsonl (one JSON object per line)".into(),
            ));
        }
        _ => {}
    }
    if a.dedupe_servers && !(a.vrfy.is_empty() && a.expn.is_empty() && a.rcpt.is_empty()) {
        return Err(ConfigError(
            "--dedupe-servers shares one conversation with a server between targets, but --vrfy/--expn/--rcpt answers belong to each target: drop one of them".into(),
        ));
    }
    let input = if path.as_os_str() == "-" {
        Input::Stdin
    } else if path.is_file() {
        Input::File(path.clone())
    } else {
        return Err(ConfigError(format!(
            "--targets {}: no such file: give a file with one target per line, or - for stdin",
            quoted(&path.to_string_lossy())
        )));
    };
    Ok(Mode::Bulk(Box::new(BulkConfig {
        base,
        rules,
        input,
        shard: a.shard.as_deref().map(Shard::parse).transpose()?,
        resume: a.resume.clone(),
        dedupe_servers: a.dedupe_servers,
    })))
}

/// `--dnssec-from-resolver`, `--trust-anchor FILE` (read and parsed now: a bad file is a
/// usage error naming the file and the line), else the root's keys; not both.
fn dnssec_mode(a: &ProbeArgs) -> Result<DnssecMode, ConfigError> {
    match (&a.trust_anchor, a.dnssec_from_resolver) {
        (Some(_), true) => Err(ConfigError(
            "--trust-anchor and --dnssec-from-resolver exclude each other: validate in-process, or trust the resolver's AD bit".into(),
        )),
        (None, true) => Ok(DnssecMode::FromResolver),
        (None, false) => Ok(DnssecMode::root()),
        (Some(path), false) => Ok(DnssecMode::Validate {
            anchors: crate::dns::anchors::read(path).map_err(ConfigError)?.into(),
            source: format!("--trust-anchor {}", path.display()),
        }),
    }
}

fn parse_resolver(s: &str) -> Result<SocketAddr, ConfigError> {
    let sa = match (s.parse::<SocketAddr>(), s.parse::<IpAddr>()) {
        (Ok(sa), _) => sa,
        (_, Ok(ip)) => SocketAddr::new(ip, 53),
        _ => {
            return Err(ConfigError(format!(
                "--resolver {} is not IP or IP:PORT (e.g. 127.0.0.53, 127.0.0.1:5353, [::1]:53)",
                quoted(s)
            )));
        }
    };
    let ip = sa.ip();
    let why = if ip.is_unspecified() {
        Some("is the unspecified address (0.0.0.0 or ::), which names no server")
    } else if ip.is_multicast() {
        Some("is a multicast address, not one DNS server")
    } else if ip == IpAddr::from([255, 255, 255, 255]) {
        Some("is the broadcast address, not one DNS server")
    } else if sa.port() == 0 {
        Some("has port 0")
    } else {
        None
    };
    match why {
        Some(why) => Err(ConfigError(format!(
            "--resolver {} {why}: give the unicast address of a DNS server (e.g. 127.0.0.53, 127.0.0.1:5353, [::1]:53)",
            quoted(s)
        ))),
        None => Ok(sa),
    }
}

/// The port to connect to: the one in a `host:port` target, else `--port`, else 25. Two
/// different ports are a usage error, as is port 0.
fn port(target_text: &str, target: &Target, flag: Option<u16>) -> Result<u16, ConfigError> {
    if flag == Some(0) {
        return Err(ConfigError(
            "--port 0 is not a port a server listens on: give 1-65535 (25 for SMTP, 465, 587)"
                .into(),
        ));
    }
    match (target, flag) {
        (Target::Direct { port: Some(p), .. }, Some(f)) if *p != f => Err(ConfigError(format!(
            "two ports given: the target {} says {p}, --port says {f}: give the port once",
            quoted(target_text)
        ))),
        (Target::Direct { port: Some(p), .. }, _) => Ok(*p),
        (_, f) => Ok(f.unwrap_or(25)),
    }
}

/// `--output FILE`: its directory must exist, since the file is written there atomically
/// (checked before probing, so a typo does not cost a whole probe).
fn check_output(path: Option<&std::path::Path>) -> Result<Option<std::path::PathBuf>, ConfigError> {
    let Some(p) = path else { return Ok(None) };
    if p.as_os_str().is_empty() || p.file_name().is_none() {
        return Err(ConfigError(format!(
            "--output {} is not a file name",
            quoted(&p.to_string_lossy())
        )));
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    if !dir.is_dir() {
        return Err(ConfigError(format!(
            "--output {}: directory {} does not exist",
            quoted(&p.to_string_lossy()),
            quoted(&dir.to_string_lossy())
        )));
    }
    Ok(Some(p.to_path_buf()))
}

/// `--policy` for `target`: MTA-STS belongs to mail domains, DANE to the host names of
/// MX hosts. A mail domain gets both; a `host:port` target with a name gets DANE for that
/// host (as `posttls-finger -l dane '[host]'` checks it), and `require-dane` may ask for it;
/// an IP literal has no name for either. Requiring what the target cannot have is a usage
/// error.
fn policy(arg: PolicyArg, target: &Target) -> Result<PolicyArg, ConfigError> {
    match (arg, target) {
        (_, Target::Domain(_)) => Ok(arg),
        (PolicyArg::Auto | PolicyArg::RequireDane, Target::Direct { ip: None, .. }) => Ok(arg),
        (PolicyArg::RequireDane, _) => Err(ConfigError(
            "--policy require-dane needs a mail domain or a host name as TARGET (TLSA records are published per host name): give a name, not an address".into(),
        )),
        (PolicyArg::RequireMtaSts, _) => Err(ConfigError(
            "--policy require-mta-sts needs a mail domain as TARGET (the policy is published per domain): give the domain, not a host:port or an address".into(),
        )),
        _ => Ok(PolicyArg::Ignore),
    }
}

/// `--tlsa-next-key FILE|HEX`: a file holding a PEM certificate or public key, or the hex
/// SHA-256 of a SubjectPublicKeyInfo; the SHA-256 it names.
fn tlsa_next_key(value: Option<&str>) -> Result<Option<Vec<u8>>, ConfigError> {
    let Some(v) = value else {
        return Ok(None);
    };
    let text = if std::path::Path::new(v).is_file() {
        std::fs::read_to_string(v).map_err(|e| {
            ConfigError(format!(
                "--tlsa-next-key {}: cannot read it: {e}",
                quoted(v)
            ))
        })?
    } else {
        v.to_owned()
    };
    crate::policy::dane::next_key(&text)
        .map(Some)
        .map_err(|e| ConfigError(format!("--tlsa-next-key {}: {e}", quoted(v))))
}

/// The TLS policy. Port 465 (RFC 8314 §3.3 "submissions") implies implicit TLS unless
/// `--starttls` says how to treat it; `--tls` forces it on any port.
fn tls_policy(implicit: bool, starttls: Option<StartTlsArg>, port: u16) -> TlsPolicy {
    if implicit || (port == 465 && starttls.is_none()) {
        return TlsPolicy::Implicit;
    }
    match starttls {
        None | Some(StartTlsArg::Auto) => TlsPolicy::Opportunistic,
        Some(StartTlsArg::Require) => TlsPolicy::Required,
        Some(StartTlsArg::Never) => TlsPolicy::Off,
    }
}

/// The TLS trust and certificate options.
fn tls_settings(a: &ProbeArgs) -> Result<TlsSettings, ConfigError> {
    if a.cert_crit_days > a.cert_warn_days {
        return Err(ConfigError(format!(
            "--cert-crit-days {} is more than --cert-warn-days {}: the critical threshold must be the nearer one",
            a.cert_crit_days, a.cert_warn_days
        )));
    }
    if a.insecure && a.ca_file.is_some() {
        return Err(ConfigError(
            "--ca-file has no effect with --insecure (nothing is verified): drop one of them"
                .into(),
        ));
    }
    if let Some(n) = &a.tls_name {
        let ok = !n.is_empty()
            && (n.parse::<IpAddr>().is_ok() || crate::target::check_domain(n).is_ok());
        if !ok {
            return Err(ConfigError(format!(
                "--tls-name {} is not a host name or IP address",
                quoted(n)
            )));
        }
    }
    let ca_certs = match &a.ca_file {
        None => vec![],
        Some(path) => load_ca_file(path)?,
    };
    Ok(TlsSettings {
        ca_certs,
        insecure: a.insecure,
        tls_name: a.tls_name.clone(),
        warn_days: i64::from(a.cert_warn_days),
        crit_days: i64::from(a.cert_crit_days),
    })
}

/// Reads the certificates of a `--ca-file` (PEM). It is small and named by the user, so it
/// is read at once: a bad file is a usage error before any connection.
fn load_ca_file(
    path: &std::path::Path,
) -> Result<Vec<rustls_pki_types::CertificateDer<'static>>, ConfigError> {
    use rustls_pki_types::pem::PemObject;
    let shown = quoted(&path.to_string_lossy());
    let bytes = std::fs::read(path)
        .map_err(|e| ConfigError(format!("--ca-file {shown}: cannot read it: {e}")))?;
    let certs = rustls_pki_types::CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ConfigError(format!("--ca-file {shown}: not valid PEM: {e}")))?;
    if certs.is_empty() {
        return Err(ConfigError(format!(
            "--ca-file {shown}: no CERTIFICATE block found (expected PEM)"
        )));
    }
    Ok(certs)
}

impl TryFrom<&ProbeArgs> for Config {
    type Error = ConfigError;

    fn try_from(a: &ProbeArgs) -> Result<Config, ConfigError> {
        let rules = TargetRules::of(a);
        let targeted = rules.targeted(a.target.as_deref().unwrap_or_default())?;
        common(a, targeted)
    }
}

/// Everything of the command line but the target, with `t` as the target.
fn common(a: &ProbeArgs, t: Targeted) -> Result<Config, ConfigError> {
    let Targeted {
        target_text,
        target,
        port,
        tls_policy,
        relay_test,
    } = t;
    let tls = tls_settings(a)?;
    let utf8 = a.smtputf8;
    let vrfy = a
        .vrfy
        .iter()
        .map(|v| check_arg("--vrfy", v, false, utf8))
        .collect::<Result<Vec<_>, _>>()?;
    let expn = a
        .expn
        .iter()
        .map(|v| check_arg("--expn", v, false, utf8))
        .collect::<Result<Vec<_>, _>>()?;
    let rcpt = a
        .rcpt
        .iter()
        .map(|v| check_address("--rcpt", v, utf8))
        .collect::<Result<Vec<_>, _>>()?;
    let mail_from = match a.mail_from.as_deref() {
        None | Some("") | Some("<>") => ReversePath::Null,
        Some(v) => ReversePath::Address(check_address("--mail-from", v, utf8)?),
    };
    if a.mail_from.is_some() && rcpt.is_empty() && relay_test.is_none() {
        return Err(ConfigError(
            "--mail-from is only used with --rcpt or --relay-test: add --rcpt ADDR".into(),
        ));
    }
    let helo = match a.helo.as_deref() {
        None => None,
        // EHLO comes before the server could offer SMTPUTF8: ASCII only.
        Some(h) if !h.is_ascii() => {
            return Err(ConfigError(format!(
                "--helo {} is not ASCII: EHLO is sent before a server can offer SMTPUTF8; give the ASCII (punycode) form",
                quoted(h)
            )));
        }
        Some(h) => Some(wire("--helo", h, true)?),
    };
    let resolvers = a
        .resolver
        .iter()
        .map(|r| parse_resolver(r))
        .collect::<Result<Vec<_>, _>>()?;
    let family = match (a.ipv4, a.ipv6) {
        (true, _) => Family::V4,
        (_, true) => Family::V6,
        _ => Family::Any,
    };
    let policy_arg = policy(a.policy, &target)?;
    Ok(Config {
        target_text,
        target,
        port,
        vrfy,
        expn,
        rcpt,
        relay_test,
        mail_from,
        smtputf8: utf8,
        helo,
        canary: !a.no_canary,
        all: a.all,
        resolvers,
        family,
        connect_timeout: seconds("--connect-timeout", a.connect_timeout)?,
        timeout: seconds("--timeout", a.timeout)?,
        deadline: seconds("--deadline", a.deadline)?,
        max_time: seconds("--max-time", a.max_time)?,
        concurrency: concurrency(a.concurrency.unwrap_or(if a.targets.is_some() {
            256
        } else {
            64
        }))?,
        per_ip: per_ip(a)?,
        rate: rate(a.rate)?,
        tls_policy,
        tls,
        policy: policy_arg,
        mta_sts_port: a.mta_sts_port,
        dnssec: dnssec_mode(a)?,
        tlsa_next_key: tlsa_next_key(a.tlsa_next_key.as_deref())?,
        color: a.color,
        format: if a.json { OutputFormat::Json } else { a.format },
        thresholds: Thresholds::from_args(
            a.warning.as_deref(),
            a.critical.as_deref(),
            &a.threshold,
        )
        .map_err(ConfigError)?,
        quiet: a.quiet,
        output: check_output(a.output.as_deref())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn config(line: &str) -> Result<Config, ConfigError> {
        let cli = Cli::try_parse_from(line.split(' ')).map_err(|e| ConfigError(e.to_string()))?;
        Config::try_from(&cli.probe)
    }

    #[test]
    fn targets() {
        assert_eq!(
            parse_target("example.com").unwrap(),
            Target::Domain("example.com".into())
        );
        assert_eq!(
            parse_target("example.com.").unwrap(),
            Target::Domain("example.com".into())
        );
        assert!(matches!(
            parse_target("192.0.2.25:2525").unwrap(),
            Target::Direct {
                port: Some(2525),
                ip: Some(_),
                ..
            }
        ));
        assert!(matches!(
            parse_target("[::1]:2525").unwrap(),
            Target::Direct {
                port: Some(2525),
                ip: Some(IpAddr::V6(_)),
                ..
            }
        ));
        assert!(matches!(
            parse_target("::1").unwrap(),
            Target::Direct {
                port: None,
                ip: Some(_),
                ..
            }
        ));
        assert!(matches!(
            parse_target("mx.example.com:587").unwrap(),
            Target::Direct {
                port: Some(587),
                ip: None,
                ..
            }
        ));
        for bad in [
            "",
            "exa mple.com",
            "[::1",
            "host:0",
            "host:99999",
            "a..b",
            "bad\u{1b}name",
            "example.com..",
            "mx.example.com..:25",
            "alice@example.com",
        ] {
            assert!(parse_target(bad).is_err(), "{bad:?}");
        }
    }

    /// Command lines and whether each is accepted (the table is data: a const).
    #[rustfmt::skip]
    const COMMAND_LINES: &[(&str, bool)] = &[
            ("smtpprobe example.com", true),
            ("smtpprobe example.com --vrfy alice --vrfy bob", true),
            (
                "smtpprobe example.com --rcpt a@example.com --mail-from p@example.org",
                true,
            ),
            ("smtpprobe example.com --mail-from p@example.org", false),
            ("smtpprobe example.com --rcpt a b@example.com", false),
            ("smtpprobe example.com --resolver 127.0.0.1:5353", true),
            ("smtpprobe example.com --resolver nope", false),
            ("smtpprobe example.com --timeout 0", false),
            ("smtpprobe example.com --helo my.host", true),
            ("smtpprobe -4 ::1", false),
            ("smtpprobe -6 127.0.0.1:25", false),
            ("smtpprobe -4 127.0.0.1", true),
            ("smtpprobe example.com --format nagios -w 5 -c 10", true),
            (
                "smtpprobe example.com --format prometheus --threshold greeting=2,5",
                true,
            ),
            ("smtpprobe example.com --threshold greeting=@1:2,~:9", true),
            ("smtpprobe example.com --threshold data=1", false),
            ("smtpprobe example.com --threshold greeting", false),
            ("smtpprobe example.com -w soon", false),
            ("smtpprobe example.com -c 5:1", false),
            ("smtpprobe example.com --json --format nagios", false),
            ("smtpprobe example.com --format xml", false),
            ("smtpprobe example.com --quiet", true),
            (
                "smtpprobe example.com --output /nonexistent-dir/x.prom",
                false,
            ),
            ("smtpprobe example.com --starttls require", true),
            ("smtpprobe example.com --starttls sometimes", false),
            ("smtpprobe example.com --tls --starttls never", false),
            ("smtpprobe example.com --implicit-tls", true),
            (
                "smtpprobe example.com --cert-warn-days 5 --cert-crit-days 9",
                false,
            ),
            ("smtpprobe example.com --ca-file /nonexistent.pem", false),
            ("smtpprobe example.com --tls-name mx.example.com", true),
            ("smtpprobe example.com --tls-name bad_name!", false),
            ("smtpprobe example.com --all -j 200", true),
            ("smtpprobe example.com --concurrency 1", true),
            ("smtpprobe example.com -j 4096", true),
            ("smtpprobe example.com -j 0", false),
            ("smtpprobe example.com -j 4097", false),
            ("smtpprobe example.com -j -1", false),
            ("smtpprobe example.com -j many", false),
            ("smtpprobe example.com --max-time 5", true),
            ("smtpprobe example.com --max-time 0.5", true),
            ("smtpprobe example.com --max-time 0", false),
            ("smtpprobe example.com --max-time -5", false),
            ("smtpprobe example.com --max-time inf", false),
            ("smtpprobe example.com --max-time NaN", false),
            ("smtpprobe example.com --max-time 86401", false),
            ("smtpprobe example.com --vrfy jürgen", false),
            ("smtpprobe example.com --smtputf8 --vrfy jürgen", true),
            (
                "smtpprobe example.com --smtputf8 --rcpt ü@bücher.example",
                true,
            ),
            ("smtpprobe example.com --smtputf8 --vrfy a\u{202e}b", false),
            (
                "smtpprobe example.com --smtputf8 --helo höst.example",
                false,
            ),
            ("smtpprobe mx.example.com:25 --port 25", true),
            ("smtpprobe mx.example.com:25 --port 26", false),
            ("smtpprobe example.com --port 0", false),
            ("smtpprobe example.com -w 5 -c 5", true),
            ("smtpprobe example.com -w 10 -c 5", false),
            ("smtpprobe example.com -w 10: -c 5", true),
            ("smtpprobe example.com --threshold greeting=10,5", false),
            ("smtpprobe example.com --rcpt root", true),
            ("smtpprobe example.com --rcpt <root@example.com>", true),
            ("smtpprobe example.com --rcpt alice@", false),
            ("smtpprobe example.com --rcpt @example.com", false),
            ("smtpprobe example.com --resolver ::1", true),
            ("smtpprobe example.com --resolver 255.255.255.255", false),
            ("smtpprobe example.com --resolver 239.1.2.3", false),
            ("smtpprobe example.com --resolver 0.0.0.0", false),
            ("smtpprobe example.com --timeout 0.001", true),
            ("smtpprobe example.com --timeout 1e-300", false),
            ("smtpprobe example.com --deadline 86400", true),
            ("smtpprobe example.com.", true),
            ("smtpprobe example.com..", false),
            ("smtpprobe alice@example.com", false),
            ("smtpprobe example.com --relay-test", true),
            ("smtpprobe example.com --relay-test=x@elsewhere.test", true),
            ("smtpprobe --relay-test=x@elsewhere.test 127.0.0.1:25", true),
            ("smtpprobe example.com --relay-test=x@example.com", false),
            ("smtpprobe example.com --relay-test=x@EXAMPLE.com.", false),
            ("smtpprobe example.com --relay-test=nobody", false),
            ("smtpprobe example.com --relay-test=@elsewhere.test", false),
            ("smtpprobe example.com --relay-test=x@bad_domain!", false),
            (
                "smtpprobe example.com --relay-test --mail-from p@example.org",
                true,
            ),
    ];

    #[test]
    fn table_of_command_lines() {
        for (line, ok) in COMMAND_LINES {
            assert_eq!(config(line).is_ok(), *ok, "{line}");
        }
    }

    #[test]
    fn relay_test_takes_an_optional_address_after_an_equals_sign() {
        let c = config("smtpprobe example.com --relay-test").unwrap();
        assert_eq!(
            c.relay_test.as_ref().map(WireArg::as_str),
            Some(RELAY_TEST_ADDRESS)
        );
        // Without "=", the next word is the target, not the address.
        let c = config("smtpprobe --relay-test mx.example.com").unwrap();
        assert_eq!(c.target_text, "mx.example.com");
        assert!(c.relay_test.is_some());
        let c = config("smtpprobe example.com --relay-test=a@elsewhere.test").unwrap();
        assert_eq!(
            c.relay_test.as_ref().map(WireArg::as_str),
            Some("a@elsewhere.test")
        );
        assert!(
            config("smtpprobe example.com")
                .unwrap()
                .relay_test
                .is_none()
        );
        let e = config("smtpprobe example.com --relay-test=a@example.com").unwrap_err();
        assert!(e.0.contains("the domain being probed"), "{e}");
    }

    #[test]
    fn json_flag_is_short_for_format_json() {
        let c = config("smtpprobe example.com --json").unwrap();
        assert_eq!(c.format, OutputFormat::Json);
        let c = config("smtpprobe example.com --format json").unwrap();
        assert_eq!(c.format, OutputFormat::Json);
        let c = config("smtpprobe example.com").unwrap();
        assert_eq!(c.format, OutputFormat::Human);
    }

    #[test]
    fn bulk_mode_defaults_and_per_target_configurations() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.txt");
        std::fs::write(&file, "example.com\n").unwrap();
        let cli = Cli::try_parse_from([
            "smtpprobe",
            "--targets",
            file.to_str().unwrap(),
            "--format",
            "jsonl",
        ])
        .unwrap();
        let Ok(Mode::Bulk(b)) = mode(&cli.probe) else {
            panic!("bulk mode")
        };
        assert_eq!(
            (b.base.concurrency, b.base.per_ip, b.base.rate),
            (256, Some(1), None)
        );
        let c = b.for_target("mx.example.net:465").unwrap();
        assert_eq!((c.port, c.tls_policy), (465, TlsPolicy::Implicit));
        assert_eq!(c.target_text, "mx.example.net:465");
        assert!(b.for_target("a b").is_err());
        let one = config("smtpprobe example.com").unwrap();
        assert_eq!((one.concurrency, one.per_ip), (64, None));
        let c = config("smtpprobe example.com --per-ip 2 --rate 5").unwrap();
        assert_eq!((c.per_ip, c.rate), (Some(2), Some(5.0)));
        for bad in ["--per-ip 0", "--rate 0", "--rate inf", "--rate -1"] {
            assert!(
                config(&format!("smtpprobe example.com {bad}")).is_err(),
                "{bad}"
            );
        }
        assert_eq!(Shard::parse("2/4").unwrap(), Shard { index: 2, count: 4 });
        for bad in ["4/4", "1/0", "x/2", "1", "-1/3"] {
            let e = Shard::parse(bad).unwrap_err();
            assert!(e.0.contains("--shard") && e.0.contains("K/N"), "{e}");
        }
    }

    #[test]
    fn max_time_and_concurrency_defaults_and_errors() {
        let c = config("smtpprobe example.com").unwrap();
        assert_eq!(c.max_time, Duration::from_secs(55));
        assert_eq!(c.concurrency, 64);
        let c = config("smtpprobe example.com -j 3 --max-time 2.5").unwrap();
        assert_eq!(
            (c.concurrency, c.max_time),
            (3, Duration::from_millis(2500))
        );
        let e = config("smtpprobe example.com -j 0").unwrap_err();
        assert!(
            e.0.contains("-j/--concurrency") && e.0.contains("4096"),
            "{e}"
        );
        let e = config("smtpprobe example.com --max-time 0").unwrap_err();
        assert!(e.0.contains("--max-time"), "{e}");
    }

    #[test]
    fn warning_and_critical_apply_to_the_total_time() {
        use crate::vocab::Phase;
        let c = config("smtpprobe example.com -w 5 --critical 10 --threshold dns=1").unwrap();
        let total = c.thresholds.get(Phase::Total).unwrap();
        assert_eq!(total.warning.unwrap().to_string(), "5");
        assert_eq!(total.critical.unwrap().to_string(), "10");
        assert!(c.thresholds.get(Phase::Dns).is_some());
    }

    #[test]
    fn port_465_implies_implicit_tls_unless_starttls_is_given() {
        let policy = |line: &str| config(line).unwrap().tls_policy;
        assert_eq!(policy("smtpprobe example.com"), TlsPolicy::Opportunistic);
        assert_eq!(policy("smtpprobe example.com -p 465"), TlsPolicy::Implicit);
        assert_eq!(policy("smtpprobe mx.example.com:465"), TlsPolicy::Implicit);
        assert_eq!(
            policy("smtpprobe example.com -p 465 --starttls auto"),
            TlsPolicy::Opportunistic
        );
        assert_eq!(
            policy("smtpprobe example.com -p 2465 --tls"),
            TlsPolicy::Implicit
        );
        assert_eq!(
            policy("smtpprobe example.com --starttls require"),
            TlsPolicy::Required
        );
        assert_eq!(
            policy("smtpprobe example.com --starttls never"),
            TlsPolicy::Off
        );
    }

    #[test]
    fn the_port_comes_from_the_target_or_the_flag() {
        let port = |line: &str| config(line).unwrap().port;
        assert_eq!(port("smtpprobe example.com"), 25);
        assert_eq!(port("smtpprobe example.com -p 587"), 587);
        assert_eq!(port("smtpprobe mx.example.com:2525"), 2525);
        assert_eq!(port("smtpprobe [::1]:2525 --port 2525"), 2525);
        let e = config("smtpprobe [::1]:2525 --port 25").unwrap_err();
        assert!(e.0.contains("two ports given"), "{e}");
    }

    #[test]
    fn smtputf8_reaches_the_config() {
        let c = config("smtpprobe example.com --smtputf8 --vrfy jürgen").unwrap();
        assert!(c.smtputf8 && !c.vrfy[0].is_ascii());
        assert!(!config("smtpprobe example.com").unwrap().smtputf8);
    }

    #[test]
    fn control_characters_are_refused() {
        let mut a = Cli::try_parse_from(["smtpprobe", "example.com"])
            .unwrap()
            .probe;
        a.vrfy = vec!["alice\r\nDATA".into()];
        let e = Config::try_from(&a).unwrap_err();
        assert!(e.0.contains("--vrfy") && e.0.contains("control"), "{e}");
        a.vrfy = vec![];
        a.helo = Some("x\0y".into());
        assert!(Config::try_from(&a).is_err());
    }
}
