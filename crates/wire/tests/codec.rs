//! The CBOR form of every message: round trips, frames written by other
//! implementations (keys in any order, floats, `undefined`), and bad frames.

use minicbor::Encoder;
use proptest::prelude::*;
use wire::{DecodeError, DocumentId, Message, PeerMetadata};

fn document() -> impl Strategy<Value = DocumentId> {
    any::<[u8; 16]>().prop_map(DocumentId::from_random)
}

fn metadata() -> impl Strategy<Value = Option<PeerMetadata>> {
    proptest::option::of(
        (proptest::option::of("[a-z0-9-]{1,36}"), any::<bool>()).prop_map(
            |(storage_id, is_ephemeral)| PeerMetadata {
                storage_id,
                is_ephemeral,
            },
        ),
    )
}

fn message() -> impl Strategy<Value = Message> {
    let peer = "[a-zA-Z0-9-]{1,40}";
    let data = proptest::collection::vec(any::<u8>(), 0..300);
    prop_oneof![
        (
            peer,
            proptest::collection::vec("[0-9]{1,2}", 0..3),
            metadata()
        )
            .prop_map(|(sender, versions, metadata)| Message::Join {
                sender,
                versions,
                metadata
            }),
        (peer, peer, "[0-9]", metadata()).prop_map(|(sender, target, version, metadata)| {
            Message::Peer {
                sender,
                target,
                version,
                metadata,
            }
        }),
        peer.prop_map(|sender| Message::Leave { sender }),
        (document(), peer, peer, data.clone()).prop_map(|(document, sender, target, data)| {
            Message::Request {
                document,
                sender,
                target,
                data,
            }
        }),
        (document(), peer, peer, data.clone()).prop_map(|(document, sender, target, data)| {
            Message::Sync {
                document,
                sender,
                target,
                data,
            }
        }),
        (document(), peer, peer).prop_map(|(document, sender, target)| {
            Message::DocUnavailable {
                document,
                sender,
                target,
            }
        }),
        (document(), peer, peer, any::<u64>(), peer, data).prop_map(
            |(document, sender, target, count, session, data)| Message::Ephemeral {
                document,
                sender,
                target,
                count,
                session,
                data,
            }
        ),
        ".{0,100}".prop_map(|message| Message::Error { message }),
        "remote-[a-z-]{1,20}".prop_map(|kind| Message::Other { kind }),
    ]
}

proptest! {
    #[test]
    fn every_message_reads_back_as_written(message in message()) {
        prop_assert_eq!(Message::decode(&message.encode()), Ok(message));
    }

    #[test]
    fn any_bytes_give_a_message_or_a_reason_never_a_crash(
        bytes in proptest::collection::vec(any::<u8>(), 0..200)
    ) {
        let _ = Message::decode(&bytes);
    }

    #[test]
    fn a_cut_short_frame_is_refused(message in message(), cut in 1usize..40) {
        let frame = message.encode();
        let end = frame.len().saturating_sub(cut);
        prop_assert!(Message::decode(&frame[..end]).is_err());
    }
}

/// Builds a frame the way another implementation might: any key order,
/// extra keys, other number types.
fn frame(build: impl FnOnce(&mut Encoder<Vec<u8>>)) -> Vec<u8> {
    let mut out = Encoder::new(Vec::new());
    build(&mut out);
    out.into_writer()
}

#[test]
fn frames_from_other_implementations() {
    let id = DocumentId::from_random([9; 16]);
    let id_text = id.to_string();
    let cases: Vec<(&str, Vec<u8>, Result<Message, DecodeError>)> = vec![
        (
            "peer with keys in another order, undefined storage id and extra keys",
            frame(|e| {
                e.map(5).unwrap();
                e.str("targetId").unwrap().str("me").unwrap();
                e.str("peerMetadata").unwrap().map(2).unwrap();
                e.str("storageId").unwrap().undefined().unwrap();
                e.str("isEphemeral").unwrap().bool(false).unwrap();
                e.str("selectedProtocolVersion").unwrap().str("1").unwrap();
                e.str("senderId").unwrap().str("server").unwrap();
                e.str("type").unwrap().str("peer").unwrap();
            }),
            Ok(Message::Peer {
                sender: "server".into(),
                target: "me".into(),
                version: "1".into(),
                metadata: Some(PeerMetadata {
                    storage_id: None,
                    is_ephemeral: false,
                }),
            }),
        ),
        (
            "ephemeral with a float count and a timestamp we do not use",
            frame(|e| {
                e.begin_map().unwrap();
                e.str("type").unwrap().str("ephemeral").unwrap();
                e.str("count").unwrap().f64(3.0).unwrap();
                e.str("timestamp")
                    .unwrap()
                    .f64(1_700_000_000_000.0)
                    .unwrap();
                e.str("sessionId").unwrap().str("s").unwrap();
                e.str("documentId").unwrap().str(&id_text).unwrap();
                e.str("senderId").unwrap().str("a").unwrap();
                e.str("targetId").unwrap().str("b").unwrap();
                e.str("data").unwrap().bytes(&[1, 2]).unwrap();
                e.end().unwrap();
            }),
            Ok(Message::Ephemeral {
                document: id,
                sender: "a".into(),
                target: "b".into(),
                count: 3,
                session: "s".into(),
                data: vec![1, 2],
            }),
        ),
        (
            "a newer message type",
            frame(|e| {
                e.map(2).unwrap();
                e.str("type").unwrap().str("remote-heads-changed").unwrap();
                e.str("newHeads").unwrap().map(1).unwrap();
                e.str("x")
                    .unwrap()
                    .array(2)
                    .unwrap()
                    .u8(1)
                    .unwrap()
                    .u8(2)
                    .unwrap();
            }),
            Ok(Message::Other {
                kind: "remote-heads-changed".into(),
            }),
        ),
        (
            "not a map",
            frame(|e| {
                e.array(1).unwrap().str("join").unwrap();
            }),
            Err(DecodeError::NotAMap),
        ),
        (
            "no type",
            frame(|e| {
                e.map(1).unwrap().str("senderId").unwrap().str("a").unwrap();
            }),
            Err(DecodeError::Missing("type")),
        ),
        (
            "sync without data",
            frame(|e| {
                e.map(4).unwrap();
                e.str("type").unwrap().str("sync").unwrap();
                e.str("documentId").unwrap().str(&id_text).unwrap();
                e.str("senderId").unwrap().str("a").unwrap();
                e.str("targetId").unwrap().str("b").unwrap();
            }),
            Err(DecodeError::Missing("data")),
        ),
        (
            "data as text",
            frame(|e| {
                e.map(2).unwrap();
                e.str("type").unwrap().str("sync").unwrap();
                e.str("data").unwrap().str("AAAA").unwrap();
            }),
            Err(DecodeError::WrongType("data")),
        ),
        (
            "a negative count",
            frame(|e| {
                e.map(2).unwrap();
                e.str("type").unwrap().str("ephemeral").unwrap();
                e.str("count").unwrap().f64(-1.0).unwrap();
            }),
            Err(DecodeError::WrongType("count")),
        ),
        (
            "a document id that is not one",
            frame(|e| {
                e.map(5).unwrap();
                e.str("type").unwrap().str("request").unwrap();
                e.str("documentId").unwrap().str("not-an-id").unwrap();
                e.str("senderId").unwrap().str("a").unwrap();
                e.str("targetId").unwrap().str("b").unwrap();
                e.str("data").unwrap().bytes(&[]).unwrap();
            }),
            Err(DecodeError::BadDocumentId),
        ),
        (
            "bytes after the message",
            {
                let mut bytes = Message::Leave { sender: "a".into() }.encode();
                bytes.push(0);
                bytes
            },
            Err(DecodeError::TrailingBytes),
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(Message::decode(&bytes), expected, "{name}");
    }
}

#[test]
fn deeply_nested_unknown_fields_are_refused_not_a_stack_overflow() {
    let bytes = frame(|e| {
        e.map(2).unwrap();
        e.str("type").unwrap().str("leave").unwrap();
        e.str("junk").unwrap();
        for _ in 0..100_000 {
            e.array(1).unwrap();
        }
        e.u8(0).unwrap();
    });
    assert!(Message::decode(&bytes).is_err());
}

#[test]
fn oversized_frames_are_refused_unread() {
    let bytes = vec![0u8; wire::MAX_FRAME_BYTES + 1];
    assert_eq!(
        Message::decode(&bytes),
        Err(DecodeError::TooLarge(wire::MAX_FRAME_BYTES + 1))
    );
}
