#!/usr/bin/env python3
"""MTA-STS policy host for smtpprobe's real-server tests (started by scripts/real-servers.sh).

HTTPS on loopback only: `policy_server.py DOMAIN IP CERT KEY [IP CERT KEY ...]` listens on
IP:443 for each (IP, certificate, key) and answers GET /.well-known/mta-sts.txt by the Host
header: each test domain `sts-*.DOMAIN` has its own policy (or a 404). Python's standard
library only: http.server + ssl.
"""
import http.server
import ssl
import sys
import threading

DOMAIN = sys.argv[1]


def policy(mode, *mx, max_age=86400):
    lines = ["version: STSv1", f"mode: {mode}"] + [f"mx: {m}" for m in mx]
    if max_age is not None:
        lines.append(f"max_age: {max_age}")
    return "".join(line + "\r\n" for line in lines)


MX1 = f"mx1.{DOMAIN}"
POLICIES = {
    "sts-ok": policy("enforce", MX1),
    "sts-mismatch": policy("enforce", MX1),
    "sts-two": policy("enforce", MX1),
    "sts-wrongcert": policy("enforce", MX1),
    "sts-testing": policy("testing", MX1),
    "sts-wild": policy("enforce", f"*.{DOMAIN}"),
    "sts-malformed": policy("enforce", MX1, max_age=None),
    "sts-expired": policy("enforce", f"dane-mx2.{DOMAIN}"),
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        label = host.removeprefix("mta-sts.").removesuffix("." + DOMAIN)
        body = POLICIES.get(label) if self.path == "/.well-known/mta-sts.txt" else None
        if body is None:
            self.send_response(404)
            data = b"not found\n"
        else:
            self.send_response(200)
            data = body.encode()
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("policy-server: " + (fmt % args) + "\n")


def serve(ip, cert, key):
    httpd = http.server.ThreadingHTTPServer((ip, 443), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    httpd.serve_forever()


if __name__ == "__main__":
    args = sys.argv[2:]
    threads = []
    for i in range(0, len(args), 3):
        t = threading.Thread(target=serve, args=tuple(args[i:i + 3]), daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
