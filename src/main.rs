//! Mounts the Tally app into the page; everything else lives in the library.

fn main() {
    tally::mount();
}
