import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newClaim, person } from "./desk-api";
import { signedIn } from "./helpers";

/**
 * Assignments, deadlines and notifications on the desk: an editor assigns a claim on its page; the contributor is
 * told (the bell's count, the notifications page), finds it in the work queue and on the claims page, and marks the
 * notice read. A contributor takes an unassigned claim and gives it back; the account page saves where notifications
 * go. Each test makes a document and claims of its own, so no other spec's claims are touched.
 */
test.describe.configure({ mode: "serial" });

const CONTRIBUTOR = "contributor@claimdesk.test";

/** The unread count the bell says to screen readers ("Notifications, 3 unread"; "Notifications" at none). */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByTestId("bell").getAttribute("aria-label")) ?? "";
  const n = /, (\d+) unread$/.exec(label);
  return n ? Number(n[1]) : 0;
}

/** A day 30 days from now, YYYY-MM-DD: far enough that no reminder comes during the test. */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test("an editor assigns a claim; the contributor is told, finds it in their lists and marks the notice read", async ({
  browser,
  baseURL,
}) => {
  const statement = `Bus fares in Oskeli doubled this year (${Date.now().toString(36)}).`;
  const editor = await person(browser, "editor@claimdesk.test", baseURL!);
  const claimId = await newClaim(editor.api, statement);
  // Another editor has the page open before the assignment is saved.
  const reviewer = await person(browser, "reviewer@claimdesk.test", baseURL!);
  await reviewer.page.goto(`/editor/claims/${claimId}`);

  await editor.page.goto(`/editor/claims/${claimId}`);
  const panel = editor.page.getByRole("region", { name: "Assignment" });
  await expect(panel.getByTestId("assignment-assignee")).toHaveText("Unassigned");
  // The assignee cannot review the claim: refused, the field says why, and the choices stay.
  await panel.getByLabel("Assignee").selectOption({ label: "Rafael Reviewer (editor)" });
  await panel.getByLabel("Reviewer").selectOption({ label: "Rafael Reviewer (editor)" });
  await panel.getByRole("button", { name: "Save assignment" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expect(panel.getByText("must be someone other than the assignee")).toBeVisible();
  await expect(panel.getByLabel("Assignee")).toHaveValue(/\d+/);

  const due = inAMonth();
  await panel.getByLabel("Assignee").selectOption({ label: "Chloe Contributor (contributor)" });
  await panel.getByLabel("Reviewer").selectOption({ label: "Rafael Reviewer (editor)" });
  await panel.getByLabel("Due date").fill(due);
  await panel.getByLabel("Priority", { exact: true }).selectOption("high");
  await panel.getByRole("button", { name: "Save assignment" }).click();
  await expect(panel.getByRole("status")).toHaveText("Assignment saved.");
  await expect(panel.getByTestId("assignment-assignee")).toHaveText("Chloe Contributor");
  await expect(panel.getByTestId("assignment-reviewer")).toHaveText("Rafael Reviewer");
  await expect(panel.getByTestId("assignment-priority")).toHaveText("High");
  await expect(panel.getByTestId("assignment-due")).toContainText(`${due.slice(0, 4)}, 11:59`);
  await expect(panel.getByTestId("assignment-due")).toContainText("(UTC)");
  await expect(panel.getByTestId("assignment-due")).not.toContainText("Overdue");

  // The other editor's page still has the claim's old version: their change is refused, not saved over this one.
  const stale = reviewer.page.getByRole("region", { name: "Assignment" });
  await stale.getByLabel("Priority", { exact: true }).selectOption("urgent");
  await stale.getByRole("button", { name: "Save assignment" }).click();
  await expect(stale.getByRole("alert")).toContainText("was changed by Esther Editor");
  await reviewer.page.reload();
  await expect(stale.getByTestId("assignment-priority")).toHaveText("High");

  // The contributor is told: the bell counts it, the work queue and the claims page list the claim.
  const { page } = await person(browser, CONTRIBUTOR, baseURL!);
  const unread = await bellCount(page);
  expect(unread).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("bell-count")).toHaveText(String(unread));
  const mine = page
    .getByRole("region", { name: /Assigned to me/ })
    .getByRole("listitem")
    .filter({ hasText: statement });
  await expect(mine.getByRole("link", { name: statement })).toHaveAttribute("href", `/editor/claims/${claimId}`);
  await expect(mine).toContainText("High");
  await expect(mine).toContainText("(UTC)");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  const views = page.getByRole("navigation", { name: "Views" });
  await views.getByRole("link", { name: "Assigned to me" }).click();
  await expect(views.getByRole("link", { name: "Assigned to me" })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: statement }) });
  await expect(row).toContainText("Mayor of Oskeli");
  await expect(row).toContainText("Rafael Reviewer");
  await expect(row).toContainText("High");
  await expect(row).toContainText("no verdict");
  await expect(page.getByRole("columnheader", { name: /^Due/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: "Priority (sort by priority)" }).click();
  await expect(page).toHaveURL(/view=mine&sort=priority/);
  await expect(page.getByRole("columnheader", { name: /^Priority/ })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: statement }) })).toBeVisible();

  // The notice, in the contributor's list; marked read, the count drops by one.
  await page.getByTestId("bell").click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const notice = page.getByRole("listitem").filter({ hasText: `Esther Editor assigned you the claim “${statement}”` });
  await expect(notice).toContainText("Unread");
  await expect(notice.getByRole("link")).toHaveAttribute("href", `/editor/claims/${claimId}`);
  // The list with unread items (the accessibility spec sees it empty): no serious or critical WCAG violation.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await notice.getByRole("button", { name: "Mark read" }).click();
  await expect(page.getByRole("status")).toHaveText("Marked read.");
  await expect(notice.getByRole("button", { name: "Mark read" })).toHaveCount(0);
  await expect(notice).not.toContainText("Unread");
  await expect.poll(() => bellCount(page)).toBe(unread - 1);
  // The unread filter leaves it out now.
  await page.getByRole("link", { name: "Unread only" }).click();
  await expect(page).toHaveURL(/unread=1/);
  await expect(page.getByRole("main").getByText(statement)).toHaveCount(0);
});

test("a contributor takes an unassigned claim and gives it back; editors' controls are not offered", async ({
  browser,
  baseURL,
}) => {
  const statement = `Oskeli's river port handled a record tonnage (${Date.now().toString(36)}).`;
  const editor = await person(browser, "editor@claimdesk.test", baseURL!);
  const claimId = await newClaim(editor.api, statement);

  const { page } = await person(browser, CONTRIBUTOR, baseURL!);
  await page.goto(`/editor/claims/${claimId}`);
  const panel = page.getByRole("region", { name: "Assignment" });
  await expect(panel.getByTestId("assignment-assignee")).toHaveText("Unassigned");
  await expect(panel.getByLabel("Reviewer")).toHaveCount(0);
  await panel.getByRole("button", { name: "Take this claim" }).click();
  await expect(panel.getByRole("status")).toHaveText("The claim is yours now: it is in your work queue.");
  await expect(panel.getByTestId("assignment-assignee")).toHaveText("Chloe Contributor");

  await page.goto("/editor/claims?view=mine");
  await expect(page.getByRole("link", { name: statement })).toBeVisible();

  await page.goto(`/editor/claims/${claimId}`);
  await panel.getByRole("button", { name: "Give it back" }).click();
  await expect(panel.getByRole("status")).toHaveText("You gave the claim back: it is in the unassigned queue.");
  await expect(panel.getByTestId("assignment-assignee")).toHaveText("Unassigned");
  await page.goto("/editor/claims?view=unassigned");
  await expect(page.getByRole("link", { name: statement })).toBeVisible();
});

test("the account page saves where each kind of notification goes", async ({ page }) => {
  await signedIn(page, CONTRIBUTOR);
  await page.goto("/editor/account#notifications");
  const section = page.getByRole("region", { name: "Notifications", exact: true });
  // The browser tests' server has a mail server (the sinks' SMTP server): the page says email is sent.
  await expect(section).toContainText("This server sends email.");
  const kind = section.getByRole("group", { name: "Due within 24 hours" });
  await expect(kind.getByLabel("Both")).toBeChecked();
  await kind.getByLabel("In the app").check();
  await section.getByRole("button", { name: "Save notification settings" }).click();
  await expect(section.getByRole("status")).toHaveText("Notification settings saved.");
  await page.reload();
  await expect(section.getByRole("group", { name: "Due within 24 hours" }).getByLabel("In the app")).toBeChecked();
  await expect(section.getByRole("group", { name: "Assigned to you" }).getByLabel("Both")).toBeChecked();

  // Back as it was, for the other tests of this shared database.
  await section.getByRole("group", { name: "Due within 24 hours" }).getByLabel("Both").check();
  await section.getByRole("button", { name: "Save notification settings" }).click();
  await expect(section.getByRole("status")).toHaveText("Notification settings saved.");
});
