//! The automerge-repo WebSocket protocol, version "1", as Tally speaks it.
//!
//! The protocol is specified in the Wire Protocol section of the
//! automerge-repo-network-websocket README: every WebSocket binary frame is
//! one CBOR map with a `type` key. This crate has three parts, shared by the
//! app, the relay's tests and the fuzzer:
//! - [`message`]: decoding and encoding those maps. Maps are read by key
//!   (servers order keys differently); unknown keys are skipped and unknown
//!   message types come back as [`Message::Other`], so a newer server does
//!   not break an older app.
//! - [`DocumentId`]: document ids as automerge-repo makes them (bs58check of
//!   16 bytes, shown in `automerge:` URLs), always UUIDv4-shaped because
//!   servers built on automerge-repo 1.x ignore any other id.
//! - [`client`]: one device's side of syncing one document with one server,
//!   free of any network code: frames in, frames out.
//! - [`admit`]: which frames from a device a relay passes on to its sync
//!   engine, for a device allowed one timebank.

// Frames come from the network: nothing here unwraps.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod admit;
pub mod client;
mod document_id;
pub mod message;

pub use admit::{Admitted, admit};
pub use client::{Client, ClientError, Received};
pub use document_id::{BadDocumentId, DocumentId};
pub use message::{DecodeError, Message, PeerMetadata};

/// The only protocol version there is; offered in `join`, chosen in `peer`.
pub const PROTOCOL_VERSION: &str = "1";

/// Frames larger than this are refused unread by the app (the relay refuses
/// smaller ones by default: `--max-message-bytes`, 16 MiB). The first sync
/// of the largest timebank we measure (200,000 exchanges) is 14.5 MB, so a
/// real timebank fits several times over.
pub const MAX_FRAME_BYTES: usize = 64 * 1024 * 1024;
