#!/usr/bin/env python3
"""A small SMTP responder on loopback for benchmarks: many connections, no mail accepted.

Usage: bench-server.py PORT   (listens on 127.0.0.1 only; stops on SIGTERM)
It answers greeting, EHLO/HELO, VRFY (252 for everyone but 550 for nx-* names), EXPN 502,
MAIL/RCPT 250, RSET 250, NOOP 250, QUIT 221. It never accepts DATA (503).
"""
import asyncio
import sys

EHLO = (b"250-bench.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
        b"250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")


async def session(reader, writer):
    writer.write(b"220 bench.test ESMTP ready\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(EHLO)
            elif verb == b"HELO":
                writer.write(b"250 bench.test\r\n")
            elif verb == b"VRFY":
                arg = line[5:].strip()
                if arg.startswith(b"nx-"):
                    writer.write(b"550 5.1.1 " + arg + b": User unknown\r\n")
                else:
                    writer.write(b"252 2.0.0 " + arg + b"\r\n")
            elif verb == b"EXPN":
                writer.write(b"502 5.5.1 EXPN not available\r\n")
            elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                writer.write(b"250 2.0.0 Ok\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 2.0.0 Bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"503 5.5.1 Error: not here\r\n")
            await writer.drain()
    finally:
        writer.close()


async def main(port):
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
