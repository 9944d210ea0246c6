-- Public consultations and their comments (org.planmap.consultation). Same tables and columns as postgresql/V30.
-- id: the short code of the consultation's short link (/c/{id}); questions, plan_refs, area_ids: JSON arrays.
-- publish_mode: moderated (a moderator approves each comment; the default) | immediate.
CREATE TABLE consultation (
    id           VARCHAR(16)  PRIMARY KEY,
    title_zh     VARCHAR(200) NOT NULL,
    title_en     VARCHAR(200) NOT NULL,
    opens_at     TIMESTAMP    NOT NULL,
    closes_at    TIMESTAMP    NOT NULL,
    plan_refs    CLOB NOT NULL,
    area_ids     CLOB NOT NULL,
    questions    CLOB NOT NULL,
    publish_mode VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

-- One comment. anchor_kind: point | area | feature | section | paragraph. geom: the point or drawn area (null for
-- a plan section or paragraph; a feature's comment keeps the feature's geometry out of this table, it is read from
-- the data snapshot). zone, area_ids (JSON), section_id: where it falls, derived once when it is stored.
-- status: pending | published | rejected | hidden. flagged_words: JSON array of word-list hits (for moderators).
-- contact and client_hash are personal data: moderators only, erased by the retention job (contact_expires_at,
-- client_hash_expires_at); client_hash is a salted SHA-256 of the client address, never the address itself.
CREATE TABLE consultation_comment (
    id                     VARCHAR(32)  PRIMARY KEY,
    consultation_id        VARCHAR(16)  NOT NULL,
    created_at             TIMESTAMP    NOT NULL,
    topic                  VARCHAR(20)  NOT NULL,
    question_no            INTEGER,
    body                   CLOB NOT NULL,
    anchor_kind            VARCHAR(20)  NOT NULL,
    anchor_ref             VARCHAR(100),
    geom                   GEOMETRY(GEOMETRY, 4326),
    zone                   VARCHAR(60),
    area_ids               CLOB NOT NULL,
    section_id             VARCHAR(60),
    status                 VARCHAR(20)  NOT NULL,
    flagged_words          CLOB NOT NULL,
    decision_reason        VARCHAR(500),
    decided_at             TIMESTAMP,
    published_at           TIMESTAMP,
    agree_count            INTEGER      NOT NULL,
    contact                VARCHAR(200),
    contact_expires_at     TIMESTAMP,
    client_hash            VARCHAR(64),
    client_hash_expires_at TIMESTAMP,
    CONSTRAINT consultation_comment_consultation_fk FOREIGN KEY (consultation_id) REFERENCES consultation (id) ON DELETE CASCADE
);
CREATE INDEX consultation_comment_list_idx ON consultation_comment (consultation_id, status, created_at);
CREATE INDEX consultation_comment_client_idx ON consultation_comment (consultation_id, client_hash, created_at);

-- "I agree", once per browser: browser_hash is a SHA-256 of a random key the browser keeps (not a security boundary).
CREATE TABLE consultation_agreement (
    comment_id   VARCHAR(32) NOT NULL,
    browser_hash VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (comment_id, browser_hash),
    CONSTRAINT consultation_agreement_comment_fk FOREIGN KEY (comment_id) REFERENCES consultation_comment (id) ON DELETE CASCADE
);
