//! What a founding vouched for, read quickly from the document as it is now,
//! is what reading every exchange at the founding's heads finds: over
//! documents written on three copies that fork and merge, with exchanges and
//! log entries added, edited, written over, deleted and their logs replaced,
//! before and after the founding.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT, ReadDoc};
use proptest::prelude::*;

use super::{
    EXCHANGES, LOG, edited_since, exchange_writing, read_all_exchanges, vouched_at,
    vouched_by_reading_history,
};

#[derive(Debug, Clone)]
enum Step {
    Record {
        copy: usize,
        exchange: usize,
    },
    Edit {
        copy: usize,
        exchange: usize,
    },
    Log {
        copy: usize,
        exchange: usize,
        entry: usize,
    },
    EditEntry {
        copy: usize,
        exchange: usize,
        entry: usize,
    },
    Delete {
        copy: usize,
        exchange: usize,
    },
    DeleteEntry {
        copy: usize,
        exchange: usize,
        entry: usize,
    },
    NewLog {
        copy: usize,
        exchange: usize,
    },
    Seal {
        copy: usize,
        exchange: usize,
    },
    Merge {
        from: usize,
        into: usize,
    },
    Found {
        copy: usize,
    },
}

fn id(n: usize) -> String {
    format!("{n:032x}")
}

fn step() -> impl Strategy<Value = Step> {
    let (c, e, n) = (0..3usize, 0..5usize, 0..4usize);
    prop_oneof![
        3 => (c.clone(), e.clone()).prop_map(|(copy, exchange)| Step::Record { copy, exchange }),
        1 => (c.clone(), e.clone()).prop_map(|(copy, exchange)| Step::Edit { copy, exchange }),
        2 => (c.clone(), e.clone(), n.clone()).prop_map(|(copy, exchange, entry)| Step::Log { copy, exchange, entry }),
        1 => (c.clone(), e.clone(), n.clone()).prop_map(|(copy, exchange, entry)| Step::EditEntry { copy, exchange, entry }),
        1 => (c.clone(), e.clone()).prop_map(|(copy, exchange)| Step::Delete { copy, exchange }),
        1 => (c.clone(), e.clone(), n).prop_map(|(copy, exchange, entry)| Step::DeleteEntry { copy, exchange, entry }),
        1 => (c.clone(), e.clone()).prop_map(|(copy, exchange)| Step::NewLog { copy, exchange }),
        1 => (c.clone(), e).prop_map(|(copy, exchange)| Step::Seal { copy, exchange }),
        2 => (c.clone(), c.clone()).prop_map(|(from, into)| Step::Merge { from, into }),
        1 => c.prop_map(|copy| Step::Found { copy }),
    ]
}

fn exchange(doc: &AutoCommit, n: usize) -> Option<automerge::ObjId> {
    let all = super::map(doc, &ROOT, EXCHANGES)?;
    super::map(doc, &all, &id(n))
}

fn log(doc: &AutoCommit, n: usize) -> Option<automerge::ObjId> {
    super::map(doc, &exchange(doc, n)?, LOG)
}

/// Applies `step`; returns the heads of a founding.
fn apply(
    copies: &mut [AutoCommit],
    step: &Step,
    round: usize,
) -> Option<Vec<automerge::ChangeHash>> {
    match *step {
        Step::Record { copy, exchange: n } => {
            let doc = &mut copies[copy];
            let all = super::map(doc, &ROOT, EXCHANGES).unwrap();
            let obj = doc.put_object(&all, id(n), ObjType::Map).unwrap();
            doc.put(&obj, "minutes", round as i64).unwrap();
            let log = doc.put_object(&obj, LOG, ObjType::Map).unwrap();
            let entry = doc.put_object(&log, id(100 + round), ObjType::Map).unwrap();
            doc.put(&entry, "kind", "recorded").unwrap();
        }
        Step::Edit { copy, exchange: n } => {
            if let Some(obj) = exchange(&copies[copy], n) {
                copies[copy]
                    .put(&obj, "minutes", 1000 + round as i64)
                    .unwrap();
            }
        }
        Step::Log {
            copy,
            exchange: n,
            entry,
        } => {
            if let Some(log) = log(&copies[copy], n) {
                let obj = copies[copy]
                    .put_object(&log, id(200 + entry), ObjType::Map)
                    .unwrap();
                copies[copy].put(&obj, "kind", "confirmed").unwrap();
            }
        }
        Step::EditEntry {
            copy,
            exchange: n,
            entry,
        } => {
            if let Some(obj) = log(&copies[copy], n)
                .and_then(|log| super::map(&copies[copy], &log, &id(200 + entry)))
            {
                copies[copy].put(&obj, "kind", "rejected").unwrap();
            }
        }
        Step::Delete { copy, exchange: n } => {
            let all = super::map(&copies[copy], &ROOT, EXCHANGES).unwrap();
            let _ = copies[copy].delete(&all, id(n));
        }
        Step::DeleteEntry {
            copy,
            exchange: n,
            entry,
        } => {
            if let Some(log) = log(&copies[copy], n) {
                let _ = copies[copy].delete(&log, id(200 + entry));
            }
        }
        Step::NewLog { copy, exchange: n } => {
            if let Some(obj) = exchange(&copies[copy], n) {
                let log = copies[copy].put_object(&obj, LOG, ObjType::Map).unwrap();
                let entry = copies[copy]
                    .put_object(&log, id(300 + round), ObjType::Map)
                    .unwrap();
                copies[copy].put(&entry, "kind", "recorded").unwrap();
            }
        }
        Step::Seal { copy, exchange: n } => {
            if let Some(obj) = exchange(&copies[copy], n) {
                copies[copy]
                    .put(&obj, super::SIG, vec![round as u8])
                    .unwrap();
            }
        }
        Step::Merge { from, into } => {
            if from != into {
                let mut other = copies[from].clone();
                copies[into].merge(&mut other).unwrap();
            }
        }
        Step::Found { copy } => {
            copies[copy].commit();
            return Some(copies[copy].get_heads());
        }
    }
    copies.iter_mut().for_each(|doc| {
        doc.commit();
    });
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn read_now_it_is_what_reading_at_the_founding_finds(steps in prop::collection::vec(step(), 1..40)) {
        let mut first = AutoCommit::new();
        first.put_object(ROOT, EXCHANGES, ObjType::Map).unwrap();
        first.commit();
        let mut copies = vec![first.fork(), first.fork(), first.fork()];
        let mut foundings = vec![first.get_heads()];
        for (round, step) in steps.iter().enumerate() {
            foundings.extend(apply(&mut copies, step, round));
        }
        // Everything reaches copy 0, which reads each founding.
        let (zero, rest) = copies.split_first_mut().unwrap();
        for other in rest {
            zero.merge(other).unwrap();
        }
        for heads in &foundings {
            let slow = vouched_by_reading_history(zero, heads);
            let quick = vouched_at(zero, heads, None);
            prop_assert!(quick.same_as(&slow), "{heads:?}: {quick:?} / {slow:?}");
            prop_assert_eq!(edited_since(&quick), edited_since(&slow));
            // With the objects read with the exchanges: the same.
            let (exchanges, objects) = read_all_exchanges(zero);
            // How each was written, found from the change index read with
            // them: the same as asking the document.
            for exchange in &exchanges {
                prop_assert_eq!(
                    objects.writing(&exchange.id),
                    exchange_writing(zero, &exchange.id)
                );
            }
            let read = vouched_at(zero, heads, Some(&objects));
            prop_assert!(read.same_as(&slow), "{heads:?}: {read:?} / {slow:?}");
            prop_assert_eq!(edited_since(&read), edited_since(&slow));
        }
        // The current state as a founding: nothing later, nothing edited.
        let now = zero.get_heads();
        let quick = vouched_at(zero, &now, None);
        prop_assert!(quick.same_as(&vouched_by_reading_history(zero, &now)));
        prop_assert_eq!(edited_since(&quick), Default::default());
        prop_assert_eq!(quick.exchanges.len(), zero.keys(super::map(zero, &ROOT, EXCHANGES).unwrap()).count());
    }
}
