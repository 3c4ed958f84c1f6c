//! The typed vocabulary every layer shares: phases, finding ids, error kinds, DNS problem
//! kinds, check outcomes. Each enum serialises to exactly the string the JSON contract
//! (`docs/json.md`) names, and each mapping between them is written here, once.
//!
//! Plain data: no judgement lives here (statuses and words are `assess`'s), no I/O.

use crate::exit::Status;
use crate::smtp::Context;
use crate::smtp::session::Stage;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Serialises a type as its `name()` string and reads it back with `parse`.
macro_rules! string_serde {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_string())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {}: {s:?}", stringify!($t)))
                })
            }
        }
    };
}

/// A phase of a probe: DNS, the TCP connection, the reply to one command (its
/// [`Context`]), the TLS handshake, the close, one server's whole session, the whole run.
/// Thresholds, perfdata labels, Prometheus `phase` labels and error phases all use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// DNS resolution of the target.
    Dns,
    /// TCP connection to one server.
    Connect,
    /// The reply to a command (the greeting included).
    Reply(Context),
    /// The TLS handshake (implicit TLS or after STARTTLS).
    Tls,
    /// After the conversation: nothing more was expected.
    Close,
    /// The whole conversation with one server (connect to close).
    Session,
    /// The whole run: DNS and every server.
    Total,
}

impl Phase {
    /// The phases thresholds can name (`--threshold greeting=2,5`), in report order.
    pub const TIMED: [Phase; 16] = [
        Phase::Dns,
        Phase::Connect,
        Phase::Reply(Context::Greeting),
        Phase::Reply(Context::Ehlo),
        Phase::Reply(Context::StartTls),
        Phase::Tls,
        Phase::Reply(Context::Mail),
        Phase::Reply(Context::Rcpt),
        Phase::Reply(Context::Vrfy),
        Phase::Reply(Context::Expn),
        Phase::Reply(Context::Rset),
        Phase::Reply(Context::Noop),
        Phase::Reply(Context::Auth),
        Phase::Reply(Context::Quit),
        Phase::Session,
        Phase::Total,
    ];

    /// The name thresholds, perfdata and metrics use (`"greeting"`, `"tls"`, `"total"`).
    pub fn name(self) -> &'static str {
        match self {
            Phase::Dns => "dns",
            Phase::Connect => "connect",
            Phase::Reply(c) => c.name(),
            Phase::Tls => "tls",
            Phase::Close => "close",
            Phase::Session => "session",
            Phase::Total => "total",
        }
    }

    /// The name an error's `phase` has in the JSON contract: as [`Phase::name`], but
    /// `"resolve"` for DNS and `"tls_handshake"` for TLS.
    pub fn error_name(self) -> &'static str {
        match self {
            Phase::Dns => "resolve",
            Phase::Tls => "tls_handshake",
            other => other.name(),
        }
    }

    /// The timed phase of a reply in `context`: HELO counts as EHLO; an unsolicited reply
    /// answers no command and has none.
    pub fn of_reply(context: Context) -> Option<Phase> {
        match context {
            Context::Helo => Some(Phase::Reply(Context::Ehlo)),
            Context::Unsolicited => None,
            c => Some(Phase::Reply(c)),
        }
    }

    /// The phase a user names on the command line (`helo` is an alias of `ehlo`,
    /// `handshake` and `tls_handshake` of `tls`).
    pub fn parse_timed(s: &str) -> Option<Phase> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "helo" => Some(Phase::Reply(Context::Ehlo)),
            "handshake" | "tls_handshake" => Some(Phase::Tls),
            _ => Phase::TIMED.into_iter().find(|p| p.name() == s),
        }
    }

    /// Reads an error phase name back (the inverse of [`Phase::error_name`]).
    fn parse_error_name(s: &str) -> Option<Phase> {
        match s {
            "resolve" => Some(Phase::Dns),
            "tls_handshake" => Some(Phase::Tls),
            "dns" | "tls" => None,
            other => Phase::parse(other),
        }
    }

    /// Reads a phase name back (the inverse of [`Phase::name`]).
    pub fn parse(s: &str) -> Option<Phase> {
        match s {
            "dns" => Some(Phase::Dns),
            "tls" => Some(Phase::Tls),
            "connect" => Some(Phase::Connect),
            "close" => Some(Phase::Close),
            "session" => Some(Phase::Session),
            "total" => Some(Phase::Total),
            other => Context::from_verb(other)
                .filter(|c| c.name() == other)
                .map(Phase::Reply),
        }
    }
}

impl From<Stage> for Phase {
    fn from(stage: Stage) -> Phase {
        match stage {
            Stage::Reply(c) => Phase::Reply(c),
            Stage::TlsHandshake => Phase::Tls,
            Stage::Close => Phase::Close,
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

string_serde!(Phase);

/// Stable, machine-readable finding identifiers (`findings[].id` in the JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingId {
    UnsolicitedReply,
    ServiceNotAvailable,
    ServerClosing,
    UnsolicitedClose,
    NoSmtpService,
    BadGreeting,
    EhloRefused,
    HeloFallback,
    HeloRefused,
    StartTlsMissing,
    StartTlsRefused,
    StartTlsAfterTls,
    StartTlsInjection,
    MailRefused,
    QuitUnexpected,
    QuitNoReply,
    ConnectionClosed,
    AuthBeforeTls,
    TlsCertificateInvalid,
    TlsNotVerified,
    CertExpired,
    CertExpiring,
    /// A self-signed certificate of an hour or two that the server software made itself
    /// because none is configured (Exim without `tls_certificate`): nothing to renew.
    CertTemporary,
    /// A success code the command cannot get (RFC 5321 §4.3.2), e.g. `220` to EHLO.
    InvalidReplyCode,
    /// Replies that break RFC 5321's syntax (bare LF, mixed codes, lines without a code,
    /// over-long lines): strict clients may fail.
    ProtocolViolation,
    /// VRFY or EXPN tells who exists here: harvestable (hardening advice, OK by default).
    UserDisclosure,
    /// Port 465 stayed silent while the probe waited for a plain-text greeting: it is
    /// implicit TLS (RFC 8314 §3.3).
    ImplicitTlsPort,
    /// `--starttls auto`: the server accepted STARTTLS (220) but the TLS handshake failed;
    /// the probe reconnected in plain text and ran the checks there.
    StartTlsHandshakeFailed,
    /// An RCPT for a domain this server is not a mail exchanger for was accepted: it
    /// relays for this client.
    OpenRelay,
    /// The `_mta-sts` TXT records do not make exactly one valid `v=STSv1` record with an `id`: senders act as if there were no policy.
    MtaStsTxtInvalid,
    /// The MTA-STS policy could not be fetched from `https://mta-sts.<domain>/.well-known/mta-sts.txt` (DNS, connection, certificate, HTTP status, size, time): the exact cause in the message.
    MtaStsFetchFailed,
    /// The fetched MTA-STS policy does not parse (RFC 8461 §3.2), or is not served as text/plain.
    MtaStsPolicyInvalid,
    /// An MX host matches none of the policy's `mx` patterns: an enforcing sender will not deliver to it (`testing`: TLS-RPT reports will show it).
    MtaStsMxNotCovered,
    /// An MX host under an MTA-STS policy offers no STARTTLS or a certificate that does not verify for its MX name.
    MtaStsMxCertificate,
    /// `--policy require-mta-sts` and no MTA-STS policy in `enforce` mode applies.
    MtaStsRequired,
    /// The policy host's certificate expires within the certificate thresholds.
    MtaStsHostCertExpiring,
    /// No TLS-RPT record while MTA-STS or DANE is in use: nobody hears about failed deliveries (a note).
    TlsRptMissing,
    /// The `_smtp._tls` TXT records do not make exactly one valid `v=TLSRPTv1` record with `rua=` mailto:/https: URIs.
    TlsRptInvalid,
    /// DANE: a secure TLSA RRset with usable records, and none authenticates the presented chain: DANE senders defer (CRITICAL).
    DaneMismatch,
    /// DANE: TLSA records are published but the server offers no STARTTLS (or the handshake failed): DANE senders defer (CRITICAL).
    DaneNoStarttls,
    /// DANE: DNSSEC validation of the TLSA or address records failed: DANE senders defer (CRITICAL).
    DaneBogus,
    /// DANE: a secure TLSA RRset with no usable record (only PKIX-TA/PKIX-EE or unknown parameters): senders require TLS without authentication (a note).
    DaneUnusable,
    /// DANE: TLSA records in an unsigned zone, or with a DNSSEC status not known: DANE does not apply (a note).
    DaneInsecure,
    /// DANE: only one DANE-EE key is published: the next key rollover breaks delivery unless a record for the next key is published first (WARNING).
    DaneSingleKey,
    /// DANE: no TLSA record matches the `--tlsa-next-key` (WARNING).
    DaneNextKeyMissing,
    /// `--policy require-dane` and DANE authenticates no MX (CRITICAL).
    DaneRequired,
    /// DNSSEC validation of the domain's MX RRset fails: senders that validate (DANE senders, any sender behind a validating resolver) cannot resolve the MX and defer all mail (CRITICAL).
    MxDnssecBogus,
    /// A timing breached its `--threshold` (`threshold_<phase>`).
    Threshold(Phase),
}

impl FindingId {
    const FIXED: [FindingId; 47] = [
        FindingId::UnsolicitedReply,
        FindingId::ServiceNotAvailable,
        FindingId::ServerClosing,
        FindingId::UnsolicitedClose,
        FindingId::NoSmtpService,
        FindingId::BadGreeting,
        FindingId::EhloRefused,
        FindingId::HeloFallback,
        FindingId::HeloRefused,
        FindingId::StartTlsMissing,
        FindingId::StartTlsRefused,
        FindingId::StartTlsAfterTls,
        FindingId::StartTlsInjection,
        FindingId::MailRefused,
        FindingId::QuitUnexpected,
        FindingId::QuitNoReply,
        FindingId::ConnectionClosed,
        FindingId::AuthBeforeTls,
        FindingId::TlsCertificateInvalid,
        FindingId::TlsNotVerified,
        FindingId::CertExpired,
        FindingId::CertExpiring,
        FindingId::CertTemporary,
        FindingId::InvalidReplyCode,
        FindingId::ImplicitTlsPort,
        FindingId::ProtocolViolation,
        FindingId::UserDisclosure,
        FindingId::StartTlsHandshakeFailed,
        FindingId::OpenRelay,
        FindingId::MtaStsTxtInvalid,
        FindingId::MtaStsFetchFailed,
        FindingId::MtaStsPolicyInvalid,
        FindingId::MtaStsMxNotCovered,
        FindingId::MtaStsMxCertificate,
        FindingId::MtaStsRequired,
        FindingId::MtaStsHostCertExpiring,
        FindingId::TlsRptMissing,
        FindingId::TlsRptInvalid,
        FindingId::DaneMismatch,
        FindingId::DaneNoStarttls,
        FindingId::DaneBogus,
        FindingId::DaneUnusable,
        FindingId::DaneInsecure,
        FindingId::DaneSingleKey,
        FindingId::DaneNextKeyMissing,
        FindingId::DaneRequired,
        FindingId::MxDnssecBogus,
    ];

    fn fixed_name(self) -> Option<&'static str> {
        Some(match self {
            FindingId::UnsolicitedReply => "unsolicited_reply",
            FindingId::ServiceNotAvailable => "service_not_available",
            FindingId::ServerClosing => "server_closing",
            FindingId::UnsolicitedClose => "unsolicited_close",
            FindingId::NoSmtpService => "no_smtp_service",
            FindingId::BadGreeting => "bad_greeting",
            FindingId::EhloRefused => "ehlo_refused",
            FindingId::HeloFallback => "helo_fallback",
            FindingId::HeloRefused => "helo_refused",
            FindingId::StartTlsMissing => "starttls_missing",
            FindingId::StartTlsRefused => "starttls_refused",
            FindingId::StartTlsAfterTls => "starttls_after_tls",
            FindingId::StartTlsInjection => "starttls_injection",
            FindingId::MailRefused => "mail_refused",
            FindingId::QuitUnexpected => "quit_unexpected",
            FindingId::QuitNoReply => "quit_no_reply",
            FindingId::ConnectionClosed => "connection_closed",
            FindingId::AuthBeforeTls => "auth_before_tls",
            FindingId::TlsCertificateInvalid => "tls_certificate_invalid",
            FindingId::TlsNotVerified => "tls_not_verified",
            FindingId::CertExpired => "cert_expired",
            FindingId::CertExpiring => "cert_expiring",
            FindingId::CertTemporary => "cert_temporary",
            FindingId::InvalidReplyCode => "invalid_reply_code",
            FindingId::ProtocolViolation => "protocol_violation",
            FindingId::UserDisclosure => "user_disclosure",
            FindingId::ImplicitTlsPort => "implicit_tls_port",
            FindingId::StartTlsHandshakeFailed => "starttls_handshake_failed",
            FindingId::OpenRelay => "open_relay",
            FindingId::MtaStsTxtInvalid => "mta_sts_txt_invalid",
            FindingId::MtaStsFetchFailed => "mta_sts_fetch_failed",
            FindingId::MtaStsPolicyInvalid => "mta_sts_policy_invalid",
            FindingId::MtaStsMxNotCovered => "mta_sts_mx_not_covered",
            FindingId::MtaStsMxCertificate => "mta_sts_mx_certificate",
            FindingId::MtaStsRequired => "mta_sts_required",
            FindingId::MtaStsHostCertExpiring => "mta_sts_host_cert_expiring",
            FindingId::TlsRptMissing => "tls_rpt_missing",
            FindingId::TlsRptInvalid => "tls_rpt_invalid",
            FindingId::DaneMismatch => "dane_mismatch",
            FindingId::DaneNoStarttls => "dane_no_starttls",
            FindingId::DaneBogus => "dane_bogus",
            FindingId::DaneUnusable => "dane_unusable",
            FindingId::DaneInsecure => "dane_insecure",
            FindingId::DaneSingleKey => "dane_single_key",
            FindingId::DaneNextKeyMissing => "dane_next_key_missing",
            FindingId::DaneRequired => "dane_required",
            FindingId::MxDnssecBogus => "mx_dnssec_bogus",
            FindingId::Threshold(_) => return None,
        })
    }

    pub fn parse(s: &str) -> Option<FindingId> {
        if let Some(phase) = s.strip_prefix("threshold_") {
            return Phase::parse_timed(phase)
                .filter(|p| p.name() == phase)
                .map(FindingId::Threshold);
        }
        FindingId::FIXED
            .into_iter()
            .find(|f| f.fixed_name() == Some(s))
    }
}

impl fmt::Display for FindingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.fixed_name(), self) {
            (Some(name), _) => f.write_str(name),
            (None, FindingId::Threshold(p)) => write!(f, "threshold_{}", p.name()),
            (None, _) => Ok(()),
        }
    }
}

string_serde!(FindingId);

/// An MTA-STS policy's `mode` (`policy.mta_sts.policy.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StsMode {
    Enforce,
    Testing,
    None,
}

/// How authentic a DNS answer is (`servers[].dane.dnssec`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dnssec {
    /// Signed and validated.
    Secure,
    /// Provably unsigned (or, with `--dnssec-from-resolver`, the resolver did not set AD).
    Insecure,
    /// Signed, and validation failed (a validating resolver answers SERVFAIL).
    Bogus,
    /// Not known (no validation asked for, or the lookup failed).
    Indeterminate,
}

impl Dnssec {
    /// The status as reports say it (the JSON value).
    pub fn word(self) -> &'static str {
        match self {
            Dnssec::Secure => "secure",
            Dnssec::Insecure => "insecure",
            Dnssec::Bogus => "bogus",
            Dnssec::Indeterminate => "indeterminate",
        }
    }
}

/// The DANE outcome for one server (`servers[].dane.outcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DaneOutcome {
    DaneVerified,
    DaneUnusable,
    DaneMismatch,
    DaneNoStarttls,
    Bogus,
    Insecure,
    NoTlsa,
    Indeterminate,
}

/// A kind of sending MTA, as `policy.senders[].sender` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SenderKind {
    /// Today's default: STARTTLS when offered, any certificate (RFC 7435).
    Opportunistic,
    /// Enforces MTA-STS (RFC 8461), e.g. Gmail, Microsoft 365, Yahoo.
    MtaSts,
    /// Enforces DANE (RFC 7672), e.g. Postfix, Exim, Microsoft 365.
    Dane,
}

/// What a sender does with mail for the domain (`policy.senders[].outcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Delivers,
    /// Keeps the mail queued and retries (and bounces it when it gives up).
    Defers,
    /// Bounces at once.
    Refuses,
    /// The probe cannot tell (the servers that would decide were not reached).
    Unknown,
}

/// How the probe itself failed (`error.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Timeout,
    Refused,
    Unreachable,
    Io,
    Protocol,
    Tls,
    Closed,
    /// The server had no address to connect to.
    Dns,
    /// This machine ran out of something it needs to connect (file descriptors, ports,
    /// socket buffers, memory): not the server's fault.
    LocalResource,
    /// Not tried: the run's time budget (`--max-time`) ran out before this server's turn.
    MaxTime,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ErrorKind {
    /// The JSON string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Timeout => "timeout",
            ErrorKind::Refused => "refused",
            ErrorKind::Unreachable => "unreachable",
            ErrorKind::Io => "io",
            ErrorKind::Protocol => "protocol",
            ErrorKind::Tls => "tls",
            ErrorKind::Closed => "closed",
            ErrorKind::Dns => "dns",
            ErrorKind::LocalResource => "local_resource",
            ErrorKind::MaxTime => "max_time",
        }
    }
}

/// A failure of the probe itself (not a reply: replies are data). Each names its phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}: {message}", phase.error_name())]
pub struct ProbeError {
    #[serde(with = "error_phase")]
    pub phase: Phase,
    pub kind: ErrorKind,
    pub message: String,
}

impl ProbeError {
    pub fn new(phase: Phase, kind: ErrorKind, message: impl Into<String>) -> ProbeError {
        ProbeError {
            phase,
            kind,
            message: message.into(),
        }
    }
}

/// `ProbeError.phase` as its error name (`"resolve"`, `"tls_handshake"`, `"vrfy"`, …).
mod error_phase {
    use super::Phase;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(p: &Phase, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(p.error_name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Phase, D::Error> {
        let s = String::deserialize(d)?;
        Phase::parse_error_name(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown error phase {s:?}")))
    }
}

/// How the target was resolved (`dns.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsKind {
    Mx,
    ImplicitMx,
    NullMx,
    Direct,
}

/// What went wrong in DNS (`dns.error.kind`, `dns.mx[].error.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsProblemKind {
    Nxdomain,
    NoData,
    Servfail,
    Timeout,
    NullMx,
    /// A null MX next to real MX records (RFC 7505 §3: it must be the only one).
    NullMxMixed,
    NoAddress,
    CnameTarget,
    IpTarget,
    /// Nothing answers DNS at the `--resolver` address (refused at once).
    ResolverUnreachable,
    Other,
}

impl DnsProblemKind {
    /// The JSON string.
    pub fn as_str(self) -> &'static str {
        match self {
            DnsProblemKind::Nxdomain => "nxdomain",
            DnsProblemKind::NoData => "no_data",
            DnsProblemKind::Servfail => "servfail",
            DnsProblemKind::Timeout => "timeout",
            DnsProblemKind::NullMx => "null_mx",
            DnsProblemKind::NullMxMixed => "null_mx_mixed",
            DnsProblemKind::NoAddress => "no_address",
            DnsProblemKind::CnameTarget => "cname_target",
            DnsProblemKind::IpTarget => "ip_target",
            DnsProblemKind::ResolverUnreachable => "resolver_unreachable",
            DnsProblemKind::Other => "other",
        }
    }
}

/// Compares with the JSON string, so that scripts and tests read like the contract
/// (`finding.id == "starttls_missing"`).
macro_rules! eq_str {
    ($t:ty, $f:expr) => {
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                let name: fn(&$t) -> String = $f;
                name(self) == *other
            }
        }
    };
}

eq_str!(FindingId, |f| f.to_string());
eq_str!(ErrorKind, |k| k.as_str().to_owned());
eq_str!(DnsProblemKind, |k| k.as_str().to_owned());
eq_str!(Context, |c| c.name().to_owned());

/// A DNS problem, machine-readable `kind` plus an explanation and its weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsProblem {
    pub kind: DnsProblemKind,
    pub message: String,
    pub status: Status,
}

/// What a VRFY, EXPN or RCPT reply says about the user or list asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 250/251 (or 252 from a server shown to tell users apart): the user or list exists.
    Exists,
    /// 252, or a server that says the same for the canary: it will neither confirm nor deny.
    CannotVerify,
    /// 550/551/553 (5.1.x): no such user here.
    UnknownUser,
    /// 553 with several possible matches (RFC 5321 §3.5.4).
    Ambiguous,
    /// The command is switched off or refused by policy (500/502/504, 5.7.x, known texts).
    Disabled,
    /// A 4xx: try again later; nothing is known yet.
    TemporaryFailure,
    /// RCPT accepted for the canary too: the domain accepts any local part.
    CatchAll,
    /// The check could not run (MAIL refused, connection lost before it).
    NotChecked,
    /// 501: the server did not accept the argument's form (e.g. Exim wants `user@domain`
    /// for VRFY); nothing is known about the name yet.
    BadArgument,
    /// RCPT accepted for a domain this server is not a mail exchanger for: it relays mail
    /// to other domains for this client.
    Relayed,
    /// RCPT refused for a domain this server is not a mail exchanger for: it does not relay
    /// for this client (a closed server's answer).
    RelayDenied,
    /// Whether the server relays cannot be told: the recipient domain's lookup failed, the
    /// domain has no mail records as seen from here, or the refusal names the domain itself
    /// (it does not resolve, or publishes a null MX) rather than relaying.
    Inconclusive,
}

/// How TLS was used on a connection: `servers[].tls.mode` in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TlsMode {
    /// "none": the session stayed in plain text.
    #[serde(rename = "none")]
    None,
    /// "starttls": upgraded with STARTTLS (RFC 3207).
    #[serde(rename = "starttls")]
    StartTls,
    /// "implicit": TLS from the first byte (RFC 8314).
    #[serde(rename = "implicit")]
    Implicit,
}

impl TlsMode {
    /// The JSON string.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::None => "none",
            TlsMode::StartTls => "starttls",
            TlsMode::Implicit => "implicit",
        }
    }
}

/// Why verification failed (or was skipped), or why the handshake failed:
/// `servers[].tls.verify_error.reason` in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerifyReason {
    // The certificate (RFC 5280 path validation, RFC 6125 names).
    Expired,
    NotYetValid,
    NameMismatch,
    UnknownIssuer,
    SelfSigned,
    /// The server sent no intermediate, and its chain names where the issuer is published.
    IncompleteChain,
    BadSignature,
    Revoked,
    InvalidPurpose,
    /// `--insecure`: not verified at all.
    Insecure,
    // The handshake.
    /// The server speaks only TLS < 1.2 (RFC 8996).
    ProtocolVersion,
    HandshakeFailed,
    /// The server answered the handshake with something that is not TLS.
    NotTls,
    /// A handshake message (in practice the certificate chain) larger than rustls accepts
    /// (64 KiB), or a record larger than TLS allows.
    MessageTooLarge,
    Closed,
    Timeout,
    Other,
}

impl VerifyReason {
    /// The JSON string.
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyReason::Expired => "expired",
            VerifyReason::NotYetValid => "not_yet_valid",
            VerifyReason::NameMismatch => "name_mismatch",
            VerifyReason::UnknownIssuer => "unknown_issuer",
            VerifyReason::SelfSigned => "self_signed",
            VerifyReason::IncompleteChain => "incomplete_chain",
            VerifyReason::BadSignature => "bad_signature",
            VerifyReason::Revoked => "revoked",
            VerifyReason::InvalidPurpose => "invalid_purpose",
            VerifyReason::Insecure => "insecure",
            VerifyReason::ProtocolVersion => "protocol_version",
            VerifyReason::HandshakeFailed => "handshake_failed",
            VerifyReason::NotTls => "not_tls",
            VerifyReason::MessageTooLarge => "message_too_large",
            VerifyReason::Closed => "closed",
            VerifyReason::Timeout => "timeout",
            VerifyReason::Other => "other",
        }
    }
}

/// The JSON string, which is also the text of the human and monitoring outputs.
impl fmt::Display for TlsMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The JSON string, which is also the text of the human and monitoring outputs.
impl fmt::Display for VerifyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with the JSON string, so tests can state the contract as it is written.
impl PartialEq<&str> for TlsMode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Compares with the JSON string, so tests can state the contract as it is written.
impl PartialEq<&str> for VerifyReason {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_ids_round_trip_through_their_json_strings() {
        let mut all: Vec<FindingId> = FindingId::FIXED.to_vec();
        all.extend(Phase::TIMED.into_iter().map(FindingId::Threshold));
        for id in all {
            let json = serde_json::to_string(&id).unwrap_or_default();
            let back: FindingId = serde_json::from_str(&json).unwrap_or(FindingId::QuitNoReply);
            assert_eq!(back, id, "{json}");
        }
        assert_eq!(
            FindingId::Threshold(Phase::Reply(Context::Greeting)).to_string(),
            "threshold_greeting"
        );
        for k in [
            DnsProblemKind::Nxdomain,
            DnsProblemKind::NullMxMixed,
            DnsProblemKind::CnameTarget,
            DnsProblemKind::Other,
        ] {
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(FindingId::parse("threshold_helo"), None);
        assert_eq!(
            serde_json::to_string(&FindingId::StartTlsHandshakeFailed).unwrap_or_default(),
            "\"starttls_handshake_failed\""
        );
        assert_eq!(FindingId::OpenRelay.to_string(), "open_relay");
        assert_eq!(
            serde_json::to_string(&FindingId::MtaStsMxNotCovered).unwrap_or_default(),
            "\"mta_sts_mx_not_covered\""
        );
        assert_eq!(FindingId::TlsRptInvalid.to_string(), "tls_rpt_invalid");
        assert_eq!(FindingId::DaneMismatch.to_string(), "dane_mismatch");
        for (o, name) in [
            (DaneOutcome::DaneVerified, "dane_verified"),
            (DaneOutcome::DaneUnusable, "dane_unusable"),
            (DaneOutcome::DaneMismatch, "dane_mismatch"),
            (DaneOutcome::DaneNoStarttls, "dane_no_starttls"),
            (DaneOutcome::Bogus, "bogus"),
            (DaneOutcome::Insecure, "insecure"),
            (DaneOutcome::NoTlsa, "no_tlsa"),
        ] {
            assert_eq!(
                serde_json::to_string(&o).unwrap_or_default(),
                format!("\"{name}\"")
            );
        }
        assert_eq!(
            serde_json::to_string(&Dnssec::Indeterminate).unwrap_or_default(),
            "\"indeterminate\""
        );
        assert_eq!(
            serde_json::to_string(&SenderKind::MtaSts).unwrap_or_default(),
            "\"mta_sts\""
        );
        assert_eq!(
            serde_json::to_string(&StsMode::Enforce).unwrap_or_default(),
            "\"enforce\""
        );
        assert_eq!(
            serde_json::to_string(&Delivery::Defers).unwrap_or_default(),
            "\"defers\""
        );
        for (o, name) in [
            (Outcome::Relayed, "relayed"),
            (Outcome::RelayDenied, "relay_denied"),
            (Outcome::Inconclusive, "inconclusive"),
            (Outcome::CatchAll, "catch_all"),
        ] {
            let json = serde_json::to_string(&o).unwrap_or_default();
            assert_eq!(json, format!("\"{name}\""));
            let back: Outcome = serde_json::from_str(&json).unwrap_or(Outcome::NotChecked);
            assert_eq!(back, o);
        }
        for k in [
            ErrorKind::Timeout,
            ErrorKind::Refused,
            ErrorKind::Unreachable,
            ErrorKind::Io,
            ErrorKind::Protocol,
            ErrorKind::Tls,
            ErrorKind::Closed,
            ErrorKind::Dns,
            ErrorKind::LocalResource,
            ErrorKind::MaxTime,
        ] {
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            let back: ErrorKind = serde_json::from_str(&json).unwrap_or(ErrorKind::Io);
            assert_eq!(back, k);
        }
    }

    #[test]
    fn error_phases_keep_their_contract_names() {
        let e = ProbeError::new(Phase::Tls, ErrorKind::Timeout, "x");
        let json = serde_json::to_string(&e).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"phase":"tls_handshake","kind":"timeout","message":"x"}"#
        );
        for p in [
            Phase::Dns,
            Phase::Connect,
            Phase::Tls,
            Phase::Close,
            Phase::Reply(Context::Vrfy),
            Phase::Reply(Context::Greeting),
        ] {
            assert_eq!(Phase::parse_error_name(p.error_name()), Some(p));
        }
    }

    #[test]
    fn timed_phases_parse_by_name_and_alias() {
        for p in Phase::TIMED {
            assert_eq!(Phase::parse_timed(p.name()), Some(p));
        }
        assert_eq!(
            Phase::parse_timed("HELO"),
            Some(Phase::Reply(Context::Ehlo))
        );
        assert_eq!(Phase::parse_timed("handshake"), Some(Phase::Tls));
        assert_eq!(Phase::parse_timed("unsolicited"), None);
        assert_eq!(Phase::parse_timed("data"), None);
    }
}
