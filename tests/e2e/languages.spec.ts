import { expect, test } from "@playwright/test";

const CLAIM = "/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were";

test("each public page names its versions in every language, and each resolves in its own language", async ({
  page,
  request,
}) => {
  await page.goto(`/uk${CLAIM}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  const alternates = await page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname]));
  expect(alternates).toEqual([
    ["en", CLAIM],
    ["uk", `/uk${CLAIM}`],
    ["ar", `/ar${CLAIM}`],
    ["x-default", CLAIM],
  ]);
  const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
  expect(new URL(canonical!).pathname).toBe(`/uk${CLAIM}`);
  for (const [lang, path] of alternates) {
    const res = await request.get(path!, { maxRedirects: 0 });
    expect(res.status(), path!).toBe(200);
    expect(await res.text()).toContain(`<html lang="${lang === "x-default" ? "en" : lang}"`);
  }
  // The default locale has one address: without its prefix.
  const prefixed = await request.get(`/en${CLAIM}`, { maxRedirects: 0 });
  expect(prefixed.status()).toBe(308);
  expect(prefixed.headers().location).toMatch(new RegExp(`${CLAIM}$`));
});

test("the language switcher keeps the page and the search, and the choice is remembered", async ({ page }) => {
  await page.goto("/claims?q=civilians");
  const languages = page.getByRole("navigation", { name: "Language" });
  await languages.getByRole("link", { name: "Українська" }).click();
  await expect(page).toHaveURL(/\/uk\/claims\?q=civilians$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("navigation", { name: "Мова" }).locator('[aria-current="true"]')).toHaveText(
    "Українська",
  );
  // An address without a locale now leads to the chosen language…
  await page.goto(CLAIM);
  await expect(page).toHaveURL(new RegExp(`/uk${CLAIM}$`));
  // …until English is chosen again.
  await page.getByRole("navigation", { name: "Мова" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`${CLAIM}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/methodology");
  await expect(page).toHaveURL(/\/methodology$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("a first visit from a browser that prefers Ukrainian", () => {
  test.use({ locale: "uk-UA" });

  test("is sent to the Ukrainian pages; the desk's sign-in page speaks Ukrainian too", async ({ page }) => {
    await page.goto("/claims?q=civilians");
    await expect(page).toHaveURL(/\/uk\/claims\?q=civilians$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await page.goto("/");
    await expect(page).toHaveURL(/\/uk$/);
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  });
});

test("Arabic pages lay out right to left", async ({ page }) => {
  await page.goto("/ar/methodology");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  // A message the partial catalogue lacks falls back to English rather than to its key.
  await expect(page.getByRole("navigation", { name: "اللغة" })).toBeVisible();
});

test("an address no page answers is a 404 in the address's language", async ({ request }) => {
  const uk = await request.get("/uk/claims/no-such-claim");
  expect(uk.status()).toBe(404);
  expect(await uk.text()).toContain("Сторінку не знайдено");
  expect((await request.get("/no-such-section")).status()).toBe(404);
});
