// Part of `npm run build`: makes dist/plugin a folder Pulumi can run as a source-based plugin, the
// folder users give to `pulumi package add`. Pulumi starts it through its Node.js language host:
// - PulumiPlugin.yaml: the plugin's runtime; JavaScript already compiled, so no ts-node;
// - package.json: `main` for `@pulumi/pulumi/cmd/run-plugin`, and no dependencies, so that the
//   `npm install` Pulumi runs in the folder first has nothing to fetch (it would otherwise climb to
//   the package's own manifest). The dependencies resolve from the package's node_modules above.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");

const dir = join(__dirname, "..", "dist", "plugin");
writeFileSync(
  join(dir, "PulumiPlugin.yaml"),
  "# The provider plugin of pulumi-cloudflare-user-invites: pulumi package add <this folder>\n" +
    "runtime:\n  name: nodejs\n  options:\n    typescript: false\n",
);
writeFileSync(
  join(dir, "package.json"),
  `${JSON.stringify(
    {
      name: "pulumi-cloudflare-user-invites-plugin",
      private: true,
      description: "The provider plugin of pulumi-cloudflare-user-invites, built by its npm run build.",
      main: "index.js",
    },
    null,
    2,
  )}\n`,
);
