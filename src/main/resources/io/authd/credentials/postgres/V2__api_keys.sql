-- authd credential store, schema version 2: API keys (Bearer ak_<id>_<secret>).
-- Only the SHA-256 of the secret is stored: the secret has 256 random bits, so a fast hash is enough, and a
-- dump of this table hands out no key. Revoking a key deletes its row. authd does not cache API keys, so a
-- deleted row is refused at once by every replica reading this database: no notification is needed.
CREATE TABLE ${schema}.api_keys (
    realm          text COLLATE "C" NOT NULL,
    id             text COLLATE "C" NOT NULL,
    secret_sha256  text NOT NULL,
    scopes         text[] NOT NULL DEFAULT '{}',
    expires_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (realm, id),
    CONSTRAINT api_keys_realm_not_empty CHECK (realm <> ''),
    CONSTRAINT api_keys_id_hex CHECK (id ~ '^[0-9a-f]{16}$'),
    CONSTRAINT api_keys_secret_sha256_lhex CHECK (secret_sha256 ~ '^[0-9a-f]{64}$')
);
