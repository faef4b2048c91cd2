import { MATCH_END, MATCH_START } from "@/db/queries/public/search-claims";

/** A search snippet with its matched words marked; the text is rendered as text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(MATCH_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [matched, rest = ""] = part.split(MATCH_END);
        return (
          <span key={i}>
            <mark className="bg-amber-200 text-inherit">{matched}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
