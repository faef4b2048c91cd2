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
  await expect(page.getByText(/revoked \d{4}-/)).toBeVisible();

  const after = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthenticated");
  await api.dispose();
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
