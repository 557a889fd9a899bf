import {
  startCloudflareEmulator,
  FAKE_CREDENTIALS,
  type CloudflareEmulator,
  type EmulatorOptions,
} from "../../provider/testing";
import type { ListUserInvitesOptions } from "../../provider";

/** Emulators started by the current test file, closed after each test. */
const running: CloudflareEmulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator that is closed when the test ends. */
export async function emulator(options: EmulatorOptions = {}): Promise<CloudflareEmulator> {
  const started = await startCloudflareEmulator(options);
  running.push(started);
  return started;
}

/** Client options for an emulator: the fake token, and backoff short enough for tests. */
export function clientOptions(
  emu: CloudflareEmulator,
  extra: ListUserInvitesOptions = {},
): ListUserInvitesOptions {
  return { baseUrl: emu.url, apiToken: FAKE_CREDENTIALS.apiToken, backoffBaseMs: 1, ...extra };
}

/** Runs `fn` and returns what it threw; fails the test if it did not throw. */
export async function thrown(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error("expected a rejection, but the call succeeded");
}

/** Runs `fn` with some environment variables set (or unset with `undefined`), then restores them. */
export async function withEnv<T>(
  vars: Record<string, string | undefined>,
  fn: () => Promise<T> | T,
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}
