//! A standalone STARTTLS SMTP server for benchmarks and demos: the same fake server the TLS
//! tests use (`tests/common/tls_server.rs`), with a fresh private PKI.
//!
//! ```text
//! cargo run --release --example tls_smtp_server -- 127.0.0.1:2525 /tmp/ca.pem [--implicit] [--tls12]
//! ```
//! Writes the root CA to the given PEM path, prints `ready` and serves until killed.

#[path = "../tests/common/tls_server.rs"]
mod tls_server;

use tls_server::{LeafSpec, Pki, Script, TestServer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(bind), Some(ca_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: tls_smtp_server ADDR:PORT CA.pem [--implicit] [--tls12]");
        std::process::exit(3);
    };
    let pki = Pki::new();
    let mut script = Script::new(pki.leaf(LeafSpec::default()));
    script.implicit = args.iter().any(|a| a == "--implicit");
    script.tls12_only = args.iter().any(|a| a == "--tls12");
    if let Err(e) = std::fs::write(ca_path, &pki.root_pem) {
        eprintln!("cannot write {ca_path}: {e}");
        std::process::exit(3);
    }
    let server = TestServer::start_on(script, bind);
    println!("ready {}", server.target());
    loop {
        std::thread::park();
    }
}
