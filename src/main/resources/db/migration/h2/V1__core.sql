-- H2GIS: register the spatial functions once in this database.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

CREATE TABLE source_file (
    name      VARCHAR(200) PRIMARY KEY,
    sha256    VARCHAR(64)  NOT NULL,
    loaded_at TIMESTAMP    NOT NULL
);

CREATE TABLE feature (
    id         VARCHAR(160) PRIMARY KEY,
    collection VARCHAR(60)  NOT NULL,
    seq        INTEGER      NOT NULL,
    name       VARCHAR(400) NOT NULL,
    name_en    VARCHAR(400),
    accuracy   VARCHAR(20)  NOT NULL,
    zone       VARCHAR(60),
    column_no  INTEGER,
    column_group VARCHAR(200),
    kind       VARCHAR(60),
    min_x      DOUBLE PRECISION NOT NULL,
    min_y      DOUBLE PRECISION NOT NULL,
    max_x      DOUBLE PRECISION NOT NULL,
    max_y      DOUBLE PRECISION NOT NULL,
    properties CLOB         NOT NULL,
    geom       GEOMETRY(GEOMETRY, 4326) NOT NULL
);
CREATE INDEX feature_collection_idx ON feature (collection, seq);
CREATE SPATIAL INDEX feature_geom_idx ON feature (geom);

CREATE TABLE plan_node (
    id        VARCHAR(80) PRIMARY KEY,
    kind      VARCHAR(20) NOT NULL,
    parent_id VARCHAR(80),
    seq       INTEGER     NOT NULL,
    number    VARCHAR(40),
    title     VARCHAR(400) NOT NULL,
    body      CLOB
);
CREATE INDEX plan_node_parent_idx ON plan_node (parent_id, seq);

CREATE TABLE plan_paragraph (
    id      VARCHAR(100) PRIMARY KEY,
    node_id VARCHAR(80)  NOT NULL,
    seq     INTEGER      NOT NULL,
    text    CLOB         NOT NULL
);
CREATE INDEX plan_paragraph_node_idx ON plan_paragraph (node_id, seq);

CREATE TABLE catalogue_item (
    id           VARCHAR(40)  PRIMARY KEY,
    column_no    INTEGER      NOT NULL,
    item_no      INTEGER      NOT NULL,
    column_group VARCHAR(200) NOT NULL,
    name         VARCHAR(400) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    reason       VARCHAR(200),
    feature_id   VARCHAR(160)
);
CREATE INDEX catalogue_item_column_idx ON catalogue_item (column_no, item_no);

CREATE TABLE indicator (
    id         VARCHAR(40)  PRIMARY KEY,
    table_no   INTEGER      NOT NULL,
    row_no     INTEGER      NOT NULL,
    category   VARCHAR(100),
    name       VARCHAR(400) NOT NULL,
    unit       VARCHAR(100),
    attribute  VARCHAR(20),
    target_raw VARCHAR(100),
    result_raw VARCHAR(100),
    body       CLOB         NOT NULL
);

CREATE TABLE feature_plan_ref (
    feature_id   VARCHAR(160) NOT NULL,
    node_id      VARCHAR(80)  NOT NULL,
    paragraph_id VARCHAR(100),
    kind         VARCHAR(20)  NOT NULL,
    match_start  INTEGER,
    match_end    INTEGER,
    matched_name VARCHAR(400),
    sentence     CLOB
);
CREATE INDEX feature_plan_ref_feature_idx ON feature_plan_ref (feature_id);
CREATE INDEX feature_plan_ref_node_idx ON feature_plan_ref (node_id);
CREATE INDEX feature_plan_ref_paragraph_idx ON feature_plan_ref (paragraph_id);
