//! Form fields with their label, hint and error message tied together for
//! screen readers (`aria-describedby`, `aria-invalid`).

use leptos::prelude::*;

use crate::first_paint::escape;

/// A labelled text input. `error` shows next to the field when set.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] input_mode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone() aria-live="polite">{move || hint.get()}</p> })}
            <input
                id=id
                type=input_type.unwrap_or("text")
                inputmode=input_mode
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            <p class="error" id=error_id.clone() role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// Moves focus to the first field marked invalid, so keyboard and screen
/// reader users land on the problem.
pub fn focus_first_invalid() {
    // After the error messages have rendered.
    request_animation_frame(|| {
        focus(
            document()
                .query_selector("[aria-invalid='true']")
                .ok()
                .flatten(),
        )
    });
}

/// Moves focus to the element with id `id`, if the page has it.
pub fn focus_id(id: &str) {
    focus(document().get_element_by_id(id));
}

fn focus(element: Option<web_sys::Element>) {
    if let Some(element) = element
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = element.focus();
    }
}

/// One field's message out of a form's set of errors, for a [`TextField`].
pub fn field_error<E: Send + Sync + 'static>(
    errors: RwSignal<E>,
    pick: fn(&E) -> Option<String>,
) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(pick))
}

/// A `<select>` of many options (every member, say), written at once (see
/// [`options_html`]) and drawn again only when `options` differ; what is
/// chosen stays chosen.
#[component]
pub fn LongSelect(
    #[prop(into)] id: String,
    value: RwSignal<String>,
    /// Each `(value, label)`, the first one (nothing chosen yet) included.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <select
            id=id
            on:change=move |e| value.set(event_target_value(&e))
            inner_html=move || options.with(|options| options_html(options, &value.get_untracked()))
            prop:value=move || value.get()
        ></select>
    }
}

/// A `<select>`'s options as HTML, each `(value, label)`, the one whose
/// value is `selected` marked so: set as the select's `inner_html`, a list
/// of thousands of members is one call into the page instead of thousands
/// (a large timebank's member lists otherwise took a tenth of a second to
/// draw on a slow phone). Values and labels are escaped.
pub fn options_html(options: &[(String, String)], selected: &str) -> String {
    let mut html = String::with_capacity(options.len() * 64);
    for (value, label) in options {
        html.push_str("<option value=\"");
        html.push_str(&escape(value));
        html.push('"');
        if value == selected {
            html.push_str(" selected");
        }
        html.push('>');
        html.push_str(&escape(label));
        html.push_str("</option>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names with any characters come out as text, never as markup, and
    /// only the chosen value is selected.
    #[test]
    fn options_are_escaped_and_only_the_chosen_one_is_selected() {
        let options = vec![
            (String::new(), "Anyone".to_string()),
            (
                "m-1".to_string(),
                "Ann <script>alert(1)</script> & \"Bo\" O'Neil (No. 4)".to_string(),
            ),
            ("a\"b".to_string(), "Quote".to_string()),
        ];
        assert_eq!(
            options_html(&options, "m-1"),
            "<option value=\"\">Anyone</option>\
             <option value=\"m-1\" selected>Ann &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bo&quot; O&#39;Neil (No. 4)</option>\
             <option value=\"a&quot;b\">Quote</option>"
        );
        assert_eq!(options_html(&options, "").matches(" selected").count(), 1);
        assert_eq!(
            options_html(&options, "nobody")
                .matches(" selected")
                .count(),
            0
        );
    }
}
