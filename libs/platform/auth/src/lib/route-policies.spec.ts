import { routePoliciesOf, routesWithoutPolicy } from './route-policies';

describe('route policies in an OpenAPI document', () => {
  const document = {
    paths: {
      '/orders': { post: { 'x-access': 'admin, consumer (own body.consumerId)' } },
      '/orders/{orderId}': { get: { 'x-access': 'admin, consumer (own, checked on the resource)' }, delete: { summary: 'forgot its policy' } },
      '/health': { get: { 'x-access': 'public' } },
    },
  };

  it('lists every operation with its policy', () => {
    expect(routePoliciesOf(document)).toEqual([
      { method: 'POST', path: '/orders', access: 'admin, consumer (own body.consumerId)' },
      { method: 'GET', path: '/orders/{orderId}', access: 'admin, consumer (own, checked on the resource)' },
      { method: 'DELETE', path: '/orders/{orderId}', access: undefined },
      { method: 'GET', path: '/health', access: 'public' },
    ]);
  });

  it('names the routes without one', () => {
    expect(routesWithoutPolicy(document)).toEqual(['DELETE /orders/{orderId}']);
    expect(routesWithoutPolicy({ paths: { '/health': { get: { 'x-access': 'public' } } } })).toEqual([]);
  });
});
