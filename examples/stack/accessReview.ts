import * as pulumi from "@pulumi/pulumi";

/** Arguments of {@link OrganizationAccessReview}. */
export interface OrganizationAccessReviewArgs {
  /** The organizations to review: here, those that do not enforce two-factor authentication. */
  readonly organizationIds: pulumi.Input<string[]>;
}

/**
 * Stands for whatever a team builds on the invitations: a ticket, a chat message, an access
 * review. It consumes organization ids from `UserInvites` outputs like any other resource input,
 * so Pulumi orders it after the read and re-runs it when the ids change.
 */
export class OrganizationAccessReview extends pulumi.ComponentResource {
  /** One line per organization to review, in the order given. */
  public readonly checklist: pulumi.Output<string[]>;

  constructor(name: string, args: OrganizationAccessReviewArgs, opts?: pulumi.ComponentResourceOptions) {
    super("examples:security:OrganizationAccessReview", name, args, opts);
    this.checklist = pulumi
      .output(args.organizationIds)
      .apply((ids) =>
        ids.map(
          (id) => `Organization ${id} does not enforce two-factor authentication: review this user's access`,
        ),
      );
    this.registerOutputs({ checklist: this.checklist });
  }
}
