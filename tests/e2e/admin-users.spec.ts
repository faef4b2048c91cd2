import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

test("an admin creates a user who signs in with the temporary password, then disables them", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@claimdesk.test");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  // A bad email is refused with a message by the field, and the name stays.
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("Name").fill("Nadia Reporter");
  await form.getByLabel("Email").fill("nadia at example");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("must be a valid email address")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Nadia Reporter");

  await form.getByLabel("Email").fill("nadia@claimdesk.test");
  await form.getByLabel("Role").selectOption("contributor");
  await form.getByRole("button", { name: "Create account" }).click();
  const password = (await page.getByTestId("temporary-password").textContent())!;
  expect(password).toMatch(/^\w{16}$/);
  await expect(page.getByTestId("user-row-nadia@claimdesk.test")).toContainText("contributor");

  // The new user signs in, in a separate browser session.
  const other = await browser.newContext();
  const nadia = await other.newPage();
  await signIn(nadia, "nadia@claimdesk.test", password);
  await expect(nadia).toHaveURL(/\/editor$/);
  await expect(nadia.getByTestId("current-user")).toContainText("Nadia Reporter");

  // The admin promotes her, then disables her account: her session stops at its next request.
  const row = page.getByTestId("user-row-nadia@claimdesk.test");
  await row.getByLabel("Role of Nadia Reporter").selectOption("editor");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toContainText("active, editor");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toContainText("disabled");

  await nadia.goto("/editor/account");
  await expect(nadia).toHaveURL(/\/login/);
  await signIn(nadia, "nadia@claimdesk.test", password);
  await expect(nadia.locator("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await other.close();
  await signOut(page);
});
