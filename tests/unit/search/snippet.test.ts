import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START } from "@/db/queries/public/search-claims";
import { matchTerms } from "@/lib/matching/terms";
import { snippetOf } from "@/lib/search/snippet";

const marked = (snippet: string | null) => snippet?.replaceAll(MATCH_START, "[").replaceAll(MATCH_END, "]") ?? null;
const terms = (q: string) => new Set(matchTerms(q));

describe("snippetOf", () => {
  it("should take the text holding the most matched words, and mark each as it is written", () => {
    const texts = ["The convoy was struck.", "Civilians in the hospital were KILLED, the hospital said.", ""];
    expect(marked(snippetOf(texts, terms("hospitals killing")))).toBe(
      "Civilians in the [hospital] were [KILLED], the [hospital] said.",
    );
    expect(marked(snippetOf(texts, terms("convoys")))).toBe("The [convoy] was struck.");
    expect(snippetOf(texts, terms("bread"))).toBeNull();
  });

  it("should cut a long text to the sixteen words around the matches, saying where it is cut", () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = "Маріуполь";
    const snippet = marked(snippetOf([words.join(" ")], terms("маріуполь")))!;
    expect(snippet).toMatch(/^…w39 \[Маріуполь\] w41 .* w54…$/);
    expect(snippet.split(" ")).toHaveLength(16);
  });

  it("should never let the texts' own marker characters through, so that marks always pair up", () => {
    const snippet = snippetOf([`a ${MATCH_START}hospital${MATCH_END} ${MATCH_END}b`], terms("hospital"))!;
    expect(snippet.split(MATCH_START)).toHaveLength(2);
    expect(snippet.split(MATCH_END)).toHaveLength(2);
  });
});
