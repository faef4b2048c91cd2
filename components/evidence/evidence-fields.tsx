import { useTranslations } from "next-intl";
import { SOURCE_TYPES } from "@/db/enums";

type Values = Partial<
  Record<
    "url" | "title" | "sourceType" | "publisher" | "publishedAt" | "excerpt" | "archiveUrl" | "note",
    string | null
  >
>;

const INPUT = "mt-1 w-full rounded-md border border-line bg-white px-2 py-1 font-normal";

/** The fields of an evidence item, for adding and editing. */
export function EvidenceFields({ values = {}, errors }: { values?: Values; errors: Record<string, string> }) {
  const t = useTranslations("desk.evidence");
  const field = (name: keyof Values, label: string, type: "text" | "url" | "date" = "text") => (
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
      {field("url", t("fields.url"), "url")}
      {field("title", t("fields.title"))}
      <label className="block text-sm font-medium">
        {t("fields.sourceType")}
        <select name="sourceType" defaultValue={values.sourceType ?? "news_report"} className={INPUT}>
          {SOURCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`sourceTypes.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {field("publisher", t("fields.publisher"))}
      {field("publishedAt", t("fields.publishedAt"), "date")}
      {field("archiveUrl", t("fields.archiveUrl"), "url")}
      <label className="block text-sm font-medium">
        {t("fields.excerpt")}
        <textarea name="excerpt" rows={2} defaultValue={values.excerpt ?? ""} className={INPUT} />
      </label>
      {field("note", t("fields.note"))}
    </>
  );
}
