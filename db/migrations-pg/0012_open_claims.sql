-- A claim's work ends when a verdict on it is first published: "claims"."closed_at", set by a trigger on "verdicts" (the
-- services, the seed and any other writer alike), filled in here for the claims already decided. The work queue reads
-- open claims through partial indexes instead of asking "verdicts" about every claim.
DROP INDEX "claims_assignee_idx";--> statement-breakpoint
DROP INDEX "claims_due_idx";--> statement-breakpoint
DROP INDEX "claims_repeat_of_idx";--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "closed_at" bigint;--> statement-breakpoint
CREATE INDEX "claims_open_assignee_idx" ON "claims" USING btree ("assignee_id","due_at") WHERE "claims"."closed_at" is null and "claims"."repeat_of" is null;--> statement-breakpoint
CREATE INDEX "claims_open_due_idx" ON "claims" USING btree ("due_at") WHERE "claims"."closed_at" is null and "claims"."repeat_of" is null;--> statement-breakpoint
CREATE INDEX "claims_repeat_of_idx" ON "claims" USING btree ("repeat_of") WHERE "claims"."repeat_of" is not null;--> statement-breakpoint
UPDATE "claims" SET "closed_at" = (
  SELECT min(coalesce(v."published_at", v."updated_at")) FROM "verdicts" v
  WHERE v."claim_id" = "claims"."id" AND v."state" IN ('published', 'superseded', 'retracted')
);--> statement-breakpoint
CREATE FUNCTION "close_claim_on_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."state" IN ('published', 'superseded', 'retracted') THEN
    UPDATE "claims" SET "closed_at" = coalesce(NEW."published_at", NEW."updated_at")
    WHERE "id" = NEW."claim_id" AND "closed_at" IS NULL;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "verdicts_close_claim" AFTER INSERT OR UPDATE OF "state" ON "verdicts"
FOR EACH ROW EXECUTE FUNCTION "close_claim_on_publication"();
