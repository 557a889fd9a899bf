import { listUserInvites } from "../../provider";
import { FAKE_CREDENTIALS, manyInvites } from "../../provider/testing";
import { clientOptions, emulator } from "../helpers/emulator";

test("chunked: list pages come without content-length, and the client reads them whole or stops at its limit", async () => {
  const emu = await emulator({ invites: manyInvites(2_000), chunked: true });
  const response = await fetch(`${emu.url}/user/invites`, {
    headers: { authorization: `Bearer ${FAKE_CREDENTIALS.apiToken}` },
  });
  expect(response.headers.get("transfer-encoding")).toBe("chunked");
  expect(response.headers.get("content-length")).toBeNull();
  expect(((await response.json()) as { result: unknown[] }).result).toHaveLength(2_000);
  expect(await listUserInvites(clientOptions(emu))).toHaveLength(2_000);
  // Counted as it streams: 2,000 invites are about 800 KB, past a 100 KB limit.
  await expect(listUserInvites(clientOptions(emu, { maxResponseBytes: 100_000 }))).rejects.toThrow(
    /with more than 100000 bytes \(\d+ announced or read\)/,
  );
});
