"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { Claimant } from "@/db/schema";
import { updateClaimantAction } from "./actions";

/** Edits a claimant's name, role or affiliation, and identifying URL. */
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
            <TextField label="Role or affiliation" name="description" defaultValue={v?.description ?? claimant.description ?? ""} error={e.description} />
            <TextField label="Same as (URL, e.g. Wikidata)" name="sameAs" type="url" defaultValue={v?.sameAs ?? claimant.sameAs ?? ""} error={e.sameAs} />
          </>
        );
      }}
    </ActionForm>
  );
}
