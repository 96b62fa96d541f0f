-- A scan that drops a claim knows its process (game session and pid), not its allocation: find it by process.
CREATE INDEX allocation_claim_by_process ON allocation_claim (game_session, pid);
