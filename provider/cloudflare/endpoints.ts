/**
 * The Cloudflare endpoints this package reads, and what each needs: one place for the facts that
 * paths, permission hints and messages are built from.
 */

/** One endpoint this package reads. */
export interface Endpoint {
  /** The path under the API root, e.g. `/user/invites`. */
  readonly path: string;
  /** What it reads, for messages: "a user's invitations". */
  readonly reads: string;
  /** The permission's name, as Cloudflare's error pages say it: "Memberships Read". */
  readonly permission: string;
  /** Where the permission is chosen when a token is created: "User > Memberships > Read". */
  readonly tokenPermission: string;
  /** Cloudflare's reference page for the endpoint. */
  readonly docs: string;
}

const REFERENCE = "https://developers.cloudflare.com/api/resources";

/** The endpoints, by what they list or return. */
export const ENDPOINTS = {
  invites: {
    path: "/user/invites",
    reads: "a user's invitations",
    permission: "Memberships Read",
    tokenPermission: "User > Memberships > Read",
    docs: `${REFERENCE}/user/subresources/invites/methods/list/`,
  },
  memberships: {
    path: "/memberships",
    reads: "a user's memberships",
    permission: "Memberships Read",
    tokenPermission: "User > Memberships > Read",
    docs: `${REFERENCE}/memberships/methods/list/`,
  },
  user: {
    path: "/user",
    reads: "a user's own details (its two-factor status)",
    permission: "User Details Read",
    tokenPermission: "User > User Details > Read",
    docs: `${REFERENCE}/user/methods/get/`,
  },
} as const satisfies Record<string, Endpoint>;

/** Which endpoint a request path (with or without the API root and a query) is for; invites by default. */
export function endpointOf(path: string): Endpoint {
  const bare = path.split("?")[0] ?? "";
  if (bare.endsWith(ENDPOINTS.memberships.path)) return ENDPOINTS.memberships;
  if (bare.endsWith(ENDPOINTS.invites.path)) return ENDPOINTS.invites;
  if (bare.endsWith(ENDPOINTS.user.path)) return ENDPOINTS.user;
  return ENDPOINTS.invites;
}
