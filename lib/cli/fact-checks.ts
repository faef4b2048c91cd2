import fs from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { importFactChecks } from "@/lib/services/fact-checks/import-fact-checks";
import { isServiceError, type FieldIssue } from "@/lib/services/errors";
import { parseOptions } from "./args";
import { UsageError } from "./errors";

const USAGE = "fact-checks import --file FILE   (ClaimReview JSON-LD, a DataFeed, or a fact-check search API's JSON)";
/** Problems printed; the result counts the rest. */
const SHOWN = 20;

const n = (count: number) => count.toLocaleString("en");

function printProblems(out: (line: string) => void, problems: FieldIssue[], total: number): void {
  if (total === 0) return;
  out(`Problems${total > SHOWN ? ` (the first ${SHOWN} of ${n(total)})` : ""}:`);
  for (const p of problems.slice(0, SHOWN)) out(`  ${p.path}: ${p.message}`);
}

/**
 * `cli fact-checks import --file FILE`: other fact-checkers' reviews into the library of known fact-checks, as the
 * operator. Prints the counts and the first problems. Succeeds when the file had a valid review (added, updated or
 * already there) or no invalid one; a file with no valid review fails (exit code 1), a missing or unreadable file is a
 * usage error (2).
 */
export async function runFactChecksCommand(args: string[], out: (line: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "import") throw new UsageError(`unknown fact-checks command '${sub ?? ""}'. Usage: ${USAGE}`);
  const o = parseOptions(rest, { file: "string" });
  if (!o.file) throw new UsageError(`--file is required. Usage: ${USAGE}`);
  let file: unknown;
  try {
    // A byte-order mark, as some editors on Windows write, is not JSON.
    file = JSON.parse(fs.readFileSync(o.file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`cannot read ${o.file} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const { reviews, counts, problems, duplicates, notListed } = await importFactChecks(systemActor(), file);
    const imported = counts.added + counts.updated + counts.unchanged;
    out(
      `Imported ${n(imported)} of ${n(reviews)} reviews: ${n(counts.added)} added, ${n(counts.updated)} updated, ${n(counts.unchanged)} unchanged; ${n(counts.skipped)} skipped as invalid, ${n(counts.duplicates)} replaced by a later review with the same URL.`,
    );
    printProblems(out, problems, problems.length + notListed.problems);
    if (duplicates.length > 0) {
      const total = duplicates.length + notListed.duplicates;
      out(
        `Replaced by a later review with the same URL${total > SHOWN ? ` (the first ${SHOWN} of ${n(total)})` : ""}:`,
      );
      for (const d of duplicates.slice(0, SHOWN)) out(`  ${d.path}: replaced by ${d.replacedBy} (${d.url})`);
    }
  } catch (e) {
    // A file with no valid review: its problems, then the error (exit code 1).
    if (isServiceError(e, "validation_failed") && e.issues) printProblems(out, e.issues, e.issues.length);
    throw e;
  }
}
