//! Form fields with their label, hint and error message tied together for
//! screen readers (`aria-describedby`, `aria-invalid`).

use leptos::prelude::*;

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
