import { parseArgs } from "node:util";
import { UsageError } from "./errors";

type Spec = Record<string, "string" | "boolean">;
type Values<S extends Spec> = { [K in keyof S]?: S[K] extends "boolean" ? boolean : string };

/** Parses `--name value` options strictly: an unknown option or a stray argument is a usage error. */
export function parseOptions<S extends Spec>(args: string[], spec: S): Values<S> {
  try {
    const options = Object.fromEntries(Object.entries(spec).map(([k, type]) => [k, { type }]));
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Values<S>;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
