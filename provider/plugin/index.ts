import { main } from "@pulumi/pulumi/provider";
import { UserInvitesPlugin } from "./provider";

/**
 * The plugin's entry point. Pulumi starts a plugin written in Node.js with
 * `@pulumi/pulumi/cmd/run-plugin <this folder>`, which loads this module and calls the function it
 * exports: serving the provider then, not at import, keeps the module importable by tests.
 */
export = function serve(): Promise<void> {
  return main(new UserInvitesPlugin(), process.argv.slice(2));
};
