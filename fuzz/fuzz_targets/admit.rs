//! The relay's check of a device's frames (`wire::admit`), on any bytes:
//! never a crash; a frame it passes is readable, is no `ephemeral`, and
//! names no timebank but the device's; a readable frame about the device's
//! own timebank (or none) that is no `ephemeral` is passed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wire::{Admitted, DocumentId, Message, admit};

fn named(message: &Message) -> Option<DocumentId> {
    match message {
        Message::Request { document, .. }
        | Message::Sync { document, .. }
        | Message::DocUnavailable { document, .. }
        | Message::Ephemeral { document, .. } => Some(*document),
        _ => None,
    }
}

fuzz_target!(|frame: &[u8]| {
    let ours = DocumentId::from_random([7; 16]);
    let message = Message::decode(frame).ok();
    match admit(frame, ours) {
        Ok(kind) => {
            let message = message.as_ref().expect("a passed frame is readable");
            assert!(!matches!(message, Message::Ephemeral { .. }));
            assert!(named(message).is_none_or(|document| document == ours));
            match (&kind, message) {
                (Admitted::Join, Message::Join { .. }) => {}
                (Admitted::Sync(data), Message::Request { data: sent, .. } | Message::Sync { data: sent, .. }) => {
                    assert_eq!(data, sent);
                }
                (Admitted::Other, Message::Join { .. } | Message::Request { .. } | Message::Sync { .. }) => {
                    panic!("{kind:?} for {message:?}")
                }
                (Admitted::Other, _) => {}
                _ => panic!("{kind:?} for {message:?}"),
            }
        }
        Err(reason) => assert!(!reason.is_empty()),
    }
    // The same frame from a device of the timebank it names.
    if let Some(message) = message {
        let theirs = named(&message).unwrap_or(ours);
        let ephemeral = matches!(message, Message::Ephemeral { .. });
        assert_eq!(admit(frame, theirs).is_ok(), !ephemeral);
    }
});
