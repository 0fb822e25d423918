//! Coordinator mode on a shared tablet: coordinator actions wait for a device
//! PIN. The PIN is kept only as a salted SHA-256 hash, per timebank, on this
//! device. It keeps a passer-by at a trading day from changing the ledger; it
//! is not a defence against someone who can open the browser's storage.

use sha2::{Digest, Sha256};

/// A PIN is 4 to 8 digits.
pub fn valid_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// What is stored: `salt:hash`, both hex.
pub fn stored_form(salt: &[u8], pin: &str) -> String {
    format!("{}:{}", hex(salt), hex(&digest(salt, pin)))
}

/// Whether `pin` matches what was stored.
pub fn matches(stored: &str, pin: &str) -> bool {
    let Some((salt, hash)) = stored.split_once(':') else {
        return false;
    };
    let Some(salt) = unhex(salt) else {
        return false;
    };
    hex(&digest(&salt, pin)) == hash
}

/// Wrong PINs in a row before the tablet waits.
pub const TRIES: u32 = 5;
/// How long it waits then, in milliseconds.
pub const WAIT_MS: f64 = 30_000.0;
/// Unlocked coordinator mode locks itself after this long without a change.
pub const IDLE_MS: f64 = 10.0 * 60_000.0;

fn digest(salt: &[u8], pin: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(pin.as_bytes());
    hasher.finalize().to_vec()
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_pin_matches() {
        let stored = stored_form(&[7; 16], "2468");
        assert!(matches(&stored, "2468"));
        for wrong in ["2469", "", "24680", "1234"] {
            assert!(!matches(&stored, wrong), "{wrong}");
        }
        assert!(!stored.contains("2468"), "the PIN itself is not stored");
        assert_ne!(stored, stored_form(&[8; 16], "2468"), "salted");
        assert!(!matches("not stored well", "2468"));
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        for (pin, ok) in [
            ("1234", true),
            ("12345678", true),
            ("123", false),
            ("123456789", false),
            ("12a4", false),
            ("", false),
        ] {
            assert_eq!(valid_pin(pin), ok, "{pin}");
        }
    }
}
