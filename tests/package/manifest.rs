//! The Custom Elements Manifest (schema 2.x, https://github.com/webcomponents/custom-elements-manifest)
//! of `<grantsmith-builder>`, written from the core's attribute list.

use grantsmith::core::profile::attributes::{Attribute, Takes};
use serde_json::{json, Value};

/// The type of an attribute's value, as TypeScript writes it (the manifest's
/// `type.text` is a TypeScript type by the schema's convention).
pub fn ts_type(t: &Takes) -> String {
    match t {
        Takes::OneOf(v) => v
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(" | "),
        Takes::Text | Takes::ListOf(_) | Takes::Colour => "string".into(),
    }
}

/// The attribute's sentence, with what a list or colour takes spelled out.
pub fn description(a: &Attribute) -> String {
    match &a.takes {
        Takes::ListOf(v) => format!("{} Comma-separated, some of: {}.", a.doc, v.join(", ")),
        Takes::Colour => format!("{} Written #rgb or #rrggbb.", a.doc),
        _ => a.doc.clone(),
    }
}

/// The manifest, for the package `version`.
pub fn manifest(attrs: &[Attribute], version: &str) -> Value {
    let attributes: Vec<Value> = attrs
        .iter()
        .map(|a| json!({"name": a.name, "description": description(a), "type": {"text": ts_type(&a.takes)}}))
        .collect();
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": "embed.js",
            "description": format!("grantsmith {version}: the embed script. Load it once per page; every <grantsmith-builder> (and [data-grantsmith] element) becomes the builder in a frame served from the same folder."),
            "declarations": [{
                "kind": "class",
                "name": "GrantsmithBuilder",
                "tagName": "grantsmith-builder",
                "customElement": true,
                "superclass": {"name": "HTMLElement", "package": "global:"},
                "summary": "Least-privilege database user SQL and connection strings, generated in the reader's browser.",
                "description": "Every attribute is a starting value or a profile key; a JSON child <script type=\"application/json\"> may hold the same keys (attributes win). Values the builder refuses are shown to the docs author in the frame, naming the key.",
                "attributes": attributes,
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": "grantsmith-builder",
                "declaration": {"name": "GrantsmithBuilder", "module": "embed.js"},
            }],
        }],
    })
}
