//! One module per page; a page and the components only it uses sit together.

mod about;
mod attention;
mod backup;
mod create_timebank;
mod events;
mod exchange;
mod home;
mod member;
mod members;
mod not_found;
mod offers;
mod open_from_file;
mod record;
mod reports;
mod settings;
mod start;
mod welcome;
mod who_are_you;

pub use about::About;
pub use attention::{Attention, CoordinatorTabs};
pub use backup::Backup;
pub use create_timebank::{CreateTimebank, focus_first_invalid};
pub use events::Events;
pub use exchange::{ExchangePage, account_name};
pub use home::Home;
pub use member::MemberPage;
pub use members::Members;
pub use not_found::NotFound;
pub use offers::Offers;
pub use open_from_file::OpenFromFile;
pub use record::{Record, active_member_choices};
pub use reports::Reports;
pub use settings::SettingsPage;
pub use start::Start;
pub use welcome::Welcome;
pub use who_are_you::WhoAreYou;
