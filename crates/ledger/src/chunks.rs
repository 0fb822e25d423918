//! Strict reading of saved bytes. Automerge's own incremental loading skips a
//! damaged or truncated tail without saying so; an import that silently took
//! half a file would lose data without anyone knowing. So the bytes are first
//! split into Automerge's storage chunks, and any incomplete chunk or chunk
//! that fails its checksum refuses the whole input.

use automerge::{AutoCommit, Change, ChangeHash, LoadOptions, OnPartialLoad};

const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const DOCUMENT_CHUNK: u8 = 0;

/// Everything `bytes` holds, checked, as a document to merge from.
/// `base` is a fork of the receiving document, so changes whose
/// dependencies are already there can be applied.
pub fn read_strictly(bytes: &[u8], mut base: AutoCommit) -> Result<AutoCommit, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_string());
    }
    let mut changes = Vec::new();
    for (chunk_type, chunk) in split(bytes)? {
        if chunk_type == DOCUMENT_CHUNK {
            let options = LoadOptions::new().on_partial_load(OnPartialLoad::Error);
            let mut document =
                AutoCommit::load_with_options(chunk, options).map_err(|e| e.to_string())?;
            base.merge(&mut document).map_err(|e| e.to_string())?;
        } else {
            changes.push(Change::try_from(chunk).map_err(|e| e.to_string())?);
        }
    }
    base.apply_changes(changes).map_err(|e| e.to_string())?;
    Ok(base)
}

/// The changes `bytes` hold, by hash: each change chunk's, and for a whole
/// document its heads (which name every change it holds).
pub fn change_hashes(bytes: &[u8]) -> Result<Vec<ChangeHash>, String> {
    let mut hashes = Vec::new();
    for (chunk_type, chunk) in split(bytes)? {
        if chunk_type == DOCUMENT_CHUNK {
            let options = LoadOptions::new().on_partial_load(OnPartialLoad::Error);
            let mut document =
                AutoCommit::load_with_options(chunk, options).map_err(|e| e.to_string())?;
            hashes.extend(document.get_heads());
        } else {
            hashes.push(Change::try_from(chunk).map_err(|e| e.to_string())?.hash());
        }
    }
    Ok(hashes)
}

/// Splits bytes into (chunk type, whole chunk) pairs; fails on anything that
/// is not a complete chunk.
fn split(bytes: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    let mut chunks = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        if rest.len() < 9 || rest[..4] != MAGIC {
            return Err("not Automerge data".to_string());
        }
        let chunk_type = rest[8];
        let (length, length_bytes) = uleb128(&rest[9..]).ok_or("a damaged chunk header")?;
        let total = 9usize
            .checked_add(length_bytes)
            .and_then(|n| n.checked_add(usize::try_from(length).ok()?))
            .ok_or("a chunk too large")?;
        if total > rest.len() {
            return Err("the data is cut short".to_string());
        }
        chunks.push((chunk_type, &rest[..total]));
        rest = &rest[total..];
    }
    Ok(chunks)
}

fn uleb128(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    for (index, byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Some((value, index + 1));
        }
    }
    None
}
