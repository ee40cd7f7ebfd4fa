//! What must hold for every input (the list in `main.rs`'s header), checked on one intent.

use super::decode::{check_code_forms, check_conn, check_libpq_forms, check_share};
use super::inputs::plain_twin;
use super::sql_shape::{dollar_bodies_close_where_meant, shape};
use grantsmith::core::share::to_fragment;
use grantsmith::core::{generate, Field, Intent};

/// Every property of the header for `i`: the first that fails, named.
pub(crate) fn check(i: &Intent) -> Result<(), String> {
    let out = generate(i);
    if out.ready() != out.setup.is_some() {
        return Err(format!(
            "Generate {} but setup {:?}",
            out.ready(),
            out.setup.is_some()
        ));
    }
    let texts = [
        &out.setup,
        &out.verify,
        &out.uninstall,
        &out.conn,
        &out.policy_name,
        &out.summary,
        &out.inspect,
    ];
    let input: usize = Field::ALL.iter().map(|f| i.get(*f).len()).sum();
    for t in texts.iter().filter_map(|t| t.as_ref()) {
        if t.contains('\0') {
            return Err("NUL in the output".into());
        }
        if t.len() > 40_000 + 60 * input {
            return Err(format!(
                "output of {} bytes for {input} bytes typed",
                t.len()
            ));
        }
    }
    let share = to_fragment(i);
    if share.contains('\0') {
        return Err("NUL in the share link".into());
    }
    check_share(i)?;
    check_conn(i, &out)?;
    check_libpq_forms(i)?;
    check_code_forms(i)?;
    for sql in [&out.setup, &out.verify, &out.uninstall]
        .into_iter()
        .flatten()
    {
        dollar_bodies_close_where_meant(sql)?;
    }
    if out.setup.is_none() {
        return Ok(());
    }
    let twin = generate(&plain_twin(i));
    let (Some(a), Some(b)) = (&out.setup, &twin.setup) else {
        return Ok(());
    };
    let inspect = out.inspect.as_ref().zip(twin.inspect.as_ref());
    for (ours, plain) in [
        (a, b),
        (out.verify.as_ref().unwrap(), twin.verify.as_ref().unwrap()),
        (
            out.uninstall.as_ref().unwrap(),
            twin.uninstall.as_ref().unwrap(),
        ),
    ]
    .into_iter()
    .chain(inspect)
    {
        let (mut s1, mut s2) = (Vec::new(), Vec::new());
        shape(i.db, ours, &mut s1).map_err(|e| format!("{e}\n{ours}"))?;
        shape(i.db, plain, &mut s2).map_err(|e| format!("plain twin: {e}"))?;
        if s1 != s2 {
            let at = (0..s1.len().max(s2.len()))
                .find(|k| s1.get(*k) != s2.get(*k))
                .unwrap_or(0);
            return Err(format!(
                "token structure differs from plain names at {at}: {:?} vs {:?}",
                &s1[at.saturating_sub(3)..(at + 3).min(s1.len())],
                &s2[at.saturating_sub(3)..(at + 3).min(s2.len())]
            ));
        }
    }
    Ok(())
}
