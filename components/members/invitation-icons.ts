/** The id of the invitation row menu's icon, drawn once per page by the table around the rows (see IconSprite). */
export const INVITATION_ICONS = { menu: "invitation-actions-icon" } as const;
