//! Where the app's WebAssembly goes, by crate, for `cargo xtask bench`.
//!
//! Reads the module cargo linked for the release build (before wasm-bindgen
//! and wasm-opt, which keep no names), sums the size of each function's code
//! under the crate its name starts with, and prints the largest. Generic code
//! is counted under the crate that defines it, wherever it is used: most of
//! the app's views are closures inside tachys' generic `Render` code, and the
//! drop glue of every type is under `core`.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// How much of the module's code each crate holds, and its static data.
#[derive(Debug)]
pub struct Breakdown {
    /// Code bytes by crate, largest first.
    pub crates: Vec<(String, usize)>,
    pub data_bytes: usize,
}

impl Breakdown {
    pub fn code_bytes(&self) -> usize {
        self.crates.iter().map(|(_, bytes)| bytes).sum()
    }
}

/// Prints the table of the `shown` largest crates, the rest summed.
pub fn print(module: &Path, shown: usize) -> Result<()> {
    let bytes = std::fs::read(module)
        .with_context(|| format!("reading {} (built by the release build)", module.display()))?;
    let breakdown = breakdown(&bytes)?;
    let code = breakdown.code_bytes();
    println!(
        "\nThe app's WebAssembly by crate (code as linked, before wasm-bindgen and wasm-opt; generic code counts under the crate that defines it)"
    );
    println!("| crate | code | share |");
    println!("|---|---|---|");
    let share = |bytes: usize| format!("{:.1}%", 100.0 * bytes as f64 / code.max(1) as f64);
    for (name, bytes) in breakdown.crates.iter().take(shown) {
        println!("| {name} | {} | {} |", kib(*bytes), share(*bytes));
    }
    let rest = &breakdown.crates[shown.min(breakdown.crates.len())..];
    if !rest.is_empty() {
        let bytes = rest.iter().map(|(_, bytes)| bytes).sum();
        println!(
            "| {} other crates | {} | {} |",
            rest.len(),
            kib(bytes),
            share(bytes)
        );
    }
    println!("| all code | {} | 100% |", kib(code));
    println!(
        "| static data (strings, tables) | {} | - |",
        kib(breakdown.data_bytes)
    );
    Ok(())
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Sums a module's function bodies by the crate their names start with.
pub fn breakdown(module: &[u8]) -> Result<Breakdown> {
    let mut reader = Reader::new(module);
    if reader.take(8)? != b"\0asm\x01\0\0\0" {
        bail!("not a WebAssembly module");
    }
    let mut imported_functions = 0;
    let mut bodies = Vec::new();
    let mut names = BTreeMap::new();
    let mut data_bytes = 0;
    while !reader.done() {
        let id = reader.byte()?;
        let size = reader.leb()?;
        let mut section = Reader::new(reader.take(size)?);
        match id {
            2 => imported_functions = count_function_imports(&mut section)?,
            10 => {
                for _ in 0..section.leb()? {
                    let size = section.leb()?;
                    section.take(size)?;
                    bodies.push(size);
                }
            }
            11 => data_bytes = size,
            0 => {
                let name_length = section.leb()?;
                if section.take(name_length)? == b"name" {
                    read_function_names(&mut section, &mut names)?;
                }
            }
            _ => {}
        }
    }
    if names.is_empty() {
        bail!("the module keeps no function names: it must be the one cargo linked");
    }
    let mut crates: BTreeMap<String, usize> = BTreeMap::new();
    for (index, size) in bodies.into_iter().enumerate() {
        let name = names
            .get(&(imported_functions + index))
            .map_or("", String::as_str);
        // Descriptors that wasm-bindgen runs at build time and removes.
        if name.starts_with("__wbindgen_describe") {
            continue;
        }
        *crates.entry(crate_of(name)).or_default() += size;
    }
    let mut crates: Vec<(String, usize)> = crates.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Breakdown { crates, data_bytes })
}

/// The crate a function's (mangled) name starts with: `tachys` for
/// `tachys::view::…`, the type's crate for `<ledger::X as core::Y>::z`.
fn crate_of(mangled: &str) -> String {
    let demangled = format!("{:#}", rustc_demangle::demangle(mangled));
    let mut rest = demangled.as_str();
    loop {
        let trimmed = rest.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
        let trimmed = ["dyn ", "mut ", "const ", "impl "]
            .iter()
            .find_map(|prefix| trimmed.strip_prefix(prefix))
            .unwrap_or(trimmed);
        if trimmed == rest {
            break;
        }
        rest = trimmed;
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let first = &rest[..end];
    if first.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase()) {
        format!("(generic: <{first} as …>)")
    } else if !rest[end..].starts_with("::") {
        "(outside Rust: memcpy, allocator and glue)".to_string()
    } else {
        first.to_string()
    }
}

fn count_function_imports(section: &mut Reader) -> Result<usize> {
    let mut functions = 0;
    for _ in 0..section.leb()? {
        for _ in 0..2 {
            let length = section.leb()?;
            section.take(length)?;
        }
        match section.byte()? {
            0 => {
                section.leb()?;
                functions += 1;
            }
            1 => {
                section.byte()?;
                skip_limits(section)?;
            }
            2 => skip_limits(section)?,
            3 => {
                section.take(2)?;
            }
            4 => {
                section.byte()?;
                section.leb()?;
            }
            kind => bail!("unknown import kind {kind}"),
        }
    }
    Ok(functions)
}

fn skip_limits(section: &mut Reader) -> Result<()> {
    let flags = section.byte()?;
    section.leb()?;
    if flags & 1 == 1 {
        section.leb()?;
    }
    Ok(())
}

fn read_function_names(section: &mut Reader, names: &mut BTreeMap<usize, String>) -> Result<()> {
    while !section.done() {
        let kind = section.byte()?;
        let size = section.leb()?;
        let mut subsection = Reader::new(section.take(size)?);
        if kind == 1 {
            for _ in 0..subsection.leb()? {
                let index = subsection.leb()?;
                let length = subsection.leb()?;
                let name = String::from_utf8_lossy(subsection.take(length)?).into_owned();
                names.insert(index, name);
            }
        }
    }
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(count)
            .filter(|end| *end <= self.bytes.len())
            .context("the module ends too soon")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn leb(&mut self) -> Result<usize> {
        let mut value = 0usize;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("a number in the module is too long")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_count_under_the_crate_their_name_starts_with() {
        for (mangled, expected) in [
            (
                "_ZN6ledger8timebank8Timebank4open17h0123456789abcdefE",
                "ledger",
            ),
            (
                "_ZN55_$LT$tally..pages..Home$u20$as$u20$core..fmt..Debug$GT$3fmt17h0123456789abcdefE",
                "tally",
            ),
            (
                "_ZN4core3ptr44drop_in_place$LT$tally..session..Session$GT$17h0123456789abcdefE",
                "core",
            ),
            (
                "_ZN45_$LT$T$u20$as$u20$alloc..string..ToString$GT$9to_string17h0123456789abcdefE",
                "(generic: <T as …>)",
            ),
            ("memcpy", "(outside Rust: memcpy, allocator and glue)"),
        ] {
            assert_eq!(crate_of(mangled), expected, "{mangled}");
        }
    }

    #[test]
    fn a_module_is_summed_by_crate_and_its_imports_are_skipped() {
        // One imported function, two defined: function 1 is ledger's (3
        // bytes of body), function 2 alloc's (2 bytes); 4 bytes of data.
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        let import = [1, 1, b'm', 1, b'f', 0, 0];
        section(&mut module, 2, &import);
        section(&mut module, 10, &[2, 3, 0, 0x01, 0x0b, 2, 0, 0x0b]);
        section(&mut module, 11, &[1, 0, 0, 0]);
        let mut names = vec![4, b'n', b'a', b'm', b'e'];
        let mut entries = vec![2];
        for (index, name) in [
            (1u8, "_ZN6ledger4open17h0123456789abcdefE"),
            (2, "_ZN5alloc3vec17h0123456789abcdefE"),
        ] {
            entries.push(index);
            entries.push(name.len() as u8);
            entries.extend_from_slice(name.as_bytes());
        }
        names.push(1);
        names.push(entries.len() as u8);
        names.extend(entries);
        section(&mut module, 0, &names);

        let breakdown = breakdown(&module).unwrap();
        assert_eq!(
            breakdown.crates,
            vec![("ledger".to_string(), 3), ("alloc".to_string(), 2)]
        );
        assert_eq!(breakdown.data_bytes, 4);
    }

    #[test]
    fn a_module_without_names_is_refused_in_plain_words() {
        let error = breakdown(b"\0asm\x01\0\0\0").unwrap_err();
        assert!(error.to_string().contains("keeps no function names"));
    }

    fn section(module: &mut Vec<u8>, id: u8, body: &[u8]) {
        module.push(id);
        module.push(body.len() as u8);
        module.extend_from_slice(body);
    }
}
