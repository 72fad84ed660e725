-- Optional, for authd reading OpenSIPS's subscriber table (opensips-subscriber.yaml): announces every added,
-- changed or removed subscriber on the LISTEN/NOTIFY channel authd_credentials, so that every authd replica
-- drops its cached copy at once instead of when the cache entry expires. Run it as the table's owner, in the
-- database and schema of the subscriber table:
--   psql "postgresql://opensips@db.example.com/opensips" -f opensips-notify.sql
-- The channel must match credentials.postgres.notifyChannel. The payload is authd's:
--   {"realm": <domain>, "username": <username>}
-- with the old and the new name when a subscriber is renamed. NOTIFY is sent at commit, so changes made by
-- opensips-cli and by hand alike are announced once committed, and not at all when rolled back.
-- Needs PostgreSQL 11 or later (EXECUTE FUNCTION). Remove with:
--   DROP TRIGGER authd_subscriber_notify ON subscriber; DROP FUNCTION authd_subscriber_notify();
CREATE OR REPLACE FUNCTION authd_subscriber_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_notify('authd_credentials', json_build_object('realm', OLD.domain, 'username', OLD.username)::text);
    END IF;
    IF TG_OP = 'INSERT'
            OR (TG_OP = 'UPDATE' AND (NEW.domain, NEW.username) IS DISTINCT FROM (OLD.domain, OLD.username)) THEN
        PERFORM pg_notify('authd_credentials', json_build_object('realm', NEW.domain, 'username', NEW.username)::text);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS authd_subscriber_notify ON subscriber;
CREATE TRIGGER authd_subscriber_notify AFTER INSERT OR UPDATE OR DELETE ON subscriber
    FOR EACH ROW EXECUTE FUNCTION authd_subscriber_notify();
