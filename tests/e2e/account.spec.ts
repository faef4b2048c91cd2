import { expect, test } from "@playwright/test";
import { signedIn, signIn, submitSignIn } from "./helpers";

const EMAIL = "pat.password@claimdesk.test";
const FIRST = "first password of Pat";

test("changing the password ends every session of the account, revokes its tokens, and the new one signs in", async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  // An admin makes an account for this test, so no demo account's password changes.
  await signedIn(page, "admin@claimdesk.test");
  const made = await page.request.post("/api/v1/users", {
    data: { email: EMAIL, name: "Pat Password", role: "editor", password: FIRST },
    headers: { origin: baseURL! },
  });
  expect(made.status()).toBe(201);
  await page.context().clearCookies();

  // The same person signed in on a second device.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signedIn(second, EMAIL, FIRST);

  await signIn(page, EMAIL, FIRST, "/login?callbackUrl=/editor/account");
  await expect(page).toHaveURL(/\/editor\/account$/);
  // A token made before the change: it works until then.
  await page.getByLabel("Token name").fill("Before the change");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  const api = await playwright.request.newContext({ baseURL });
  const me = () => api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect((await me()).status()).toBe(200);

  await page.getByLabel("Current password").fill("wrong password");
  await page.getByLabel("New password").fill("a much longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("is not right")).toBeVisible();

  await page.getByLabel("Current password").fill(FIRST);
  await page.getByLabel("New password").fill("a much longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-changed/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await second.goto("/editor");
  await expect(second).toHaveURL(/\/login/);
  await other.close();

  // The password change revoked the account's tokens too.
  const refused = await me();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/^This API token was revoked on /);
  await api.dispose();

  await submitSignIn(page, EMAIL, "a much longer password");
  await expect(page).toHaveURL(/\/editor$/);
});
