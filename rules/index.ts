import type { AnyRule } from '../src/engine/rule.js';
import antiAffinityMissing from './anti-affinity-missing.js';
import apiVersionRemoved from './api-version-removed.js';
import apiserverEtcdSingleEndpoint from './apiserver-etcd-single-endpoint.js';
import cgroupsPerQosDisabled from './cgroups-per-qos-disabled.js';
import controlPlaneEndpointMissing from './control-plane-endpoint-missing.js';
import controlPlaneEndpointNodeIp from './control-plane-endpoint-node-ip.js';
import controlPlanePodPriority from './control-plane-pod-priority.js';
import controlPlaneSchedulable from './control-plane-schedulable.js';
import controlPlaneSingle from './control-plane-single.js';
import cpuRequestMissing from './cpu-request-missing.js';
import criticalAddonPriorityMissing from './critical-addon-priority-missing.js';
import criticalAddonReplicas from './critical-addon-replicas.js';
import criticalPodAnnotationDeprecated from './critical-pod-annotation-deprecated.js';
import criticalPriorityOutsideKubeSystem from './critical-priority-outside-kube-system.js';
import duplicateKey from './duplicate-key.js';
import endpointReconcilerNotLease from './endpoint-reconciler-not-lease.js';
import enforceAllocatableInvalid from './enforce-allocatable-invalid.js';
import etcdFlagsInvalid from './etcd-flags-invalid.js';
import etcdMemberCountEven from './etcd-member-count-even.js';
import etcdMemberCountLarge from './etcd-member-count-large.js';
import etcdQuotaLarge from './etcd-quota-large.js';
import etcdSingleMember from './etcd-single-member.js';
import evictionHardPartial from './eviction-hard-partial.js';
import evictionMemoryLow from './eviction-memory-low.js';
import evictionThresholdInvalid from './eviction-threshold-invalid.js';
import evictionTolerationLong from './eviction-toleration-long.js';
import gracefulShutdownDisabled from './graceful-shutdown-disabled.js';
import hpaMaxBelowMin from './hpa-max-below-min.js';
import hpaMinReplicas from './hpa-min-replicas.js';
import hpaReplicasConflict from './hpa-replicas-conflict.js';
import hpaRequestsMissing from './hpa-requests-missing.js';
import hpaTargetMissing from './hpa-target-missing.js';
import imageGcAfterEviction from './image-gc-after-eviction.js';
import imageTagMutable from './image-tag-mutable.js';
import inputLimit from './input-limit.js';
import invalidFieldType from './invalid-field-type.js';
import kubeReservedMissing from './kube-reserved-missing.js';
import kubeadmApiVersion from './kubeadm-api-version.js';
import kubeletFlagConflict from './kubelet-flag-conflict.js';
import kubernetesServiceAffinity from './kubernetes-service-affinity.js';
import leaderElectDisabled from './leader-elect-disabled.js';
import limitBelowRequest from './limit-below-request.js';
import livenessProbeMissing from './liveness-probe-missing.js';
import livenessStartupWindow from './liveness-startup-window.js';
import memoryLimitMissing from './memory-limit-missing.js';
import memoryRequestMissing from './memory-request-missing.js';
import networkPolicyBlocksDns from './network-policy-blocks-dns.js';
import nodeStatusGraceTooShort from './node-status-grace-too-short.js';
import notRendered from './not-rendered.js';
import parseError from './parse-error.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import pdbMissing from './pdb-missing.js';
import pdbSelectorNoMatch from './pdb-selector-no-match.js';
import podEvictionTimeoutRemoved from './pod-eviction-timeout-removed.js';
import podPidsLimitMissing from './pod-pids-limit-missing.js';
import priorityClassUnknown from './priority-class-unknown.js';
import probeIdentical from './probe-identical.js';
import probeInvalid from './probe-invalid.js';
import probePortUnknown from './probe-port-unknown.js';
import probeTimeoutExceedsPeriod from './probe-timeout-exceeds-period.js';
import pvcRetentionDelete from './pvc-retention-delete.js';
import qosBesteffort from './qos-besteffort.js';
import readinessProbeMissing from './readiness-probe-missing.js';
import replicasMin from './replicas-min.js';
import requestsExceedAllocatable from './requests-exceed-allocatable.js';
import reservedBelowRecommended from './reserved-below-recommended.js';
import reservedExceedsCapacity from './reserved-exceeds-capacity.js';
import rolloutDowntime from './rollout-downtime.js';
import serviceSelectorNoMatch from './service-selector-no-match.js';
import serviceTargetPortUnknown from './service-target-port-unknown.js';
import statefulDataEphemeral from './stateful-data-ephemeral.js';
import statefulNotGuaranteed from './stateful-not-guaranteed.js';
import systemReservedMissing from './system-reserved-missing.js';
import terminationGraceShort from './termination-grace-short.js';
import tolerationBlocksEviction from './toleration-blocks-eviction.js';
import unknownField from './unknown-field.js';
import unusedSuppression from './unused-suppression.js';
import webhookBackendSingleReplica from './webhook-backend-single-replica.js';

/** Every built-in rule, alphabetically by ID; a test checks this list against the folder. */
export const builtinRules: readonly AnyRule[] = [
  antiAffinityMissing,
  apiVersionRemoved,
  apiserverEtcdSingleEndpoint,
  cgroupsPerQosDisabled,
  controlPlaneEndpointMissing,
  controlPlaneEndpointNodeIp,
  controlPlanePodPriority,
  controlPlaneSchedulable,
  controlPlaneSingle,
  cpuRequestMissing,
  criticalAddonPriorityMissing,
  criticalAddonReplicas,
  criticalPodAnnotationDeprecated,
  criticalPriorityOutsideKubeSystem,
  duplicateKey,
  endpointReconcilerNotLease,
  enforceAllocatableInvalid,
  etcdFlagsInvalid,
  etcdMemberCountEven,
  etcdMemberCountLarge,
  etcdQuotaLarge,
  etcdSingleMember,
  evictionHardPartial,
  evictionMemoryLow,
  evictionThresholdInvalid,
  evictionTolerationLong,
  gracefulShutdownDisabled,
  hpaMaxBelowMin,
  hpaMinReplicas,
  hpaReplicasConflict,
  hpaRequestsMissing,
  hpaTargetMissing,
  imageGcAfterEviction,
  imageTagMutable,
  inputLimit,
  invalidFieldType,
  kubeReservedMissing,
  kubeadmApiVersion,
  kubeletFlagConflict,
  kubernetesServiceAffinity,
  leaderElectDisabled,
  limitBelowRequest,
  livenessProbeMissing,
  livenessStartupWindow,
  memoryLimitMissing,
  memoryRequestMissing,
  networkPolicyBlocksDns,
  nodeStatusGraceTooShort,
  notRendered,
  parseError,
  pdbBlocksEviction,
  pdbMissing,
  pdbSelectorNoMatch,
  podEvictionTimeoutRemoved,
  podPidsLimitMissing,
  priorityClassUnknown,
  probeIdentical,
  probeInvalid,
  probePortUnknown,
  probeTimeoutExceedsPeriod,
  pvcRetentionDelete,
  qosBesteffort,
  readinessProbeMissing,
  replicasMin,
  requestsExceedAllocatable,
  reservedBelowRecommended,
  reservedExceedsCapacity,
  rolloutDowntime,
  serviceSelectorNoMatch,
  serviceTargetPortUnknown,
  statefulDataEphemeral,
  statefulNotGuaranteed,
  systemReservedMissing,
  terminationGraceShort,
  tolerationBlocksEviction,
  unknownField,
  unusedSuppression,
  webhookBackendSingleReplica,
];
