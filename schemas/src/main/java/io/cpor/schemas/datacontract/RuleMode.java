package io.cpor.schemas.datacontract;

/** When a rule runs: on write or read (domain and encoding rules), or between versions (migration rules). */
public enum RuleMode {
    UPGRADE, DOWNGRADE, UPDOWN, WRITE, READ, WRITEREAD;

    boolean isMigration() {
        return this == UPGRADE || this == DOWNGRADE || this == UPDOWN;
    }

    /** Whether a rule of this mode runs in the given moment ({@code WRITE}, {@code READ}, {@code UPGRADE}, ...). */
    public boolean appliesTo(RuleMode moment) {
        return this == moment
                || this == WRITEREAD && (moment == WRITE || moment == READ)
                || this == UPDOWN && (moment == UPGRADE || moment == DOWNGRADE);
    }
}
