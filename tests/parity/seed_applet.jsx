// The original applets, verbatim from seeds/000_149390fb277caf37.txt lines 53-918: the
// parity oracle runs this code (with stub hooks) and compares its output with ours.
export const PostgresNewSchemaGrant = () => {
  const [schema, setSchema] = useState("public");
  const [role, setRole] = useState("dreamlit_app");
  const [owner, setOwner] = useState("postgres");
  const [copyLabel, setCopyLabel] = useState("Copy SQL");
  const inputStyle = {
    padding: "6px 8px",
    border: "1px solid #d1d5db",
    borderRadius: 6,
    fontSize: 13,
    width: "100%",
    boxSizing: "border-box"
  };
  const labelStyle = {
    fontSize: 12,
    fontWeight: 600,
    color: "#374151",
    marginBottom: 4
  };
  const quoteIdent = v => `"${v.replace(/"/g, '""')}"`;
  const sql = useMemo(() => {
    const schemaIdent = quoteIdent(schema.trim() || "public");
    const roleIdent = quoteIdent(role.trim() || "dreamlit_app");
    const ownerIdent = quoteIdent(owner.trim() || "postgres");
    return `-- Run as the role that owns/creates tables in this schema (usually ${ownerIdent})
GRANT USAGE ON SCHEMA ${schemaIdent} TO ${roleIdent};
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA ${schemaIdent} TO ${roleIdent};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schemaIdent} TO ${roleIdent};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schemaIdent} TO ${roleIdent};

ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerIdent} IN SCHEMA ${schemaIdent}
  GRANT SELECT, TRIGGER ON TABLES TO ${roleIdent};
ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerIdent} IN SCHEMA ${schemaIdent}
  GRANT USAGE, SELECT ON SEQUENCES TO ${roleIdent};
ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerIdent} IN SCHEMA ${schemaIdent}
  GRANT EXECUTE ON FUNCTIONS TO ${roleIdent};`;
  }, [schema, role, owner]);
  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(sql);
      setCopyLabel("Copied!");
      setTimeout(() => setCopyLabel("Copy SQL"), 1800);
    } catch {
      setCopyLabel("Copy failed");
      setTimeout(() => setCopyLabel("Copy SQL"), 1800);
    }
  };
  return <div style={{
    border: "1px solid #e5e7eb",
    borderRadius: 10,
    padding: 14,
    background: "#fafafa",
    margin: "16px 0"
  }}>
      <div style={{
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    gap: 10,
    marginBottom: 10
  }}>
        <div>
          <div style={labelStyle}>Schema</div>
          <input value={schema} onChange={e => setSchema(e.target.value)} placeholder="public" style={inputStyle} />
        </div>
        <div>
          <div style={labelStyle}>Dreamlit role</div>
          <input value={role} onChange={e => setRole(e.target.value)} placeholder="dreamlit_app" style={inputStyle} />
        </div>
        <div>
          <div style={labelStyle}>Table-owner role</div>
          <input value={owner} onChange={e => setOwner(e.target.value)} placeholder="postgres" style={inputStyle} />
        </div>
      </div>

      <div style={{
    marginBottom: 10
  }}>
        <div style={{
    ...labelStyle,
    marginBottom: 6
  }}>SQL</div>
        <pre style={{
    border: "1px solid #d1d5db",
    borderRadius: 8,
    background: "#111827",
    color: "#e5e7eb",
    padding: 12,
    fontSize: 12,
    lineHeight: 1.5,
    overflowX: "auto",
    whiteSpace: "pre-wrap"
  }}>
          {sql}
        </pre>
      </div>

      <button onClick={handleCopy} style={{
    background: "#111827",
    color: "white",
    border: "none",
    borderRadius: 6,
    padding: "8px 12px",
    fontSize: 13,
    cursor: "pointer"
  }}>
        {copyLabel}
      </button>
    </div>;
};

export const PostgresSqlBuilder = () => {
  const TABLE_OWNER_DEFAULT = "postgres";
  const TABLE_OWNER_NEON = "neondb_owner";
  const HOST_HINT_DEFAULT = "db.example.com";
  const HOST_HINT_NEON = "ep-sunny-lake-123456.us-east-2.aws.neon.tech";
  const [dbName, setDbName] = useState("postgres");
  const [dbNameAutoSet, setDbNameAutoSet] = useState(false);
  const [role, setRole] = useState("dreamlit_app");
  const [schemas, setSchemas] = useState("public");
  const [tableCreators, setTableCreators] = useState(TABLE_OWNER_DEFAULT);
  const [tableOwnerAutoSet, setTableOwnerAutoSet] = useState(false);
  const [includeRls, setIncludeRls] = useState(false);
  const [useAllSchemas, setUseAllSchemas] = useState(true);
  const [copyLabel, setCopyLabel] = useState("Copy SQL");
  const [showTooltip, setShowTooltip] = useState(false);
  const [showRlsTooltip, setShowRlsTooltip] = useState(false);
  const [isGenerated, setIsGenerated] = useState(false);
  const [showAdvanced, setShowAdvanced] = useState(false);
  const passwordPlaceholder = "[[REPLACE_WITH_PASSWORD]]";
  const [host, setHost] = useState("");
  const [port, setPort] = useState("5432");
  const [connectionCopyLabel, setConnectionCopyLabel] = useState("Copy Connection String");
  const [hostError, setHostError] = useState("");
  const validateHost = value => {
    if (!value.trim()) return "";
    const trimmed = value.trim();
    if ((/\s/).test(trimmed)) {
      return "Host cannot contain spaces";
    }
    if ((/^https?:\/\//i).test(trimmed)) {
      return "Enter just the hostname without http:// or https://";
    }
    if ((/^(\[[^\]]+\]|[^:]+):\d{1,5}$/).test(trimmed)) {
      return "Move the :port part into the Port field";
    }
    if (trimmed.includes("/")) {
      return "Enter just the hostname without any path";
    }
    const hostnameRegex = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
    const ipv4Regex = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
    const isLikelyIpv6 = candidate => {
      if (!candidate.includes(":")) return false;
      const raw = candidate.replace(/^\[/, "").replace(/\]$/, "");
      const segments = raw.split(":");
      if (segments.length < 3 || segments.length > 8) return false;
      return segments.every(seg => seg === "" || (/^[0-9a-fA-F]{0,4}$/).test(seg));
    };
    if (ipv4Regex.test(trimmed) || isLikelyIpv6(trimmed)) return "";
    if (!hostnameRegex.test(trimmed)) return "Invalid hostname format";
    const isLocalhost = (/^localhost$/i).test(trimmed);
    const hasDot = trimmed.includes(".");
    if (!hasDot && !isLocalhost) {
      return "Use a full hostname like db.example.com";
    }
    return "";
  };
  const handleHostChange = e => {
    const value = e.target.value;
    setHost(value);
    setHostError(validateHost(value));
  };
  const isHostMissing = !host.trim();
  const canGenerate = !isHostMissing && !hostError;
  const generateHint = isHostMissing ? "Enter a host to generate" : hostError || "";
  const connectionHint = hostError || (!host.trim() ? "Enter a host to generate" : "");
  const inputStyle = {
    padding: "6px 8px",
    border: "1px solid #d1d5db",
    borderRadius: 6,
    fontSize: 13,
    width: "100%",
    boxSizing: "border-box"
  };
  const textStyle = {
    padding: "6px 8px",
    border: "1px solid #d1d5db",
    borderRadius: 6,
    fontSize: 13,
    minHeight: 56,
    width: "100%",
    boxSizing: "border-box",
    resize: "vertical"
  };
  const labelStyle = {
    fontSize: 12,
    fontWeight: 600,
    color: "#374151",
    marginBottom: 4
  };
  const sanitizeList = (value, fallback) => {
    const items = value.split(/[,\n]/).map(v => v.trim()).filter(Boolean);
    return items.length ? items : fallback;
  };
  const quoteIdent = value => `"${value.replace(/"/g, '""')}"`;
  const quoteLiteral = value => `'${value.replace(/'/g, "''")}'`;
  const handleUseAllSchemasChange = checked => {
    setUseAllSchemas(checked);
  };
  const {displaySql, copySql} = useMemo(() => {
    const roleRaw = role.trim() || "dreamlit_app";
    const dbRaw = dbName.trim() || "postgres";
    const schemaList = sanitizeList(schemas, ["public"]);
    const tableCreatorList = sanitizeList(tableCreators, ["postgres"]);
    const parentRole = tableCreatorList[0] || "postgres";
    const targetSchemas = useAllSchemas ? [] : schemaList;
    const sweepComment = useAllSchemas ? "Grant permissions on existing schemas" : "Grant permissions on selected schemas";
    const roleIdent = quoteIdent(roleRaw);
    const roleLiteral = quoteLiteral(roleRaw);
    const parentRoleLiteral = quoteLiteral(parentRole);
    const passwordToken = passwordPlaceholder;
    const buildSql = passwordToken => {
      const statements = [];
      statements.push(`-- Create the dreamlit_app user
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${roleLiteral}) THEN
    CREATE ROLE ${roleIdent} WITH LOGIN PASSWORD ${passwordToken} INHERIT;
  ELSE
    ALTER ROLE ${roleIdent} WITH LOGIN PASSWORD ${passwordToken} INHERIT;
  END IF;
END
$$ LANGUAGE plpgsql;`);
      statements.push(`-- Grant database-level privileges
GRANT CONNECT, CREATE, TEMP ON DATABASE ${quoteIdent(dbRaw)} TO ${roleIdent};
CREATE EXTENSION IF NOT EXISTS pgcrypto;`);
      if (!useAllSchemas) {
        targetSchemas.forEach(schema => {
          const schemaIdent = quoteIdent(schema);
          statements.push(`-- Grants for schema ${schema}
GRANT USAGE ON SCHEMA ${schemaIdent} TO ${roleIdent};
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA ${schemaIdent} TO ${roleIdent};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schemaIdent} TO ${roleIdent};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schemaIdent} TO ${roleIdent};`);
        });
      }
      const sweepWhere = useAllSchemas ? `WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'auth')
      AND nspname NOT LIKE 'pg_toast%'` : `WHERE nspname = ANY (ARRAY[${schemaList.map(quoteLiteral).join(", ")}])
      AND nspname NOT IN ('pg_catalog', 'information_schema', 'auth')
      AND nspname NOT LIKE 'pg_toast%'`;
      statements.push(`-- ${sweepComment} (run as ${parentRole})
DO $$
DECLARE
  target_role text := ${roleLiteral};
  parent_role text := NULLIF(${parentRoleLiteral}, '');
  parent_role_oid oid := CASE
    WHEN parent_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = parent_role)
  END;
  schema_record record;
BEGIN
  IF parent_role IS NOT NULL AND parent_role_oid IS NULL THEN
    RAISE NOTICE 'Role % not found; continuing grants without parent filter', parent_role;
  END IF;

  FOR schema_record IN
    SELECT nspname
    FROM pg_namespace
    ${sweepWhere}
  LOOP
    IF parent_role_oid IS NULL OR has_schema_privilege(parent_role_oid, schema_record.nspname, 'USAGE') THEN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_record.nspname, target_role);
      EXECUTE format('GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA %I TO %I', schema_record.nspname, target_role);
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_record.nspname, target_role);
      EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', schema_record.nspname, target_role);
    END IF;
  END LOOP;
END
$$ LANGUAGE plpgsql;`);
      tableCreatorList.forEach(owner => {
        const ownerIdent = quoteIdent(owner);
        const ownerLiteral = quoteLiteral(owner);
        statements.push(`-- Ensure future schemas/objects created by ${owner} are accessible 
DO $$
DECLARE
  target_role text := ${roleLiteral};
  owner_role text := NULLIF(${ownerLiteral}, '');
  owner_oid oid := CASE
    WHEN owner_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = owner_role)
  END;
BEGIN
  IF owner_role IS NULL OR owner_oid IS NULL THEN
    RAISE NOTICE 'Skipping default privileges: role % not found', owner_role;
  ELSE
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE ON SCHEMAS TO %I', owner_role, target_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT, TRIGGER ON TABLES TO %I', owner_role, target_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE, SELECT ON SEQUENCES TO %I', owner_role, target_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT EXECUTE ON FUNCTIONS TO %I', owner_role, target_role);
  END IF;
END
$$ LANGUAGE plpgsql;`);
      });
      if (includeRls) {
        const baseSchemaFilter = `schemaname NOT IN ('pg_catalog', 'information_schema')
    AND schemaname NOT LIKE 'pg_toast%'
    AND schemaname NOT LIKE 'pg_temp_%'`;
        const schemaFilter = useAllSchemas ? baseSchemaFilter : `${baseSchemaFilter} AND schemaname = ANY (ARRAY[${schemaList.map(quoteLiteral).join(", ")}])`;
        statements.push(`-- Add permissive SELECT policies (effective when RLS is enabled)
DO $$
DECLARE
  target_role text := ${roleLiteral};
  parent_role text := NULLIF(${parentRoleLiteral}, '');
  parent_role_oid oid := CASE
    WHEN parent_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = parent_role)
  END;
  policy_base text := regexp_replace(target_role, '[^a-zA-Z0-9]+', '_', 'g');
  policy_reserved_len constant integer := length('dreamlit__select_policy');
  policy_suffix_budget constant integer := 63 - policy_reserved_len;
  policy_suffix text;
  policy_name text;
  table_record record;
  schema_is_accessible boolean;
BEGIN
  -- PostgreSQL identifiers max out at 63 bytes; keep suffix + hash within the remaining budget.
  IF length(policy_base) <= policy_suffix_budget THEN
    policy_suffix := policy_base;
  ELSE
    policy_suffix := substring(policy_base for GREATEST(policy_suffix_budget - 9, 0))
      || '_' || substring(md5(policy_base), 1, 8);
  END IF;
  policy_name := lower(format('dreamlit_%s_select_policy', policy_suffix));

  FOR table_record IN
    SELECT schemaname, tablename
    FROM pg_tables
    WHERE ${schemaFilter} AND rowsecurity = true
  LOOP
    schema_is_accessible := parent_role_oid IS NULL
      OR has_schema_privilege(parent_role_oid, table_record.schemaname, 'USAGE');

    IF schema_is_accessible THEN
      BEGIN
        EXECUTE format(
          'DROP POLICY IF EXISTS %I ON %I.%I',
          policy_name,
          table_record.schemaname,
          table_record.tablename
        );
        EXECUTE format(
          'CREATE POLICY %I ON %I.%I FOR SELECT TO %I USING (true)',
          policy_name,
          table_record.schemaname,
          table_record.tablename,
          target_role
        );
      EXCEPTION
        WHEN others THEN
          RAISE NOTICE 'Skipping Dreamlit RLS policy for %.%: %',
            table_record.schemaname,
            table_record.tablename,
            SQLERRM;
      END;
    END IF;
  END LOOP;
END
$$ LANGUAGE plpgsql;`);
      }
      return statements.join("\n\n").trim();
    };
    const sql = buildSql(passwordToken);
    return {
      displaySql: sql,
      copySql: sql
    };
  }, [dbName, role, schemas, tableCreators, includeRls, useAllSchemas]);
  const handleGenerate = () => {
    if (!canGenerate) return;
    setIsGenerated(true);
  };
  const {displayConnectionString, copyConnectionString, isConnectionReady} = useMemo(() => {
    const roleRaw = role.trim() || "dreamlit_app";
    const passwordRaw = passwordPlaceholder;
    const hostRaw = host.trim();
    const portRaw = port.trim() || "5432";
    const dbRaw = dbName.trim() || "postgres";
    const isReady = Boolean(hostRaw && !validateHost(hostRaw));
    const formatHostForUrl = rawHost => {
      if (!rawHost) return "";
      const needsBrackets = rawHost.includes(":") && !(rawHost.startsWith("[") && rawHost.endsWith("]"));
      return needsBrackets ? `[${rawHost}]` : rawHost;
    };
    const buildDisplayString = () => {
      if (!hostRaw) return "";
      return `postgresql://${roleRaw}:${passwordRaw}@${formatHostForUrl(hostRaw)}:${portRaw}/${dbRaw}`;
    };
    const buildCopyString = () => {
      if (!hostRaw) return "";
      const encodedUser = encodeURIComponent(roleRaw);
      const encodedPassword = "";
      return `postgresql://${encodedUser}:${encodedPassword}@${formatHostForUrl(hostRaw)}:${portRaw}/${dbRaw}`;
    };
    return {
      displayConnectionString: buildDisplayString(),
      copyConnectionString: buildCopyString(),
      isConnectionReady: isReady
    };
  }, [role, host, port, dbName, passwordPlaceholder]);
  const handleCopyConnectionString = async () => {
    try {
      await navigator.clipboard.writeText(copyConnectionString);
      setConnectionCopyLabel("Copied!");
      setTimeout(() => setConnectionCopyLabel("Copy Connection String"), 1800);
    } catch {
      setConnectionCopyLabel("Copy failed");
      setTimeout(() => setConnectionCopyLabel("Copy Connection String"), 1800);
    }
  };
  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(copySql);
      setCopyLabel("Copied!");
      setTimeout(() => setCopyLabel("Copy SQL"), 1800);
    } catch {
      setCopyLabel("Copy failed");
      setTimeout(() => setCopyLabel("Copy SQL"), 1800);
    }
  };
  useEffect(() => {
    setIsGenerated(false);
  }, [dbName, role, host, port, schemas, tableCreators, useAllSchemas, includeRls]);
  const isNeonHost = host.trim().toLowerCase().includes("neon.tech");
  useEffect(() => {
    if (isNeonHost) {
      const owner = tableCreators.trim().toLowerCase();
      if (!tableOwnerAutoSet && (owner === "" || owner === TABLE_OWNER_DEFAULT)) {
        setTableCreators(TABLE_OWNER_NEON);
        setTableOwnerAutoSet(true);
      }
      const loweredDb = dbName.trim().toLowerCase();
      if (!dbNameAutoSet && (loweredDb === "" || loweredDb === "postgres")) {
        setDbName("neondb");
        setDbNameAutoSet(true);
      }
    } else {
      if (tableOwnerAutoSet && tableCreators.trim().toLowerCase() === TABLE_OWNER_NEON) {
        setTableCreators(TABLE_OWNER_DEFAULT);
      }
      if (dbNameAutoSet && dbName.trim().toLowerCase() === "neondb") {
        setDbName("postgres");
      }
      setTableOwnerAutoSet(false);
      setDbNameAutoSet(false);
    }
  }, [isNeonHost, tableCreators, tableOwnerAutoSet, dbName, dbNameAutoSet]);
  const hostPlaceholder = isNeonHost ? HOST_HINT_NEON : HOST_HINT_DEFAULT;
  return <div style={{
    border: "1px solid #e5e7eb",
    borderRadius: 10,
    padding: 14,
    background: "#fafafa",
    margin: "16px 0"
  }}>
      {}
      {}
      <div style={{
    display: "grid",
    gridTemplateColumns: "2fr 120px",
    gap: 8,
    marginBottom: 4
  }}>
        <div>
          <div style={labelStyle}>Host</div>
          <input value={host} onChange={handleHostChange} placeholder={hostPlaceholder} style={{
    ...inputStyle,
    borderColor: hostError ? "#ef4444" : "#d1d5db"
  }} />
          {hostError && <p style={{
    fontSize: 11,
    color: "#ef4444",
    marginTop: 4
  }}>
              {hostError}
            </p>}
        </div>
        <div>
          <div style={labelStyle}>Port</div>
          <input value={port} onChange={e => setPort(e.target.value)} placeholder="5432" style={inputStyle} />
          {}
        </div>
      </div>

      <div style={{
    fontSize: 11,
    color: "#6b7280",
    marginBottom: 16
  }}>
        Use your provider's{" "}
        <span style={{
    fontWeight: 700
  }}>direct database host</span> (not a
        pooler host).
      </div>

      <div style={{
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: 8,
    marginBottom: 12
  }}>
        <div>
          <div style={labelStyle}>Dreamlit user name</div>
          <input value={role} onChange={e => setRole(e.target.value)} placeholder="dreamlit_app" style={inputStyle} />
        </div>
        <div>
          <div style={labelStyle}>Database name</div>
          <input value={dbName} onChange={e => {
    setDbName(e.target.value);
    setDbNameAutoSet(false);
  }} placeholder="postgres" style={inputStyle} />
        </div>
      </div>

      {}
      <button onClick={() => setShowAdvanced(!showAdvanced)} type="button" style={{
    display: "flex",
    alignItems: "center",
    gap: 8,
    background: "none",
    border: "none",
    padding: 0,
    cursor: "pointer",
    fontSize: 13,
    fontWeight: 600,
    color: "#111827",
    marginBottom: 12
  }}>
        <span style={{
    display: "inline-block",
    transition: "transform 0.2s",
    transform: showAdvanced ? "rotate(90deg)" : "rotate(0deg)"
  }}>
          ▶
        </span>
        Advanced configuration
      </button>

      {showAdvanced && <div style={{
    display: "flex",
    flexDirection: "column",
    gap: 10,
    marginBottom: 14
  }}>
          <div style={{
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: 10
  }}>
            <div style={{
    display: "flex",
    flexDirection: "column",
    gap: 8,
    padding: "8px 10px",
    background: "#f3f4f6",
    borderRadius: 6
  }}>
              <div style={{
    fontSize: 13,
    fontWeight: 700
  }}>Grant scope</div>
              <label style={{
    display: "flex",
    alignItems: "center",
    gap: 6
  }}>
                <input type="radio" name="scope" checked={useAllSchemas} onChange={() => handleUseAllSchemasChange(true)} style={{
    margin: 0
  }} />
                <span style={{
    fontSize: 13
  }}>
                  All schemas — grants everywhere parent role has USAGE
                </span>
              </label>
              <label style={{
    display: "flex",
    alignItems: "center",
    gap: 6
  }}>
                <input type="radio" name="scope" checked={!useAllSchemas} onChange={() => handleUseAllSchemasChange(false)} style={{
    margin: 0
  }} />
                <span style={{
    fontSize: 13
  }}>
                  Only listed schemas — add them below
                </span>
              </label>
              {!useAllSchemas && <textarea value={schemas} onChange={e => setSchemas(e.target.value)} placeholder="public" style={textStyle} />}
            </div>
            <div style={{
    display: "flex",
    flexDirection: "column",
    gap: 8,
    padding: "8px 10px",
    background: "#f3f4f6",
    borderRadius: 6
  }}>
              <div style={labelStyle}>
                Table owner role(s){" "}
                <span style={{
    position: "relative",
    display: "inline-block"
  }}>
                  <span onMouseEnter={() => setShowTooltip(true)} onMouseLeave={() => setShowTooltip(false)} style={{
    fontWeight: 400,
    color: "#6b7280",
    cursor: "help",
    borderBottom: "1px dotted #9ca3af"
  }}>
                    (for default privileges)
                  </span>
                  {showTooltip && <span style={{
    position: "absolute",
    bottom: "100%",
    left: "50%",
    transform: "translateX(-50%)",
    marginBottom: 6,
    padding: "6px 10px",
    background: "#1f2937",
    color: "#fff",
    fontSize: 11,
    borderRadius: 6,
    whiteSpace: "nowrap",
    zIndex: 40
  }}>
                      The role that creates your tables (usually 'postgres')
                    </span>}
                </span>
              </div>
              <textarea value={tableCreators} onChange={e => {
    setTableCreators(e.target.value);
    setTableOwnerAutoSet(false);
  }} placeholder="postgres" style={textStyle} />
            </div>
          </div>

          <label style={{
    display: "flex",
    alignItems: "center",
    gap: 8,
    padding: "8px 10px",
    background: "#f3f4f6",
    borderRadius: 6,
    cursor: "pointer"
  }}>
            <input type="checkbox" checked={includeRls} onChange={e => setIncludeRls(e.target.checked)} style={{
    margin: 0
  }} />
            <span style={{
    fontSize: 13,
    display: "flex",
    alignItems: "center",
    gap: 8
  }}>
              <span style={{
    fontWeight: 700
  }}>Add RLS policies</span>
              <span onMouseEnter={() => setShowRlsTooltip(true)} onMouseLeave={() => setShowRlsTooltip(false)} style={{
    position: "relative",
    width: 18,
    height: 18,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    borderRadius: "50%",
    background: "#e5e7eb",
    color: "#111827",
    fontSize: 11,
    fontWeight: 700,
    cursor: "help",
    border: "1px solid #d1d5db"
  }} aria-label="More info about RLS policies" title="More info about RLS policies">
                i
                {showRlsTooltip && <span style={{
    position: "absolute",
    bottom: "125%",
    left: "50%",
    transform: "translateX(-50%)",
    marginBottom: 6,
    padding: "8px 10px",
    background: "#111827",
    color: "#f9fafb",
    fontSize: 11,
    borderRadius: 6,
    whiteSpace: "normal",
    width: 260,
    boxShadow: "0 8px 16px rgba(0,0,0,0.25)",
    zIndex: 40,
    lineHeight: 1.4
  }}>
                    Adds a permissive SELECT policy on every RLS-enabled
                    application table in the chosen schemas. Dreamlit handles
                    its own internal-table RLS setup automatically when it
                    creates the `dreamlit` schema.
                  </span>}
              </span>
              <span style={{
    color: "#6b7280"
  }}>
                — Creates application-table SELECT policies when RLS is enabled
              </span>
            </span>
          </label>
        </div>}

      {}
      <div style={{
    marginBottom: 12,
    display: "flex",
    gap: 10,
    alignItems: "center",
    flexWrap: "wrap"
  }}>
        <button onClick={handleGenerate} disabled={!canGenerate} style={{
    padding: "8px 16px",
    borderRadius: 6,
    border: "none",
    background: "#111827",
    color: "white",
    fontSize: 13,
    fontWeight: 600,
    cursor: !canGenerate ? "not-allowed" : "pointer",
    opacity: !canGenerate ? 0.55 : 1
  }} type="button">
          Generate commands and connection string
        </button>
        {generateHint && <span style={{
    fontSize: 12,
    color: "#6b7280"
  }}>{generateHint}</span>}
        <span style={{
    fontSize: 12,
    color: "#4b5563"
  }}>
          Generated locally in your browser. Nothing is sent to Dreamlit or
          stored.
        </span>
      </div>

      {}
      {isGenerated && <div style={{
    marginTop: 8
  }}>
          <div style={{
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: 8,
    marginBottom: 8
  }}>
            <h3 style={{
    margin: 0,
    fontSize: 15,
    color: "#111827"
  }}>
              SQL commands to run
            </h3>
            <button onClick={handleCopy} style={{
    padding: "8px 12px",
    borderRadius: 6,
    border: "none",
    background: "#111827",
    color: "white",
    fontSize: 12,
    cursor: "pointer"
  }} type="button">
              {copyLabel}
            </button>
          </div>
          <div style={{
    border: "1px solid #e5e7eb",
    borderRadius: 12,
    padding: 0,
    background: "#f9fafb",
    color: "#111827",
    minHeight: 200
  }}>
            <pre style={{
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowX: "auto",
    maxHeight: 340,
    overflowY: "auto",
    fontSize: 12,
    lineHeight: 1.55,
    wordBreak: "break-word"
  }}>
              <code>{displaySql}</code>
            </pre>
          </div>
        </div>}

      {}
      {isGenerated && <div style={{
    marginTop: 16
  }}>
          <div style={{
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: 8,
    marginBottom: 8
  }}>
            <h3 style={{
    margin: 0,
    fontSize: 15,
    color: "#111827"
  }}>
              Your connection string
            </h3>
            <button onClick={handleCopyConnectionString} disabled={!isConnectionReady} style={{
    padding: "8px 12px",
    borderRadius: 6,
    border: "none",
    background: "#111827",
    color: "white",
    fontSize: 12,
    cursor: isConnectionReady ? "pointer" : "not-allowed",
    opacity: isConnectionReady ? 1 : 0.55
  }} type="button">
              {connectionCopyLabel}
            </button>
          </div>
          <div style={{
    border: "1px solid #e5e7eb",
    borderRadius: 12,
    padding: 0,
    background: "#f9fafb",
    color: "#111827"
  }}>
            <pre style={{
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowX: "auto",
    fontSize: 12,
    lineHeight: 1.55,
    wordBreak: "break-word",
    color: displayConnectionString ? undefined : "#6b7280",
    userSelect: "none"
  }}>
              <code>
                {displayConnectionString || "postgresql://dreamlit_app:<PASSWORD>@<HOST>:<PORT>/<DATABASE>"}
              </code>
            </pre>
          </div>
          {!isConnectionReady && <p style={{
    fontSize: 11,
    color: "#6b7280",
    marginTop: 6
  }}>
              {connectionHint}
            </p>}
        </div>}
    </div>;
};
