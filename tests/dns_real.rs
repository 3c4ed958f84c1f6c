//! The real resolver path (`HickoryLookup`, hickory-resolver) against a real authoritative DNS
//! server (hickory-server) running in-process on loopback, UDP and TCP on the same port.
//!
//! The server runs on its own thread and runtime, so it outlives whatever the test does on
//! its own thread (including blocking on a child process), and stops when its guard drops.

use hickory_server::Server;
use hickory_server::proto::rr::{LowerName, Name};
use hickory_server::proto::serialize::txt::Parser;
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneType};
use smtpprobe::assess::dns::problem_of;
use smtpprobe::config::{Family, parse_target};
use smtpprobe::dns::{DnsFailure, DnsIssue, HickoryLookup, Lookup, Resolution, resolve};
use smtpprobe::exit::Status;
use smtpprobe::vocab::{DnsKind, DnsProblem};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The zone `test.`, holding every scenario. Anything under `test.` that is not here is
/// NXDOMAIN; anything outside `test.` and `other.` is REFUSED (the server is not
/// authoritative for it).
const ZONE: &str = r#"
$ORIGIN test.
$TTL 60
@               IN SOA   ns.test. hostmaster.test. 1 3600 600 86400 60
@               IN NS    ns.test.
ns              IN A     127.0.0.1

example         IN MX    20 mx2.example.test.
example         IN MX    10 mx1.example.test.
mx1.example     IN A     127.0.0.2
mx2.example     IN A     127.0.0.3
mx2.example     IN AAAA  ::1

nullmx          IN MX    0 .

mixed           IN MX    0 .
mixed           IN MX    10 mx1.example.test.

v6only          IN MX    10 mx.v6only.test.
mx.v6only       IN AAAA  ::1

plain           IN A     127.0.0.4

alias           IN MX    10 mxalias.alias.test.
mxalias.alias   IN CNAME mx1.example.test.

ghost           IN MX    10 nothing.ghost.test.

noaddr          IN TXT   "no mail here"

iptarget        IN MX    10 127.0.0.9.

xalias          IN MX    10 mxx.xalias.test.
mxx.xalias      IN CNAME host.other.

dangling        IN MX    10 mxd.dangling.test.
mxd.dangling    IN CNAME gone.dangling.test.
"#;

/// A second zone, so that an alias can point out of `test.`: the server answers with the
/// CNAME alone and the resolver has to follow it itself.
const OTHER_ZONE: &str = r#"
$ORIGIN other.
$TTL 60
@               IN SOA   ns.test. hostmaster.test. 1 3600 600 86400 60
@               IN NS    ns.test.
host            IN A     127.0.0.5
"#;

/// A running authoritative server; stops (and joins its thread) on drop.
struct DnsServer {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl DnsServer {
    fn start() -> DnsServer {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(async move {
                let (udp, tcp) = bind_udp_and_tcp_same_port().await;
                let addr = udp.local_addr().expect("udp local addr");
                let mut server = Server::new(catalog());
                server.register_socket(udp);
                server.register_listener(tcp, Duration::from_secs(5), 32);
                ready_tx.send(addr).expect("test is waiting");
                // Stop when asked, or when the guard is gone without asking.
                let _ = stop_rx.await;
                let _ = server.shutdown_gracefully().await;
            });
        });
        let addr = ready_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("DNS server started");
        DnsServer {
            addr,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    fn lookup(&self) -> HickoryLookup {
        HickoryLookup::new(&[self.addr], Duration::from_secs(2)).expect("resolver")
    }
}

impl Drop for DnsServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let r = t.join();
            // Do not panic while already panicking (a failed assertion).
            if !std::thread::panicking() {
                r.expect("DNS server thread");
            }
        }
    }
}

/// The resolver is given one port for both transports, so the server needs UDP and TCP on
/// the same port. Another process may hold the TCP side of a free UDP port: retry.
async fn bind_udp_and_tcp_same_port() -> (tokio::net::UdpSocket, tokio::net::TcpListener) {
    for _ in 0..50 {
        let udp = tokio::net::UdpSocket::bind("127.0.0.1:0")
            .await
            .expect("bind udp");
        let addr = udp.local_addr().expect("udp local addr");
        assert!(addr.ip().is_loopback(), "tests only talk to loopback");
        if let Ok(tcp) = tokio::net::TcpListener::bind(addr).await {
            return (udp, tcp);
        }
    }
    panic!("no loopback port free for both UDP and TCP");
}

fn catalog() -> Catalog {
    let mut catalog = Catalog::new();
    for (origin, text) in [("test.", ZONE), ("other.", OTHER_ZONE)] {
        let origin = Name::from_ascii(origin).expect("origin");
        let (origin, records) = Parser::new(text, None, Some(origin))
            .parse()
            .expect("zone parses");
        let handler: InMemoryZoneHandler =
            InMemoryZoneHandler::new(origin.clone(), records, ZoneType::Primary, AxfrPolicy::Deny)
                .expect("zone loads");
        catalog.upsert(LowerName::new(&origin), vec![Arc::new(handler)]);
    }
    catalog
}

async fn resolve_name(l: &HickoryLookup, target: &str) -> Resolution {
    resolve_family(l, target, Family::Any).await
}

async fn resolve_family(l: &HickoryLookup, target: &str, family: Family) -> Resolution {
    let t = parse_target(target).expect("target parses");
    resolve(l, &t, family).await
}

/// An issue as the assessment reports it.
fn judged(issue: &DnsIssue) -> DnsProblem {
    problem_of(issue)
}

/// A problem's kind as its JSON string.
fn kind_of(e: &DnsProblem) -> String {
    serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn error_kind(r: &Resolution) -> Option<String> {
    r.error.as_ref().map(|e| kind_of(&judged(e)))
}

const V4_2: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
const V4_3: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 3));
const V4_4: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 4));
const V4_5: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 5));
const V6_1: IpAddr = IpAddr::V6(Ipv6Addr::LOCALHOST);

#[tokio::test]
async fn real_dns_mx_sorted_by_preference_with_addresses() {
    let dns = DnsServer::start();
    let r = resolve_name(&dns.lookup(), "example.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    assert_eq!(r.error, None, "{r:#?}");
    assert_eq!(r.mx.len(), 2, "{r:#?}");

    let first = &r.mx[0];
    assert_eq!(first.preference, 10);
    assert_eq!(first.exchange, "mx1.example.test");
    assert_eq!(first.addresses, vec![V4_2]);
    assert_eq!(first.cname, None);
    assert_eq!(first.error, None, "mx1 has an A and no AAAA: not an error");

    let second = &r.mx[1];
    assert_eq!(second.preference, 20);
    assert_eq!(second.exchange, "mx2.example.test");
    assert_eq!(second.addresses, vec![V4_3, V6_1], "A first, then AAAA");
    assert_eq!(second.cname, None);
    assert_eq!(second.error, None);
}

#[tokio::test]
async fn real_dns_null_mx() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    // What the wire gives for `MX 0 .`: the root name.
    assert_eq!(
        l.mx("nullmx.test.").await,
        Ok(vec![(0, ".".to_owned())]),
        "raw MX answer"
    );
    let r = resolve_name(&l, "nullmx.test").await;
    assert_eq!(r.kind, DnsKind::NullMx, "{r:#?}");
    assert!(r.mx.is_empty(), "nothing to contact: {r:#?}");
    let e = judged(&r.error.expect("null MX is reported"));
    assert_eq!(kind_of(&e), "null_mx");
    assert_eq!(e.status, Status::Critical);
}

#[tokio::test]
async fn real_dns_null_mx_mixed_with_real_mx_is_flagged_and_the_real_host_kept() {
    let dns = DnsServer::start();
    let r = resolve_name(&dns.lookup(), "mixed.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    assert_eq!(r.mx.len(), 1, "only the real host is a server: {r:#?}");
    assert_eq!(r.mx[0].exchange, "mx1.example.test");
    assert_eq!(r.mx[0].addresses, vec![V4_2]);
    let e = judged(r.error.as_ref().expect("the mix is reported"));
    assert_eq!(kind_of(&e), "null_mx_mixed");
    assert_eq!(e.status, Status::Warning);
}

#[tokio::test]
async fn real_dns_ipv4_only_names_the_aaaa_it_left_out() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    let r = resolve_family(&l, "v6only.test", Family::V4).await;
    let h = &r.mx[0];
    assert!(h.addresses.is_empty(), "{r:#?}");
    let e = judged(h.error.as_ref().expect("no IPv4 address"));
    assert_eq!(kind_of(&e), "no_address");
    assert!(
        e.message
            .contains("mx.v6only.test has no A record (IPv4 only, because of -4); it has AAAA ::1"),
        "{}",
        e.message
    );
    // Without the restriction, the same host is fine.
    let r = resolve_family(&l, "v6only.test", Family::Any).await;
    assert_eq!(r.mx[0].addresses, vec![V6_1]);
    assert_eq!(r.mx[0].error, None);
    // And the other way round, on an implicit MX with only an A record.
    let r = resolve_family(&l, "plain.test", Family::V6).await;
    let e = judged(r.error.as_ref().expect("no IPv6 address"));
    assert_eq!(kind_of(&e), "no_data");
    assert!(
        e.message
            .contains("no AAAA record (IPv6 only, because of -6); it has A 127.0.0.4"),
        "{}",
        e.message
    );
}

#[tokio::test]
async fn real_dns_implicit_mx() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    assert_eq!(
        l.mx("plain.test.").await,
        Err(DnsFailure::NoData),
        "the name exists, with no MX"
    );
    let r = resolve_name(&l, "plain.test").await;
    assert_eq!(r.kind, DnsKind::ImplicitMx, "{r:#?}");
    assert_eq!(r.error, None, "{r:#?}");
    assert_eq!(r.mx.len(), 1);
    assert_eq!(r.mx[0].preference, 0);
    assert_eq!(r.mx[0].exchange, "plain.test");
    assert_eq!(r.mx[0].addresses, vec![V4_4]);
    assert_eq!(r.mx[0].error, None);
}

#[tokio::test]
async fn real_dns_nxdomain() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    assert_eq!(l.mx("nosuch.test.").await, Err(DnsFailure::NxDomain));
    assert_eq!(
        l.addrs("nosuch.test.", false).await,
        Err(DnsFailure::NxDomain)
    );
    let r = resolve_name(&l, "nosuch.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    assert!(r.mx.is_empty());
    let e = judged(&r.error.expect("nxdomain is reported"));
    assert_eq!(kind_of(&e), "nxdomain");
    assert_eq!(e.status, Status::Critical);
}

#[tokio::test]
async fn real_dns_nodata_is_not_nxdomain() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    // The name exists (it has a TXT record): NOERROR with an empty answer, not NXDOMAIN.
    assert_eq!(l.mx("noaddr.test.").await, Err(DnsFailure::NoData));
    assert_eq!(
        l.addrs("noaddr.test.", false).await,
        Err(DnsFailure::NoData)
    );
    assert_eq!(l.addrs("noaddr.test.", true).await, Err(DnsFailure::NoData));
    let r = resolve_name(&l, "noaddr.test").await;
    assert_eq!(
        r.kind,
        DnsKind::ImplicitMx,
        "no MX, so the implicit MX: {r:#?}"
    );
    assert!(r.mx.is_empty());
    let e = judged(&r.error.expect("no mail route is reported"));
    assert_eq!(kind_of(&e), "no_data");
    assert_eq!(e.status, Status::Critical);
}

#[tokio::test]
async fn real_dns_cname_mx_target_is_flagged() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    let a = l
        .addrs("mxalias.alias.test.", false)
        .await
        .expect("the alias resolves");
    assert_eq!(a.addrs, vec![V4_2]);
    assert_eq!(a.cname.as_deref(), Some("mx1.example.test"));

    let r = resolve_name(&l, "alias.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    assert_eq!(r.error, None, "the domain as a whole still has a server");
    assert_eq!(r.mx.len(), 1);
    let h = &r.mx[0];
    assert_eq!(h.exchange, "mxalias.alias.test");
    assert_eq!(h.addresses, vec![V4_2], "the alias still leads somewhere");
    assert_eq!(h.cname.as_deref(), Some("mx1.example.test"));
    let e = judged(h.error.as_ref().expect("alias target is flagged"));
    assert_eq!(kind_of(&e), "cname_target");
    assert_eq!(e.status, Status::Warning);
}

#[tokio::test]
async fn real_dns_cname_to_other_zone_is_followed_and_flagged() {
    let dns = DnsServer::start();
    let r = resolve_name(&dns.lookup(), "xalias.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    let h = &r.mx[0];
    assert_eq!(h.exchange, "mxx.xalias.test");
    assert_eq!(
        h.addresses,
        vec![V4_5],
        "the resolver follows the alias: {r:#?}"
    );
    assert_eq!(h.cname.as_deref(), Some("host.other"));
    assert_eq!(
        h.error.as_ref().map(|e| kind_of(&judged(e))).as_deref(),
        Some("cname_target")
    );
}

#[tokio::test]
async fn real_dns_dangling_cname_mx_target_has_no_address() {
    let dns = DnsServer::start();
    let r = resolve_name(&dns.lookup(), "dangling.test").await;
    let h = &r.mx[0];
    assert_eq!(h.exchange, "mxd.dangling.test");
    assert!(h.addresses.is_empty(), "{r:#?}");
    assert_eq!(
        h.error.as_ref().map(|e| kind_of(&judged(e))).as_deref(),
        Some("no_address"),
        "{r:#?}"
    );
}

#[tokio::test]
async fn real_dns_ip_literal_mx_target_is_flagged() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    // On the wire the exchange is a name that happens to look like an address.
    assert_eq!(
        l.mx("iptarget.test.").await,
        Ok(vec![(10, "127.0.0.9.".to_owned())])
    );
    let r = resolve_name(&l, "iptarget.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    let h = &r.mx[0];
    assert_eq!(h.exchange, "127.0.0.9");
    assert!(h.addresses.is_empty(), "an IP literal target is not used");
    assert_eq!(
        h.error.as_ref().map(|e| kind_of(&judged(e))).as_deref(),
        Some("ip_target")
    );
}

#[tokio::test]
async fn real_dns_mx_target_without_address() {
    let dns = DnsServer::start();
    let r = resolve_name(&dns.lookup(), "ghost.test").await;
    assert_eq!(r.kind, DnsKind::Mx, "{r:#?}");
    assert_eq!(r.mx.len(), 1);
    let h = &r.mx[0];
    assert_eq!(h.exchange, "nothing.ghost.test");
    assert!(h.addresses.is_empty());
    let e = judged(h.error.as_ref().expect("target without address is flagged"));
    assert_eq!(kind_of(&e), "no_address");
    assert!(e.message.contains("NXDOMAIN"), "{}", e.message);
}

#[tokio::test]
async fn real_dns_refused_is_servfail() {
    let dns = DnsServer::start();
    let l = dns.lookup();
    // Not under `test.`: the server is not authoritative and answers REFUSED.
    match l.mx("elsewhere.example.").await {
        Err(DnsFailure::ServFail(m)) => assert!(m.to_lowercase().contains("refused"), "{m}"),
        other => panic!("expected ServFail(Refused), got {other:?}"),
    }
    let r = resolve_name(&l, "elsewhere.example").await;
    assert_eq!(error_kind(&r).as_deref(), Some("servfail"), "{r:#?}");
    assert!(r.mx.is_empty());
}

#[tokio::test]
async fn real_dns_timeout() {
    // Bound, never read: queries vanish. A TCP listener on the same port that accepts but
    // never answers, so the TCP side times out too instead of being refused.
    let udp = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind udp");
    let addr = udp.local_addr().expect("local addr");
    let _tcp = std::net::TcpListener::bind(addr).ok();
    let l = HickoryLookup::new(&[addr], Duration::from_millis(300)).expect("resolver");
    let started = Instant::now();
    assert_eq!(l.mx("example.test.").await, Err(DnsFailure::Timeout));
    let r = resolve_name(&l, "example.test").await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    let e = judged(&r.error.expect("timeout is reported"));
    assert_eq!(kind_of(&e), "timeout", "{e:?}");
    assert_eq!(e.status, Status::Unknown);
    drop(udp);
}

#[test]
fn real_dns_binary_reports_null_mx_as_json() {
    let dns = DnsServer::start();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args(["--resolver", &dns.addr.to_string(), "nullmx.test", "--json"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run smtpprobe");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let json: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    assert_eq!(json["dns"]["kind"], "null_mx", "{json:#}");
    assert_eq!(json["dns"]["error"]["kind"], "null_mx", "{json:#}");
    assert_eq!(json["status"], "critical", "{json:#}");
    assert_eq!(json["exit_code"], 2, "{json:#}");
    assert_eq!(
        json["servers"].as_array().map(Vec::len),
        Some(0),
        "nothing contacted"
    );
    assert_eq!(out.status.code(), Some(2), "stderr:\n{stderr}");
}

/// A `--resolver` where nothing listens: the query is refused at once (ICMP port
/// unreachable), and that is reported as such without waiting for the DNS timeout.
#[tokio::test]
async fn a_resolver_where_nothing_listens_is_named_at_once() {
    let closed = {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
        s.local_addr().expect("addr")
    };
    let timeout = Duration::from_secs(30);
    let l = HickoryLookup::new(&[closed], timeout).expect("resolver");
    let started = Instant::now();
    let r = resolve_name(&l, "example.test").await;
    let e = judged(r.error.as_ref().expect("an error"));
    assert_eq!(kind_of(&e), "resolver_unreachable", "{e:?}");
    assert_eq!(e.status, Status::Unknown);
    assert!(e.message.contains(&closed.to_string()), "{}", e.message);
    // "At once": well before the 30 s timeout would have run out.
    assert!(started.elapsed() < timeout / 3, "{:?}", started.elapsed());
}

/// A `--resolver` where nothing listens, through the binary: one problem (the probe's own
/// resolver), UNKNOWN, said first; the policy lookups that failed the same way are "not
/// checked" (UNKNOWN), not a WARNING about the domain's MTA-STS or TLS-RPT records.
#[test]
fn a_dead_resolver_is_unknown_not_a_policy_warning_about_the_domain() {
    let closed = {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
        s.local_addr().expect("addr")
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args(["--resolver", &closed.to_string(), "example.test", "--json"])
        .args(["--max-time", "10"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run smtpprobe");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}"));
    assert_eq!(json["status"], "unknown", "{json:#}");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        json["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("nothing answers DNS at")),
        "{json:#}"
    );
    let policy = &json["policy"];
    assert_eq!(policy["status"], "unknown", "{policy:#}");
    let findings = policy["mta_sts"]["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "{policy:#}");
    for f in findings {
        assert_eq!(f["status"], "unknown", "{f:#}");
        assert!(
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("not checked")),
            "{f:#}"
        );
    }
    assert!(
        policy["mta_sts"]["lookup_error"]
            .as_str()
            .is_some_and(|e| e.starts_with("the lookup failed")),
        "{policy:#}"
    );
}
