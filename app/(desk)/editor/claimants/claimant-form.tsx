"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { Claimant } from "@/db/schema";
import { updateClaimantAction } from "./actions";

/** Edits a claimant's name, role or affiliation, identifying URL, and whether it is a person or an organisation. */
export function ClaimantForm({ claimant }: { claimant: Claimant }) {
  return (
    <ActionForm action={updateClaimantAction} submitLabel="Save claimant" label="Claimant details">
      {(s) => {
        const v = s.ok ? undefined : s.values;
        const e = s.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="claimantId" value={claimant.id} />
            <input type="hidden" name="version" value={claimant.version} />
            <TextField label="Name" name="name" defaultValue={v?.name ?? claimant.name} error={e.name} />
            <TextField
              label="Role or affiliation"
              name="description"
              defaultValue={v?.description ?? claimant.description ?? ""}
              error={e.description}
            />
            <TextField
              label="Same as (URL, e.g. Wikidata)"
              name="sameAs"
              type="url"
              defaultValue={v?.sameAs ?? claimant.sameAs ?? ""}
              error={e.sameAs}
            />
            <SelectField
              label="Person or organisation"
              name="kind"
              defaultValue={v?.kind ?? claimant.kind ?? ""}
              error={e.kind}
              options={[
                { value: "", label: "Not set (guessed from the name)" },
                { value: "person", label: "Person" },
                { value: "organization", label: "Organisation" },
              ]}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
