import fs from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { translatorFor } from "@/lib/i18n/catalogue";
import { importFactChecks } from "@/lib/services/fact-checks/import-fact-checks";
import { isServiceError, type FieldIssue } from "@/lib/services/errors";
import { parseOptions } from "./args";
import { UsageError } from "./errors";
import { cliLocale } from "./locale";

/** Problems printed; the result counts the rest. */
const SHOWN = 20;

async function printProblems(out: (line: string) => void, problems: FieldIssue[], total: number): Promise<void> {
  if (total === 0) return;
  const t = await translatorFor(cliLocale());
  out(total > SHOWN ? t("cli.factChecks.someProblems", { shown: SHOWN, total }) : t("cli.factChecks.problems"));
  for (const p of problems.slice(0, SHOWN)) out(`  ${p.path}: ${p.message}`);
}

/**
 * `cli fact-checks import --file FILE`: other fact-checkers' reviews into the library of known fact-checks, as the
 * operator. Prints the counts and the first problems. Succeeds when the file had a valid review (added, updated or
 * already there) or no invalid one; a file with no valid review fails (exit code 1), a missing or unreadable file is a
 * usage error (2).
 */
export async function runFactChecksCommand(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const usage = t("cli.factChecks.usage");
  const [sub, ...rest] = args;
  if (sub !== "import") throw new UsageError(t("cli.factChecks.unknown", { command: sub ?? "", usage }));
  const o = parseOptions(rest, { file: "string" });
  if (!o.file) throw new UsageError(t("cli.factChecks.fileRequired", { usage }));
  let file: unknown;
  try {
    // A byte-order mark, as some editors on Windows write, is not JSON.
    file = JSON.parse(fs.readFileSync(o.file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    throw new UsageError(t("cli.common.notJson", { file: o.file, error }));
  }
  try {
    const { reviews, counts, problems, duplicates, notListed } = await importFactChecks(systemActor(), file);
    const imported = counts.added + counts.updated + counts.unchanged;
    out(t("cli.factChecks.imported", { imported, reviews, ...counts }));
    await printProblems(out, problems, problems.length + notListed.problems);
    if (duplicates.length > 0) {
      const total = duplicates.length + notListed.duplicates;
      out(total > SHOWN ? t("cli.factChecks.someReplaced", { shown: SHOWN, total }) : t("cli.factChecks.replaced"));
      for (const d of duplicates.slice(0, SHOWN)) {
        out(t("cli.factChecks.replacedBy", { path: d.path, by: d.replacedBy, url: d.url }));
      }
    }
  } catch (e) {
    // A file with no valid review: its problems, then the error (exit code 1).
    if (isServiceError(e, "validation_failed") && e.issues) await printProblems(out, e.issues, e.issues.length);
    throw e;
  }
}
