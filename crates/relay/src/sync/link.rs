//! One device's sync connection, between its WebSocket and samod.
//!
//! - The reader passes samod the frames `wire::admit` allows, each holding
//!   its bytes in the budget until samod asks for the next, and ends the
//!   connection on a refused frame, one too big, no `join` in time, or
//!   changes for a timebank that takes more than its storage quota (the
//!   device may still fetch what is stored).
//! - samod's messages for the device wait in a queue that never holds samod
//!   up (samod would only queue them itself, without bound); when more than
//!   `max_queued_bytes` wait, the device is dropped.
//! - The writer sends them, and the heartbeats; when the device's socket
//!   takes nothing for `send_timeout`, the device is dropped.
//!
//! The first reason to end the connection wins (`End`); the reader, the
//! queue and the writer all stop on it, and samod with the reader. The
//! device is told why in the close frame, with a code in the range kept for
//! applications (4000 + the HTTP status it is like) that the app shows in
//! words: 4400 a message refused, 4403 access revoked, 4408 no `join` in
//! time, 4413 a message too big, 4507 the timebank over its storage quota;
//! 1001 when the relay stops.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, close_code};
use futures::stream::{SplitSink, SplitStream};
use futures::{Sink, SinkExt, Stream, StreamExt};
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;

use super::budget::{Budget, Held};
use super::{Ended, Limits, carries_changes};
use crate::repos::Repos;
use crate::storage::StoredBytes;
use crate::tokens::Grant;

/// Why the relay ends a device's connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// It sent a frame the relay does not pass on; why, in words.
    Refused(String),
    /// It sent a message larger than the relay takes.
    TooBig,
    /// It did not say `join` in time.
    NoJoin,
    /// A coordinator revoked its token.
    Revoked,
    /// It sent changes for a timebank that takes more than its quota.
    OverQuota {
        document: String,
        stored: u64,
        quota: u64,
    },
    /// It does not take what is sent to it; how, in words.
    TooSlow(String),
    /// It closed the connection, or the connection broke.
    Gone,
}

/// What a close tells the device: a code and a short reason.
pub type Why = (u16, &'static str);

pub const REFUSED: Why = (4400, "a message from this device was refused");
pub const REVOKED: Why = (4403, "access revoked");
pub const NO_JOIN: Why = (4408, "no join in time");
pub const TOO_BIG: Why = (4413, "a message too big for this relay");
pub const OVER_QUOTA: Why = (4507, "this timebank takes more than its storage quota");
pub const STOPPING: Why = (close_code::AWAY, "the relay is stopping");
/// samod ended the connection: it refused what the device said.
const REFUSED_BY_SAMOD: Why = (4400, "refused by the sync protocol");

impl Ending {
    /// What the device is told; `None` when nothing can reach it any more.
    pub fn close_frame(&self) -> Option<Why> {
        match self {
            Ending::Refused(_) => Some(REFUSED),
            Ending::Revoked => Some(REVOKED),
            Ending::NoJoin => Some(NO_JOIN),
            Ending::TooBig => Some(TOO_BIG),
            Ending::OverQuota { .. } => Some(OVER_QUOTA),
            Ending::TooSlow(_) | Ending::Gone => None,
        }
    }
}

/// Where a connection's end is decided: the first reason given wins and is
/// logged, and everyone waiting on it hears of it.
#[derive(Clone)]
pub(super) struct End {
    reason: Arc<watch::Sender<Option<Ending>>>,
    token_id: Arc<str>,
}

impl End {
    pub(super) fn new(token_id: &str) -> End {
        End {
            reason: Arc::new(watch::Sender::new(None)),
            token_id: token_id.into(),
        }
    }

    /// Ends the connection for `ending`, unless it is ending already.
    pub(super) fn with(&self, ending: Ending) {
        let first = self.reason.send_if_modified(|reason| {
            if reason.is_some() {
                return false;
            }
            *reason = Some(ending.clone());
            true
        });
        if !first {
            return;
        }
        let token = &*self.token_id;
        match ending {
            Ending::Refused(why) => {
                tracing::warn!(token, reason = %why, "closing a sync connection: a frame was refused");
            }
            Ending::TooBig => {
                tracing::warn!(token, "closing a sync connection: a message was too big");
            }
            Ending::NoJoin => tracing::info!(token, "closing a sync connection: no join in time"),
            Ending::OverQuota {
                document,
                stored,
                quota,
            } => tracing::warn!(
                token,
                %document,
                stored,
                quota,
                "closing a sync connection: changes for a timebank over its storage quota"
            ),
            Ending::Revoked => tracing::info!(token, "closing a sync connection: access revoked"),
            Ending::TooSlow(why) => {
                tracing::warn!(token, reason = %why, "dropping a device that does not keep up");
            }
            Ending::Gone => tracing::debug!(token, "device disconnected"),
        }
    }

    fn reason(&self) -> Option<Ending> {
        self.reason.borrow().clone()
    }

    /// Completes once the connection is ending.
    async fn wait(&self) {
        let mut watching = self.reason.subscribe();
        let _ = watching.wait_for(Option::is_some).await;
    }
}

/// A message for the device, holding its bytes in the budget.
struct Outgoing {
    bytes: Vec<u8>,
    held: Held,
}

/// Where samod sends the device's messages: never waits, and drops the
/// device instead when too much already waits for it.
pub(super) struct Queue {
    sender: mpsc::UnboundedSender<Outgoing>,
    waiting: Arc<AtomicUsize>,
    max_waiting: usize,
    budget: Budget,
    end: End,
}

/// The writer's end of the queue.
pub(super) struct Queued {
    receiver: mpsc::UnboundedReceiver<Outgoing>,
    waiting: Arc<AtomicUsize>,
}

pub(super) fn queue(end: End, budget: Budget, limits: &Limits) -> (Queue, Queued) {
    let (sender, receiver) = mpsc::unbounded_channel();
    let waiting = Arc::new(AtomicUsize::new(0));
    let queue = Queue {
        sender,
        waiting: waiting.clone(),
        max_waiting: limits.max_queued_bytes,
        budget,
        end,
    };
    (queue, Queued { receiver, waiting })
}

impl Queue {
    fn push(&self, bytes: Vec<u8>) {
        // Nothing more is sent on a connection that is ending.
        if self.end.reason().is_some() {
            return;
        }
        let waiting = self.waiting.load(Ordering::Acquire);
        // A message larger than the bound is still sent when it waits alone
        // (the first sync of a large timebank is one message).
        if waiting > 0 && waiting.saturating_add(bytes.len()) > self.max_waiting {
            self.end.with(Ending::TooSlow(format!(
                "more than {} bytes were waiting to be sent to it",
                self.max_waiting
            )));
            return;
        }
        self.waiting.fetch_add(bytes.len(), Ordering::AcqRel);
        let held = self.budget.take_now(bytes.len());
        let _ = self.sender.send(Outgoing { bytes, held });
    }
}

impl Sink<Vec<u8>> for Queue {
    type Error = Infallible;

    fn poll_ready(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn start_send(self: Pin<&mut Self>, bytes: Vec<u8>) -> Result<(), Infallible> {
        self.push(bytes);
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }
}

/// Sends what samod queued for the device, and heartbeats if it asked for
/// them, until the connection ends; then closes the socket, saying why.
pub(super) async fn write(
    mut socket: SplitSink<WebSocket, WsMessage>,
    mut queued: Queued,
    end: End,
    limits: Limits,
    heartbeat: bool,
    repos: Repos,
) {
    let mut beat = tokio::time::interval(limits.heartbeat);
    beat.tick().await;
    loop {
        let (message, sending) = tokio::select! {
            biased;
            () = end.wait() => break,
            outgoing = queued.receiver.recv() => match outgoing {
                Some(Outgoing { bytes, held }) => {
                    let length = bytes.len();
                    (WsMessage::Binary(bytes.into()), Some((length, held)))
                }
                // samod is done with the connection, and all it sent is sent.
                None => break,
            },
            _ = beat.tick(), if heartbeat => (WsMessage::Text("heartbeat".into()), None),
        };
        let sent = tokio::select! {
            biased;
            () = end.wait() => break,
            sent = tokio::time::timeout(limits.send_timeout, socket.send(message)) => sent,
        };
        if let Some((length, held)) = sending {
            queued.waiting.fetch_sub(length, Ordering::AcqRel);
            drop(held);
        }
        match sent {
            Ok(Ok(())) => {}
            Ok(Err(_)) => {
                end.with(Ending::Gone);
                break;
            }
            Err(_) => {
                end.with(Ending::TooSlow(format!(
                    "its connection took nothing for {} seconds",
                    limits.send_timeout.as_secs()
                )));
                break;
            }
        }
    }
    let why = match end.reason() {
        Some(ending) => match ending.close_frame() {
            Some(why) => why,
            // Nothing more reaches it.
            None => return,
        },
        None if repos.is_stopping() => STOPPING,
        None => REFUSED_BY_SAMOD,
    };
    say_why(&mut socket, why, limits.send_timeout).await;
}

/// Closes `socket`, telling the device why; waits at most `patience`.
pub(super) async fn say_why<S>(socket: &mut S, (code, reason): Why, patience: Duration)
where
    S: Sink<WsMessage> + Unpin,
{
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = tokio::time::timeout(patience, socket.send(WsMessage::Close(Some(frame)))).await;
}

/// How many bytes the data folder may hold for one timebank.
pub(super) struct Quota {
    pub(super) stored: StoredBytes,
    /// The timebank's id, as samod's storage keys begin.
    pub(super) document: String,
    pub(super) bytes: u64,
}

impl Quota {
    /// Why changes for the timebank are refused, if it is over its quota.
    fn exceeded(&self) -> Option<Ending> {
        let stored = self.stored.of(&self.document);
        (stored > self.bytes).then(|| Ending::OverQuota {
            document: self.document.clone(),
            stored,
            quota: self.bytes,
        })
    }
}

/// Reads the device's frames for samod.
struct Reader {
    socket: SplitStream<WebSocket>,
    grant: Grant,
    end: End,
    budget: Budget,
    quota: Quota,
    /// Until the device has said `join`, when its time to is up.
    join_by: Option<Instant>,
    /// The bytes of the frame samod is taking in.
    holding: Option<Held>,
    _ended: Ended,
}

/// The frames samod may see, until the connection ends.
pub(super) fn read(
    socket: SplitStream<WebSocket>,
    grant: Grant,
    end: End,
    budget: Budget,
    quota: Quota,
    join_timeout: Duration,
    ended: Ended,
) -> impl Stream<Item = Result<Vec<u8>, Infallible>> + Send + Unpin + 'static {
    let reader = Reader {
        socket,
        grant,
        end,
        budget,
        quota,
        join_by: Some(Instant::now() + join_timeout),
        holding: None,
        _ended: ended,
    };
    Box::pin(futures::stream::unfold(reader, |mut reader| async move {
        let frame = reader.next_frame().await?;
        Some((Ok(frame), reader))
    }))
}

impl Reader {
    async fn next_frame(&mut self) -> Option<Vec<u8>> {
        // samod asks for the next frame once it has taken in the last.
        self.holding = None;
        loop {
            let join_by = self.join_by;
            let too_late = async move {
                match join_by {
                    Some(deadline) => tokio::time::sleep_until(deadline).await,
                    None => std::future::pending().await,
                }
            };
            let next = tokio::select! {
                biased;
                () = self.end.wait() => return None,
                next = self.socket.next() => next,
                () = too_late => {
                    self.end.with(Ending::NoJoin);
                    return None;
                }
            };
            let ending = match next {
                None | Some(Ok(WsMessage::Close(_))) => Ending::Gone,
                Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => continue,
                Some(Ok(WsMessage::Text(_))) => {
                    Ending::Refused("a text frame (the protocol is binary)".to_string())
                }
                Some(Err(error)) => transport_ending(error),
                Some(Ok(WsMessage::Binary(bytes))) => {
                    match wire::admit(&bytes, self.grant.document) {
                        Err(problem) => Ending::Refused(problem),
                        Ok(kind) => {
                            match kind {
                                wire::Admitted::Join => self.join_by = None,
                                wire::Admitted::Sync(data) => {
                                    // Read only for a timebank over its
                                    // quota: fetching what is stored stays
                                    // possible.
                                    if let Some(over) = self.quota.exceeded()
                                        && carries_changes(&data)
                                    {
                                        self.end.with(over);
                                        return None;
                                    }
                                }
                                wire::Admitted::Other => {}
                            }
                            let held = tokio::select! {
                                biased;
                                () = self.end.wait() => return None,
                                held = self.budget.take(bytes.len()) => held,
                            };
                            self.holding = Some(held);
                            return Some(Vec::from(bytes));
                        }
                    }
                }
            };
            self.end.with(ending);
            return None;
        }
    }
}

/// Why reading the socket failed, as a reason to end.
fn transport_ending(error: axum::Error) -> Ending {
    use tokio_tungstenite::tungstenite::Error;
    use tokio_tungstenite::tungstenite::error::ProtocolError;
    match error.into_inner().downcast::<Error>().map(|error| *error) {
        Ok(Error::Capacity(_)) => Ending::TooBig,
        Ok(Error::Protocol(ProtocolError::ResetWithoutClosingHandshake)) => Ending::Gone,
        Ok(Error::Protocol(problem)) => Ending::Refused(format!("a broken frame: {problem}")),
        Ok(Error::Utf8(_)) => Ending::Refused("a text frame that is not UTF-8".to_string()),
        Ok(_) => Ending::Gone,
        Err(other) => Ending::Refused(format!("a transport error: {other}")),
    }
}
