/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** A server that must not start as the database stands (see `demoAccountsRefusal`): printed, exit code 1. */
export class StartRefused extends Error {}
