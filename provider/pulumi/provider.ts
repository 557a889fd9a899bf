import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as runtime from "./runtime";

export { USER_INVITES_ID, USER_MEMBERSHIPS_ID } from "./runtime";

/**
 * The dynamic provider behind `UserInvites` (kind `invites`) and `UserMemberships` (kind
 * `memberships`): one class, whose instance says which read it serves. Closure-safe by
 * construction: its methods reach the implementation only through the `runtime` module (a
 * `require` of the installed package, or, from source, code serialized by value that builds its
 * zod schemas and undici agents at run time), and the instance holds no credential when it is
 * serialized: stack config arrives in `configure`, inside the provider host, after serialization.
 * Its methods refer to nothing of this module's own exports: once installed, that would make the
 * serialized code require a subpath the package does not export. (No subclasses: Pulumi's
 * serializer does not link a copied class's prototype to its parent's.)
 */
export class CloudflareUserProvider implements dynamic.ResourceProvider<object, object> {
  private stack: runtime.StackSettings = {};

  /** @param kind which read this provider serves; `invites` by default. */
  constructor(readonly kind: runtime.ReadKind = "invites") {}

  /** Reads `cloudflare:apiToken`, `cloudflare:apiKey`, `cloudflare:email`, `cloudflare:baseUrl`. */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.stack = runtime.stackSettingsFrom((key) => req.config.get(key));
  }

  /** Validates the args; each failure names its property. */
  async check(_olds: object, news: object): Promise<dynamic.CheckResult<object>> {
    return { inputs: news, failures: runtime.READS[this.kind].problems(news) };
  }

  /** A change of filters or base URL is an update (a re-read); nothing is ever replaced. */
  async diff(_id: string, olds: object, news: object): Promise<dynamic.DiffResult> {
    return {
      changes: runtime.READS[this.kind].differ(olds, news),
      replaces: [],
      deleteBeforeReplace: false,
    };
  }

  /** Nothing is created in Cloudflare: "create" records a first read. */
  async create(inputs: object): Promise<dynamic.CreateResult<object>> {
    const read = runtime.READS[this.kind];
    return { id: read.id, outs: await read.read(inputs, this.stack) };
  }

  /**
   * The data-source path: called on every preview and up for a Get-style resource (props are the
   * inputs) and on refresh (props are the previous outputs, which hold no credentials).
   */
  async read(id: string, props: object = {}): Promise<dynamic.ReadResult<object>> {
    const read = runtime.READS[this.kind];
    return { id: id || read.id, props: await read.read(props, this.stack) };
  }

  /** Re-reads with the new args, so outputs are never wiped. */
  async update(_id: string, _olds: object, news: object): Promise<dynamic.UpdateResult<object>> {
    return { outs: await runtime.READS[this.kind].read(news, this.stack) };
  }

  /** Nothing to delete: Cloudflare is left untouched. */
  async delete(): Promise<void> {}
}

/**
 * The provider of `UserInvites`, under its first name.
 * @deprecated Use {@link CloudflareUserProvider}, whose default kind is the same.
 */
export const UserInvitesProvider = CloudflareUserProvider;
/** @deprecated Use {@link CloudflareUserProvider}. */
export type UserInvitesProvider = CloudflareUserProvider;
