import fs from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { importAnnotations } from "@/lib/services/documents/import-annotations";
import { parseOptions } from "./args";
import { UsageError } from "./errors";

/** `cli import --document ID --file FILE [--claimant NAME]`: a W3C annotation file into a document. */
export async function runImportCommand(args: string[], out: (line: string) => void): Promise<void> {
  const o = parseOptions(args, { document: "string", file: "string", claimant: "string" });
  if (!o.document || !o.file)
    throw new UsageError("--document and --file are required (e.g. import --document 1 --file annotations.jsonld)");
  let annotations: unknown;
  try {
    annotations = JSON.parse(fs.readFileSync(o.file, "utf8"));
  } catch (e) {
    throw new UsageError(`cannot read ${o.file} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { claims, counts, notice } = await importAnnotations(systemActor(), {
    documentId: Number(o.document),
    annotations,
    ...(o.claimant ? { claimant: { name: o.claimant } } : {}),
  });
  for (const c of claims)
    out(
      `${c.status.padEnd(8)} claim ${c.claimId}: “${c.quote.slice(0, 60)}${c.quote.length > 60 ? "…" : ""}”${c.reason ? ` (${c.reason.replaceAll("_", " ")})` : ""}`,
    );
  out(
    `Imported ${claims.length} claims: ${counts.anchored} anchored, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned.`,
  );
  if (notice) out(notice);
}
