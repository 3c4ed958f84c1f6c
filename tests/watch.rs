//! Watch mode (`--watch`) through the binary against an in-process server on loopback
//! whose greeting changes from one connection to the next: one line per round with what
//! changed, the statistics at the end, the worst status as the exit code, `--max-time` per
//! round, Ctrl-C.

#[path = "common/tls_server.rs"]
mod tls_server;

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Serves one connection per greeting in `greetings`, in turn (`None`: accept and say
/// nothing), answering EHLO and QUIT.
fn server(greetings: Vec<Option<&'static str>>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for g in greetings {
            let Ok((s, _)) = listener.accept() else {
                return;
            };
            std::thread::spawn(move || {
                let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
                let mut w = s.try_clone().unwrap();
                let Some(g) = g else {
                    std::thread::sleep(Duration::from_secs(3));
                    return;
                };
                let _ = w.write_all(g.as_bytes());
                if g.starts_with("421") {
                    return;
                }
                let mut r = BufReader::new(s);
                let mut line = String::new();
                while r.read_line(&mut line).unwrap_or(0) > 0 {
                    let up = line.to_ascii_uppercase();
                    if up.starts_with("EHLO") {
                        let _ = w.write_all(b"250 mx.test\r\n");
                    } else if up.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n");
                        return;
                    } else {
                        let _ = w.write_all(b"502 no\r\n");
                    }
                    line.clear();
                }
            });
        }
    });
    addr
}

fn watch(addr: SocketAddr, extra: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_smtpprobe"));
    c.arg(addr.to_string())
        .args(["--watch", "--starttls", "never"])
        .args(extra);
    if !extra.contains(&"--interval") {
        c.args(["--interval", "0.05"]);
    }
    c
}

#[test]
fn each_round_says_what_changed_and_the_end_gives_statistics() {
    let addr = server(vec![
        Some("220 mx.test ESMTP one\r\n"),
        Some("220 mx.test ESMTP two\r\n"),
        Some("421 4.3.2 busy, try later\r\n"),
        Some("220 mx.test ESMTP two\r\n"),
    ]);
    let out = watch(addr, &["--count", "4"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("round 1  OK "), "{text}");
    assert!(
        lines[0].contains("greeting ") && lines[0].contains("total "),
        "{text}"
    );
    assert!(
        lines[1].contains("banner changed: \"220 mx.test ESMTP two\""),
        "{text}"
    );
    assert!(lines[2].starts_with("round 3  CRITICAL"), "{text}");
    assert!(
        lines[2].contains("now CRITICAL (was OK)") && lines[2].contains("now 421 (was 220)"),
        "{text}"
    );
    assert!(
        lines[3].contains("now OK (was CRITICAL)") && lines[3].contains("now 220 (was 421)"),
        "{text}"
    );
    assert!(!lines[3].contains("banner changed"), "{text}");
    assert!(
        text.contains(
            "4 rounds: 3 OK, 0 WARNING, 1 CRITICAL, 0 UNKNOWN; 25.0% failed (worst CRITICAL)"
        ),
        "{text}"
    );
    let greeting = lines
        .iter()
        .find(|l| l.trim_start().starts_with("greeting "))
        .expect("greeting stats");
    assert!(greeting.contains("(4 rounds)"), "{greeting}");
    // Exit code: the worst status seen.
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn max_time_holds_per_round_and_the_interval_between_starts() {
    let addr = server(vec![None, Some("220 mx.test ESMTP\r\n")]);
    let started = Instant::now();
    let out = watch(
        addr,
        &["--count", "2", "--max-time", "0.3", "--interval", "0.5"],
    )
    .output()
    .unwrap();
    let took = started.elapsed();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("round 1  CRITICAL") && text.contains("--max-time"),
        "{text}"
    );
    assert!(text.contains("round 2  OK"), "{text}");
    // Round 2 starts 0.5 s after round 1 started, not after a 3 s silence.
    assert!(
        took >= Duration::from_millis(500) && took < Duration::from_secs(2),
        "{took:?}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn ctrl_c_ends_the_watch_with_the_statistics() {
    let addr = server(vec![Some("220 mx.test ESMTP\r\n"); 100]);
    let mut child = watch(addr, &[]).stdout(Stdio::piped()).spawn().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.starts_with("round 1  OK"), "{first}");
    let ok = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    assert!(
        rest.contains("smtpprobe watch ---") && rest.contains("0.0% failed (worst OK)"),
        "{rest}"
    );
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn watch_usage_errors() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
            .args(args)
            .output()
            .unwrap()
    };
    for args in [
        &["127.0.0.1:1", "--watch", "--format", "nagios"][..],
        &["127.0.0.1:1", "--watch", "--count", "0"],
        &["127.0.0.1:1", "--watch", "--interval", "0"],
        &["127.0.0.1:1", "--interval", "1"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
    }
}

/// Forwards the n-th connection to `backends[n]` (bytes both ways, TLS included).
fn switch(backends: Vec<SocketAddr>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for backend in backends {
            let Ok((client, _)) = listener.accept() else {
                return;
            };
            let Ok(server) = std::net::TcpStream::connect(backend) else {
                return;
            };
            let (mut c2, mut s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            let (mut c1, mut s1) = (client, server);
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut c1, &mut s1);
                let _ = s1.shutdown(std::net::Shutdown::Write);
            });
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut s2, &mut c2);
                let _ = c2.shutdown(std::net::Shutdown::Write);
            });
        }
    });
    addr
}

#[test]
fn a_new_certificate_is_said_to_be_renewed() {
    use tls_server::{LeafSpec, Pki, Script, TestServer};
    let pki = Pki::new();
    let old = TestServer::start(Script::new(pki.leaf(LeafSpec::default())));
    let new = TestServer::start(Script::new(pki.leaf(LeafSpec::default())));
    let addr = switch(vec![old.addr, new.addr]);
    let ca = pki.ca_file();
    let out = Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .arg(addr.to_string())
        .args(["--watch", "--count", "2", "--interval", "0.05"])
        .args(["--ca-file", &ca, "--tls-name", "mx.test"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("round 1  OK") && lines[0].contains("tls "),
        "{text}"
    );
    assert!(!lines[0].contains("renewed"), "{text}");
    assert!(
        lines[1].starts_with("round 2  OK") && lines[1].contains("— certificate renewed (serial "),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(0));
}
