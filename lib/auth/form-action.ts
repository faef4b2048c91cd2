import "server-only";
import { getTranslations } from "next-intl/server";
import { localizedFailure } from "@/lib/i18n/localize-error";
import { isServiceError, type ServiceError } from "@/lib/services/errors";
import { getCurrentUser, type CurrentUser } from "./session";

/** What a form's server action answers: a message, errors by field, and what to show once. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted values, so a refused form keeps the user's input. */
  values?: Record<string, string>;
  /** A secret shown once (a new token or temporary password). */
  secret?: string;
};

/** What a server action called from client code answers. */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string>; status: number };

const signedOut = async () => (await getTranslations("errors.form"))("signedOut");

async function failure(e: ServiceError) {
  return { ...(await localizedFailure(e)), status: e.status };
}

/**
 * Wraps a server action used by a form: a server action is a public endpoint, so it
 * resolves the signed-in user itself, and turns a service refusal into form errors.
 * Redirects thrown inside `run` pass through untouched.
 */
export function formAction<S extends FormState = FormState>(
  run: (user: CurrentUser, form: FormData) => Promise<NoInfer<S>>,
) {
  return async (_prev: S, form: FormData): Promise<S> => {
    const values = Object.fromEntries(
      [...form.entries()].filter(([k, v]) => typeof v === "string" && !/password|^\$ACTION/i.test(k)),
    ) as Record<string, string>;
    const user = await getCurrentUser();
    if (!user) return { message: await signedOut(), values } as S;
    try {
      return await run(user, form);
    } catch (e) {
      if (!isServiceError(e)) throw e;
      const { fieldErrors, message } = await failure(e);
      return {
        message: e.issues?.length ? (await getTranslations("errors.form"))("correctFields") : message,
        fieldErrors,
        values,
      } as S;
    }
  };
}

/** Wraps a server action called from client code with a plain object, the same way. */
export function serviceAction<I, T>(run: (user: CurrentUser, input: I) => Promise<T> | T) {
  return async (input: I): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: await signedOut(), fieldErrors: {}, status: 401 };
    try {
      return { ok: true, data: await run(user, input) };
    } catch (e) {
      if (!isServiceError(e)) throw e;
      return { ok: false, ...(await failure(e)) };
    }
  };
}

/** The string value of a form field, or undefined when absent or empty. */
export function field(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" && v !== "" ? v : undefined;
}
