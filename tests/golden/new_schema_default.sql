-- Run as the role that owns/creates tables in this schema (usually "postgres")
GRANT USAGE ON SCHEMA "public" TO "dreamlit_app";
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA "public" TO "dreamlit_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO "dreamlit_app";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "public" TO "dreamlit_app";

ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public"
  GRANT SELECT, TRIGGER ON TABLES TO "dreamlit_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public"
  GRANT USAGE, SELECT ON SEQUENCES TO "dreamlit_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public"
  GRANT EXECUTE ON FUNCTIONS TO "dreamlit_app";