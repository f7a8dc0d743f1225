package io.faceswap.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development chain fits C2PA's certificate profile and is kept private; operators' PEM files load. */
class SigningCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void theDevelopmentChainIsGeneratedOncePrivateAndFitsTheProfile() throws Exception {
        CoseSigner first = SigningCredentials.development(dir, "faceswap");
        for (String file : List.of(SigningCredentials.DEV_CHAIN, SigningCredentials.DEV_KEY)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))));
        }
        X509Certificate signer = first.chain().get(0);
        X509Certificate ca = first.chain().get(1);
        assertEquals("ES256", first.algorithm());
        assertEquals(-1, signer.getBasicConstraints(), "not a CA");
        assertTrue(signer.getKeyUsage()[0], "digitalSignature");
        assertTrue(!signer.getKeyUsage()[5], "no keyCertSign");
        assertTrue(signer.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.36"), "documentSigning");
        assertTrue(signer.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.4"), "emailProtection");
        signer.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0);

        CoseSigner again = SigningCredentials.development(dir, "faceswap");
        assertArrayEquals(signer.getEncoded(), again.chain().get(0).getEncoded(), "kept, not generated again");
    }

    @Test
    void anOperatorsOpensslChainLoadsWithEcAndRsaKeys() throws Exception {
        assumeTrue(run("openssl", "version") == 0, "openssl is not installed");
        // EC key in OpenSSL's own (SEC1) form, RSA key as PKCS#8: the two forms operators' files come in
        assertEquals(0, run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key"));
        assertEquals(
                0,
                run(
                        "openssl", "req", "-new", "-x509", "-key", "ec.key", "-subj", "/CN=op", "-days", "2", "-out",
                        "ec.pem"));
        assertEquals(
                "ES256",
                SigningCredentials.load(dir.resolve("ec.pem"), dir.resolve("ec.key"))
                        .algorithm());
        assertEquals(
                0,
                run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key"));
        assertEquals(
                0,
                run(
                        "openssl", "req", "-new", "-x509", "-key", "rsa.key", "-subj", "/CN=op", "-days", "2", "-out",
                        "rsa.pem"));
        assertEquals(
                "PS256",
                SigningCredentials.load(dir.resolve("rsa.pem"), dir.resolve("rsa.key"))
                        .algorithm());
    }

    @Test
    void aFileWithoutACertificateIsRefusedWithItsName() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        IOException e = assertThrows(IOException.class, () -> SigningCredentials.load(empty, empty));
        assertTrue(e.getMessage().contains("empty.pem"), e.getMessage());
    }

    private int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
