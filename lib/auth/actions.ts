"use server";

import { CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { auth, LoginRefused, signIn, signOut } from "@/lib/auth";
import type { FormState } from "@/lib/auth/form-action";
import { safeReturnPath } from "@/lib/auth/return-path";
import { text } from "@/lib/i18n/text";
import { throttledMessage } from "@/lib/services/auth/authenticate";
import { endSession } from "@/lib/services/auth/sessions";

/** Signs in with email and password; refusals come back as a message for the form. */
export async function login(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeReturnPath(form.get("callbackUrl")),
    });
    return { ok: true }; // not reached: signIn redirects
  } catch (e) {
    // signIn redirects by throwing; only a refused sign-in is handled here.
    if (!(e instanceof CredentialsSignin)) throw e;
    const t = await getTranslations();
    if (e instanceof LoginRefused && e.code === "throttled") {
      return { message: throttledMessage(e.retryAfterSeconds ?? 60).in(t), values: { email } };
    }
    return { message: text("errors.auth.wrongPassword").in(t), values: { email } };
  }
}

/**
 * Signs out and returns to the sign-in page. The session's row is ended first, here, so that a failure to end it is
 * an error the user sees (Auth.js's sign-out event, which ends it too, only logs its errors) rather than a cookie
 * cleared in this browser but still good in any copy of it.
 */
export async function logout(): Promise<void> {
  const sid = (await auth())?.user?.sid;
  if (sid) await endSession(sid);
  await signOut({ redirectTo: "/login" });
}
