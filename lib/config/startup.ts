import { EnvError, parseEnv, type Env } from "./env";

/** Validates the environment and returns it; on a bad value prints one line naming it and exits the process. */
export function checkEnvOrExit(): Env {
  try {
    return parseEnv(process.env, { requireSecret: process.env.NODE_ENV === "production" });
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
