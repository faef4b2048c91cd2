import { SOURCE_TYPES } from "@/db/enums";
import { SOURCE_TYPE_LABELS } from "@/lib/services/evidence/source-types";

type Values = Partial<
  Record<
    "url" | "title" | "sourceType" | "publisher" | "publishedAt" | "excerpt" | "archiveUrl" | "note",
    string | null
  >
>;

const INPUT = "mt-1 w-full rounded-md border border-line bg-white px-2 py-1 font-normal";

/** The fields of an evidence item, for adding and editing. */
export function EvidenceFields({ values = {}, errors }: { values?: Values; errors: Record<string, string> }) {
  const field = (name: keyof Values, label: string, type = "text") => (
    <label className="block text-sm font-medium">
      {label}
      <input
        name={name}
        type={type}
        defaultValue={values[name] ?? ""}
        className={INPUT}
        aria-invalid={errors[name] ? true : undefined}
      />
      {errors[name] && <span className="block text-danger">{errors[name]}</span>}
    </label>
  );
  return (
    <>
      {field("url", "URL", "url")}
      {field("title", "Title")}
      <label className="block text-sm font-medium">
        Source type
        <select name="sourceType" defaultValue={values.sourceType ?? "news_report"} className={INPUT}>
          {SOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {SOURCE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {field("publisher", "Publisher")}
      {field("publishedAt", "Date", "date")}
      {field("archiveUrl", "Archive URL (optional)", "url")}
      <label className="block text-sm font-medium">
        Excerpt
        <textarea name="excerpt" rows={2} defaultValue={values.excerpt ?? ""} className={INPUT} />
      </label>
      {field("note", "Note (internal)")}
    </>
  );
}
