//! Transport-security policies a mail domain publishes, as facts: MTA-STS (RFC 8461: the
//! `_mta-sts` TXT record, the policy fetched over HTTPS, parsed) and TLS-RPT (RFC 8460: the
//! `_smtp._tls` TXT record). Looked up concurrently with the MX walk and the conversations
//! by the run engine; judged (which MX a strict sender refuses, how bad a fault is) in
//! `assess/mta_sts.rs` only.
//!
//! - `mta_sts.rs`: the TXT record, the policy file and MX pattern matching, parsed.
//! - `tls_rpt.rs`: the TLS-RPT record, parsed.
//! - `https.rs`: the policy fetch, a minimal and strict HTTP/1.1 GET over the run's TLS.
//!
//! A domain that publishes no `v=STSv1` record costs two TXT lookups, run while the MX is
//! looked up and the servers are talked to: no HTTPS fetch is made for it.

pub mod dane;
pub mod https;
pub mod mta_sts;
pub mod tls_rpt;

use crate::dns::{DnsFailure, Lookup, MxDnssec};
use crate::tls::TlsContext;
use tokio::time::Instant;

/// What a domain publishes, as looked up.
#[derive(Debug, Clone)]
pub struct PolicyFacts {
    pub domain: String,
    pub mta_sts: MtaStsFacts,
    /// The `_smtp._tls` TXT records, read; or why the lookup failed (`NoData`/`NxDomain`:
    /// none published).
    pub tls_rpt: Result<tls_rpt::RptTxt, DnsFailure>,
    /// How authentic the domain's MX RRset is, found as DANE's TLSA answers are (RFC 7672
    /// §2.2.1: a sender that validates cannot use a bogus MX RRset at all).
    pub mx_dnssec: MxDnssec,
}

#[derive(Debug, Clone)]
pub struct MtaStsFacts {
    /// The `_mta-sts` TXT records, read; or why the lookup failed.
    pub txt: Result<mta_sts::StsTxt, DnsFailure>,
    /// The fetch, made when a record starts with `v=STSv1`.
    pub fetch: Option<https::Fetch>,
    /// The fetched body, parsed (or why it is not a policy).
    pub policy: Option<Result<mta_sts::Policy, String>>,
}

/// Looks up what `domain` publishes (MTA-STS and TLS-RPT), fetching the MTA-STS policy over
/// HTTPS from port `https_port` when a `v=STSv1` record announces one; all before `limit`.
pub async fn observe<L: Lookup>(
    lookup: &L,
    tls: &TlsContext,
    domain: &str,
    https_port: u16,
    limit: Instant,
) -> PolicyFacts {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let sts_name = format!("_mta-sts.{domain}.");
    let rpt_name = format!("_smtp._tls.{domain}.");
    let mx_validated = async {
        tokio::time::timeout_at(limit, lookup.mx_dnssec(&format!("{domain}.")))
            .await
            .unwrap_or_else(|_| MxDnssec {
                dnssec: crate::vocab::Dnssec::Indeterminate,
                basis: "the MX records' DNSSEC status was not found within --max-time".into(),
            })
    };
    // Not through an `async fn` taking the lookup: its future would be kept twice.
    let (sts, rpt, mx_dnssec) = tokio::join!(
        tokio::time::timeout_at(limit, lookup.txt(&sts_name)),
        tokio::time::timeout_at(limit, lookup.txt(&rpt_name)),
        mx_validated
    );
    let txt = in_time(sts).map(mta_sts::parse_txt);
    let (fetch, policy) = match &txt {
        Ok(t) if t.announced() => {
            // Boxed: the HTTPS fetch's state is large and only a domain announcing MTA-STS
            // needs it.
            let f = Box::pin(https::fetch(lookup, tls, &domain, https_port, limit)).await;
            let p = f.body.as_deref().map(mta_sts::parse_policy);
            (Some(f), p)
        }
        _ => (None, None),
    };
    PolicyFacts {
        domain,
        mta_sts: MtaStsFacts { txt, fetch, policy },
        tls_rpt: in_time(rpt).map(tls_rpt::parse_txt),
        mx_dnssec,
    }
}

/// A lookup's answer, or a timeout when the limit came first.
fn in_time<T>(
    r: Result<Result<T, DnsFailure>, tokio::time::error::Elapsed>,
) -> Result<T, DnsFailure> {
    r.unwrap_or(Err(DnsFailure::Timeout))
}
