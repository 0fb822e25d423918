//! Access tokens: which device may sync which timebank.
//!
//! A token reads `<id>.<secret>`. The relay keeps only the id and the
//! SHA-256 of the secret, in `<data>/tokens.json` (written whole to a
//! temporary file, flushed, then renamed over the old one), and never logs
//! a token. A revoked token stays listed, so a device that shows it is told
//! it was revoked rather than that it is unknown.
//!
//! The first device to bring a timebank to the relay claims it and gets a
//! coordinator token, within the relay's rules ([`ClaimRules`]: open to new
//! timebanks or not, how many it holds, an operator's key); coordinator
//! tokens create invites (device tokens, or coordinator tokens for other
//! coordinators' devices) and revoke them.
//!
//! Checks never wait for a change: they read the book as last saved, with
//! its tokens indexed by id, which a change swaps in whole once its file is
//! written. Changes take turns (one writer at a time), so none is lost.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use wire::DocumentId;

/// What a token lets its device do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sync the timebank.
    Device,
    /// Sync it, and invite and revoke devices.
    Coordinator,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    id: String,
    /// SHA-256 of the secret, hex.
    hash: String,
    role: Role,
    label: String,
    created: u64,
    revoked: Option<u64>,
    /// The timebank's invitation this token was handed out with (the
    /// invite key's device id), so revoking the device that used it can
    /// revoke this token in the same step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    invitation: Option<String>,
    /// The device that uses it (its key's device id), as that device named
    /// itself once: revoking that device revokes this token too, however
    /// the token reached it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device: Option<String>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Book {
    /// Timebank document id (bs58) → its tokens.
    timebanks: BTreeMap<String, Vec<Stored>>,
}

/// The book as saved, with where each token id is in it.
#[derive(Debug, Default)]
struct Indexed {
    book: Book,
    /// Token id → its timebank and its place in that timebank's list.
    by_id: HashMap<String, (String, usize)>,
}

impl Indexed {
    fn new(book: Book) -> Indexed {
        let mut by_id = HashMap::new();
        for (document, tokens) in &book.timebanks {
            for (place, stored) in tokens.iter().enumerate() {
                // Should an id ever be listed twice, the first one found
                // counts, as when the tokens were searched in order.
                by_id
                    .entry(stored.id.clone())
                    .or_insert_with(|| (document.clone(), place));
            }
        }
        Indexed { book, by_id }
    }

    /// The token with this id, and its timebank.
    fn find(&self, id: &str) -> Option<(&str, &Stored)> {
        let (document, place) = self.by_id.get(id)?;
        let stored = self.book.timebanks.get(document)?.get(*place)?;
        Some((document.as_str(), stored))
    }

    /// Checks a token as a device shows it.
    fn check(&self, token: &str) -> Result<Grant, Refusal> {
        if token.is_empty() {
            return Err(Refusal::Missing);
        }
        let id = token_id(token)?;
        let secret = &token[id.len() + 1..];
        let (document, stored) = self.find(id).ok_or(Refusal::Unknown)?;
        if !same(&stored.hash, &hash(secret)) {
            return Err(Refusal::Unknown);
        }
        if stored.revoked.is_some() {
            return Err(Refusal::Revoked);
        }
        let document = document.parse().map_err(|_| Refusal::Unknown)?;
        Ok(Grant {
            token_id: stored.id.clone(),
            document,
            role: stored.role,
            device: stored.device.clone(),
        })
    }

    fn coordinator_of(&self, token: &str, document: DocumentId) -> Result<(), Refusal> {
        let grant = self.check(token)?;
        if grant.document != document {
            return Err(Refusal::OtherTimebank);
        }
        if grant.role != Role::Coordinator {
            return Err(Refusal::NotCoordinator);
        }
        Ok(())
    }
}

/// Who may bring a new timebank to the relay.
#[derive(Debug, Clone)]
pub struct ClaimRules {
    /// False: the relay takes no new timebanks at all.
    pub open: bool,
    /// The most timebanks the relay holds.
    pub max_timebanks: usize,
    /// When set, a claim must show this key, which the relay's operator
    /// gives to the coordinators they know.
    pub key: Option<String>,
}

impl Default for ClaimRules {
    fn default() -> ClaimRules {
        ClaimRules {
            open: true,
            max_timebanks: usize::MAX,
            key: None,
        }
    }
}

/// A token, as listed to coordinators (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub id: String,
    pub role: Role,
    pub label: String,
    pub created: u64,
    pub revoked: Option<u64>,
    /// The timebank's invitation it was handed out with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation: Option<String>,
    /// The device that named itself as using it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
}

/// Who a good token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub token_id: String,
    pub document: DocumentId,
    pub role: Role,
    /// The device that named itself as using it, if any.
    pub device: Option<String>,
}

/// Why a token is refused. `code()` is what the app reads; `Display` is for
/// people and logs (it never includes the token).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no access token was given")]
    Missing,
    #[error("this is not a Tally access token")]
    Malformed,
    #[error("this relay does not know this access token")]
    Unknown,
    #[error("a coordinator revoked this device's access")]
    Revoked,
    #[error("this access token is for another timebank")]
    OtherTimebank,
    #[error("only a coordinator's device can do this")]
    NotCoordinator,
    #[error("this timebank is already on this relay: ask one of its coordinators for an invite")]
    AlreadyClaimed,
    #[error("this relay does not take new timebanks")]
    ClosedToNew,
    #[error(
        "this relay takes new timebanks only with a key from its operator, and the key given is missing or wrong"
    )]
    ClaimKey,
    #[error(
        "this relay holds as many timebanks as its operator allows: ask them for room, or use another relay"
    )]
    RelayFull,
    #[error(
        "too many timebanks were brought to this relay from this address lately: try again later"
    )]
    TooManyClaims,
    #[error("no such invite")]
    NoSuchToken,
    #[error(
        "this is the only device left that can invite and revoke devices for this timebank: invite another coordinator's device before revoking it"
    )]
    LastCoordinator,
    #[error("a device is named by its key's device id: 32 digits 0-9 and a-f")]
    BadDevice,
    #[error("this access token already names another device")]
    DeviceNamed,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Missing => "missing",
            Refusal::Malformed => "malformed",
            Refusal::Unknown => "unknown",
            Refusal::Revoked => "revoked",
            Refusal::OtherTimebank => "other-timebank",
            Refusal::NotCoordinator => "not-coordinator",
            Refusal::AlreadyClaimed => "already-claimed",
            Refusal::ClosedToNew => "closed",
            Refusal::ClaimKey => "claim-key",
            Refusal::RelayFull => "relay-full",
            Refusal::TooManyClaims => "too-many-claims",
            Refusal::NoSuchToken => "no-such-invite",
            Refusal::LastCoordinator => "last-coordinator",
            Refusal::BadDevice => "bad-device",
            Refusal::DeviceNamed => "device-named",
        }
    }
}

/// Why the token file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TokenFileError {
    #[error("could not read the token file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the token file {path} is damaged ({reason}); it was left as it is: restore it from a backup or move it away to start with no tokens"
    )]
    Damaged { path: PathBuf, reason: String },
    #[error("could not write the token file {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A new token: the only time its secret exists outside the device.
#[derive(Debug, Clone, Serialize)]
pub struct Issued {
    pub id: String,
    pub token: String,
}

/// Something done before each write of the token file, on the thread that
/// writes it.
pub type BeforeWrite = Box<dyn Fn() + Send + Sync>;

pub struct Tokens {
    path: PathBuf,
    /// The book as last saved, for checks: held only to copy the `Arc`.
    saved: Mutex<Arc<Indexed>>,
    /// Held by one change at a time, from reading the book until the
    /// changed book is saved and swapped in.
    writer: Mutex<()>,
    rules: ClaimRules,
    before_write: OnceLock<BeforeWrite>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Splits `<id>.<secret>`; the id is 12 hex digits.
pub fn token_id(token: &str) -> Result<&str, Refusal> {
    let (id, secret) = token.split_once('.').ok_or(Refusal::Malformed)?;
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_hexdigit()) || secret.len() != 43 {
        return Err(Refusal::Malformed);
    }
    Ok(id)
}

impl Tokens {
    /// Reads `<data>/tokens.json`, or starts empty if there is none. A
    /// damaged file is an error, never overwritten.
    pub fn open(data: &Path, rules: ClaimRules) -> Result<Tokens, TokenFileError> {
        let path = data.join("tokens.json");
        let book = match std::fs::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|error| TokenFileError::Damaged {
                    path: path.clone(),
                    reason: error.to_string(),
                })?
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Book::default(),
            Err(source) => return Err(TokenFileError::Read { path, source }),
        };
        Ok(Tokens {
            path,
            saved: Mutex::new(Arc::new(Indexed::new(book))),
            writer: Mutex::new(()),
            rules,
            before_write: OnceLock::new(),
        })
    }

    /// Runs `hook` before each later write of the token file, on the thread
    /// that writes it (once set, it stays). For tests: a hook that waits
    /// holds a change up in the middle of its write.
    pub fn before_each_write(&self, hook: BeforeWrite) {
        let _ = self.before_write.set(hook);
    }

    /// The book as last saved.
    fn saved(&self) -> Arc<Indexed> {
        // A panic while holding the lock cannot leave the book half-changed:
        // it is only ever replaced whole.
        self.saved
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn save(&self, book: &Book) -> Result<(), TokenFileError> {
        if let Some(hook) = self.before_write.get() {
            hook();
        }
        let write = || -> std::io::Result<()> {
            let bytes = serde_json::to_vec_pretty(book).map_err(std::io::Error::other)?;
            let temp = self.path.with_extension("json.new");
            {
                use std::io::Write;
                let mut file = std::fs::File::create(&temp)?;
                file.write_all(&bytes)?;
                file.sync_all()?;
            }
            std::fs::rename(&temp, &self.path)?;
            if let Some(parent) = self.path.parent() {
                std::fs::File::open(parent)?.sync_all()?;
            }
            Ok(())
        };
        write().map_err(|source| TokenFileError::Write {
            path: self.path.clone(),
            source,
        })
    }

    /// Applies `change` to a copy of the book (it also sees the book as it
    /// is, with its index), saves the copy, then swaps it in for checks.
    /// This blocks while another change is written: call it where waiting
    /// holds nothing else up (`spawn_blocking`).
    fn change<T>(
        &self,
        change: impl FnOnce(&mut Book, &Indexed) -> Result<T, Refusal>,
    ) -> Result<Result<T, Refusal>, TokenFileError> {
        let _turn = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let current = self.saved();
        let mut copy = current.book.clone();
        let result = match change(&mut copy, &current) {
            Ok(result) => result,
            Err(refusal) => return Ok(Err(refusal)),
        };
        self.save(&copy)?;
        let changed = Arc::new(Indexed::new(copy));
        *self.saved.lock().unwrap_or_else(PoisonError::into_inner) = changed;
        Ok(Ok(result))
    }

    /// A new token whose id no token in `taken` has.
    fn new_token(
        role: Role,
        label: &str,
        invitation: Option<&str>,
        taken: &Indexed,
    ) -> (Stored, Issued) {
        let mut rng = rand::rng();
        let id = loop {
            let mut id = [0u8; 6];
            rng.fill_bytes(&mut id);
            let id = hex(&id);
            if !taken.by_id.contains_key(&id) {
                break id;
            }
        };
        let mut secret = [0u8; 32];
        rng.fill_bytes(&mut secret);
        let secret = URL_SAFE_NO_PAD.encode(secret);
        let stored = Stored {
            id: id.clone(),
            hash: hash(&secret),
            role,
            label: label.chars().take(80).collect(),
            created: now(),
            revoked: None,
            invitation: invitation.map(str::to_string),
            device: None,
        };
        (
            stored,
            Issued {
                token: format!("{id}.{secret}"),
                id,
            },
        )
    }

    /// The first device to bring `document` here gets its first coordinator
    /// token, if the relay's rules let it (`key` is the operator's key, if
    /// the device was given one).
    pub fn claim(
        &self,
        document: DocumentId,
        label: &str,
        key: Option<&str>,
    ) -> Result<Result<Issued, Refusal>, TokenFileError> {
        let rules = &self.rules;
        self.change(|book, current| {
            if book.timebanks.contains_key(&document.to_string()) {
                return Err(Refusal::AlreadyClaimed);
            }
            if !rules.open {
                return Err(Refusal::ClosedToNew);
            }
            if let Some(expected) = &rules.key {
                // Compared as hashes: equal lengths, in constant time.
                let shown = key.map(hash).unwrap_or_default();
                if !same(&shown, &hash(expected)) {
                    return Err(Refusal::ClaimKey);
                }
            }
            if book.timebanks.len() >= rules.max_timebanks {
                return Err(Refusal::RelayFull);
            }
            let (stored, issued) = Tokens::new_token(Role::Coordinator, label, None, current);
            book.timebanks.insert(document.to_string(), vec![stored]);
            Ok(issued)
        })
    }

    /// Checks a token as a device shows it.
    pub fn check(&self, token: &str) -> Result<Grant, Refusal> {
        self.saved().check(token)
    }

    /// Whether the token `token_id` may still sync `document` (the share
    /// policy asks this for every document a connection touches).
    pub fn allows(&self, token_id: &str, document: &str) -> bool {
        self.saved()
            .book
            .timebanks
            .get(document)
            .is_some_and(|tokens| {
                tokens
                    .iter()
                    .any(|stored| stored.id == token_id && stored.revoked.is_none())
            })
    }

    /// A coordinator invites a device.
    pub fn invite(
        &self,
        by: &str,
        document: DocumentId,
        role: Role,
        label: &str,
    ) -> Result<Result<Issued, Refusal>, TokenFileError> {
        self.invite_for(by, document, role, label, None)
    }

    /// A coordinator invites a device, with the timebank's invitation that
    /// goes with it (see [`Listed::invitation`]).
    pub fn invite_for(
        &self,
        by: &str,
        document: DocumentId,
        role: Role,
        label: &str,
        invitation: Option<&str>,
    ) -> Result<Result<Issued, Refusal>, TokenFileError> {
        // Refused at once, without waiting for another change's turn.
        if let Err(refusal) = self.saved().coordinator_of(by, document) {
            return Ok(Err(refusal));
        }
        self.change(|book, current| {
            current.coordinator_of(by, document)?;
            let (stored, issued) = Tokens::new_token(role, label, invitation, current);
            book.timebanks
                .entry(document.to_string())
                .or_default()
                .push(stored);
            Ok(issued)
        })
    }

    /// A coordinator's list of the timebank's tokens.
    pub fn list(&self, by: &str, document: DocumentId) -> Result<Vec<Listed>, Refusal> {
        let saved = self.saved();
        saved.coordinator_of(by, document)?;
        Ok(saved
            .book
            .timebanks
            .get(&document.to_string())
            .map(|tokens| {
                tokens
                    .iter()
                    .map(|stored| Listed {
                        id: stored.id.clone(),
                        role: stored.role,
                        label: stored.label.clone(),
                        created: stored.created,
                        revoked: stored.revoked,
                        invitation: stored.invitation.clone(),
                        device: stored.device.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The device using `token` names itself (its key's device id), once: a
    /// token that names it already is left as it is, and one that names
    /// another device is refused. A token can only name the device it is
    /// with: naming another only ties its own fate to that device's.
    pub fn name_device(
        &self,
        token: &str,
        device: &str,
    ) -> Result<Result<(), Refusal>, TokenFileError> {
        if device.len() != 32
            || !device
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        {
            return Ok(Err(Refusal::BadDevice));
        }
        let named = |current: &Indexed| -> Result<bool, Refusal> {
            let grant = current.check(token)?;
            match grant.device.as_deref() {
                Some(named) if named == device => Ok(true),
                Some(_) => Err(Refusal::DeviceNamed),
                None => Ok(false),
            }
        };
        match named(&self.saved()) {
            Err(refusal) => return Ok(Err(refusal)),
            Ok(true) => return Ok(Ok(())),
            Ok(false) => {}
        }
        self.change(|book, current| {
            if named(current)? {
                return Ok(());
            }
            let (document, place) = current
                .by_id
                .get(token_id(token)?)
                .ok_or(Refusal::Unknown)?;
            let stored = book
                .timebanks
                .get_mut(document)
                .and_then(|tokens| tokens.get_mut(*place))
                .ok_or(Refusal::Unknown)?;
            stored.device = Some(device.to_string());
            Ok(())
        })
    }

    /// A coordinator revokes a token of the same timebank, unless it is the
    /// timebank's last live coordinator token.
    pub fn revoke(
        &self,
        by: &str,
        document: DocumentId,
        token_id: &str,
    ) -> Result<Result<(), Refusal>, TokenFileError> {
        if let Err(refusal) = self.saved().coordinator_of(by, document) {
            return Ok(Err(refusal));
        }
        self.change(|book, current| {
            current.coordinator_of(by, document)?;
            let tokens = book
                .timebanks
                .get_mut(&document.to_string())
                .ok_or(Refusal::NoSuchToken)?;
            let live_coordinator =
                |stored: &Stored| stored.role == Role::Coordinator && stored.revoked.is_none();
            let coordinators = tokens
                .iter()
                .filter(|stored| live_coordinator(stored))
                .count();
            let stored = tokens
                .iter_mut()
                .find(|stored| stored.id == token_id)
                .ok_or(Refusal::NoSuchToken)?;
            if live_coordinator(stored) && coordinators == 1 {
                return Err(Refusal::LastCoordinator);
            }
            stored.revoked.get_or_insert_with(now);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(n: u8) -> DocumentId {
        DocumentId::from_random([n; 16])
    }

    #[test]
    fn claim_invite_check_and_revoke() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = Tokens::open(dir.path(), ClaimRules::default()).unwrap();
        let owner = tokens.claim(doc(1), "Ana's phone", None).unwrap().unwrap();
        assert_eq!(
            tokens.claim(doc(1), "again", None).unwrap().unwrap_err(),
            Refusal::AlreadyClaimed
        );
        let grant = tokens.check(&owner.token).unwrap();
        assert_eq!((grant.document, grant.role), (doc(1), Role::Coordinator));

        let device = tokens
            .invite(&owner.token, doc(1), Role::Device, "hall tablet")
            .unwrap()
            .unwrap();
        assert_eq!(tokens.check(&device.token).unwrap().role, Role::Device);
        assert_eq!(
            tokens
                .invite(&device.token, doc(1), Role::Device, "x")
                .unwrap()
                .unwrap_err(),
            Refusal::NotCoordinator
        );
        let other = tokens.claim(doc(2), "Bo", None).unwrap().unwrap();
        assert_eq!(
            tokens.revoke(&other.token, doc(1), &device.id).unwrap(),
            Err(Refusal::OtherTimebank)
        );

        tokens
            .revoke(&owner.token, doc(1), &device.id)
            .unwrap()
            .unwrap();
        assert_eq!(tokens.check(&device.token), Err(Refusal::Revoked));
        assert!(!tokens.allows(&device.id, &doc(1).to_string()));

        // Everything survives a restart; the file holds no secret.
        let again = Tokens::open(dir.path(), ClaimRules::default()).unwrap();
        assert_eq!(again.check(&device.token), Err(Refusal::Revoked));
        assert_eq!(again.check(&owner.token).unwrap().role, Role::Coordinator);
        let file = std::fs::read_to_string(dir.path().join("tokens.json")).unwrap();
        let secret = owner.token.split_once('.').unwrap().1;
        assert!(!file.contains(secret));
        assert_eq!(again.list(&owner.token, doc(1)).unwrap().len(), 2);
    }

    #[test]
    fn bad_tokens_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = Tokens::open(dir.path(), ClaimRules::default()).unwrap();
        let good = tokens.claim(doc(1), "a", None).unwrap().unwrap();
        let wrong_secret = format!("{}.{}", good.id, "A".repeat(43));
        let cases = [
            ("", Refusal::Missing),
            ("hello", Refusal::Malformed),
            ("abc.def", Refusal::Malformed),
            (wrong_secret.as_str(), Refusal::Unknown),
            (
                "000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                Refusal::Unknown,
            ),
        ];
        for (token, refusal) in cases {
            assert_eq!(tokens.check(token), Err(refusal), "{token:?}");
        }
    }

    #[test]
    fn claims_keep_to_the_relays_rules() {
        let dir = tempfile::tempdir().unwrap();
        let closed = ClaimRules {
            open: false,
            ..ClaimRules::default()
        };
        let tokens = Tokens::open(dir.path(), closed).unwrap();
        assert_eq!(
            tokens.claim(doc(1), "a", None).unwrap().unwrap_err(),
            Refusal::ClosedToNew
        );

        let dir = tempfile::tempdir().unwrap();
        let rules = ClaimRules {
            max_timebanks: 2,
            key: Some("the operator's key".to_string()),
            ..ClaimRules::default()
        };
        let tokens = Tokens::open(dir.path(), rules).unwrap();
        let key = Some("the operator's key");
        for (shown, refusal) in [
            (None, Refusal::ClaimKey),
            (Some("guess"), Refusal::ClaimKey),
        ] {
            assert_eq!(
                tokens.claim(doc(1), "a", shown).unwrap().unwrap_err(),
                refusal
            );
        }
        let first = tokens.claim(doc(1), "a", key).unwrap().unwrap();
        tokens.claim(doc(2), "b", key).unwrap().unwrap();
        assert_eq!(
            tokens.claim(doc(3), "c", key).unwrap().unwrap_err(),
            Refusal::RelayFull
        );
        // A timebank already here is said to be so, full or not.
        assert_eq!(
            tokens.claim(doc(1), "again", key).unwrap().unwrap_err(),
            Refusal::AlreadyClaimed
        );
        // Invites are not claims: a full relay still takes them.
        tokens
            .invite(&first.token, doc(1), Role::Device, "tablet")
            .unwrap()
            .unwrap();
    }

    #[test]
    fn checks_find_tokens_by_id_across_many_timebanks() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = Tokens::open(dir.path(), ClaimRules::default()).unwrap();
        let issued: Vec<_> = (0..50)
            .map(|n| tokens.claim(doc(n), "a", None).unwrap().unwrap())
            .collect();
        for (n, issued) in issued.iter().enumerate() {
            let grant = tokens.check(&issued.token).unwrap();
            assert_eq!(grant.document, doc(n as u8));
            assert_eq!(grant.token_id, issued.id);
        }
        let ids: std::collections::HashSet<_> = issued.iter().map(|i| &i.id).collect();
        assert_eq!(ids.len(), issued.len(), "every token id is new");
    }

    #[test]
    fn a_change_that_is_refused_or_fails_to_save_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = Tokens::open(dir.path(), ClaimRules::default()).unwrap();
        let owner = tokens.claim(doc(1), "a", None).unwrap().unwrap();
        let before = std::fs::read(dir.path().join("tokens.json")).unwrap();
        // The temporary file cannot be made: a folder is in its place.
        std::fs::create_dir(dir.path().join("tokens.json.new")).unwrap();
        assert!(tokens.claim(doc(2), "b", None).is_err());
        assert!(
            tokens
                .invite(&owner.token, doc(1), Role::Device, "x")
                .is_err()
        );
        assert_eq!(tokens.list(&owner.token, doc(1)).unwrap().len(), 1);
        assert_eq!(
            std::fs::read(dir.path().join("tokens.json")).unwrap(),
            before
        );
        std::fs::remove_dir(dir.path().join("tokens.json.new")).unwrap();
        tokens.claim(doc(2), "b", None).unwrap().unwrap();
    }

    #[test]
    fn a_damaged_file_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tokens.json"), b"{ not json").unwrap();
        let error = Tokens::open(dir.path(), ClaimRules::default())
            .err()
            .unwrap();
        assert!(error.to_string().contains("damaged"), "{error}");
        assert_eq!(
            std::fs::read(dir.path().join("tokens.json")).unwrap(),
            b"{ not json"
        );
    }
}
