//! In-process DNSSEC validation of what DANE depends on (RFC 7672 §2.2): the TLSA RRset
//! of an MX host and the host's A and AAAA records, and the domain's MX RRset (§2.2.1: a
//! bogus one stops every validating sender), validated by hickory's validator from
//! trust anchors ([`super::anchors`]): the IANA root keys by default, `--trust-anchor
//! FILE` for a private zone.
//!
//! How an anchor becomes usable, once per process and per anchor zone: the zone's DNSKEY
//! RRset is asked for with DO set; if one of its signatures verifies with an anchored key
//! (a DNSKEY of the file, or a key whose digest a DS of the file gives), every zone key
//! of the RRset is trusted (RFC 4035 §5: the DNSKEY RRset signed by a trusted key
//! authenticates the zone's keys). Those keys are hickory's trust anchors. So a DS anchor
//! works like a DNSKEY one, and the chain never needs the parent's DS.
//!
//! The statuses, per RRset, then combined (the weakest wins: bogus, indeterminate,
//! insecure, secure):
//! - a name under no anchor zone: `insecure` (RFC 4035 §4.3: no chain from any trusted
//!   starting point; e.g. a zone beside the one `--trust-anchor` names);
//! - the anchor zone's DNSKEY RRset not obtained, or obtained without signatures (a
//!   resolver that strips DNSSEC data, a private zone the resolver cannot reach, the root
//!   refused): `indeterminate` — nothing is wrong with the zone that we can tell;
//! - the DNSKEY RRset signed, but no signature verifies with the anchor (an anchor that
//!   does not match the zone): `bogus`, what a validator with that anchor concludes;
//! - otherwise hickory's proof of each RRset, a positive answer's or a denial's (NSEC).

use super::anchors::TrustAnchor;
use super::{DnsFailure, MxDnssec, TlsaAnswer};
use crate::vocab::Dnssec;
use hickory_resolver::TokioResolver;
use hickory_resolver::proto::dnssec::rdata::{DNSKEY, DNSSECRData};
use hickory_resolver::proto::dnssec::{TrustAnchors, Verifier};
use hickory_resolver::proto::rr::{DNSClass, LowerName, Name, RData, Record, RecordType};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// The in-process validator of one run.
pub(super) struct Validator {
    anchors: Vec<TrustAnchor>,
    /// `--resolver` (empty: the system's configuration), for the validating resolver.
    configured: Vec<SocketAddr>,
    /// Where the anchor zones' DNSKEY RRsets are asked for (`--resolver`, else the system's).
    servers: Vec<SocketAddr>,
    /// Why there are no servers to ask, if there are none.
    no_servers: String,
    timeout: Duration,
    /// Said in every basis: where the anchors come from.
    source: String,
    state: tokio::sync::OnceCell<State>,
}

/// The anchor zones as found, and the validating resolver built from their keys.
struct State {
    zones: Vec<(Name, ZoneAnchor)>,
    /// Built when an anchor gave keys; or why it could not be.
    resolver: Option<Result<TokioResolver, String>>,
}

enum ZoneAnchor {
    /// The zone's keys, authenticated by the anchor.
    Keys(Vec<DNSKEY>),
    /// Nothing to validate with: `indeterminate`, and why.
    Unknown(String),
    /// The zone's signed keys do not match the anchor: `bogus`, and why.
    Mismatch(String),
}

/// One RRset's status and, in words, why it is not secure.
struct Proven {
    dnssec: Dnssec,
    why: String,
}

impl Validator {
    pub(super) fn new(
        anchors: Vec<TrustAnchor>,
        configured: Vec<SocketAddr>,
        timeout: Duration,
        source: String,
    ) -> Validator {
        // Without servers to ask, every anchor is unknown (indeterminate), and says why.
        let (servers, no_servers) = match super::dns_servers(&configured) {
            Ok(s) => (s, String::new()),
            Err(e) => (vec![], e),
        };
        Validator {
            no_servers,
            anchors,
            configured,
            servers,
            timeout,
            source,
            state: tokio::sync::OnceCell::new(),
        }
    }

    async fn state(&self) -> &State {
        self.state.get_or_init(|| self.setup()).await
    }

    async fn setup(&self) -> State {
        let mut names: Vec<Name> = vec![];
        for a in &self.anchors {
            if !names.contains(&a.zone) {
                names.push(a.zone.clone());
            }
        }
        let found = super::join_all(names.iter().map(|z| self.zone_anchor(z))).await;
        let zones: Vec<(Name, ZoneAnchor)> = names.into_iter().zip(found).collect();
        let mut trust = TrustAnchors::empty();
        let mut keys_found = 0;
        for (zone, anchor) in &zones {
            if let ZoneAnchor::Keys(keys) = anchor {
                for k in keys {
                    trust.insert_with_name(k.public_key(), LowerName::from(zone));
                    keys_found += 1;
                }
            }
        }
        // Without a usable anchor nothing is validated: no resolver to build. (hickory's
        // `TrustAnchors::is_empty` counts the root's keys only.)
        let resolver = if keys_found == 0 {
            None
        } else {
            let built = super::builder(&self.configured, self.timeout).and_then(|b| {
                b.with_trust_anchor(Arc::new(trust))
                    .build()
                    .map_err(|e| e.to_string())
            });
            Some(built)
        };
        State { zones, resolver }
    }

    /// The anchor zone's keys, authenticated by the anchor's DNSKEY or DS.
    async fn zone_anchor(&self, zone: &Name) -> ZoneAnchor {
        let name = zone.to_ascii();
        let mut last = self.no_servers.clone();
        for server in &self.servers {
            match super::ad_query(*server, &name, RecordType::DNSKEY, self.timeout).await {
                Ok(a) if a.rcode == hickory_resolver::proto::op::ResponseCode::NoError => {
                    return self.authenticate(zone, &a.answers, *server);
                }
                Ok(a) => last = format!("{server} answered {} to DNSKEY {name}", a.rcode),
                Err(e) => last = format!("DNSKEY {name} from {server}: {e:?}"),
            }
        }
        ZoneAnchor::Unknown(last)
    }

    fn authenticate(&self, zone: &Name, answers: &[Record], server: SocketAddr) -> ZoneAnchor {
        let name = zone.to_ascii();
        let keys: Vec<&Record> = answers
            .iter()
            .filter(|r| r.name == *zone && r.record_type() == RecordType::DNSKEY)
            .collect();
        if keys.is_empty() {
            return ZoneAnchor::Unknown(format!(
                "{server} gave no DNSKEY record for {name} (no DNSSEC data for the trust anchor)"
            ));
        }
        let sigs: Vec<_> = answers
            .iter()
            .filter_map(|r| match &r.data {
                RData::DNSSEC(DNSSECRData::RRSIG(s))
                    if s.input().type_covered == RecordType::DNSKEY =>
                {
                    Some(s)
                }
                _ => None,
            })
            .collect();
        if sigs.is_empty() {
            return ZoneAnchor::Unknown(format!(
                "{server} gave {name}'s DNSKEY records without signatures (a resolver that strips DNSSEC data)"
            ));
        }
        let dnskey = |r: &Record| match &r.data {
            RData::DNSSEC(DNSSECRData::DNSKEY(k)) => Some(k.clone()),
            _ => None,
        };
        let anchored: Vec<DNSKEY> = keys
            .iter()
            .filter_map(|r| dnskey(r))
            .filter(|k| !k.revoke() && self.anchors.iter().any(|a| a.matches(zone, k)))
            .collect();
        if anchored.is_empty() {
            return ZoneAnchor::Mismatch(format!(
                "none of {name}'s {} DNSKEY records matches the trust anchor ({})",
                keys.len(),
                self.source
            ));
        }
        let now = u32::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        )
        .unwrap_or(u32::MAX);
        let verified = sigs.iter().any(|sig| {
            let input = sig.input();
            let current = input.sig_inception.get() <= now && now <= input.sig_expiration.get();
            current
                && input.signer_name == *zone
                && anchored.iter().any(|k| {
                    k.algorithm() == input.algorithm
                        && k.calculate_key_tag().ok() == Some(input.key_tag)
                        && k.verify_rrsig(zone, DNSClass::IN, sig, keys.iter().copied())
                            .is_ok()
                })
        });
        if !verified {
            return ZoneAnchor::Mismatch(format!(
                "no current signature over {name}'s DNSKEY records verifies with the trust anchor ({})",
                self.source
            ));
        }
        ZoneAnchor::Keys(
            keys.iter()
                .filter_map(|r| dnskey(r))
                .filter(|k| k.zone_key() && !k.revoke())
                .collect(),
        )
    }

    /// The anchor zone closest above `name`, if any.
    fn anchor_of<'s>(state: &'s State, name: &Name) -> Option<&'s (Name, ZoneAnchor)> {
        state
            .zones
            .iter()
            .filter(|(z, _)| z.zone_of(name))
            .max_by_key(|(z, _)| z.num_labels())
    }

    /// The status of `rtype` at `name`, with the records when validation gave them.
    async fn prove(
        &self,
        state: &State,
        name: &str,
        rtype: RecordType,
    ) -> (Proven, Option<Vec<Record>>) {
        let unknown = |why: String| Proven {
            dnssec: Dnssec::Indeterminate,
            why,
        };
        let Ok(qname) = Name::from_ascii(name) else {
            return (unknown(format!("{name}: not a DNS name")), None);
        };
        match Validator::anchor_of(state, &qname) {
            None => {
                let zones: Vec<String> = state.zones.iter().map(|(z, _)| z.to_ascii()).collect();
                let why = format!(
                    "{name} is under no trust anchor (anchors: {})",
                    zones.join(", ")
                );
                return (
                    Proven {
                        dnssec: Dnssec::Insecure,
                        why,
                    },
                    None,
                );
            }
            Some((_, ZoneAnchor::Unknown(why))) => return (unknown(why.clone()), None),
            Some((_, ZoneAnchor::Mismatch(why))) => {
                let p = Proven {
                    dnssec: Dnssec::Bogus,
                    why: why.clone(),
                };
                return (p, None);
            }
            Some((_, ZoneAnchor::Keys(_))) => {}
        }
        let resolver = match &state.resolver {
            Some(Ok(r)) => r,
            Some(Err(e)) => return (unknown(format!("no validating resolver: {e}")), None),
            None => return (unknown("no validating resolver".into()), None),
        };
        proof_of(resolver.lookup(qname, rtype).await, rtype)
    }

    /// The TLSA answer for `tlsa_name` (of `host`): the records, and the weakest status of
    /// the TLSA, A and AAAA RRsets (RFC 7672 §2.2: TLSA applies only when the host's
    /// address records are secure too).
    pub(super) async fn tlsa(
        &self,
        plain: &TokioResolver,
        tlsa_name: &str,
        host: &str,
    ) -> TlsaAnswer {
        let state = self.state().await;
        let ((tlsa, records), (a, _), (aaaa, _)) = tokio::join!(
            self.prove(state, tlsa_name, RecordType::TLSA),
            self.prove(state, host, RecordType::A),
            self.prove(state, host, RecordType::AAAA)
        );
        let records = match records {
            Some(r) => Ok(super::tlsa_records(&r)),
            // Not validated (or failed validation): the records as published, to show them.
            None => match plain.tlsa_lookup(tlsa_name).await {
                Ok(l) => Ok(super::tlsa_records(l.answers())),
                Err(e) => match super::net_failure(&e) {
                    DnsFailure::NoData | DnsFailure::NxDomain => Ok(vec![]),
                    e => Err(e),
                },
            },
        };
        let parts = [("TLSA", &tlsa), ("A", &a), ("AAAA", &aaaa)];
        let dnssec = parts
            .iter()
            .map(|(_, p)| p.dnssec)
            .min_by_key(|d| strength(*d))
            .unwrap_or(Dnssec::Indeterminate);
        TlsaAnswer {
            records,
            dnssec,
            basis: format!("validated in-process ({}): {}", self.source, said(&parts)),
        }
    }
}

impl Validator {
    /// The status of `domain`'s MX RRset (or of the proof that it has none).
    pub(super) async fn mx(&self, domain: &str) -> MxDnssec {
        let state = self.state().await;
        let (mx, _) = self.prove(state, domain, RecordType::MX).await;
        MxDnssec {
            dnssec: mx.dnssec,
            basis: format!(
                "validated in-process ({}): {}",
                self.source,
                said(&[("MX", &mx)])
            ),
        }
    }
}

/// The MX RRset of `domain` asked with AD of `server`: SERVFAIL from a validating resolver
/// is what a bogus answer looks like (RFC 4035 §5.5), AD set secure, unset insecure.
pub(super) async fn mx_trusting_ad(
    server: SocketAddr,
    timeout: Duration,
    domain: &str,
) -> MxDnssec {
    use hickory_resolver::proto::op::ResponseCode;
    let shown = domain.trim_end_matches('.');
    let (dnssec, basis) = match super::ad_query(server, domain, RecordType::MX, timeout).await {
        Err(e) => (
            Dnssec::Indeterminate,
            format!("the MX query to {server} failed: {e:?}"),
        ),
        Ok(a) if a.rcode == ResponseCode::ServFail => (
            Dnssec::Bogus,
            format!(
                "the validating resolver {server} answered SERVFAIL to the MX query of {shown} (bogus signatures, or a broken zone)"
            ),
        ),
        Ok(a) if !matches!(a.rcode, ResponseCode::NoError | ResponseCode::NXDomain) => (
            Dnssec::Indeterminate,
            format!("{server} answered {} to the MX query of {shown}", a.rcode),
        ),
        Ok(a) if a.ad => (Dnssec::Secure, format!("{server} set AD on the MX answer")),
        Ok(_) => (
            Dnssec::Insecure,
            format!(
                "{server} did not set AD on the MX answer (an unsigned zone, or a resolver that does not validate)"
            ),
        ),
    };
    MxDnssec { dnssec, basis }
}

/// Each RRset's status and reason, those that share both said once: "TLSA, A and AAAA
/// indeterminate (… refused DNSKEY .)", not the same reason three times.
fn said(parts: &[(&str, &Proven)]) -> String {
    use std::fmt::Write as _;
    // Written into one string (a bulk run says this for every domain): each group's names
    // ("TLSA, A and AAAA"), its status word and, when there is one, its reason.
    let mut out = String::new();
    for (i, (what, p)) in parts.iter().enumerate() {
        let same = |q: &Proven| q.dnssec == p.dnssec && q.why == p.why;
        if parts[..i].iter().any(|(_, q)| same(q)) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("; ");
        }
        let names: Vec<&str> = parts[i..]
            .iter()
            .filter(|(_, q)| same(q))
            .map(|(w, _)| *w)
            .collect();
        match names.as_slice() {
            [init @ .., last] if !init.is_empty() => {
                let _ = write!(out, "{} and {last}", init.join(", "));
            }
            _ => out.push_str(what),
        }
        let _ = write!(out, " {}", p.dnssec.word());
        if !p.why.is_empty() {
            let _ = write!(out, " ({})", p.why);
        }
    }
    out
}

/// Weakest first: a bogus part makes the whole bogus, an unknown part unknown.
fn strength(d: Dnssec) -> u8 {
    match d {
        Dnssec::Bogus => 0,
        Dnssec::Indeterminate => 1,
        Dnssec::Insecure => 2,
        Dnssec::Secure => 3,
    }
}

fn of_proof(p: hickory_resolver::proto::dnssec::Proof) -> Dnssec {
    use hickory_resolver::proto::dnssec::Proof;
    match p {
        Proof::Secure => Dnssec::Secure,
        Proof::Insecure => Dnssec::Insecure,
        Proof::Bogus => Dnssec::Bogus,
        Proof::Indeterminate => Dnssec::Indeterminate,
    }
}

/// The weakest proof of the records (signatures aside), `None` when there are none.
fn weakest<'r>(records: impl Iterator<Item = &'r Record>) -> Option<Dnssec> {
    records
        .filter(|r| r.record_type() != RecordType::RRSIG)
        .map(|r| of_proof(r.proof))
        .min_by_key(|d| strength(*d))
}

/// A validated lookup's status: a positive answer's proof, or its denial's (the NSEC
/// records and SOA of a NODATA or NXDOMAIN answer).
fn proof_of(
    result: Result<hickory_resolver::lookup::Lookup, hickory_resolver::net::NetError>,
    rtype: RecordType,
) -> (Proven, Option<Vec<Record>>) {
    use hickory_resolver::net::{DnsError, NetError};
    let proven = |dnssec: Dnssec, why: &str| Proven {
        dnssec,
        why: if dnssec == Dnssec::Secure {
            String::new()
        } else {
            why.to_owned()
        },
    };
    match result {
        Ok(lookup) => {
            let answers = lookup.answers().to_vec();
            let d = weakest(answers.iter()).unwrap_or(Dnssec::Indeterminate);
            (proven(d, "the answer's proof"), Some(answers))
        }
        Err(NetError::Dns(DnsError::DnssecBogus)) => (
            proven(
                Dnssec::Bogus,
                &format!("the {rtype} answer fails validation"),
            ),
            None,
        ),
        Err(NetError::Dns(DnsError::NoRecordsFound(nr))) => {
            let d = nr
                .authorities
                .as_deref()
                .and_then(|a| weakest(a.iter()))
                .unwrap_or(Dnssec::Indeterminate);
            (
                proven(d, &format!("no {rtype} record; the denial's proof")),
                Some(vec![]),
            )
        }
        Err(NetError::Dns(DnsError::Nsec { proof, .. })) => (
            proven(
                of_proof(proof),
                &format!("no {rtype} record; the denial's proof"),
            ),
            Some(vec![]),
        ),
        Err(e) => (
            proven(
                Dnssec::Indeterminate,
                &format!("the {rtype} lookup failed: {:?}", super::net_failure(&e)),
            ),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proven(dnssec: Dnssec, why: &str) -> Proven {
        Proven {
            dnssec,
            why: why.into(),
        }
    }

    #[test]
    fn rrsets_with_the_same_status_and_reason_are_said_once() {
        let refused = proven(
            Dnssec::Indeterminate,
            "x answered Query Refused to DNSKEY .",
        );
        assert_eq!(
            said(&[("TLSA", &refused), ("A", &refused), ("AAAA", &refused)]),
            "TLSA, A and AAAA indeterminate (x answered Query Refused to DNSKEY .)"
        );
        let bad = proven(Dnssec::Bogus, "the TLSA answer fails validation");
        let ok = proven(Dnssec::Secure, "");
        assert_eq!(
            said(&[("TLSA", &bad), ("A", &ok), ("AAAA", &ok)]),
            "TLSA bogus (the TLSA answer fails validation); A and AAAA secure"
        );
    }
}
