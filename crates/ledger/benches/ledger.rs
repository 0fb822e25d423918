//! Ledger speed at a typical size (300 members, 5,000 exchanges) and a large
//! one (2,000 members, 50,000 exchanges, 5,000 listings), each beside a bare
//! `AutoCommit::load` of the same bytes: the floor no app can beat.
//! `cargo xtask bench` runs this and prints the table.
//!
//! Each size is also written as a timebank file for the browser benchmarks
//! (`target/ledger-bench-<size>.tally`), and so is a huge one (8,000 members,
//! 200,000 exchanges, 20,000 listings: four times the large one), which is
//! built, saved and loaded once but not measured by criterion (building it
//! alone takes minutes). With `TALLY_BENCH_FILES_ONLY=1` the files are
//! written and nothing is measured.

use std::hint::black_box;
use std::time::{Duration, Instant};

use automerge::AutoCommit;
use criterion::{BatchSize, Criterion, criterion_group};
mod signed;

use ledger::{
    Account, Channel, Date, Entropy, ExchangeQuery, ListingKind, MemberId, NewExchange, NewListing,
    NewMember, NewTimebank, Settings, Timebank, Timestamp,
};

/// 2026-11-28T12:00:00Z.
const NOW: Timestamp = Timestamp(1_795_867_200_000);

struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Entropy for Seeded {
    fn fill(&mut self, bytes: &mut [u8]) {
        for chunk in bytes.chunks_mut(8) {
            let value = self.next();
            chunk.copy_from_slice(&value.to_le_bytes()[..chunk.len()]);
        }
    }
}

struct Size {
    name: &'static str,
    members: usize,
    exchanges: usize,
    listings: usize,
}

const SIZES: [Size; 3] = [
    Size {
        name: "typical",
        members: 300,
        exchanges: 5_000,
        listings: 0,
    },
    Size {
        name: "large",
        members: 2_000,
        exchanges: 50_000,
        listings: 5_000,
    },
    Size {
        name: "huge",
        members: 8_000,
        exchanges: 200_000,
        listings: 20_000,
    },
];

/// Sizes built and written, but too slow to build for criterion's samples.
fn measured(size: &Size) -> bool {
    size.exchanges <= 50_000
}

/// Where the files for the browser benchmarks and `cargo xtask bench` go.
fn target_dir() -> std::path::PathBuf {
    std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| "../../target".into())
        .into()
}

/// A timebank of the given size, built the way devices build one: each
/// exchange its own change, over two years of service dates.
fn build(size: &Size) -> (Timebank, MemberId, Vec<MemberId>) {
    build_with(size, None, |_, _| {}, |_| {})
}

/// A timebank of `size` created on the device whose key is `founder_key`
/// (none: a device from before keys); `found` runs once the members are in,
/// `each` after every exchange recorded.
fn build_with(
    size: &Size,
    founder_key: Option<ledger::trust::DeviceKey>,
    found: impl FnOnce(&mut Timebank, &MemberId),
    mut each: impl FnMut(&mut Timebank),
) -> (Timebank, MemberId, Vec<MemberId>) {
    let (mut timebank, coordinator) = Timebank::create(
        NewTimebank {
            name: "Bench timebank".into(),
            unit_label: "hours".into(),
            settings: Settings {
                debit_floor_minutes: -100_000,
                credit_ceiling_minutes: 100_000,
                ..Settings::default()
            },
            founder_key,
        },
        NewMember {
            name: "Coordinator".into(),
            ..NewMember::default()
        },
        NOW,
        Box::new(Seeded(1)),
    )
    .expect("a timebank");
    let mut csv = String::from("name,status\n");
    for i in 0..size.members {
        csv.push_str(&format!("Member {i},active\n"));
    }
    timebank
        .import_members_csv(&coordinator, &csv, NOW)
        .expect("members");
    let members: Vec<MemberId> = timebank
        .members()
        .filter(|m| m.id != coordinator)
        .map(|m| m.id.clone())
        .collect();
    found(&mut timebank, &coordinator);
    let mut random = Seeded(2);
    for i in 0..size.exchanges {
        // Every 25th came from a paper slip, numbered from 1.
        let slip = (i % 25 == 0).then(|| (i / 25 + 1).to_string());
        record_from(&mut timebank, &coordinator, &members, &mut random, slip);
        each(&mut timebank);
    }
    for i in 0..size.listings {
        let member = members[i % members.len()].clone();
        timebank
            .post_listing(
                &coordinator,
                NewListing {
                    kind: ListingKind::Offer,
                    member,
                    title: format!("Offer {i}"),
                    description: "Weekday mornings, happy to help".into(),
                    category: Some("Home and garden".into()),
                    expires_on: Date::parse("2027-06-30").expect("a date"),
                },
                NOW,
            )
            .expect("a listing");
    }
    (timebank, coordinator, members)
}

fn record_one(
    timebank: &mut Timebank,
    coordinator: &MemberId,
    members: &[MemberId],
    random: &mut Seeded,
) {
    record_from(timebank, coordinator, members, random, None);
}

/// Records a random exchange, from paper slip `slip` if given.
fn record_from(
    timebank: &mut Timebank,
    coordinator: &MemberId,
    members: &[MemberId],
    random: &mut Seeded,
    slip: Option<String>,
) {
    let n = members.len() as u64;
    let payer = (random.next() % n) as usize;
    let payee = (payer + 1 + (random.next() % (n - 1)) as usize) % members.len();
    let days_ago = (random.next() % 730) as i64;
    let exchange = NewExchange {
        payer: Account::Member(members[payer].clone()),
        payee: Account::Member(members[payee].clone()),
        minutes: 15 * (1 + (random.next() % 16) as u32),
        service_date: Timestamp(NOW.0 - days_ago * 86_400_000).date(),
        description: "Help with the garden and a cup of tea".into(),
        category: Some("Home and garden".into()),
        channel: match slip {
            Some(number) => Channel::PaperSlip { number },
            None => Channel::Coordinator,
        },
    };
    timebank
        .record(coordinator, exchange, NOW)
        .expect("an exchange");
}

/// A size as built: its coordinator and members, its bytes, and the bytes of
/// the same timebank signed.
type Built = (&'static Size, MemberId, Vec<MemberId>, Vec<u8>, Vec<u8>);

/// Builds a timebank of each size and writes it as a file; for the sizes
/// criterion does not measure, times one bare load and one ledger load.
/// Writes the sizes at rest (and those single loads) to
/// `target/ledger-bench-sizes.tsv` for `cargo xtask bench`.
fn write_files() -> Vec<Built> {
    let mut sizes_report = String::new();
    let mut built = Vec::new();
    let only = std::env::var("TALLY_BENCH_SIZES").ok();
    let chosen = |size: &Size| {
        only.as_deref()
            .is_none_or(|only| only.split(',').any(|name| name == size.name))
    };
    for size in SIZES.iter().filter(|size| chosen(size)) {
        let started = Instant::now();
        let (mut timebank, coordinator, members) = build(size);
        let bytes = timebank.save();
        eprintln!(
            "built the {} timebank ({} exchanges, {} bytes) in {:.1} s",
            size.name,
            size.exchanges,
            bytes.len(),
            started.elapsed().as_secs_f64()
        );
        // The same timebank as a file, for the browser benchmarks.
        let file = target_dir().join(format!("ledger-bench-{}.tally", size.name));
        if let Err(error) = std::fs::write(&file, &bytes) {
            eprintln!("could not write {}: {error}", file.display());
        }
        // Fields: size, exchanges, bytes, bytes per record, then for the
        // sizes criterion does not measure, one bare load and one ledger
        // load in nanoseconds.
        sizes_report.push_str(&format!(
            "{}\t{}\t{}\t{}",
            size.name,
            size.exchanges,
            bytes.len(),
            bytes.len() / (size.exchanges + size.listings).max(1),
        ));
        if !measured(size) {
            // Each loaded copy is dropped after its time is taken.
            let bare = {
                let started = Instant::now();
                let _doc = black_box(AutoCommit::load(&bytes).expect("loads"));
                started.elapsed()
            };
            let derived = {
                let started = Instant::now();
                let _timebank =
                    black_box(Timebank::load(&bytes, Box::new(Seeded(3))).expect("loads"));
                started.elapsed()
            };
            sizes_report.push_str(&format!("\t{}\t{}", bare.as_nanos(), derived.as_nanos()));
        }
        sizes_report.push('\n');
        if measured(size) {
            // The same exchanges, every record signed.
            let started = Instant::now();
            let signed = signed::build(size).0.save();
            eprintln!(
                "built the signed {} timebank ({} bytes) in {:.1} s",
                size.name,
                signed.len(),
                started.elapsed().as_secs_f64()
            );
            let file = target_dir().join(format!("ledger-bench-{}-signed.tally", size.name));
            if let Err(error) = std::fs::write(&file, &signed) {
                eprintln!("could not write {}: {error}", file.display());
            }
            sizes_report.push_str(&format!(
                "{}-signed\t{}\t{}\t{}\n",
                size.name,
                size.exchanges,
                signed.len(),
                signed.len() / (size.exchanges + size.listings).max(1),
            ));
            built.push((size, coordinator, members, bytes, signed));
        }
    }
    // Sizes at rest, for `cargo xtask bench` to print beside the times.
    let path = target_dir().join("ledger-bench-sizes.tsv");
    if let Err(error) = std::fs::write(&path, sizes_report) {
        eprintln!("could not write {}: {error}", path.display());
    }
    built
}

/// The same timebank with its trust founded on a device (a fixed key), as
/// the app founds an older timebank on the first coordinator's device to
/// open it: everything in it is vouched for by the founding, and each
/// opening checks what the founding saw.
fn founded_copy(bytes: &[u8], coordinator: &MemberId) -> Vec<u8> {
    use ed25519_dalek::Signer;
    let mut timebank = Timebank::load(bytes, Box::new(Seeded(11))).expect("loads");
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    timebank.use_device_key(ledger::trust::DeviceKey::from_bytes(
        key.verifying_key().to_bytes(),
    ));
    let draft = timebank
        .prepare_founding(coordinator, NOW)
        .expect("its coordinator founds it");
    let signature = ledger::trust::Signature::from_bytes(key.sign(&draft.bytes).to_bytes());
    timebank
        .add_certificate(draft, signature, NOW)
        .expect("founded");
    timebank.save()
}

fn benches(c: &mut Criterion) {
    for (size, coordinator, members, bytes, signed) in write_files() {
        let mut group = c.benchmark_group(size.name);
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if size.exchanges > 10_000 {
            20
        } else {
            5
        }));
        group.warm_up_time(Duration::from_secs(1));

        group.bench_function("automerge_load", |b| {
            b.iter(|| AutoCommit::load(black_box(&bytes)).expect("loads"))
        });
        group.bench_function("load_and_derive", |b| {
            b.iter(|| Timebank::load(black_box(&bytes), Box::new(Seeded(3))).expect("loads"))
        });
        let founded = founded_copy(&bytes, &coordinator);
        group.bench_function("load_founded_and_derive", |b| {
            b.iter(|| Timebank::load(black_box(&founded), Box::new(Seeded(12))).expect("loads"))
        });

        group.bench_function("load_signed_and_derive", |b| {
            b.iter(|| Timebank::load(black_box(&signed), Box::new(Seeded(13))).expect("loads"))
        });
        // Opened again on the same device, with the signatures it checked
        // the first time.
        let checked = Timebank::load(&signed, Box::new(Seeded(15)))
            .expect("loads")
            .checked_signatures();
        group.bench_function("load_signed_again", |b| {
            b.iter(|| {
                let timebank =
                    Timebank::load_remembering(black_box(&signed), Box::new(Seeded(16)), &checked)
                        .expect("loads");
                assert_eq!(timebank.signatures_checked(), 0);
                timebank
            })
        });
        // 200 signed exchanges from another device, arriving by sync: the
        // changes applied to the document (as the sync protocol does), then
        // read, judged and counted.
        let arriving = signed::more_signed(&signed, &coordinator, &members, 200);
        group.bench_function("sync_200_signed", |b| {
            b.iter_batched(
                || Timebank::load(&signed, Box::new(Seeded(14))).expect("loads"),
                |mut timebank| {
                    let before = timebank.heads();
                    let count = timebank.exchanges().count();
                    timebank
                        .document_mut()
                        .load_incremental(&arriving)
                        .expect("applies");
                    timebank.refresh_since(&before);
                    assert_eq!(timebank.exchanges().count(), count + 200);
                    timebank
                },
                BatchSize::PerIteration,
            )
        });

        // The exchanges page, filtered (see `find_exchanges`): one
        // member's, and one paper slip's.
        let reader = Timebank::load(&bytes, Box::new(Seeded(17))).expect("loads");
        let by_member = ExchangeQuery {
            account: Some(Account::Member(members[members.len() - 1].clone())),
            ..ExchangeQuery::default()
        };
        group.bench_function("find_exchanges_by_member", |b| {
            b.iter(|| {
                let found = reader.find_exchanges(black_box(&by_member), NOW);
                assert!(!found.is_empty());
                found.len()
            })
        });
        let by_slip = ExchangeQuery {
            slip: Some("7".into()),
            ..ExchangeQuery::default()
        };
        group.bench_function("find_exchanges_by_slip", |b| {
            b.iter(|| {
                let found = reader.find_exchanges(black_box(&by_slip), NOW);
                assert_eq!(found.len(), 1);
                found.len()
            })
        });

        let mut recorder = Timebank::load(&bytes, Box::new(Seeded(4))).expect("loads");
        let mut random = Seeded(5);
        group.bench_function("record_one_exchange", |b| {
            b.iter(|| record_one(&mut recorder, &coordinator, &members, &mut random))
        });

        // Two copies that each recorded 500 exchanges apart.
        let mut left = Timebank::load(&bytes, Box::new(Seeded(6))).expect("loads");
        let mut right = left.fork(Box::new(Seeded(7)));
        let mut random = Seeded(8);
        for _ in 0..500 {
            record_one(&mut left, &coordinator, &members, &mut random);
            record_one(&mut right, &coordinator, &members, &mut random);
        }
        let (left_bytes, right_bytes) = (left.save(), right.save());
        group.bench_function("merge_500_each_way", |b| {
            b.iter_batched(
                || {
                    (
                        Timebank::load(&left_bytes, Box::new(Seeded(9))).expect("loads"),
                        Timebank::load(&right_bytes, Box::new(Seeded(10))).expect("loads"),
                    )
                },
                |(mut left, mut right)| left.merge(&mut right).expect("merges"),
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }
}

criterion_group!(ledger_benches, benches);

fn main() {
    if std::env::var_os("TALLY_BENCH_FILES_ONLY").is_some() {
        write_files();
        return;
    }
    ledger_benches();
    Criterion::default().configure_from_args().final_summary();
}
