/** The fixture loader is part of `ballast/testing` (src/testing/), for plugin authors too. */
export * from '../../src/testing/fixture-cases.js';
