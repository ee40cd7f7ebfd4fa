//! The comparison: each fact of a paste against what the setup promises ([`Expect`]),
//! as rows of present, missing and extra privileges, the dangerous extras first, each
//! with the statement that puts it back ([`super::fix`]).

use std::collections::BTreeSet;

use super::expect::{expected, Expect, ANY_OWNER};
use super::fix;
use super::{Fact, Inspection};
use crate::core::quote::pg::QuotedComment;

/// Where a privilege stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The user has it and should not.
    Extra,
    /// The setup grants it and the user lacks it.
    Missing,
    /// Expected and there.
    Present,
}

impl Status {
    /// The word the table shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Extra => "extra",
            Status::Missing => "missing",
            Status::Present => "present",
        }
    }
}

/// One line of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Present, missing or extra.
    pub status: Status,
    /// An extra that widens what the user may do a lot (an attribute, a powerful
    /// role, a grant option, ownership, writing).
    pub danger: bool,
    /// What it is, names quoted as SQL writes them, control characters escaped by the
    /// database's comment type (`pg::Comment`, `mysql::Comment`): the fix script writes
    /// it in a `--` line as it is, and a paste's every field may hold a line break.
    pub what: String,
    /// The statement that fixes it; `None` where a person must decide (a policy, an
    /// object the user owns) or another row's fix covers it.
    pub fix: Option<String>,
    /// Its fix runs after the fix script's COMMIT, on its own (creating a replication
    /// slot: PostgreSQL refuses that in a transaction that has written).
    pub after_commit: bool,
}

/// `extra (dangerous): what`, as the fix script's comment lists it.
impl std::fmt::Display for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let danger = if self.danger { " (dangerous)" } else { "" };
        write!(f, "{}{danger}: {}", self.status.as_str(), self.what)
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The user, as SQL names it (`"app"`, `'app'@'%'`), control characters escaped.
    pub role: String,
    /// Dangerous extras, extras, missing, present.
    pub rows: Vec<Row>,
    /// The fix runs in one transaction (PostgreSQL; MySQL's GRANT and REVOKE commit
    /// each on their own).
    pub atomic: bool,
}

impl Report {
    /// Whether the user has anything but exactly what the setup grants.
    pub fn drift(&self) -> bool {
        self.rows.iter().any(|r| r.status != Status::Present)
    }
}

/// Roles whose membership is dangerous for an integration's user.
const POWERFUL: &[&str] = &[
    "pg_read_all_data",
    "pg_write_all_data",
    "pg_read_server_files",
    "pg_write_server_files",
    "pg_execute_server_program",
    "pg_signal_backend",
    "pg_create_subscription",
    "pg_checkpoint",
    "pg_database_owner",
    "rds_superuser",
    "cloudsqlsuperuser",
    "azure_pg_admin",
    "neon_superuser",
    "supabase_admin",
    "postgres",
];

/// Privileges that let the user change data or structure.
const WRITES: &[&str] = &[
    "INSERT", "UPDATE", "DELETE", "TRUNCATE", "CREATE", "MAINTAIN",
];

/// Compares what the paste says the user has with what `e` promises.
pub fn compare(e: &Expect, i: &Inspection) -> Report {
    let mut rows = Vec::new();
    let role = &fix::q(&i.role);
    if !i.exists {
        rows.push(Row {
            status: Status::Missing,
            danger: false,
            what: format!("the user {} (run the setup script)", QuotedComment(&e.role)),
            fix: None,
            after_commit: false,
        });
        return Report {
            role: role.clone(),
            rows,
            atomic: true,
        };
    }
    let (want, everyone) = expected(e, i);
    // Same key type as the expected set: one BTreeSet in the page, not two.
    let owned: BTreeSet<Vec<String>> = i
        .facts
        .iter()
        .filter(|f| f.kind == "owns")
        .map(|f| f.fields[1..].to_vec())
        .collect();
    let mut seen = BTreeSet::new();
    let writers: BTreeSet<&str> = i
        .facts
        .iter()
        .filter(|f| f.kind == "writer")
        .map(|f| f.fields[0].as_str())
        .collect();
    for f in &i.facts {
        // An owner's own privileges on what it owns come with the ownership row.
        let on_owned = matches!(
            f.kind.as_str(),
            "table" | "sequence" | "function" | "column"
        ) && owned.contains(&f.fields[..2]);
        // Change data capture's own facts are its rows (REPLICATION, the publication,
        // the slot), below.
        let captured = ["publication", "published", "slot", "grouped"].contains(&f.kind.as_str())
            || e.cdc.as_ref().is_some_and(|c| c.gives(f));
        if ["object", "withheld", "writer", super::expiry::KIND].contains(&f.kind.as_str())
            || on_owned
            || captured
        {
            continue;
        }
        rows.extend(row(e, f, &want, &mut seen, &writers));
    }
    if let Some(c) = &e.cdc {
        rows.extend(c.rows(i, &e.role));
    }
    rows.extend(super::expiry::row(e, i));
    for k in want.difference(&seen) {
        // Missing default privileges of no named owner: for the role running the fix.
        let mut k = k.clone();
        if k[0] == "default" && k[1] == ANY_OWNER {
            k[1] = i.runner.clone();
        }
        let k = &k;
        let what = fix::describe(&k[0], &k[1..]);
        rows.push(match everyone.contains(k) {
            true => Row {
                status: Status::Present,
                danger: false,
                what: format!("{what} (everyone has it: PUBLIC)"),
                fix: None,
                after_commit: false,
            },
            false => Row {
                status: Status::Missing,
                danger: false,
                what,
                fix: fix::grant(e, &k[0], &k[1..]),
                after_commit: false,
            },
        });
    }
    // Dangerous extras, extras, missing, present; each group in the paste's order (the
    // query sorts its lines) or the expected set's. Grouping, not sorting: a sort of
    // rows would add its own code to the page.
    let group = |r: &Row| match r.status {
        Status::Extra if r.danger => 0,
        Status::Extra => 1,
        Status::Missing => 2,
        Status::Present => 3,
    };
    let rows = (0..4)
        .flat_map(|g| rows.iter().filter(move |r| group(r) == g).cloned())
        .collect();
    Report {
        role: role.clone(),
        rows,
        atomic: true,
    }
}

/// The row (or rows) one fact makes; `seen` collects the expected facts found.
fn row(
    e: &Expect,
    f: &Fact,
    want: &BTreeSet<Vec<String>>,
    seen: &mut BTreeSet<Vec<String>>,
    writers: &BTreeSet<&str>,
) -> Vec<Row> {
    let kind = f.kind.as_str();
    let fields = &f.fields;
    let extra = |danger: bool, fix: Option<String>| Row {
        status: Status::Extra,
        danger,
        what: fix::describe(kind, fields),
        fix,
        after_commit: false,
    };
    match kind {
        "attr" => {
            let harmless = ["NOLOGIN", "NOINHERIT"].contains(&fields[0].as_str());
            vec![extra(!harmless, fix::attr(e, &fields[0]))]
        }
        "member" => {
            // Dangerous when the role (or one it belongs to) may write or grant: its
            // member may too, whatever the role is called.
            let danger = fields[2] == "admin"
                || POWERFUL.contains(&fields[0].as_str())
                || writers.contains(fields[0].as_str());
            // An inherited membership goes with the direct one it comes through.
            let fix = (fields[1] == "direct")
                .then(|| fix::leave(e, &fields[0]))
                .flatten();
            vec![extra(danger, fix)]
        }
        "policy" => {
            let ours = e.policy.as_deref() == Some(fields[2].as_str());
            vec![Row {
                status: if ours { Status::Present } else { Status::Extra },
                danger: false,
                what: fix::describe(kind, fields),
                fix: None,
                after_commit: false,
            }]
        }
        "owns" => {
            let by_design = e.creates && ["table", "sequence"].contains(&fields[0].as_str());
            vec![Row {
                status: if by_design {
                    Status::Present
                } else {
                    Status::Extra
                },
                danger: !by_design,
                what: fix::describe(kind, fields),
                fix: None,
                after_commit: false,
            }]
        }
        "column" => vec![extra(
            WRITES.contains(&fields[3].as_str()),
            fix::revoke(e, kind, fields, false),
        )],
        _ => privilege_row(e, f, want, seen),
    }
}

/// The rows for a privilege fact (its last field says whether it is grantable): present
/// when the setup grants it (and extra for a grant option), else extra.
fn privilege_row(
    e: &Expect,
    f: &Fact,
    want: &BTreeSet<Vec<String>>,
    seen: &mut BTreeSet<Vec<String>>,
) -> Vec<Row> {
    let kind = f.kind.as_str();
    let (grant, option) = f.fields.split_at(f.fields.len() - 1);
    let extra = |danger: bool, fix: Option<String>| Row {
        status: Status::Extra,
        danger,
        what: fix::describe(kind, &f.fields),
        fix,
        after_commit: false,
    };
    let mut k = vec![kind.to_string()];
    k.extend(grant.iter().cloned());
    let grantable = option[0] == "grantable";
    if kind == "default" && !want.contains(&k) {
        let mut any = k.clone();
        any[1] = ANY_OWNER.to_string();
        if want.contains(&any) {
            k = any;
        }
    }
    if want.contains(&k) {
        seen.insert(k);
        let mut v = vec![Row {
            status: Status::Present,
            danger: false,
            what: fix::describe(kind, grant),
            fix: None,
            after_commit: false,
        }];
        if grantable {
            v.push(extra(true, fix::revoke(e, kind, grant, true)));
        }
        v
    } else {
        let privilege = &grant[grant.len() - 1];
        let danger = grantable || WRITES.contains(&privilege.as_str());
        vec![extra(danger, fix::revoke(e, kind, grant, false))]
    }
}
