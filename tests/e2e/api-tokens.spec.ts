import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a contributor creates an API token, calls the API with it, and revokes it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "contributor@claimdesk.test", undefined, "/login?callbackUrl=/editor/account");
  await expect(page).toHaveURL(/\/editor\/account$/);
  await page.getByLabel("Token name").fill("Research script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^cdk_/);

  const api = await playwright.request.newContext({ baseURL });
  const me = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ email: "contributor@claimdesk.test", role: "contributor" });

  // The list shows only the beginning of the token.
  await page.reload();
  await expect(page.getByText("Research script")).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke token Research script" }).click();
  await expect(page.getByText(/revoked [A-Z][a-z]{2} \d{1,2}, \d{4}, /)).toBeVisible();

  const after = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthenticated");
  await api.dispose();
});

test("a token's expiry and access are chosen on the account page, and the list shows them with its last use", async ({
  page,
  playwright,
  baseURL,
}) => {
  const DAY = 86_400_000;
  await signIn(page, "editor@claimdesk.test", undefined, "/login?callbackUrl=/editor/account");
  await expect(page).toHaveURL(/\/editor\/account$/);
  // Unless chosen otherwise: 90 days, read only.
  await expect(page.getByLabel("Expires after")).toHaveValue("90");
  await expect(page.getByRole("radio", { name: /Read only/ })).toBeChecked();

  await page.getByLabel("Token name").fill("Publishing bot");
  await page.getByLabel("Expires after").selectOption({ label: "7 days" });
  await page.getByRole("radio", { name: /Read and write/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(
    page.getByText(/Token “Publishing bot” created \(read and write, expires [A-Z][a-z]{2} \d{1,2}, \d{4}, /),
  ).toBeVisible();
  const writeToken = (await page.getByTestId("new-token").textContent())!;
  expect(writeToken).toMatch(/^cdk_/);

  await page.getByLabel("Token name").fill("Dashboard");
  await expect(page.getByRole("radio", { name: /Read only/ })).toBeChecked();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(
    page.getByText(/Token “Dashboard” created \(read only, expires [A-Z][a-z]{2} \d{1,2}, \d{4}, /),
  ).toBeVisible();
  await expect(page.getByTestId("new-token")).not.toHaveText(writeToken);
  const readToken = (await page.getByTestId("new-token").textContent())!;

  // The list: access, expiry, and "never" until the token is used. Cells: name, start, access, created, last used,
  // expires, actions.
  await page.reload();
  const bot = page.locator("tr", { hasText: "Publishing bot" });
  const dashboard = page.locator("tr", { hasText: "Dashboard" });
  await expect(bot.getByRole("cell").nth(2)).toHaveText("read and write");
  await expect(dashboard.getByRole("cell").nth(2)).toHaveText("read only");
  await expect(bot.getByRole("cell").nth(4)).toHaveText("never");
  // Dates as the desk shows them in English (lib/i18n/formats.ts), in UTC.
  const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
  const in7 = day.format(new Date(Date.now() + 7 * DAY));
  const in90 = day.format(new Date(Date.now() + 90 * DAY));
  await expect(bot.getByRole("cell").nth(5)).toContainText(in7);
  await expect(dashboard.getByRole("cell").nth(5)).toContainText(in90);

  const api = await playwright.request.newContext({ baseURL });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  expect((await api.get("/api/v1/me", { headers: bearer(writeToken) })).status()).toBe(200);
  expect((await api.get("/api/v1/me", { headers: bearer(readToken) })).status()).toBe(200);
  // A read-only token reads, and nothing else.
  const refused = await api.post("/api/v1/claimants", { headers: bearer(readToken), data: { name: "Nobody" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/^This token is read-only \(scope read\)/);
  // No token makes tokens, not even a read and write one.
  const minted = await api.post("/api/v1/tokens", { headers: bearer(writeToken), data: { name: "successor" } });
  expect(minted.status()).toBe(403);
  expect((await minted.json()).error.message).toMatch(/^API tokens cannot create tokens/);
  await api.dispose();

  await page.reload();
  await expect(bot.getByRole("cell").nth(4)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M$/);
});

test("health and the public rating scale answer without sign-in", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const scale = await request.get("/api/v1/rating-scale");
  expect((await scale.json()).ratings.map((r: { label: string }) => r.label)).toEqual([
    "True",
    "Mostly true",
    "Mixed",
    "Misleading",
    "Mostly false",
    "False",
    "Unverifiable",
  ]);
});

test("the session cookie works for same-origin API calls and is refused for cross-site writes", async ({ page }) => {
  await signIn(page, "editor@claimdesk.test");
  await expect(page).toHaveURL(/\/editor$/);
  const me = await page.request.get("/api/v1/me");
  expect((await me.json()).user.email).toBe("editor@claimdesk.test");
  const sameSite = await page.request.post("/api/v1/tokens", {
    data: { name: "from the page" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(sameSite.status()).toBe(201);
  const crossSite = await page.request.post("/api/v1/tokens", {
    data: { name: "csrf" },
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.message).toMatch(/Cross-site/);
});
