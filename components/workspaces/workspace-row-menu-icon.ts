/** The id of /workspace/select's row menu icon, drawn once by the page around the rows (see IconSprite). */
export const WORKSPACE_ROW_MENU_ICON = "workspace-row-menu-icon";
