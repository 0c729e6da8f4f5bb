package io.cpor.local.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Writes a self-signed TLS certificate and its key as PEM ({@code cert.pem}, {@code key.pem}) for docker-compose.yml's
 * gateway, unless the directory already holds them (one an operator put there, or one made before). The key pair
 * and certificate come from the JDK's own {@code keytool}, so the image needs nothing else.
 * <pre>
 * SelfSignedCertificate --dir=/tls [--host=localhost]
 * </pre>
 */
public final class SelfSignedCertificate {

    private SelfSignedCertificate() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Path.of("tls");
        String host = "localhost";
        for (String arg : args) {
            if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring("--dir=".length()));
            }
            else if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            }
            else {
                throw new IllegalArgumentException("Unknown option " + arg + "; known: --dir=, --host=");
            }
        }
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        if (Files.exists(cert) && Files.exists(key)) {
            System.out.println("TLS certificate " + cert + " exists; left as it is");
            return;
        }
        Files.createDirectories(dir);
        Path store = Files.createTempFile("gateway", ".p12");
        Files.delete(store);
        String password = UUID.randomUUID().toString();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "gateway", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "397", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host
                        + ",ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                password)).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed with exit code " + process.exitValue());
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        Key privateKey = keys.getKey("gateway", password.toCharArray());
        Certificate certificate = keys.getCertificate("gateway");
        Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
        Files.delete(store);
        System.out.println("Self-signed TLS certificate for " + host + " written to " + cert);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
