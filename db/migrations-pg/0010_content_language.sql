-- The language a claim was made in and a verdict is written in (BCP 47; null: the document's, the claim's), as
-- published; a rating's label and description in other interface languages.
ALTER TABLE "claim_versions" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "rating_versions" ADD COLUMN "translations" text;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "translations" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "language" text;