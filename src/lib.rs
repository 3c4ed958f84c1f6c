//! smtpprobe: an SMTP diagnostic probe that explains every reply in context.
//!
//! # Architecture
//! - [`smtp`] is the protocol, sans-IO: an incremental reply parser, typed commands whose
//!   `Display` is the wire form (there is no DATA or BDAT: the probe never delivers mail),
//!   EHLO capabilities, and the conversation as a state machine.
//! - [`knowledge`] is the reference, as data: reply codes, enhanced status codes and the
//!   context rules that give a reply its meaning *here*.
//! - [`dns`] resolves a target into servers (MX, implicit MX, null MX) over a lookup trait;
//!   hickory-resolver is one implementation of it.
//! - [`driver`] is the one place that does network I/O and keeps time: it drives a session
//!   over TCP (or TLS) under deadlines.
//! - [`probe`] ties them together for one target and builds the [`report::Report`], which
//!   the renderers in [`report`] turn into human, JSON or monitoring output.
//! - [`tls`] is rustls: configuration, lazy trust store, a verifier that records the chain
//!   and the verdict, certificate facts and precise failure reasons.
//! - [`exit`] maps verdicts to the monitoring-plugins exit codes.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod dns;
pub mod driver;
pub mod exit;
pub mod explain;
pub mod knowledge;
pub mod probe;
pub mod report;
pub mod smtp;
pub mod tls;
