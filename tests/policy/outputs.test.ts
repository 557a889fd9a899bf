import { readInvitesOutput } from "../../provider/policy";
import type { Invite } from "../../provider";

const ORG = "a".repeat(32);
const invites: Invite[] = [
  { id: "i1", organizationId: ORG, invitedMemberId: null, roles: [], status: "pending" },
];

describe("readInvitesOutput", () => {
  test("a known list", () => {
    expect(readInvitesOutput({ invites })).toEqual({ known: true, invites });
  });

  test("absent, or not a list of invites", () => {
    expect(readInvitesOutput({})).toEqual({ known: false, reason: "its invites output is not known yet" });
    expect(readInvitesOutput({ invites: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })).toEqual({
      known: false,
      reason: "its invites output is not a list of invites",
    });
    expect(readInvitesOutput({ invites: [{ id: "x" }] })).toEqual({
      known: false,
      reason: "its invites output is not a list of invites",
    });
  });

  test("other errors are not swallowed", () => {
    const props = new Proxy(
      {},
      {
        get: () => {
          throw new TypeError("boom");
        },
      },
    );
    expect(() => readInvitesOutput(props)).toThrow("boom");
  });
});
