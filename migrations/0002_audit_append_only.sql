-- The audit log is append-only: content never changes, rows are never deleted,
-- and the seal columns are written once (by the sealer).
CREATE OR REPLACE FUNCTION strang_audit_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only';
  END IF;
  IF OLD.seq IS NOT NULL
     OR (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash' - 'sealed_at')
        IS DISTINCT FROM (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash' - 'sealed_at') THEN
    RAISE EXCEPTION 'audit_events is append-only';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION strang_audit_guard();
--> statement-breakpoint
CREATE UNIQUE INDEX audit_tenant_seq_unique ON audit_events (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), seq) WHERE seq IS NOT NULL;
