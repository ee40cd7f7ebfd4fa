//! A name holding a character drawn with no width is refused next to its field, on
//! every database and preset, with the character named: `sales` + U+200B would be a
//! schema other than the `sales` the reader sees.

use grantsmith::core::backend::Backend;
use grantsmith::core::{generate, Db, Field, Intent};

#[test]
fn invisible_characters_are_refused_next_to_their_field() {
    let mut checked = 0;
    for db in Db::ALL.iter().copied() {
        for preset in Backend::presets(db).iter().copied() {
            let i = Intent::new(db, preset);
            let fields: Vec<(Field, bool)> = i
                .spec()
                .fields_for(preset)
                .filter(|f| !matches!(f.key, Field::Host | Field::Port))
                .map(|f| (f.key, f.multiline))
                .collect();
            for (f, multiline) in fields {
                for c in ['\u{200b}', '\u{2060}', '\u{202e}', '\u{ad}', '\u{e0041}'] {
                    let value = if multiline {
                        format!("alpha, be{c}ta")
                    } else {
                        format!("be{c}ta")
                    };
                    let out = generate(&i.clone().with(f, &value));
                    let m = out.error(f).unwrap_or_else(|| {
                        panic!(
                            "{db:?} {preset:?} {f:?} {value:?}: accepted ({:?})",
                            out.errors
                        )
                    });
                    let code = format!("U+{:04X}", c as u32);
                    assert!(m.contains(&code), "{db:?} {f:?}: {m}");
                    if multiline {
                        assert!(m.starts_with("Item 2: "), "{m}");
                    }
                    assert!(out.setup.is_none());
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn visible_text_and_trimmed_ends_are_not_invisible() {
    // JavaScript's trim removes U+FEFF at the ends (the original's rule): not part of
    // the name, so not refused; letters of every script, emoji and NBSP are visible.
    let i = Intent::default()
        .with(Field::Host, "db.example.com")
        .with(Field::Role, "\u{feff}app_德_é_🙂")
        .with(Field::Schemas, "sales,\u{feff}hr");
    let out = generate(&i);
    assert!(out.setup.is_some(), "{:?}", out.errors);
}
