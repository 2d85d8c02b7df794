import { routePoliciesOf, routesWithoutPolicy } from '@brigade/auth';
import {
  aMenuItem,
  as,
  call,
  CallTarget,
  createRestaurant,
  eventuallyInState,
  expectStatus,
  openRestaurant,
  PLATFORM_APPS,
  platformForTestFile,
  PlatformApp,
  SETTLE,
  signUpConsumer,
} from '@brigade/component-testing';
import { eventually } from '@brigade/testing';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { identitySigningKey } from './identity-keys';

// Identity and access across every running app: a consumer signs up, logs in and acts on its own
// order with its own token; nobody else's token, no forged one and no route without a policy gets through.
jest.setTimeout(180_000);

const DELIVERY_ADDRESS = { street1: '9 Elm St', city: 'Oakland', zip: '94612' };
const SECURITY_DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'security.md'), 'utf8');

describe('Brigade access (every app running as a process)', () => {
  const running = platformForTestFile({ approvalDeadlineMs: 10_000 });
  const anonymous = (app: PlatformApp): CallTarget => as(running().app(app), {});

  async function documentOf(app: PlatformApp) {
    return expectStatus(await call(anonymous(app), 'GET', '/docs-json'), 200).body;
  }

  it('signs up, logs in, orders and cancels with the consumer’s own token; another consumer gets 403 on all of it', async () => {
    const menu = [aMenuItem('Margherita', 1_250)];
    const restaurantId = await createRestaurant(running(), 'Access Pizza', menu);
    await openRestaurant(running(), restaurantId);
    const [alice, mallory] = await Promise.all([signUpConsumer(running(), 'Alice'), signUpConsumer(running(), 'Mallory')]);
    const asAlice = (app: PlatformApp) => as(running().app(app), alice.headers);
    const asMallory = (app: PlatformApp) => as(running().app(app), mallory.headers);

    const body = { consumerId: alice.consumerId, restaurantId, lineItems: [{ menuItemId: menu[0].menuItemId, quantity: 1 }], deliveryAddress: DELIVERY_ADDRESS };
    expectStatus(await call(asMallory('orders'), 'POST', '/orders', body), 403); // not for someone else
    const orderId: string = (await eventually(async () => expectStatus(await call(asAlice('orders'), 'POST', '/orders', body), 201), SETTLE)).body.orderId;
    await eventuallyInState(() => call(asAlice('orders'), 'GET', `/orders/${orderId}`), 'APPROVED');

    const hers = [
      ['orders', 'GET', `/orders/${orderId}`],
      ['orders', 'POST', `/orders/${orderId}/cancel`],
      ['accounting', 'GET', `/accounts/${alice.consumerId}`],
      ['consumers', 'GET', `/consumers/${alice.consumerId}`],
      ['order-history', 'GET', `/order-history/orders/${orderId}`],
      ['order-history', 'GET', `/order-history/consumers/${alice.consumerId}/orders`],
    ] as const;
    for (const [app, method, path] of hers) {
      const answer = await call(asMallory(app), method, path);
      expect({ app, path, status: answer.status, code: answer.body?.code }).toEqual({ app, path, status: 403, code: 'AUTH.FORBIDDEN' });
    }

    expectStatus(await call(asAlice('orders'), 'POST', `/orders/${orderId}/cancel`), 202);
    await eventuallyInState(() => call(asAlice('orders'), 'GET', `/orders/${orderId}`), 'CANCELLED');
    await eventually(async () => expect(expectStatus(await call(asAlice('order-history'), 'GET', `/order-history/orders/${orderId}`), 200).body.state).toBe('CANCELLED'), SETTLE);
  });

  it('every route of every app declares a policy, and docs/security.md lists each one as declared', async () => {
    const rows: string[] = [];
    for (const app of PLATFORM_APPS) {
      const document = await documentOf(app);
      expect({ app, withoutPolicy: routesWithoutPolicy(document) }).toEqual({ app, withoutPolicy: [] });
      rows.push(...routePoliciesOf(document).map((route) => `| ${app} | \`${route.method} ${route.path}\` | ${route.access} |`));
    }
    expect(rows.filter((row) => !SECURITY_DOC.includes(row))).toEqual([]);
  });

  it('a consumer token gets 403 on /admin/* of every app; an admin token gets in', async () => {
    const consumer = await signUpConsumer(running(), 'Eve');
    for (const app of PLATFORM_APPS) {
      const adminRoutes = routePoliciesOf(await documentOf(app)).filter((route) => route.path.startsWith('/admin/'));
      for (const route of adminRoutes) {
        const path = route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const refused = await call(as(running().app(app), consumer.headers), route.method, path);
        expect({ app, route: `${route.method} ${route.path}`, status: refused.status }).toEqual({ app, route: `${route.method} ${route.path}`, status: 403 });
      }
      for (const route of adminRoutes.filter((candidate) => candidate.method === 'GET' && !candidate.path.includes('{'))) {
        expect({ app, path: route.path, status: (await call(running().app(app), 'GET', route.path)).status }).toEqual({ app, path: route.path, status: 200 });
      }
    }
  });

  it('answers 401 on every app to a forged token (own key, real kid), alg none, a tampered payload and an expired token', async () => {
    const consumer = await signUpConsumer(running(), 'Trudy');
    const jwks = expectStatus(await call(anonymous('identity'), 'GET', '/.well-known/jwks.json'), 200).body;
    const realKid: string = jwks.keys[0].kid;
    const issuer = running().issuer;
    const claims = { role: 'admin' };
    const forger = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: realKid }).setSubject('mallory').setIssuer(issuer).setAudience('brigade').setIssuedAt().setExpirationTime('10m').sign(forger.privateKey);
    const none = new UnsecuredJWT(claims).setSubject('mallory').setIssuer(issuer).setAudience('brigade').setExpirationTime('10m').encode();
    const [header, payload, signature] = consumer.headers.authorization.slice('Bearer '.length).split('.');
    const raised = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(raised)).toString('base64url')}.${signature}`;
    const real = await identitySigningKey(running().databaseUrl('identity'));
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: real.kid }).setSubject('old-admin').setIssuer(issuer).setAudience('brigade').setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(real.privateKey);
    // The same key signs a fresh token that passes: the expired one fails for its expiry alone.
    const fresh = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: real.kid }).setSubject('new-admin').setIssuer(issuer).setAudience('brigade').setIssuedAt().setExpirationTime('5m').sign(real.privateKey);
    expect(await exportJWK(forger.publicKey)).not.toEqual(jwks.keys[0]);

    for (const app of PLATFORM_APPS) {
      const route = routePoliciesOf(await documentOf(app)).find((candidate) => candidate.access === 'admin' || candidate.access?.startsWith('admin,'));
      if (!route) throw new Error(`${app} has no route behind a token`);
      const path = route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [name, token] of Object.entries({ forged, none, tampered, expired })) {
        const answer = await call(as(running().app(app), { authorization: `Bearer ${token}` }), route.method, path);
        expect({ app, name, status: answer.status, code: answer.body?.code }).toEqual({ app, name, status: 401, code: 'AUTH.UNAUTHENTICATED' });
      }
      const accepted = await call(as(running().app(app), { authorization: `Bearer ${fresh}` }), route.method, path);
      expect({ app, status: accepted.status }).not.toEqual({ app, status: 401 });
    }
  });

  it('left NATS nothing to refuse: every app, as its own user, stayed within its permissions throughout', () => {
    expect(running().nats.violations()).toEqual([]);
  });
});
