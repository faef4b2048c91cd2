import { MATCH_END, MATCH_START } from "@/db/queries/public/search-claims";

/** A search snippet with its matched words marked (styled by the list); the text is rendered as text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  const [before, ...marked] = text.split(MATCH_START);
  return (
    <>
      {before}
      {marked.map((part, i) => {
        const [matched, rest = ""] = part.split(MATCH_END);
        return [<mark key={i}>{matched}</mark>, rest];
      })}
    </>
  );
}
