import fs from "node:fs";
import { exportChunks, parseExportRequest } from "@/lib/exports/run-export";
import { parseOptions } from "./args";
import { UsageError } from "./errors";

/** `cli export --format F --out FILE [--document D] [--dispute D] [--claimant C] [--from DATE] [--to DATE]`. */
export async function runExportCommand(args: string[], out: (line: string) => void): Promise<void> {
  const o = parseOptions(args, { format: "string", out: "string", document: "string", dispute: "string", claimant: "string", from: "string", to: "string" });
  if (!o.format || !o.out) throw new UsageError("--format and --out are required (e.g. export --format csv --out claims.csv)");
  const { format, scope } = parseExportRequest(o.format, (k) => o[k as keyof typeof o]);
  const file = fs.createWriteStream(o.out);
  let bytes = 0;
  for (const chunk of exportChunks(format, scope)) {
    bytes += Buffer.byteLength(chunk);
    if (!file.write(chunk)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
  out(`Wrote ${o.out} (${format}, ${bytes} bytes of published verdicts).`);
}
