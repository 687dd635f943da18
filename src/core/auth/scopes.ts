/**
 * Graph scopes, least privilege per operation (see ../../../shared/seeds): message permanentDelete needs
 * delegated Mail.ReadWrite. Only Graph resource scopes: mixing resources in one request fails (AADSTS28000).
 */
export const SCOPES = {
  mail: ["Mail.ReadWrite"],
} as const satisfies Record<string, readonly string[]>;
