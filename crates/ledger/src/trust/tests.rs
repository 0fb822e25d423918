use ed25519_dalek::{Signer, SigningKey};

use super::*;
use crate::ids::{Account, GroupId, LogEntryId};
use crate::model::{LifecycleAction, Outcome};
use crate::time::{Date, Timestamp};

const TIMEBANK: &str = "0123456789abcdef0123456789abcdef";

fn signing_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn key_of(signing: &SigningKey) -> DeviceKey {
    DeviceKey::from_bytes(signing.verifying_key().to_bytes())
}

fn sign(signing: &SigningKey, bytes: &Canonical) -> Signature {
    Signature::from_bytes(signing.sign(bytes.as_bytes()).to_bytes())
}

fn id<T>(parse: fn(&str) -> Option<T>, digit: char) -> T {
    match parse(&digit.to_string().repeat(32)) {
        Some(id) => id,
        None => panic!("{digit} repeated is an id"),
    }
}

fn exchange() -> Exchange {
    Exchange {
        id: id(ExchangeId::parse, 'e'),
        payer: Account::Member(id(MemberId::parse, 'a')),
        payee: Account::Member(id(MemberId::parse, 'b')),
        minutes: 90,
        service_date: Date::parse("2026-11-28").unwrap(),
        description: "Fixing a fence".into(),
        category: Some("Repairs".into()),
        kind: ExchangeKind::Service,
        channel: Channel::App,
        recorded_by: id(MemberId::parse, 'a'),
        device: key_of(&signing_key(7)).device_id(),
        recorded_at: Timestamp(1_795_867_200_000),
        group: None,
        reversal_of: None,
        confirmer: Some(id(MemberId::parse, 'b')),
        events: Vec::new(),
        seal: None,
    }
}

/// The format cannot drift unnoticed: these bytes and this signature (from
/// a fixed seed; Ed25519 is deterministic, so WebCrypto gives the same) are
/// what every release signs and checks for this exchange.
#[test]
fn golden_exchange_vector() {
    let signing = signing_key(7);
    let bytes = exchange_bytes(TIMEBANK, &exchange(), 3);
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_EXCHANGE_BYTES);
    let signature = sign(&signing, &bytes);
    assert_eq!(to_hex(signature.as_bytes()), GOLDEN_EXCHANGE_SIGNATURE);
    assert!(verify(&key_of(&signing), bytes.as_bytes(), &signature));
    assert_eq!(
        key_of(&signing).to_hex(),
        "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
    );
}

const GOLDEN_EXCHANGE_BYTES: &str = "0000001074616c6c792f65786368616e67652f310000002030313233343536373839616263646566303132333435363738396162636465660000002065656565656565656565656565656565656565656565656565656565656565650000000773657276696365000000206161616161616161616161616161616161616161616161616161616161616161000000206262626262626262626262626262626262626262626262626262626262626262000000000000005a0000000a323032362d31312d32380000000e466978696e6720612066656e636501000000075265706169727300000003617070000000206161616161616161616161616161616161616161616161616161616161616161000000206665383132633132663361623463653661633564623639616333353266393036000001a22206ca000000010000002062626262626262626262626262626262626262626262626262626262626262620000000000000003";
const GOLDEN_EXCHANGE_SIGNATURE: &str = "56652319c3111fb8e6fa24c3f253d9c108bef05b35aef458beba96a29eeda5b5735e2c31d84a28e862df2ecff0e3e5d9f17d9e3ac1768ecf306f884f7096ad01";

/// A confirmation, a rejection and the two overrides are told apart by
/// the action's name inside the bytes; each is pinned here, signed by the
/// device that wrote it.
///
/// Checked by hand against OpenSSL 3.0, as the exchange vector was: the same
/// bytes, built outside Rust from the layout in `trust.rs`, and signed by
/// `openssl pkeyutl -sign -rawin` with the seed as the private key, give
/// these signatures.
#[test]
fn golden_event_vectors() {
    let confirmer_phone = signing_key(2);
    let coordinator = signing_key(1);
    // (action, signing device, (event id, by whom, note), bytes, signature)
    let cases = [
        (
            LifecycleAction::Confirm,
            &confirmer_phone,
            ('1', 'b', ""),
            GOLDEN_CONFIRM_BYTES,
            GOLDEN_CONFIRM_SIGNATURE,
        ),
        (
            LifecycleAction::Reject,
            &confirmer_phone,
            ('2', 'b', "Only an hour"),
            GOLDEN_REJECT_BYTES,
            GOLDEN_REJECT_SIGNATURE,
        ),
        (
            LifecycleAction::Override(Outcome::Confirmed),
            &coordinator,
            ('3', 'c', "Checked with both"),
            GOLDEN_OVERRIDE_CONFIRM_BYTES,
            GOLDEN_OVERRIDE_CONFIRM_SIGNATURE,
        ),
        (
            LifecycleAction::Override(Outcome::Rejected),
            &coordinator,
            ('4', 'c', "Recorded twice"),
            GOLDEN_OVERRIDE_REJECT_BYTES,
            GOLDEN_OVERRIDE_REJECT_SIGNATURE,
        ),
    ];
    for (action, signing, (event_id, by, note), golden_bytes, golden_signature) in cases {
        let device = key_of(signing).device_id();
        let event = LifecycleEvent {
            id: id(LogEntryId::parse, event_id),
            action,
            by: id(MemberId::parse, by),
            at: Timestamp(1_795_870_800_000),
            note: note.into(),
            device: Some(device.clone()),
            seal: None,
        };
        let bytes = event_bytes(TIMEBANK, &id(ExchangeId::parse, 'e'), &event, &device, 6);
        assert_eq!(to_hex(bytes.as_bytes()), golden_bytes, "{action:?}");
        let signature = sign(signing, &bytes);
        assert_eq!(to_hex(signature.as_bytes()), golden_signature, "{action:?}");
        assert!(verify(&key_of(signing), bytes.as_bytes(), &signature));
    }
}

const GOLDEN_CONFIRM_BYTES: &str = "0000001674616c6c792f65786368616e67652d6576656e742f3100000020303132333435363738396162636465663031323334353637383961626364656600000020656565656565656565656565656565656565656565656565656565656565656500000020313131313131313131313131313131313131313131313131313131313131313100000007636f6e6669726d000000206262626262626262626262626262626262626262626262626262626262626262000000203661333830336435663035393930326131633664616662633962613437323932000001a2223db880000000000000000000000006";
const GOLDEN_CONFIRM_SIGNATURE: &str = "ff04cd48e06866a30c44ae8f63aa47c381404c3ef06aae0bb43eb055cacfcb4481ed8bad5655a36de119fcb1bcc9fe4ebe0feccc68b54ac7ef87f0833d85d205";
const GOLDEN_REJECT_BYTES: &str = "0000001674616c6c792f65786368616e67652d6576656e742f310000002030313233343536373839616263646566303132333435363738396162636465660000002065656565656565656565656565656565656565656565656565656565656565650000002032323232323232323232323232323232323232323232323232323232323232320000000672656a656374000000206262626262626262626262626262626262626262626262626262626262626262000000203661333830336435663035393930326131633664616662633962613437323932000001a2223db8800000000c4f6e6c7920616e20686f75720000000000000006";
const GOLDEN_REJECT_SIGNATURE: &str = "d0760b2edc9130ec62b1f1196de4600c46ccda9d5e31a2e3339417c630994fdef67aa646dced22c1197c68563a64dd5eee4b715fbf81bff22e45eb29f4ebd30d";
const GOLDEN_OVERRIDE_CONFIRM_BYTES: &str = "0000001674616c6c792f65786368616e67652d6576656e742f31000000203031323334353637383961626364656630313233343536373839616263646566000000206565656565656565656565656565656565656565656565656565656565656565000000203333333333333333333333333333333333333333333333333333333333333333000000106f766572726964655f636f6e6669726d000000206363636363636363636363636363636363636363636363636363636363636363000000203334373530663938626435396663666339343664613435616161626539333362000001a2223db88000000011436865636b6564207769746820626f74680000000000000006";
const GOLDEN_OVERRIDE_CONFIRM_SIGNATURE: &str = "3e5366610d6260713d9b847661a9d2aed5f5851b29b8aededa3be472c5532852f9ad0d165f836844395c2edb2ba480ec42f8e6c3eddd4df18df0aa888b83890e";
const GOLDEN_OVERRIDE_REJECT_BYTES: &str = "0000001674616c6c792f65786368616e67652d6576656e742f310000002030313233343536373839616263646566303132333435363738396162636465660000002065656565656565656565656565656565656565656565656565656565656565650000002034343434343434343434343434343434343434343434343434343434343434340000000f6f766572726964655f72656a656374000000206363636363636363636363636363636363636363636363636363636363636363000000203334373530663938626435396663666339343664613435616161626539333362000001a2223db8800000000e5265636f726465642074776963650000000000000006";
const GOLDEN_OVERRIDE_REJECT_SIGNATURE: &str = "a6df5d2c8e2ba37815e39fbc7805f843b77e240b6bc8fc5e370ccb16436c394716c336e7c555d3d80c91ff650e2ac817ab82a8f1f17d1de8463ac14480ed990a";

/// A revocation's cut is signed sorted: the heads are given here out of
/// order, and the bytes hold them in order. Checked by hand against OpenSSL
/// 3.0 in the same way as the event vectors.
#[test]
fn golden_revocation_vector() {
    let founder = signing_key(1);
    let phone = signing_key(2);
    let bytes = revocation_bytes(
        TIMEBANK,
        &key_of(&phone),
        &["bb".repeat(32), "aa".repeat(32)],
        &key_of(&founder),
        Timestamp(1_795_874_400_000),
        "Lost on the bus",
        7,
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_REVOCATION_BYTES);
    let signature = sign(&founder, &bytes);
    assert_eq!(to_hex(signature.as_bytes()), GOLDEN_REVOCATION_SIGNATURE);
    assert!(verify(&key_of(&founder), bytes.as_bytes(), &signature));
}

const GOLDEN_REVOCATION_BYTES: &str = "0000001274616c6c792f7265766f636174696f6e2f310000002030313233343536373839616263646566303132333435363738396162636465668139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b3940000000000000002000000406161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616100000040626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262628a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22274a7000000000f4c6f7374206f6e20746865206275730000000000000007";
const GOLDEN_REVOCATION_SIGNATURE: &str = "a7ac159ee99ddaeebfcd2f34307ec1b357dde1953b1bd4aa776bb1b594580d6e43f61d30e1dea1d47da24e4575cc16bb522304fa2a31a0d46a91759d6fcaf30b";

#[test]
fn golden_certificate_vector() {
    let founder = signing_key(1);
    let phone = signing_key(2);
    let certificate = certificate_bytes(
        TIMEBANK,
        &key_of(&phone),
        &id(MemberId::parse, 'b'),
        Role::Member,
        &key_of(&founder),
        Timestamp(1_795_867_200_000),
        1,
    );
    assert_eq!(to_hex(certificate.as_bytes()), GOLDEN_CERTIFICATE_BYTES);
    assert_eq!(
        to_hex(sign(&founder, &certificate).as_bytes()),
        GOLDEN_CERTIFICATE_SIGNATURE
    );
}

const GOLDEN_CERTIFICATE_BYTES: &str = "0000001374616c6c792f63657274696669636174652f310000002030313233343536373839616263646566303132333435363738396162636465668139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394000000206262626262626262626262626262626262626262626262626262626262626262000000066d656d6265728a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22206ca000000000000000001";
const GOLDEN_CERTIFICATE_SIGNATURE: &str = "3c0e7e67db32766ec2ca719b251aee9e87534deb67f56ed30cd07d27b01d5612db9c37b215c43cd5fce7a4714167f89b38819e260bf6ef30b86dc0e78177df01";

/// A founding signs the heads it vouches for, sorted (so the order they
/// are given in does not matter).
#[test]
fn golden_founding_vector() {
    let founder = signing_key(1);
    let bytes = founding_bytes(
        TIMEBANK,
        &key_of(&founder),
        &id(MemberId::parse, 'c'),
        Timestamp(1_795_867_200_000),
        1,
        &["dd".repeat(32), "cc".repeat(32)],
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_FOUNDING_BYTES);
    let signature = sign(&founder, &bytes);
    assert_eq!(to_hex(signature.as_bytes()), GOLDEN_FOUNDING_SIGNATURE);
    let certificate = Certificate {
        device: key_of(&founder),
        member: id(MemberId::parse, 'c'),
        role: Role::Coordinator,
        issuer: key_of(&founder),
        issued_at: Timestamp(1_795_867_200_000),
        seq: 1,
        founded_on: Some(vec!["cc".repeat(32), "dd".repeat(32)]),
        signature,
    };
    assert!(certificate.is_signed(TIMEBANK));
    // The heads are signed: a copy that vouches for other heads, or for
    // none (as an ordinary certificate), or names another role, fails.
    let other_heads = Certificate {
        founded_on: Some(vec!["cc".repeat(32), "ee".repeat(32)]),
        ..certificate.clone()
    };
    let no_heads = Certificate {
        founded_on: None,
        ..certificate.clone()
    };
    let as_member = Certificate {
        role: Role::Member,
        ..certificate.clone()
    };
    for copy in [other_heads, no_heads, as_member] {
        assert!(!copy.is_signed(TIMEBANK), "{copy:?}");
    }
}

const GOLDEN_FOUNDING_BYTES: &str = "0000001074616c6c792f666f756e64696e672f310000002030313233343536373839616263646566303132333435363738396162636465668a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000000206363636363636363636363636363636363636363636363636363636363636363000001a22206ca000000000000000001000000000000000200000040636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363630000004064646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464";
const GOLDEN_FOUNDING_SIGNATURE: &str = "8fd142468cb998be87857b010af20523496d074eea0230766b1f6797d8f94507dff10afb8ab9ecf3177003d6166dc5677bf530a1ab8e0f5d4f04b7830d1ad905";

#[test]
fn golden_resolution_vector() {
    let tablet = signing_key(1);
    let bytes = resolution_bytes(
        TIMEBANK,
        "doubted:not-signed:ffffffffffffffffffffffffffffffff",
        &id(MemberId::parse, 'c'),
        &key_of(&tablet),
        Timestamp(1_795_874_400_000),
        "Spoke to Bob",
        4,
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_RESOLUTION_BYTES);
    let signature = sign(&tablet, &bytes);
    assert_eq!(to_hex(signature.as_bytes()), GOLDEN_RESOLUTION_SIGNATURE);
}

const GOLDEN_RESOLUTION_BYTES: &str = "0000001274616c6c792f7265736f6c7574696f6e2f3100000020303132333435363738396162636465663031323334353637383961626364656600000033646f75627465643a6e6f742d7369676e65643a66666666666666666666666666666666666666666666666666666666666666660000002063636363636363636363636363636363636363636363636363636363636363638a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22274a7000000000c53706f6b6520746f20426f620000000000000004";
const GOLDEN_RESOLUTION_SIGNATURE: &str = "287fef30f43dfff4ba07297188feb293fa608e0e1f827844dde8c8e7962755047117e086f3d898c1c3684db4130ff16105d96c342e4fb4e8c4ee96b56de7df03";

#[test]
fn golden_decision_vector() {
    let tablet = signing_key(1);
    let bytes = decision_bytes(
        TIMEBANK,
        &id(crate::ids::DecisionId::parse, 'd'),
        "member:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        "limits",
        "-600,",
        &id(MemberId::parse, 'c'),
        &key_of(&tablet),
        Timestamp(1_795_874_400_000),
        5,
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_DECISION_BYTES);
    let signature = sign(&tablet, &bytes);
    assert_eq!(to_hex(signature.as_bytes()), GOLDEN_DECISION_SIGNATURE);
}

const GOLDEN_DECISION_BYTES: &str = "0000001074616c6c792f6465636973696f6e2f31000000203031323334353637383961626364656630313233343536373839616263646566000000206464646464646464646464646464646464646464646464646464646464646464000000276d656d6265723a6262626262626262626262626262626262626262626262626262626262626262000000066c696d697473000000052d3630302c0000002063636363636363636363636363636363636363636363636363636363636363638a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22274a7000000000000000005";
const GOLDEN_DECISION_SIGNATURE: &str = "9165d1c22785e77602ce2ef4ebe1fb51b7f741b05523c11d2535a1cf5a5f2bf52f8c824a01f3b326c817cca66adf01d1a8d18768ea5a98f2b571077178da0c07";

/// Every field of an exchange is covered: changing any one of them (or the
/// timebank, or the running number) makes the signature fail.
#[test]
fn every_field_is_signed() {
    let signing = signing_key(7);
    let original = exchange();
    let signature = sign(&signing, &exchange_bytes(TIMEBANK, &original, 3));
    let key = key_of(&signing);
    let checks = |timebank: &str, exchange: &Exchange, seq: u64| {
        verify(
            &key,
            exchange_bytes(timebank, exchange, seq).as_bytes(),
            &signature,
        )
    };
    assert!(checks(TIMEBANK, &original, 3));
    type Edit = Box<dyn Fn(&mut Exchange)>;
    let edits: Vec<(&str, Edit)> = vec![
        ("id", Box::new(|e| e.id = id(ExchangeId::parse, 'f'))),
        ("payer", Box::new(|e| e.payer = Account::CommunityFund)),
        (
            "payee",
            Box::new(|e| e.payee = Account::Member(id(MemberId::parse, 'c'))),
        ),
        ("minutes", Box::new(|e| e.minutes = 900)),
        (
            "service date",
            Box::new(|e| e.service_date = Date::parse("2026-11-27").unwrap()),
        ),
        ("description", Box::new(|e| e.description.push('!'))),
        ("category", Box::new(|e| e.category = None)),
        ("kind", Box::new(|e| e.kind = ExchangeKind::Donation)),
        (
            "channel",
            Box::new(|e| {
                e.channel = Channel::PaperSlip {
                    number: "12".into(),
                }
            }),
        ),
        (
            "recorded by",
            Box::new(|e| e.recorded_by = id(MemberId::parse, 'b')),
        ),
        ("device", Box::new(|e| e.device = id(DeviceId::parse, 'd'))),
        ("recorded at", Box::new(|e| e.recorded_at.0 += 1)),
        (
            "group",
            Box::new(|e| e.group = Some(id(GroupId::parse, 'c'))),
        ),
        (
            "reversal of",
            Box::new(|e| e.reversal_of = Some(id(ExchangeId::parse, 'c'))),
        ),
        ("confirmer", Box::new(|e| e.confirmer = None)),
    ];
    for (field, edit) in edits {
        let mut changed = original.clone();
        edit(&mut changed);
        assert!(!checks(TIMEBANK, &changed, 3), "{field} is not signed");
    }
    assert!(
        !checks("fedcba9876543210fedcba9876543210", &original, 3),
        "replayed into another timebank"
    );
    assert!(!checks(TIMEBANK, &original, 4), "seq is not signed");
}

/// Text fields are length-prefixed: moving characters from one field to
/// the next changes the bytes.
#[test]
fn field_boundaries_are_part_of_the_bytes() {
    let mut one = exchange();
    one.description = "Fixing a fence".into();
    one.category = Some("Repairs".into());
    let mut two = one.clone();
    two.description = "Fixing a fenceR".into();
    two.category = Some("epairs".into());
    assert_ne!(
        exchange_bytes(TIMEBANK, &one, 1),
        exchange_bytes(TIMEBANK, &two, 1)
    );
}

/// A signature over one kind of record is not valid as another kind.
#[test]
fn tags_separate_kinds_of_record() {
    let signing = signing_key(7);
    let event = LifecycleEvent {
        id: id(LogEntryId::parse, '1'),
        action: LifecycleAction::Confirm,
        by: id(MemberId::parse, 'b'),
        at: Timestamp(1_795_867_200_000),
        note: String::new(),
        device: None,
        seal: None,
    };
    let device = key_of(&signing).device_id();
    let confirm = event_bytes(TIMEBANK, &exchange().id, &event, &device, 4);
    let signature = sign(&signing, &confirm);
    assert!(verify(&key_of(&signing), confirm.as_bytes(), &signature));
    let mut reject = event.clone();
    reject.action = LifecycleAction::Reject;
    assert!(!verify(
        &key_of(&signing),
        event_bytes(TIMEBANK, &exchange().id, &reject, &device, 4).as_bytes(),
        &signature
    ));
    assert!(confirm.as_bytes().starts_with(&[0, 0, 0, 22]));
    assert_eq!(&confirm.as_bytes()[4..26], EVENT_TAG.as_bytes());
}

#[test]
fn a_signature_by_another_key_does_not_verify() {
    let bytes = exchange_bytes(TIMEBANK, &exchange(), 3);
    let signature = sign(&signing_key(8), &bytes);
    assert!(!verify(
        &key_of(&signing_key(7)),
        bytes.as_bytes(),
        &signature
    ));
    assert!(verify(
        &key_of(&signing_key(8)),
        bytes.as_bytes(),
        &signature
    ));
}

#[test]
fn certificates_and_revocations_check_their_issuer() {
    let founder = signing_key(1);
    let phone = signing_key(2);
    let unsigned = Certificate {
        device: key_of(&phone),
        member: id(MemberId::parse, 'b'),
        role: Role::Member,
        issuer: key_of(&founder),
        issued_at: Timestamp(1),
        seq: 1,
        founded_on: None,
        signature: Signature::from_bytes([0; 64]),
    };
    let signed = Certificate {
        founded_on: None,
        signature: sign(&founder, &unsigned.bytes(TIMEBANK)),
        ..unsigned.clone()
    };
    assert!(signed.is_signed(TIMEBANK));
    assert!(!unsigned.is_signed(TIMEBANK));
    assert!(!signed.is_signed("fedcba9876543210fedcba9876543210"));
    let promoted = Certificate {
        role: Role::Coordinator,
        ..signed.clone()
    };
    assert!(!promoted.is_signed(TIMEBANK), "the role is signed");

    let revocation = Revocation {
        device: key_of(&phone),
        cut: vec!["bb".repeat(32), "aa".repeat(32)],
        by: key_of(&founder),
        at: Timestamp(2),
        reason: "Lost on the bus".into(),
        seq: 2,
        signature: Signature::from_bytes([0; 64]),
    };
    let revocation = Revocation {
        signature: sign(&founder, &revocation.bytes(TIMEBANK)),
        ..revocation
    };
    assert!(revocation.is_signed(TIMEBANK));
    let reordered = Revocation {
        cut: vec!["aa".repeat(32), "bb".repeat(32)],
        ..revocation.clone()
    };
    assert!(reordered.is_signed(TIMEBANK), "the cut is a set");
    let shorter = Revocation {
        cut: vec!["aa".repeat(32)],
        ..revocation
    };
    assert!(!shorter.is_signed(TIMEBANK), "the cut is signed");
}

#[test]
fn keys_parse_only_from_their_stored_form() {
    let key = key_of(&signing_key(7));
    assert_eq!(DeviceKey::parse(&key.to_hex()), Some(key));
    for bad in [
        String::new(),
        key.to_hex()[..62].to_string(),
        key.to_hex().to_uppercase(),
        format!("+{}", &key.to_hex()[1..]),
        format!("{}0", key.to_hex()),
    ] {
        assert_eq!(DeviceKey::parse(&bad), None, "{bad:?}");
    }
    assert_eq!(Signature::from_slice(&[1; 63]), None);
    assert!(Signature::from_slice(&[1; 64]).is_some());
    // A device id is a stable function of its key.
    assert_eq!(key.device_id(), key_of(&signing_key(7)).device_id());
    assert_ne!(key.device_id(), key_of(&signing_key(8)).device_id());
    assert_eq!(key.fingerprint().len(), 9);
}

/// A key that is not a point on the curve verifies nothing.
#[test]
fn a_malformed_key_verifies_nothing() {
    let bytes = exchange_bytes(TIMEBANK, &exchange(), 3);
    let signature = sign(&signing_key(7), &bytes);
    let mut broken = *key_of(&signing_key(7)).as_bytes();
    broken[31] ^= 0x80;
    broken[0] ^= 0x01;
    assert!(!verify(
        &DeviceKey::from_bytes(broken),
        bytes.as_bytes(),
        &signature
    ));
    assert!(!verify(
        &DeviceKey::from_bytes([0; 32]),
        bytes.as_bytes(),
        &signature
    ));
}

#[test]
fn golden_acceptance_vector() {
    let coordinator = signing_key(1);
    let bytes = acceptance_bytes(
        TIMEBANK,
        &id(ExchangeId::parse, 'e'),
        &key_of(&coordinator),
        Timestamp(1_795_867_200_000),
        4,
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_ACCEPTANCE_BYTES);
    assert_eq!(
        to_hex(sign(&coordinator, &bytes).as_bytes()),
        GOLDEN_ACCEPTANCE_SIGNATURE
    );
}

const GOLDEN_ACCEPTANCE_BYTES: &str = "0000001274616c6c792f616363657074616e63652f310000002030313233343536373839616263646566303132333435363738396162636465660000002065656565656565656565656565656565656565656565656565656565656565658a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22206ca000000000000000004";
const GOLDEN_ACCEPTANCE_SIGNATURE: &str = "f033542de2e438215a64e5c99050b8e39936e744f2360e35c4252544132dc9330af7ca0a82c0825d653ad24e9c5a8e031e41f9855af3d6421e4a2f08236ce80a";

#[test]
fn golden_invitation_vector() {
    let coordinator = signing_key(1);
    let invite = InviteSecret::from_seed([9; 32]);
    let bytes = invitation_bytes(
        TIMEBANK,
        &invite.key(),
        &id(MemberId::parse, 'b'),
        Role::Member,
        &key_of(&coordinator),
        Timestamp(1_795_867_200_000),
        5,
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_INVITATION_BYTES);
    assert_eq!(
        to_hex(sign(&coordinator, &bytes).as_bytes()),
        GOLDEN_INVITATION_SIGNATURE
    );
    // The invite's secret signs as Ed25519 does anywhere (the seed is the
    // RFC 8032 private key).
    assert_eq!(
        invite.sign(b"tally").as_bytes(),
        signing_key(9).sign(b"tally").to_bytes().as_slice()
    );
    assert_eq!(
        InviteSecret::parse(&invite.to_hex()).map(|s| s.key()),
        Some(invite.key())
    );
    assert!(InviteSecret::parse("not hex").is_none());
}

const GOLDEN_INVITATION_BYTES: &str = "0000001274616c6c792f696e7669746174696f6e2f31000000203031323334353637383961626364656630313233343536373839616263646566fd1724385aa0c75b64fb78cd602fa1d991fdebf76b13c58ed702eac835e9f618000000206262626262626262626262626262626262626262626262626262626262626262000000066d656d6265728a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22206ca000000000000000005";
const GOLDEN_INVITATION_SIGNATURE: &str = "acfda376b8f1a1222655bb233e34bdc7ed360999d7384d262e370f7bb23a20e1bacbbab62c81011eef172239288a955571147d811000f9d2bf9062ea8d36f106";

#[test]
fn golden_request_vector() {
    let phone = signing_key(2);
    let bytes = request_bytes(
        TIMEBANK,
        &key_of(&phone),
        &id(MemberId::parse, 'b'),
        "Bob's phone",
        Timestamp(1_795_867_200_000),
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_REQUEST_BYTES);
    assert_eq!(
        to_hex(sign(&phone, &bytes).as_bytes()),
        GOLDEN_REQUEST_SIGNATURE
    );
}

const GOLDEN_REQUEST_BYTES: &str = "0000000f74616c6c792f726571756573742f310000002030313233343536373839616263646566303132333435363738396162636465668139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b3940000002062626262626262626262626262626262626262626262626262626262626262620000000b426f6227732070686f6e65000001a22206ca00";
const GOLDEN_REQUEST_SIGNATURE: &str = "03b418305c8721b603e8b8db64bf1dba70e8307fea40b3ba770d47b959e6d47375044654b91ad0cf8e7e8bb082a06de7a3adb1d69d0fb295494975e06dcdf50f";

/// A timebank's id pins its founder's key: the same key and nonce always
/// give the same id, and another key never does.
#[test]
fn golden_founded_id() {
    let founder = key_of(&signing_key(1));
    let nonce = "00112233445566778899aabbccddeeff";
    assert_eq!(founded_id(&founder, nonce), GOLDEN_FOUNDED_ID);
    assert_ne!(
        founded_id(&key_of(&signing_key(2)), nonce),
        GOLDEN_FOUNDED_ID
    );
    assert_ne!(
        founded_id(&founder, "00112233445566778899aabbccddeefe"),
        GOLDEN_FOUNDED_ID
    );
    assert!(crate::ids::MemberId::parse(&founded_id(&founder, nonce)).is_some());
}

const GOLDEN_FOUNDED_ID: &str = "5e35cb615358db1d8bd44c25c291c2ab";

/// A checkpoint signs its heads and the exchanges it does not vouch for,
/// each sorted and without repeats: given out of order and twice here, the
/// bytes hold them once, in order. Checked against OpenSSL 3.0 as above.
#[test]
fn golden_checkpoint_vector() {
    let founder = signing_key(1);
    let bytes = checkpoint_bytes(
        TIMEBANK,
        &["bb".repeat(32), "aa".repeat(32)],
        &[
            id(ExchangeId::parse, 'f'),
            id(ExchangeId::parse, 'e'),
            id(ExchangeId::parse, 'f'),
        ],
        &key_of(&founder),
        Timestamp(1_795_874_400_000),
    );
    assert_eq!(to_hex(bytes.as_bytes()), GOLDEN_CHECKPOINT_BYTES);
    let signature = sign(&founder, &bytes);
    assert_eq!(to_hex(signature.as_bytes()), GOLDEN_CHECKPOINT_SIGNATURE);
    assert!(verify(&key_of(&founder), bytes.as_bytes(), &signature));
}

const GOLDEN_CHECKPOINT_BYTES: &str = "0000001274616c6c792f636865636b706f696e742f3100000020303132333435363738396162636465663031323334353637383961626364656600000000000000020000004061616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161000000406262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626200000000000000020000002065656565656565656565656565656565656565656565656565656565656565650000002066666666666666666666666666666666666666666666666666666666666666668a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c000001a22274a700";
const GOLDEN_CHECKPOINT_SIGNATURE: &str = "80c007d2193be6bd9e893eb17ccf9f13318ce978ff728c8429781fcfd6ac0f06d87b22b4b8b71eb1d4d12f7d2213f2ded41ee23d9464625febbeb8d648047803";
