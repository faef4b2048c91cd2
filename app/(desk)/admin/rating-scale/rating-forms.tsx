"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { RatingView } from "@/db/queries/ratings";
import { createRatingAction, deleteRatingAction, moveRatingAction, updateRatingAction } from "./actions";

function RatingFields({
  rating,
  values,
  errors,
}: {
  rating?: RatingView;
  values?: Record<string, string>;
  errors: Record<string, string>;
}) {
  const v = (k: keyof RatingView) =>
    values?.[k] ?? (rating?.[k] === null || rating?.[k] === undefined ? "" : String(rating[k]));
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <TextField label="Label" name="label" defaultValue={v("label")} error={errors.label} />
      <TextField
        label="Colour"
        name="colour"
        type="color"
        defaultValue={v("colour") || "#57606a"}
        error={errors.colour}
      />
      <TextField
        label="Value (1 = worst; empty: outside the true–false order)"
        name="ordinal"
        type="number"
        min={1}
        defaultValue={v("ordinal")}
        error={errors.ordinal}
      />
      <label className="block text-sm font-medium sm:col-span-2">
        Description (shown on the methodology page)
        <textarea
          name="description"
          rows={2}
          defaultValue={v("description")}
          className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm font-normal"
        />
      </label>
    </div>
  );
}

/** One rating of the scale: edit it, move it, or delete it if no verdict uses it. */
export function RatingRow({
  rating,
  isFirst,
  isLast,
}: {
  rating: RatingView & { version: number };
  isFirst: boolean;
  isLast: boolean;
}) {
  const [baseVersion] = useState(rating.version);
  const hidden = (extra: Record<string, string | number> = {}) =>
    Object.entries({ ratingId: rating.id, ...extra }).map(([k, val]) => (
      <input key={k} type="hidden" name={k} value={val} />
    ));
  return (
    <li className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid={`rating-${rating.key}`}>
      <ActionForm action={updateRatingAction} submitLabel="Save" label={`Rating ${rating.label}`}>
        {(s) => (
          <>
            {/* The version this form's text is based on moves on only with this admin's own
                saves: a refresh that brings another admin's change cannot be overwritten unseen (409). */}
            {hidden({ version: s.version ?? baseVersion })}
            <RatingFields rating={rating} values={s.ok ? undefined : s.values} errors={s.fieldErrors ?? {}} />
          </>
        )}
      </ActionForm>
      <div className="flex flex-wrap gap-2">
        {!isFirst && (
          <ActionForm action={moveRatingAction} submitLabel="Move up" variant="secondary" className="">
            {() => hidden({ direction: "up" })}
          </ActionForm>
        )}
        {!isLast && (
          <ActionForm action={moveRatingAction} submitLabel="Move down" variant="secondary" className="">
            {() => hidden({ direction: "down" })}
          </ActionForm>
        )}
        <ActionForm action={deleteRatingAction} submitLabel={`Delete “${rating.label}”`} variant="danger" className="">
          {() => hidden()}
        </ActionForm>
      </div>
    </li>
  );
}

/** Adds a rating at the end of the scale. */
export function NewRatingForm() {
  return (
    <ActionForm action={createRatingAction} submitLabel="Add rating" label="New rating">
      {(s) => <RatingFields values={s.ok ? undefined : s.values} errors={s.fieldErrors ?? {}} />}
    </ActionForm>
  );
}
