-- Hand out history ids in blocks of 10,000. With the default block of 32, H2 writes its whole store to the file
-- each time a block runs out (every 32 rows), which was over 40 % of the history writer's time. Only the history
-- writer inserts, so ids still grow with time; ids of a block not used up before a restart are skipped.
ALTER TABLE host_scan ALTER COLUMN id SET CACHE 10000;
ALTER TABLE allocation_event ALTER COLUMN id SET CACHE 10000;
ALTER TABLE allocation_refusal ALTER COLUMN id SET CACHE 10000;
ALTER TABLE registration_event ALTER COLUMN id SET CACHE 10000;
ALTER TABLE task_event ALTER COLUMN id SET CACHE 10000;
