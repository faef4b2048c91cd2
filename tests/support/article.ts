import fs from "node:fs";
import path from "node:path";
import { extractDateMarker, toCanonicalText } from "@/lib/documents/canonical-text";

/** The raw fixture article as received (the project's own copy, used by the demo too). */
export const RAW_ARTICLE = fs.readFileSync(
  path.join(import.meta.dirname, "../../db/seed-data/mariupol-talks-2022-03-10.txt"),
  "utf8",
);

/** The fixture article's canonical text, as the importer stores it. */
export const ARTICLE = toCanonicalText(extractDateMarker(toCanonicalText(RAW_ARTICLE)).text);
