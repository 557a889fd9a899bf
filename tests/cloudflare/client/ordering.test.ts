import { listUserInvites } from "../../../provider";
import { fakeId, manyInvites, sampleInvites } from "../../../provider/testing";
import { clientOptions, emulator } from "../../helpers/emulator";

test("the order does not depend on the order the API returns", async () => {
  const wire = manyInvites(200);
  const forward = await emulator({ invites: wire });
  const backward = await emulator({ invites: [...wire].reverse(), perPage: 50 });
  const a = await listUserInvites(clientOptions(forward));
  const b = await listUserInvites(clientOptions(backward));
  expect(a).toEqual(b);
  const keys = a.map((i) => `${i.organizationId}/${i.id}`);
  expect(keys).toEqual([...keys].sort());
});

test("duplicates in one response are kept once", async () => {
  const [first, second] = sampleInvites();
  const emu = await emulator({ invites: [first!, second!, first!] });
  expect(await listUserInvites(clientOptions(emu))).toHaveLength(2);
});

test("invites without an id are told apart by organization, email and date", async () => {
  const base = {
    organization_id: fakeId("org"),
    invited_member_email: "a@example.com",
    invited_on: "2026-01-01T00:00:00Z",
  };
  const emu = await emulator({
    invites: [base, { ...base, invited_member_email: "b@example.com" }, base],
  });
  const invites = await listUserInvites(clientOptions(emu));
  expect(invites.map((i) => i.invitedMemberEmail)).toEqual(["a@example.com", "b@example.com"]);
});

describe("filters apply after fetching", () => {
  test("by status", async () => {
    const emu = await emulator();
    const invites = await listUserInvites(clientOptions(emu, { statuses: ["pending"] }));
    expect(invites.map((i) => i.organizationName).sort()).toEqual(["Acme Corp", "Globex", "Hooli"]);
    expect(emu.requests[0]?.query).toEqual({});
  });

  test("by organization", async () => {
    const emu = await emulator();
    const invites = await listUserInvites(
      clientOptions(emu, { organizationIds: [fakeId("org:Globex"), fakeId("org:Initech")] }),
    );
    expect(invites.map((i) => i.organizationName).sort()).toEqual(["Globex", "Initech"]);
  });

  test("both, and a legacy status", async () => {
    const emu = await emulator();
    expect(
      await listUserInvites(
        clientOptions(emu, { statuses: ["accepted"], organizationIds: [fakeId("org:Globex")] }),
      ),
    ).toEqual([]);
    expect(await listUserInvites(clientOptions(emu, { statuses: ["canceled"] }))).toEqual([]);
  });
});
