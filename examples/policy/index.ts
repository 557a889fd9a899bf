import { PolicyPack } from "@pulumi/policy";
// In your own pack: import { userAccessPolicies } from "pulumi-cloudflare-user-invites/policy";
import { userAccessPolicies } from "../../provider/policy";

// Run with: pulumi preview --policy-pack examples/policy
new PolicyPack("cloudflare-user-invites", {
  policies: [...userAccessPolicies],
});
