package io.cpor.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The configuration metadata of each packaged service, read once per test JVM. */
final class PackagedMetadata {

    private static final Map<String, ConfigurationMetadata> BY_MODULE = new ConcurrentHashMap<>();

    private PackagedMetadata() {
    }

    static ConfigurationMetadata of(Repository repository, String module) {
        return BY_MODULE.computeIfAbsent(module,
                name -> ConfigurationMetadata.ofExecutableJar(repository.packagedJar(name)));
    }
}
