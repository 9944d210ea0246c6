-- Idempotency keys of writes (org.planmap.system.IdempotencyKeys). Same table and columns as h2/V40.
-- A write sent with an Idempotency-Key header stores the key in the same transaction as the data, so a retry
-- finds either both or neither; the row expires (planmap.idempotency.ttl) and is deleted after that.
-- secret: what the first answer handed out and a replay must hand out again (an overlay's delete token).
CREATE TABLE idempotency_key (
    scope          VARCHAR(60)  NOT NULL,
    idem_key       VARCHAR(200) NOT NULL,
    request_sha256 VARCHAR(64)  NOT NULL,
    resource_id    VARCHAR(64)  NOT NULL,
    secret         VARCHAR(100),
    created_at     TIMESTAMP    NOT NULL,
    expires_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
