//! Bulk mode's transport for the questions each domain asks once (its MX, the MTA-STS and
//! TLS-RPT TXT records): plain UDP to the one resolver, over a pool of connected sockets
//! each used for one question at a time and kept for a few more.
//!
//! hickory's UDP client opens, binds, registers, and closes a new socket per question; at
//! thousands of domains a second that was most of the kernel time a bulk run spends on DNS
//! (measured with scripts/bench-bulk.sh: a socket, a bind, two epoll changes and a close
//! around every send and receive).
//!
//! What stays as sound as hickory's client against a real resolver:
//! - Spoofing: each question has a random ID and is checked against the answer's ID,
//!   question name and type; a connected socket takes datagrams only from the resolver's
//!   address; a socket's source port is the kernel's random ephemeral port, changed after
//!   [`MAX_USES`] questions, and a socket whose question timed out or failed is closed, never
//!   reused (a late answer cannot reach the next question). Answers here are not cached, so
//!   a forged one could only mislead the one record it answered.
//! - Anything but a clean answer (truncated, SERVFAIL, REFUSED, an alias without the
//!   records asked for, a socket error) is not judged here: the caller asks hickory
//!   instead, which retries over TCP or reports the failure as it always has.
//! - Timeouts: two tries of half the DNS timeout each, as hickory is set up to do
//!   (`dns::builder`); no answer to both is a timeout.

use super::DnsFailure;
use hickory_resolver::proto::op::{Message, MessageType, ResponseCode};
use hickory_resolver::proto::rr::{DNSClass, Name, Record, RecordType};
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Duration;
use tokio::net::UdpSocket;

/// Questions asked on one socket before it is closed and a new port is taken.
pub const MAX_USES: u32 = 32;
/// Idle sockets kept for the next questions (bulk mode has at most
/// `run::dns_limit::IN_FLIGHT` questions out at once).
const MAX_IDLE: usize = 256;
/// The largest answer asked for (EDNS payload, as hickory asks) and read.
const PAYLOAD: u16 = 1232;

/// Connected UDP sockets to one resolver, reused one question at a time.
pub struct Pool {
    server: SocketAddr,
    /// Each try's wait for an answer.
    try_for: Duration,
    idle: Mutex<Vec<Pooled>>,
}

struct Pooled {
    sock: UdpSocket,
    uses: u32,
    /// The question sent, then the answer read: one buffer for the socket's questions.
    buf: Vec<u8>,
}

/// The wire form of a recursive `qname`/`rtype` query with EDNS (payload [`PAYLOAD`], no
/// options) into `out`, byte for byte what hickory's `Message::to_vec` makes of the same
/// question (tested below), without building a `Message` and its name-compression table
/// for each question (RFC 1035 §4.1, RFC 6891 §6.1.2).
fn query_into(out: &mut Vec<u8>, id: u16, qname: &Name, rtype: RecordType) {
    out.clear();
    out.extend_from_slice(&id.to_be_bytes());
    // RD set; one question, no answers or authorities, one additional (the OPT record).
    out.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]);
    for label in qname.iter() {
        // Labels are at most 63 bytes (hickory's `Name` checks).
        out.push(u8::try_from(label.len()).unwrap_or(63));
        out.extend_from_slice(label);
    }
    out.push(0);
    out.extend_from_slice(&u16::from(rtype).to_be_bytes());
    out.extend_from_slice(&u16::from(DNSClass::IN).to_be_bytes());
    // OPT: root owner, type 41, class = the payload, TTL 0 (no extended rcode, version 0,
    // DO clear), no data.
    out.push(0);
    out.extend_from_slice(&u16::from(RecordType::OPT).to_be_bytes());
    out.extend_from_slice(&PAYLOAD.to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
}

/// How one try ended.
enum Try {
    /// A clean answer: the records, or NXDOMAIN/NODATA.
    Answer(Result<Vec<Record>, DnsFailure>),
    /// An answer this transport leaves to hickory (truncated, an error code, an alias).
    Elsewhere,
    /// No answer in time.
    Silent,
    /// The socket failed.
    Failed,
}

impl Pool {
    /// A pool for `server`, each try waiting `timeout / 2` (two tries in all).
    pub fn new(server: SocketAddr, timeout: Duration) -> Pool {
        Pool {
            server,
            try_for: timeout / 2,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Sockets waiting for a question.
    #[cfg(test)]
    fn idle(&self) -> usize {
        self.idle.lock().map_or(0, |v| v.len())
    }

    /// The answer records to `name`'s `rtype` question, NXDOMAIN, NODATA or a timeout;
    /// `None` when the question is better asked through hickory (see the module doc).
    pub async fn ask(
        &self,
        name: &str,
        rtype: RecordType,
    ) -> Option<Result<Vec<Record>, DnsFailure>> {
        let qname = Name::from_ascii(name).ok()?;
        for _ in 0..2 {
            match self.try_once(&qname, rtype).await {
                Try::Answer(a) => return Some(a),
                Try::Elsewhere | Try::Failed => return None,
                Try::Silent => {}
            }
        }
        Some(Err(DnsFailure::Timeout))
    }

    async fn try_once(&self, qname: &Name, rtype: RecordType) -> Try {
        // A fresh random ID, as hickory's own queries take.
        let id = Message::query().metadata.id;
        let Some(mut pooled) = self.take().await else {
            return Try::Failed;
        };
        query_into(&mut pooled.buf, id, qname, rtype);
        if pooled.sock.send(&pooled.buf).await.is_err() {
            return Try::Failed;
        }
        // The socket's buffer (on the heap, not in every probe's future) takes the answer.
        let Pooled { sock, buf, .. } = &mut pooled;
        buf.resize(usize::from(PAYLOAD), 0);
        let deadline = tokio::time::Instant::now() + self.try_for;
        loop {
            let n = match tokio::time::timeout_at(deadline, sock.recv(buf)).await {
                Err(_) => return Try::Silent,
                Ok(Err(_)) => return Try::Failed,
                Ok(Ok(n)) => n,
            };
            // Not an answer to this question (a stray or forged datagram): keep waiting.
            let Ok(r) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let asked = r
                .queries
                .first()
                .is_some_and(|q| q.name() == qname && q.query_type() == rtype);
            if r.metadata.id != id || r.metadata.message_type != MessageType::Response || !asked {
                continue;
            }
            pooled.uses += 1;
            self.put_back(pooled);
            return judge(r, rtype);
        }
    }

    async fn take(&self) -> Option<Pooled> {
        if let Some(p) = self.idle.lock().ok().and_then(|mut v| v.pop()) {
            return Some(p);
        }
        let bind: SocketAddr = if self.server.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let sock = UdpSocket::bind(bind).await.ok()?;
        sock.connect(self.server).await.ok()?;
        Some(Pooled {
            sock,
            uses: 0,
            buf: Vec::with_capacity(usize::from(PAYLOAD)),
        })
    }

    fn put_back(&self, p: Pooled) {
        if p.uses >= MAX_USES {
            return;
        }
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push(p);
        }
    }
}

/// A response to the question asked: clean answers judged here, the rest left to hickory.
fn judge(r: Message, rtype: RecordType) -> Try {
    if r.metadata.truncation {
        return Try::Elsewhere;
    }
    let has_type = r.answers.iter().any(|a| a.record_type() == rtype);
    let other = r.answers.iter().any(|a| a.record_type() != rtype);
    match r.metadata.response_code {
        ResponseCode::NoError if has_type => Try::Answer(Ok(r.answers)),
        ResponseCode::NoError if r.answers.is_empty() => Try::Answer(Err(DnsFailure::NoData)),
        ResponseCode::NXDomain if !has_type && !other => Try::Answer(Err(DnsFailure::NxDomain)),
        _ => Try::Elsewhere,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::rr::RData;
    use hickory_resolver::proto::rr::rdata::{CNAME, MX};

    /// What the fake resolver does with each question it gets.
    #[derive(Clone, Copy)]
    enum Reply {
        Mx,
        NxDomain,
        NoData,
        ServFail,
        Truncated,
        CnameOnly,
        /// A datagram with another ID first, then the answer.
        WrongIdFirst,
        Silent,
    }

    /// A UDP server on loopback answering every question with `reply`.
    async fn server(reply: Reply) -> SocketAddr {
        let sock = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let addr = sock.local_addr().unwrap();
        tokio::spawn(async move {
            let mut buf = [0u8; 512];
            loop {
                let Ok((n, from)) = sock.recv_from(&mut buf).await else {
                    return;
                };
                let q = Message::from_vec(&buf[..n]).unwrap();
                let mut r = Message::response(q.metadata.id, q.metadata.op_code);
                r.queries = q.queries.clone();
                let name = q.queries[0].name().clone();
                match reply {
                    Reply::Mx | Reply::WrongIdFirst => {
                        let mx = MX::new(10, Name::from_ascii("mx.example.test.").unwrap());
                        r.answers.push(Record::from_rdata(name, 300, RData::MX(mx)));
                    }
                    Reply::NxDomain => r.metadata.response_code = ResponseCode::NXDomain,
                    Reply::NoData => {}
                    Reply::ServFail => r.metadata.response_code = ResponseCode::ServFail,
                    Reply::Truncated => r.metadata.truncation = true,
                    Reply::CnameOnly => {
                        let c = CNAME(Name::from_ascii("other.test.").unwrap());
                        r.answers
                            .push(Record::from_rdata(name, 300, RData::CNAME(c)));
                    }
                    Reply::Silent => continue,
                }
                if matches!(reply, Reply::WrongIdFirst) {
                    let mut stray = r.clone();
                    stray.metadata.id = q.metadata.id.wrapping_add(1);
                    stray.answers.clear();
                    stray.metadata.response_code = ResponseCode::NXDomain;
                    sock.send_to(&stray.to_vec().unwrap(), from).await.unwrap();
                }
                sock.send_to(&r.to_vec().unwrap(), from).await.unwrap();
            }
        });
        addr
    }

    async fn ask(reply: Reply) -> (Option<Result<Vec<Record>, DnsFailure>>, usize) {
        let pool = Pool::new(server(reply).await, Duration::from_millis(400));
        let a = pool.ask("example.test.", RecordType::MX).await;
        (a, pool.idle())
    }

    #[test]
    fn queries_are_what_hickory_would_send() {
        use hickory_resolver::proto::op::{Edns, Query};
        let mut out = Vec::new();
        for (name, rtype, id) in [
            ("example.test.", RecordType::MX, 0),
            ("_mta-sts.d5.bench.test", RecordType::TXT, 0xbeef),
            ("_smtp._tls.Mixed-Case.EXAMPLE", RecordType::TXT, 1),
            ("a\\.b.test", RecordType::TLSA, 0xffff),
            (".", RecordType::NS, 7),
        ] {
            let qname = Name::from_ascii(name).unwrap();
            let mut m = Message::query();
            m.metadata.id = id;
            m.metadata.recursion_desired = true;
            m.add_query(Query::query(qname.clone(), rtype));
            let mut edns = Edns::new();
            edns.set_max_payload(PAYLOAD);
            m.set_edns(edns);
            query_into(&mut out, id, &qname, rtype);
            assert_eq!(out, m.to_vec().unwrap(), "{name}");
        }
    }

    #[tokio::test]
    async fn clean_answers_are_judged_here_and_the_socket_kept() {
        let (a, idle) = ask(Reply::Mx).await;
        let records = a.unwrap().unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].record_type(), RecordType::MX);
        assert_eq!(idle, 1);
        assert_eq!(
            ask(Reply::NxDomain).await.0,
            Some(Err(DnsFailure::NxDomain))
        );
        assert_eq!(ask(Reply::NoData).await.0, Some(Err(DnsFailure::NoData)));
    }

    #[tokio::test]
    async fn an_answer_with_another_id_is_ignored() {
        let (a, _) = ask(Reply::WrongIdFirst).await;
        assert_eq!(a.unwrap().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn truncated_error_and_alias_answers_are_left_to_hickory() {
        for reply in [Reply::Truncated, Reply::ServFail, Reply::CnameOnly] {
            assert!(ask(reply).await.0.is_none());
        }
    }

    #[tokio::test]
    async fn silence_is_a_timeout_after_two_tries_and_the_socket_is_closed() {
        let started = std::time::Instant::now();
        let (a, idle) = ask(Reply::Silent).await;
        assert_eq!(a, Some(Err(DnsFailure::Timeout)));
        assert!(started.elapsed() >= Duration::from_millis(400));
        assert_eq!(idle, 0);
    }

    #[tokio::test]
    async fn a_socket_is_reused_then_replaced() {
        let pool = Pool::new(server(Reply::Mx).await, Duration::from_millis(400));
        let mut ports = std::collections::HashSet::new();
        for _ in 0..MAX_USES * 2 {
            let a = pool.ask("example.test.", RecordType::MX).await;
            assert!(a.unwrap().is_ok());
            let idle = pool.idle.lock().unwrap();
            if let Some(p) = idle.first() {
                ports.insert(p.sock.local_addr().unwrap().port());
            }
        }
        // One socket at a time, each for MAX_USES questions.
        assert_eq!(ports.len(), 2);
    }
}
