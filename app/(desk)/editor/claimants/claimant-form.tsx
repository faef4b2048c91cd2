"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { Claimant } from "@/db/schema";
import { updateClaimantAction } from "./actions";

/** What a claimant can be ("": not set, guessed from the name). */
const KINDS = ["", "person", "organization"] as const;

/** Edits a claimant's name, role or affiliation, identifying URL, and whether it is a person or an organisation. */
export function ClaimantForm({ claimant }: { claimant: Claimant }) {
  const t = useTranslations("desk.claimants.form");
  return (
    <ActionForm action={updateClaimantAction} submitLabel={t("save")} label={t("label")}>
      {(s) => {
        const v = s.ok ? undefined : s.values;
        const e = s.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="claimantId" value={claimant.id} />
            <input type="hidden" name="version" value={claimant.version} />
            <TextField label={t("name")} name="name" defaultValue={v?.name ?? claimant.name} error={e.name} />
            <TextField
              label={t("description")}
              name="description"
              defaultValue={v?.description ?? claimant.description ?? ""}
              error={e.description}
            />
            <TextField
              label={t("sameAs")}
              name="sameAs"
              type="url"
              defaultValue={v?.sameAs ?? claimant.sameAs ?? ""}
              error={e.sameAs}
            />
            <SelectField
              label={t("kind")}
              name="kind"
              defaultValue={v?.kind ?? claimant.kind ?? ""}
              error={e.kind}
              options={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind || "unset"}`) }))}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
