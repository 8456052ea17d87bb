/**
 * The user interactions of the development OpenID provider, at `<issuer>/interaction/:uid`:
 * the sign-in form, and the consent, which is granted at once because the provider's clients
 * are the platform's own UI and its demo host portal.
 *
 * The interaction `uid` in the URL must be the one bound to the browser by the provider's
 * signed, SameSite interaction cookie, so a form cannot be posted across sites or into another
 * browser's sign-in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type Provider from 'oidc-provider';
import { errors, type Interaction } from 'oidc-provider';
import Type from 'typebox';
import { errorPage, type HtmlPage, type PageLanguage, pageLanguage, signInPage } from './pages.ts';
import type { UserDirectory } from './user-directory.ts';

/** What the interaction routes need. */
export interface InteractionRoutesOptions {
  provider: Provider;
  users: UserDirectory;
}

const InteractionParams = Type.Object({
  uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$', description: 'The interaction id.' }),
});

const SignInForm = Type.Object({
  username: Type.String({ maxLength: 256 }),
  password: Type.String({ maxLength: 1024 }),
});

const HtmlResponse = {
  description: 'An HTML page.',
  content: { 'text/html': { schema: Type.String() } },
};

const RedirectResponse = {
  description: 'Continues the authorization request.',
  type: 'null',
};

/** The most a sign-in form body may weigh. */
const FORM_BODY_LIMIT = 4096;

/** Registers the interaction routes; `app` must carry the issuer path as its prefix. */
export async function interactionRoutes(
  app: FastifyInstance,
  { provider, users }: InteractionRoutesOptions,
): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  /** The URL the sign-in form of an interaction posts to. */
  const signInAction = (uid: string) => `${app.prefix}/interaction/${uid}/login`;

  routes.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  routes.get(
    '/interaction/:uid',
    {
      schema: {
        hide: true,
        params: InteractionParams,
        response: { 200: HtmlResponse, 303: RedirectResponse, 400: HtmlResponse },
      },
    },
    async (request, reply) => {
      const interaction = await pendingInteraction(provider, request, reply, request.params.uid);
      if (!interaction) return reply;
      const language = interactionLanguage(request, interaction);
      switch (interaction.prompt.name) {
        case 'login':
          return sendPage(reply, 200, signInPage({ action: signInAction(request.params.uid), language }));
        case 'consent':
          return reply.redirect(await grantConsent(provider, request, reply, interaction), 303);
        default:
          return sendPage(reply, 400, errorPage('unsupportedStep', undefined, language));
      }
    },
  );

  routes.post(
    '/interaction/:uid/login',
    {
      schema: {
        hide: true,
        params: InteractionParams,
        body: SignInForm,
        response: { 303: RedirectResponse, 400: HtmlResponse },
      },
    },
    async (request, reply) => {
      const interaction = await pendingInteraction(provider, request, reply, request.params.uid);
      if (!interaction) return reply;
      const language = interactionLanguage(request, interaction);
      if (interaction.prompt.name !== 'login') {
        return sendPage(reply, 400, errorPage('noPasswordExpected', undefined, language));
      }
      const { username, password } = request.body;
      const user = users.authenticate(username, password);
      if (!user) {
        request.log.info({ interaction: interaction.uid }, 'Sign-in failed');
        return sendPage(
          reply,
          400,
          signInPage({ action: signInAction(request.params.uid), username, failed: true, language }),
        );
      }
      const returnTo = await provider.interactionResult(
        request.raw,
        reply.raw,
        { login: { accountId: user.id } },
        {
          mergeWithLastSubmission: false,
        },
      );
      return reply.redirect(returnTo, 303);
    },
  );
}

/**
 * The interaction bound to this browser, if it is the one named in the URL; otherwise answers
 * with an error page and returns undefined.
 */
async function pendingInteraction(
  provider: Provider,
  request: FastifyRequest,
  reply: FastifyReply,
  uid: string,
): Promise<Interaction | undefined> {
  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(request.raw, reply.raw);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    sendPage(
      reply,
      400,
      errorPage('expired', undefined, pageLanguage({ acceptLanguage: request.headers['accept-language'] })),
    );
    return undefined;
  }
  if (interaction.uid !== uid) {
    sendPage(reply, 400, errorPage('otherRequest', undefined, interactionLanguage(request, interaction)));
    return undefined;
  }
  return interaction;
}

/** The language of an interaction's pages: the client's `ui_locales`, else the browser's languages. */
function interactionLanguage(request: FastifyRequest, interaction: Interaction): PageLanguage {
  return pageLanguage({
    uiLocales: interaction.params['ui_locales'],
    acceptLanguage: request.headers['accept-language'],
  });
}

/** Grants what the interaction asks consent for and returns where the authorization goes on. */
async function grantConsent(
  provider: Provider,
  request: FastifyRequest,
  reply: FastifyReply,
  interaction: Interaction,
): Promise<string> {
  const {
    prompt: { details },
    params,
    session,
    grantId,
  } = interaction;
  if (!session) throw new Error('A consent interaction without a signed-in user');
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  return provider.interactionResult(request.raw, reply.raw, { consent: { grantId: await grant.save() } });
}

function sendPage(reply: FastifyReply, statusCode: number, page: HtmlPage): FastifyReply {
  return reply
    .code(statusCode)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', page.contentSecurityPolicy)
    .header('Cache-Control', 'no-store')
    .send(page.html);
}
