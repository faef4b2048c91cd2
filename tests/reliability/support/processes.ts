import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const WRITER = path.join(import.meta.dirname, "writer.ts");

/** Starts a writer process (see writer.ts) on a database file. */
export function startWriter(mode: string, file: string, args: Record<string, unknown>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", WRITER, mode, file, JSON.stringify(args)], { cwd: path.resolve(import.meta.dirname, "../../.."), stdio: ["ignore", "pipe", "inherit"] });
}

/** Runs a writer to its end and returns the JSON lines it printed. */
export function runWriter(mode: string, file: string, args: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const child = startWriter(mode, file, args);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(output.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)) : reject(new Error(`writer exited with ${code}`)))),
  );
}
