//! A fake SMTP server speaking STARTTLS (RFC 3207) and implicit TLS (RFC 8314) with
//! tokio-rustls, and a private PKI made with rcgen (root → intermediate → leaves).
//! Used by `tests/tls.rs` and by `examples/tls_smtp_server.rs` (the benchmark's server).
//! Lines received are logged with `plain:` / `tls:` prefixes.
#![allow(dead_code)]

use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

// ---------------------------------------------------------------------------------------
// A private PKI: root → intermediate → leaves.

pub struct Pki {
    pub root_pem: String,
    pub inter_der: CertificateDer<'static>,
    pub inter: Issuer<'static, KeyPair>,
    pub dir: tempfile::TempDir,
}

pub fn ca_params(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
    p.distinguished_name.push(DnType::CommonName, cn);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p
}

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

impl Pki {
    pub fn new() -> Pki {
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
    pub fn ca_file(&self) -> String {
        let path = self.dir.path().join("root.pem");
        std::fs::write(&path, &self.root_pem).expect("write ca");
        path.to_string_lossy().into_owned()
    }
}

#[derive(Clone)]
pub struct Leaf {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: Arc<PrivateKeyDer<'static>>,
}

pub struct LeafSpec<'a> {
    pub sans: &'a [&'a str],
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    pub self_signed: bool,
    pub send_intermediate: bool,
    pub aia: bool,
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
pub fn aia_extension(uri: &str) -> CustomExtension {
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
    pub fn leaf(&self, spec: LeafSpec<'_>) -> Leaf {
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
pub struct Script {
    pub leaf: Leaf,
    pub implicit: bool,
    pub offer_starttls: bool,
    /// The reply to STARTTLS, with CRLF.
    pub starttls_reply: &'static str,
    /// Sent right after the STARTTLS reply, in the same write: plaintext injection.
    pub inject_after_220: &'static str,
    pub starttls_after_tls: bool,
    /// Answer the ClientHello with a protocol_version alert, as a TLS-1.0-only server does.
    pub tls_below_12: bool,
    /// Offer only TLS 1.2 (to compare with 1.3).
    pub tls12_only: bool,
    /// Close the connection after the 220 to STARTTLS, before any handshake.
    pub close_after_220: bool,
    /// Users VRFY and RCPT know (250); anybody else gets 550 5.1.1. Empty: every command
    /// but those below gets 250.
    pub users: &'static [&'static str],
}

impl Script {
    pub fn new(leaf: Leaf) -> Script {
        Script {
            leaf,
            implicit: false,
            offer_starttls: true,
            starttls_reply: "220 2.0.0 Ready to start TLS\r\n",
            inject_after_220: "",
            starttls_after_tls: false,
            tls_below_12: false,
            tls12_only: false,
            close_after_220: false,
            users: &[],
        }
    }
}

pub type Log = Arc<Mutex<Vec<String>>>;

pub struct TestServer {
    pub addr: SocketAddr,
    pub log: Log,
}

impl TestServer {
    pub fn start(script: Script) -> TestServer {
        TestServer::start_on(script, "127.0.0.1:0")
    }

    /// On a given address (the benchmark uses a fixed port).
    pub fn start_on(script: Script, bind: &str) -> TestServer {
        let bind = bind.to_owned();
        let log: Log = Arc::default();
        let (tx, rx) = std::sync::mpsc::channel();
        let thread_log = log.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind(bind.as_str())
                    .await
                    .expect("bind");
                tx.send(listener.local_addr().expect("addr")).expect("send");
                let acceptor = acceptor(&script.leaf, script.tls12_only);
                let script = Arc::new(script);
                loop {
                    let Ok((sock, _)) = listener.accept().await else {
                        return;
                    };
                    // Like real MTAs: no Nagle delay on small replies.
                    let _ = sock.set_nodelay(true);
                    let (s, a, l) = (script.clone(), acceptor.clone(), thread_log.clone());
                    tokio::spawn(async move { serve(sock, &s, a, &l).await });
                }
            });
        });
        let addr = rx.recv().expect("server address");
        TestServer { addr, log }
    }

    pub fn target(&self) -> String {
        self.addr.to_string()
    }

    pub fn lines(&self) -> Vec<String> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            // The server thread notes a connection on its own time: a client that gave up
            // in the handshake (a verification failure) may be gone before the note is
            // written, so wait for it a little under load.
            let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
            while self.lines().is_empty() && std::time::Instant::now() < until {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            assert!(!self.lines().is_empty(), "the test server was never used");
        }
    }
}

pub fn acceptor(leaf: &Leaf, tls12_only: bool) -> tokio_rustls::TlsAcceptor {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let versions: &[&rustls::SupportedProtocolVersion] = if tls12_only {
        &[&rustls::version::TLS12]
    } else {
        &[&rustls::version::TLS13, &rustls::version::TLS12]
    };
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(versions)
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(leaf.chain.clone(), leaf.key.clone_key())
        .expect("server cert");
    tokio_rustls::TlsAcceptor::from(Arc::new(cfg))
}

pub enum Next {
    StartTls,
    Done,
}

pub async fn serve(
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
        if s.close_after_220 {
            let _ = sock.shutdown().await;
            note("[closed after 220]".into());
            return;
        }
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

pub async fn read_line<S: AsyncRead + Unpin>(io: &mut S) -> Option<String> {
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
pub async fn smtp<S: AsyncRead + AsyncWrite + Unpin>(
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
            "VRFY" | "RCPT" if !s.users.is_empty() => {
                let arg = line.get(verb.len()..).unwrap_or("").trim();
                let arg = arg
                    .trim_start_matches("TO:")
                    .trim_start_matches("to:")
                    .trim_matches(['<', '>']);
                let user = arg.split('@').next().unwrap_or("");
                if s.users.contains(&user) {
                    format!("250 2.1.5 <{user}@mx.test>\r\n")
                } else {
                    "550 5.1.1 <unknown>: User unknown\r\n".into()
                }
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
