//! Each page's `<h1>`, which takes keyboard and screen-reader focus when the
//! person navigates to the page, so a screen reader announces where they are.

use leptos::prelude::*;

/// Remembers whether the first page has been shown: on first load the
/// browser's own focus handling is right, and focusing the heading then would
/// steal a screen reader's reading position.
#[derive(Clone, Copy)]
pub struct HeadingFocus {
    first_page_shown: StoredValue<bool>,
}

impl HeadingFocus {
    pub fn provide() {
        provide_context(HeadingFocus {
            first_page_shown: StoredValue::new(false),
        });
    }

    /// True for every page after the first.
    fn should_focus(self) -> bool {
        let arrived_by_navigation = self.first_page_shown.get_value();
        self.first_page_shown.set_value(true);
        arrived_by_navigation
    }
}

/// The page's heading; `id` lets the page's section point at it with
/// `aria-labelledby`.
#[component]
pub fn PageHeading(id: &'static str, children: Children) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let focus = use_context::<HeadingFocus>();
    Effect::new(move |_| {
        if let Some(element) = heading.get()
            && focus.is_some_and(HeadingFocus::should_focus)
        {
            let _ = element.focus();
        }
    });
    view! {
        <h1 id=id tabindex="-1" node_ref=heading>
            {children()}
        </h1>
    }
}
