import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "claimdesk-demo";

/** Signs in through the form and waits for the page it lands on. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, from = "/login") {
  await page.goto(from);
  await submitSignIn(page, email, password);
}

/** Fills and submits the sign-in form already on the page. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs out through the header. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Signs in and waits until the app has let the user in. */
export async function signedIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/editor$/);
}
