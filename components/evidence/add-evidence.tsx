"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import { STANCES } from "@/db/enums";
import type { ActionResult } from "@/lib/auth/form-action";
import { EvidenceFields } from "./evidence-fields";

type Props = {
  claimId: number;
  add: (input: unknown) => Promise<ActionResult<unknown>>;
  /** Existing items found by the page's evidence search, to link with this claim's own stance. */
  found: { id: number; title: string; url: string; publisher: string | null }[];
};

function StanceSelect({ name = "stance" }: { name?: string }) {
  const t = useTranslations("desk.evidence");
  const common = useTranslations("common");
  return (
    <label className="block text-sm font-medium">
      {t("stance")}
      <select
        name={name}
        defaultValue="supports"
        className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1 font-normal"
      >
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {common(`stance.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Adds a new evidence item to the claim, or links one found by search with its own stance. */
export function AddEvidence({ claimId, add, found }: Props) {
  const t = useTranslations("desk.evidence");
  const { run, pending, error } = useServiceAction(add);
  const [formKey, setFormKey] = useState(0);

  async function addNew(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ""));
    if (await run({ claimId, ...clean })) setFormKey(formKey + 1);
  }

  return (
    <div className="space-y-4">
      {found.length > 0 && (
        <ul className="space-y-2" aria-label={t("found")}>
          {found.map((f) => (
            <li key={f.id} className="rounded-md border border-line bg-white p-2 text-sm">
              <p className="font-medium">{f.title}</p>
              <p className="truncate text-xs text-muted">{f.url}</p>
              <form
                className="mt-1 flex items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run({ claimId, evidenceId: f.id, stance: new FormData(e.currentTarget).get("stance") });
                }}
              >
                <StanceSelect />
                <Button type="submit" variant="secondary" disabled={pending}>
                  {t("link")}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form key={formKey} onSubmit={addNew} className="space-y-2" aria-label={t("newEvidence")} noValidate>
        {error && <Alert tone="error">{error.message}</Alert>}
        <EvidenceFields errors={error?.fieldErrors ?? {}} />
        <StanceSelect />
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </form>
    </div>
  );
}
