package io.faceswap.account;

import com.github.benmanes.caffeine.cache.Ticker;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sk filter's authenticator: {@link ApiKeyCache} in front of {@link ApiKeyService#findByHash}. */
@ApplicationScoped
public class CachedKeyAuthenticator implements ApiKeyAuthenticator {
    private static final Logger LOG = Logger.getLogger(CachedKeyAuthenticator.class.getName());
    /** The promise to operators: a revoked key is refused on every node within a second. */
    static final long MAX_CACHE_MILLIS = 1000;

    @Inject
    ApiKeyService keys;

    @Inject
    LastUsedRecorder lastUsed;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clipzap.keys.auth-cache-millis")
    long cacheMillis;

    private ApiKeyCache cache;

    @PostConstruct
    void init() {
        long millis = Math.max(0, cacheMillis);
        if (millis > MAX_CACHE_MILLIS) {
            LOG.warning(() -> "clipzap.keys.auth-cache-millis=" + cacheMillis + " is above " + MAX_CACHE_MILLIS
                    + "; using " + MAX_CACHE_MILLIS + " so that revocations still apply within a second");
            millis = MAX_CACHE_MILLIS;
        }
        cache = new ApiKeyCache(
                Duration.ofMillis(millis), Ticker.systemTicker(), clock, keys::findByHash, lastUsed::used);
    }

    @Override
    public ApiCaller authenticate(String presentedKey) {
        return cache.authenticate(presentedKey);
    }

    /** After the revocation committed: a request that reads the row from now on sees it revoked. */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked event) {
        cache.forgetKey(event.keyId());
    }

    /** After a suspension (or its end) committed on this node: its keys are read again at once, here. */
    void userChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserKeysChanged event) {
        cache.forgetUser(event.userId());
    }
}
