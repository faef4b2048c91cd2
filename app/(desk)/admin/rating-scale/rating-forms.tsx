"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { RatingView } from "@/db/queries/ratings";
import { DEFAULT_LOCALE, LOCALE_NAMES, LOCALES, textDirection } from "@/lib/i18n/locales";
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
  const t = useTranslations("admin.ratingScale.fields");
  const v = (k: keyof RatingView) =>
    values?.[k] ?? (rating?.[k] === null || rating?.[k] === undefined ? "" : String(rating[k]));
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <TextField label={t("label")} name="label" defaultValue={v("label")} error={errors.label} />
      <TextField
        label={t("colour")}
        name="colour"
        type="color"
        defaultValue={v("colour") || "#57606a"}
        error={errors.colour}
      />
      <TextField
        label={t("value")}
        name="ordinal"
        type="number"
        min={1}
        defaultValue={v("ordinal")}
        error={errors.ordinal}
      />
      <label className="block text-sm font-medium sm:col-span-2">
        {t("description")}
        <textarea
          name="description"
          rows={2}
          defaultValue={v("description")}
          className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm font-normal"
        />
      </label>
      {LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((locale) => {
        const own = rating?.translations?.[locale];
        const value = (k: "label" | "description") => values?.[`${k}@${locale}`] ?? own?.[k] ?? "";
        return (
          <fieldset key={locale} className="grid gap-2 rounded-md border border-line p-2 sm:col-span-2 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">{t("inLanguage", { language: LOCALE_NAMES[locale]! })}</legend>
            <TextField
              label={t("label")}
              name={`label@${locale}`}
              defaultValue={value("label")}
              lang={locale}
              dir={textDirection(locale)}
              error={errors[`translations.${locale}.label`]}
            />
            <label className="block text-sm font-medium">
              {t("description")}
              <textarea
                name={`description@${locale}`}
                rows={2}
                lang={locale}
                dir={textDirection(locale)}
                defaultValue={value("description")}
                className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm font-normal"
              />
            </label>
            {errors[`translations.${locale}.description`] && (
              <span className="text-sm text-danger sm:col-span-2">{errors[`translations.${locale}.description`]}</span>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

/** The move forms' fields. */
const UP = { direction: "up" };
const DOWN = { direction: "down" };

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
  const t = useTranslations("admin.ratingScale.row");
  const [baseVersion] = useState(rating.version);
  const hidden = (extra: Record<string, string | number> = {}) =>
    Object.entries({ ratingId: rating.id, ...extra }).map(([k, val]) => (
      <input key={k} type="hidden" name={k} value={val} />
    ));
  return (
    <li className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid={`rating-${rating.key}`}>
      <ActionForm action={updateRatingAction} submitLabel={t("save")} label={t("label", { label: rating.label })}>
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
          <ActionForm action={moveRatingAction} submitLabel={t("moveUp")} variant="secondary" className="">
            {() => hidden(UP)}
          </ActionForm>
        )}
        {!isLast && (
          <ActionForm action={moveRatingAction} submitLabel={t("moveDown")} variant="secondary" className="">
            {() => hidden(DOWN)}
          </ActionForm>
        )}
        <ActionForm
          action={deleteRatingAction}
          submitLabel={t("delete", { label: rating.label })}
          variant="danger"
          className=""
        >
          {() => hidden()}
        </ActionForm>
      </div>
    </li>
  );
}

/** Adds a rating at the end of the scale. */
export function NewRatingForm() {
  const t = useTranslations("admin.ratingScale.new");
  return (
    <ActionForm action={createRatingAction} submitLabel={t("submit")} label={t("label")}>
      {(s) => <RatingFields values={s.ok ? undefined : s.values} errors={s.fieldErrors ?? {}} />}
    </ActionForm>
  );
}
