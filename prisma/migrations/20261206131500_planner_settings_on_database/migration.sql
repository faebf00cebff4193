-- The initiatives table's statement plans with these two settings (docs/adr/0010-one-read-engine.md):
-- set on the database, every new connection starts with them, and the statement no longer opens a
-- transaction of its own to SET LOCAL them, three round trips fewer per page (docs/adr/0016-initiatives-table-weight.md).
-- Server-side, so a PgBouncer in front needs no startup options, and read replicas receive them too.
-- A role that does not own the database cannot set them: the migration still applies, and the
-- statement goes on setting them itself (lib/initiatives/search-initiatives.ts checks which).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '64MB');
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = %L', current_database(), '1.1');
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'Sin permiso para ALTER DATABASE %: la tabla de iniciativas fijará work_mem y random_page_cost en cada consulta.', current_database();
END
$$;
