import type { ChildProcess } from "node:child_process";
import fs from "node:fs";

/** Downloads an export, sampling the server's resident memory (its whole process tree) meanwhile. */
export async function timeExport(url: string, server: ChildProcess) {
  const before = treeRss(server.pid!);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(server.pid!))), 20);
  const t0 = performance.now();
  const res = await fetch(url);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, treeRss(server.pid!));
  return {
    status: res.status,
    seconds,
    megabytes: bytes / 1e6,
    rssBeforeMB: before / 1e6,
    peakGrowthMB: (peak - before) / 1e6,
  };
}

/** Resident memory of a process and its descendants, from /proc (bytes). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length;) {
    const p = queue.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}
