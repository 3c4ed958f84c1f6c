//! The SMTP protocol, sans-IO: reply parser, command encoder, EHLO capabilities, the reply
//! context and the conversation state machine. No tokio, no rustls, no clock may be used in
//! this module, and nothing from the rest of the crate: everything here is plain data in,
//! plain data out, and is tested without sockets. It records what was sent and received;
//! it decides no status and writes no prose (that is `assess`).

pub mod command;
pub mod context;
pub mod ehlo;
pub mod name;
pub mod reply;
pub mod session;

pub use context::{CheckKind, Context};
