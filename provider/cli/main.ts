#!/usr/bin/env node
// The package's `bin`: `npx pulumi-cloudflare-user-invites audit`. All logic is in auditCommand.ts.
import { runCommand } from "./auditCommand";

runCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
