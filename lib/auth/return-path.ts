const BASE = "http://claimdesk.invalid";

/**
 * The path to go back to after sign-in: only a path on this site, else `/editor`. Parsed
 * as a browser would (which drops tabs and newlines and reads `\` as `/`), so tricks such
 * as `/\t/evil.example` or `/\evil.example` cannot lead off-site.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\\]/.test(value)) return "/editor";
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return "/editor";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/editor";
  }
}
