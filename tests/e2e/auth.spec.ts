import { expect, test } from "@playwright/test";
import { signIn, signOut, signedIn, submitSignIn } from "./helpers";

test("an editor signs in, sees the work queue with their name and role, and signs out", async ({ page }) => {
  await signIn(page, "editor@claimdesk.test");
  await expect(page).toHaveURL(/\/editor$/);
  await expect(page.getByRole("heading", { name: "Work queue" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("Esther Editor");
  await expect(page.getByTestId("current-user")).toContainText("editor");
  // The demo's draft verdict is hers, and the contributor's verdict waits for review.
  await expect(page.getByRole("region", { name: /My drafts/ })).toContainText("killing three people");
  await expect(page.getByRole("region", { name: /Waiting for my review/ })).toContainText(
    "base for far-right fighters",
  );
  await signOut(page);
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor/);
});

test("a wrong password shows a clear message and keeps the email", async ({ page }) => {
  await signIn(page, "reviewer@claimdesk.test", "not-the-password");
  await expect(page.locator("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("reviewer@claimdesk.test");
  await expect(page).toHaveURL(/\/login/);
});

test("after 5 failures sign-in is refused for a while, with a message saying so", async ({ page }) => {
  const email = "lockout-probe@claimdesk.test";
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(page.locator("main").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  await signIn(page, email, "wrong-again");
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    /^Too many failed sign-in attempts\. Try again in 1[45] minutes\.$/,
  );
});

test("an anonymous visit to an editor page goes to sign-in and comes back after", async ({ page }) => {
  await page.goto("/editor/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor%2Faccount/);
  await submitSignIn(page, "contributor@claimdesk.test");
  await expect(page).toHaveURL(/\/editor\/account$/);
  await expect(page.getByRole("heading", { name: "Account & API tokens" })).toBeVisible();
});

test("an anonymous visit to an admin page goes to sign-in; a contributor is told it is not allowed", async ({
  page,
}) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await submitSignIn(page, "contributor@claimdesk.test");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("signing out ends the session on the server: a copy of its cookie no longer signs in", async ({
  page,
  browser,
  baseURL,
}) => {
  await signedIn(page, "reviewer@claimdesk.test");
  // Someone copies the session cookie into another browser: it works there while the session lasts.
  const stolen = await browser.newContext({ baseURL });
  await stolen.addCookies(await page.context().cookies());
  const other = await stolen.newPage();
  await other.goto("/editor");
  await expect(other.getByTestId("current-user")).toContainText("Rafael Reviewer");
  expect((await other.request.get("/api/v1/tokens")).status()).toBe(200);

  await signOut(page);

  await other.goto("/editor");
  await expect(other).toHaveURL(/\/login\?callbackUrl=%2Feditor/);
  expect((await other.request.get("/api/v1/tokens")).status()).toBe(401);
  await stolen.close();
});
