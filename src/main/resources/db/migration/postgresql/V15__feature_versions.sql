-- Staff edits of the map (org.planmap.editing, docs/editing.md). Same tables and columns as h2/V15__feature_versions.sql.

-- Every saved state of a feature staff touched: version 1 is the seed as it was when staff first edited it
-- (action 'seed'; none for a feature staff placed), then one row per save ('edit', 'restore', 'place',
-- 'take-seed', 'keep-staff'). Append-only: the application never updates or deletes a row. feature is the full
-- GeoJSON Feature in the geodata/<collection>.geojson shape. The primary key makes two saves on the same base
-- version impossible: the second one fails and is answered 409.
CREATE TABLE feature_version (
    feature_id    VARCHAR(160)  NOT NULL,
    version       INTEGER       NOT NULL,
    collection    VARCHAR(60)   NOT NULL,
    action        VARCHAR(20)   NOT NULL,
    restored_from INTEGER,
    feature       TEXT          NOT NULL,
    actor         VARCHAR(200),
    reason        VARCHAR(2000),
    created_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (feature_id, version)
);

-- One row per feature staff edited: its current version (the row of feature_version the map shows), the seed
-- feature the edits were made on (null when staff placed it and the seed has none), and a pending conflict: the
-- seed file changed that feature (seed_conflict holds the seed's new feature; kind 'changed', 'removed' or 'added')
-- until an editor keeps staff's version or takes the seed's. removed: an editor took the seed's removal of the
-- feature; it is off the map until a version is restored.
CREATE TABLE staff_feature (
    feature_id    VARCHAR(160) PRIMARY KEY,
    collection    VARCHAR(60)  NOT NULL,
    version       INTEGER      NOT NULL,
    seed          TEXT,
    conflict_kind VARCHAR(20),
    seed_conflict TEXT,
    conflict_at   TIMESTAMP,
    removed       BOOLEAN      DEFAULT FALSE NOT NULL
);
