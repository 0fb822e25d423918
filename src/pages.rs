//! One module per page; a page and the components only it uses sit together.

mod about;
mod attention;
mod backup;
mod create_timebank;
mod event;
mod events;
mod exchange;
mod exchanges;
mod fund;
mod home;
mod join;
mod listing;
mod member;
mod member_edit;
mod members;
mod members_list;
mod more;
mod not_found;
mod offers;
mod open_from_file;
mod printables;
mod record;
mod reports;
mod settings;
mod spreadsheets;
mod start;
mod sync_page;
mod trading_day;
mod trust_devices;
mod welcome;
mod who_are_you;

pub use about::About;
pub use attention::{Attention, CoordinatorTabs};
pub use backup::Backup;
pub use create_timebank::CreateTimebank;
pub use event::EventPage;
pub use events::Events;
pub use exchange::{ExchangePage, account_name};
pub use exchanges::{Exchanges, Filter as ExchangeFilter};
pub use fund::Fund;
pub use home::{CachedHome, Home, line_words, mark_words};
pub use join::JoinPage;
pub use listing::ListingPage;
pub use member::MemberPage;
pub use member_edit::MemberEdit;
pub use members::{CachedMembers, Members};
pub use members_list::MembersList;
pub use more::More;
pub use not_found::NotFound;
pub use offers::{EditListing, Offers};
pub use open_from_file::OpenFromFile;
pub use printables::Printables;
pub use record::{
    Record, active_member_choices, active_member_options, duration_hint, locked_month_hint,
    member_choices, slip_already_entered,
};
pub use reports::Reports;
pub use settings::SettingsPage;
pub use spreadsheets::Spreadsheets;
pub use start::{Opening, Start};
pub use sync_page::{SyncPage, status_kind, status_text};
pub use trading_day::TradingDay;
pub use trust_devices::{ConfirmButton, DeviceApprovals, ThisDevice, device_users, invite_choices};
pub use welcome::Welcome;
pub use who_are_you::WhoAreYou;

/// Links, one to a line, labelled by the heading `labelled_by`, or `empty`
/// in words when there are none: who is coming to an event, the exchanges
/// recorded for a listing.
#[leptos::component]
pub fn LinkList(
    labelled_by: &'static str,
    empty: crate::i18n::Text,
    /// (address, text) of each link.
    links: Vec<(String, String)>,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    use leptos_router::components::A;
    if links.is_empty() {
        let locale = crate::i18n::Locale::get();
        return view! { <p>{locale.t(empty)}</p> }.into_any();
    }
    view! {
        <ul class="history" aria-labelledby=labelled_by>
            {links.into_iter().map(|(href, text)| view! { <li><A href=href>{text}</A></li> }).collect_view()}
        </ul>
    }
    .into_any()
}
