import fs from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { translatorFor } from "@/lib/i18n/catalogue";
import { EXPORT_FORMATS, openExport } from "@/lib/exports/run-export";
import { parseOptions } from "./args";
import { UsageError } from "./errors";
import { cliLocale } from "./locale";

/**
 * `cli export --format F --out FILE [--claim C] [--document D] [--dispute D] [--claimant C] [--from DATE] [--to DATE]
 * [--include-drafts]`.
 */
export async function runExportCommand(args: string[], out: (line: string) => void): Promise<void> {
  const o = parseOptions(args, {
    format: "string",
    out: "string",
    claim: "string",
    document: "string",
    dispute: "string",
    claimant: "string",
    from: "string",
    to: "string",
    "include-drafts": "boolean",
  });
  const t = await translatorFor(cliLocale());
  if (!o.format || !o.out) {
    throw new UsageError(t("cli.export.required", { formats: Object.keys(EXPORT_FORMATS).join(", ") }));
  }
  const job = await openExport(systemActor(), o.format, (k) =>
    k === "includeDrafts" ? (o["include-drafts"] ? "1" : null) : (o[k as keyof typeof o] as string | undefined),
  );
  const file = fs.createWriteStream(o.out);
  let bytes = 0;
  for await (const chunk of EXPORT_FORMATS[job.format].write(job)) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!file.write(chunk)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const what = { file: o.out, format: EXPORT_FORMATS[job.format].title, label: job.label, bytes: String(bytes) };
  out(job.mode.includeUnpublished ? t("cli.export.wroteWithDrafts", what) : t("cli.export.wrote", what));
}
