"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setInterfaceLanguageAction } from "./actions";

/** The account's interface language: one of the catalogues, or the browser's. */
export function LanguageForm({ current }: { current: string | null }) {
  const t = useTranslations("desk.account.language");
  const [state, action, pending] = useActionState(setInterfaceLanguageAction, {});
  const options = [{ value: "", label: t("browser") }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l]! }))];
  return (
    <form action={action} className="space-y-3">
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <SelectField
        label={t("label")}
        name="locale"
        options={options}
        defaultValue={state.values?.locale ?? current ?? ""}
        error={state.fieldErrors?.locale}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
