//! The Leptos view: read signals, call `core`, render. Nothing here decides what SQL
//! says; it only shows what `core` returns.

mod builder;
mod clipboard;
mod copy_button;
mod field;
mod options;
mod schema_grant;
mod script_block;

use leptos::prelude::*;

pub use builder::Builder;
pub use schema_grant::SchemaGrant;

/// The page: the connection builder, then the new-schema grant applet.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="gs">
            <h1 class="gs-title">"Grantsmith"</h1>
            <p class="gs-lead">
                "SQL for a least-privilege PostgreSQL user and its connection string, "
                "generated in this page. Nothing you type leaves it."
            </p>
            <Builder/>
            <h2 class="gs-h2">"Grant access to a schema created later"</h2>
            <SchemaGrant/>
        </main>
    }
}
