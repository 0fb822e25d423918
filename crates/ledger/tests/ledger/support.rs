//! Shared fixtures: deterministic randomness, a fixed clock, a small timebank.

use ed25519_dalek::{Signer, SigningKey};
use ledger::trust::{DeviceKey, Signature};
use ledger::{
    Account, Channel, Date, Entropy, MemberId, MemberStatus, NewExchange, NewMember, NewTimebank,
    Settings, Timebank, Timestamp,
};

/// SplitMix64: deterministic "randomness" so every run is the same.
pub struct Seeded(u64);

impl Entropy for Seeded {
    fn fill(&mut self, bytes: &mut [u8]) {
        for chunk in bytes.chunks_mut(8) {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
        }
    }
}

pub fn entropy(seed: u64) -> Box<dyn Entropy> {
    Box::new(Seeded(seed))
}

/// 2026-11-28T12:00:00Z.
pub const NOW: Timestamp = Timestamp(1_795_867_200_000);

pub fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

pub fn hours(h: u32) -> u32 {
    h * 60
}

/// A timebank with a coordinator (Cora) and three active members.
pub struct Fixture {
    pub timebank: Timebank,
    pub cora: MemberId,
    pub ann: MemberId,
    pub bob: MemberId,
    pub cat: MemberId,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::with_settings(Settings::default())
    }

    pub fn with_settings(settings: Settings) -> Fixture {
        let (mut timebank, cora) = Timebank::create(
            NewTimebank {
                name: "Riverside Timebank".into(),
                unit_label: "hours".into(),
                settings,
                founder_key: None,
            },
            NewMember {
                name: "Cora".into(),
                ..NewMember::default()
            },
            NOW,
            entropy(1),
        )
        .unwrap();
        let mut add = |name: &str| {
            let id = timebank
                .add_member(
                    &cora,
                    NewMember {
                        name: name.into(),
                        ..NewMember::default()
                    },
                    NOW,
                )
                .unwrap();
            timebank
                .set_status(&cora, &id, MemberStatus::Active, NOW)
                .unwrap();
            id
        };
        let ann = add("Ann");
        let bob = add("Bob");
        let cat = add("Cat");
        Fixture {
            timebank,
            cora,
            ann,
            bob,
            cat,
        }
    }
}

pub fn member(id: &MemberId) -> Account {
    Account::Member(id.clone())
}

/// An exchange where `payee` helped `payer` for `minutes` on 2026-11-20.
pub fn help(payer: &MemberId, payee: &MemberId, minutes: u32) -> NewExchange {
    NewExchange {
        payer: member(payer),
        payee: member(payee),
        minutes,
        service_date: day("2026-11-20"),
        description: "Help in the garden".into(),
        category: None,
        channel: Channel::App,
    }
}

/// A device's key pair, from a fixed seed (the app's key is in WebCrypto).
pub struct Device(SigningKey);

impl Device {
    pub fn new(seed: u8) -> Device {
        Device(SigningKey::from_bytes(&[seed; 32]))
    }

    pub fn key(&self) -> DeviceKey {
        DeviceKey::from_bytes(self.0.verifying_key().to_bytes())
    }

    pub fn sign(&self, bytes: &[u8]) -> Signature {
        Signature::from_bytes(self.0.sign(bytes).to_bytes())
    }
}

/// A new timebank created on `device`, whose id pins its key as the
/// founder's, with Cora its first coordinator.
pub fn created_with_key(device: &Device) -> (Timebank, MemberId) {
    Timebank::create(
        NewTimebank {
            name: "Riverside Timebank".into(),
            unit_label: "hours".into(),
            settings: Settings::default(),
            founder_key: Some(device.key()),
        },
        NewMember {
            name: "Cora".into(),
            ..NewMember::default()
        },
        NOW,
        entropy(1),
    )
    .unwrap()
}

/// Founds `timebank`'s trust on `device`, acting for coordinator `by`.
pub fn found(timebank: &mut Timebank, device: &Device, by: &MemberId) {
    timebank.use_device_key(device.key());
    let draft = timebank.prepare_founding(by, NOW).unwrap();
    let signature = device.sign(&draft.bytes);
    timebank.add_certificate(draft, signature, NOW).unwrap();
}

/// Two distinct copies of `copies`, both mutable.
pub fn pair(copies: &mut [Timebank], a: usize, b: usize) -> (&mut Timebank, &mut Timebank) {
    if a < b {
        let (low, high) = copies.split_at_mut(b);
        (&mut low[a], &mut high[0])
    } else {
        let (low, high) = copies.split_at_mut(a);
        (&mut high[0], &mut low[b])
    }
}

/// Brings every copy up to date: the first takes in every other, then
/// every other takes in the first.
pub fn merge_all(copies: &mut [Timebank]) {
    for k in 1..copies.len() {
        let (first, other) = pair(copies, 0, k);
        first.merge(other).unwrap();
    }
    for k in 1..copies.len() {
        let (other, first) = pair(copies, k, 0);
        other.merge(first).unwrap();
    }
}
