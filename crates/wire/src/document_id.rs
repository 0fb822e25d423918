//! Document ids: 16 bytes, written as bs58check, shaped as a UUIDv4.

use std::fmt;
use std::str::FromStr;

/// An automerge-repo document id.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentId([u8; 16]);

/// Why a piece of text is not a document id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an automerge document id")]
pub struct BadDocumentId(pub String);

impl DocumentId {
    /// An id from 16 random bytes, with the UUID version (4) and variant
    /// bits set: automerge-repo 1.x servers never answer for other ids.
    pub fn from_random(mut bytes: [u8; 16]) -> DocumentId {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        DocumentId(bytes)
    }

    /// The id Tally uses for a timebank: its random 16-byte id (32 hex
    /// digits), UUIDv4-shaped. Every copy of a timebank derives the same one.
    pub fn for_timebank(timebank_id: &str) -> Result<DocumentId, BadDocumentId> {
        let bad = || BadDocumentId(timebank_id.to_string());
        if timebank_id.len() != 32 || !timebank_id.is_ascii() {
            return Err(bad());
        }
        let mut bytes = [0u8; 16];
        for (index, byte) in bytes.iter_mut().enumerate() {
            let pair = &timebank_id[index * 2..index * 2 + 2];
            *byte = u8::from_str_radix(pair, 16).map_err(|_| bad())?;
        }
        Ok(DocumentId::from_random(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// `automerge:<id>`, the form automerge-repo shows people.
    pub fn url(&self) -> String {
        format!("automerge:{self}")
    }

    fn is_uuid_v4(bytes: &[u8]) -> bool {
        bytes.len() == 16 && bytes[6] >> 4 == 4 && bytes[8] >> 6 == 0b10
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&bs58::encode(self.0).with_check().into_string())
    }
}

impl fmt::Debug for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocumentId({self})")
    }
}

impl FromStr for DocumentId {
    type Err = BadDocumentId;

    /// Reads `<id>` or `automerge:<id>`; the checksum must be right and the
    /// 16 bytes UUIDv4-shaped.
    fn from_str(text: &str) -> Result<DocumentId, BadDocumentId> {
        let bad = || BadDocumentId(text.chars().take(80).collect());
        let bare = text
            .trim()
            .strip_prefix("automerge:")
            .unwrap_or(text.trim());
        if bare.is_empty() || bare.len() > 40 {
            return Err(bad());
        }
        let bytes = bs58::decode(bare)
            .with_check(None)
            .into_vec()
            .map_err(|_| bad())?;
        if !DocumentId::is_uuid_v4(&bytes) {
            return Err(bad());
        }
        let mut id = [0u8; 16];
        id.copy_from_slice(&bytes);
        Ok(DocumentId(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_with_or_without_the_url_prefix() {
        let id = DocumentId::from_random([7; 16]);
        assert_eq!(id.to_string().parse::<DocumentId>(), Ok(id));
        assert_eq!(id.url().parse::<DocumentId>(), Ok(id));
    }

    #[test]
    fn is_always_uuid_v4_shaped() {
        for seed in [[0u8; 16], [0xff; 16], [0x5a; 16]] {
            let id = DocumentId::from_random(seed);
            assert!(DocumentId::is_uuid_v4(id.as_bytes()), "{seed:?}");
        }
    }

    #[test]
    fn refuses_text_that_is_not_an_id() {
        let good = DocumentId::from_random([3; 16]).to_string();
        let mut typo = good.clone();
        typo.replace_range(0..1, if good.starts_with('2') { "3" } else { "2" });
        // An id of 16 bytes that is not a UUIDv4 (automerge-repo 1.x would ignore it).
        let not_v4 = bs58::encode([0u8; 16]).with_check().into_string();
        for text in [
            "",
            "automerge:",
            "hello",
            "0OIl",
            typo.as_str(),
            not_v4.as_str(),
        ] {
            assert!(text.parse::<DocumentId>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn a_timebank_always_has_the_same_document_id() {
        let timebank = "00112233445566778899aabbccddeeff";
        let first = DocumentId::for_timebank(timebank).unwrap();
        assert_eq!(DocumentId::for_timebank(timebank), Ok(first));
        assert!(DocumentId::for_timebank("not hex at all, thirty-two chars").is_err());
        assert!(DocumentId::for_timebank("0011").is_err());
    }
}
