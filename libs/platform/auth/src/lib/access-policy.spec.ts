import { AccessPolicy, body, CHECKED_BY_USE_CASE, describePolicy, mayCall, param } from './access-policy';
import { mayActOn } from './may-act';
import type { AuthenticatedActor } from './roles';

const admin: AuthenticatedActor = { id: 'u-admin', role: 'admin' };
const consumer: AuthenticatedActor = { id: 'u-c', role: 'consumer', consumerId: 'c-1' };
const staff: AuthenticatedActor = { id: 'u-r', role: 'restaurant', restaurantId: 'r-1' };
const courier: AuthenticatedActor = { id: 'u-k', role: 'courier', courierId: 'k-1' };

const routes: Record<string, AccessPolicy> = {
  public: { kind: 'public' },
  admin: { kind: 'users', grants: {} },
  consumerParam: { kind: 'users', grants: { consumer: param('consumerId') } },
  consumerBody: { kind: 'users', grants: { consumer: body('consumerId') } },
  restaurantParam: { kind: 'users', grants: { restaurant: param('restaurantId') } },
  courierParam: { kind: 'users', grants: { courier: param('courierId') } },
  consumerResource: { kind: 'users', grants: { consumer: CHECKED_BY_USE_CASE } },
};

const own = { params: { consumerId: 'C-1', restaurantId: 'r-1', courierId: 'k-1' }, body: { consumerId: 'c-1' } };
const others = { params: { consumerId: 'c-2', restaurantId: 'r-2', courierId: 'k-2' }, body: { consumerId: 'c-2' } };

// Every role against every class of route, on its own resource and on someone else's.
const table: [string, AuthenticatedActor, boolean, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  //            actor      public admin  cParam cBody  rParam kParam cResource
  ['admin', admin, true, true, true, true, true, true, true],
  ['consumer', consumer, true, false, true, true, false, false, true],
  ['restaurant', staff, true, false, false, false, true, false, false],
  ['courier', courier, true, false, false, false, false, true, false],
];

describe('mayCall: each role × each class of route', () => {
  const names = Object.keys(routes);
  it.each(table)('%s on its own resources', (_name, actor, ...expected) => {
    expect(names.map((route) => mayCall(routes[route], actor, own))).toEqual(expected);
  });

  it.each(table)("%s on someone else's: only admin and public routes open (resources are left to the use case)", (_name, actor, ...expected) => {
    const onOthers = names.map((route) => mayCall(routes[route], actor, others));
    const open = names.map((route, index) => route === 'public' || route === 'consumerResource' ? expected[index] : actor.role === 'admin');
    expect(onOthers).toEqual(open);
  });

  it('refuses an owner field that is missing or not a string', () => {
    expect(mayCall(routes['consumerBody'], consumer, { body: { consumerId: ['c-1'] } })).toBe(false);
    expect(mayCall(routes['consumerParam'], consumer, {})).toBe(false);
  });
});

describe('mayActOn: the use case’s check on a loaded resource', () => {
  it.each([
    [admin, { consumer: 'c-9' }, true],
    [{ id: 'relay', role: 'system' } as const, { consumer: 'c-9' }, true],
    [consumer, { consumer: 'C-1' }, true],
    [consumer, { consumer: 'c-2' }, false],
    [consumer, { restaurant: 'r-1' }, false],
    [staff, { consumer: 'c-1', restaurant: 'r-1' }, true],
    [courier, { courier: 'k-2' }, false],
    [{ id: 'anonymous', role: 'anonymous' } as const, { consumer: 'c-1' }, false],
  ])('%p on %p → %p', (actor, owners, expected) => {
    expect(mayActOn(actor, owners)).toBe(expected);
  });
});

describe('describePolicy', () => {
  it('names who may call, for the OpenAPI document and docs/security.md', () => {
    expect(describePolicy(routes['public'])).toBe('public');
    expect(describePolicy(routes['admin'])).toBe('admin');
    expect(describePolicy(routes['restaurantParam'])).toBe('admin, restaurant (own :restaurantId)');
    expect(describePolicy(routes['consumerResource'])).toBe('admin, consumer (own, checked on the resource)');
  });
});
