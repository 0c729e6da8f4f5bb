package io.cpor.schemas.datacontract;

/** Whether a rule changes the value ({@code TRANSFORM}) or only judges it ({@code CONDITION}). */
public enum RuleKind {
    TRANSFORM, CONDITION
}
