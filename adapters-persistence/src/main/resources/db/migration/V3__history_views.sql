-- The stable, documented views players query (bitalloc sql "SELECT ..."). Tables may change; these names and
-- columns do not. RAM is shown in GB with two decimals; times are TIMESTAMP WITH TIME ZONE.

-- Every host as one poll saw it.
CREATE VIEW host_scans AS
SELECT occurred_at,
       game_session,
       host,
       kind,
       CAST(max_ram / 100.0 AS DECIMAL(20, 2))            AS max_gb,
       CAST(set_aside_ram / 100.0 AS DECIMAL(20, 2))      AS set_aside_gb,
       CAST(used_ram / 100.0 AS DECIMAL(20, 2))           AS used_gb,
       CAST(allocated_ram / 100.0 AS DECIMAL(20, 2))      AS allocated_gb,
       CAST(foreign_ram / 100.0 AS DECIMAL(20, 2))        AS foreign_gb,
       CAST(reserved_ram / 100.0 AS DECIMAL(20, 2))       AS reserved_gb,
       CAST(margin_ram / 100.0 AS DECIMAL(20, 2))         AS margin_gb,
       CAST(effective_free_ram / 100.0 AS DECIMAL(20, 2)) AS effective_free_gb,
       process_count
FROM host_scan;

-- Every allocation change, one row per host grant it touched (granted, grown, claimed, claim_released,
-- chunks_released, released, reclaimed_leaked).
CREATE VIEW allocation_events AS
SELECT occurred_at,
       game_session,
       allocation_id,
       change,
       requester,
       pid,
       host,
       CAST(chunk_size / 100.0 AS DECIMAL(20, 2))          AS chunk_gb,
       chunks,
       CAST(chunk_size * chunks / 100.0 AS DECIMAL(20, 2)) AS ram_gb,
       detail
FROM allocation_event;

-- Every allocation request that could not be met, with the reason and the RAM that was free.
CREATE VIEW allocation_refusals AS
SELECT occurred_at,
       game_session,
       requester,
       CAST(chunk_size / 100.0 AS DECIMAL(20, 2))    AS chunk_gb,
       chunks,
       reason,
       CAST(available_ram / 100.0 AS DECIMAL(20, 2)) AS available_gb
FROM allocation_refusal;

-- Every registration change of a core service (registered, unregistered, aged_out).
CREATE VIEW registration_events AS
SELECT occurred_at,
       game_session,
       change,
       host,
       pid,
       script,
       CAST(ram / 100.0 AS DECIMAL(20, 2)) AS ram_gb
FROM registration_event;

-- Every task event (launched, confirmed, heartbeat_gap, timed_out, killed, finished, backed_off, failed,
-- clash, adopted).
CREATE VIEW task_events AS
SELECT occurred_at,
       game_session,
       kind,
       target,
       lifecycle,
       pid,
       detail
FROM task_event;

-- Utilisation per host and minute: RAM allocated by bitalloc over the RAM it could have held
-- (max - set-aside - foreign), summed over the minute's scans.
CREATE VIEW utilization_per_host_minute AS
SELECT DATE_TRUNC('minute', occurred_at)                              AS minute_start,
       host,
       kind,
       COUNT(*)                                                       AS scans,
       CAST(AVG(allocated_ram) / 100.0 AS DECIMAL(20, 2))             AS avg_allocated_gb,
       CAST(AVG(max_ram - set_aside_ram - foreign_ram) / 100.0 AS DECIMAL(20, 2)) AS avg_usable_gb,
       CAST(CAST(SUM(allocated_ram) AS DECIMAL(30, 6))
            / NULLIF(SUM(max_ram - set_aside_ram - foreign_ram), 0) AS DECIMAL(10, 4)) AS utilization
FROM host_scan
GROUP BY DATE_TRUNC('minute', occurred_at), host, kind;

-- How each target's tasks ended.
CREATE VIEW task_outcomes_per_target AS
SELECT target,
       SUM(CASE WHEN kind = 'LAUNCHED' THEN 1 ELSE 0 END)      AS launched,
       SUM(CASE WHEN kind = 'CONFIRMED' THEN 1 ELSE 0 END)     AS confirmed,
       SUM(CASE WHEN kind = 'FINISHED' THEN 1 ELSE 0 END)      AS finished,
       SUM(CASE WHEN kind = 'TIMED_OUT' THEN 1 ELSE 0 END)     AS timed_out,
       SUM(CASE WHEN kind = 'KILLED' THEN 1 ELSE 0 END)        AS killed,
       SUM(CASE WHEN kind = 'FAILED' THEN 1 ELSE 0 END)        AS failed,
       SUM(CASE WHEN kind = 'CLASH' THEN 1 ELSE 0 END)         AS clashes,
       SUM(CASE WHEN kind = 'HEARTBEAT_GAP' THEN 1 ELSE 0 END) AS heartbeat_gaps,
       SUM(CASE WHEN kind = 'ADOPTED' THEN 1 ELSE 0 END)       AS adopted,
       MAX(occurred_at)                                        AS last_event_at
FROM task_event
WHERE target IS NOT NULL
GROUP BY target;

-- Which targets timed out most (launch timeouts and heartbeat timeouts alike).
CREATE VIEW timeouts_per_target AS
SELECT target,
       COUNT(*)         AS timeouts,
       MIN(occurred_at) AS first_timeout_at,
       MAX(occurred_at) AS last_timeout_at
FROM task_event
WHERE kind = 'TIMED_OUT' AND target IS NOT NULL
GROUP BY target;
