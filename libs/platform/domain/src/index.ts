// Pure building blocks for domain/ folders: the decider and saga shapes, and coded domain errors.
// No framework, database or messaging code may enter here.
export * from './lib/decider';
export * from './lib/domain-error';
export * from './lib/saga';
