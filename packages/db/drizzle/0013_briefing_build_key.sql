-- What a story's briefing was last built from (ids of the articles read, their revisions, enrichment outputs and
-- outlets), so that a rebuild request with the same inputs is skipped before the articles are loaded: most
-- requests under load come from articles joining a story beyond the 60 a briefing reads, or from copies the
-- briefing leaves out. Nullable: briefings stored before this, or by anything but the worker, have none and are
-- rebuilt once.
ALTER TABLE "briefings" ADD COLUMN IF NOT EXISTS "build_key" text;
