import { AsyncLocalStorage } from "node:async_hooks";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { requestClientAddress } from "@/lib/http/client-address";
import { signInWithPassword } from "@/lib/services/auth/authenticate";
import { endSession } from "@/lib/services/auth/sessions";
import { authConfig } from "./config";

/** A refused sign-in; `code` is `invalid` or `throttled`, `retryAfterSeconds` set when throttled. */
export class LoginRefused extends CredentialsSignin {
  constructor(
    code: "invalid" | "throttled",
    readonly retryAfterSeconds?: number,
  ) {
    super();
    this.code = code;
  }
}

/**
 * Where a sign-in through Auth.js's own endpoint (`POST /api/auth/callback/credentials`) notes that it was throttled,
 * for that route to answer 429 with Retry-After instead of Auth.js's redirect (the sign-in page's form goes through a
 * server action, which reads the refusal itself).
 */
export const signInThrottle = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || password.length > 200) throw new LoginRefused("invalid");
        const result = await signInWithPassword(email, password, requestClientAddress(request));
        if (!result.ok && result.reason === "throttled") {
          const noted = signInThrottle.getStore();
          if (noted) noted.retryAfterSeconds = result.retryAfterSeconds;
          throw new LoginRefused("throttled", result.retryAfterSeconds);
        }
        if (!result.ok) throw new LoginRefused("invalid");
        const { id, email: address, name, role } = result.user;
        return { id: String(id), email: address, name, role, sessionId: result.sessionId };
      },
    }),
  ],
  events: {
    // Signing out, by the header's button (lib/auth/actions.ts) or POST /api/auth/signout, ends the session's row.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && sid) await endSession(sid);
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});
