import type { SetContext } from '../../src/engine/rule.js';
import type { K8sObject } from '../../src/model/object.js';
import { describeSelector } from '../../src/model/selector.js';

/**
 * Reports a PodDisruptionBudget's or Service's selector that matches no pod template of its
 * namespace in the linted files (the cluster index judges when the files are evidence enough).
 */
export function reportUnmatchedSelector(object: K8sObject, context: SetContext<'noMatch'>): void {
  const unmatched = context.cluster.unmatchedSelector(object);
  if (!unmatched) return;
  context.report({
    at: object.at('spec', 'selector'),
    object,
    messageId: 'noMatch',
    data: { object: object.describe(), selector: describeSelector(unmatched), namespace: object.namespaceOrDefault },
  });
}
