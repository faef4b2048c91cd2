import { EnvError, parseEnv } from "./env";

/** Validates the environment; on a bad value prints one line naming it and exits the process. */
export function checkEnvOrExit(): void {
  try {
    parseEnv(process.env, { requireSecret: process.env.NODE_ENV === "production" });
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
