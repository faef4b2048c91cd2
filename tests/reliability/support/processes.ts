import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const WRITER = path.join(import.meta.dirname, "writer.ts");

/** Starts a writer process (see writer.ts) on a database (its DATABASE_URL: `TestDb.url`). */
export function startWriter(mode: string, url: string, args: Record<string, unknown>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", WRITER, mode, JSON.stringify(args)], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["pipe", "pipe", "inherit"],
  });
}

/**
 * Starts writers that each make one write, and lets them all go at once: each says
 * `ready` when connected; when all have, each is told `go`. Returns each one's answer.
 */
export async function raceWriters(
  mode: string,
  url: string,
  argsOf: (i: number) => Record<string, unknown>,
  count: number,
): Promise<Record<string, unknown>[]> {
  const children = Array.from({ length: count }, (_, i) => startWriter(mode, url, argsOf(i)));
  const outputs = children.map(() => "");
  const ready = children.map(
    (child, i) =>
      new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (d: Buffer) => {
          outputs[i] += d.toString();
          if (outputs[i]!.startsWith("ready\n")) resolve();
        });
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${i} exited with ${code}`))));
      }),
  );
  const done = children.map(
    (child, i) =>
      new Promise<void>((resolve, reject) =>
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${i} exited with ${code}`)))),
      ),
  );
  await Promise.all(ready);
  for (const child of children) child.stdin!.end("go\n"); // and the end of input, so that each can exit
  await Promise.all(done);
  return outputs.map(
    (o) =>
      JSON.parse(
        o
          .replace(/^ready\n/, "")
          .trim()
          .split("\n")[0]!,
      ) as Record<string, unknown>,
  );
}
