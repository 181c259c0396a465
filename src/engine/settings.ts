/**
 * The run's settings as the engine and rules name them; the types and version helpers live in
 * the model, which needs them too (a layer may only import downwards).
 */
export * from '../model/settings.js';
