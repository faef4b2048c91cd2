import { expect, type Browser, type Page } from "@playwright/test";
import { signedIn } from "./helpers";

/** The desk's API as a signed-in person calls it: a method, a path, a JSON body; the JSON answer (2xx expected). */
export type Api = (method: string, path: string, data?: unknown) => Promise<{ id: number } & Record<string, unknown>>;

/** A signed-in person's page and the desk's API with their session (same origin). */
export async function person(browser: Browser, email: string, baseURL: string): Promise<{ page: Page; api: Api }> {
  const page = await (await browser.newContext()).newPage();
  await signedIn(page, email);
  const api: Api = async (method, path, data) => {
    const res = await page.request.fetch(path, { method, data, headers: { origin: baseURL } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  return { page, api };
}

/** A new document with one claim of the given statement; its id. */
export async function newClaim(api: Api, statement: string): Promise<number> {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const text = `The mayor of Oskeli said on Monday that ${statement.toLowerCase()}\n\nNo figures were given.`;
  const doc = await api("POST", "/api/v1/documents", { title: `Mayor's remarks (${run})`, text });
  const stored = ((await api("GET", `/api/v1/documents/${doc.id}`)).document as { text: string }).text;
  const quote = statement.toLowerCase();
  const start = [...stored.slice(0, stored.indexOf(quote))].length;
  const claim = await api("POST", "/api/v1/claims", {
    documentId: doc.id,
    revision: 1,
    start,
    end: start + [...quote].length,
    claimant: { name: "Mayor of Oskeli" },
    statement,
  });
  return claim.id;
}
