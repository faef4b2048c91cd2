import fs from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { translatorFor } from "@/lib/i18n/catalogue";
import { importAnnotations } from "@/lib/services/documents/import-annotations";
import { parseOptions } from "./args";
import { UsageError } from "./errors";
import { cliLocale, widest } from "./locale";

/** `cli import --document ID --file FILE [--claimant NAME]`: a W3C annotation file into a document. */
export async function runImportCommand(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const o = parseOptions(args, { document: "string", file: "string", claimant: "string" });
  if (!o.document || !o.file) throw new UsageError(t("cli.import.required"));
  let annotations: unknown;
  try {
    annotations = JSON.parse(fs.readFileSync(o.file, "utf8"));
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    throw new UsageError(t("cli.common.notJson", { file: o.file, error }));
  }
  const { claims, counts, notice } = await importAnnotations(systemActor(), {
    documentId: Number(o.document),
    annotations,
    ...(o.claimant ? { claimant: { name: o.claimant } } : {}),
  });
  const status = (s: string) => t("cli.import.status", { status: s });
  const width = widest(["anchored", "fuzzy", "orphaned"].map(status));
  for (const c of claims) {
    const line = {
      status: status(c.status).padEnd(width),
      id: String(c.claimId),
      quote: `${c.quote.slice(0, 60)}${c.quote.length > 60 ? "…" : ""}`,
    };
    out(c.reason ? t("cli.import.orphanedClaim", { ...line, reason: c.reason }) : t("cli.import.claim", line));
  }
  out(t("cli.import.imported", { claims: claims.length, ...counts }));
  if (notice) out(notice.in(t));
}
