package io.cpor.local.registry;

import java.util.Locale;

/**
 * What a registry, or one subject of it, lets clients do: everything ({@code READWRITE}), only read
 * ({@code READONLY}; {@code READONLY_OVERRIDE} is the same here), or take schemas with the ids and versions they had
 * elsewhere ({@code IMPORT}, for moving a registry's content).
 */
enum RegistryMode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    static RegistryMode parse(String text, boolean global) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (name.equals("FORWARD")) {
            throw new RegistryException(422, 42204, global
                    ? "Invalid mode. FORWARD needs a leader to forward to, which this single-node registry has not"
                    : "Forward mode only supported on global level");
        }
        try {
            return valueOf(name);
        }
        catch (IllegalArgumentException e) {
            throw new RegistryException(422, 42204,
                    "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.");
        }
    }

    boolean readOnly() {
        return this == READONLY || this == READONLY_OVERRIDE;
    }
}
