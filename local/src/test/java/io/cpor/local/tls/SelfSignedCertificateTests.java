package io.cpor.local.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTests {

    @TempDir
    Path dir;

    @Test
    void writesACertificateForTheHostAndItsKeyAsPemOnce() throws Exception {
        SelfSignedCertificate.main(new String[] {"--dir=" + dir, "--host=cpor.example"});
        String certificate = Files.readString(dir.resolve("cert.pem"));
        String key = Files.readString(dir.resolve("key.pem"));

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(certificate.getBytes(StandardCharsets.US_ASCII)));
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=cpor.example");
        assertThat(x509.getSubjectAlternativeNames()).anySatisfy(name -> assertThat(name.get(1))
                .isEqualTo("cpor.example"));
        byte[] der = Base64.getMimeDecoder().decode(key.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))).isNotNull();
        assertThat(Files.getPosixFilePermissions(dir.resolve("key.pem"))).hasSize(2);

        SelfSignedCertificate.main(new String[] {"--dir=" + dir, "--host=other.example"});
        assertThat(Files.readString(dir.resolve("cert.pem"))).as("an existing certificate stays").isEqualTo(certificate);
    }
}
