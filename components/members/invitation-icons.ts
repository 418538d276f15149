/** The ids of the invitation row buttons' icons, drawn once per page by the table around the rows (see IconSprite). */
export const INVITATION_ICONS = { copy: "invitation-copy", resend: "invitation-resend", revoke: "invitation-revoke" } as const;
