//! The size floor of the PostgreSQL page: everything its core writes, under the
//! smallest Leptos view that reaches it (one input, one button, one output). Built for
//! wasm by `scripts/floor.sh`, which prints its bytes next to the real page's: what the
//! page costs beyond this is its form's view. Natively it is an empty program.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(Floor);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

/// Every part the page writes, from a share link typed into one input (so that nothing
/// is known at compile time and nothing is left out).
#[cfg(target_arch = "wasm32")]
fn everything(link: &str) -> String {
    use grantsmith::core::*;
    let pairs = share::fragment_pairs(link);
    let p = match profile::Profile::read(&pairs) {
        Ok(p) => p,
        Err(e) => return e.join("\n"),
    };
    let mut i = p.start(p.start_db());
    for (k, v) in &pairs {
        if let Some(f) = Field::from_key(k) {
            i.set(f, v.clone());
        }
    }
    let mut s = check(&i).hint;
    let parts = [
        Part::Setup,
        Part::Verify,
        Part::Uninstall,
        Part::Conn,
        Part::PolicyName,
        Part::Summary,
        Part::Inspect,
    ];
    for part in parts {
        s += &render(&i, part).unwrap_or_default();
    }
    for c in client::Client::for_db(i.db) {
        if let Some(Ok(f)) = client_form(&i, *c) {
            s += &f;
        }
    }
    s += &p.share_fragment(&i);
    s += &p.page_fragment(&i);
    s += host::unreal_host_note(i.get(Field::Host)).unwrap_or_default();
    for w in traps::warnings(i.get(Field::Host), i.get(Field::Port)) {
        s += w;
    }
    let form = new_schema_form::SchemaForm {
        schema: link.into(),
        role: link.into(),
        owner: link.into(),
    };
    s += &new_schema_form::schema_grant(&form).sql.unwrap_or_default();
    s
}

/// The smallest view: the link, Generate, the text.
#[cfg(target_arch = "wasm32")]
#[component]
fn Floor() -> impl IntoView {
    let link = RwSignal::new(String::new());
    let out = RwSignal::new(String::new());
    view! {
        <input prop:value=link on:input=move |ev| link.set(event_target_value(&ev))/>
        <button on:click=move |_| out.set(everything(&link.get_untracked()))>"Generate"</button>
        <pre>{out}</pre>
    }
}
