import * as undici from "undici";
import { newAgent, newEnvProxyAgent, sendRequest } from "../../../provider/cloudflare/http/undici";
import { emulator } from "../../helpers/emulator";

test("the deep undici modules are the very classes undici exports", () => {
  expect(newAgent()).toBeInstanceOf(undici.Agent);
  expect(newEnvProxyAgent()).toBeInstanceOf(undici.EnvHttpProxyAgent);
});

test("sendRequest works on any dispatcher, including a caller's own", async () => {
  const emu = await emulator();
  const mine = new undici.Agent();
  const response = await sendRequest(mine, new URL(`${emu.url}/user/invites?page=1`), {
    method: "GET",
    headers: {},
  });
  expect(response.statusCode).toBe(400);
  expect(((await response.body.json()) as { errors: { code: number }[] }).errors[0]?.code).toBe(9106);
  expect(emu.requests[0]?.query).toEqual({ page: "1" });
  await mine.close();
});
