import { expect, type Page } from "@playwright/test";

/**
 * Selects `quote` in the reading pane by dragging the mouse from its first character to
 * its last, as a person would. `occurrence` picks among repeats (0-based). The quote may
 * cross highlight boundaries and paragraph breaks (written as a blank line).
 */
export async function dragSelect(page: Page, quote: string, occurrence = 0) {
  const box = await page.evaluate(
    ({ quote, occurrence }) => {
      const pane = document.querySelector('[data-testid="reading-pane"]')!;
      const nodes: { node: Text; from: number }[] = [];
      let flat = "";
      pane.querySelectorAll("p").forEach((p, i) => {
        if (i > 0) flat += "\n\n";
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          nodes.push({ node: n, from: flat.length });
          flat += n.data;
        }
      });
      let at = -1;
      for (let k = 0; k <= occurrence; k++) at = flat.indexOf(quote, at + 1);
      if (at < 0) throw new Error(`not in the pane: ${quote}`);
      const rectAt = (unit: number) => {
        const holder = [...nodes].reverse().find((n) => n.from <= unit)!;
        const r = document.createRange();
        const offset = unit - holder.from;
        const width = holder.node.data.codePointAt(offset)! > 0xffff ? 2 : 1;
        r.setStart(holder.node, offset);
        r.setEnd(holder.node, offset + width);
        return r.getBoundingClientRect();
      };
      const last = quote.length - (quote.codePointAt(quote.length - 2)! > 0xffff ? 2 : 1);
      // Bring the quote into the viewport: mouse events only reach what is on screen.
      [...nodes]
        .reverse()
        .find((n) => n.from <= at)!
        .node.parentElement!.scrollIntoView({ block: "center" });
      const a = rectAt(at);
      const b = rectAt(at + last);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { quote, occurrence },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/** Code point offsets of `quote` in `text` (the `occurrence`-th one). */
export function codePointSpan(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

/** Fills and saves the claim form that the "Highlight" button opened. */
export async function saveClaim(
  page: Page,
  claimant: string,
  dispute?: { existing?: string; question?: string; label?: string },
) {
  const form = page.getByRole("form", { name: "New claim" });
  const cards = page.getByRole("region", { name: /Claims in this text/ }).getByRole("article");
  const before = await cards.count();
  await form.getByLabel("Claimant").fill(claimant);
  if (dispute?.question) {
    await form.getByLabel("Dispute").selectOption({ label: "New dispute…" });
    await form.getByLabel("Question of the dispute").fill(dispute.question);
  } else if (dispute?.existing) {
    await form.getByLabel("Dispute").selectOption({ label: dispute.existing });
  }
  if (dispute?.label) await form.getByLabel("Label of this account").fill(dispute.label);
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form).toHaveCount(0);
  // Wait for the refreshed page, so the next selection is made on the new text.
  await expect(cards).toHaveCount(before + 1);
}
