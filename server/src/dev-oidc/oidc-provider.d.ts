/**
 * Type declarations for the parts of `oidc-provider` 8.x (which ships no types) that the
 * development OpenID provider uses.
 */
declare module 'oidc-provider' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  /** The parts of the Koa context (with oidc-provider's `oidc` member) that hooks use. */
  export interface ProviderContext {
    body: unknown;
    type: string;
    status: number;
    set(field: string, value: string): void;
    /** A request header. */
    get(field: string): string;
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string };
      /** The parameters of the authorization or end-session request, once parsed. */
      params?: Record<string, unknown>;
    };
  }

  /** The account the provider asks claims of. */
  export interface Account {
    accountId: string;
    claims(use: 'id_token' | 'userinfo', scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  /** What `getResourceServerInfo` returns for a resource indicator. */
  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg: string } };
  }

  /** A stored model of the provider, as its adapters see it. */
  export interface AdapterPayload {
    uid?: string;
    grantId?: string;
    userCode?: string;
    consumed?: number;
    [key: string]: unknown;
  }

  /** The storage interface of the provider, one instance per model name. */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** The details of a pending prompt (what the login or consent must establish). */
  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
    [key: string]: unknown;
  }

  /** A pending user interaction (login or consent) of an authorization request. */
  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: PromptDetails };
    params: Record<string, unknown> & { client_id: string };
    session?: { accountId: string; uid: string };
    grantId?: string;
    returnTo: string;
  }

  /** The result an interaction hands back to the authorization request. */
  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    [key: string]: unknown;
  }

  /** What a user granted a client. */
  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  /** Provider configuration; only the members this project sets are typed. */
  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients?: Record<string, unknown>[];
    jwks?: { keys: JWK[] };
    cookies?: {
      keys?: string[];
      long?: Record<string, unknown>;
      short?: Record<string, unknown>;
    };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    responseTypes?: string[];
    pkce?: { required?: (ctx: ProviderContext, client: unknown) => boolean; methods?: string[] };
    clientBasedCORS?: (ctx: ProviderContext, origin: string, client: { clientId: string }) => boolean;
    findAccount?: (ctx: ProviderContext, id: string) => Promise<Account | undefined>;
    interactions?: { url?: (ctx: ProviderContext, interaction: Interaction) => string | Promise<string> };
    renderError?: (
      ctx: ProviderContext,
      out: { error: string; error_description?: string },
      error: Error,
    ) => void | Promise<void>;
    ttl?: Record<string, number>;
    features?: {
      devInteractions?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (
          ctx: ProviderContext,
          client: unknown,
          oneOf?: string[],
        ) => string | string[] | undefined | Promise<string | string[] | undefined>;
        getResourceServerInfo?: (
          ctx: ProviderContext,
          resource: string,
          client: { clientId: string },
        ) => ResourceServerInfo | Promise<ResourceServerInfo>;
      };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: ProviderContext, form: string) => void | Promise<void>;
        postLogoutSuccessSource?: (ctx: ProviderContext) => void | Promise<void>;
      };
      [feature: string]: unknown;
    };
  }

  /** An OpenID provider (a Koa application with the OpenID Connect endpoints). */
  export default class Provider extends EventEmitter {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    /** A Node.js request listener serving the provider's endpoints. */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
  }

  /** An OAuth error with its HTTP status. */
  export class OIDCProviderError extends Error {
    constructor(description?: string);
    status: number;
    error: string;
    error_description?: string;
  }

  /** The provider's error classes. */
  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    /** The interaction (or the session it belongs to) is gone or was never bound to this browser. */
    SessionNotFound: typeof OIDCProviderError;
    /** The requested resource indicator is unknown. */
    InvalidTarget: typeof OIDCProviderError;
  };
}
