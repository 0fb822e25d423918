//! The same timebanks with every record signed, as the app writes them since
//! devices have keys: founded on the coordinator's tablet when it was
//! created, which records every exchange and seals it (a run of records is
//! signed at once, as the app signs after a burst of slips), and writes a
//! checkpoint whenever one is due, as the app does. Built from the
//! same seeds as the unsigned ones, so the two differ only by the signing.

use ed25519_dalek::{Signer, SigningKey};
use ledger::trust::{DeviceKey, Signature};
use ledger::{MemberId, Timebank, ToSign};

use super::{NOW, Seeded, Size, build_with, record_one};

/// The coordinator's tablet (a fixed key; the app's is in WebCrypto).
fn tablet() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn key_of(signing: &SigningKey) -> DeviceKey {
    DeviceKey::from_bytes(signing.verifying_key().to_bytes())
}

/// How many records the tablet writes before it signs them.
const RUN: usize = 250;

/// Signs what `timebank`'s device wrote and has not sealed yet.
fn seal(timebank: &mut Timebank, signing: &SigningKey) {
    let signed: Vec<(ToSign, Signature)> = timebank
        .to_sign()
        .into_iter()
        .map(|item| {
            let signature = Signature::from_bytes(signing.sign(&item.bytes).to_bytes());
            (item, signature)
        })
        .collect();
    timebank
        .add_signatures(&signed, NOW)
        .expect("its own seals");
}

/// A signed timebank of `size`.
pub fn build(size: &Size) -> (Timebank, MemberId, Vec<MemberId>) {
    let signing = tablet();
    let mut since_sealed = 0;
    let (mut timebank, coordinator, members) = build_with(
        size,
        Some(key_of(&signing)),
        |timebank, coordinator| {
            timebank.use_device_key(key_of(&signing));
            let draft = timebank
                .prepare_founding(coordinator, NOW)
                .expect("the founder founds it");
            let signature = Signature::from_bytes(signing.sign(&draft.bytes).to_bytes());
            timebank
                .add_certificate(draft, signature, NOW)
                .expect("founded");
        },
        |timebank| {
            since_sealed += 1;
            if since_sealed == RUN {
                seal(timebank, &signing);
                since_sealed = 0;
                checkpoint_if_due(timebank, &signing);
            }
        },
    );
    seal(&mut timebank, &signing);
    checkpoint_if_due(&mut timebank, &signing);
    (timebank, coordinator, members)
}

/// Writes the tablet's checkpoint when one is due, as the app does.
fn checkpoint_if_due(timebank: &mut Timebank, signing: &SigningKey) {
    if !timebank.checkpoint_due() {
        return;
    }
    let draft = timebank.prepare_checkpoint(NOW).expect("a coordinator's");
    let signature = Signature::from_bytes(signing.sign(&draft.bytes).to_bytes());
    timebank
        .add_checkpoint(draft, signature, NOW)
        .expect("its own checkpoint");
}

/// `count` more exchanges recorded and sealed on a copy of `bytes`: the
/// changes that reach another device by sync.
pub fn more_signed(
    bytes: &[u8],
    coordinator: &MemberId,
    members: &[MemberId],
    count: usize,
) -> Vec<u8> {
    let signing = tablet();
    let mut timebank = Timebank::load(bytes, Box::new(Seeded(21))).expect("loads");
    timebank.use_device_key(key_of(&signing));
    let before = timebank.heads();
    let mut random = Seeded(22);
    for _ in 0..count {
        record_one(&mut timebank, coordinator, members, &mut random);
    }
    seal(&mut timebank, &signing);
    timebank.save_after(&before)
}
