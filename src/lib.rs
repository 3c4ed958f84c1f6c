//! smtpprobe: an SMTP diagnostic probe that explains every reply in context.
//!
//! # Architecture
//!
//! Layers, each using only those below it (no import cycles; `tests/architecture.rs`
//! checks the rules that matter most):
//!
//! ```text
//! main.rs            thin: parse → config → run → assess → output → ExitCode
//! demo               `smtpprobe demo`: recorded servers replayed on loopback, an in-process
//!                    DNS answer and its own CA, probed with the real engine
//! output             the sink at the edge: renderer for --format, stdout, --quiet, --output
//! explain            `smtpprobe explain`: pasted replies read and explained offline
//! run                the engine: an environment built once (resolver, TLS context, HELO
//!                    name); probes one target with it and returns the report
//! assess             THE ONLY place that turns facts + knowledge into meanings, check
//!                    outcomes, findings, statuses, thresholds and the verdict
//! report             the report model and its renderers (human, json, nagios, prometheus,
//!                    explain) writing to `impl Write`; no I/O, no clock, no clap, no judgement
//! facts              what a probe observed, per target and per server, before judgement
//! driver             the one read/write loop: drives a Session over TCP or TLS under
//!                    deadlines; returns facts (transcript, error, handshake)
//! policy             MTA-STS and TLS-RPT a domain publishes, looked up and parsed (facts)
//! dns, tls           lookups and TLS as facts (answers and issues, chain, verification)
//! config, cli        clap declarations; a validated, typed Config (TLS policy decided once)
//! knowledge          the reference as data: codes, enhanced codes, context rules, texts
//! thresholds, target the user's timing thresholds and TARGET, parsed
//! echo               user input quoted, escaped and cut for error messages
//! vocab              the typed vocabulary: phases, finding ids, error kinds, outcomes
//! smtp               sans-IO protocol: replies, commands, EHLO, context, the session state
//!                    machine; imports nothing else from this crate
//! exit               Status and exit codes, merged over many servers or targets
//! ```
//!
//! Facts go up; statuses and words are decided in `assess` only. A new check (e.g. a DANE
//! requirement on one MX host) adds its facts to `dns`/`tls`/`facts`, its judgement as a
//! file in `assess/`, and, if it changes how a server is talked to, a stricter
//! `TlsPolicy` on that server's `ServerFacts` in `run`.
#![deny(clippy::print_stdout, clippy::print_stderr)]

// The tests' shared helpers (tests/common/) name the crate as an outside user does; a
// library test that includes one resolves `smtpprobe::` to this crate.
#[cfg(test)]
extern crate self as smtpprobe;

pub mod assess;
pub mod cli;
pub mod config;
pub mod demo;
pub mod dns;
pub mod driver;
pub mod echo;
pub mod exit;
pub mod explain;
pub mod facts;
pub mod knowledge;
pub mod output;
pub mod policy;
pub mod report;
pub mod run;
pub mod smtp;
pub mod target;
pub mod thresholds;
pub mod tls;
pub mod vocab;
