-- The characters each user owns. The primary key is the rule "at most once per user and
-- character": a grant is a single INSERT ... ON CONFLICT DO NOTHING against it, so two concurrent
-- grants can never both insert. Portable SQL: it runs on PostgreSQL and on H2 in MODE=PostgreSQL.
CREATE TABLE owned_characters (
    user_id      VARCHAR(128)             NOT NULL,
    character_id VARCHAR(80)              NOT NULL,
    match_reason VARCHAR(200)             NOT NULL,
    scan_id      VARCHAR(36)              NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, character_id)
);
