//! A tiny HTTPS server on loopback for MTA-STS policy tests: it answers every request with
//! one canned HTTP response over TLS (tokio-rustls, ring) with a given certificate, and
//! counts the requests it got.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub struct HttpsServer {
    pub addr: SocketAddr,
    pub requests: Arc<AtomicUsize>,
}

impl HttpsServer {
    /// Serves `response` (a whole HTTP response, head and body) with `acceptor`'s
    /// certificate on 127.0.0.1, a free port.
    pub fn start(acceptor: tokio_rustls::TlsAcceptor, response: String) -> HttpsServer {
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        let (tx, rx) = std::sync::mpsc::channel();
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
                let response = Arc::new(response);
                loop {
                    let Ok((sock, _)) = listener.accept().await else {
                        return;
                    };
                    let (a, r, c) = (acceptor.clone(), response.clone(), counter.clone());
                    tokio::spawn(async move {
                        let Ok(mut tls) = a.accept(sock).await else {
                            return;
                        };
                        let mut head = Vec::new();
                        let mut b = [0u8; 1024];
                        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                            match tls.read(&mut b).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => head.extend_from_slice(&b[..n]),
                            }
                        }
                        c.fetch_add(1, Ordering::SeqCst);
                        let _ = tls.write_all(r.as_bytes()).await;
                        let _ = tls.shutdown().await;
                    });
                }
            });
        });
        let addr = rx.recv().expect("server address");
        HttpsServer { addr, requests }
    }

    pub fn port(&self) -> String {
        self.addr.port().to_string()
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// A 200 answer with `body` as text/plain.
pub fn ok_policy(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}
