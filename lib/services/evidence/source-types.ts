import type { SOURCE_TYPES } from "@/db/enums";

/** Words for the source types, for forms and pages. */
export const SOURCE_TYPE_LABELS: Record<(typeof SOURCE_TYPES)[number], string> = {
  official_statement: "Official statement",
  news_report: "News report",
  photo_video: "Photo or video",
  satellite_imagery: "Satellite imagery",
  document: "Document",
  expert: "Expert",
  dataset: "Dataset",
  eyewitness: "Eyewitness",
  other: "Other",
};
