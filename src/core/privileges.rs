//! Closed sets of privileges, one enum per object kind, and what each preset grants.

/// A kind of object granted on in a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Tables, views, materialized views, foreign and partitioned tables.
    Tables,
    /// Sequences.
    Sequences,
    /// Functions (aggregates and window functions too, as `ALL FUNCTIONS` has them).
    Functions,
}

/// Privileges on tables and views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TablePriv {
    Select,
    Insert,
    Update,
    Delete,
    Truncate,
    References,
    Trigger,
}

/// Privileges on sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SeqPriv {
    Usage,
    Select,
    Update,
}

/// Privileges on a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaPriv {
    Usage,
    Create,
}

/// Privileges on the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DbPriv {
    Connect,
    Create,
    Temporary,
}

macro_rules! as_str {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// Every value, in SQL order.
            pub const ALL: &'static [$t] = &[$(<$t>::$v),*];
            /// The SQL keyword.
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),* }
            }
        }
    };
}
as_str!(TablePriv { Select => "SELECT", Insert => "INSERT", Update => "UPDATE", Delete => "DELETE",
    Truncate => "TRUNCATE", References => "REFERENCES", Trigger => "TRIGGER" });
as_str!(SeqPriv { Usage => "USAGE", Select => "SELECT", Update => "UPDATE" });
as_str!(SchemaPriv { Usage => "USAGE", Create => "CREATE" });
as_str!(DbPriv { Connect => "CONNECT", Create => "CREATE", Temporary => "TEMPORARY" });

/// `SELECT, INSERT` from a list of privileges.
pub fn list<T: Copy>(privs: &[T], f: fn(T) -> &'static str) -> String {
    privs.iter().map(|p| f(*p)).collect::<Vec<_>>().join(", ")
}

/// Everything a plan grants, per object kind. Empty means nothing of that kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Privileges {
    /// On the database.
    pub database: Vec<DbPriv>,
    /// On each schema in scope (USAGE is always included when anything else is granted).
    pub schema: Vec<SchemaPriv>,
    /// On every table and view in scope.
    pub tables: Vec<TablePriv>,
    /// On every sequence in scope.
    pub sequences: Vec<SeqPriv>,
    /// EXECUTE on every function in scope.
    pub functions: bool,
    /// Also for objects the owner roles create later (default privileges).
    pub future: bool,
}

impl Privileges {
    /// Whether nothing is granted at all (the user could only sign in, if that).
    pub fn is_empty(&self) -> bool {
        self.database.is_empty()
            && self.schema.is_empty()
            && self.tables.is_empty()
            && self.sequences.is_empty()
            && !self.functions
    }

    /// `../shared/seeds/001`: read-only metadata sync.
    pub fn metadata_sync() -> Self {
        Privileges {
            database: vec![DbPriv::Connect],
            schema: vec![SchemaPriv::Usage],
            tables: vec![TablePriv::Select],
            sequences: vec![SeqPriv::Select],
            functions: false,
            future: true,
        }
    }

    /// `../shared/seeds/002`: the read-write connector.
    pub fn connector_read_write() -> Self {
        Privileges {
            database: vec![DbPriv::Connect],
            schema: vec![SchemaPriv::Usage, SchemaPriv::Create],
            tables: vec![
                TablePriv::Select,
                TablePriv::Insert,
                TablePriv::Update,
                TablePriv::Delete,
            ],
            sequences: vec![SeqPriv::Usage, SeqPriv::Select],
            functions: false,
            future: true,
        }
    }

    /// `../shared/seeds/002`: the read-only variant ("keep just SELECT").
    pub fn connector_read_only() -> Self {
        Privileges {
            database: vec![DbPriv::Connect],
            schema: vec![SchemaPriv::Usage],
            tables: vec![TablePriv::Select],
            sequences: vec![],
            functions: false,
            future: true,
        }
    }
}

/// `(kind, privilege)` for every box of the custom grid, as links and the CLI name them.
fn tokens(p: &Privileges) -> Vec<String> {
    let mut v = Vec::new();
    let kinds: [(&str, Vec<&str>); 4] = [
        ("database", p.database.iter().map(|x| x.as_str()).collect()),
        ("schema", p.schema.iter().map(|x| x.as_str()).collect()),
        ("table", p.tables.iter().map(|x| x.as_str()).collect()),
        ("sequence", p.sequences.iter().map(|x| x.as_str()).collect()),
    ];
    for (kind, privs) in kinds {
        v.extend(privs.into_iter().map(|x| format!("{kind}.{x}")));
    }
    if p.functions {
        v.push("function.EXECUTE".into());
    }
    if p.future {
        v.push("future".into());
    }
    v
}

impl Privileges {
    /// The privileges as one link value: `table.SELECT,sequence.USAGE,future`.
    ///
    /// ```
    /// use grantsmith::core::privileges::Privileges;
    /// let p = Privileges::connector_read_only();
    /// assert_eq!(p.to_key(), "database.CONNECT,schema.USAGE,table.SELECT,future");
    /// assert_eq!(Privileges::from_key(&p.to_key()), p);
    /// ```
    pub fn to_key(&self) -> String {
        tokens(self).join(",")
    }

    /// [`Privileges::from_key`], refusing an item it does not know: a profile's typo
    /// must not quietly grant less than its author wrote.
    ///
    /// ```
    /// use grantsmith::core::privileges::Privileges;
    /// assert!(Privileges::parse_key("table.SELECT, table.TRIGGER, future").is_ok());
    /// assert!(Privileges::parse_key("table.SELCT").unwrap_err().contains("table.SELCT"));
    /// ```
    pub fn parse_key(key: &str) -> Result<Privileges, String> {
        let p = Privileges::from_key(key);
        let known = tokens(&p);
        let unknown = key
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .find(|t| !known.iter().any(|k| k == t));
        match unknown {
            Some(t) => Err(format!(
                "{} is not a privilege (write kind.PRIVILEGE: table.SELECT, \
                 sequence.USAGE, schema.USAGE, database.CONNECT, function.EXECUTE; or future)",
                crate::core::text::quoted(t)
            )),
            None => Ok(p),
        }
    }

    /// Reads [`Privileges::to_key`]'s form (unknown items are ignored), in SQL order.
    pub fn from_key(key: &str) -> Privileges {
        let items: Vec<&str> = key.split(',').map(str::trim).collect();
        let has = |kind: &str, x: &str| items.contains(&format!("{kind}.{x}").as_str());
        Privileges {
            database: DbPriv::ALL
                .iter()
                .copied()
                .filter(|x| has("database", x.as_str()))
                .collect(),
            schema: SchemaPriv::ALL
                .iter()
                .copied()
                .filter(|x| has("schema", x.as_str()))
                .collect(),
            tables: TablePriv::ALL
                .iter()
                .copied()
                .filter(|x| has("table", x.as_str()))
                .collect(),
            sequences: SeqPriv::ALL
                .iter()
                .copied()
                .filter(|x| has("sequence", x.as_str()))
                .collect(),
            functions: has("function", "EXECUTE"),
            future: items.contains(&"future"),
        }
    }
}
