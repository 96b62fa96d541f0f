-- Durable state: what bitalloc must find again after a restart (DESIGN A1-A5, T2-T8).
-- RAM is stored as BIGINT hundredths of a GB (the game's own granularity); never floating point.
-- Portable to H2 (MODE=PostgreSQL) and PostgreSQL 15: see TOOLCHAIN.md section 2.2.

CREATE TABLE host (
    host              VARCHAR(200) NOT NULL PRIMARY KEY,
    kind              VARCHAR(16)  NOT NULL CHECK (kind IN ('HOME', 'PURCHASED', 'NETWORK', 'HACKNET')),
    cores             INTEGER      NOT NULL,
    max_ram           BIGINT       NOT NULL,
    set_aside_ram     BIGINT       NOT NULL,
    used_ram          BIGINT       NOT NULL,
    foreign_ram       BIGINT       NOT NULL,
    reserved_ram      BIGINT       NOT NULL,
    margin_ram        BIGINT       NOT NULL,
    last_scan_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE registration (
    game_session      BIGINT       NOT NULL,
    pid               BIGINT       NOT NULL,
    host              VARCHAR(200) NOT NULL,
    script            VARCHAR(400) NOT NULL,
    ram               BIGINT       NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    absent_since      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (game_session, pid)
);

CREATE TABLE allocation (
    allocation_id     UUID         NOT NULL PRIMARY KEY,
    game_session      BIGINT       NOT NULL,
    requester         VARCHAR(400) NOT NULL,
    script            VARCHAR(400) NOT NULL,
    flags             VARCHAR(200) NOT NULL,
    granted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    processes_gone_since TIMESTAMP WITH TIME ZONE
);

CREATE TABLE allocation_grant (
    allocation_id     UUID         NOT NULL REFERENCES allocation (allocation_id) ON DELETE CASCADE,
    host              VARCHAR(200) NOT NULL,
    chunk_size        BIGINT       NOT NULL,
    chunks            INTEGER      NOT NULL CHECK (chunks > 0),
    PRIMARY KEY (allocation_id, host, chunk_size)
);

CREATE TABLE allocation_claim (
    allocation_id     UUID         NOT NULL REFERENCES allocation (allocation_id) ON DELETE CASCADE,
    game_session      BIGINT       NOT NULL,
    pid               BIGINT       NOT NULL,
    host              VARCHAR(200) NOT NULL,
    chunk_size        BIGINT       NOT NULL,
    chunks            INTEGER      NOT NULL CHECK (chunks > 0),
    PRIMARY KEY (allocation_id, game_session, pid, host, chunk_size)
);

-- One task script per target (T1): the target is the key of both confirmed tasks and pending launches.
CREATE TABLE task (
    target            VARCHAR(200) NOT NULL PRIMARY KEY,
    lifecycle         VARCHAR(16)  NOT NULL CHECK (lifecycle IN ('TILL', 'SOW', 'HARVEST')),
    game_session      BIGINT       NOT NULL,
    pid               BIGINT       NOT NULL,
    host              VARCHAR(200) NOT NULL,
    script            VARCHAR(400) NOT NULL,
    launched_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE pending_launch (
    target            VARCHAR(200) NOT NULL PRIMARY KEY,
    lifecycle         VARCHAR(16)  NOT NULL CHECK (lifecycle IN ('TILL', 'SOW', 'HARVEST')),
    game_session      BIGINT       NOT NULL,
    pid               BIGINT       NOT NULL,
    host              VARCHAR(200) NOT NULL,
    script            VARCHAR(400) NOT NULL,
    launched_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    promised_ram      BIGINT       NOT NULL
);

-- The selector's global launch back-off (T5): at most one row.
CREATE TABLE selector_backoff (
    id                INTEGER      NOT NULL PRIMARY KEY CHECK (id = 1),
    consecutive_failures INTEGER   NOT NULL,
    delay_millis      BIGINT       NOT NULL,
    next_launch_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
