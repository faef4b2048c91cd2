/**
 * Claimdesk's command line: `npm run cli -- <command>`. Also the entry point of the
 * `db:migrate`, `db:seed`, `demo` and `start` scripts. Commands act through the same
 * services as the web app, as the operator (`cli` in the audit log).
 */
import { getDatabase } from "@/db/client";
import { EnvError, getEnv } from "@/lib/config/env";
import { translatorFor } from "@/lib/i18n/catalogue";
import { isServiceError } from "@/lib/services/errors";
import { parseOptions } from "./args";
import { StartRefused, UsageError } from "./errors";
import { cliLocale } from "./locale";
import { runDemo, runDev, runMigrate, runSeed, runStart } from "./server";
import { runBackupCommand, runRestoreCommand } from "./backup";
import { runExportCommand } from "./export";
import { runFactChecksCommand } from "./fact-checks";
import { runImportCommand } from "./import";
import { runOutboxCommand } from "./outbox";
import { runTokenCommand } from "./tokens";
import { runUserCommand } from "./users";

const out = (line: string) => console.log(line);

/** Brings the configured database up to date; the environment is checked first (a bad variable is a usage error). */
async function migrateConfigured(): Promise<void> {
  getEnv();
  await getDatabase().migrate();
}

/** Runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const t = await translatorFor(cliLocale());
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
      case "outbox":
        await migrateConfigured();
        await runOutboxCommand(rest, out);
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
        console.log(t("cli.main.usage"));
        return command ? 0 : 2;
      default:
        throw new UsageError(t("cli.main.unknown", { command, usage: t("cli.main.usage") }));
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof EnvError) {
      console.error(t("cli.main.error", { message: e.message }));
      return 2;
    }
    if (e instanceof StartRefused || isServiceError(e)) {
      const message = isServiceError(e) && e.text ? e.text.in(t) : e.message;
      console.error(t("cli.main.error", { message }));
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
