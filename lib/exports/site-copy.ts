import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { getDatabase, type Database } from "@/db/client";
import { EVERY_LIST, EVERY_PUBLIC_PAGE, latestInvalidation } from "@/db/queries/cache-invalidations";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/public-response";
import { EXPORT_FORMATS, exportFileName, exportSite, exportUrl, type ExportJob } from "./run-export";

// Copies of the whole site's published exports.
//
// A published-only export of everything (no scope, no `includeDrafts`) is the same file for every caller, anonymous or
// signed in, until something readers see changes. Building it reads every published claim (seconds, for a large
// desk), so each server process builds it once per publication state and format, keeps it as a file in a temporary
// folder of its own (os.tmpdir(), removed when the process exits), and streams every request for it from that file,
// with its length. Thirty simultaneous requests wait for the one build in progress and are all served from it.
//
// When the copy is out of date: every write that changes what readers see marks cache tags in `cache_invalidations`
// (lib/cache/public-invalidation.ts), and any change that can alter a published-only whole-site export marks one of
// `PUBLICATION_TAGS`:
// - a claim's verdict published, corrected or retracted (the corrections log included), and a claimant's, document's
//   or dispute's published version or an author's or reviewer's name changing, when any public claim shows it: every
//   change to a public claim marks EVERY_LIST. A record without a public claim is in no published export;
// - the rating scale (ClaimReview's bounds; a verdict keeps the rating it was published with): EVERY_PUBLIC_PAGE;
// - the demo data loaded into a running deployment: EVERY_PUBLIC_PAGE.
// PUBLIC_BASE_URL, ORG_NAME and ORG_URL are read once per process, and are part of the copy's key all the same. A
// restore replaces the database under stopped servers, and a new process starts with no copy.
//
// A copy is built from the database's clock when its build began (`builtFrom`, read together with the latest mark,
// before anything of the export is read), and serves a request while the latest mark that request saw is older than
// that. So a build that spans a publication is out of date at the next request, and — as with the kept pages — a
// publication's mark made right after its commit reaches every server's copies at their next request.

/** The cache tags whose latest mark is the publication stamp of the whole site's published exports (see above). */
export const PUBLICATION_TAGS = [EVERY_LIST, EVERY_PUBLIC_PAGE];

type Copy = {
  file: string;
  size: number;
  /** The database's clock when the build began: the copy holds every change marked before it. */
  builtFrom: number;
  /** The build's time: the file name's date, the "generated" fields inside, Last-Modified. */
  generatedAt: Date;
  etag: string;
  fileName: string;
};
type Build = { builtFrom: number; done: Promise<Copy> };
/** One format (W3C: collection or page) for one site: its copy, and the build in progress, if any. */
type Slot = { copy?: Copy; build?: Build };
type State = { database: Database; slots: Map<string, Slot>; dir?: string; builds: number };

// On globalThis, as the process's database is (db/client.ts): a development server's reloads keep one set of copies.
const holder = globalThis as unknown as { __claimdeskSiteCopies?: State; __claimdeskSiteCopiesExit?: boolean };

function state(): State {
  const database = getDatabase();
  const s = (holder.__claimdeskSiteCopies ??= { database, slots: new Map(), builds: 0 });
  if (s.database !== database) {
    // Another database (the tests install one per file): its copies are of no use.
    for (const slot of s.slots.values()) if (slot.copy) removeFile(slot.copy.file);
    s.database = database;
    s.slots = new Map();
  }
  return s;
}

/** How many copies this process has begun to build (the tests count them). */
export function siteCopyBuildCount(): number {
  return holder.__claimdeskSiteCopies?.builds ?? 0;
}

/** Whether an opened export is the whole site's published one: no scope, no unpublished work. */
export function isSiteExport(job: ExportJob): boolean {
  return !job.mode.includeUnpublished && Object.values(job.scope).every((v) => !v);
}

/**
 * The whole site's published export (`isSiteExport(job)`) as a response streamed from this process's copy, built
 * first if there is none of the current publication state; every simultaneous request waits for the same build. A
 * build that fails is not kept: the requests that waited for it get its error (500), and the next request builds
 * again. Public caches may keep the answer a minute (30 s more while they fetch it again), as they keep the public
 * pages; `ETag` names the copy, so a request that has it gets 304.
 */
export async function siteCopyResponse(
  req: Request,
  job: ExportJob,
  disposition: "inline" | "attachment",
): Promise<Response> {
  for (;;) {
    const copy = await currentCopy(job);
    const headers: Record<string, string> = {
      "Cache-Control": PUBLIC_CACHE_CONTROL,
      ETag: copy.etag,
      "Last-Modified": copy.generatedAt.toUTCString(),
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Expose-Headers": "ETag, Last-Modified",
      "X-Content-Type-Options": "nosniff",
    };
    const sent = (req.headers.get("if-none-match") ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
    if (sent.includes(copy.etag) || sent.includes("*")) return new Response(null, { status: 304, headers });
    const described = {
      ...headers,
      "Content-Type": EXPORT_FORMATS[job.format].type,
      "Content-Length": String(copy.size),
      "Content-Disposition": `${disposition}; filename="${copy.fileName}"`,
    };
    // A HEAD answer has no body: the file is not opened (Next would never read, nor close, the stream).
    if (req.method === "HEAD") return new Response(null, { headers: described });
    const handle = await openCopy(job, copy);
    if (!handle) continue; // replaced by a newer copy meanwhile, or removed from the disk: serve the current one
    return new Response(fileBody(handle), { headers: described });
  }
}

const keyOf = (job: ExportJob) =>
  [`${job.format}${job.page ? "?page=1" : ""}`, job.site.publicBaseUrl, job.site.orgName, job.site.orgUrl].join("\n");

function slotOf(job: ExportJob): Slot {
  const { slots } = state();
  const key = keyOf(job);
  let slot = slots.get(key);
  if (!slot) slots.set(key, (slot = {}));
  return slot;
}

/** The copy for a request: current when the request came, or the build in progress that will be; else a new build. */
async function currentCopy(job: ExportJob): Promise<Copy> {
  // The latest publication the request must see: the one marked last when it came.
  let seen: number | undefined;
  for (;;) {
    const { now, invalidatedAt } = await latestInvalidation(PUBLICATION_TAGS);
    seen ??= invalidatedAt;
    const slot = slotOf(job);
    if (slot.copy && seen < slot.copy.builtFrom) return slot.copy;
    if (slot.build) {
      if (seen < slot.build.builtFrom) return slot.build.done;
      // A build of an earlier state: one build at a time per format, so wait for it and build after it.
      await slot.build.done.catch(() => {});
      continue;
    }
    // A mark in this very millisecond cannot be told from one made just after the clock was read: begin once the
    // clock has moved past it, so that the copy is current for every request that saw this mark (should the
    // database's clock have been set back, this waits until it is past its latest mark again).
    if (invalidatedAt >= now) {
      await sleep(Math.min(invalidatedAt - now + 1, 1000));
      continue;
    }
    return startBuild(slot, job, now);
  }
}

function startBuild(slot: Slot, job: ExportJob, builtFrom: number): Promise<Copy> {
  const done = buildCopy(job, builtFrom);
  const build: Build = { builtFrom, done };
  slot.build = build;
  // Settled before any waiting request resumes (registered first): they find the new copy in place.
  done.then(
    (copy) => {
      if (slot.build === build) slot.build = undefined;
      const old = slot.copy;
      if (old && old.builtFrom > copy.builtFrom) return removeFile(copy.file);
      slot.copy = copy;
      // Responses streaming from the old file have it open, and go on reading it: the space is freed when they end.
      if (old) removeFile(old.file);
    },
    () => {
      if (slot.build === build) slot.build = undefined;
    },
  );
  return done;
}

/** Chunks are written to the file in pieces of about this size (one write per claim would cost more than the claim). */
const PIECE = 64 * 1024;

async function buildCopy(job: ExportJob, builtFrom: number): Promise<Copy> {
  const s = state();
  s.builds++;
  // The site as it is now, after the stamp was read: its rating bounds, and the build's time.
  const site = await exportSite();
  const built: ExportJob = { ...job, site, url: exportUrl(site, job.format, job.scope, job.mode) };
  const id = randomBytes(6).toString("hex");
  const file = path.join(
    copiesFolder(s),
    `${job.format}${job.page ? "-page" : ""}-${id}.${EXPORT_FORMATS[job.format].extension}`,
  );
  let size = 0;
  try {
    const handle = await fs.promises.open(file, "wx");
    try {
      let parts: Uint8Array[] = [];
      let pending = 0;
      const flush = async () => {
        const piece = Buffer.concat(parts);
        for (let at = 0; at < piece.byteLength;) at += (await handle.write(piece, at)).bytesWritten;
        size += piece.byteLength;
        parts = [];
        pending = 0;
      };
      for await (const chunk of EXPORT_FORMATS[job.format].write(built)) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        parts.push(bytes);
        pending += bytes.byteLength;
        if (pending >= PIECE) await flush();
      }
      if (pending > 0) await flush();
    } finally {
      await handle.close();
    }
  } catch (e) {
    removeFile(file);
    throw e;
  }
  return {
    file,
    size,
    builtFrom,
    generatedAt: site.generatedAt,
    etag: `"${job.format}-${id}"`,
    fileName: exportFileName(built),
  };
}

/** Opens a copy to stream it; null when its file is gone (replaced by a newer copy, or removed from the disk). */
async function openCopy(job: ExportJob, copy: Copy): Promise<FileHandle | null> {
  try {
    return await fs.promises.open(copy.file, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    // A copy whose file something else removed (a cleaner of the temporary folder) is built again.
    const slot = slotOf(job);
    if (slot.copy === copy) slot.copy = undefined;
    return null;
  }
}

/** A response body read from an open file as the client reads it; the file is closed at its end or when cancelled. */
function fileBody(handle: FileHandle): ReadableStream<Uint8Array> {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => {});
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = Buffer.allocUnsafe(PIECE);
        const { bytesRead } = await handle.read(buffer, 0, PIECE, null);
        if (bytesRead > 0) controller.enqueue(buffer.subarray(0, bytesRead));
        else {
          await close();
          controller.close();
        }
      } catch (e) {
        await close();
        controller.error(e);
      }
    },
    cancel: close,
  });
}

function removeFile(file: string): void {
  fs.promises.rm(file, { force: true }).catch(() => {});
}

const FOLDER_PREFIX = "claimdesk-exports-";
const HOST = os
  .hostname()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, "");

/**
 * This process's folder of copies in the system's temporary folder, made on first use and removed when the process
 * exits. Folders that processes of this host left behind (killed before they could remove theirs) are removed then.
 */
function copiesFolder(s: State): string {
  if (s.dir) {
    fs.mkdirSync(s.dir, { recursive: true }); // in case a cleaner of the temporary folder took it
    return s.dir;
  }
  removeAbandonedFolders();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${FOLDER_PREFIX}${HOST}-${process.pid}-`));
  s.dir = dir;
  if (!holder.__claimdeskSiteCopiesExit) {
    holder.__claimdeskSiteCopiesExit = true;
    process.once("exit", () => {
      const folder = holder.__claimdeskSiteCopies?.dir;
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    });
  }
  return dir;
}

function removeAbandonedFolders(): void {
  try {
    const pattern = new RegExp(`^${FOLDER_PREFIX}${HOST}-(\\d+)-`);
    for (const name of fs.readdirSync(os.tmpdir())) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || pid === process.pid || isRunning(pid)) continue;
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  } catch {
    // Tidying only: a folder that cannot be read or removed is left.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
