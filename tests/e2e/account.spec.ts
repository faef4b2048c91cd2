import { expect, test } from "@playwright/test";
import { signIn, submitSignIn } from "./helpers";

test("changing the password ends every session of the account, and the new one signs in", async ({ page, browser }) => {
  // The same person signed in on a second device.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "reviewer@claimdesk.test");
  await expect(second).toHaveURL(/\/editor$/);

  await signIn(page, "reviewer@claimdesk.test", undefined, "/login?callbackUrl=/editor/account");
  await page.getByLabel("Current password").fill("wrong password");
  await page.getByLabel("New password").fill("a much longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("is not right")).toBeVisible();

  await page.getByLabel("Current password").fill("claimdesk-demo");
  await page.getByLabel("New password").fill("a much longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-changed/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await second.goto("/editor");
  await expect(second).toHaveURL(/\/login/);
  await other.close();

  await submitSignIn(page, "reviewer@claimdesk.test", "a much longer password");
  await expect(page).toHaveURL(/\/editor$/);
});
