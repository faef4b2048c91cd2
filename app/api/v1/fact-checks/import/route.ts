import { apiRoute, readJson } from "@/lib/api/handler";
import { issuesInLocale } from "@/lib/i18n/localize-error";
import { localeFromAcceptLanguage } from "@/lib/i18n/public-path";
import {
  assertCanImportFactChecks,
  importFactChecks,
  MAX_FACT_CHECK_FILE_BYTES,
} from "@/lib/services/fact-checks/import-fact-checks";

/**
 * `POST /api/v1/fact-checks/import` with the file itself as the JSON body — ClaimReview (one, a list, a JSON-LD
 * `@graph`, a `DataFeed`) or a fact-check search API's JSON (`{claims: [{text, claimant, claimDate, claimReview}]}`),
 * at most 50,000 reviews (413 beyond) → `200 {reviews, counts: {added, updated, unchanged, skipped, duplicates},
 * problems: [{path, message}], duplicates: [{path, url, replacedBy}], notListed}`. Invalid reviews are left out and
 * listed by their path; a file with none valid is refused (422). Editors and admins: the role is checked before the
 * body is read.
 *
 * This route alone takes JSON bodies up to 64 MB (`MAX_FACT_CHECK_FILE_BYTES`; every other route 6 MB): 50,000 reviews,
 * the most one import takes, come to about 50 MB. The body is counted while it streams, as every JSON body is, and past
 * the limit the rest is cancelled unread (413): no more than 64 MB of a request is ever read.
 */
export const POST = apiRoute(async ({ req, actor }) => {
  await assertCanImportFactChecks(actor);
  const result = await importFactChecks(actor, await readJson(req, MAX_FACT_CHECK_FILE_BYTES));
  // Problems in the language the request asks for (the desk's import form asks for its own), else English.
  return {
    ...result,
    problems: await issuesInLocale(result.problems, localeFromAcceptLanguage(req.headers.get("accept-language"))),
  };
});
