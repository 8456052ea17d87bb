/**
 * Platform documents: the UI's runtime configuration, health and the info document for brokers.
 */
import Type, { type Static } from 'typebox';

/** `GET /config.json`: runtime settings of the UI, served by the platform so one build runs anywhere. */
export const UiConfig = Type.Object({
  /** Base URL of the platform API, for example `/api` or `https://marketplace.example.com/api`. */
  apiBaseUrl: Type.String(),
  oidc: Type.Object({
    issuer: Type.String(),
    clientId: Type.String(),
    scope: Type.String(),
  }),
  theme: Type.Object({
    productName: Type.String(),
    /** Optional primary colour as a CSS colour. */
    primaryColor: Type.Optional(Type.String()),
  }),
  /**
   * Hosts (`cdn.example.com`, `host:port`, `*.example.com`) that broker images (icons, images in
   * markdown) may load from, besides the UI's own origin and `data:` images. Absent: none.
   */
  imageHosts: Type.Optional(Type.Array(Type.String())),
});
export type UiConfig = Static<typeof UiConfig>;

/** `GET /api/health`: whether the platform and its database answer. */
export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
});
export type HealthResponse = Static<typeof HealthResponse>;

/** `GET /info`: the Cloud Foundry-style info document brokers read (via `X-Api-Info-Location`) for dashboard SSO. */
export const InfoResponse = Type.Object({
  authorization_endpoint: Type.String(),
  token_endpoint: Type.String(),
});
export type InfoResponse = Static<typeof InfoResponse>;
