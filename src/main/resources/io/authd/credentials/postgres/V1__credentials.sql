-- authd credential store, schema version 1: the users table.
-- ${schema} is credentials.postgres.schema, put in by Migrations (identifiers cannot be bind parameters).
-- Needs PostgreSQL 11 or later (sha256(), EXECUTE FUNCTION).

-- One row per user of a realm. HA1 = H(username ":" realm ":" password) as lowercase hex (RFC 7616 §3.4.2);
-- a user may lack the HA1 of some hash functions and then cannot answer with those algorithms.
-- realm and username sort by bytes (COLLATE "C"): list pages then follow the primary key index, and order
-- the same whatever the database's default collation is. Equality is exact either way (case-sensitive).
CREATE TABLE ${schema}.credentials (
    realm               text COLLATE "C" NOT NULL,
    username            text COLLATE "C" NOT NULL,
    ha1_md5             text,
    ha1_sha256          text,
    ha1_sha512_256      text,
    -- userhash = H(username ":" realm), lowercase hex (RFC 7616 §3.4.4), for clients that hide the username.
    -- MD5 and SHA-256 are computed by the trigger below, so rows written with psql are right too.
    -- PostgreSQL has no SHA-512/256 (the FIPS 180-4 function, not truncated SHA-512), so authd computes
    -- userhash_sha512_256 in Java on every write. A row inserted or renamed outside authd has none until authd
    -- next writes it: until then its user is not found by a SHA-512-256 userhash (and is by name).
    userhash_md5        text,
    userhash_sha256     text,
    userhash_sha512_256 text,
    enabled             boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (realm, username),
    CONSTRAINT credentials_names_not_empty CHECK (realm <> '' AND username <> ''),
    -- LHEX of RFC 7616 §3: lowercase only, so that stored values compare byte for byte.
    CONSTRAINT credentials_ha1_md5_lhex CHECK (ha1_md5 ~ '^[0-9a-f]{32}$'),
    CONSTRAINT credentials_ha1_sha256_lhex CHECK (ha1_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT credentials_ha1_sha512_256_lhex CHECK (ha1_sha512_256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT credentials_userhash_sha512_256_lhex CHECK (userhash_sha512_256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT credentials_has_ha1 CHECK (num_nonnulls(ha1_md5, ha1_sha256, ha1_sha512_256) > 0)
);

CREATE INDEX credentials_userhash_md5 ON ${schema}.credentials (realm, userhash_md5);
CREATE INDEX credentials_userhash_sha256 ON ${schema}.credentials (realm, userhash_sha256);
CREATE INDEX credentials_userhash_sha512_256 ON ${schema}.credentials (realm, userhash_sha512_256);

-- Usernames and realms are hashed as UTF-8 (RFC 7616 §3.4.4 with charset=UTF-8), whatever the database
-- encoding, hence convert_to() rather than md5(text).
CREATE FUNCTION ${schema}.credentials_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.userhash_md5 := md5(convert_to(NEW.username || ':' || NEW.realm, 'UTF8'));
    NEW.userhash_sha256 := encode(sha256(convert_to(NEW.username || ':' || NEW.realm, 'UTF8')), 'hex');
    -- A rename outside authd would leave the SHA-512-256 userhash of the old name: drop it rather than let
    -- the old name's userhash find the renamed user.
    IF TG_OP = 'UPDATE' AND (NEW.realm, NEW.username) IS DISTINCT FROM (OLD.realm, OLD.username)
            AND NEW.userhash_sha512_256 IS NOT DISTINCT FROM OLD.userhash_sha512_256 THEN
        NEW.userhash_sha512_256 := NULL;
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER credentials_derive BEFORE INSERT OR UPDATE ON ${schema}.credentials
    FOR EACH ROW EXECUTE FUNCTION ${schema}.credentials_derive();

-- Announces changed users to every replica (LISTEN/NOTIFY), so that caches drop them at once. The function
-- is a placeholder here: R__credentials_notify.sql replaces it at every migrate, because the channel is
-- configuration (credentials.postgres.notifyChannel). The trigger is created once, here, so that a migrate
-- never takes the table lock that re-creating a trigger needs.
CREATE FUNCTION ${schema}.credentials_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NULL;
END
$$;

CREATE TRIGGER credentials_notify AFTER INSERT OR UPDATE OR DELETE ON ${schema}.credentials
    FOR EACH ROW EXECUTE FUNCTION ${schema}.credentials_notify();
