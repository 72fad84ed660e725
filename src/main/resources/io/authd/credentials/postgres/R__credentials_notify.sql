-- Repeatable: applied again at every migrate, after the versioned migrations, with the configured channel.
-- ${schema} is credentials.postgres.schema and ${channel} credentials.postgres.notifyChannel (empty = off);
-- both are plain identifiers (checked by the configuration), so they can be put into the SQL text.
-- Payload: {"realm": ..., "username": ...} of each user that was added, changed or removed; a rename
-- announces the old and the new name. NOTIFY is sent at commit, and not at all on rollback.
CREATE OR REPLACE FUNCTION ${schema}.credentials_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    channel constant text := '${channel}';
BEGIN
    IF channel = '' THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_notify(channel, json_build_object('realm', OLD.realm, 'username', OLD.username)::text);
    END IF;
    IF TG_OP = 'INSERT'
            OR (TG_OP = 'UPDATE' AND (NEW.realm, NEW.username) IS DISTINCT FROM (OLD.realm, OLD.username)) THEN
        PERFORM pg_notify(channel, json_build_object('realm', NEW.realm, 'username', NEW.username)::text);
    END IF;
    RETURN NULL;
END
$$;
