//! Components mounted in a real browser (headless Chromium through
//! wasm-bindgen-test), asserting on the DOM a person would see.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app into a fresh container and returns the container.
fn mount_app() -> web_sys::HtmlElement {
    let document = document();
    let container: web_sys::HtmlElement =
        document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), tally::App);
    // Keep the app mounted for the rest of the test.
    handle.forget();
    container
}

fn texts(container: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.text_content())
        .map(|text| text.trim().to_string())
        .collect()
}

/// Waits, one animation frame at a time, until `selector` matches inside the
/// container (the router renders its page after mounting); gives up after
/// about two seconds of frames.
async fn rendered(container: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..120 {
        if container.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
    panic!("nothing matched {selector} in {}", container.inner_html());
}

#[wasm_bindgen_test]
async fn first_run_screen_offers_create_and_open() {
    let container = mount_app();
    rendered(&container, "main h1").await;
    assert_eq!(texts(&container, "main h1"), ["Welcome to Tally"]);
    let actions = texts(&container, "main .choices a");
    assert_eq!(
        actions,
        ["Create a timebank", "Open a timebank from a file"]
    );
    let hrefs: Vec<String> = {
        let links = container.query_selector_all("main .choices a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .filter_map(|link| link.get_attribute("href"))
            .collect()
    };
    assert_eq!(hrefs, ["/create", "/open"]);
    container.remove();
}

#[wasm_bindgen_test]
fn navigation_is_labelled_and_marks_the_current_page() {
    let container = mount_app();
    let nav = container
        .query_selector("nav[aria-label='Main']")
        .unwrap()
        .expect("a navigation landmark labelled Main");
    let current = nav
        .query_selector("a[aria-current='page']")
        .unwrap()
        .expect("the current page is marked");
    assert_eq!(current.text_content().unwrap_or_default(), "Start");
    container.remove();
}
