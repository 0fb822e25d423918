//! The client against a stand-in server made of Automerge's own sync
//! protocol (the relay's tests run it against samod, the interop tests
//! against the JavaScript server).

use automerge::sync::{self, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ReadDoc};
use wire::{Client, ClientError, DocumentId, Message, Received};

/// A server holding one document, answering like automerge-repo does.
struct Server {
    doc: Option<AutoCommit>,
    state: sync::State,
    document: DocumentId,
}

impl Server {
    fn new(doc: Option<AutoCommit>, document: DocumentId) -> Server {
        Server {
            doc,
            state: sync::State::new(),
            document,
        }
    }

    fn answer(&mut self, frame: &[u8]) -> Vec<Vec<u8>> {
        let reply = |doc: &mut AutoCommit, state: &mut sync::State, document| {
            doc.sync()
                .generate_sync_message(state)
                .map(|m| {
                    Message::Sync {
                        document,
                        sender: "server".into(),
                        target: "client".into(),
                        data: m.encode(),
                    }
                    .encode()
                })
                .into_iter()
                .collect()
        };
        match Message::decode(frame).unwrap() {
            Message::Join { sender, .. } => vec![
                Message::Peer {
                    sender: "server".into(),
                    target: sender,
                    version: "1".into(),
                    metadata: None,
                }
                .encode(),
            ],
            Message::Request { data, .. } if self.doc.is_none() => {
                let _ = data;
                vec![
                    Message::DocUnavailable {
                        document: self.document,
                        sender: "server".into(),
                        target: "client".into(),
                    }
                    .encode(),
                ]
            }
            Message::Request { data, .. } | Message::Sync { data, .. } => {
                let doc = self.doc.get_or_insert_with(AutoCommit::new);
                doc.sync()
                    .receive_sync_message(&mut self.state, sync::Message::decode(&data).unwrap())
                    .unwrap();
                reply(doc, &mut self.state, self.document)
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Runs frames both ways until neither side has anything to say; returns
/// the number of frames the client sent.
fn converse(client: &mut Client, doc: &mut AutoCommit, server: &mut Server) -> usize {
    let mut sent = 0;
    let mut outbox = vec![client.hello()];
    while let Some(frame) = outbox.pop() {
        sent += 1;
        for answer in server.answer(&frame) {
            client.receive(doc, &answer).unwrap();
            outbox.extend(client.next_frame(doc));
        }
        if outbox.is_empty() && client.is_connected() {
            outbox.extend(client.next_frame(doc));
        }
    }
    sent
}

fn doc_with(entries: &[(&str, i64)]) -> AutoCommit {
    let mut doc = AutoCommit::new();
    for (key, value) in entries {
        doc.put(ROOT, *key, *value).unwrap();
        doc.commit();
    }
    doc
}

fn id() -> DocumentId {
    DocumentId::from_random([1; 16])
}

#[test]
fn a_new_device_receives_the_whole_document() {
    let mut server = Server::new(Some(doc_with(&[("a", 1), ("b", 2)])), id());
    let mut doc = AutoCommit::new();
    let mut client = Client::new(
        "client".into(),
        Some("store".into()),
        id(),
        sync::State::new(),
    );
    converse(&mut client, &mut doc, &mut server);
    assert_eq!(doc.get(ROOT, "b").unwrap().unwrap().0.as_i64(), Some(2));
    assert!(client.is_in_sync(&mut doc));
    assert_eq!(client.unshared_changes(&mut doc), 0);
}

#[test]
fn diverged_copies_converge_and_a_reconnect_sends_only_what_is_new() {
    let mut base = doc_with(&[("start", 0)]);
    let mut server_doc = base.fork();
    server_doc.put(ROOT, "server", 1).unwrap();
    server_doc.commit();
    let mut server = Server::new(Some(server_doc), id());
    let mut doc = base.fork();
    for n in 0..5 {
        doc.put(ROOT, format!("device{n}"), n).unwrap();
        doc.commit();
    }
    let mut client = Client::new("client".into(), None, id(), sync::State::new());
    assert_eq!(client.unshared_changes(&mut doc), 6, "all, before any sync");
    converse(&mut client, &mut doc, &mut server);
    let server_doc = server.doc.as_mut().unwrap();
    assert_eq!(doc.get_heads(), server_doc.get_heads());
    assert_eq!(client.unshared_changes(&mut doc), 0);

    // Offline: one more change, then a new connection with the kept state.
    doc.put(ROOT, "later", 7).unwrap();
    doc.commit();
    let kept = sync::State::decode(&client.state().encode()).unwrap();
    assert_eq!(wire::client::unshared_changes(&mut doc, &kept), 1);
    // A change that only completes the last one (its signature) is left
    // out of the count when the application says so.
    doc.put(ROOT, "later-seal", 8).unwrap();
    doc.commit_with(
        automerge::transaction::CommitOptions::default().with_message("seal".to_string()),
    );
    let counted = |change: &automerge::Change| change.message() != Some("seal");
    assert_eq!(wire::client::unshared_changes(&mut doc, &kept), 2);
    assert_eq!(
        wire::client::unshared_changes_where(&mut doc, &kept, counted),
        1
    );
    let mut again = Client::new("client".into(), None, id(), kept);
    server.state = sync::State::new();
    converse(&mut again, &mut doc, &mut server);
    assert_eq!(server.doc.as_mut().unwrap().get_heads(), doc.get_heads());
    let _ = &mut base;
}

#[test]
fn asking_for_a_document_the_server_lacks_says_so() {
    let mut server = Server::new(None, id());
    let mut doc = AutoCommit::new();
    let mut client = Client::new("client".into(), None, id(), sync::State::new());
    let peer = server.answer(&client.hello());
    assert!(matches!(
        client.receive(&mut doc, &peer[0]),
        Ok(Received::Connected { .. })
    ));
    let request = client.next_frame(&mut doc).unwrap();
    assert!(matches!(
        Message::decode(&request),
        Ok(Message::Request { .. })
    ));
    let answer = server.answer(&request);
    assert_eq!(
        client.receive(&mut doc, &answer[0]),
        Ok(Received::Unavailable)
    );
}

#[test]
fn refusals_and_garbage_are_errors_in_words() {
    let mut doc = AutoCommit::new();
    let mut client = Client::new("client".into(), None, id(), sync::State::new());
    let refused = Message::Error {
        message: "this device's access was revoked".into(),
    }
    .encode();
    let error = client.receive(&mut doc, &refused).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the server refused: this device's access was revoked"
    );
    assert!(matches!(
        client.receive(&mut doc, b"\xff\x00garbage"),
        Err(ClientError::Garbled(_))
    ));
    let bad_sync = Message::Sync {
        document: id(),
        sender: "s".into(),
        target: "client".into(),
        data: vec![0x42, 1, 2, 3],
    }
    .encode();
    assert!(matches!(
        client.receive(&mut doc, &bad_sync),
        Err(ClientError::BadSync(_))
    ));
    assert!(doc.get_heads().is_empty(), "nothing was applied");
    let other_version = Message::Peer {
        sender: "s".into(),
        target: "client".into(),
        version: "2".into(),
        metadata: None,
    }
    .encode();
    assert_eq!(
        client.receive(&mut doc, &other_version),
        Err(ClientError::Version("2".into()))
    );
}

#[test]
fn messages_for_other_documents_are_ignored() {
    let mut doc = doc_with(&[("a", 1)]);
    let heads = doc.get_heads();
    let mut client = Client::new("client".into(), None, id(), sync::State::new());
    let mut other = doc_with(&[("x", 9)]);
    let mut state = sync::State::new();
    let data = other
        .sync()
        .generate_sync_message(&mut state)
        .unwrap()
        .encode();
    let frame = Message::Sync {
        document: DocumentId::from_random([2; 16]),
        sender: "s".into(),
        target: "client".into(),
        data,
    }
    .encode();
    assert_eq!(client.receive(&mut doc, &frame), Ok(Received::Nothing));
    assert_eq!(doc.get_heads(), heads);
}
