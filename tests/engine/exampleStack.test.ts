import { FAKE_CREDENTIALS, sampleInvites } from "../../provider/testing";
import { SAMPLE } from "../helpers/sample";
import { useEngineFixture } from "./helpers/engineFixture";
import { leaksInSandbox } from "./helpers/secrets";

// The README's commands, typed into the real CLI in a copy of the repository, against the emulator.
describe("the example stack under the real Pulumi engine", () => {
  const fixture = useEngineFixture();

  const reads = (path: string) =>
    fixture.emulator.requests.filter((r) => r.path === `/client/v4${path}`).length;
  const listReads = () => reads("/user/invites");

  test("stack init, config, preview, up, stack output, a changed answer, refresh, destroy", async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });

    // Preview: the read really runs (one GET for the one page) and its outputs are known.
    const preview = await sandbox.ok(project, ["preview", "--diff"]);
    expect(listReads()).toBe(1);
    for (const id of SAMPLE.pendingOrganizationIds) expect(preview.stdout).toContain(id);

    // `up` previews before it updates: one read for each.
    await sandbox.ok(project, ["up", "--yes"]);
    expect(listReads()).toBe(3);
    const outputs = JSON.parse((await sandbox.ok(project, ["stack", "output", "--json"])).stdout);
    expect(outputs.pendingOrganizationIds).toEqual(SAMPLE.pendingOrganizationIds);
    expect(outputs.organizationsNotEnforcingTwoFactor).toEqual(SAMPLE.organizationsNotEnforcingTwoFactor);
    expect(outputs.inviteCountByStatus).toEqual(SAMPLE.inviteCountByStatus);
    // The memberships and the user, read as often as the invitations (one page, one user each time).
    expect([reads("/memberships"), reads("/user")]).toEqual([3, 3]);
    expect(outputs.twoFactorAuthenticationEnabled).toBe(true);
    expect(
      outputs.accountsNotEnforcingTwoFactor.map((a: { accountName: string }) => a.accountName).sort(),
    ).toEqual(["Umbrella Labs", "Wayne Enterprises"]);
    expect(outputs.acceptedAccountIds).toHaveLength(3);
    // Globex (an invitation), Umbrella Labs (both) and Wayne Enterprises (a membership), each once.
    expect(outputs.twoFactorReviewChecklist).toHaveLength(3);

    // Cloudflare's answer changes: the next up reads again and the outputs follow.
    const onlyAcme = sampleInvites().filter((i) => i.organization_name === "Acme Corp");
    emulator.setInvites(onlyAcme);
    await sandbox.ok(project, ["up", "--yes", "--skip-preview"]);
    expect(listReads()).toBe(4);
    const after = JSON.parse((await sandbox.ok(project, ["stack", "output", "--json"])).stdout);
    expect(after.pendingOrganizationIds).toEqual([onlyAcme[0]?.organization_id]);
    expect(after.inviteCountByStatus).toEqual({ pending: 1, accepted: 0, rejected: 0, expired: 0 });

    // Refresh reads with the provider code stored in state; destroy only forgets the read.
    await sandbox.ok(project, ["refresh", "--yes"]);
    expect(listReads()).toBeGreaterThan(4);
    const exported = (await sandbox.ok(project, ["stack", "export"])).stdout;
    await sandbox.ok(project, ["destroy", "--yes"]);
    const remaining = JSON.parse((await sandbox.ok(project, ["stack", "export"])).stdout);
    expect(remaining.deployment.resources ?? []).toEqual([]);

    // Nothing but GETs of the three endpoints ever reached the API, each with the configured token.
    expect(new Set(emulator.requests.map((r) => `${r.method} ${r.path}`))).toEqual(
      new Set(["GET /client/v4/user/invites", "GET /client/v4/memberships", "GET /client/v4/user"]),
    );
    for (const request of emulator.requests) {
      expect(request.headers["authorization"]).toBe(`Bearer ${FAKE_CREDENTIALS.apiToken}`);
    }

    // The token is stored encrypted: not in the state, the backend's files or anything the CLI printed.
    expect(leaksInSandbox(sandbox, [FAKE_CREDENTIALS.apiToken], exported)).toEqual([]);
  });
});
