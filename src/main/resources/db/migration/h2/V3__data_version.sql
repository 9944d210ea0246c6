-- One data snapshot (org.planmap.geodata): the app reads the data into memory and rebuilds that copy whenever
-- data_version changes. Same tables and columns as postgresql/V3__data_version.sql.

-- The counter every data write increments in its own transaction (GeodataLoader, and any editor through
-- DataSnapshots.write). One row. changed_at is the time of the last increment: it also tells two databases apart
-- whose counters happen to be equal, so ETags derived from (version, changed_at) never repeat across a rebuilt
-- database.
CREATE TABLE data_version (
    id         INTEGER   PRIMARY KEY CHECK (id = 1),
    version    BIGINT    NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 0, CURRENT_TIMESTAMP);

-- The plan's source texts (the outline and our English titles), so that every app instance on this database
-- parses the same plan. The parsed document in memory is the one copy every reader uses; the tables that held a
-- second, relational copy of it, and the plan links derived from it, are gone (the snapshot derives the links).
CREATE TABLE plan_source (
    name   VARCHAR(200) PRIMARY KEY,
    sha256 VARCHAR(64)  NOT NULL,
    text   CLOB         NOT NULL
);
DROP TABLE feature_plan_ref;
DROP TABLE plan_paragraph;
DROP TABLE plan_node;
DROP TABLE indicator;

-- plan_source starts empty: forget what was loaded, so the next start loads every file again.
DELETE FROM source_file;
