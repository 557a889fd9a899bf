/**
 * Invites and credentials in Cloudflare's wire shape, for the emulator, the tests, the demo and
 * the benchmarks. Every credential here is fake and says so.
 */

/**
 * An invite as the emulator serves it: the wire shape (snake_case), loosened so that a test can
 * serve a malformed one. What the client accepts is `WireInvite` (cloudflare/wire.ts).
 */
export interface ServedInvite {
  id?: string | null;
  organization_id?: string | null;
  organization_name?: string | null;
  invited_member_id?: string | null;
  invited_member_email?: string | null;
  invited_by?: string | null;
  invited_on?: string | null;
  expires_on?: string | null;
  organization_is_enforcing_twofactor?: boolean | null;
  roles?: unknown[] | null;
  status?: string | null;
  [extra: string]: unknown;
}

/** Obviously fake credentials that the emulator accepts by default. */
export const FAKE_CREDENTIALS = {
  /** 40 characters, like a real API token; not one. */
  apiToken: "FAKE-test-token-not-a-real-cloudflare-00",
  /** 37 hex characters, like a real Global API key; not one. */
  apiKey: `${"0".repeat(33)}fa4e`,
  apiEmail: "invitee@example.com",
} as const;

/** A token the emulator knows but that lacks "Memberships Read" (403, code 9109). */
export const FAKE_TOKEN_WITHOUT_PERMISSION = "FAKE-test-token-without-memberships-read";

/**
 * The response envelope from Cloudflare's reference page for "List Invitations", field for field.
 * Note its `result_info`: `total_count` 2000 with one result, as published.
 */
export function referenceEnvelope() {
  return {
    errors: [
      {
        code: 1000,
        message: "message",
        documentation_url: "documentation_url",
        source: { pointer: "pointer" },
      },
    ],
    messages: [
      {
        code: 1000,
        message: "message",
        documentation_url: "documentation_url",
        source: { pointer: "pointer" },
      },
    ],
    success: true,
    result: [
      {
        invited_member_id: "5a7805061c76ada191ed06f989cc3dac",
        organization_id: "5a7805061c76ada191ed06f989cc3dac",
        id: "4f5f0c14a2a41d5063dd301b2f829f04",
        expires_on: "2019-01-01T12:00:00Z",
        invited_by: "user@example.com",
        invited_member_email: "user@example.com",
        invited_on: "2014-01-01T05:20:00.12345Z",
        organization_is_enforcing_twofactor: true,
        organization_name: "Cloudflare, Inc.",
        roles: ["Account Administrator"],
        status: "accepted",
      },
    ],
    result_info: { count: 1, page: 1, per_page: 20, total_count: 2000 },
  };
}

/** A 32-character hex id derived from a label, stable across runs. */
export function fakeId(label: string): string {
  let hash = 0x811c9dc5;
  let out = "";
  for (let round = 0; out.length < 32; round++) {
    for (const char of `${label}#${round}`) {
      hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, "0");
  }
  return out.slice(0, 32);
}

const DAY_MS = 86_400_000;

/**
 * A small, realistic set: pending, accepted, rejected and expired invites across organizations
 * that do and do not enforce two-factor authentication, one pending invite already past its expiry, one
 * about to expire, and one in the pre-2024 shape (role objects, no two-factor field). Dates are relative
 * to `now` so "expires soon" stays true whenever the demo runs.
 */
export function sampleInvites(now: Date = new Date()): ServedInvite[] {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const invite = (
    label: string,
    organization: string,
    twoFactor: boolean | undefined,
    status: string,
    sentDaysAgo: number,
    expiresInDays: number,
    roles: unknown[],
  ): ServedInvite => {
    const wire: ServedInvite = {
      id: fakeId(`invite:${label}`),
      organization_id: fakeId(`org:${organization}`),
      organization_name: organization,
      invited_member_id: status === "accepted" ? fakeId("member:invitee") : null,
      invited_member_email: FAKE_CREDENTIALS.apiEmail,
      invited_by: `admin@${organization.toLowerCase().replace(/[^a-z]+/g, "-")}.example`,
      invited_on: at(-sentDaysAgo),
      expires_on: at(expiresInDays),
      roles,
      status,
    };
    if (twoFactor !== undefined) wire.organization_is_enforcing_twofactor = twoFactor;
    return wire;
  };
  return [
    invite("acme-admin", "Acme Corp", true, "pending", 2, 5, ["Administrator"]),
    invite("globex-dns", "Globex", false, "pending", 1, 2, ["DNS", "Analytics"]),
    invite("initech-readonly", "Initech", true, "accepted", 40, -33, ["Administrator Read Only"]),
    invite("umbrella-billing", "Umbrella Labs", false, "accepted", 90, -83, ["Billing"]),
    invite("hooli-stale", "Hooli", true, "pending", 10, -3, ["Firewall"]),
    invite("vandelay-old", "Vandelay Industries", undefined, "rejected", 400, -393, [
      { id: fakeId("role:legacy"), name: "Super Administrator - All Privileges", permissions: {} },
    ]),
    invite("stark-expired", "Stark Industries", true, "expired", 30, -23, ["Workers Admin"]),
  ];
}

/** `count` synthetic invites for load and benchmark runs; ids are unique and sorted order differs from input order. */
export function manyInvites(count: number, now: Date = new Date()): ServedInvite[] {
  const statuses = ["pending", "accepted", "rejected", "expired"];
  const invites: ServedInvite[] = [];
  for (let i = 0; i < count; i++) {
    const n = (i * 7919) % count;
    invites.push({
      id: `${n.toString(16).padStart(8, "0")}${"0".repeat(24)}`,
      organization_id: `${(n % 97).toString(16).padStart(4, "0")}${"a".repeat(28)}`,
      organization_name: `Organization ${n % 97}`,
      invited_member_id: null,
      invited_member_email: `member${n}@example.com`,
      invited_by: "admin@example.com",
      invited_on: new Date(now.getTime() - (n % 30) * DAY_MS).toISOString(),
      expires_on: new Date(now.getTime() + ((n % 14) - 7) * DAY_MS).toISOString(),
      organization_is_enforcing_twofactor: n % 3 !== 0,
      roles: ["Administrator", "DNS"],
      status: statuses[n % statuses.length] ?? "pending",
    });
  }
  return invites;
}

/**
 * A membership as the emulator serves it (`GET /memberships`): the wire shape, loosened so that a
 * test can serve a malformed one. What the client accepts is `WireMembership` (cloudflare/wire.ts).
 */
export interface ServedMembership {
  id?: string | null;
  status?: string | null;
  account?: {
    id?: string | null;
    name?: string | null;
    settings?: { enforce_twofactor?: boolean | null; [extra: string]: unknown } | null;
    [extra: string]: unknown;
  } | null;
  roles?: unknown[] | null;
  permissions?: Record<string, unknown> | null;
  [extra: string]: unknown;
}

/** The user as the emulator serves it (`GET /user`): the fields this package reads, and a few more. */
export interface ServedUser {
  id?: string | null;
  email?: string | null;
  two_factor_authentication_enabled?: boolean | null;
  two_factor_authentication_locked?: boolean | null;
  [extra: string]: unknown;
}

/** A token the emulator knows, with "Memberships Read" but without "User Details Read" (403 on `/user`). */
export const FAKE_TOKEN_WITHOUT_USER_DETAILS = "FAKE-test-token-without-user-details-read";

/** A membership in wire shape, of the account named `account`. */
function membership(
  account: string,
  status: string,
  enforcesTwoFactor: boolean | undefined,
  roles: string[],
): ServedMembership {
  return {
    id: fakeId(`membership:${account}`),
    status,
    account: {
      id: fakeId(`org:${account}`),
      name: account,
      settings:
        enforcesTwoFactor === undefined
          ? null
          : { enforce_twofactor: enforcesTwoFactor, use_account_custom_ns_by_default: false },
    },
    roles,
    permissions: {
      analytics: { read: true, write: false },
      dns_records: { read: true, write: roles.includes("Administrator") },
      billing: { read: roles.includes("Billing"), write: false },
    },
  };
}

/**
 * The memberships that go with {@link sampleInvites}: the accepted invites' accounts (Initech,
 * which enforces two-factor authentication, and Umbrella Labs, which does not), the pending ones
 * (Acme Corp, Globex), and an account joined long ago that does not report its setting (Wayne
 * Enterprises).
 */
export function sampleMemberships(): ServedMembership[] {
  return [
    membership("Acme Corp", "pending", true, ["Administrator"]),
    membership("Globex", "pending", false, ["DNS", "Analytics"]),
    membership("Initech", "accepted", true, ["Administrator Read Only"]),
    membership("Umbrella Labs", "accepted", false, ["Billing"]),
    membership("Wayne Enterprises", "accepted", undefined, ["Administrator"]),
  ];
}

/** The user behind the fake credentials; `twoFactor` says whether it has turned two-factor authentication on. */
export function sampleUser({ twoFactor = true }: { readonly twoFactor?: boolean } = {}): ServedUser {
  return {
    id: fakeId("member:invitee"),
    email: FAKE_CREDENTIALS.apiEmail,
    first_name: "Sample",
    last_name: "Invitee",
    two_factor_authentication_enabled: twoFactor,
    two_factor_authentication_locked: false,
    suspended: false,
  };
}

/** `count` synthetic memberships for load and benchmark runs, in an order the sort changes. */
export function manyMemberships(count: number): ServedMembership[] {
  const statuses = ["accepted", "pending", "rejected"];
  const memberships: ServedMembership[] = [];
  for (let i = 0; i < count; i++) {
    const n = (i * 7919) % count;
    memberships.push({
      id: `${n.toString(16).padStart(8, "0")}${"1".repeat(24)}`,
      status: statuses[n % statuses.length] ?? "accepted",
      account: {
        id: `${n.toString(16).padStart(8, "0")}${"b".repeat(24)}`,
        name: `Account ${n}`,
        settings: { enforce_twofactor: n % 3 !== 0 },
      },
      roles: ["Administrator"],
      permissions: { analytics: { read: true, write: false }, dns_records: { read: true, write: true } },
    });
  }
  return memberships;
}
