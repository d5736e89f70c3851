package dev.outpost.stack.cost.store;

/** What consumed: an environment's containers or cluster, a local model on the laptop's GPU, or the remote GPU. */
public enum UsageKind { ENVIRONMENT, LOCAL_GPU, REMOTE_GPU }
