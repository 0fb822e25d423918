//! Any bytes: a message or a reason, never a crash; whatever decodes,
//! encodes to a frame that decodes to the same message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wire::Message;

fuzz_target!(|frame: &[u8]| {
    if let Ok(message) = Message::decode(frame) {
        let again = Message::decode(&message.encode());
        assert_eq!(again, Ok(message));
    }
});
