// Apart from ./permissions (and not importing it, not even its types) so that client components naming
// a permission's label do not ship the whole permission table; callers pass a PermissionKey.

export type CatalogSafe<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${CatalogSafe<Tail>}` : S;

/**
 * "instances.restart" → "instances_restart", for `t(\`keys.${permissionMessageId(key)}.label\`)`. The labels
 * and descriptions in ./permissions stay as the English the API documents and messages use; pages read the catalog.
 */
export function permissionMessageId<K extends string>(key: K): CatalogSafe<K> {
  return key.replaceAll(".", "_") as CatalogSafe<K>;
}
