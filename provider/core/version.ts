/**
 * The package version, sent in the `User-Agent` header. A test keeps it equal to package.json's
 * `version`: reading package.json at run time would not survive closure serialization.
 */
export const VERSION = "0.1.0";

/** The package name, as published to npm. */
export const PACKAGE_NAME = "pulumi-cloudflare-user-invites";
