//! The SMTP protocol, sans-IO: reply parser, command encoder, EHLO capabilities and the
//! conversation state machine. No tokio, no rustls, no clock may be used in this module:
//! everything here is plain data in, plain data out, and is tested without sockets.

pub mod command;
pub mod ehlo;
pub mod reply;
pub mod session;
