// Copied into a project that installed the packed package, and run there: prints the provider
// exactly as `pulumi.dynamic.Resource` serializes it for that installed package.
const pulumi = require("@pulumi/pulumi");
const { UserInvitesProvider } = require("pulumi-cloudflare-user-invites");

const provider = new UserInvitesProvider();
pulumi.runtime
  .serializeFunction(() => provider, { allowSecrets: true })
  .then(({ text }) => process.stdout.write(text));
