import autocannon from "autocannon";

/** One line of the benchmark's table: a path under load, its throughput and latencies. */
export type Row = {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
  ratio: number | null;
};

export type LoadOptions = {
  duration: number;
  connections: number;
  method?: "POST";
  headers?: Record<string, string>;
  body?: () => string;
  /** Each request's path and query, when they vary (a search drawn from many); else the measured path's. */
  path?: () => string;
};

type Run = { result: autocannon.Result; times: number[]; errors: number };

function run(url: string, connections: number, opts: LoadOptions): Promise<Run> {
  const times: number[] = [];
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        duration: opts.duration,
        connections,
        method: opts.method ?? "GET",
        headers: opts.headers,
        ...(opts.body || opts.path
          ? { requests: [{ setupRequest: (req: autocannon.Request) => varied(req, opts) }] }
          : {}),
      },
      (err, result) => (err ? reject(err) : resolve({ result, times, errors })),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 400) errors++;
    });
  });
}

/** A request with the body or path of its own that the options draw for it. */
function varied(req: autocannon.Request, opts: LoadOptions): autocannon.Request {
  return { ...req, ...(opts.body ? { body: opts.body() } : {}), ...(opts.path ? { path: opts.path() } : {}) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Loads one path on every server at once (as a load balancer would spread it: the connections shared evenly), and
 * sums their throughput; percentiles come from every response time (autocannon reports p97.5, not p95).
 */
export async function measure(name: string, bases: string[], path: string, opts: LoadOptions): Promise<Row> {
  const share = (i: number) =>
    Math.floor(opts.connections / bases.length) + (i < opts.connections % bases.length ? 1 : 0);
  const runs = await Promise.all(bases.map((base, i) => run(base + path, share(i), opts)));
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  const requests = runs.reduce((n, r) => n + r.result.requests.total, 0);
  const bytes = runs.reduce((n, r) => n + r.result.throughput.total, 0);
  return {
    name,
    path: opts.method === "POST" ? `POST ${path}` : path,
    rps: runs.reduce((n, r) => n + r.result.requests.average, 0),
    p50: round(pct(50)),
    p95: round(pct(95)),
    p99: round(pct(99)),
    bytes: requests ? Math.round(bytes / requests) : 0,
    errors: runs.reduce((n, r) => n + r.errors + r.result.errors + r.result.timeouts + r.result.non2xx, 0),
    ratio: null,
  };
}
