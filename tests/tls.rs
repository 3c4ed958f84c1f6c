//! TLS end to end: the real binary against an in-process SMTP server on 127.0.0.1:0 that
//! speaks STARTTLS (RFC 3207) and implicit TLS (RFC 8314) with tokio-rustls, using a
//! private PKI generated at test time with rcgen (nothing read from outside).
//!
//! Each test owns its server; the server logs every line it received (prefixed `plain:`
//! or `tls:`) so a test can prove what went over which channel, and its `Drop` checks
//! that it was actually used.

use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use smtpprobe::report::Report;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

// ---------------------------------------------------------------------------------------
// A private PKI: root → intermediate → leaves.

struct Pki {
    root_pem: String,
    inter_der: CertificateDer<'static>,
    inter: Issuer<'static, KeyPair>,
    dir: tempfile::TempDir,
}

fn ca_params(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
    p.distinguished_name.push(DnType::CommonName, cn);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

impl Pki {
    fn new() -> Pki {
        let root_key = KeyPair::generate().expect("key");
        let root_params = ca_params("smtpprobe Test Root CA");
        let root = root_params.self_signed(&root_key).expect("root");
        let root_issuer = Issuer::new(root_params, root_key);
        let inter_key = KeyPair::generate().expect("key");
        let inter_params = ca_params("smtpprobe Test Intermediate CA");
        let inter = inter_params
            .signed_by(&inter_key, &root_issuer)
            .expect("intermediate");
        Pki {
            root_pem: root.pem(),
            inter_der: inter.der().clone(),
            inter: Issuer::new(inter_params, inter_key),
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The root CA as a PEM file, for `--ca-file`.
    fn ca_file(&self) -> String {
        let path = self.dir.path().join("root.pem");
        std::fs::write(&path, &self.root_pem).expect("write ca");
        path.to_string_lossy().into_owned()
    }
}

#[derive(Clone)]
struct Leaf {
    chain: Vec<CertificateDer<'static>>,
    key: Arc<PrivateKeyDer<'static>>,
}

struct LeafSpec<'a> {
    sans: &'a [&'a str],
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    self_signed: bool,
    send_intermediate: bool,
    aia: bool,
}

impl Default for LeafSpec<'_> {
    fn default() -> Self {
        LeafSpec {
            sans: &["mx.test", "127.0.0.1"],
            not_before: now() - Duration::days(30),
            not_after: now() + Duration::days(90),
            self_signed: false,
            send_intermediate: true,
            aia: false,
        }
    }
}

/// authorityInfoAccess with one caIssuers URI (RFC 5280 §4.2.2.1), DER by hand.
fn aia_extension(uri: &str) -> CustomExtension {
    let oid = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
    let mut desc = oid.to_vec();
    desc.push(0x86);
    desc.push(u8::try_from(uri.len()).expect("short uri"));
    desc.extend_from_slice(uri.as_bytes());
    let mut seq = vec![0x30, u8::try_from(desc.len()).expect("short")];
    seq.extend(desc);
    let mut outer = vec![0x30, u8::try_from(seq.len()).expect("short")];
    outer.extend(seq);
    CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], outer)
}

impl Pki {
    fn leaf(&self, spec: LeafSpec<'_>) -> Leaf {
        let key = KeyPair::generate().expect("key");
        let mut p = CertificateParams::new(
            spec.sans
                .iter()
                .map(|s| (*s).to_owned())
                .collect::<Vec<_>>(),
        )
        .expect("params");
        p.distinguished_name.push(
            DnType::CommonName,
            spec.sans.first().copied().unwrap_or("leaf"),
        );
        p.not_before = spec.not_before;
        p.not_after = spec.not_after;
        if spec.aia {
            p.custom_extensions
                .push(aia_extension("http://ca.test/intermediate.der"));
        }
        let cert = if spec.self_signed {
            p.self_signed(&key).expect("self-signed")
        } else {
            p.signed_by(&key, &self.inter).expect("leaf")
        };
        let mut chain = vec![cert.der().clone()];
        if spec.send_intermediate && !spec.self_signed {
            chain.push(self.inter_der.clone());
        }
        Leaf {
            chain,
            key: Arc::new(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
                key.serialize_der(),
            ))),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The fake SMTP server.

#[derive(Clone)]
struct Script {
    leaf: Leaf,
    implicit: bool,
    offer_starttls: bool,
    /// The reply to STARTTLS, with CRLF.
    starttls_reply: &'static str,
    /// Sent right after the STARTTLS reply, in the same write: plaintext injection.
    inject_after_220: &'static str,
    starttls_after_tls: bool,
    /// Answer the ClientHello with a protocol_version alert, as a TLS-1.0-only server does.
    tls_below_12: bool,
}

impl Script {
    fn new(leaf: Leaf) -> Script {
        Script {
            leaf,
            implicit: false,
            offer_starttls: true,
            starttls_reply: "220 2.0.0 Ready to start TLS\r\n",
            inject_after_220: "",
            starttls_after_tls: false,
            tls_below_12: false,
        }
    }
}

type Log = Arc<Mutex<Vec<String>>>;

struct TestServer {
    addr: SocketAddr,
    log: Log,
}

impl TestServer {
    fn start(script: Script) -> TestServer {
        let log: Log = Arc::default();
        let (tx, rx) = std::sync::mpsc::channel();
        let thread_log = log.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                tx.send(listener.local_addr().expect("addr")).expect("send");
                let acceptor = acceptor(&script.leaf);
                let script = Arc::new(script);
                loop {
                    let Ok((sock, _)) = listener.accept().await else {
                        return;
                    };
                    let (s, a, l) = (script.clone(), acceptor.clone(), thread_log.clone());
                    tokio::spawn(async move { serve(sock, &s, a, &l).await });
                }
            });
        });
        let addr = rx.recv().expect("server address");
        TestServer { addr, log }
    }

    fn target(&self) -> String {
        self.addr.to_string()
    }

    fn lines(&self) -> Vec<String> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            assert!(!self.lines().is_empty(), "the test server was never used");
        }
    }
}

fn acceptor(leaf: &Leaf) -> tokio_rustls::TlsAcceptor {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(leaf.chain.clone(), leaf.key.clone_key())
        .expect("server cert");
    tokio_rustls::TlsAcceptor::from(Arc::new(cfg))
}

enum Next {
    StartTls,
    Done,
}

async fn serve(
    mut sock: tokio::net::TcpStream,
    s: &Script,
    acceptor: tokio_rustls::TlsAcceptor,
    log: &Log,
) {
    let note = |m: String| {
        if let Ok(mut l) = log.lock() {
            l.push(m);
        }
    };
    if s.implicit {
        match acceptor.accept(sock).await {
            Ok(tls) => {
                smtp(tls, s, true, true, log).await;
            }
            Err(e) => note(format!("[handshake failed: {e}]")),
        }
        return;
    }
    if let Next::StartTls = smtp(&mut sock, s, false, true, log).await {
        if s.tls_below_12 {
            let mut hello = [0u8; 2048];
            let _ = sock.read(&mut hello).await;
            // A fatal protocol_version alert in a TLS 1.0 record.
            let _ = sock
                .write_all(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])
                .await;
            note("[sent protocol_version alert]".into());
            return;
        }
        match acceptor.accept(sock).await {
            Ok(tls) => {
                smtp(tls, s, true, false, log).await;
            }
            Err(e) => note(format!("[handshake failed: {e}]")),
        }
    }
}

async fn read_line<S: AsyncRead + Unpin>(io: &mut S) -> Option<String> {
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    loop {
        match io.read(&mut b).await {
            Ok(1) => {
                if b[0] == b'\n' {
                    return Some(String::from_utf8_lossy(&line).trim_end().to_owned());
                }
                line.push(b[0]);
            }
            _ => return None,
        }
    }
}

/// One SMTP conversation, one byte at a time so that nothing is read ahead of a handshake.
async fn smtp<S: AsyncRead + AsyncWrite + Unpin>(
    mut io: S,
    s: &Script,
    tls: bool,
    greet: bool,
    log: &Log,
) -> Next {
    let chan = if tls { "tls" } else { "plain" };
    if greet && io.write_all(b"220 mx.test ESMTP test\r\n").await.is_err() {
        return Next::Done;
    }
    while let Some(line) = read_line(&mut io).await {
        if let Ok(mut l) = log.lock() {
            l.push(format!("{chan}: {line}"));
        }
        let verb = line.split(' ').next().unwrap_or("").to_ascii_uppercase();
        let reply: String = match verb.as_str() {
            "EHLO" => {
                let mut ext = vec!["mx.test greets you"];
                if (!tls && s.offer_starttls) || (tls && s.starttls_after_tls) {
                    ext.push("STARTTLS");
                }
                if tls {
                    ext.push("AUTH PLAIN LOGIN");
                }
                ext.push("8BITMIME");
                let n = ext.len();
                ext.iter()
                    .enumerate()
                    .map(|(i, e)| format!("250{}{e}\r\n", if i + 1 == n { ' ' } else { '-' }))
                    .collect()
            }
            "STARTTLS" if !tls => {
                let mut r = s.starttls_reply.to_owned();
                r.push_str(s.inject_after_220);
                if io.write_all(r.as_bytes()).await.is_err() {
                    return Next::Done;
                }
                if s.starttls_reply.starts_with("220") {
                    return Next::StartTls;
                }
                continue;
            }
            "QUIT" => {
                let _ = io.write_all(b"221 2.0.0 Bye\r\n").await;
                let _ = io.shutdown().await;
                return Next::Done;
            }
            _ => "250 2.0.0 OK\r\n".into(),
        };
        if io.write_all(reply.as_bytes()).await.is_err() {
            return Next::Done;
        }
    }
    Next::Done
}

// ---------------------------------------------------------------------------------------
// Running the probe.

struct Run {
    code: i32,
    report: Report,
}

fn probe(server: &TestServer, extra: &[&str]) -> Run {
    let target = server.target();
    let mut args = vec![
        target.as_str(),
        "--json",
        "--timeout",
        "5",
        "--connect-timeout",
        "2",
        "--helo",
        "probe.test",
    ];
    args.extend_from_slice(extra);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args(&args)
        .output()
        .expect("run smtpprobe");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: Report = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not a JSON report ({e}):\n{stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Run {
        code: out.status.code().unwrap_or(-1),
        report,
    }
}

impl Run {
    fn tls(&self) -> &smtpprobe::report::tls::TlsReport {
        self.report.servers[0].tls.as_ref().expect("tls report")
    }
    fn reason(&self) -> Option<&str> {
        self.tls().verify_error.as_ref().map(|e| e.reason.as_str())
    }
    fn finding(&self, id: &str) -> Option<&smtpprobe::report::FindingReport> {
        self.report.servers[0].findings.iter().find(|f| f.id == id)
    }
    fn quit_ok(&self) -> bool {
        self.report.servers[0]
            .steps
            .iter()
            .any(|s| s.context == "quit" && s.code == 221)
    }
}

// ---------------------------------------------------------------------------------------
// The tests.

#[test]
fn starttls_verifies_with_ca_file_and_says_ehlo_again() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec::default())));
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 0, "{:#?}", run.report);
    let t = run.tls();
    assert_eq!(t.mode, "starttls");
    assert!(t.verified);
    assert_eq!(t.verify_error, None);
    assert_eq!(t.version.as_deref(), Some("TLSv1.3"));
    assert!(t.cipher.as_deref().is_some_and(|c| c.starts_with("TLS13_")));
    assert!(t.key_exchange.is_some());
    assert!(t.trust.as_deref().is_some_and(|s| s.ends_with("+ca-file")));
    assert_eq!(t.checked_name.as_deref(), Some("127.0.0.1 (IP address)"));
    assert_eq!(t.certificates.len(), 2, "leaf and intermediate");
    let leaf = &t.certificates[0];
    assert_eq!(leaf.sans, ["mx.test", "127.0.0.1"]);
    assert!(leaf.issuer.contains("Intermediate"));
    assert!((88..=90).contains(&leaf.days_left), "{}", leaf.days_left);
    assert_eq!(leaf.key.kind, "EC");
    assert_eq!(leaf.key.curve.as_deref(), Some("P-256"));
    assert_eq!(leaf.signature_algorithm, "ecdsa-with-SHA256");
    assert!(leaf.not_after.ends_with('Z'));
    // EHLO again after TLS: the extensions differ and are both recorded.
    assert!(
        run.report.servers[0]
            .extensions
            .iter()
            .any(|e| e == "STARTTLS")
    );
    assert!(
        t.extensions_after_tls
            .iter()
            .any(|e| e == "AUTH PLAIN LOGIN")
    );
    assert!(!t.extensions_after_tls.iter().any(|e| e == "STARTTLS"));
    assert!(run.quit_ok());
    let lines = server.lines();
    assert!(lines.contains(&"plain: STARTTLS".to_owned()), "{lines:?}");
    assert!(
        lines.contains(&"tls: EHLO probe.test".to_owned()),
        "{lines:?}"
    );
    assert!(lines.contains(&"tls: QUIT".to_owned()), "{lines:?}");
}

#[test]
fn tls_name_checks_the_given_name_instead_of_the_ip() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        sans: &["mx.test"],
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca, "--tls-name", "mx.test"]);
    assert_eq!(run.code, 0);
    assert!(run.tls().verified);
    assert_eq!(run.tls().checked_name.as_deref(), Some("mx.test"));
}

#[test]
fn expired_certificate_is_warning_in_auto_and_critical_in_require() {
    let pki = Pki::new();
    let leaf = pki.leaf(LeafSpec {
        not_before: now() - Duration::days(100),
        not_after: now() - Duration::days(10),
        ..LeafSpec::default()
    });
    let server = TestServer::start(Script::new(leaf));
    let ca = pki.ca_file();

    let auto = probe(&server, &["--ca-file", &ca]);
    assert_eq!(auto.code, 1, "{:#?}", auto.report);
    assert_eq!(auto.reason(), Some("expired"));
    assert!(!auto.tls().verified);
    let msg = &auto.tls().verify_error.as_ref().unwrap().message;
    assert!(msg.contains("10 day(s) ago"), "{msg}");
    assert_eq!(auto.tls().certificates[0].days_left, -10);
    assert_eq!(
        auto.finding("tls_certificate_invalid").map(|f| f.status),
        Some(smtpprobe::exit::Status::Warning)
    );
    // Auto mode goes on over the unverified TLS, as an opportunistic MTA would.
    assert!(auto.quit_ok());
    assert!(!auto.tls().extensions_after_tls.is_empty());

    let req = probe(&server, &["--ca-file", &ca, "--starttls", "require"]);
    assert_eq!(req.code, 2);
    assert_eq!(req.reason(), Some("expired"));
    assert_eq!(
        req.report.servers[0]
            .error
            .as_ref()
            .map(|e| e.phase.as_str()),
        Some("tls_handshake")
    );
    // The certificate is still reported although the handshake was refused.
    assert_eq!(req.tls().certificates.len(), 2);
    assert_eq!(req.tls().version, None);
}

#[test]
fn not_yet_valid_certificate() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        not_before: now() + Duration::days(10),
        not_after: now() + Duration::days(100),
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 1);
    assert_eq!(run.reason(), Some("not_yet_valid"));
}

#[test]
fn name_mismatch_lists_the_names_the_certificate_has() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        sans: &["other.test", "www.other.test"],
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 1);
    assert_eq!(run.reason(), Some("name_mismatch"));
    let msg = &run.tls().verify_error.as_ref().unwrap().message;
    assert!(
        msg.contains("127.0.0.1") && msg.contains("other.test") && msg.contains("www.other.test"),
        "{msg}"
    );
}

#[test]
fn self_signed_certificate() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        self_signed: true,
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 1);
    assert_eq!(run.reason(), Some("self_signed"));
    assert!(run.tls().certificates[0].self_issued);
}

#[test]
fn missing_intermediate_is_an_incomplete_chain() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        send_intermediate: false,
        aia: true,
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 1);
    assert_eq!(run.reason(), Some("incomplete_chain"));
    let msg = &run.tls().verify_error.as_ref().unwrap().message;
    assert!(msg.contains("http://ca.test/intermediate.der"), "{msg}");
    assert_eq!(run.tls().certificates.len(), 1);
}

#[test]
fn private_ca_without_ca_file_is_an_unknown_issuer() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec::default())));
    let run = probe(&server, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(run.reason(), Some("unknown_issuer"));
    let trust = run.tls().trust.clone().unwrap_or_default();
    assert!(trust == "system" || trust == "webpki-roots", "{trust}");
}

#[test]
fn insecure_skips_verification_and_says_so() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        self_signed: true,
        ..LeafSpec::default()
    })));
    let run = probe(&server, &["--insecure", "--starttls", "require"]);
    assert_eq!(run.code, 1, "{:#?}", run.report);
    assert!(!run.tls().verified);
    assert_eq!(run.reason(), Some("insecure"));
    assert_eq!(run.tls().trust.as_deref(), Some("none (--insecure)"));
    assert!(run.finding("tls_not_verified").is_some());
    assert!(run.quit_ok());
}

#[test]
fn approaching_expiry_warns_then_goes_critical() {
    let pki = Pki::new();
    let soon = TestServer::start(Script::new(pki.leaf(LeafSpec {
        not_after: now() + Duration::days(5) + Duration::hours(1),
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let run = probe(&soon, &["--ca-file", &ca]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.finding("cert_expiring").map(|f| f.status),
        Some(smtpprobe::exit::Status::Critical)
    );
    assert!(run.tls().verified);
    let run = probe(
        &soon,
        &[
            "--ca-file",
            &ca,
            "--cert-warn-days",
            "10",
            "--cert-crit-days",
            "3",
        ],
    );
    assert_eq!(run.code, 1);
    let run = probe(
        &soon,
        &[
            "--ca-file",
            &ca,
            "--cert-warn-days",
            "4",
            "--cert-crit-days",
            "2",
        ],
    );
    assert_eq!(run.code, 0);
}

#[test]
fn starttls_454_is_warning_in_auto_and_critical_in_require() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.starttls_reply = "454 4.7.0 TLS not available due to temporary reason\r\n";
    let server = TestServer::start(script);
    let auto = probe(&server, &[]);
    assert_eq!(auto.code, 1);
    assert!(auto.finding("starttls_refused").is_some());
    assert_eq!(auto.tls().mode, "none");
    assert!(auto.quit_ok());
    let req = probe(&server, &["--starttls", "require"]);
    assert_eq!(req.code, 2);
    assert!(req.finding("starttls_refused").is_some());
}

#[test]
fn missing_starttls_is_warning_in_auto_critical_in_require_ok_in_never() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.offer_starttls = false;
    let server = TestServer::start(script);
    assert_eq!(probe(&server, &[]).code, 1);
    assert_eq!(probe(&server, &["--starttls", "require"]).code, 2);
    let never = probe(&server, &["--starttls", "never"]);
    assert_eq!(never.code, 0);
    assert_eq!(never.tls().mode, "none");
}

#[test]
fn plaintext_after_220_is_discarded_and_reported() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.inject_after_220 = "250-injected\r\n250 AUTH PLAIN\r\n";
    let server = TestServer::start(script);
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 2, "{:#?}", run.report);
    let f = run.finding("starttls_injection").expect("finding");
    assert!(f.message.contains("discarded"), "{}", f.message);
    // The injected bytes were not taken as TLS (the handshake worked) nor as the reply
    // to the EHLO after TLS.
    let t = run.tls();
    assert!(t.verified);
    assert!(
        !t.extensions_after_tls
            .iter()
            .any(|e| e.contains("injected"))
    );
    assert!(server.lines().contains(&"tls: EHLO probe.test".to_owned()));
}

#[test]
fn implicit_tls_handshakes_before_the_greeting() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.implicit = true;
    let server = TestServer::start(script);
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca, "--tls"]);
    assert_eq!(run.code, 0, "{:#?}", run.report);
    let t = run.tls();
    assert_eq!(t.mode, "implicit");
    assert!(t.verified);
    assert!(
        t.extensions_after_tls
            .iter()
            .any(|e| e == "AUTH PLAIN LOGIN")
    );
    assert!(run.report.servers[0].steps.iter().all(|s| s.tls));
    assert!(server.lines().iter().all(|l| l.starts_with("tls: ")));
}

#[test]
fn implicit_tls_verifies_strictly() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec {
        sans: &["other.test"],
        ..LeafSpec::default()
    }));
    script.implicit = true;
    let server = TestServer::start(script);
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca, "--implicit-tls"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.reason(), Some("name_mismatch"));
}

#[test]
fn starttls_still_advertised_after_tls_is_flagged() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.starttls_after_tls = true;
    let server = TestServer::start(script);
    let ca = pki.ca_file();
    let run = probe(&server, &["--ca-file", &ca]);
    assert_eq!(run.code, 1);
    assert!(run.finding("starttls_after_tls").is_some());
}

#[test]
fn server_below_tls_1_2_is_reported_as_protocol_version() {
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.tls_below_12 = true;
    let server = TestServer::start(script);
    let run = probe(&server, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.reason(), Some("protocol_version"));
    let msg = &run.tls().verify_error.as_ref().unwrap().message;
    assert!(msg.contains("rustls") && msg.contains("TLS 1.2"), "{msg}");
}

#[test]
fn human_report_has_a_tls_section() {
    let pki = Pki::new();
    let server = TestServer::start(Script::new(pki.leaf(LeafSpec {
        sans: &["other.test"],
        ..LeafSpec::default()
    })));
    let ca = pki.ca_file();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args([&server.target(), "--ca-file", &ca, "--color", "never"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("TLS STARTTLS (RFC 3207): TLSv1.3"), "{text}");
    assert!(text.contains("NOT VERIFIED for 127.0.0.1"), "{text}");
    assert!(text.contains("(name_mismatch)"), "{text}");
    assert!(text.contains("what to do:"), "{text}");
}

#[test]
fn tls_usage_errors_exit_3() {
    let bin = env!("CARGO_BIN_EXE_smtpprobe");
    for args in [
        &[
            "127.0.0.1:25",
            "--cert-warn-days",
            "5",
            "--cert-crit-days",
            "9",
        ][..],
        &["127.0.0.1:25", "--ca-file", "/nonexistent/ca.pem"][..],
        &["127.0.0.1:25", "--tls", "--starttls", "auto"][..],
        &["127.0.0.1:25", "--starttls", "maybe"][..],
    ] {
        let out = std::process::Command::new(bin)
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(3), "{args:?}");
    }
}
