/**
 * `pulumi-cloudflare-user-invites/testing`: a Cloudflare API emulator and fixtures for testing
 * stacks and policies offline.
 */
export { startCloudflareEmulator } from "./emulator";
export type { CloudflareEmulator, EmulatorOptions, RecordedRequest } from "./emulator";
export { errorEnvelope, faults, successEnvelope } from "./faults";
export type { EnvelopeError, Fault } from "./faults";
export {
  FAKE_CREDENTIALS,
  FAKE_TOKEN_WITHOUT_PERMISSION,
  FAKE_TOKEN_WITHOUT_USER_DETAILS,
  fakeId,
  manyInvites,
  manyMemberships,
  referenceEnvelope,
  sampleInvites,
  sampleMemberships,
  sampleUser,
} from "./fixtures";
export type { ServedInvite, ServedMembership, ServedUser } from "./fixtures";
export { startProviderHost, ProviderHostCallError } from "./providerHost";
export type {
  CheckResponse,
  PropertyMap,
  ProviderHost,
  ProviderHostOptions,
  ReadRequest,
} from "./providerHost";
export { formatStackOutputs, runStackOffline } from "./offlineStack";
export type { OfflineResource, OfflineStackOptions, OfflineStackResult } from "./offlineStack";
export { formatPolicyRun, runPoliciesOffline } from "./runPolicies";
export type { OfflinePolicyResource, PolicyFinding, PolicyRun } from "./runPolicies";
