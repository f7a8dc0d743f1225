package io.faceswap.provenance;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a claim as C2PA asks: a COSE_Sign1 (RFC 9052, tag 18) with a detached payload, the algorithm and the
 * certificate chain ({@code x5chain}, label 33, end-entity first, root left out) in the protected header. ES256
 * (P-256, signature in IEEE P1363 form as COSE wants) or PS256 (RSA-PSS, SHA-256, MGF1, 32-byte salt).
 */
public final class CoseSigner {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final boolean ecdsa;

    public CoseSigner(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain is empty");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
        if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            ecdsa = true;
        } else if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= 2048) {
            ecdsa = false;
        } else {
            throw new IllegalArgumentException("The signing key must be EC P-256 (ES256) or RSA of 2048 bits or more"
                    + " (PS256), got " + key.getAlgorithm());
        }
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public String algorithm() {
        return ecdsa ? "ES256" : "PS256";
    }

    /** The COSE_Sign1 over {@code payload} (the claim's CBOR), payload detached. */
    byte[] sign(byte[] payload) {
        Map<Object, Object> protectedHeader = new LinkedHashMap<>();
        protectedHeader.put(1, ecdsa ? -7 : -37);
        List<Object> certs = new ArrayList<>();
        try {
            for (X509Certificate cert : chain) {
                certs.add(cert.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        protectedHeader.put(33, certs.size() == 1 ? certs.get(0) : certs);
        byte[] protectedBytes = Cbor.encode(protectedHeader);
        byte[] toBeSigned = Cbor.encode(List.of("Signature1", protectedBytes, new byte[0], payload));
        List<Object> sign1 = new ArrayList<>();
        sign1.add(protectedBytes);
        sign1.add(Map.of());
        sign1.add(null);
        sign1.add(signature(toBeSigned));
        return Cbor.encode(new Cbor.Tagged(18, sign1));
    }

    private byte[] signature(byte[] data) {
        try {
            Signature s;
            if (ecdsa) {
                s = Signature.getInstance("SHA256withECDSAinP1363Format");
            } else {
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the claim", e);
        }
    }
}
