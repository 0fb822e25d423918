//! One module per page; a page and the components only it uses sit together.

mod about;
mod create_timebank;
mod not_found;
mod open_from_file;
mod welcome;

pub use about::About;
pub use create_timebank::CreateTimebank;
pub use not_found::NotFound;
pub use open_from_file::OpenFromFile;
pub use welcome::Welcome;
