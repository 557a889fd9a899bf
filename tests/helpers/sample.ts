import { fakeId } from "../../provider/testing";

/**
 * What a read of the emulator's default sample (`sampleInvites`) must produce, in one place for
 * every test that reads it: 7 invites into 7 organizations.
 */
export const SAMPLE = {
  /** Acme Corp, Globex and Hooli have pending invites. */
  pendingOrganizationIds: [fakeId("org:Acme Corp"), fakeId("org:Globex"), fakeId("org:Hooli")].sort(),
  /**
   * Globex and Umbrella Labs do not enforce two-factor authentication. Vandelay's pre-2024 invite
   * does not say, but it was rejected: pending and accepted invites count, as in the policy pack.
   */
  organizationsNotEnforcingTwoFactor: [
    {
      organizationId: fakeId("org:Globex"),
      organizationName: "Globex",
      organizationIsEnforcingTwoFactor: false,
    },
    {
      organizationId: fakeId("org:Umbrella Labs"),
      organizationName: "Umbrella Labs",
      organizationIsEnforcingTwoFactor: false,
    },
  ].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
  inviteCountByStatus: { pending: 3, accepted: 2, rejected: 1, expired: 1 },
} as const;

const accounts = (...names: string[]) => names.map((name) => fakeId(`org:${name}`)).sort();

/**
 * What a read of the emulator's default memberships (`sampleMemberships`) and user (`sampleUser()`)
 * must produce: 5 memberships, 3 of them accepted.
 */
export const SAMPLE_MEMBERSHIPS = {
  accountIdsByStatus: {
    accepted: accounts("Initech", "Umbrella Labs", "Wayne Enterprises"),
    pending: accounts("Acme Corp", "Globex"),
    rejected: [],
  },
  membershipCountByStatus: { accepted: 3, pending: 2, rejected: 0 },
  /** Umbrella Labs does not enforce two-factor authentication; Wayne Enterprises does not say. */
  accountsNotEnforcingTwoFactor: [
    {
      accountId: fakeId("org:Umbrella Labs"),
      accountName: "Umbrella Labs",
      accountIsEnforcingTwoFactor: false,
    },
    {
      accountId: fakeId("org:Wayne Enterprises"),
      accountName: "Wayne Enterprises",
      accountIsEnforcingTwoFactor: null,
    },
  ].sort((a, b) => a.accountId.localeCompare(b.accountId)),
  twoFactorAuthenticationEnabled: true,
  twoFactorAuthenticationLocked: false,
} as const;
