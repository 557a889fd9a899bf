import { PolicyPack } from "@pulumi/policy";
// In your own pack: import { userInvitesPolicies } from "pulumi-cloudflare-user-invites/policy";
import { userInvitesPolicies } from "../../provider/policy";

// Run with: pulumi preview --policy-pack examples/policy
new PolicyPack("cloudflare-user-invites", {
  policies: [...userInvitesPolicies],
});
