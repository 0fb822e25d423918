//! Syncs a saved timebank (a `.tally` file) with an automerge-repo server,
//! using Tally's own protocol client: the native side of the
//! interoperability tests in `tests/e2e/interop/`, which run it against the
//! stock JavaScript sync server and a JavaScript automerge-repo client.
//!
//! ```text
//! sync_file make <file> <exchanges>             a timebank with that many exchanges
//! sync_file sync <ws-url> <file> [<document>]   sync; a missing file starts empty
//! sync_file show <file>                         the exchanges, as JSON
//! ```
//! `make`, `sync` and `show` print `{ "document": …, "exchanges": [...] }`.

use std::time::Duration;

use automerge::AutoCommit;
use futures::{SinkExt, StreamExt};
use ledger::{
    Account, Entropy, NewExchange, NewMember, NewTimebank, Settings, Timebank, Timestamp,
};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use wire::{Client, DocumentId, Received};

struct Seeded(u64);

impl Entropy for Seeded {
    fn fill(&mut self, bytes: &mut [u8]) {
        for byte in bytes {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            *byte = (self.0 >> 33) as u8;
        }
    }
}

fn entropy() -> Box<dyn Entropy> {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    Box::new(Seeded(seed))
}

fn fail(message: String) -> ! {
    eprintln!("sync_file: {message}");
    std::process::exit(1)
}

fn summary(timebank: &Timebank) -> serde_json::Value {
    let document = DocumentId::for_timebank(&timebank.info().id)
        .map(|id| id.to_string())
        .unwrap_or_default();
    let exchanges: Vec<_> = timebank
        .exchanges()
        .map(|exchange| {
            serde_json::json!({
                "id": exchange.id.as_str(),
                "minutes": exchange.minutes,
                "description": exchange.description,
            })
        })
        .collect();
    serde_json::json!({ "document": document, "name": timebank.info().name, "exchanges": exchanges })
}

fn make(file: &str, count: usize) {
    let now = Timestamp(1_795_867_200_000);
    let (mut timebank, cora) = Timebank::create(
        NewTimebank {
            name: "Interop Timebank".into(),
            unit_label: "hours".into(),
            settings: Settings::default(),
            founder_key: None,
        },
        NewMember {
            name: "Cora".into(),
            ..NewMember::default()
        },
        now,
        entropy(),
    )
    .unwrap_or_else(|e| fail(e.to_string()));
    let ann = timebank
        .add_member(
            &cora,
            NewMember {
                name: "Ann".into(),
                ..NewMember::default()
            },
            now,
        )
        .unwrap_or_else(|e| fail(e.to_string()));
    timebank
        .set_status(&cora, &ann, ledger::MemberStatus::Active, now)
        .unwrap_or_else(|e| fail(e.to_string()));
    for n in 0..count {
        timebank
            .record(
                &cora,
                NewExchange {
                    payer: Account::Member(ann.clone()),
                    payee: Account::Member(cora.clone()),
                    minutes: 15 + n as u32,
                    service_date: now.date(),
                    description: format!("help number {n}"),
                    category: None,
                    channel: ledger::Channel::App,
                },
                now,
            )
            .unwrap_or_else(|e| fail(e.to_string()));
    }
    std::fs::write(file, timebank.save()).unwrap_or_else(|e| fail(e.to_string()));
    println!("{}", summary(&timebank));
}

async fn sync(url: &str, file: &str, document: Option<&str>) {
    let mut doc = match std::fs::read(file) {
        Ok(bytes) => AutoCommit::load(&bytes).unwrap_or_else(|e| fail(e.to_string())),
        Err(_) => AutoCommit::new(),
    };
    let document: DocumentId = match document {
        Some(text) => text
            .parse()
            .unwrap_or_else(|e: wire::BadDocumentId| fail(e.to_string())),
        None => {
            let timebank =
                Timebank::load(&doc.save(), entropy()).unwrap_or_else(|e| fail(e.to_string()));
            DocumentId::for_timebank(&timebank.info().id).unwrap_or_else(|e| fail(e.to_string()))
        }
    };
    let peer = url
        .split("peer=")
        .nth(1)
        .map(|rest| rest.split('&').next().unwrap_or(rest).to_string())
        .unwrap_or_else(|| format!("tally-native-{}", std::process::id()));
    let (mut socket, _) = tokio_tungstenite::connect_async(url)
        .await
        .unwrap_or_else(|e| fail(format!("could not connect: {e}")));
    let mut client = Client::new(peer, None, document, automerge::sync::State::new());
    let send = |frame: Vec<u8>| WsMessage::Binary(frame.into());
    socket
        .send(send(client.hello()))
        .await
        .unwrap_or_else(|e| fail(e.to_string()));
    let work = async {
        while let Some(message) = socket.next().await {
            let frame = match message {
                Ok(WsMessage::Binary(bytes)) => bytes,
                Ok(WsMessage::Close(_)) => fail("the server closed the connection".into()),
                Ok(_) => continue,
                Err(e) => fail(e.to_string()),
            };
            match client.receive(&mut doc, &frame) {
                Ok(Received::Unavailable) => fail("the server does not have the document".into()),
                Ok(_) => {}
                Err(e) => fail(e.to_string()),
            }
            if let Some(frame) = client.next_frame(&mut doc) {
                socket
                    .send(send(frame))
                    .await
                    .unwrap_or_else(|e| fail(e.to_string()));
            }
            if client.is_in_sync(&mut doc) {
                return;
            }
        }
        fail("the connection ended before the sync did".into());
    };
    tokio::time::timeout(Duration::from_secs(30), work)
        .await
        .unwrap_or_else(|_| fail("timed out".into()));
    let _ = socket.close(None).await;
    std::fs::write(file, doc.save()).unwrap_or_else(|e| fail(e.to_string()));
    show(file);
}

fn show(file: &str) {
    let bytes = std::fs::read(file).unwrap_or_else(|e| fail(e.to_string()));
    let timebank = Timebank::load(&bytes, entropy()).unwrap_or_else(|e| fail(e.to_string()));
    println!("{}", summary(&timebank));
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["make", file, count] => make(
            file,
            count.parse().unwrap_or_else(|_| fail("count?".into())),
        ),
        ["sync", url, file] => sync(url, file, None).await,
        ["sync", url, file, document] => sync(url, file, Some(document)).await,
        ["show", file] => show(file),
        _ => fail(
            "usage: sync_file make <file> <n> | sync <ws-url> <file> [<document>] | show <file>"
                .into(),
        ),
    }
}
