import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as runtime from "./runtime";

export { USER_INVITES_ID } from "./runtime";

/**
 * The dynamic provider behind `UserInvites`. Closure-safe by construction: its methods reach the
 * implementation only through the `runtime` module (a `require` of the installed package, or,
 * from source, code serialized by value that builds its zod schemas and undici agents at run
 * time), and the instance holds no credential when it is serialized: stack config arrives in
 * `configure`, inside the provider host, after serialization. Its methods refer to nothing of
 * this module's own exports: once installed, that would make the serialized code require a
 * subpath the package does not export.
 */
export class UserInvitesProvider implements dynamic.ResourceProvider<
  runtime.UserInvitesInputs,
  runtime.UserInvitesOutputs
> {
  private stack: runtime.StackSettings = {};

  /** Reads `cloudflare:apiToken`, `cloudflare:apiKey`, `cloudflare:email`, `cloudflare:baseUrl`. */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.stack = runtime.stackSettingsFrom((key) => req.config.get(key));
  }

  /** Validates the args; each failure names its property. */
  async check(
    _olds: runtime.UserInvitesInputs,
    news: runtime.UserInvitesInputs,
  ): Promise<dynamic.CheckResult<runtime.UserInvitesInputs>> {
    return { inputs: news, failures: runtime.inputProblems(news) };
  }

  /** A change of filters or base URL is an update (a re-read); nothing is ever replaced. */
  async diff(
    _id: string,
    olds: runtime.UserInvitesOutputs,
    news: runtime.UserInvitesInputs,
  ): Promise<dynamic.DiffResult> {
    return { changes: runtime.inputsDiffer(olds, news), replaces: [], deleteBeforeReplace: false };
  }

  /** Nothing is created in Cloudflare: "create" records a first read. */
  async create(inputs: runtime.UserInvitesInputs): Promise<dynamic.CreateResult<runtime.UserInvitesOutputs>> {
    return { id: runtime.USER_INVITES_ID, outs: await runtime.readUserInvites(inputs, this.stack) };
  }

  /**
   * The data-source path: called on every preview and up for a Get-style resource (props are the
   * inputs) and on refresh (props are the previous outputs, which hold no credentials).
   */
  async read(
    id: string,
    props: runtime.UserInvitesInputs = {},
  ): Promise<dynamic.ReadResult<runtime.UserInvitesOutputs>> {
    const outs = await runtime.readUserInvites(props, this.stack);
    return { id: id || runtime.USER_INVITES_ID, props: outs };
  }

  /** Re-reads with the new args, so outputs are never wiped. */
  async update(
    _id: string,
    _olds: runtime.UserInvitesOutputs,
    news: runtime.UserInvitesInputs,
  ): Promise<dynamic.UpdateResult<runtime.UserInvitesOutputs>> {
    return { outs: await runtime.readUserInvites(news, this.stack) };
  }

  /** Nothing to delete: Cloudflare is left untouched. */
  async delete(): Promise<void> {}
}
