package io.cluman.model.node;

/**
 * The lifecycle of a node. The allowed moves are in {@link NodeLifecycle}.
 *
 * <pre>
 *  DISCOVERED ──► COMMISSIONING ──► ACTIVE ◄──► DRAINING
 *      │               │            ▲  │  ▲        │
 *      │               │            │  ▼  │        │
 *      │               │          UPGRADING        │
 *      ▼               ▼               │           ▼
 *  DECOMMISSIONING ◄───┴───────────────┴───────────┘
 *      │
 *      ▼
 *  DECOMMISSIONED ──► COMMISSIONING (re-commission)
 * </pre>
 */
public enum NodeState {
    DISCOVERED, COMMISSIONING, ACTIVE, DRAINING, UPGRADING, DECOMMISSIONING, DECOMMISSIONED
}
