import type { AnyRule } from '../src/engine/rule.js';
import cpuRequestMissing from './cpu-request-missing.js';
import duplicateKey from './duplicate-key.js';
import inputLimit from './input-limit.js';
import invalidFieldType from './invalid-field-type.js';
import limitBelowRequest from './limit-below-request.js';
import livenessProbeMissing from './liveness-probe-missing.js';
import memoryLimitMissing from './memory-limit-missing.js';
import memoryRequestMissing from './memory-request-missing.js';
import parseError from './parse-error.js';
import qosBesteffort from './qos-besteffort.js';
import readinessProbeMissing from './readiness-probe-missing.js';
import replicasMin from './replicas-min.js';
import unknownField from './unknown-field.js';
import unusedSuppression from './unused-suppression.js';

/** Every built-in rule, alphabetically by ID; a test checks this list against the folder. */
export const builtinRules: readonly AnyRule[] = [
  cpuRequestMissing,
  duplicateKey,
  inputLimit,
  invalidFieldType,
  limitBelowRequest,
  livenessProbeMissing,
  memoryLimitMissing,
  memoryRequestMissing,
  parseError,
  qosBesteffort,
  readinessProbeMissing,
  replicasMin,
  unknownField,
  unusedSuppression,
];
