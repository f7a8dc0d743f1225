package io.faceswap.credentials;

import io.faceswap.config.DataDirectory;
import io.faceswap.provenance.CoseSigner;
import io.faceswap.provenance.Provenance;
import io.faceswap.provenance.SigningCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs every result with C2PA content credentials and XMP. The signing credentials are chosen at start, so a
 * misconfigured certificate stops the deployment instead of the first task: the operator's chain and key when both
 * paths are set, otherwise a development chain kept in the data directory (generated at the first start), announced
 * by one WARN line since nobody trusts it.
 */
@ApplicationScoped
public class ContentCredentials {
    private static final Logger LOG = Logger.getLogger(ContentCredentials.class.getName());

    @Inject
    @ConfigProperty(name = "clipzap.provenance.certificate-chain")
    Optional<String> chainPath;

    @Inject
    @ConfigProperty(name = "clipzap.provenance.private-key")
    Optional<String> keyPath;

    @Inject
    DataDirectory dataDirectory;

    private volatile Provenance provenance;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        provenance();
    }

    /** Marks {@code in} (a file of the caller's own) as synthetic, signed, and moves it to {@code out} atomically. */
    public void markAndMove(Path in, Path out, String taskId) {
        try {
            provenance().markAndMove(in, out, taskId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the result of task " + taskId, e);
        }
    }

    private Provenance provenance() {
        Provenance known = provenance;
        if (known == null) {
            synchronized (this) {
                if (provenance == null) {
                    provenance = new Provenance(signer(), generator());
                }
                known = provenance;
            }
        }
        return known;
    }

    private CoseSigner signer() {
        Optional<String> chain = chainPath.filter(s -> !s.isBlank());
        Optional<String> key = keyPath.filter(s -> !s.isBlank());
        try {
            if (chain.isPresent() != key.isPresent()) {
                throw new IllegalStateException("Set both clipzap.provenance.certificate-chain and"
                        + " clipzap.provenance.private-key, or neither (a development chain is used then)");
            }
            if (chain.isPresent()) {
                CoseSigner signer = SigningCredentials.load(Path.of(chain.get()), Path.of(key.get()));
                LOG.info("Results are signed (" + signer.algorithm() + ") by "
                        + signer.chain().get(0).getSubjectX500Principal().getName());
                return signer;
            }
            Path dir = dataDirectory.resolve("c2pa");
            CoseSigner signer = SigningCredentials.development(dir, "faceswap");
            LOG.warning("Results are signed with an untrusted development certificate (" + dir
                    + "): set clipzap.provenance.certificate-chain and clipzap.provenance.private-key to sign"
                    + " with your own");
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the content credentials' signing certificate", e);
        }
    }

    private static Provenance.Generator generator() {
        Properties p = new Properties();
        try (InputStream in = ContentCredentials.class.getResourceAsStream("generator.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("generator.properties is missing from the build", e);
        }
        return new Provenance.Generator(p.getProperty("name"), p.getProperty("version"));
    }
}
