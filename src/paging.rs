//! Long lists in pages: the first few dozen items, then "Show more". A
//! timebank of 2,000 members and 5,000 listings stays quick on a phone. A
//! search box over such a list starts it again from its first page.

use leptos::prelude::*;

use crate::i18n::{Locale, Text};

/// How many items a list shows at first, and adds each time.
pub const PAGE: usize = 50;

/// Says how many of `total` are shown and offers the next page. Focus stays
/// on the button, so keyboard users carry on where they were.
#[component]
pub fn ShowMore(#[prop(into)] total: Signal<usize>, shown: RwSignal<usize>) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <div class="show-more">
                <p role="status">
                    {move || locale.language().fill(
                        Text::ShowingCount,
                        &[("shown", &shown.get().to_string()), ("total", &total.get().to_string())],
                    )}
                </p>
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || {
                        let next = (total.get() - shown.get()).min(PAGE);
                        locale.language().fill(Text::ShowMoreButton, &[("count", &next.to_string())])
                    }}
                </button>
            </div>
        </Show>
    }
}

/// A search box over a long list: each keystroke filters, and the list
/// starts again from its first page.
#[component]
pub fn SearchField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    query: RwSignal<String>,
    shown: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type="search"
                prop:value=move || query.get()
                on:input=move |event| {
                    query.set(event_target_value(&event));
                    shown.set(PAGE);
                }
            />
        </div>
    }
}
