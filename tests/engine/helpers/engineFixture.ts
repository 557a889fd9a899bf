import {
  startCloudflareEmulator,
  type CloudflareEmulator,
  type EmulatorOptions,
} from "../../../provider/testing";
import { copyExampleProject, PulumiSandbox } from "../../helpers/pulumiSandbox";

/** What an engine test file works with: its CLI sandbox, the emulator, and the project it runs. */
export interface EngineFixture {
  readonly sandbox: PulumiSandbox;
  readonly emulator: CloudflareEmulator;
  readonly project: string;
}

/**
 * Sets up a sandbox, an emulator and a project before the file's tests, and removes them after.
 * The project is a copy of the repository's example project unless `project` makes another.
 */
export function useEngineFixture(
  options: {
    readonly emulator?: EmulatorOptions;
    readonly project?: (sandbox: PulumiSandbox) => string | Promise<string>;
  } = {},
): EngineFixture {
  const fixture = {} as { sandbox: PulumiSandbox; emulator: CloudflareEmulator; project: string };
  beforeAll(async () => {
    fixture.sandbox = new PulumiSandbox();
    fixture.emulator = await startCloudflareEmulator(options.emulator);
    fixture.project = await (options.project ?? ((s) => copyExampleProject(s.root)))(fixture.sandbox);
  });
  afterAll(async () => {
    await fixture.emulator?.close();
    fixture.sandbox?.remove();
  });
  return fixture;
}
