/** Fixes on findings: descriptors the rules attach, and planFixes. */
export * from './descriptors';
export * from './plan';
