/**
 * A labelled select of a filter form (the public search, the export scope); the first option (empty value) means "no
 * filter".
 */
export function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
  className = "",
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: { value: string; label: string }[];
  className?: string;
}) {
  return (
    <label className={className}>
      <span className="block text-sm font-medium">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 w-full rounded-md border border-line bg-white px-2 py-2"
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
