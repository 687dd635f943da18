/// <reference types="vite/client" />

/** Build-time configuration (docs/deploy.md, "2. Configure the build"). */
interface ImportMetaEnv {
  readonly VITE_AAD_CLIENT_ID?: string;
  readonly VITE_AAD_AUTHORITY?: string;
  readonly VITE_GRAPH_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
