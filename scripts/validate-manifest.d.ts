export function validateManifest(xml: string, options: { root: string; devServerPort?: number }): string[];
