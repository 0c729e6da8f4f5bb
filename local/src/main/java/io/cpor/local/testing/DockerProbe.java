package io.cpor.local.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether Testcontainers can reach a Docker engine. Where nothing points to one (no {@code DOCKER_HOST}, no
 * Testcontainers configuration, none of the usual sockets) the answer is no without asking Testcontainers, whose own
 * search logs errors; a CI machine without Docker stays quiet.
 */
final class DockerProbe {

    /** The answer, and why not when it is no. */
    record Result(boolean available, String reason) {
    }

    private DockerProbe() {
    }

    static Result check() {
        if (!onClasspath("org.testcontainers.DockerClientFactory")) {
            return new Result(false, "Testcontainers (org.testcontainers:testcontainers-kafka and "
                    + "testcontainers-mongodb) is not on the test classpath");
        }
        if (!pointsToDocker()) {
            return new Result(false, "no Docker engine is configured (no DOCKER_HOST, no ~/.testcontainers.properties,"
                    + " no Docker socket)");
        }
        return ContainerServices.dockerAnswers() ? new Result(true, "")
                : new Result(false, "Testcontainers found no Docker engine that answers");
    }

    private static boolean pointsToDocker() {
        String home = System.getProperty("user.home", "");
        String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        List<Path> sockets = List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(runtime, "docker.sock"),
                Path.of(home, ".colima/default/docker.sock"), Path.of(home, ".rd/docker.sock"));
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of(home, ".testcontainers.properties"))
                || sockets.stream().anyMatch(Files::exists);
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, DockerProbe.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException e) {
            return false;
        }
    }
}
