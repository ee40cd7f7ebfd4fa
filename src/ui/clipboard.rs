//! Copying text: the async Clipboard API when the page may use it, else the old
//! hidden-textarea + `execCommand('copy')`, whose boolean is checked.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; true when a copy really happened.
pub async fn copy_text(text: &str) -> bool {
    if let Some(clip) = clipboard() {
        if JsFuture::from(clip.write_text(text)).await.is_ok() {
            return true;
        }
    }
    exec_command_copy(text)
}

/// `navigator.clipboard`, which is undefined outside secure contexts.
fn clipboard() -> Option<web_sys::Clipboard> {
    let nav = web_sys::window()?.navigator();
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).ok()?;
    if clip.is_undefined() || clip.is_null() {
        return None;
    }
    clip.dyn_into().ok()
}

fn exec_command_copy(text: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = doc.body() else { return false };
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(ta) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    ta.set_value(text);
    let _ = ta.set_attribute("readonly", "");
    let _ = ta.set_attribute("class", "gs-offscreen");
    if body.append_child(&ta).is_err() {
        return false;
    }
    ta.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    ta.remove();
    ok
}

/// Selects the text of the element with `id`, so the user can copy it by hand when
/// the browser refused both ways of copying.
pub fn select_contents(id: &str) {
    let Some(win) = web_sys::window() else { return };
    let Some(doc) = win.document() else { return };
    let (Some(el), Ok(Some(sel))) = (doc.get_element_by_id(id), win.get_selection()) else {
        return;
    };
    let _ = sel.select_all_children(&el);
}
