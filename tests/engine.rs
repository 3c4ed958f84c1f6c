//! The run engine's bounds: at most `-j` connections open at once, `--max-time` for the
//! whole probe of a target (DNS included), `--deadline` including the connect, and our own
//! resource exhaustion never blamed on a server. Servers here are in-process on loopback.

mod common;

use common::*;
use smtpprobe::assess::verdict::{GaveUp, verdict_within};
use smtpprobe::dns::{AddrAnswer, DnsFailure, Lookup};
use smtpprobe::exit::Status;
use smtpprobe::facts::{Contact, ServerFacts};
use smtpprobe::report::{Report, ServerReport};
use smtpprobe::smtp::session::TlsPolicy;
use smtpprobe::vocab::{ErrorKind, Phase, ProbeError};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Probes with a fake DNS on a fresh runtime, plain text (these servers speak no TLS).
fn probe(args: &[&str], dns: &impl Lookup, servers: impl FnOnce()) -> Report {
    let mut args = args.to_vec();
    args.extend(["--starttls", "never", "--no-canary"]);
    let cfg = config(&args);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let env = smtpprobe::run::Env::without_dns(&cfg);
    rt.block_on(async {
        servers();
        smtpprobe::run::probe_with(&env, &cfg, dns).await
    })
}

/// `n` loopback addresses from 127.0.0.`first` listening on one port (MX hosts share the
/// probe's `--port`), bound now so the port is known.
fn listeners(first: u8, n: u8) -> (u16, Vec<std::net::TcpListener>) {
    'port: for _ in 0..50 {
        let one = std::net::TcpListener::bind((IpAddr::from([127, 0, 0, first]), 0)).expect("bind");
        let port = one.local_addr().expect("addr").port();
        let mut all = vec![one];
        for i in 1..n {
            match std::net::TcpListener::bind((IpAddr::from([127, 0, 0, first + i]), port)) {
                Ok(l) => all.push(l),
                Err(_) => continue 'port,
            }
        }
        for l in &all {
            l.set_nonblocking(true).expect("nonblocking");
        }
        return (port, all);
    }
    panic!("no port free on 127.0.0.{first} and the {n} addresses after it");
}

/// A DNS with `hosts` MX hosts under `example.test`, each with `per_host` addresses, from
/// 127.0.0.`first` on.
fn mx_dns(first: u8, hosts: u8, per_host: u8) -> FakeDns {
    let names: Vec<String> = (0..hosts).map(|h| format!("mx{h}.example.test")).collect();
    let records: Vec<(u16, &str)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (10 * (u16::try_from(i).unwrap_or(0) + 1), n.as_str()))
        .collect();
    let mut dns = FakeDns::default().mx("example.test", &records);
    for (h, name) in names.iter().enumerate() {
        for a in 0..per_host {
            let k = first + u8::try_from(h).unwrap_or(0) * per_host + a;
            dns = dns.a(name, &format!("127.0.0.{k}"));
        }
    }
    dns
}

/// Connections open at the server side now, and the most seen at once.
#[derive(Default)]
struct Gauge {
    open: AtomicUsize,
    max: AtomicUsize,
    served: AtomicUsize,
}

/// A polite SMTP server on every listener that keeps each connection a while before its
/// greeting. It counts a connection open from accept until just before its 221, so the count
/// never runs ahead of the client's (which holds its slot until it has read the 221).
fn counting_servers(ls: Vec<std::net::TcpListener>, gauge: &Arc<Gauge>) {
    for l in ls {
        let gauge = gauge.clone();
        tokio::spawn(async move {
            let l = TcpListener::from_std(l).expect("tokio listener");
            while let Ok((s, _)) = l.accept().await {
                let g = gauge.clone();
                tokio::spawn(async move {
                    let now = g.open.fetch_add(1, Ordering::SeqCst) + 1;
                    g.max.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    let (rd, mut wr) = s.into_split();
                    let mut lines = BufReader::new(rd).lines();
                    let mut counted = true;
                    let _ = wr.write_all(GREETING.as_bytes()).await;
                    while let Ok(Some(line)) = lines.next_line().await {
                        let up = line.to_ascii_uppercase();
                        if up.starts_with("QUIT") {
                            g.open.fetch_sub(1, Ordering::SeqCst);
                            counted = false;
                            g.served.fetch_add(1, Ordering::SeqCst);
                            let _ = wr.write_all(QUIT_OK.as_bytes()).await;
                            break;
                        }
                        let reply = if up.starts_with("EHLO") {
                            EHLO_OK
                        } else {
                            "250 ok\r\n"
                        };
                        let _ = wr.write_all(reply.as_bytes()).await;
                    }
                    if counted {
                        g.open.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
    }
}

/// Servers that accept and never say a word; each connection is held until the client goes.
fn silent_servers(ls: Vec<std::net::TcpListener>) {
    for l in ls {
        tokio::spawn(async move {
            let l = TcpListener::from_std(l).expect("tokio listener");
            while let Ok((s, _)) = l.accept().await {
                tokio::spawn(async move {
                    let mut lines = BufReader::new(s).lines();
                    while let Ok(Some(_)) = lines.next_line().await {}
                });
            }
        });
    }
}

#[test]
fn all_mode_never_opens_more_than_j_connections() {
    // 4 MX hosts × 3 addresses = 12 servers, each holding its connection 100 ms.
    let (port, ls) = listeners(40, 12);
    let port = port.to_string();
    let gauge = Arc::new(Gauge::default());
    let g = gauge.clone();
    let r = probe(
        &["example.test", "--port", &port, "--all", "-j", "3"],
        &mx_dns(40, 4, 3),
        move || counting_servers(ls, &g),
    );
    assert_eq!(r.servers.len(), 12);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    assert_eq!(
        gauge.served.load(Ordering::SeqCst),
        12,
        "every server talked to"
    );
    let max = gauge.max.load(Ordering::SeqCst);
    assert!((1..=3).contains(&max), "at most 3 at once, saw {max}");

    // The same run without a tight limit opens them side by side: the bound above is -j's.
    let (port, ls) = listeners(40, 12);
    let port = port.to_string();
    let gauge = Arc::new(Gauge::default());
    let g = gauge.clone();
    let r = probe(
        &["example.test", "--port", &port, "--all"],
        &mx_dns(40, 4, 3),
        move || counting_servers(ls, &g),
    );
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    assert!(gauge.max.load(Ordering::SeqCst) > 3, "default -j 64");
}

/// The servers not tried, and the ones tried, of a report.
fn split_tried(r: &Report) -> (Vec<&ServerReport>, Vec<&ServerReport>) {
    r.servers.iter().partition(|s| {
        s.error
            .as_ref()
            .is_some_and(|e| e.kind == ErrorKind::MaxTime)
    })
}

#[test]
fn max_time_stops_at_silent_servers_and_reports_what_was_tried() {
    // Without a run-wide budget, 20 silent servers at --timeout 1 take 20 s.
    let (port, ls) = listeners(70, 20);
    let port = port.to_string();
    let started = Instant::now();
    let r = probe(
        &[
            "example.test",
            "--port",
            &port,
            "--timeout",
            "1",
            "--deadline",
            "2",
            "--max-time",
            "1.5",
        ],
        &mx_dns(70, 10, 2),
        move || silent_servers(ls),
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "bounded by --max-time"
    );
    assert_eq!(r.status, Status::Critical, "{}", r.summary);
    let (not_tried, tried) = split_tried(&r);
    assert!(!tried.is_empty() && !not_tried.is_empty(), "{}", r.summary);
    assert!(
        r.summary.starts_with(&format!(
            "gave up after 1.5 s (--max-time): {} of 20 addresses tried; ",
            tried.len()
        )),
        "{}",
        r.summary
    );
    for s in &tried {
        assert!(s.probed);
        assert_eq!(s.status, Status::Critical);
        assert_eq!(s.error.as_ref().map(|e| e.kind), Some(ErrorKind::Timeout));
    }
    let last = tried
        .last()
        .and_then(|s| s.error.as_ref())
        .expect("cut short");
    assert!(last.message.contains("--max-time"), "{}", last.message);
    for s in &not_tried {
        assert!(!s.probed);
        assert_eq!(s.status, Status::Unknown);
        let e = s.error.as_ref().expect("why not tried");
        assert!(
            e.message
                .starts_with("not tried: the --max-time budget of 1.5 s"),
            "{}",
            e.message
        );
    }
    // The human report says why they were not tried, not that a better one answered.
    let mut out = Vec::new();
    smtpprobe::report::human::render(&r, false, &mut out).expect("render");
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("(not tried: the --max-time budget"), "{text}");
    assert!(!text.contains("a better server answered"), "{text}");
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["servers"][19]["error"]["kind"], "max_time");
    assert_eq!(json["servers"][19]["probed"], false);
}

#[test]
fn max_time_in_all_mode_lists_the_servers_left_waiting_for_a_slot() {
    let (port, ls) = listeners(100, 12);
    let port = port.to_string();
    let started = Instant::now();
    let r = probe(
        &[
            "example.test",
            "--port",
            &port,
            "--all",
            "-j",
            "4",
            "--timeout",
            "1",
            "--max-time",
            "1.5",
        ],
        &mx_dns(100, 3, 4),
        move || silent_servers(ls),
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    let (not_tried, tried) = split_tried(&r);
    // Four at once: the first four time out at 1 s, the next four are cut at 1.5 s.
    assert!(
        (4..12).contains(&tried.len()) && !not_tried.is_empty(),
        "{}",
        r.summary
    );
    assert_eq!(r.status, Status::Critical, "{}", r.summary);
    assert!(r.summary.contains("of 12 addresses tried"), "{}", r.summary);
}

/// A resolver that never answers.
struct SlowDns;

impl Lookup for SlowDns {
    async fn mx(&self, _: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        Err(DnsFailure::Timeout)
    }
    async fn addrs(&self, _: &str, _: bool) -> Result<AddrAnswer, DnsFailure> {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        Err(DnsFailure::Timeout)
    }
}

// Paused time: nothing here touches the network, so the budget runs out at once and exactly.
#[tokio::test(start_paused = true)]
async fn max_time_includes_dns_and_nothing_tried_is_unknown() {
    let cfg = config(&["example.test", "--max-time", "5"]);
    let env = smtpprobe::run::Env::without_dns(&cfg);
    let r = smtpprobe::run::probe_with(&env, &cfg, &SlowDns).await;
    assert_eq!(r.status, Status::Unknown, "{}", r.summary);
    assert!(
        r.summary
            .starts_with("gave up after 5 s (--max-time): 0 of 0 addresses tried; "),
        "{}",
        r.summary
    );
    let e = r.dns.error.as_ref().expect("DNS unfinished");
    assert!(
        e.message.contains("--max-time budget of 5 s"),
        "{}",
        e.message
    );
    assert!((5000.0..5100.0).contains(&r.elapsed_ms), "{}", r.elapsed_ms);
}

#[test]
fn deadline_includes_connecting() {
    // A listener whose accept queue is full: the kernel drops further SYNs, so a connect
    // hangs (as behind a firewall that drops packets).
    let sock =
        socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).expect("socket");
    sock.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .expect("bind");
    sock.listen(0).expect("listen");
    let addr = sock
        .local_addr()
        .ok()
        .and_then(|a| a.as_socket())
        .expect("address");
    let mut queued = Vec::new();
    loop {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            Ok(s) => queued.push(s),
            Err(_) => break,
        }
        assert!(queued.len() < 64, "the accept queue never filled");
    }
    let target = addr.to_string();
    let started = Instant::now();
    let r = probe(
        &[&target, "--connect-timeout", "10", "--deadline", "0.5"],
        &FakeDns::default(),
        || {},
    );
    let took = started.elapsed();
    let e = r.servers[0].error.as_ref().expect("a connect error");
    assert_eq!(
        (e.phase, e.kind),
        (Phase::Connect, ErrorKind::Timeout),
        "{e:?}"
    );
    assert!(e.message.contains("within 0.5 s"), "{}", e.message);
    assert!(
        took < Duration::from_secs(5),
        "connect capped by --deadline: {took:?}"
    );
    assert_eq!(r.status, Status::Critical);
    drop(queued);
}

/// A server this machine failed to connect to for want of descriptors.
fn out_of_descriptors() -> ServerReport {
    let facts = ServerFacts {
        host: "mx2.example.test".into(),
        address: Some([127, 0, 0, 3].into()),
        port: 25,
        policy: TlsPolicy::Off,
        contact: Contact::ConnectFailed {
            error: ProbeError::new(
                Phase::Connect,
                ErrorKind::LocalResource,
                "cannot connect to 127.0.0.3:25: Too many open files (os error 24); our side ran \
                 out of file descriptors (ulimit -n 1024): not the server's fault; lower -j/--concurrency",
            ),
            elapsed: Duration::from_micros(10),
        },
    };
    smtpprobe::assess::server(&facts, smtpprobe::assess::ExpiryDays { warn: 21, crit: 7 })
}

/// One server that answered, as a probe of a scripted server reports it.
fn answered(script_end: Vec<Step>) -> Report {
    let mut script = vec![Step::Send(GREETING)];
    script.extend(script_end);
    let s = FakeSmtp::start(script);
    let target = s.addr.to_string();
    let r = probe(&[&target], &FakeDns::default(), || {});
    s.finish();
    r
}

#[test]
fn our_resource_exhaustion_is_unknown_never_a_server_failure() {
    let local = out_of_descriptors();
    assert_eq!(local.status, Status::Unknown);

    // Alone: UNKNOWN, with the cause.
    let r = answered(vec![
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let (status, summary) = verdict_within(&r.dns, std::slice::from_ref(&local), true, None);
    assert_eq!(status, Status::Unknown, "{summary}");
    assert!(
        summary.contains("file descriptors") && summary.contains("lower -j"),
        "{summary}"
    );

    let mut alone = r.clone();
    alone.servers = vec![local.clone()];
    let mut out = Vec::new();
    smtpprobe::report::human::render(&alone, false, &mut out).expect("render");
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("UNKNOWN connect (local_resource)"), "{text}");
    assert!(!text.contains("CRITICAL"), "{text}");

    // Next to a working server: not "degraded", not CRITICAL; UNKNOWN, naming the cause.
    let servers = vec![r.servers[0].clone(), local.clone()];
    for all in [true, false] {
        let (status, summary) = verdict_within(&r.dns, &servers, all, None);
        assert_eq!(status, Status::Unknown, "{summary}");
        assert!(!summary.contains("degraded"), "{summary}");
        assert!(summary.contains("1 of 2 servers not judged"), "{summary}");
    }

    // Next to a broken server: degraded (WARNING), never CRITICAL because of ours.
    let broken = answered(vec![
        Step::Expect("EHLO", "554 5.7.1 go away\r\n"),
        Step::Close,
    ]);
    assert_eq!(broken.servers[0].status, Status::Critical);
    let servers = vec![broken.servers[0].clone(), local.clone()];
    let (status, summary) = verdict_within(&r.dns, &servers, true, None);
    assert_eq!(status, Status::Warning, "{summary}");

    // A run that gave up with only our own failures to show is not CRITICAL either.
    let gave_up = GaveUp {
        after: Duration::from_secs(5),
        tried: 1,
        addresses: 3,
    };
    let (status, summary) = verdict_within(&r.dns, &[local], false, Some(&gave_up));
    assert_eq!(status, Status::Unknown, "{summary}");
    assert!(summary.starts_with("gave up after 5 s (--max-time): 1 of 3 addresses tried; "));
}

/// Runs the binary under a file descriptor limit (`ulimit -n`), with a JSON report.
#[cfg(target_os = "linux")]
fn under_fd_limit(n: u32, target: &str) -> (Option<i32>, String) {
    let bin = env!("CARGO_BIN_EXE_smtpprobe");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -n {n} && exec \"$0\" \"$1\" --json --starttls never"
        ))
        .arg(bin)
        .arg(target)
        .output()
        .expect("sh runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn out_of_file_descriptors_is_unknown_with_the_cause() {
    // Nothing listens there: with descriptors to spare it is refused (CRITICAL); the lowest
    // limit that lets the process start leaves none for the connection.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind")
        .port();
    let target = format!("127.0.0.1:{port}");
    for n in 3..=64 {
        let (code, stdout) = under_fd_limit(n, &target);
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&stdout) else {
            continue; // too few descriptors to start at all
        };
        let error = &json["servers"][0]["error"];
        assert_eq!(error["kind"], "local_resource", "ulimit -n {n}: {json}");
        assert_eq!(json["servers"][0]["status"], "unknown");
        assert_eq!((json["status"].as_str(), code), (Some("unknown"), Some(3)));
        let message = error["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("our side ran out of file descriptors")
                && message.contains("not the server's fault"),
            "{message}"
        );
        // The limit is named when it could be read beforehand (here the one descriptor
        // left may already have been needed for that).
        if message.contains("(ulimit -n") {
            assert!(message.contains(&format!("(ulimit -n {n})")), "{message}");
        }
        let summary = json["summary"].as_str().unwrap_or_default();
        assert!(summary.contains("lower -j"), "{summary}");
        return;
    }
    panic!("no descriptor limit between 3 and 64 gave a report");
}
