import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import { text, textOfIssueMessage, type Translate } from "@/lib/i18n/text";
import { refusalFor } from "@/lib/auth/permissions";
import { joinedText } from "@/lib/i18n/text";
import { isServiceError, ServiceError } from "@/lib/services/errors";
import { refusal } from "@/lib/services/verdicts/load-verdict";
import { createTokenInput } from "@/lib/services/tokens/create-token";
import { missingForPublication } from "@/lib/services/verdicts/publish-gate";
import { FetchRefused, fetchPage } from "@/lib/documents/fetch-url";
import { readUpload, UnusableSource } from "@/lib/documents/prepare-document";
import { parseInput } from "@/lib/validation/parse";
import { decide } from "@/lib/workflow/verdict-workflow";

/**
 * A service's refusal is worded from the catalogue: English in `message` (what the API answers and tests assert), the
 * same words in Ukrainian for the desk (`text.in(t)`), each field's problem too.
 */
const uk = async () => (await translatorFor("uk")) as unknown as Translate;
const CYRILLIC = /[а-яіїєґ]/i;

function thrown(run: () => unknown): ServiceError {
  try {
    run();
  } catch (e) {
    if (isServiceError(e)) return e;
    throw e;
  }
  throw new Error("expected a ServiceError");
}

describe("a service's refusal in words", () => {
  it("should say a workflow refusal in English for the API and in Ukrainian for the desk", async () => {
    const decision = decide("publish", "in_review", "editor", true);
    if (decision.allowed) throw new Error("expected a refusal");
    const e = refusal(decision);
    expect(e.code).toBe("forbidden");
    expect(e.message).toBe("A second editor must publish it: you wrote this verdict.");
    expect(e.text?.in(await uk())).toBe("Лише інший редактор може опублікувати його: ви написали цей вердикт.");
    expect(e.toJSON()).toEqual({
      error: { code: "forbidden", message: "A second editor must publish it: you wrote this verdict." },
    });
  });

  it("should say every state and step of the workflow in Ukrainian", async () => {
    const t = await uk();
    const d = decide("edit", "retracted", "admin", false);
    if (d.allowed) throw new Error("expected a refusal");
    expect(String(d.reason)).toBe("A verdict that is retracted cannot be edited.");
    expect(d.reason.in(t)).toBe("Відкликаний вердикт не можна редагувати.");
  });

  it("should word a field's problem from the catalogue, and keep only path and message in the API's answer", async () => {
    const t = await uk();
    const e = thrown(() => parseInput(createTokenInput, { name: "x".repeat(81), scope: "admin", expiresInDays: 0 }));
    expect(e.code).toBe("validation_failed");
    const json = e.toJSON();
    expect(json.error.issues).toEqual([
      { path: "name", message: "must be at most 80 characters" },
      { path: "expiresInDays", message: "must be at least 1 day" },
      { path: "scope", message: "must be one of read, write" },
    ]);
    for (const issue of json.error.issues ?? []) expect(Object.keys(issue).sort()).toEqual(["message", "path"]);
    // The desk finds the catalogue message of each zod message (lib/i18n/localize-error.ts) and says it in Ukrainian.
    const inUk = Object.fromEntries((e.issues ?? []).map((i) => [i.path, textOfIssueMessage(i.message)?.in(t)]));
    expect(inUk).toEqual({
      name: "має містити щонайбільше 80 символів",
      expiresInDays: "має бути щонайменше 1 день",
      scope: "має бути одним із: read, write",
    });
    expect(e.message).toMatch(/^Invalid input — name: must be at most 80 characters; /);
  });

  it("should say a permission refusal with the role's and the permission's words", async () => {
    const refused = refusalFor("contributor", "users:manage");
    expect(String(refused)).toBe("Your role (contributor) may not manage user accounts.");
    expect(refused.in(await uk())).toBe("Ваша роль (дописувач) не дозволяє керувати обліковими записами користувачів.");
  });

  it("should list what a verdict lacks in the message's language", async () => {
    const missing = missingForPublication({
      hasClaimant: true,
      isAnchored: true,
      hasRating: false,
      summary: "",
      rationale: "short",
      evidenceWithUrl: 1,
    });
    const message = joinedText("errors.verdicts.notReady", missing);
    expect(String(message)).toBe(
      "Not ready to publish. Missing: a rating; a one-line summary; a rationale of at least 200 characters (now 5).",
    );
    const inUk = message.in(await uk());
    expect(inUk).toMatch(/^Ще не готово до публікації\. Бракує: оцінка; підсумок в один рядок; обґрунтування/);
    expect(inUk).not.toMatch(/rating|summary|rationale/);
  });

  it("should keep plurals in Ukrainian where English has one form", async () => {
    const t = await uk();
    // Ukrainian groups thousands with a (narrow) no-break space.
    expect(text("validation.maxChars", { max: 2000 }).in(t)).toMatch(/^має містити щонайбільше 2\s000 символів$/);
    expect(String(text("validation.maxChars", { max: 2000 }))).toBe("must be at most 2000 characters");
    expect(String(text("validation.maxCharsGrouped", { max: 5000 }))).toBe("must be at most 5,000 characters");
    expect(text("validation.maxChars", { max: 254 }).in(t)).toBe("має містити щонайбільше 254 символи");
    expect(text("validation.maxChars", { max: 120 }).in(t)).toBe("має містити щонайбільше 120 символів");
    expect(text("validation.minChars", { min: 12 }).in(t)).toMatch(CYRILLIC);
  });

  it("should say why a URL or a file cannot be imported in the language of the message it is part of", async () => {
    const t = await uk();
    const refused = await fetchPage("http://example.org:8080/article").catch((e: unknown) => e);
    if (!(refused instanceof FetchRefused)) throw new Error("expected a FetchRefused");
    // Refused before any lookup: the port is not a web port.
    const badUrl = text("errors.documents.badUrl", { problem: refused.text });
    expect(String(badUrl)).toBe("The URL uses port 8080: only the web ports 80 and 443 may be fetched.");
    expect(badUrl.in(t)).toBe("URL-адреса використовує порт 8080: завантажувати можна лише з вебпортів 80 і 443.");

    let unusable: unknown;
    try {
      readUpload("notes.pdf", new Uint8Array([1]));
    } catch (e) {
      unusable = e;
    }
    if (!(unusable instanceof UnusableSource)) throw new Error("expected an UnusableSource");
    expect(unusable.text.in(t)).toBe("завантажте файл .txt, .md або .html");
    const nothing = text("errors.documents.nothingToImport", { problem: unusable.text });
    expect(String(nothing)).toBe("Nothing to import: upload a .txt, .md or .html file.");
    expect(nothing.in(t)).toBe("Нічого імпортувати: завантажте файл .txt, .md або .html.");
  });
});
