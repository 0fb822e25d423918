//! A client fed any frames from a "server": errors in words, never a crash,
//! and a frame it refuses leaves the document as it was.
#![no_main]

use automerge::AutoCommit;
use automerge::sync::State;
use libfuzzer_sys::fuzz_target;
use wire::{Client, DocumentId, Message};

fuzz_target!(|data: &[u8]| {
    let document = DocumentId::from_random([7; 16]);
    let mut client = Client::new("fuzz".into(), None, document, State::new());
    let mut doc = AutoCommit::new();
    // Half the inputs are wrapped as sync messages for our document, so the
    // fuzzer reaches Automerge's sync decoding too.
    let frames: Vec<Vec<u8>> = if data.first().is_some_and(|b| b % 2 == 0) {
        vec![
            Message::Peer {
                sender: "s".into(),
                target: "fuzz".into(),
                version: "1".into(),
                metadata: None,
            }
            .encode(),
            Message::Sync {
                document,
                sender: "s".into(),
                target: "fuzz".into(),
                data: data[1..].to_vec(),
            }
            .encode(),
        ]
    } else {
        data.split(|b| *b == 0xff).map(<[u8]>::to_vec).collect()
    };
    for frame in frames {
        let before = doc.get_heads();
        if client.receive(&mut doc, &frame).is_err() {
            assert_eq!(doc.get_heads(), before, "a refused frame changed the document");
        }
        let _ = client.next_frame(&mut doc);
    }
});
