"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { Dispute } from "@/db/schema";
import { addAccountAction, createDisputeAction, removeAccountAction, updateDisputeAction } from "./actions";

function DetailsFields({
  dispute,
  values,
  errors,
}: {
  dispute?: Dispute;
  values?: Record<string, string>;
  errors: Record<string, string>;
}) {
  const t = useTranslations("desk.disputes.form");
  return (
    <>
      <TextField
        label={t("question")}
        name="question"
        defaultValue={values?.question ?? dispute?.question}
        error={errors.question}
        hint={t("questionHint")}
      />
      <TextField
        label={t("eventDate")}
        name="eventDate"
        type="date"
        defaultValue={values?.eventDate ?? dispute?.eventDate ?? ""}
        error={errors.eventDate}
      />
      <label className="block text-sm font-medium">
        {t("description")}
        <textarea
          name="description"
          rows={3}
          defaultValue={values?.description ?? dispute?.description ?? ""}
          className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm font-normal"
        />
        {errors.description && <span className="block text-sm text-danger">{errors.description}</span>}
      </label>
    </>
  );
}

/** Opens a new dispute. */
export function NewDisputeForm() {
  const t = useTranslations("desk.disputes.form");
  return (
    <ActionForm action={createDisputeAction} submitLabel={t("open")} label={t("newLabel")}>
      {(s) => <DetailsFields values={s.values} errors={s.fieldErrors ?? {}} />}
    </ActionForm>
  );
}

/** Edits a dispute's question, date and description. */
export function DisputeDetailsForm({ dispute }: { dispute: Dispute }) {
  const t = useTranslations("desk.disputes.form");
  return (
    <ActionForm action={updateDisputeAction} submitLabel={t("save")} label={t("detailsLabel")}>
      {(s) => (
        <>
          <input type="hidden" name="disputeId" value={dispute.id} />
          <input type="hidden" name="version" value={dispute.version} />
          <DetailsFields dispute={dispute} values={s.ok ? undefined : s.values} errors={s.fieldErrors ?? {}} />
        </>
      )}
    </ActionForm>
  );
}

/** Adds one claim found by search as an account, with its label. */
export function AddAccountForm({
  disputeId,
  claimId,
  defaultLabel,
}: {
  disputeId: number;
  claimId: number;
  defaultLabel: string;
}) {
  const t = useTranslations("desk.disputes.form");
  return (
    <ActionForm
      action={addAccountAction}
      submitLabel={t("add")}
      variant="secondary"
      className="flex flex-wrap items-end gap-2"
      label={t("addLabel", { id: String(claimId) })}
    >
      {(s) => (
        <>
          <input type="hidden" name="disputeId" value={disputeId} />
          <input type="hidden" name="claimId" value={claimId} />
          <label className="text-xs">
            {t("accountLabel")}
            <input
              name="label"
              defaultValue={s.values?.label ?? defaultLabel}
              className="ms-1 rounded-md border border-line px-2 py-1 text-sm"
            />
          </label>
        </>
      )}
    </ActionForm>
  );
}

/** Takes an account out of the dispute. */
export function RemoveAccountForm({
  disputeId,
  claimId,
  label,
}: {
  disputeId: number;
  claimId: number;
  label: string;
}) {
  const t = useTranslations("desk.disputes.form");
  return (
    <ActionForm action={removeAccountAction} submitLabel={t("remove", { label })} variant="danger" className="mt-2">
      {() => (
        <>
          <input type="hidden" name="disputeId" value={disputeId} />
          <input type="hidden" name="claimId" value={claimId} />
        </>
      )}
    </ActionForm>
  );
}
