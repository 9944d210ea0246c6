-- Saved planner overlays (org.planmap.overlay). Same tables and columns as postgresql/V2__overlay.sql.
-- id: 128-bit random, base64url; the delete token itself is never stored, only its SHA-256 (hex).
CREATE TABLE overlay (
    id                  VARCHAR(32)  PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    source_format       VARCHAR(20)  NOT NULL,
    source_crs          VARCHAR(40)  NOT NULL,
    crs_source          VARCHAR(60),
    distance_m          DOUBLE PRECISION NOT NULL,
    notes               CLOB         NOT NULL,
    delete_token_sha256 VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMP    NOT NULL
);

CREATE TABLE overlay_feature (
    overlay_id VARCHAR(32)  NOT NULL,
    seq        INTEGER      NOT NULL,
    name       VARCHAR(400) NOT NULL,
    properties CLOB         NOT NULL,
    geom       GEOMETRY(GEOMETRY, 4326) NOT NULL,
    PRIMARY KEY (overlay_id, seq),
    CONSTRAINT overlay_feature_overlay_fk FOREIGN KEY (overlay_id) REFERENCES overlay (id) ON DELETE CASCADE
);
