/**
 * Claimdesk's command line: `npm run cli -- <command>`. Also the entry point of the
 * `db:migrate`, `db:seed`, `demo` and `start` scripts. Commands act through the same
 * services as the web app, as the operator (`cli` in the audit log).
 */
import { getDatabase } from "@/db/client";
import { EnvError, getEnv } from "@/lib/config/env";
import { isServiceError } from "@/lib/services/errors";
import { parseOptions } from "./args";
import { StartRefused, UsageError } from "./errors";
import { runDemo, runDev, runMigrate, runSeed, runStart } from "./server";
import { runBackupCommand, runRestoreCommand } from "./backup";
import { runExportCommand } from "./export";
import { runFactChecksCommand } from "./fact-checks";
import { runImportCommand } from "./import";
import { runTokenCommand } from "./tokens";
import { runUserCommand } from "./users";

const USAGE = `Usage: npm run cli -- <command>
  user add --email E --name N --role admin|editor|contributor [--password P]
  user list | user disable --email E | user enable --email E | user role --email E --role R | user unlock --email E
  token create --email E [--name label] [--scope read|write] [--expires 30d | --expires YYYY-MM-DD]
                                      (scope read, GET only, unless write; expires in 90 days unless --expires:
                                      1d to 365d, or a date within a year, the token stopping at 00:00 UTC that day)
  token revoke --id N | --token T
  export --format claimreview|w3c|csv|json|pdf --out FILE [--claim C] [--document D] [--dispute D] [--claimant C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--include-drafts]
  import --document ID --file FILE [--claimant NAME]   (a W3C annotation file; NAME for annotations that name no claimant)
  fact-checks import --file FILE      (known fact-checks: ClaimReview JSON-LD, a DataFeed, or a fact-check search API's JSON)
  backup --out FILE                   (an online backup; the app may keep running)
  restore --from FILE [--to DB]       (stop the server first; the current database is kept beside it)
  migrate | seed [--force] | demo | dev
  start [--allow-demo-accounts]       (refuses while demo accounts are active, unless allowed)`;

const out = (line: string) => console.log(line);

/** Brings the configured database up to date; the environment is checked first (a bad variable is a usage error). */
async function migrateConfigured(): Promise<void> {
  getEnv();
  await getDatabase().migrate();
}

/** Runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "user":
        await migrateConfigured();
        await runUserCommand(rest, out);
        return 0;
      case "token":
        await migrateConfigured();
        await runTokenCommand(rest, out);
        return 0;
      case "export":
        await migrateConfigured();
        await runExportCommand(rest, out);
        return 0;
      case "import":
        await migrateConfigured();
        await runImportCommand(rest, out);
        return 0;
      case "fact-checks":
        await migrateConfigured();
        await runFactChecksCommand(rest, out);
        return 0;
      case "backup":
        await runBackupCommand(rest, out);
        return 0;
      case "restore":
        await runRestoreCommand(rest, out);
        return 0;
      case "migrate":
        await runMigrate(out);
        return 0;
      case "seed":
        await runSeed(out, parseOptions(rest, { force: "boolean" }).force ?? false);
        return 0;
      case "demo":
        return await runDemo(out);
      case "start": {
        const options = parseOptions(rest, { "allow-demo-accounts": "boolean" });
        return await runStart(out, { allowDemoAccounts: options["allow-demo-accounts"] ?? false });
      }
      case "dev":
        return await runDev(out);
      case undefined:
      case "help":
      case "--help":
        console.log(USAGE);
        return command ? 0 : 2;
      default:
        throw new UsageError(`unknown command '${command}'.\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof EnvError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof StartRefused || isServiceError(e)) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
