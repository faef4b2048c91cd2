import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/verdicts/markdown";
import messages from "@/lib/i18n/messages/en.json";
import { missingForPublication } from "@/lib/services/verdicts/publish-gate";

type ProviderProps = Parameters<typeof NextIntlClientProvider>[0];

// The component's words come from the catalogue: rendered as a page renders it, inside next-intl's provider.
const render = (text: string) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale: "en", messages, timeZone: "UTC" } as ProviderProps,
      createElement(Markdown, { text }),
    ),
  );

describe("Markdown rationale rendering", () => {
  it("should render emphasis, lists and safe links", () => {
    const html = render("The claim is **false**.\n\n- one\n- two\n\n[AP photos](https://apnews.com/x)");
    expect(html).toContain("<strong>false</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://apnews.com/x" rel="nofollow noopener noreferrer"');
  });

  it("should never render raw HTML, scripts or javascript: links", () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) <b onclick="x()">bold</b>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<b /i);
    expect(html).toContain(">click</a>");
  });

  it("should show an image as its description, in the page's language", () => {
    expect(render("![a map of the city](https://example.com/map.png)")).toContain(
      "<span>[image: a map of the city]</span>",
    );
  });
});

describe("the publish gate", () => {
  it("should ask for nothing when everything is there", () => {
    expect(
      missingForPublication({
        hasClaimant: true,
        isAnchored: true,
        hasRating: true,
        summary: "s",
        rationale: "x".repeat(200),
        evidenceWithUrl: 1,
      }),
    ).toEqual([]);
  });

  it("should count the rationale in characters, not UTF-16 units", () => {
    expect(
      missingForPublication({
        hasClaimant: true,
        isAnchored: true,
        hasRating: true,
        summary: "s",
        rationale: "😀".repeat(199),
        evidenceWithUrl: 1,
      }).map(String),
    ).toEqual(["a rationale of at least 200 characters (now 199)"]);
  });
});
