import { PolicyPack } from "@pulumi/policy";
import { expiringInvitesPolicy, twoFactorPolicy } from "./policies";

// Run with: pulumi preview --policy-pack examples/policy
new PolicyPack("cloudflare-user-invites", {
  policies: [twoFactorPolicy, expiringInvitesPolicy],
});
