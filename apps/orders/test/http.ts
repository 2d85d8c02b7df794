export { call } from '@brigade/component-testing';
export type { HttpAnswer } from '@brigade/component-testing';
