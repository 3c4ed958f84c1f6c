//! The transport-security policies of a mail domain, as the report carries them (`policy`
//! in the JSON contract, docs/json.md): MTA-STS (the TXT record, the fetched policy, the
//! fetch, each MX host against it), TLS-RPT, and what each kind of strict sender would do.

use crate::exit::Status;
use crate::report::FindingReport;
use crate::vocab::{DaneOutcome, Delivery, Dnssec, SenderKind, StsMode};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PolicyReport {
    /// The worst of the policy findings.
    pub status: Status,
    pub mta_sts: MtaStsReport,
    pub tls_rpt: TlsRptReport,
    /// One verdict per kind of sender: opportunistic, MTA-STS enforcing.
    pub senders: Vec<SenderReport>,
    /// How authentic the domain's MX RRset is (RFC 7672 §2.2.1), found as the TLSA
    /// records' status is.
    #[serde(default = "not_known")]
    pub mx_dnssec: Dnssec,
    /// How `mx_dnssec` was found.
    #[serde(default)]
    pub mx_dnssec_basis: String,
}

/// A report from before `mx_dnssec` did not know it.
fn not_known() -> Dnssec {
    Dnssec::Indeterminate
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MtaStsReport {
    /// The TXT records at `_mta-sts.<domain>`, as received (empty when none).
    pub txt: Vec<String>,
    /// Why the TXT lookup failed (not NXDOMAIN/NODATA, which are "none published").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup_error: Option<String>,
    /// The `id` of the one valid `v=STSv1` record.
    pub id: Option<String>,
    /// The fetched policy, when it parsed.
    pub policy: Option<StsPolicyReport>,
    /// The HTTPS fetch, when a `v=STSv1` record announced a policy.
    pub fetch: Option<FetchReport>,
    /// Every MX host against the policy (absent without a policy in force).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mx: Vec<MxPolicyReport>,
    pub findings: Vec<FindingReport>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StsPolicyReport {
    pub mode: StsMode,
    pub mx: Vec<String>,
    /// Seconds.
    pub max_age: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FetchReport {
    pub url: String,
    /// The HTTP status, or null when none was read.
    pub status: Option<u16>,
    /// Why no usable policy was fetched, exactly (null on success).
    pub error: Option<String>,
    pub address: Option<String>,
    /// Days until the policy host's certificate expires (negative: expired).
    pub certificate_days_left: Option<i64>,
    /// The policy host certificate's notAfter as Unix seconds.
    #[serde(default)]
    pub certificate_not_after_unix: Option<i64>,
    pub elapsed_ms: f64,
}

/// One MX host against the MTA-STS policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MxPolicyReport {
    pub host: String,
    /// The pattern that covers it; null when none does.
    pub pattern: Option<String>,
    /// Whether it presented, over STARTTLS, a certificate that verifies for its name; null
    /// when not probed.
    pub certificate_verified: Option<bool>,
    /// Whether an enforcing sender delivers to it; null when unknown (not probed).
    pub passes: Option<bool>,
    /// Why not, or why unknown.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TlsRptReport {
    /// The TXT records at `_smtp._tls.<domain>`, as received (empty when none).
    pub txt: Vec<String>,
    pub rua: Vec<String>,
    /// Why the records are not one valid TLS-RPT record; null when they are or when none
    /// is published.
    pub error: Option<String>,
}

/// What one kind of sender does with mail for the domain, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SenderReport {
    pub sender: SenderKind,
    pub outcome: Delivery,
    pub reason: String,
}

impl SenderKind {
    /// How the human and nagios reports name the sender.
    pub fn label(self) -> &'static str {
        match self {
            SenderKind::Opportunistic => "opportunistic sender",
            SenderKind::MtaSts => "MTA-STS enforcing sender",
            SenderKind::Dane => "DANE enforcing sender",
        }
    }
}

impl Delivery {
    pub fn label(self) -> &'static str {
        match self {
            Delivery::Delivers => "delivers",
            Delivery::Defers => "defers",
            Delivery::Refuses => "refuses",
            Delivery::Unknown => "cannot tell",
        }
    }
}

impl StsMode {
    pub fn label(self) -> &'static str {
        match self {
            StsMode::Enforce => "enforce",
            StsMode::Testing => "testing",
            StsMode::None => "none",
        }
    }

    /// The value of `smtpprobe_mta_sts_mode`: 0 no policy (or mode none), 1 testing,
    /// 2 enforce.
    pub fn gauge(mode: Option<StsMode>) -> u8 {
        match mode {
            Some(StsMode::Enforce) => 2,
            Some(StsMode::Testing) => 1,
            _ => 0,
        }
    }
}

/// DANE for one server (`servers[].dane`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DaneReport {
    /// The TLSA records at `_<port>._tcp.<host>`, as published.
    pub tlsa: Vec<TlsaReport>,
    /// `secure`, `insecure`, `bogus` or `indeterminate`.
    pub dnssec: Dnssec,
    pub outcome: DaneOutcome,
    /// The record that authenticated the chain, and at which depth (0 the leaf).
    pub matched: Option<DaneMatch>,
    /// Which usable records match the current chain and which match nothing (absent when
    /// DANE does not apply).
    pub rollover: Option<RolloverReport>,
    /// How the DNSSEC status was found.
    pub basis: String,
    /// The outcome in words.
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TlsaReport {
    pub usage: u8,
    pub selector: u8,
    pub matching: u8,
    /// Hex.
    pub data: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DaneMatch {
    /// `usage selector matching data`.
    pub record: String,
    pub depth: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RolloverReport {
    /// Usable records that match a certificate of the current chain.
    pub current: Vec<String>,
    /// Usable records that match nothing presented (a next key, or a stale one).
    pub unmatched: Vec<String>,
    /// `--tlsa-next-key`: its SPKI SHA-256 (hex) and whether a record for it is published.
    pub next_key: Option<NextKeyReport>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NextKeyReport {
    pub spki_sha256: String,
    pub published: bool,
}
