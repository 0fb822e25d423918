//! One device syncing one document with one server, without any network
//! code: the caller opens the connection, sends [`Client::hello`], passes
//! every binary frame to [`Client::receive`] and sends whatever
//! [`Client::next_frame`] returns, after each receive and each local change.
//!
//! The Automerge sync state is the caller's to keep between connections
//! ([`Client::state`]): a reconnect then sends only what is new.

use std::collections::BTreeSet;

use automerge::sync::{self, SyncDoc};
use automerge::{AutoCommit, ChangeHash};

use crate::{DecodeError, DocumentId, Message, PROTOCOL_VERSION, PeerMetadata};

/// What a received frame meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// The server answered the handshake: sync can start.
    Connected { server: String },
    /// Changes arrived and are now in the document.
    Changed,
    /// Nothing for the document (an acknowledgement, or a message this
    /// client does not act on).
    Nothing,
    /// The server does not have the document, and neither do we.
    Unavailable,
}

/// Why the connection cannot go on. Each says it in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("the server refused: {0}")]
    Refused(String),
    #[error("the server sent a message that could not be read: {0}")]
    Garbled(#[from] DecodeError),
    #[error("the server sent changes that could not be read: {0}")]
    BadSync(String),
    #[error("the server speaks protocol version {0:?}; this app speaks version 1")]
    Version(String),
}

/// One connection's side of the protocol.
#[derive(Debug)]
pub struct Client {
    me: String,
    storage_id: Option<String>,
    document: DocumentId,
    server: Option<String>,
    state: sync::State,
}

impl Client {
    /// `me` is this connection's peer id; `storage_id`, if any, is the
    /// device's stable storage id (servers keep sync state under it).
    pub fn new(
        me: String,
        storage_id: Option<String>,
        document: DocumentId,
        state: sync::State,
    ) -> Client {
        Client {
            me,
            storage_id,
            document,
            server: None,
            state,
        }
    }

    /// The first frame to send once the connection is open.
    pub fn hello(&self) -> Vec<u8> {
        Message::Join {
            sender: self.me.clone(),
            versions: vec![PROTOCOL_VERSION.to_string()],
            metadata: Some(PeerMetadata {
                is_ephemeral: self.storage_id.is_none(),
                storage_id: self.storage_id.clone(),
            }),
        }
        .encode()
    }

    /// True once the server has answered the handshake.
    pub fn is_connected(&self) -> bool {
        self.server.is_some()
    }

    pub fn document(&self) -> DocumentId {
        self.document
    }

    /// Takes in one frame from the server.
    pub fn receive(&mut self, doc: &mut AutoCommit, frame: &[u8]) -> Result<Received, ClientError> {
        match Message::decode(frame)? {
            Message::Peer {
                sender, version, ..
            } => {
                if version != PROTOCOL_VERSION {
                    return Err(ClientError::Version(version));
                }
                self.server = Some(sender.clone());
                Ok(Received::Connected { server: sender })
            }
            Message::Error { message } => Err(ClientError::Refused(message)),
            Message::Sync { document, data, .. } | Message::Request { document, data, .. }
                if document == self.document =>
            {
                let message = sync::Message::decode(&data)
                    .map_err(|e| ClientError::BadSync(e.to_string()))?;
                let before = doc.get_heads();
                doc.sync()
                    .receive_sync_message(&mut self.state, message)
                    .map_err(|e| ClientError::BadSync(e.to_string()))?;
                if doc.get_heads() == before {
                    Ok(Received::Nothing)
                } else {
                    Ok(Received::Changed)
                }
            }
            Message::DocUnavailable { document, .. }
                if document == self.document && doc.get_heads().is_empty() =>
            {
                Ok(Received::Unavailable)
            }
            _ => Ok(Received::Nothing),
        }
    }

    /// The next frame to send, if the server lacks anything or has not yet
    /// heard our heads. Call after connecting, after each receive and after
    /// each local change; `None` before the handshake.
    pub fn next_frame(&mut self, doc: &mut AutoCommit) -> Option<Vec<u8>> {
        let server = self.server.clone()?;
        let message = doc.sync().generate_sync_message(&mut self.state)?;
        let data = message.encode();
        let frame = if doc.get_heads().is_empty() {
            Message::Request {
                document: self.document,
                sender: self.me.clone(),
                target: server,
                data,
            }
        } else {
            Message::Sync {
                document: self.document,
                sender: self.me.clone(),
                target: server,
                data,
            }
        };
        Some(frame.encode())
    }

    /// True when the server has told us its heads and they are ours: both
    /// sides hold the same changes.
    pub fn is_in_sync(&self, doc: &mut AutoCommit) -> bool {
        let ours: BTreeSet<ChangeHash> = doc.get_heads().into_iter().collect();
        self.state
            .their_heads
            .as_ref()
            .is_some_and(|theirs| theirs.iter().copied().collect::<BTreeSet<_>>() == ours)
    }

    /// How many of our changes the server is not yet known to have.
    pub fn unshared_changes(&self, doc: &mut AutoCommit) -> usize {
        unshared_changes(doc, &self.state)
    }

    /// True when the server ignores what we send (a read-only share).
    pub fn server_is_read_only(&self) -> bool {
        self.state.is_peer_read_only()
    }

    /// The sync state to keep for the next connection.
    pub fn state(&self) -> &sync::State {
        &self.state
    }
}

/// How many changes of `doc` are not in `state`'s shared heads: what a
/// device has not yet shared with that server, even while disconnected.
pub fn unshared_changes(doc: &mut AutoCommit, state: &sync::State) -> usize {
    unshared_changes_where(doc, state, |_| true)
}

/// How many changes of `doc` that `counts` are not in `state`'s shared
/// heads (an application may leave out changes that only complete another,
/// such as a signature written after the record it signs).
pub fn unshared_changes_where(
    doc: &mut AutoCommit,
    state: &sync::State,
    counts: impl Fn(&automerge::Change) -> bool,
) -> usize {
    let shared = &state.shared_heads;
    let known = shared
        .iter()
        .all(|hash| doc.get_change_by_hash(hash).is_some());
    let since: &[automerge::ChangeHash] = if known { shared } else { &[] };
    doc.get_changes(since)
        .into_iter()
        .filter(|change| counts(change))
        .count()
}
