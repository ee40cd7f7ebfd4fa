//! The drift check of a change-data-capture user (PostgreSQL): besides its privileges,
//! its REPLICATION, the publication named after it (and the tables or schemas it
//! covers) and its replication slot are facts of the inspect query, compared with what
//! the setup made. A table added to the publication by hand or missing from it, a
//! missing or invalidated slot, a dropped REPLICATION are drift, each with its fix.
//!
//! Catalogs: `pg_publication`, `pg_publication_rel` (the tables named in the
//! publication: `ALTER PUBLICATION … ADD TABLE` writes a row there, in 14 as in 18),
//! `pg_publication_namespace` (15+, `FOR TABLES IN SCHEMA`) and `pg_replication_slots`
//! (<https://www.postgresql.org/docs/current/catalogs.html>,
//! <https://www.postgresql.org/docs/current/view-pg-replication-slots.html>).

use super::fix::{name, quoted};
use super::{Fact, Inspection};
use crate::core::drift::{Row, Status};
use crate::core::quote::pg::{Comment, Ident, Literal};

/// How the user gets REPLICATION, as the check expects to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replication {
    /// The role attribute, which `ALTER ROLE … WITH REPLICATION` gives back.
    Attribute,
    /// Membership of this role (Amazon RDS: `rds_replication`), given back by GRANT.
    Member(Ident),
    /// The attribute, which SQL may not give there (Neon, Supabase before 17): a person
    /// gives it the provider's way.
    Console,
}

/// What the publication covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// These tables (`FOR TABLE`): `(schema, table)`.
    Tables(Vec<(Ident, Ident)>),
    /// Every table of these schemas (`FOR TABLES IN SCHEMA`, 15+).
    Schemas(Vec<Ident>),
}

/// What a change-data-capture setup made, for the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// The publication named after the user.
    pub publication: Ident,
    /// What it covers.
    pub published: Published,
    /// The slot's name (`[a-z0-9_]` only: PostgreSQL takes no other).
    pub slot: String,
    /// The setup made the slot, so its absence is drift (else the tool makes it).
    pub make_slot: bool,
    /// How the user gets REPLICATION.
    pub replication: Replication,
    /// The statements that make the publication as the setup does, for when it is gone.
    pub create: String,
    /// The owners group (option `owners-group`): the user's membership is the setup's,
    /// and each listed table is the group's (facts `grouped`: schema, table, owner).
    pub group: Option<Ident>,
}

/// What `publish` holds when the setup made the publication (PostgreSQL's default).
const ALL_ACTIONS: &str = "insert,update,delete,truncate";

impl Capture {
    /// The slot's name as a string constant.
    pub fn slot_literal(&self) -> Literal {
        Literal::generated(&self.slot)
    }

    /// Whether `f` is a fact this setup gives (REPLICATION, or the role that gives it):
    /// the comparison of privileges then leaves it to [`Capture::rows`].
    pub(super) fn gives(&self, f: &Fact) -> bool {
        match (&self.replication, f.kind.as_str()) {
            (_, "member") if self.group.as_ref().is_some_and(|g| f.fields[0] == g.raw()) => true,
            (Replication::Member(g), "member") => f.fields[0] == g.raw() && f.fields[1] == "direct",
            (Replication::Member(_), _) => false,
            (_, "attr") => f.fields[0] == "REPLICATION",
            _ => false,
        }
    }

    /// The rows of REPLICATION, the publication and the slot.
    pub(super) fn rows(&self, i: &Inspection, role: &Ident) -> Vec<Row> {
        let mut rows = vec![self.replication_row(i, role)];
        let of = |kind: &'static str| i.facts.iter().filter(move |f| f.kind == kind);
        if let Some(g) = &self.group {
            self.group_rows(g, i, role, &mut rows);
        }
        let pubname = self.publication.raw();
        let p = quoted(pubname);
        match of("publication").find(|f| f.fields[0] == pubname) {
            None => rows.push(row(
                Status::Missing,
                &format!("publication {p} (run the setup script, or this)"),
                Some(self.create.clone()),
            )),
            Some(f) => {
                rows.push(row(Status::Present, &format!("publication {p}"), None));
                if !f.fields[2].is_empty() {
                    rows.push(danger(&format!("publication {p} publishes every table")));
                }
                if f.fields[3] != ALL_ACTIONS {
                    rows.push(row(
                        Status::Missing,
                        &format!("publication {p} publishes insert, update, delete and truncate (now: {})", f.fields[3]),
                        Some(format!("ALTER PUBLICATION {} SET (publish = 'insert, update, delete, truncate');", self.publication)),
                    ));
                }
                let named: Vec<&Fact> =
                    of("published").filter(|f| f.fields[0] == pubname).collect();
                self.coverage(&named, i, &mut rows);
            }
        }
        for f in of("publication").filter(|f| f.fields[0] != pubname) {
            rows.push(row(
                Status::Extra,
                &format!("owns publication {}", quoted(&f.fields[0])),
                None,
            ));
        }
        self.slot_rows(i, &mut rows);
        rows
    }

    /// REPLICATION, present or missing, with the statement that gives it back.
    fn replication_row(&self, i: &Inspection, role: &Ident) -> Row {
        let has = i.facts.iter().any(|f| self.gives(f));
        let (what, fix) = match &self.replication {
            Replication::Attribute => (
                "role attribute REPLICATION".to_string(),
                Some(format!("ALTER ROLE {role} WITH REPLICATION;")),
            ),
            Replication::Member(g) => (
                format!("member of {} (direct): REPLICATION there", quoted(g.raw())),
                Some(format!("GRANT {g} TO {role};")),
            ),
            Replication::Console => (
                "role attribute REPLICATION (the provider gives it, not SQL: see the note above Generate)"
                    .to_string(),
                None,
            ),
        };
        match has {
            true => row(Status::Present, &what, None),
            false => row(Status::Missing, &what, fix),
        }
    }

    /// What the publication names against what the setup listed: a table or schema
    /// added by hand is extra (dropped from it), a listed one gone is missing (added).
    fn coverage(&self, named: &[&Fact], i: &Inspection, rows: &mut Vec<Row>) {
        let p = &self.publication;
        let (want_tables, want_schemas): (Vec<(&str, &str)>, Vec<&str>) = match &self.published {
            Published::Tables(t) => (t.iter().map(|(s, n)| (s.raw(), n.raw())).collect(), vec![]),
            Published::Schemas(s) => (vec![], s.iter().map(Ident::raw).collect()),
        };
        for f in named {
            let (s, t) = (f.fields[1].as_str(), f.fields[2].as_str());
            let listed = match t {
                "" => want_schemas.contains(&s),
                t => want_tables.contains(&(s, t)),
            };
            let (what, drop) = match t {
                "" => (
                    format!("schema {} in publication {}", quoted(s), quoted(p.raw())),
                    name(s).map(|s| format!("TABLES IN SCHEMA {s}")),
                ),
                t => (
                    format!(
                        "table {}.{} in publication {}",
                        quoted(s),
                        quoted(t),
                        quoted(p.raw())
                    ),
                    name(s).zip(name(t)).map(|(s, t)| format!("TABLE {s}.{t}")),
                ),
            };
            rows.push(match listed {
                true => row(Status::Present, &what, None),
                false => row(
                    Status::Extra,
                    &what,
                    drop.map(|d| format!("ALTER PUBLICATION {p} DROP {d};")),
                ),
            });
        }
        let has = |s: &str, t: &str| named.iter().any(|f| f.fields[1] == s && f.fields[2] == t);
        let listed = match &self.published {
            Published::Tables(t) => &t[..],
            Published::Schemas(_) => &[],
        };
        for (s, t) in listed.iter().filter(|(s, t)| !has(s.raw(), t.raw())) {
            let exists = i
                .facts
                .iter()
                .any(|f| f.kind == "object" && f.fields[..3] == ["table", s.raw(), t.raw()]);
            let what = format!(
                "table {}.{} in publication {}",
                quoted(s.raw()),
                quoted(t.raw()),
                quoted(p.raw())
            );
            rows.push(match exists {
                true => row(
                    Status::Missing,
                    &what,
                    Some(format!("ALTER PUBLICATION {p} ADD TABLE {s}.{t};")),
                ),
                false => row(
                    Status::Missing,
                    &format!("{what} (no such table now)"),
                    None,
                ),
            });
        }
        for s in want_schemas.iter().filter(|s| !has(s, "")) {
            let what = format!("schema {} in publication {}", quoted(s), quoted(p.raw()));
            rows.push(row(
                Status::Missing,
                &what,
                name(s).map(|s| format!("ALTER PUBLICATION {p} ADD TABLES IN SCHEMA {s};")),
            ));
        }
    }

    /// The owners group: the user's direct membership, and each listed table owned by
    /// the group, with the statement that puts each back.
    fn group_rows(&self, g: &Ident, i: &Inspection, role: &Ident, rows: &mut Vec<Row>) {
        let member = i
            .facts
            .iter()
            .any(|f| f.kind == "member" && f.fields[0] == g.raw() && f.fields[1] == "direct");
        let what = format!(
            "member of {} (direct): the owners group, owner of the listed tables",
            quoted(g.raw())
        );
        rows.push(match member {
            true => row(Status::Present, &what, None),
            false => row(
                Status::Missing,
                &what,
                Some(format!("GRANT {g} TO {role};")),
            ),
        });
        for f in i.facts.iter().filter(|f| f.kind == "grouped") {
            let (s, t, owner) = (&f.fields[0], &f.fields[1], &f.fields[2]);
            let what = format!(
                "table {}.{} owned by the owners group {}",
                quoted(s),
                quoted(t),
                quoted(g.raw())
            );
            rows.push(match owner == g.raw() {
                true => row(Status::Present, &what, None),
                false => row(
                    Status::Missing,
                    &format!(
                        "{what} (now: {}; run the setup script: it records the owner)",
                        quoted(owner)
                    ),
                    None,
                ),
            });
        }
    }

    /// The slot: the setup's (present, missing, invalidated, another connector's) and
    /// any other one the user is streaming from.
    fn slot_rows(&self, i: &Inspection, rows: &mut Vec<Row>) {
        let s = self.slot_literal();
        let create = format!("SELECT pg_create_logical_replication_slot({s}, 'pgoutput');");
        let slots = i.facts.iter().filter(|f| f.kind == "slot");
        for f in slots.clone() {
            let [name, plugin, db, active, pid, status, kept] =
                [0, 1, 2, 3, 4, 5, 6].map(|n| f.fields[n].as_str());
            let state = match active {
                "active" => format!("active, PID {pid}"),
                _ => "inactive".to_string(),
            };
            let what = format!(
                "replication slot {} ({plugin}, {state}, {kept} of WAL kept)",
                quoted(name)
            );
            rows.push(if name != self.slot {
                row(Status::Extra, &format!("{what}, used by the user"), None)
            } else if plugin != "pgoutput" || db != i.database {
                row(Status::Extra, &format!("{what} in database {}: another connector's", quoted(db)), None)
            } else if status == "lost" {
                after_commit(row(
                    Status::Missing,
                    &format!("{what}: invalidated, the WAL it needed is gone (the tool must copy the tables again)"),
                    Some(format!("SELECT pg_drop_replication_slot({s});\n{create}")),
                ))
            } else {
                row(Status::Present, &what, None)
            });
        }
        if self.make_slot && !slots.clone().any(|f| f.fields[0] == self.slot) {
            let what = format!("replication slot {} (pgoutput; from now on it keeps the WAL the tool has not read)", quoted(&self.slot));
            rows.push(after_commit(row(Status::Missing, &what, Some(create))));
        }
    }
}

/// A row of `status`, its words through the comment type.
fn row(status: Status, what: &str, fix: Option<String>) -> Row {
    Row {
        status,
        danger: false,
        what: Comment::new(what).to_string(),
        fix,
        after_commit: false,
    }
}

/// A dangerous extra a person decides about.
fn danger(what: &str) -> Row {
    Row {
        danger: true,
        ..row(Status::Extra, what, None)
    }
}

/// `r`, its fix run after the transaction: PostgreSQL refuses to create a logical slot
/// in a transaction that has written ("cannot create logical replication slot in
/// transaction that has performed writes"; PostgreSQL's
/// `contrib/test_decoding/sql/decoding_in_xact.sql` tests exactly that).
fn after_commit(r: Row) -> Row {
    Row {
        after_commit: true,
        ..r
    }
}
