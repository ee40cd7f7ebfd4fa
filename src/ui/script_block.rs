//! One generated script on screen: heading, Copy button, optional download, the text.

use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::reactive::derived;
use crate::core::conn::percent_encode;

/// A titled, copyable (and optionally downloadable) block of generated text.
#[component]
pub fn ScriptBlock(
    /// Heading text.
    title: &'static str,
    /// `id` of the `<code>` element (selected when copying fails).
    code_id: &'static str,
    /// `data-testid` of the `<code>` element.
    testid: &'static str,
    /// Idle label of the copy button.
    copy_label: &'static str,
    /// `data-testid` of the copy button.
    copy_testid: &'static str,
    /// The text shown, copied and downloaded.
    text: Signal<String>,
    /// `(data-testid, file name)` of a download link, when the block offers one.
    #[prop(optional)]
    download: Option<(&'static str, Signal<&'static str>)>,
    /// Extra class on the code box (`gs-code-sql` gives the original's tall box).
    #[prop(optional)]
    box_class: &'static str,
    /// Shown between the heading and the text.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let link = download.map(|(tid, file)| {
        // A data: URL made in the page: downloading sends nothing anywhere. It is
        // written into the link on click, not on every render (Generate stays fast).
        let set_href = move |ev: leptos::ev::MouseEvent| {
            let url = format!(
                "data:text/plain;charset=utf-8,{}",
                percent_encode(&text.get_untracked())
            );
            let _ = event_target::<web_sys::Element>(&ev).set_attribute("href", &url);
        };
        view! {
            <a class="gs-btn gs-btn-small gs-btn-light" data-testid=tid download=file href="#"
                on:click=set_href>
                {move || format!("Download .{}", file.get().rsplit('.').next().unwrap_or("txt"))}
            </a>
        }
    });
    view! {
        <div class="gs-out">
            <div class="gs-out-head">
                <h2>{title}</h2>
                <div class="gs-out-actions">
                    {link}
                    <CopyButton label=copy_label testid=copy_testid text=text select_id=code_id
                        disabled=derived(move || text.with(String::is_empty))/>
                </div>
            </div>
            {children.map(|c| c())}
            <div class=format!("gs-code-box {box_class}")>
                // Focusable: a long script scrolls, and keyboard users must reach it.
                <pre tabindex="0"><code id=code_id data-testid=testid>{text}</code></pre>
            </div>
        </div>
    }
}

/// A `<details>` section whose content is built only once it is opened, so what it
/// shows costs nothing at Generate time.
// Only the fuller pages have sections built on first open.
#[cfg(feature = "extras")]
#[component]
pub fn LazyDetails(
    /// The summary line.
    summary: &'static str,
    /// The content, built on first open.
    children: ChildrenFn,
    /// Open from the start (the part asked for on the page that handed the form over).
    #[prop(optional)]
    open_at_start: bool,
    /// The summary's id, where another page's control hands the reader over to it.
    #[prop(optional)]
    id: &'static str,
) -> impl IntoView {
    let open = RwSignal::new(open_at_start);
    view! {
        // `open` drives the element too: a form rebuilt in place (another database's)
        // reuses this element, which must not stay open around content never built.
        <details class="gs-more" prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary id=(!id.is_empty()).then_some(id)>{summary}</summary>
            {move || open.get().then(|| children())}
        </details>
    }
}
