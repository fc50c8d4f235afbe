// Types for scripts/manifests.mjs, for the TypeScript that imports it (test/unit/manifests.test.ts).

interface SourceManifest {
  [key: string]: unknown;
  content_scripts: { matches: string[] }[];
}

export function forChrome(manifest: SourceManifest): Record<string, unknown> & { host_permissions: string[] };
export function forFirefox(manifest: SourceManifest): Record<string, unknown>;
