/** The indicator template library: data (templates/indicators.json), schema, filling and checks. */
export * from './schema';
export * from './fill';
export * from './library';
