package io.faceswap.provenance;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The signing key and certificate chain: the operator's PEM files, or a development chain generated once into a
 * directory (a private CA and an end-entity certificate that fits C2PA's profile: digitalSignature, the
 * documentSigning and emailProtection purposes, not a CA), files readable by the owner only.
 */
public final class SigningCredentials {
    static final String DEV_CHAIN = "c2pa-dev-chain.pem";
    static final String DEV_KEY = "c2pa-dev-key.pem";
    private static final ASN1ObjectIdentifier DOCUMENT_SIGNING = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36");

    private SigningCredentials() {}

    /** The operator's chain (end-entity first) and its private key (PKCS#8, or SEC1 / PKCS#1 as OpenSSL writes). */
    public static CoseSigner load(Path chainPem, Path keyPem) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try (var in = Files.newInputStream(chainPem)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(c -> chain.add((X509Certificate) c));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the certificate chain " + chainPem + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("No certificate in " + chainPem);
        }
        return new CoseSigner(readKey(keyPem), chain);
    }

    /** True when {@code dir} already holds a development chain. */
    public static boolean hasDevelopmentChain(Path dir) {
        return Files.exists(dir.resolve(DEV_CHAIN)) && Files.exists(dir.resolve(DEV_KEY));
    }

    /** The development chain kept in {@code dir}, generated there first if it is not there yet. */
    public static CoseSigner development(Path dir, String subject) throws IOException {
        if (!hasDevelopmentChain(dir)) {
            generate(dir, subject, false);
        }
        return load(dir.resolve(DEV_CHAIN), dir.resolve(DEV_KEY));
    }

    /** Writes a chain to {@code dir}: EC P-256 keys (ES256), or RSA 2048 (PS256; for tests of that algorithm). */
    static void generate(Path dir, String subject, boolean rsa) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
            if (rsa) {
                generator.initialize(2048, new SecureRandom());
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            }
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair eeKeys = generator.generateKeyPair();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=" + subject + " development CA (untrusted),O=" + subject);
            X509v3CertificateBuilder ca = builder(caName, caName, caKeys, now, Duration.ofDays(3650))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            String certificateSignature = rsa ? "SHA256withRSA" : "SHA256withECDSA";
            X509Certificate caCert = sign(ca, caKeys.getPrivate(), certificateSignature);
            X500Name eeName = new X500Name("CN=" + subject + " development signer (untrusted),O=" + subject);
            X509v3CertificateBuilder ee = builder(caName, eeName, eeKeys, now, Duration.ofDays(3650))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.getInstance(DOCUMENT_SIGNING), KeyPurposeId.id_kp_emailProtection
                    }))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(eeKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate eeCert = sign(ee, caKeys.getPrivate(), certificateSignature);
            writePrivate(dir.resolve(DEV_KEY), pkcs8(eeKeys.getPrivate()));
            writePrivate(dir.resolve(DEV_CHAIN), pem(eeCert) + pem(caCert));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException("Cannot generate the development signing chain", e);
        }
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, KeyPair keys, Instant now, Duration validity) {
        return new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(validity)),
                subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey, String algorithm)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }

    private static String pkcs8(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** Written under a temporary name with mode 600 from the start, then moved into place. */
    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static PrivateKey readKey(Path keyPem) throws IOException {
        try (Reader reader = Files.newBufferedReader(keyPem, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object instanceof PEMKeyPair pair) {
                return jdkKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return jdkKey(info);
            }
            throw new IOException("No unencrypted private key in " + keyPem);
        }
    }

    /**
     * The key as the JDK's own provider makes it. BouncyCastle's converter names an EC key "ECDSA" and builds it with
     * BouncyCastle's provider where one is registered in the JVM (as in WildFly), and the JDK's signature then
     * refuses it ("Not an EC key: ECDSA"): so the PKCS#8 bytes go through the JDK's key factory instead.
     */
    private static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";

    private static PrivateKey jdkKey(PrivateKeyInfo info) throws IOException {
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        String algorithm = EC_PUBLIC_KEY_OID.equals(oid) ? "EC" : "RSA";
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("Unreadable private key (" + algorithm + ")", e);
        }
    }
}
