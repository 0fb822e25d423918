//! Which frames a relay passes on from a device that may sync one
//! timebank: readable, not `ephemeral`, and about no other timebank.

use crate::{DocumentId, Message};

/// A frame a relay may pass on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admitted {
    /// The device's `join`, which opens the conversation.
    Join,
    /// A `request` or `sync`, with its Automerge sync message.
    Sync(Vec<u8>),
    /// Anything else it may say.
    Other,
}

/// Reads `bytes` from a device allowed `document` only; `Err` says in words
/// why the frame is refused.
pub fn admit(bytes: &[u8], document: DocumentId) -> Result<Admitted, String> {
    let message = Message::decode(bytes).map_err(|error| error.to_string())?;
    let named = match &message {
        Message::Request { document, .. }
        | Message::Sync { document, .. }
        | Message::DocUnavailable { document, .. } => Some(*document),
        // Tally never sends them, and a relay would pass them on to the
        // timebank's other devices under a sender id it has not checked.
        Message::Ephemeral { .. } => {
            return Err("an ephemeral message (Tally sends none)".to_string());
        }
        _ => None,
    };
    if let Some(named) = named
        && named != document
    {
        return Err(format!("a {} message for another timebank", message.kind()));
    }
    Ok(match message {
        Message::Join { .. } => Admitted::Join,
        Message::Request { data, .. } | Message::Sync { data, .. } => Admitted::Sync(data),
        _ => Admitted::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> DocumentId {
        DocumentId::from_random([n; 16])
    }

    #[test]
    fn passes_only_what_a_device_of_the_timebank_may_say() {
        let ours = id(1);
        let sync = |document| Message::Sync {
            document,
            sender: "a".into(),
            target: "b".into(),
            data: vec![1, 2, 3],
        };
        let join = Message::Join {
            sender: "a".into(),
            versions: vec!["1".into()],
            metadata: None,
        };
        assert_eq!(admit(&join.encode(), ours), Ok(Admitted::Join));
        assert_eq!(
            admit(&sync(ours).encode(), ours),
            Ok(Admitted::Sync(vec![1, 2, 3]))
        );
        assert_eq!(
            admit(&sync(id(2)).encode(), ours),
            Err("a sync message for another timebank".to_string())
        );
        assert!(admit(&[0xff, 0x00], ours).is_err());
    }
}
