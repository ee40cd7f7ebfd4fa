//! The package's TypeScript declarations (index.d.ts), written from the core's
//! attribute list: `<grantsmith-builder product="…">` type-checks in TSX, on React 19
//! (whose JSX namespace lives in the `react` module) and React 18 or any other JSX
//! library reading the global `JSX` namespace.

use super::manifest::{description, ts_type};
use grantsmith::core::profile::attributes::Attribute;

/// index.d.ts for the package `version`.
pub fn declarations(attrs: &[Attribute], version: &str) -> String {
    let mut s = format!(
        "// grantsmith {version}: types of <grantsmith-builder>'s attributes. Written by tests/package\n\
         // from src/core/profile/attributes.rs (GS_UPDATE_GOLDEN=1 cargo test --test package); do not edit.\n\n\
         /** The attributes of `<grantsmith-builder>`: starting values and profile keys. */\n\
         export interface GrantsmithBuilderAttributes {{\n"
    );
    for a in attrs {
        s += &format!(
            "  /** {} */\n  \"{}\"?: {};\n",
            description(a).replace("*/", "* /"),
            a.name,
            ts_type(&a.takes)
        );
    }
    s += "}\n\n";
    s += "/** What a JSX library adds to any element: children (a JSON profile), key, ref, class. */\n\
          export interface GrantsmithBuilderJsx extends GrantsmithBuilderAttributes {\n\
          \x20 children?: unknown;\n  key?: string | number | null;\n  ref?: unknown;\n\
          \x20 class?: string;\n  className?: string;\n  id?: string;\n  style?: unknown;\n  slot?: string;\n}\n\n";
    s += "declare global {\n\
          \x20 interface HTMLElementTagNameMap {\n    \"grantsmith-builder\": HTMLElement;\n  }\n\
          \x20 // React 18 (classic runtime) and other JSX libraries.\n\
          \x20 namespace JSX {\n    interface IntrinsicElements {\n      \"grantsmith-builder\": GrantsmithBuilderJsx;\n    }\n  }\n}\n\n";
    s += "// React 19 (and 18's automatic runtime): React.JSX.\n\
          declare module \"react\" {\n  namespace JSX {\n    interface IntrinsicElements {\n      \"grantsmith-builder\": GrantsmithBuilderJsx;\n    }\n  }\n}\n";
    s
}
