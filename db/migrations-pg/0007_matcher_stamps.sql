CREATE INDEX "claims_updated_idx" ON "claims" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "fact_checks_updated_idx" ON "fact_checks" USING btree ("updated_at");