/**
 * The image type from the file's first bytes, never from its name or declared type: an SVG (which can
 * carry script) or a renamed file is refused whatever it claims to be.
 */
export function sniffImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  const at = (i: number) => bytes[i];
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return "image/png";
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** The URL of a workspace's uploaded logo, versioned by its upload time so a new one is never served from cache. */
export function logoUrl(workspace: { slug: string; logoType?: string | null; logoUpdatedAt?: Date | null }): string | null {
  return workspace.logoType && workspace.logoUpdatedAt ? `/${workspace.slug}/logo?v=${workspace.logoUpdatedAt.getTime()}` : null;
}
