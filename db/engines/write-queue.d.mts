/** Runs `fn` after every earlier write queued under `key` in this process, and before any later one. */
export function serialize<T>(key: string, fn: () => Promise<T>): Promise<T>;
