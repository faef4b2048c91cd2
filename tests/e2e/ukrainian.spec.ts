import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import * as demo from "@/db/seed-data/demo";
import * as demoUk from "@/db/seed-data/demo-uk";
import { DEMO_PASSWORD } from "./helpers";
import { UKRAINIAN_SERVER_PORT } from "./ports";

/**
 * On a server of its own over the demo data alone, as a new desk has it: the server under test holds what the other
 * browser tests wrote, in English, which no Ukrainian desk typed.
 */
const BASE = `http://127.0.0.1:${UKRAINIAN_SERVER_PORT}`;
const DIR = "data/e2e-ukrainian";
const env = {
  ...process.env,
  DATABASE_URL: `file:${DIR}/claimdesk.db`,
  AUTH_SECRET: "ukrainian-e2e-secret-0123456789-abcdefgh",
  PORT: String(UKRAINIAN_SERVER_PORT),
  HOST: "127.0.0.1",
  PUBLIC_BASE_URL: BASE,
  NEXT_TELEMETRY_DISABLED: "1",
};
let server: ChildProcess | undefined;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fs.rmSync(DIR, { recursive: true, force: true });
  execFileSync(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "seed"], { env });
  server = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "start", "--allow-demo-accounts"], {
    env,
    stdio: "ignore",
  });
  await expect(async () => {
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  }).toPass({ timeout: 90_000 });
});

test.afterAll(async () => {
  const s = server;
  if (s && s.exitCode === null) {
    s.kill("SIGTERM");
    await new Promise((resolve) => s.once("exit", resolve));
  }
  fs.rmSync(DIR, { recursive: true, force: true });
});

/**
 * A Ukrainian desk and its readers meet no English word they did not type: every Latin-script word on each page — its
 * text, and the labels, titles and placeholders people and screen readers meet — is either in content marked with a
 * language of its own (`lang`), or the desk's own content (the demo data: names, statements, titles), or a name that
 * is no word of any language (Claimdesk, ClaimReview, PDF…).
 */
const NAMES = [
  "Claimdesk",
  "ClaimReview",
  "JSON",
  "LD",
  "CSV",
  "PDF",
  "W3C",
  "Web",
  "Annotation",
  "API",
  "URL",
  "Markdown",
];
// Standards, formats and the properties of schema.org the ClaimReview check names; the language switcher's "English".
const STANDARDS = ["RFC", "UTF", "Google", "DataFeed", "json", "jsonld", "GET", "CMS", "English"];
const PROPERTIES = ["claimReviewed", "itemReviewed", "appearance", "firstAppearance", "sameAs", "datePublished"];
// Language codes, the keys of a keyboard (Ukrainian keyboards name them so too), the operator the demo was loaded by.
const NAMES_TOO = [
  "en",
  "uk",
  "ar",
  "seed",
  "Shift",
  "Enter",
  "Esc",
  "Tab",
  "Ctrl",
  "Alt",
  "UTC",
  "HTTP",
  "HTTPS",
  "https",
  "http",
  "Bearer",
  "Authorization",
  "schema",
  "org",
  "Web",
];
const TYPED = new Set(
  [
    JSON.stringify(demo),
    JSON.stringify(demoUk),
    fs.readFileSync(path.join(process.cwd(), "db/seed-data", demo.DEMO_DOCUMENT.file), "utf8"),
    fs.readFileSync(path.join(process.cwd(), "db/seed-data", demoUk.UK_DOCUMENT.file), "utf8"),
    ...NAMES,
    ...NAMES_TOO,
    ...STANDARDS,
    ...PROPERTIES,
  ].flatMap((s) => s.match(/[A-Za-z]+/g) ?? []),
);

/** The Latin-script words of a page that are neither marked as content in another language nor typed by the desk. */
async function englishWords(page: Page): Promise<string[]> {
  const words: string[] = await page.evaluate(() => {
    const own = (el: Element | null) => (el?.closest("[lang]")?.getAttribute("lang") ?? "").startsWith("uk");
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, code, pre, textarea, [hidden]") || !own(parent)) continue;
      found.push(node.textContent ?? "");
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (!own(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) found.push(el.getAttribute(name) ?? "");
    }
    return found.flatMap((text) => text.match(/[A-Za-z]+/g) ?? []);
  });
  return [...new Set(words.filter((w) => !TYPED.has(w) && !/@|\.test$/.test(w)))];
}

async function expectUkrainian(page: Page, where: string) {
  await expect(page.locator("html"), where).toHaveAttribute("lang", "uk");
  expect.soft(await englishWords(page), where).toEqual([]);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

const UK_CLAIM_SLUG = "fotografiyi-poranenikh-vagitnikh-zhinok-iz-mariupolskogo";
const PUBLIC_PAGES = [
  "/uk",
  "/uk/claims",
  "/uk/claims?q=Маріуполь",
  `/uk/claims/${UK_CLAIM_SLUG}`,
  "/uk/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were",
  "/uk/disputes/mariupol-maternity-hospital-strike",
  "/uk/claimants/sergei-lavrov",
  `/uk/documents/${demoUk.UK_DOCUMENT.slug}`,
  "/uk/methodology",
  "/uk/corrections",
];

test("readers of the Ukrainian site meet no English word, and no serious accessibility problem", async ({ page }) => {
  test.setTimeout(120_000); // axe on every page
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectUkrainian(page, path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The Ukrainian verdict is marked as Ukrainian, the English one's as English, each within the Ukrainian page.
  await page.goto(`/uk/claims/${UK_CLAIM_SLUG}`);
  await expect(page.locator("h1")).toHaveAttribute("lang", "uk");
  await page.goto("/uk/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were");
  await expect(page.locator("h1")).toHaveAttribute("lang", "en");
  // Search finds Cyrillic words whatever their case.
  await page.goto("/uk/claims?q=маріуполь");
  await expect(page.getByRole("link", { name: demoUk.UK_CLAIM.statement })).toBeVisible();
});

test.describe("a desk whose browser speaks Ukrainian", () => {
  test.use({ locale: "uk-UA" });

  test("meets no English word it did not type, and no serious accessibility problem", async ({ page }) => {
    test.setTimeout(180_000); // axe on every page
    await page.goto("/login");
    await expectUkrainian(page, "/login");
    await page.getByLabel("Електронна пошта").fill("admin@claimdesk.test");
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Увійти" }).click();
    await expect(page).toHaveURL(/\/editor$/);
    for (const path of [
      "/editor",
      "/editor/documents",
      "/editor/documents/new",
      "/editor/documents/2",
      "/editor/documents/2/edit",
      "/editor/claims/9",
      "/editor/claims/1",
      "/editor/claimants",
      "/editor/disputes",
      "/editor/disputes/1",
      "/editor/exports?document=2",
      "/editor/report?document=2",
      "/editor/fact-checks",
      "/editor/account",
      "/admin/users",
      "/admin/rating-scale",
    ]) {
      await page.goto(path);
      await expectUkrainian(page, path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});

test("an account chooses its interface language on its account page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("contributor@claimdesk.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/editor$/);
  await page.goto("/editor/account");
  await page.getByLabel("Language", { exact: true }).selectOption("uk");
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  await expect(page.getByRole("status")).toContainText("Тепер редакція говорить мовою: Українська.");
  await page.goto("/editor");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("button", { name: "Вийти" })).toBeVisible();
  // Back to the browser's language.
  await page.goto("/editor/account");
  await page.getByLabel("Мова", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Зберегти", exact: true }).first().click();
  await expect(page.getByRole("status")).toContainText("The desk now speaks English.");
  await page.goto("/editor");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
