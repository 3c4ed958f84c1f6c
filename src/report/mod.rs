//! One serialisable report model; the renderers in this module's children turn it into
//! human, JSON, nagios (monitoring plugin) and Prometheus textfile output, each writing to
//! a given `impl Write`. Renderers only render: no file I/O, no clock, no clap types, no
//! judgement (the model arrives complete from `assess`).
//!
//! The JSON form of these types is a versioned contract documented in `docs/json.md`:
//! fields may be added, never renamed or removed within a schema version.

pub mod bulk;
pub mod explain;
pub mod human;
pub mod json;
pub mod measure;
pub mod nagios;
pub mod policy;
pub mod prometheus;
pub mod tls;
pub mod watch;

use crate::exit::Status;
use crate::smtp::{CheckKind, Context};
use crate::vocab::{DnsKind, DnsProblem, FindingId, Outcome, Phase, ProbeError};
use serde::{Deserialize, Serialize};

/// The JSON schema version. Bump only for incompatible changes.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    /// "smtpprobe 0.1.0"
    pub tool: String,
    pub target: String,
    pub status: Status,
    pub exit_code: i32,
    /// One line saying why the status is what it is.
    pub summary: String,
    pub dns: DnsReport,
    pub servers: Vec<ServerReport>,
    pub elapsed_ms: f64,
    /// Timings judged against `--warning`/`--critical`/`--threshold` (absent when none given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<ThresholdReport>,
    /// The mail domain's transport-security policies (MTA-STS, TLS-RPT) and what strict
    /// senders do; absent when not looked up (`--policy ignore`, not a domain target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<policy::PolicyReport>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DnsReport {
    pub kind: DnsKind,
    /// "system" or the --resolver addresses.
    pub resolver: String,
    pub mx: Vec<MxReport>,
    pub error: Option<DnsProblem>,
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MxReport {
    pub preference: u16,
    pub exchange: String,
    pub addresses: Vec<String>,
    pub error: Option<DnsProblem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServerReport {
    pub host: String,
    /// `None` when the host had no address to connect to.
    pub address: Option<String>,
    pub port: u16,
    /// False for servers listed but not tried (a better one already worked).
    pub probed: bool,
    pub status: Status,
    /// The name we gave in EHLO/HELO.
    pub helo: Option<String>,
    /// EHLO keywords with parameters as the server sent them (before TLS).
    pub extensions: Vec<String>,
    pub connect_ms: Option<f64>,
    pub steps: Vec<StepReport>,
    pub checks: Vec<CheckReport>,
    pub findings: Vec<FindingReport>,
    pub error: Option<ProbeError>,
    /// The command line sent that never got a reply (e.g. `"VRFY alice"` before a timeout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unanswered: Option<String>,
    pub elapsed_ms: f64,
    /// TLS as negotiated (mode "none" when the session stayed plain); `None` when no
    /// connection was made. After a plain-text fallback (`attempts`), the TLS of the
    /// attempt that was given up: its failed handshake, with the reason.
    #[serde(default)]
    pub tls: Option<tls::TlsReport>,
    /// Earlier connections to this address that were given up before the one reported
    /// above, oldest first; absent when there was only one. Today: with `--starttls auto`,
    /// the connection whose STARTTLS handshake failed, after which the probe reconnected in
    /// plain text (finding `starttls_handshake_failed`): the fields above (`steps`, `checks`,
    /// `error`, timings) are the plain-text connection's, where the checks ran.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<AttemptReport>,
    /// DANE (RFC 7672) for this server: its MX host's TLSA records, their DNSSEC status and
    /// what they say of the presented chain; absent when TLSA was not looked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dane: Option<policy::DaneReport>,
    /// Bulk mode with `--dedupe-servers`: true when this server's result was observed once
    /// (for the first target that used this address, port and MX name) and is attached to
    /// this target too; absent otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared: bool,
}

/// A connection given up before the one a server entry reports (`servers[].attempts[]`).
/// Its TLS is the server entry's `tls`; its findings are among the server's `findings`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AttemptReport {
    /// The name we gave in EHLO/HELO.
    pub helo: Option<String>,
    /// EHLO keywords as the server sent them (before TLS).
    pub extensions: Vec<String>,
    pub connect_ms: Option<f64>,
    /// Every reply on this connection, in order, up to where it was given up.
    pub steps: Vec<StepReport>,
    /// Why this connection was given up (for a failed STARTTLS handshake, phase
    /// `tls_handshake`).
    pub error: Option<ProbeError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unanswered: Option<String>,
    /// Connect to close.
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepReport {
    /// The verb answered ("EHLO", "VRFY"…); `None` for the greeting and unsolicited replies.
    pub command: Option<String>,
    /// The full command line sent.
    pub request: Option<String>,
    /// "greeting", "ehlo", …, "unsolicited".
    pub context: Context,
    pub code: u16,
    pub enhanced: Option<String>,
    /// Reply lines as received (untrusted text; JSON escapes it, the human report too).
    pub lines: Vec<String>,
    pub elapsed_ms: f64,
    pub meaning: String,
    pub advice: String,
    pub status: Status,
    pub rule: String,
    pub server_hint: Option<String>,
    /// Why the server refused, in the bounce-reason names `explain` uses (Sisimai 5's,
    /// plus `greylisting`); null for a success.
    #[serde(default)]
    pub reason: Option<crate::knowledge::classify::Reason>,
    pub anomalies: Vec<String>,
    /// Sent and answered inside TLS.
    pub tls: bool,
    /// The command asked about the canary (a made-up name); its refusal is expected, so the
    /// step is always judged OK: the comparison lives in the check it serves.
    #[serde(default)]
    pub canary: bool,
    /// The pipelining group (RFC 2920): an integer shared by the steps whose commands were
    /// sent in one write, or null for a command sent alone. A group is timed as a whole:
    /// each step's `elapsed_ms` runs from the group's write to that step's reply.
    #[serde(default)]
    pub group: Option<u32>,
    /// Each line's bytes as received (not in JSON, which keeps `lines`): the human and nagios
    /// renderers show invalid bytes as `\xNN` from these. Empty when every line is its
    /// bytes as received, whole and short enough to show as it is.
    #[serde(skip)]
    pub raw: Vec<Vec<u8>>,
    /// Each line's length as received, before truncation at the parser's limit (not in
    /// JSON): renderers that cut a long line say how much they left out. Empty with `raw`.
    #[serde(skip)]
    pub lengths: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckReport {
    pub kind: CheckKind,
    pub argument: String,
    /// The argument as given, when the probe asked in another form (a bare name qualified
    /// with the probed domain: `root` → `root@example.test`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<String>,
    pub code: Option<u16>,
    pub enhanced: Option<String>,
    pub outcome: Outcome,
    pub meaning: String,
    pub status: Status,
    pub canary: Option<CanaryReport>,
    pub discriminates: Option<bool>,
    /// EXPN only: the members the list expanded to, as the server gave them (one per reply
    /// line); absent for VRFY and RCPT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    /// The RCPT of `--relay-test` (absent otherwise).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relay_test: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CanaryReport {
    pub argument: String,
    pub code: Option<u16>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FindingReport {
    pub id: FindingId,
    pub status: Status,
    pub message: String,
}

/// One timing judged against a threshold (the JSON report lists them all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdReport {
    pub phase: Phase,
    /// The perfdata label of the timing (`mx1.example.com_greeting`, `total`).
    pub label: String,
    pub seconds: f64,
    pub warning: Option<String>,
    pub critical: Option<String>,
    pub status: Status,
    /// Why it breached, e.g. "greeting of mx1.example.com took 2.3 s > 2 s"; empty when OK.
    pub message: String,
}

/// Milliseconds with microsecond precision, for JSON.
pub fn ms(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 1_000_000.0).round() / 1000.0
}
